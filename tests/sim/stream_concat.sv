//! icarus_skip = "skip: Icarus 12 does not support streaming concatenation; checked with Verilator 5.006 except the two 64-bit targets and the int target: Verilator right-aligns a stream in a wider target, 1800-2017 11.4.14 left-aligns it and fills zeros on the right (as sv-tests 11.4.14.3--unpack_stream_pad expects)"
// Streaming concatenation as an rvalue (IEEE 1800-2017 11.4.14): `>>`
// keeps the order, `<<` reverses slices cut from the right end (the last,
// leftmost slice may be short: `{<< 4 {6'b11_0101}}` is 6'b0101_11), slice
// sizes as a constant or a type, several operands, left alignment with zero fill in a wider target.
module t;
  logic [31:0] a = 32'h41424344;
  logic [7:0] b8 = 8'b1100_1010;
  logic [5:0] six = 6'b11_0101;
  logic [63:0] w;
  typedef logic [3:0] nib_t;
  localparam int SLICE = 2;
  int i;
  initial begin
    $display("%h", {<< 8 {a}});
    $display("%h", {<< byte {a}});
    $display("%h", {>> 8 {a}});
    $display("%h", {<< nib_t {a}});
    $display("%b", {<< {b8}});
    $display("%b", {<< 4 {six}});
    $display("%b", {<< SLICE {b8, six}});
    $display("%b", {<< 3 {b8}});
    w = {<< 16 {a}};
    $display("%h", w);
    w = {>> {a, b8}};
    $display("%h", w);
    i = {<< {8'b0000_0001}};
    $display("%0d", i);
  end
endmodule
// ---- expected output ----
//| 44434241
//| 44434241
//| 41424344
//| 44342414
//| 01010011
//| 010111
//| 01011110100011
//| 01000111
//| 4344414200000000
//| 41424344ca000000
//| -2147483648
