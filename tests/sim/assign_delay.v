// Continuous assignment with delay (1364-2005 6.1.3): the net follows
// after the delay; a pulse shorter than the delay is swallowed (inertial).
module t;
  reg a;
  wire y;
  assign #3 y = a;
  wire n;
  assign #2 n = ~a;
  initial begin
    a = 0;
    #5 a = 1;
    #5 a = 0;
    #1 a = 1;   // 1-unit pulse low: shorter than the delays
    #10 $finish;
  end
  always @(y) $display("t=%0t y=%b", $time, y);
  always @(n) $display("t=%0t n=%b", $time, n);
endmodule
// ---- expected output ----
//| t=2 n=1
//| t=3 y=0
//| t=7 n=0
//| t=8 y=1
