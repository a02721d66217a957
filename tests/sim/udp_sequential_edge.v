// Edge-sensitive sequential primitives (IEEE 1364-2005 8.6): a D flip-flop
// with an asynchronous clear, edges written `r`, `f`, `p`, `n`, `*` and
// `(vw)`, level rows taking precedence over edge rows, and an unlisted
// edge giving x.
primitive dff_clr (q, clk, d, clr);
  output q;
  reg q;
  input clk, d, clr;
  table
  // clk  d   clr : q : q+
     ?    ?   0   : ? : 0;   // level: clear wins over any edge
     r    0   1   : ? : 0;
     r    1   1   : ? : 1;
     (x1) 0   1   : 0 : 0;
     (x1) 1   1   : 1 : 1;
     (0x) ?   1   : ? : -;
     n    ?   1   : ? : -;
     ?    *   1   : ? : -;
     ?    ?   (?1): ? : -;
  endtable
endprimitive

// A toggle flip-flop: (1x) on t is not listed, so it makes the output x.
primitive tff (q, t);
  output q;
  reg q;
  input t;
  initial q = 0;
  table
  // t    : q : q+
     (01) : 0 : 1;
     (01) : 1 : 0;
     (10) : ? : -;
     (x0) : ? : -;
  endtable
endprimitive

primitive pdet (q, c);
  output q;
  reg q;
  input c;
  initial q = 0;
  table
     p : 0 : 1;
     p : 1 : 0;
     n : ? : -;
  endtable
endprimitive

module t;
  reg clk, d, clr, tg, c;
  wire q, qt, qp;
  dff_clr ff (q, clk, d, clr);
  tff t1 (qt, tg);
  pdet p1 (qp, c);
  initial begin
    $monitor("%0t clk=%b d=%b clr=%b q=%b | t=%b qt=%b | c=%b qp=%b", $time, clk, d, clr, q, tg, qt, c, qp);
    clk = 0; d = 0; clr = 0; tg = 0; c = 0;
    #1 clr = 1;
    #1 d = 1;
    #1 clk = 1;
    #1 clk = 0;
    #1 d = 0;
    #1 clk = 1;
    #1 clk = 0; d = 1;
    #1 clk = 1'bx;
    #1 clk = 1;
    #1 clr = 0;
    #1 clk = 0;
    #1 clk = 1;
    #1 clr = 1;
    #1 tg = 1;
    #1 tg = 0;
    #1 tg = 1;
    #1 tg = 1'bx;
    #1 tg = 0;
    #1 c = 1;
    #1 c = 1'bx;
    #1 c = 1;
    #1 c = 0;
    #1 c = 1'bx;
    #1 $finish;
  end
endmodule
// ---- expected output ----
//| 0 clk=0 d=0 clr=0 q=0 | t=0 qt=0 | c=0 qp=0
//| 1 clk=0 d=0 clr=1 q=0 | t=0 qt=0 | c=0 qp=0
//| 2 clk=0 d=1 clr=1 q=0 | t=0 qt=0 | c=0 qp=0
//| 3 clk=1 d=1 clr=1 q=1 | t=0 qt=0 | c=0 qp=0
//| 4 clk=0 d=1 clr=1 q=1 | t=0 qt=0 | c=0 qp=0
//| 5 clk=0 d=0 clr=1 q=1 | t=0 qt=0 | c=0 qp=0
//| 6 clk=1 d=0 clr=1 q=0 | t=0 qt=0 | c=0 qp=0
//| 7 clk=0 d=1 clr=1 q=0 | t=0 qt=0 | c=0 qp=0
//| 8 clk=x d=1 clr=1 q=0 | t=0 qt=0 | c=0 qp=0
//| 9 clk=1 d=1 clr=1 q=x | t=0 qt=0 | c=0 qp=0
//| 10 clk=1 d=1 clr=0 q=0 | t=0 qt=0 | c=0 qp=0
//| 11 clk=0 d=1 clr=0 q=0 | t=0 qt=0 | c=0 qp=0
//| 12 clk=1 d=1 clr=0 q=0 | t=0 qt=0 | c=0 qp=0
//| 13 clk=1 d=1 clr=1 q=0 | t=0 qt=0 | c=0 qp=0
//| 14 clk=1 d=1 clr=1 q=0 | t=1 qt=1 | c=0 qp=0
//| 15 clk=1 d=1 clr=1 q=0 | t=0 qt=1 | c=0 qp=0
//| 16 clk=1 d=1 clr=1 q=0 | t=1 qt=0 | c=0 qp=0
//| 17 clk=1 d=1 clr=1 q=0 | t=x qt=x | c=0 qp=0
//| 18 clk=1 d=1 clr=1 q=0 | t=0 qt=x | c=0 qp=0
//| 19 clk=1 d=1 clr=1 q=0 | t=0 qt=x | c=1 qp=1
//| 20 clk=1 d=1 clr=1 q=0 | t=0 qt=x | c=x qp=1
//| 21 clk=1 d=1 clr=1 q=0 | t=0 qt=x | c=1 qp=0
//| 22 clk=1 d=1 clr=1 q=0 | t=0 qt=x | c=0 qp=0
//| 23 clk=1 d=1 clr=1 q=0 | t=0 qt=x | c=x qp=1
