// Level-sensitive sequential primitives (IEEE 1364-2005 8.5, 8.6): a latch
// with the `-` (no change) output, the current-state column and
// `initial` statements.
primitive latch (q, en, d);
  output q;
  reg q;
  input en, d;
  initial q = 1'b1;
  table
  // en d : q : q+
     1  0 : ? : 0;
     1  1 : ? : 1;
     0  ? : ? : -;
     x  0 : 0 : 0;
     x  1 : 1 : 1;
  endtable
endprimitive

// A set/reset latch written with the current state: toggles are not
// allowed, so `1 1` gives x.
primitive srlatch (q, s, r);
  output q;
  input s, r;
  reg q;
  initial q = 1'b0;
  table
  // s r : q : q+
     1 0 : ? : 1;
     0 1 : ? : 0;
     0 0 : ? : -;
     1 1 : ? : x;
  endtable
endprimitive

module t;
  reg en, d, s, r;
  wire q, q2;
  latch l (q, en, d);
  srlatch sr (q2, s, r);
  initial begin
    $monitor("%0t en=%b d=%b q=%b  s=%b r=%b q2=%b", $time, en, d, q, s, r, q2);
    #1 en = 0; d = 0; s = 0; r = 0;
    #1 d = 1;
    #1 en = 1;
    #1 d = 0;
    #1 en = 0;
    #1 d = 1;
    #1 en = 1'bx;
    #1 d = 0;
    #1 en = 1;
    #1 s = 1;
    #1 s = 0;
    #1 r = 1;
    #1 r = 0;
    #1 s = 1; r = 1;
    #1 s = 0; r = 0;
    #1 $finish;
  end
endmodule
// ---- expected output ----
//| 0 en=x d=x q=1  s=x r=x q2=0
//| 1 en=0 d=0 q=1  s=0 r=0 q2=x
//| 2 en=0 d=1 q=1  s=0 r=0 q2=x
//| 3 en=1 d=1 q=1  s=0 r=0 q2=x
//| 4 en=1 d=0 q=0  s=0 r=0 q2=x
//| 5 en=0 d=0 q=0  s=0 r=0 q2=x
//| 6 en=0 d=1 q=0  s=0 r=0 q2=x
//| 7 en=x d=1 q=x  s=0 r=0 q2=x
//| 8 en=x d=0 q=x  s=0 r=0 q2=x
//| 9 en=1 d=0 q=0  s=0 r=0 q2=x
//| 10 en=1 d=0 q=0  s=1 r=0 q2=1
//| 11 en=1 d=0 q=0  s=0 r=0 q2=1
//| 12 en=1 d=0 q=0  s=0 r=1 q2=0
//| 13 en=1 d=0 q=0  s=0 r=0 q2=0
//| 14 en=1 d=0 q=0  s=1 r=1 q2=x
//| 15 en=1 d=0 q=0  s=0 r=0 q2=0
