//! icarus_skip = "skip: Icarus 11 crashes on a typedef of a packed array of a typedef; expected output checked with Verilator 5.006"
// typedef (IEEE 1800-2017 6.18) of vectors, of other typedefs, and of
// unpacked arrays; $bits of a type.
module t;
  typedef logic [7:0] byte_t;
  typedef byte_t [1:0] half_t;
  typedef int unsigned count_t;
  byte_t b;
  half_t h;
  count_t c;
  initial begin
    b = 8'hA5;
    h = {b, ~b};
    c = -1;
    $display("b=%h h=%h h[1]=%h c=%0d", b, h, h[1], c);
    $display("bits: %0d %0d %0d", $bits(byte_t), $bits(half_t), $bits(c));
    $finish;
  end
endmodule
// ---- expected output ----
//| b=a5 h=a55a h[1]=a5 c=4294967295
//| bits: 8 16 32
