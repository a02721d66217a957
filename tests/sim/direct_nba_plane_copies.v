// Pipeline registers copied by nonblocking assignments, `q <= d`: a
// four-state register of one width stores both planes in one v128 load and
// store (crates/codegen fast.rs, `copy_signal_planes`). X and Z bits must
// travel with the value, for 1, 8, 33 and 64 bits; every stage must see the
// value from before the edge, whichever block writes it; a stage read by
// continuous assignments wakes them after the edge; a stage read by its
// writer after the write reads the copy of its old value.
module direct_nba_plane_copies;
  reg clk = 0;
  reg [3:0] n = 0;
  reg [7:0] d;
  reg [7:0] s1, s2, s3;
  reg b0, b1;
  reg [32:0] w0, w1;
  reg [63:0] l0, l1, l2;
  wire [7:0] s2_inv = ~s2;
  wire [63:0] l_mix = l2 ^ {8{s3}};
  reg [7:0] seen;

  always @(posedge clk) s2 <= s1;
  always @(posedge clk) begin
    s1 <= d;
    s3 <= s2;
    b1 <= b0;
    w1 <= w0;
    l1 <= l0;
    l2 <= l1;
    seen <= s3;
  end
  always @(posedge clk) begin
    n <= n + 4'd1;
    case (n)
      4'd0: begin d <= 8'b1x0z_0011; b0 <= 1'bz; w0 <= {1'bx, 32'h0000_z00f}; l0 <= {32'hdead_beef, 32'bx}; end
      4'd1: begin d <= 8'hzz; b0 <= 1'b1; w0 <= 33'h1_8000_0001; l0 <= 64'hzzzz_0000_1111_xxxx; end
      4'd2: begin d <= 8'h5a; b0 <= 1'bx; w0 <= 33'bz; l0 <= 64'h0123_4567_89ab_cdef; end
      default: begin d <= d + 8'd1; b0 <= ~b0; w0 <= w0 + 33'd1; l0 <= l0 << 4; end
    endcase
  end
  always @(negedge clk)
    $display("%0t: s=%b %b %b inv=%b seen=%b b=%b w=%b l=%h mix=%h", $time, s1, s2, s3, s2_inv, seen, b1, w1, l2, l_mix);
  always #5 clk = ~clk;
  initial #78 $finish;
endmodule

// ---- expected output ----
//| 10: s=xxxxxxxx xxxxxxxx xxxxxxxx inv=xxxxxxxx seen=xxxxxxxx b=x w=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx l=xxxxxxxxxxxxxxxx mix=xxxxxxxxxxxxxxxx
//| 20: s=1x0z0011 xxxxxxxx xxxxxxxx inv=xxxxxxxx seen=xxxxxxxx b=z w=x0000000000000000zzzz000000001111 l=xxxxxxxxxxxxxxxx mix=xxxxxxxxxxxxxxxx
//| 30: s=zzzzzzzz 1x0z0011 xxxxxxxx inv=0x1x1100 seen=xxxxxxxx b=1 w=110000000000000000000000000000001 l=deadbeefxxxxxxxx mix=xxxxxxxxxxxxxxxx
//| 40: s=01011010 zzzzzzzz 1x0z0011 inv=xxxxxxxx seen=xxxxxxxx b=x w=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz l=zzzz00001111xxxx mix=xxxxX3X3X2X2xxxx
//| 50: s=01011011 01011010 zzzzzzzz inv=10100101 seen=1x0z0011 b=x w=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx l=0123456789abcdef mix=xxxxxxxxxxxxxxxx
//| 60: s=01011100 01011011 01011010 inv=10100100 seen=zzzzzzzz b=x w=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx l=123456789abcdef0 mix=486e0c22c0e684aa
//| 70: s=01011101 01011100 01011011 inv=10100011 seen=01011010 b=x w=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx l=23456789abcdef00 mix=781e3cd2f096b45b
