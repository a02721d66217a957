//! icarus = "differs: Icarus 11 evaluates a port's connection expression at its own width and pads it (its warning: Padding 12 high bits of the port); IEEE 1800-2017 23.3.3 connects an input port as a continuous assignment, whose expression takes the port's width (11.6.1), as Verilator does"
//! icarus_output = ["sum 0000000000000010", "quotient 000000000000xxxx", "assign 0000000000010010"]
// An input port's connection is a continuous assignment to the port
// (IEEE 1800-2017 23.3.3.7): `n + n` of 4-bit operands is evaluated at
// the port's 16 bits (the carry is kept), and a division by zero makes
// all 16 bits X, as `wire [15:0] z = n + n` does. Found by
// tests/random_rtl.rs.
module child (input [15:0] a, output [15:0] y);
  assign y = a;
endmodule
module top;
  reg [3:0] n;
  reg [3:0] d;
  wire [15:0] y1, y2;
  child u1 (.a(n + n), .y(y1));
  child u2 (.a(n / d), .y(y2));
  wire [15:0] z = n + n;
  initial begin
    n = 4'd9;
    d = 0;
    #1 $display("sum %b", y1);
    $display("quotient %b", y2);
    $display("assign %b", z);
  end
endmodule
// ---- expected output ----
//| sum 0000000000010010
//| quotient xxxxxxxxxxxxxxxx
//| assign 0000000000010010
