// A set/reset latch from two cross-coupled NOR gates: a combinational
// loop that settles (1364-2005 7), and holds its state when both inputs
// are 0.
module t;
  reg s, r;
  wire q, qn;
  nor g1(q, r, qn);
  nor g2(qn, s, q);
  initial begin
    s = 1; r = 0;
    #1 $display("set:   q=%b qn=%b", q, qn);
    s = 0;
    #1 $display("hold:  q=%b qn=%b", q, qn);
    r = 1;
    #1 $display("reset: q=%b qn=%b", q, qn);
    r = 0;
    #1 $display("hold:  q=%b qn=%b", q, qn);
    $finish;
  end
endmodule
// ---- expected output ----
//| set:   q=1 qn=0
//| hold:  q=1 qn=0
//| reset: q=0 qn=1
//| hold:  q=0 qn=1
