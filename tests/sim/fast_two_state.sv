// Two-state operands (bit, int, byte, longint) mixed with 4-state ones and
// x/z constants: two-state values never carry x, a 4-state operand or an
// x/z constant still makes the result x where the rules say so, and the
// division by zero of known operands is x (converted to 0 when stored to
// a two-state variable).
module t;
  int i, j;
  bit [7:0] b8;
  byte sb;
  longint l;
  bit [63:0] u64;
  logic [7:0] x8;
  logic [31:0] r;
  integer g;
  bit one;
  initial begin
    i = 7; j = -3; b8 = 8'hf0; sb = -8'sd2; l = -64'sd1; u64 = 64'hffff_ffff_ffff_ffff;
    x8 = 8'b1010_xz01;
    $display("%0d %0d %0d %0d", i + j, i * j, i - j, -j);
    $display("%0d %0d %0d", i / j, i % j, i / 0);
    r = i / 0; g = i / 0;
    $display("%h %h", r, g);
    i = i / 0;
    $display("%0d", i);
    i = 7;
    $display("%h %h %h", b8 & x8, b8 | x8, b8 ^ x8);
    $display("%h %h", b8 + x8, b8 == x8);
    $display("%b %b %b", b8 == 8'hf0, b8 != 8'hf0, b8 === 8'hf0);
    $display("%b %b", b8 == 8'bxxxx_0000, b8 == 8'bxxxx_0001);
    $display("%b %b %b", sb < 0, sb > -8'sd3, l < 64'sd0);
    $display("%h %h", u64 + 64'd1, u64 >> 63);
    $display("%h %h %h", l >>> 10, l << 4, sb >>> 1);
    $display("%b %b", &u64, |u64);
    one = 1;
    $display("%b %b %b", one && x8[3], one || x8[3], !one);
    $display("%b %b", x8[2] && 1'b0, x8[2] || one);
    $display("%h", one ? b8 : x8);
    $display("%h", x8[3] ? b8 : 8'hf0);
    $display("%h", x8[2] ? b8 : 8'h0f);
    // conversions between the two kinds
    b8 = x8;
    $display("%b", b8);
    x8 = {b8[3:0], 4'bz};
    $display("%b %b", x8, {b8, x8[1:0]});
    $display("%h", {4{b8[1:0]}});
    $finish;
  end
endmodule
// ---- expected output ----
//| 4 -21 10 3
//| -2 1 x
//| xxxxxxxx xxxxxxxx
//| 0
//| a0 fX 5X
//| xx 0
//| 1 0 1
//| x 0
//| 1 1 1
//| 0000000000000000 0000000000000001
//| ffffffffffffffff fffffffffffffff0 ff
//| 1 1
//| x 1 0
//| 0 1
//| f0
//| f0
//| xx
//| 10100001
//| 0001zzzz 10100001zz
//| 55
