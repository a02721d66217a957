// Primitive instances (IEEE 1364-2005 8.1, 7.1.5-7.1.6): delays (one value,
// and rise/fall, in the instantiating module's time unit), named
// connections, and a primitive instantiated inside a module.
`timescale 1ns/1ns
primitive buf_u (y, a);
  output y;
  input a;
  table
     0 : 0;
     1 : 1;
  endtable
endprimitive

primitive and_u (y, a, b);
  output y;
  input a, b;
  table
     1 1 : 1;
     0 ? : 0;
     ? 0 : 0;
  endtable
endprimitive

module wrap (output o, input i);
  buf_u #1 u (o, i);
endmodule

module t;
  reg a;
  reg en;
  wire y1, y2, y3, y4;
  buf_u #2 d1 (y1, a);
  buf_u #(3, 1) d2 (y2, a);
  and_u n1 (.b(en), .y(y3), .a(a));
  wrap m (y4, a);
  initial begin
    $monitor("%0t a=%b y1=%b y2=%b y3=%b y4=%b en=%b", $time, a, y1, y2, y3, y4, en);
    a = 0; en = 1;
    #5 a = 1;
    #5 a = 0;
    #5 a = 1;
    #1 en = 0;
    #1 en = 1'bx;
    #1 a = 0;
    #5 $finish;
  end
endmodule
// ---- expected output ----
//| 0 a=0 y1=x y2=x y3=0 y4=x en=1
//| 1 a=0 y1=x y2=0 y3=0 y4=0 en=1
//| 2 a=0 y1=0 y2=0 y3=0 y4=0 en=1
//| 5 a=1 y1=0 y2=0 y3=1 y4=0 en=1
//| 6 a=1 y1=0 y2=0 y3=1 y4=1 en=1
//| 7 a=1 y1=1 y2=0 y3=1 y4=1 en=1
//| 8 a=1 y1=1 y2=1 y3=1 y4=1 en=1
//| 10 a=0 y1=1 y2=1 y3=0 y4=1 en=1
//| 11 a=0 y1=1 y2=0 y3=0 y4=0 en=1
//| 12 a=0 y1=0 y2=0 y3=0 y4=0 en=1
//| 15 a=1 y1=0 y2=0 y3=1 y4=0 en=1
//| 16 a=1 y1=0 y2=0 y3=0 y4=1 en=0
//| 17 a=1 y1=1 y2=0 y3=x y4=1 en=x
//| 18 a=0 y1=1 y2=1 y3=0 y4=1 en=x
//| 19 a=0 y1=1 y2=0 y3=0 y4=0 en=x
//| 20 a=0 y1=0 y2=0 y3=0 y4=0 en=x
