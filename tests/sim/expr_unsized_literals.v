// Unsized literals (1364-2005 3.5.1) are at least 32 bits; decimal ones
// are signed, based ones unsigned; 'hx extends x to the full width; a
// sized literal too narrow for its digits is truncated.
module t;
  reg [63:0] w;
  reg [7:0] b;
  initial begin
    w = 'hx;           $display("%h", w);
    w = 'h1;           $display("%h", w);
    w = -1;            $display("%h", w);
    w = 'hFFFF_FFFF + 1; $display("%h", w);
    b = 8'h1FF;        $display("%h", b);
    $display("%0d %0d", -12 / 5, -'d12 / 5);
    $display("%b", 'bz);
    $finish;
  end
endmodule
// ---- expected output ----
//| xxxxxxxxxxxxxxxx
//| 0000000000000001
//| ffffffffffffffff
//| 0000000100000000
//| ff
//| -2 858993456
//| zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz
