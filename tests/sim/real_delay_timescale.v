// Real delays scaled by two different `timescale`s (1364-2005 19.8): each
// module rounds its delays to its own precision; %t prints in the units of
// $timeformat (here 1 ps).
`timescale 1ns / 1ns
module coarse;
  initial #2.6 $display("coarse at %t (%0d in ns)", $realtime, $time);
endmodule
`timescale 10ns / 1ps
module fine;
  initial #0.12345 $display("fine at %t (%0.5f in 10ns units)", $realtime, $realtime);
endmodule
`timescale 1ns / 1ps
module t;
  coarse c();
  fine f();
  initial begin
    $timeformat(-12, 0, " ps", 12);
    #10 $display("t at %t", $realtime);
    $finish;
  end
endmodule
// ---- expected output ----
//| fine at      1235 ps (0.12350 in 10ns units)
//| coarse at      3000 ps (3 in ns)
//| t at     10000 ps
