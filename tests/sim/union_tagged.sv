//! icarus_skip = "skip: neither Icarus 12 nor Verilator 5.006 supports tagged unions; the expected block follows 1800-2017 7.3.2 (packed layout: a 1-bit tag above the members, members left-justified, void members hold no value)"
// Tagged unions (IEEE 1800-2017 7.3.2, 11.9): `tagged Member value` and
// `tagged Member` for a void member, member reads, the packed layout (tag
// in the most significant bits, members left-justified below it).
module t;
  typedef union tagged {
    void Invalid;
    int Valid;
  } u_int;
  u_int a, b;
  union tagged packed {
    bit [6:0] v1;
    bit [6:0] v2;
  } un;
  union tagged {
    bit [3:0] narrow;
    bit [7:0] wide;
  } mix;
  int k;
  initial begin
    a = tagged Valid (42);
    k = a.Valid;
    $display("%0d", k);
    b = tagged Invalid;
    $display("%h", b);
    b = a;
    $display("%0d", b.Valid);
    un = tagged v2 (10);
    $display("%b", un);
    un = tagged v1 (85);
    $display("%b", un);
    mix = tagged narrow 4'h9;
    $display("%b %h", mix, mix.narrow);
    mix = a.Valid[0] ? tagged wide 8'h5a : tagged narrow 4'h1;
    $display("%b %h", mix, mix.narrow);
  end
endmodule
// ---- expected output ----
//| 42
//| 000000000
//| 42
//| 10001010
//| 01010101
//| 010010000 9
//| 000010000 1
