// `timescale (1364-2005 19.8): delays are in the module's time unit and
// rounded to its precision; $time reports in the unit of the caller.
`timescale 1ns / 100ps
module t;
  initial begin
    #1.25 $display("%0t %0d %0.2f", $time, $time, $realtime);
    #2.5  $display("%0t %0d %0.2f", $time, $time, $realtime);
    #0.04 $display("%0d %0.2f (rounded to precision)", $time, $realtime);
    #10   $display("%0d %0.2f", $time, $realtime);
    $finish;
  end
endmodule
// ---- expected output ----
//| 10 1 1.30
//| 40 4 3.80
//| 4 3.80 (rounded to precision)
//| 14 13.80
