// (a + b) >> 1 (1364-2005 5.4.2): the shift's left operand is
// context-determined, so the carry of a + b survives the shift only when
// the context (the target or another operand) is wider than a and b.
module t;
  reg [7:0] a, b;
  reg [7:0] avg8;
  reg [8:0] avg9;
  initial begin
    a = 8'd200; b = 8'd100;
    avg8 = (a + b) >> 1;
    avg9 = (a + b) >> 1;
    $display("8-bit target: %0d, 9-bit target: %0d", avg8, avg9);
    avg8 = (a + b + 9'd0) >> 1;
    $display("9-bit operand, 8-bit target: %0d", avg8);
    avg9 = {a + b} >> 1;
    $display("self-determined sum: %0d", avg9);
    $display("shift count is self-determined: %0d", 8'd1 << (a + b));
    $finish;
  end
endmodule
// ---- expected output ----
//| 8-bit target: 22, 9-bit target: 150
//| 9-bit operand, 8-bit target: 150
//| self-determined sum: 22
//| shift count is self-determined: 0
