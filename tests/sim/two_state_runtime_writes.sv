//! args = ["+HEX=x7"]
//! icarus = "differs: Icarus 11 keeps the X and Z that $sscanf and $value$plusargs read into a bit vector; IEEE 1800-2017 6.11.2 maps X and Z to 0 in a two-state variable, as $readmemh does in Icarus too"
//! icarus_output = ["readmemh: 00000001 00000000 00110000", "wide: 102030405060708090a0b0c0d0e0f000", "read back: 00000001 bit 0 of m[2]: 0", "sscanf: xxxx0101 1 int: zzzzzzzzzzzzzzzzzzzzzzzzzzzz0011", "plusargs: xxxx0111", "4-state: xxxx0001 zzzzzzzz"]
// Values that guest-rt writes (`$readmemh`, `$sscanf`, `$value$plusargs`)
// into two-state variables lose their X and Z bits, as an assignment's
// would (IEEE 1800-2017 6.11.2): reading back `x1` from a `bit [7:0]`
// memory gives 00000001, not the X's aval bits (11110001). Four-state
// targets keep them.
module t;
  bit [7:0] m [0:2];
  bit [127:0] w [0:0];
  reg [7:0] r4 [0:2];
  bit [7:0] r;
  int i, n;
  initial begin
    $readmemh("data/xz_words.hex", m);
    $display("readmemh: %b %b %b", m[0], m[1], m[2]);
    $readmemh("data/xz_wide.hex", w);
    $display("wide: %h", w[0]);
    r = m[0];
    $display("read back: %b bit 0 of m[2]: %b", r, m[2][0]);
    n = $sscanf("x5", "%h", r);
    i = 1;
    n = $sscanf("zzzzzzz3", "%h", i);
    $display("sscanf: %b %0d int: %b", r, n, i);
    if ($value$plusargs("HEX=%h", r)) $display("plusargs: %b", r);
    $readmemh("data/xz_words.hex", r4);
    $display("4-state: %b %b", r4[0], r4[1]);
  end
endmodule
// ---- expected output ----
//| readmemh: 00000001 00000000 00110000
//| wide: 102030405060708090a0b0c0d0e0f000
//| read back: 00000001 bit 0 of m[2]: 0
//| sscanf: 00000101 1 int: 00000000000000000000000000000011
//| plusargs: 00000111
//| 4-state: xxxx0001 zzzzzzzz
