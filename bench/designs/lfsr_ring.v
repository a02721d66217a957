// Benchmark design: N cells, each a 32-bit Galois LFSR feeding a 3-stage
// pipeline whose last stage is mixed into the next cell's LFSR (a ring),
// so all cells stay live and nothing can be optimized away.
//
// `lfsr_ring` is the synthesizable core (the top for Verilator --cc with
// bench/verilator/main.cpp); `bench_lfsr` is the self-clocking testbench
// for event-driven simulators. Both print the same signature.
`timescale 1ns / 1ns
module lfsr_cell #(parameter [31:0] SEED = 32'h1) (
  input clk, input rst, input [31:0] mix_in, output [31:0] out
);
  reg [31:0] lfsr, s1, s2, s3;
  always @(posedge clk) begin
    if (rst) begin
      lfsr <= SEED; s1 <= 0; s2 <= 0; s3 <= 0;
    end else begin
      lfsr <= (lfsr >> 1) ^ (lfsr[0] ? 32'hA300_0000 : 32'h0) ^ {31'b0, mix_in[31]};
      s1 <= lfsr + mix_in;
      s2 <= {s1[15:0], s1[31:16]} ^ (s1 << 3);
      s3 <= s2 - {s2[7:0], s2[31:8]};
    end
  end
  assign out = s3;
endmodule

module lfsr_ring #(parameter N = 64) (input clk, input rst, output [31:0] signature);
  wire [31:0] outs [0:N-1];
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : g_cell
      lfsr_cell #(.SEED(32'h9E37_79B9 * (i + 1))) u (
        .clk(clk), .rst(rst), .mix_in(outs[(i + N - 1) % N]), .out(outs[i])
      );
    end
  endgenerate
  // XOR of every cell's output: a combinational reduction across the ring.
  reg [31:0] sig;
  integer k;
  always @* begin
    sig = 0;
    for (k = 0; k < N; k = k + 1) sig = sig ^ outs[k];
  end
  assign signature = sig;
endmodule

module bench_lfsr;
  parameter N = 64;
  parameter CYCLES = 100000;
  reg clk = 0, rst = 1;
  wire [31:0] signature;
  integer cycle = 0;
  lfsr_ring #(.N(N)) ring (.clk(clk), .rst(rst), .signature(signature));
  always #5 clk = ~clk;
  always @(posedge clk) begin
    cycle <= cycle + 1;
    if (cycle == 2) rst <= 0;
    if (cycle == CYCLES) begin
      $display("N=%0d cycles=%0d signature=%h", N, cycle, signature);
      $finish;
    end
  end
endmodule
