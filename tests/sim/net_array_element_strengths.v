// Drivers with strengths and gates on one element of a net array are
// resolved with strengths, as on a whole net (IEEE 1364-2005 7.10-7.13):
// three-state buffers with a 0/1/x enable, (highz0, strong1) against
// (strong0, highz1), weak against strong. Matches Icarus 11 line for line.
module t;
  reg a, b, en;
  wire bus [0:1];
  bufif1 (bus[0], a, en);
  bufif0 (bus[0], b, en);
  wire [1:0] foo [0:1];
  reg [1:0] x, y;
  assign (highz0, strong1) foo[1] = x;
  assign (strong0, highz1) foo[1] = y;
  assign (weak0, weak1) foo[0] = x;
  assign foo[0] = y;
  initial begin
    a = 1; b = 0; en = 1; x = 2'b01; y = 2'b00;
    #1 $display("%b %b %b", bus[0], foo[1], foo[0]);
    en = 0; x = 2'b10; y = 2'b1z;
    #1 $display("%b %b %b", bus[0], foo[1], foo[0]);
    en = 1'bx; a = 0; x = 2'bx1; y = 2'bzz;
    #1 $display("%b %b %b", bus[0], foo[1], foo[0]);
    b = 1; x = 2'b11; y = 2'b11;
    #1 $display("%b %b %b", bus[0], foo[1], foo[0]);
  end
endmodule
// ---- expected output ----
//| 1 0x 00
//| 0 1z 10
//| x x1 x1
//| x 11 11
