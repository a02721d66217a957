// Known versions guarded by array elements at constant indices
// (crates/codegen/src/specialize.rs): `w` is a wire array that
// continuous assignments drive, read at fixed indices by a clocked body
// and a combinational one, as generated instances read their neighbours'
// outputs. The elements hold X at times (then the general version runs,
// bit for bit the same), and one element is read at an index computed at
// run time (never guarded). Checked against Icarus.
module t;
  reg clk = 0;
  wire [7:0] w [0:3];
  reg [7:0] src [0:3];
  reg [1:0] sel;
  reg [7:0] acc, mix, y;
  integer cycle;
  genvar g;
  for (g = 0; g < 4; g = g + 1) begin : drive
    assign w[g] = src[g] + g;
  end

  always @(posedge clk) begin
    acc <= acc + ((w[0] ^ w[1]) + (w[2] & w[3])) - {w[1][3:0], w[2][7:4]}
               + (w[3] | 8'h11) - (w[0] >> 1) + {w[2][0], w[3][7:1]};
    mix <= (mix << 1) ^ w[sel] ^ (w[0] + w[3]);
  end

  always @* y = (w[1] - w[2]) ^ (w[3] + 8'd7) ^ {w[0][5:0], w[1][7:6]} ^ (w[2] & 8'h3c);

  always #5 clk = ~clk;

  initial begin
    acc = 0; mix = 0; sel = 0;
    src[0] = 8'h12; src[1] = 8'h34; src[2] = 8'h56; src[3] = 8'h78;
    for (cycle = 0; cycle < 12; cycle = cycle + 1) begin
      @(negedge clk);
      case (cycle)
        3: src[2] = 8'b0101_x010;
        5: src[2] = 8'h9a;
        7: src[0] = 8'hzz;
        8: begin src[0] = 8'h0f; acc = 0; mix = 0; end
        9: sel = 2'bx1;
        10: sel = 2'b11;
        default: src[cycle % 4] = src[cycle % 4] * 8'd5 + 8'd1;
      endcase
      #1 $display("%0d: acc=%b mix=%b y=%b", cycle, acc, mix, y);
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| 0: acc=11011001 mix=10011111 y=00101011
//| 1: acc=11010101 mix=10110011 y=01011000
//| 2: acc=10110000 mix=11101011 y=10001011
//| 3: acc=11011110 mix=01011011 y=xxxxxxxx
//| 4: acc=xxxxxxxx mix=00111011 y=xxxxxxxx
//| 5: acc=xxxxxxxx mix=11111101 y=11010100
//| 6: acc=xxxxxxxx mix=01110001 y=10100111
//| 7: acc=xxxxxxxx mix=01101001 y=xxxxxx11
//| 8: acc=00000000 mix=00000000 y=10111011
//| 9: acc=11011011 mix=10000101 y=10111011
//| 10: acc=10110110 mix=xxxxxxxx y=10111011
//| 11: acc=10010001 mix=xxxxxxx1 y=01011010
