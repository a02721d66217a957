// Increment/decrement and assignment operators (IEEE 1800-2017 11.4.1-2).
module t;
  int i, j;
  logic [7:0] r;
  initial begin
    i = 5;
    i++; $display("%0d", i);
    i--; i--; $display("%0d", i);
    ++i; $display("%0d", i);
    i += 10; $display("%0d", i);
    i -= 3; $display("%0d", i);
    i *= 2; $display("%0d", i);
    i /= 4; $display("%0d", i);
    i %= 4; $display("%0d", i);
    r = 8'b1010_0000;
    r >>= 4; $display("%b", r);
    r <<= 1; $display("%b", r);
    r |= 8'h01; r &= 8'h0F; r ^= 8'hFF; $display("%b", r);
    j = 0;
    for (int k = 0; k < 3; k++) j += k;
    $display("j=%0d", j);
    $finish;
  end
endmodule
// ---- expected output ----
//| 6
//| 4
//| 5
//| 15
//| 12
//| 24
//| 6
//| 2
//| 00001010
//| 00010100
//| 11111010
//| j=3
