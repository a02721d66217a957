// `c ? a : b` with a known condition and arms that are constants or
// signals is a `select` (cmov) of both arms (expr.rs sm_cond): each
// plane, X and Z bits included, comes from the chosen arm. An unknown
// condition still merges the arms bit by bit.
module top;
  reg clk = 0;
  reg c;
  reg [7:0] a = 8'b1010_xz01, b = 8'h3c;
  reg [31:0] lfsr = 32'h1;
  wire [7:0] pick = c ? a : b;
  wire [7:0] konst = c ? 8'hf0 : 8'h0f;
  wire [7:0] mixed = c ? a : 8'h00;
  bit c2;
  wire [7:0] pick2 = c2 ? a : b;
  always @(posedge clk)
    lfsr <= (lfsr >> 1) ^ (lfsr[0] ? 32'hA300_0000 : 32'h0);
  initial begin
    c = 1; c2 = 1;
    #1 $display("%b %b %b %b", pick, konst, mixed, pick2);
    c = 0; c2 = 0;
    #1 $display("%b %b %b %b", pick, konst, mixed, pick2);
    c = 1'bx;
    #1 $display("%b %b %b", pick, konst, mixed);
    b = 8'b1010_0001;
    #1 $display("%b", pick);
    repeat (6) begin
      #1 clk = 1;
      #1 clk = 0;
      $display("%h", lfsr);
    end
  end
endmodule
// ---- expected output ----
//| 1010xz01 11110000 1010xz01 1010xz01
//| 00111100 00001111 00000000 00111100
//| x01xxx0x xxxxxxxx x0x0xx0x
//| 1010xx01
//| a3000000
//| 51800000
//| 28c00000
//| 14600000
//| 0a300000
//| 05180000
