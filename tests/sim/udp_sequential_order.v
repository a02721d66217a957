// Input changes reach a sequential primitive one at a time, in the order
// they happen (IEEE 1364-2005 8.6; each is its own update event): two inputs
// changed by back-to-back blocking assignments give different results in
// the two orders, and a change that no row lists (d while the clock is
// steady, below) makes the output x.
primitive d1 (q, c, d);
  output q; reg q; input c, d;
  table
     r 0 : ? : 0;
     r 1 : ? : 1;
     f ? : ? : -;
  endtable
endprimitive
primitive l1 (q, a, b);
  output q; reg q; input a, b;
  table
     1 0 : ? : 1;
     0 1 : ? : 0;
     0 0 : ? : -;
     (01) 1 : ? : 1;
     1 (01) : ? : 0;
  endtable
endprimitive
module t;
  reg c, d, a, b;
  wire q, q2;
  d1 u (q, c, d);
  l1 v (q2, a, b);
  initial begin
    $monitor("%0t c=%b d=%b q=%b a=%b b=%b q2=%b", $time, c, d, q, a, b, q2);
    #1 c = 0; d = 1;
    #1 c = 1;
    #1 d = 0;
    #1 c = 0;
    #1 c = 1; d = 1;
    #1 d = 0; c = 0;
    #1 a = 0; b = 0;
    #1 a = 1; b = 1;
    #1 a = 0; b = 0;
    #1 b = 1; a = 1;
    #1 a = 0;
    #1 a = 1;
    #1 $finish;
  end
endmodule
// ---- expected output ----
//| 0 c=x d=x q=x a=x b=x q2=x
//| 1 c=0 d=1 q=x a=x b=x q2=x
//| 2 c=1 d=1 q=1 a=x b=x q2=x
//| 3 c=1 d=0 q=x a=x b=x q2=x
//| 4 c=0 d=0 q=x a=x b=x q2=x
//| 5 c=1 d=1 q=x a=x b=x q2=x
//| 6 c=0 d=0 q=x a=x b=x q2=x
//| 7 c=0 d=0 q=x a=0 b=0 q2=x
//| 8 c=0 d=0 q=x a=1 b=1 q2=0
//| 9 c=0 d=0 q=x a=0 b=0 q2=0
//| 10 c=0 d=0 q=x a=1 b=1 q2=1
//| 11 c=0 d=0 q=x a=0 b=1 q2=0
//| 12 c=0 d=0 q=x a=1 b=1 q2=1
