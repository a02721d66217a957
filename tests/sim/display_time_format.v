// %t and $timeformat (1364-2005 17.3.2): units, precision, suffix and
// minimum width; the default prints in the simulation precision.
`timescale 1ns / 1ps
module t;
  initial begin
    #12.345;
    $display("default: [%t] [%0t]", $realtime, $realtime);
    $timeformat(-9, 2, " ns", 10);
    $display("ns: [%t]", $realtime);
    $timeformat(-6, 4, "us", 0);
    $display("us: [%t]", $realtime);
    $timeformat(-12, 0, "", 5);
    $display("ps: [%t] time: [%t]", $realtime, $time);
    $finish;
  end
endmodule
// ---- expected output ----
//| default: [               12345] [12345]
//| ns: [  12.35 ns]
//| us: [0.0123us]
//| ps: [12345] time: [12000]
