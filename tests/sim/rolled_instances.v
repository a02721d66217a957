// Thirty-two instances of a module with a clocked block: the runner runs
// their copies as loops (crates/codegen/src/roll_instances.rs). Their
// code differs in addresses (at constant strides), in each instance's
// parameters (from tables) and in the pending bits of each instance's
// readers. Instance 5's input is a constant, so its code differs in
// shape: the instances before it stay unrolled, those after it form a
// loop (of 26: enough nodes for `MIN_ROLLED_NODES`). X until reset, then
// values that change every cycle.
module stage #(parameter [15:0] SEED = 16'h1, parameter [15:0] K = 1) (
  input clk, input rst, input [15:0] in, output [15:0] out, output [3:0] seen
);
  reg [15:0] acc, last, mix, crc;
  reg [2:0] phase;
  // each register reads only itself and those written after it, so the
  // NBAs store directly, in this order
  always @(posedge clk) begin
    if (rst) begin
      last <= 16'bx;
      acc <= SEED;
      mix <= SEED ^ K;
      phase <= 0;
      crc <= 16'hffff;
    end else begin
      last <= acc;
      acc <= {acc[14:0], acc[15] ^ acc[13]} + in + K + (phase == 3'd4 ? mix : 16'd0);
      case (phase)
        3'd0: mix <= mix + (in ^ K);
        3'd1: mix <= {mix[7:0], mix[15:8]} ^ crc;
        3'd2: mix <= mix - (crc >> 3);
        3'd3: mix <= (mix & in) | (~mix & crc);
        default: mix <= mix ^ (mix << 5) ^ (mix >> 7);
      endcase
      phase <= phase + 3'd1;
      crc <= {crc[14:0], 1'b0} ^ (crc[15] ^ in[0] ? 16'h1021 : 16'h0) ^ (in[15:8] * 8'd3);
    end
  end
  assign out = acc ^ last ^ crc;
  // a reader of each instance's own register
  assign seen = acc[3:0] + 4'd1;
endmodule

module top;
  localparam N = 32;
  reg clk = 0, rst = 1;
  reg [15:0] in = 16'h0;
  wire [15:0] outs [0:N-1];
  wire [3:0] seen [0:N-1];
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : g
      localparam [15:0] OFF = i;
      stage #(.SEED(16'h9E37 * (i + 1)), .K(OFF * OFF)) u (
        .clk(clk), .rst(rst), .in(i == 5 ? 16'h0 : in + OFF), .out(outs[i]), .seen(seen[i])
      );
    end
  endgenerate
  integer cycle, k;
  reg [15:0] x;
  always #5 clk = ~clk;
  initial begin
    for (cycle = 0; cycle < 12; cycle = cycle + 1) begin
      @(negedge clk);
      if (cycle == 1) rst = 0;
      in = in * 16'd5 + 16'd7;
      x = 0;
      for (k = 0; k < N; k = k + 1) x = x ^ (outs[k] << (k % 16));
      $display("%0d: out0=%h out4=%h out5=%h out6=%h out31=%h xor=%h seen3=%h seen31=%h",
               cycle, outs[0], outs[4], outs[5], outs[6], outs[31], x, seen[3], seen[31]);
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| 0: out0=xxxx out4=xxxx out5=xxxx out6=xxxx out31=xxxx xor=xxxx seen3=d seen31=1
//| 1: out0=xxxx out4=xxxx out5=xxxx out6=xxxx out31=xxxx xor=xxxx seen3=d seen31=1
//| 2: out0=4d71 out4=d6a8 out5=3038 out6=1b08 out31=a8d5 xor=3dae seen3=0 seen31=c
//| 3: out0=992b out4=ac6c out5=7046 out6=3747 out31=5646 xor=d847 seen3=4 seen31=1
//| 4: out0=2d00 out4=4d23 out5=f169 out6=4332 out31=af23 xor=0ea4 seen3=7 seen31=6
//| 5: out0=a0d5 out4=75ae out5=f300 out6=a04c out31=3d72 xor=9877 seen3=5 seen31=6
//| 6: out0=ae42 out4=fad1 out5=7878 out6=5b6a out31=4ee8 xor=3ce8 seen3=1 seen31=8
//| 7: out0=52aa out4=100e out5=6ef7 out6=4924 out31=b5dd xor=26d7 seen3=a seen31=d
//| 8: out0=24c2 out4=a890 out5=dd92 out6=fe6e out31=ba9b xor=6fbc seen3=8 seen31=2
//| 9: out0=f6ab out4=ed32 out5=bbc4 out6=5790 out31=bfc9 xor=c97e seen3=b seen31=2
//| 10: out0=e9fd out4=98c3 out5=6779 out6=c24d out31=d818 xor=89a0 seen3=4 seen31=5
//| 11: out0=3420 out4=1277 out5=de13 out6=a685 out31=59ab xor=13d7 seen3=5 seen31=b
