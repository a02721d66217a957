//! compile_args = ["--two-state"]
//! icarus_skip = "skip: Icarus has no two-state mode; expected block checked with Verilator 5.006 --binary --x-assign 0 --x-initial 0 (Verilator simulates two-state)"
// --two-state through the inline code for values of <= 64 bits: every
// operand is two-state, so the unknown plane is never read. Widths 1, 63,
// 64 and 65 (the limb path), signed operations, shifts by amounts at and
// past the width, division by zero (0 here), x/z constants (their x/z bits
// read 0), selects and case statements.
module t;
  reg        a1;
  reg [62:0] a63;
  reg [63:0] a64, b64;
  reg [64:0] a65;
  reg signed [63:0] s64;
  reg signed [62:0] s63;
  reg [7:0] d, q, n;
  reg [6:0] k;
  reg [2:0] sel;
  integer i;
  initial begin
    a1 = 1; a63 = {63{1'b1}}; a64 = 64'hffff_ffff_ffff_fff0; b64 = 64'h8000_0000_0000_0001;
    a65 = {1'b1, 64'h0000_0000_ffff_ffff};
    $display("%b %b %b %h %h", a1 + a1, ~a1, -a1, a63 + 63'd1, -a63);
    $display("%h %h %h", a64 + b64, a64 * b64, b64 - a64);
    $display("%h %h %h", a65 + a65, a65 * 65'd3, ~a65);
    d = 8'd200; q = 8'd0;
    $display("%0d %0d %0d %0d", d / q, d % q, d / 8'd7, d % 8'd7);
    n = 8'b1x01_x100;
    $display("%b %b %b %b", n, n + 8'd1, n & 8'hff, n == 8'b1001_0100);
    $display("%b %b", a64 == 64'bx, a1 === 1'bx);
    for (i = 0; i < 4; i = i + 1) begin
      k = i * 30;
      $display("%h %h %h", a64 << k, b64 >> k, a63 >> k);
    end
    s64 = -64'sd6; s63 = -63'sd6;
    $display("%h %h %h %h", s64 >>> 1, s64 >>> 64, s63 >>> 2, s63 >>> 100);
    $display("%b %b %b %b", s64 < 64'sd0, s64 > -64'sd7, s63 <= -63'sd6, s63 >= 63'sd0);
    $display("%b %b %b %b %b", &a63, |b64, ^b64, ~^a64, !a1);
    for (i = 0; i < 3; i = i + 1) begin
      k = i * 20;
      $display("%h %b %h", a64[k +: 8], b64[k], {a64[k +: 4], b64[k +: 4]});
    end
    $display("%h %h", {4{d[1:0]}}, {d, q, 8'h5x});
    for (i = 0; i < 8; i = i + 1) begin
      sel = i;
      casez (sel)
        3'b1?0: $display("%0d casez 1?0", i);
        3'b0z1: $display("%0d casez 0z1", i);
        default: $display("%0d casez default", i);
      endcase
      case (sel)
        3'b1x0: $display("%0d case x label", i);
        3'd5: $display("%0d case 5", i);
        default: ;
      endcase
    end
    $display("%h", a1 ? (d > q ? a64[15:0] : 16'h0) : 16'hffff);
    $finish;
  end
endmodule
// ---- expected output ----
//| 0 0 1 0000000000000000 0000000000000001
//| 7ffffffffffffff1 fffffffffffffff0 8000000000000011
//| 000000001fffffffe 100000002fffffffd 0ffffffff00000000
//| 0 0 28 4
//| 10010100 10010101 10010100 1
//| 0 0
//| fffffffffffffff0 8000000000000001 7fffffffffffffff
//| fffffffc00000000 0000000200000000 00000001ffffffff
//| 0000000000000000 0000000000000008 0000000000000007
//| 0000000000000000 0000000000000000 0000000000000000
//| fffffffffffffffd ffffffffffffffff 7ffffffffffffffe 7fffffffffffffff
//| 1 1 1 0
//| 1 1 0 1 0
//| f0 1 01
//| ff 0 f0
//| ff 0 f0
//| 00 c80050
//| 0 casez default
//| 1 casez 0z1
//| 2 casez default
//| 3 casez 0z1
//| 4 casez 1?0
//| 5 casez default
//| 5 case 5
//| 6 casez 1?0
//| 7 casez default
//| fff0
