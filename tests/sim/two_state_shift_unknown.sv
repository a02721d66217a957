//! icarus = "differs: Icarus 11 prints X for `a << xi` and `a ** ze` displayed as they are; their type is their left operand's, two-state (IEEE 1800-2017 11.4.10, 11.4.3), so they hold 0 (6.11.2), as Icarus gives when it stores them"
//! icarus_output = ["shl 00000000 shr 00000000 ashr 00000000", "wide 0000000000000000000000000", "pow 00000000", "direct xxxxxxxx xxxxxxxx", "known 01010000 01230000 00001111", "logic xxxxxxxx"]
// A shift or a power whose right operand holds X or Z gives X (IEEE
// 1800-2017 11.4.10, 11.4.3). The right operand does not make the result
// four-state, so with a two-state left operand the X reads as 0 (6.11.2):
// before, the inline shift left the X's aval bits (11111111) in `bit`
// variables. 8-bit (inline) and 100-bit (guest-rt) shifts; a four-state
// left operand keeps the X.
module t;
  bit [7:0] a = 8'hA5, r, r2, r3;
  bit [99:0] w = 100'h123, rw;
  bit signed [7:0] sa = -8'sd4;
  logic [3:0] xi = 4'bx;
  logic [1:0] ze = 2'bz;
  logic [3:0] k = 4'd4;
  logic [7:0] l = 8'h0f;
  initial begin
    r = a << xi; r2 = a >> ze; r3 = sa >>> xi;
    $display("shl %b shr %b ashr %b", r, r2, r3);
    rw = w << xi; $display("wide %h", rw);
    r = a ** xi; $display("pow %b", r);
    $display("direct %b %b", a << xi, a ** ze);
    r = a << k; rw = w << (k * 4); r2 = sa >>> 1;
    $display("known %b %h %b", r, rw[31:0], r2 >>> k);
    l = l << xi; $display("logic %b", l);
  end
endmodule
// ---- expected output ----
//| shl 00000000 shr 00000000 ashr 00000000
//| wide 0000000000000000000000000
//| pow 00000000
//| direct 00000000 00000000
//| known 01010000 01230000 00001111
//| logic xxxxxxxx
