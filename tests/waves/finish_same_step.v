//! icarus = "differs: `a2` (a continuous assignment of `a`) is still 4 at #8 in wsim: $finish (IEEE 1364-2005 17.4.1) ends the run before the update event of the assignment (11.4, 5.6.6) runs; vvp propagates nets at once. `a` and `b`, changed before $finish in that step, match."
//! icarus_differs = ["tb.a2"]
// Values that change in the same time step as $finish are still dumped:
// the last step is sampled when the run ends (IEEE 1364-2005 18.2.1:
// the file holds the changes up to the end of simulation).
module tb;
  reg [7:0] a;
  reg b;
  wire [7:0] a2 = a * 2;
  initial begin
    $dumpfile("finish.vcd");
    $dumpvars(0, tb);
    a = 1; b = 0;
    #4 a = 2;
    #4 a = 3; b = 1;
    $finish;
  end
endmodule
