//! icarus = "differs: Icarus 11 gives 0 for ~m / a when a is 128 bits wide; IEEE 1800-2017 11.6.1 and 11.8.2 extend m to the context's 128 bits, invert it, and divide by 1"
//! icarus_output = ["y33 = 000000000", "y128 = 00000000000000000000000000000000", "sum = 04748dad9", "narrow = 4748dad8"]
// A division takes the width of its context (IEEE 1800-2017 11.6.1): in
// `~m / a` with a 128-bit `a`, the 64-bit `m` is extended to 128 bits
// before `~` (11.8.2), so the quotient by 1 is ~m with 64 ones above it.
// Found by tests/random_rtl.rs.
module top;
  reg [127:0] a = 1;
  reg [63:0] m = 64'h41b8b72527;
  reg [31:0] one = 1;
  wire [32:0] y33 = ~m / a;
  wire [127:0] y128 = ~m / a;
  wire [32:0] sum = ~m + a;
  wire [31:0] narrow = ~m / one;
  initial begin
    #1 $display("y33 = %h", y33);
    $display("y128 = %h", y128);
    $display("sum = %h", sum);
    $display("narrow = %h", narrow);
  end
endmodule
// ---- expected output ----
//| y33 = 04748dad8
//| y128 = ffffffffffffffffffffffbe4748dad8
//| sum = 04748dad9
//| narrow = 4748dad8
