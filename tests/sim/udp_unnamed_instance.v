// Primitive instances without a name (IEEE 1364-2005 8.1: the name is
// optional), with and without a delay.
primitive inv (y, a);
  output y;
  input a;
  table
     0 : 1;
     1 : 0;
  endtable
endprimitive

module t;
  reg a;
  wire y1, y2, y3;
  inv (y1, a);
  inv #1 (y2, a);
  inv (y3, y2);
  initial begin
    $monitor("%0t a=%b y1=%b y2=%b y3=%b", $time, a, y1, y2, y3);
    #1 a = 0;
    #2 a = 1;
    #2 $finish;
  end
endmodule
// ---- expected output ----
//| 0 a=x y1=x y2=x y3=x
//| 1 a=0 y1=1 y2=x y3=x
//| 2 a=0 y1=1 y2=1 y3=0
//| 3 a=1 y1=0 y2=1 y3=0
//| 4 a=1 y1=0 y2=0 y3=1
