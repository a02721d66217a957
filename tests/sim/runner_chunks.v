// Enough static processes that the runner is split into chunk functions
// (crates/codegen/src/runner.rs, CHUNK_MAX_NODES): the runner calls them in
// order and then ends its pass itself (`end_pass`: the NBA region and the
// passes after it). A ring of LFSR cells with a combinational XOR over all
// of them, clocked by the design's one timer.
module ring_cell #(parameter [31:0] SEED = 32'h1) (
  input clk, input rst, input [31:0] mix_in, output [31:0] out
);
  reg [31:0] lfsr, s1, s2;
  always @(posedge clk) begin
    if (rst) begin
      lfsr <= SEED; s1 <= 0; s2 <= 0;
    end else begin
      lfsr <= (lfsr >> 1) ^ (lfsr[0] ? 32'hA300_0000 : 32'h0) ^ {31'b0, mix_in[31]};
      s1 <= lfsr + mix_in;
      s2 <= {s1[15:0], s1[31:16]} ^ (s1 << 3);
    end
  end
  assign out = s2 - {s2[7:0], s2[31:8]};
endmodule

module t;
  localparam N = 96;
  reg clk = 0, rst = 1;
  always #5 clk = ~clk;
  wire [31:0] outs [0:N-1];
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : g
      ring_cell #(.SEED(32'h9E37_79B9 * (i + 1))) u (
        .clk(clk), .rst(rst), .mix_in(outs[(i + N - 1) % N]), .out(outs[i])
      );
    end
  endgenerate
  reg [31:0] sig;
  integer k;
  always @* begin
    sig = 0;
    for (k = 0; k < N; k = k + 1) sig = sig ^ outs[k];
  end
  integer cycle = 0;
  always @(posedge clk) begin
    cycle <= cycle + 1;
    if (cycle == 2) rst <= 0;
    if (cycle % 10 == 9) $display("cycle=%0d sig=%h out0=%h", cycle, sig, outs[0]);
    if (cycle == 49) $finish;
  end
endmodule
// ---- expected output ----
//| cycle=9 sig=a70eadd3 out0=6ba18d65
//| cycle=19 sig=9e530fae out0=7c82c73a
//| cycle=29 sig=270c8571 out0=a4928f39
//| cycle=39 sig=3b8ab840 out0=3d8e3bf8
//| cycle=49 sig=c9f360ff out0=2f7ad97c
