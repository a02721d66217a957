// A self-checking design in Verilator's style: a CRC generates stimulus
// for a small ALU, the results are folded into a checksum, and the test
// compares it with the value it must reach (computed independently with a
// Python model of the same CRC and ALU), then prints a sentinel.
// (The ALU is a continuous assignment, not `always @*`: crc gets its value
// at time 0, which an `always @*` might not be waiting for yet.)
module alu(input [1:0] op, input [15:0] a, b, output [15:0] y);
  assign y = op == 2'd0 ? a + b
           : op == 2'd1 ? a - b
           : op == 2'd2 ? a & b
           : a ^ (b >> 3);
endmodule
module t;
  reg clk = 0;
  reg [63:0] crc = 64'h5aef0c8d_d70a4497;
  reg [63:0] sum = 0;
  integer cyc = 0;
  wire [15:0] y;
  alu u(.op(crc[1:0]), .a(crc[17:2]), .b(crc[33:18]), .y(y));
  always #1 clk = ~clk;
  always @(posedge clk) begin
    cyc <= cyc + 1;
    crc <= {crc[62:0], crc[63] ^ crc[2] ^ crc[0]};
    sum <= {sum[62:0], sum[63] ^ sum[2] ^ sum[0]} ^ {48'h0, y};
    if (cyc == 99) begin
      $display("sum=%h", sum);
      if (sum !== 64'h9f9c_b977_d7d7_955c) $display("%%Error: checksum mismatch");
      else $display("*-* All Finished *-*");
      $finish;
    end
  end
endmodule
// ---- expected output ----
//| sum=9f9cb977d7d7955c
//| *-* All Finished *-*
