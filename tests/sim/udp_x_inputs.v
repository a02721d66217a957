// X and Z on primitive inputs (IEEE 1364-2005 8.1.6, 8.2): a z input is read
// as x, an input combination no row matches gives x, and an unconnected
// input floats at z.
primitive inv (y, a);
  output y;
  input a;
  table
     0 : 1;
     1 : 0;
  endtable
endprimitive

primitive xdet (y, a, b);
  output y;
  input a, b;
  table
  // 1 when an input is unknown, 0 when both are known
     x ? : 1;
     ? x : 1;
     b b : 0;
  endtable
endprimitive

module t;
  reg a, b;
  wire y1, y2, y3, y4;
  inv i1 (y1, a);
  xdet d1 (y2, a, b);
  xdet d2 (y3, a, );
  inv i2 (y4, );
  initial begin
    $monitor("%0t a=%b b=%b inv=%b xdet=%b open=%b inv_open=%b", $time, a, b, y1, y2, y3, y4);
    #1 a = 0; b = 0;
    #1 a = 1;
    #1 a = 1'bz;
    #1 b = 1;
    #1 a = 1'bx;
    #1 a = 0; b = 1'bz;
    #1 b = 0;
    #1 $finish;
  end
endmodule
// ---- expected output ----
//| 0 a=x b=x inv=x xdet=1 open=1 inv_open=x
//| 1 a=0 b=0 inv=1 xdet=0 open=1 inv_open=x
//| 2 a=1 b=0 inv=0 xdet=0 open=1 inv_open=x
//| 3 a=z b=0 inv=x xdet=1 open=1 inv_open=x
//| 4 a=z b=1 inv=x xdet=1 open=1 inv_open=x
//| 5 a=x b=1 inv=x xdet=1 open=1 inv_open=x
//| 6 a=0 b=z inv=1 xdet=1 open=1 inv_open=x
//| 7 a=0 b=0 inv=1 xdet=0 open=1 inv_open=x
