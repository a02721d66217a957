// defparam (1364-2005 12.2.1) overrides a parameter through a
// hierarchical name, including one two levels down.
module leaf;
  parameter VALUE = 1;
  initial #1 $display("%m VALUE=%0d", VALUE);
endmodule
module mid;
  parameter DEPTH = 0;
  leaf l();
  initial #2 $display("%m DEPTH=%0d", DEPTH);
endmodule
module t;
  mid m1();
  mid m2();
  defparam m1.DEPTH = 7;
  defparam m1.l.VALUE = 42;
  defparam m2.l.VALUE = -3;
  initial #3 $finish;
endmodule
// ---- expected output ----
//| t.m1.l VALUE=42
//| t.m2.l VALUE=-3
//| t.m1 DEPTH=7
//| t.m2 DEPTH=0
