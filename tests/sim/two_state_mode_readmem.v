//! compile_args = ["--two-state"]
//! icarus_skip = "skip: Icarus has no two-state mode, and Verilator 5.006 stops at the X digits of the file ($readmem file syntax error); in two-state storage X and Z read as 0 (IEEE 1800-2017 6.11.2)"
// --two-state makes `reg` memories two-state: the X and Z digits that
// $readmemh and $sscanf read become 0 there, so a value read back is
// 00000001, not the X's aval bits (11110001).
module t;
  reg [7:0] m [0:2];
  reg [7:0] r;
  integer n;
  initial begin
    $readmemh("data/xz_words.hex", m);
    r = m[0];
    $display("%b %b %b read back %b", m[0], m[1], m[2], r);
    n = $sscanf("z9", "%h", r);
    $display("%b %0d", r, n);
  end
endmodule
// ---- expected output ----
//| 00000001 00000000 00110000 read back 00000001
//| 00001001 1
