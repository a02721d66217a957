//! icarus = "differs: wsim samples at the end of each time step, so in a step that calls $dumpoff it writes the step's changes (here the NBA made after the call) before the x checkpoint, and at $dumpon it writes the end-of-step value only; Icarus writes at the call and then the later changes of the step. IEEE 1364-2005 18.1.3 makes the checkpoint at the call; the value at the end of every step is the same in both files."
//! icarus_differs = ["tb.c"]
// $dumpoff and $dumpon in the same step as a nonblocking assignment that
// takes effect after the call (the NBA region follows the active region,
// IEEE 1364-2005 11.4), so the order is not a race. `d` changes only at
// other times and must match exactly.
module tb;
  reg [3:0] c, d;
  initial begin
    $dumpfile("mid_step.vcd");
    $dumpvars(0, tb);
    c = 1; d = 0;
    #5 d = 1;
    #5 c <= 2; $dumpoff;
    #5 d = 2;
    #5 $dumpon; c <= 3;
    #5 d = 3;
    #5 $finish;
  end
endmodule
