// Packed unions (IEEE 1800-2017 7.3.1): all members share the same bits.
module t;
  typedef union packed {
    logic [15:0] word;
    logic [1:0][7:0] bytes;
    struct packed { logic [7:0] hi, lo; } halves;
  } u16_t;
  u16_t u;
  initial begin
    u.word = 16'h1234;
    $display("%h %h %h %h", u.bytes[1], u.bytes[0], u.halves.hi, u.halves.lo);
    u.halves.lo = 8'hFF;
    $display("%h", u.word);
    $finish;
  end
endmodule
// ---- expected output ----
//| 12 34 12 34
//| 12ff
