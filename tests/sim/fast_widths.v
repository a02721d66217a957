// Inline 4-state code for values of <= 64 bits at the width edges (1, 63,
// 64) and just above (65, the limb path): arithmetic, bitwise, shifts,
// comparisons and reductions on known values, on x/z operands, and with
// constant operands (statically known planes) mixed with unknown ones.
module t;
  reg        a1, b1;
  reg [62:0] a63, b63;
  reg [63:0] a64, b64;
  reg [64:0] a65, b65, r65;
  reg signed [62:0] s63;
  reg signed [63:0] s64, t64;
  reg [6:0] n;
  reg [3:0] nx;
  integer k;
  initial begin
    a1 = 1; b1 = 1'bx;
    a63 = {63{1'b1}}; b63 = 63'h1234_5678_9abc_def0;
    a64 = {64{1'b1}}; b64 = 64'h8000_0000_0000_0001;
    a65 = {65{1'b1}}; b65 = 65'h1_0000_0000_0000_0001;
    // carries and wrap-around at the top of each width
    $display("%b %b %b %b", a1 + a1, a1 - 1'b1, a1 * a1, -a1);
    $display("%h %h %h", a63 + 63'd1, a63 * b63, b63 - a63);
    $display("%h %h %h", a64 + 64'd1, a64 * b64, b64 - a64);
    $display("%h %h %h", a65 + 65'd1, a65 * b65, b65 - a65);
    $display("%h %h %h", -a63, -b64, -b65);
    // one x/z operand makes arithmetic all x; bitwise stays bit by bit
    $display("%b %b %b %b", a1 + b1, a1 & b1, a1 | b1, a1 ^ b1);
    $display("%b %b %b", 1'b0 & b1, 1'b1 | b1, ~b1);
    b63[5] = 1'bz; b64[63] = 1'bx; b65[64] = 1'bz;
    r65 = a65 * b65;
    $display("%b %h %b %h", (a63 + b63) === {63{1'bx}}, a64 - b64, r65[64], r65[63:0]);
    $display("%h %h", b63 & 63'h0ff, b63 | 63'h0f);
    $display("%h %h", b64 ^ a64, b64 ~^ 64'h0);
    r65 = ~b65;
    $display("%h %b %h", ~b64, r65[64], r65[63:0]);
    // comparisons: known, ambiguous (x), decided by a known bit
    $display("%b %b %b %b", a64 == b64, a64 != b64, b64 == b64, b64 === b64);
    $display("%b %b %b", b64 == 64'h0, b64 != 64'h0, b64 !== 64'h0);
    $display("%b %b %b %b", a63 > b63, a63 < 63'd5, a65 >= b65, a64 <= 64'd3);
    b63 = 63'd77;
    $display("%b %b %b %b", a63 > b63, a63 < 63'd5, b63 == 63'd77, b63 != 63'd77);
    // reductions of known and unknown values
    $display("%b %b %b %b %b %b", &a63, |a63, ^a63, ~&a63, ~|a63, ~^a63);
    $display("%b %b %b %b %b %b", &b64, |b64, ^b64, ~&b64, ~|b64, ~^b64);
    $display("%b %b %b %b", &a1, |b1, ^b1, !b1);
    b64 = 64'bx0;
    $display("%b %b %b", &b64, |b64, !b64);
    b64 = 64'bz1;
    $display("%b %b %b", &b64, |b64, !b64);
    // shifts by known, too large, and unknown amounts
    b64 = 64'hf0x0_0000_0000_z00f;
    for (k = 0; k < 5; k = k + 1) begin
      n = k * 31;
      $display("%h %h %h %h", a64 << n, b64 >> n, b64 << n, a63 >> n);
    end
    nx = 4'b10x1;
    $display("%h %b %b", a64 << nx, (a63 >> nx) === {63{1'bx}}, a1 << nx);
    $display("%h %h", a64 << 64, a64 >> 65);
    // signed arithmetic shift and signed compares at 63 and 64 bits
    s63 = -63'sd5; s64 = -64'sd5; t64 = 64'sd3;
    $display("%h %h %h", s63 >>> 1, s64 >>> 2, s64 >>> 70);
    $display("%b %b %b %b", s64 < t64, s64 > t64, s63 < 63'sd0, s64 >= -64'sd5);
    s64[63] = 1'bx;
    $display("%h %b", s64 >>> 8, s64 < t64);
    $finish;
  end
endmodule
// ---- expected output ----
//| 0 0 1 1
//| 0000000000000000 6dcba98765432110 123456789abcdef1
//| 0000000000000000 7fffffffffffffff 8000000000000002
//| 00000000000000000 0ffffffffffffffff 10000000000000002
//| 0000000000000001 7fffffffffffffff 0ffffffffffffffff
//| x x 1 x
//| 0 1 x
//| 1 xxxxxxxxxxxxxxxx x xxxxxxxxxxxxxxxx
//| 00000000000000X0 123456789abcdeXf
//| Xffffffffffffffe Xffffffffffffffe
//| Xffffffffffffffe x fffffffffffffffe
//| 0 1 x 1
//| 0 1 1
//| x 0 x 0
//| 1 0 1 0
//| 1 1 1 0 0 0
//| 0 1 x 1 0 x
//| 1 x x x
//| 0 x x
//| x 1 0
//| ffffffffffffffff f0x000000000z00f f0x000000000z00f 7fffffffffffffff
//| ffffffff80000000 00000001eXX00000 0000ZZ0780000000 00000000ffffffff
//| c000000000000000 0000000000000003 c000000000000000 0000000000000001
//| 0000000000000000 0000000000000000 0000000000000000 0000000000000000
//| 0000000000000000 0000000000000000 0000000000000000 0000000000000000
//| xxxxxxxxxxxxxxxx 1 x
//| 0000000000000000 0000000000000000
//| 7ffffffffffffffd fffffffffffffffe ffffffffffffffff
//| 1 0 1 1
//| xxXfffffffffffff x
