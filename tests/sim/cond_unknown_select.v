//! icarus = "differs: with a condition of x or z and arm bits that are both z, Icarus 11 keeps z; IEEE 1364-2005 5.1.13 Table 5-21 (1800-2017 11.4.11 Table 11-20) gives x"
//! icarus_output = ["c1=x c4=xxxx a=xxxxxxxx b=xxxxxxxx y1=xxxxxxxx y2=xxxxxxxx y3=xxxxxxxx y4=0011x10x wy=xxxxxxxxxxxxxxxx", "c1=1 c4=0010 a=10100101 b=01011010 y1=10100101 y2=10100101 y3=11110000 y4=00111100 wy=0123456789abcdef", "c1=0 c4=0000 a=10100101 b=01011010 y1=01011010 y2=00001111 y3=01011010 y4=00110101 wy=fedcba9876543210", "c1=x c4=00x0 a=10100101 b=01011010 y1=xxxxxxxx y2=x0x0x1x1 y3=x1x1x0x0 y4=0011x10x wy=xxxxxxxxxxxxxxxx", "c1=z c4=0z1x a=1x0z1100 b=01011010 y1=xx0x1xx0 y2=1x0z1100 y3=x1x1x0x0 y4=00111100 wy=xxxxxxxxxxxxxxxx", "c1=1 c4=xxxx a=1x0z1100 b=1x0z1100 y1=1x0z1100 y2=xx0x11xx y3=11110000 y4=0011x10x wy=0123456789abcdef", "c1=x c4=0000 a=1x0z1100 b=1x0z1100 y1=1x0z1100 y2=00001111 y3=1xxxxx00 y4=00110101 wy=ffffxxxxxxxx0000", "c1=0 c4=zzz1 a=1x0z1100 b=1x0z1100 y1=1x0z1100 y2=1x0z1100 y3=1x0z1100 y4=00111100 wy=ffffffff00000000"]
// `c ? a : b` with plain arms (signals, constants) and a condition that
// may hold X or Z (crates/codegen/src/expr.rs, `sm_cond`): a known
// condition picks an arm with a `select`, an unknown one merges the arms
// bit by bit (IEEE 1364-2005 5.1.13: bits that agree, X elsewhere).
module t;
  reg clk = 0;
  reg c1;
  reg [3:0] c4;
  reg [7:0] a, b, y1, y2, y3, y4;
  reg [63:0] wa, wb, wy;
  integer step = 0;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    y1 <= c1 ? a : b;
    y2 <= c4 ? a : 8'h0f;
    y3 <= c1 ? 8'hf0 : b;
    y4 <= c4 ? 8'h3c : 8'h35;
    wy <= c1 ? wa : wb;
  end
  always @(negedge clk) begin
    $display("c1=%b c4=%b a=%b b=%b y1=%b y2=%b y3=%b y4=%b wy=%h", c1, c4, a, b, y1, y2, y3, y4, wy);
    step = step + 1;
    case (step)
      1: begin c1 = 1; c4 = 4'b0010; a = 8'hA5; b = 8'h5A; wa = 64'h0123_4567_89ab_cdef; wb = 64'hfedc_ba98_7654_3210; end
      2: begin c1 = 0; c4 = 4'b0000; end
      3: begin c1 = 1'bx; c4 = 4'b00x0; end
      4: begin c1 = 1'bz; c4 = 4'b0z1x; a = 8'b1x0z_1100; end
      5: begin c1 = 1; c4 = 4'bxxxx; b = 8'b1x0z_1100; end
      6: begin c1 = 1'bx; c4 = 4'b0000; wa = 64'hffff_0000_ffff_0000; wb = 64'hffff_ffff_0000_0000; end
      7: begin c1 = 0; c4 = 4'bzzz1; end
      8: $finish;
    endcase
  end
endmodule
// ---- expected output ----
//| c1=x c4=xxxx a=xxxxxxxx b=xxxxxxxx y1=xxxxxxxx y2=xxxxxxxx y3=xxxxxxxx y4=0011x10x wy=xxxxxxxxxxxxxxxx
//| c1=1 c4=0010 a=10100101 b=01011010 y1=10100101 y2=10100101 y3=11110000 y4=00111100 wy=0123456789abcdef
//| c1=0 c4=0000 a=10100101 b=01011010 y1=01011010 y2=00001111 y3=01011010 y4=00110101 wy=fedcba9876543210
//| c1=x c4=00x0 a=10100101 b=01011010 y1=xxxxxxxx y2=x0x0x1x1 y3=x1x1x0x0 y4=0011x10x wy=xxxxxxxxxxxxxxxx
//| c1=z c4=0z1x a=1x0z1100 b=01011010 y1=xx0x1xx0 y2=1x0z1100 y3=x1x1x0x0 y4=00111100 wy=xxxxxxxxxxxxxxxx
//| c1=1 c4=xxxx a=1x0z1100 b=1x0z1100 y1=1x0z1100 y2=xx0x11xx y3=11110000 y4=0011x10x wy=0123456789abcdef
//| c1=x c4=0000 a=1x0z1100 b=1x0z1100 y1=1x0x1100 y2=00001111 y3=1xxxxx00 y4=00110101 wy=ffffxxxxxxxx0000
//| c1=0 c4=zzz1 a=1x0z1100 b=1x0z1100 y1=1x0z1100 y2=1x0z1100 y3=1x0z1100 y4=00111100 wy=ffffffff00000000
