// $time (64-bit, rounded), $stime (32-bit) and $realtime (real) in the
// caller's time unit (1364-2005 17.7).
`timescale 10ns / 1ns
module t;
  initial begin
    #1.26 $display("%0d %0d %0.2f", $time, $stime, $realtime);
    #3    $display("%0d %0d %0.2f", $time, $stime, $realtime);
    $finish;
  end
endmodule
// ---- expected output ----
//| 1 1 1.30
//| 4 4 4.30
