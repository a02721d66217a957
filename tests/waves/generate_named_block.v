// Scopes other than module instances: generate blocks (a loop and an if)
// and named begin blocks with their own variables (IEEE 1364-2005 18.2.3.2).
module tb;
  reg [3:0] in;
  genvar g;
  generate
    for (g = 0; g < 3; g = g + 1) begin : lane
      wire [3:0] shifted = in << g;
      reg  [3:0] held;
      always @(shifted) held = shifted + g;
    end
    if (1) begin : extra
      wire parity = ^in;
    end
  endgenerate
  initial begin : driver
    reg [3:0] local_copy;
    $dumpfile("gen.vcd");
    $dumpvars(0, tb);
    in = 4'd1; local_copy = 4'd9;
    #2 in = 4'd6; local_copy = in;
    #2 in = 4'bx101;
    #2 in = 4'd15; local_copy = 4'bz;
    #2 $finish;
  end
endmodule
