// 72 instances drive the elements of one array through their output
// ports (`outs[i] = u.q`): a fused unit of 72 element copies, which the
// runner does in one loop (crates/codegen/src/reroll.rs). Only some
// cells change in a cycle, some hold X until their first load, and a
// combinational reader of the whole array and one of a single element see
// every change.
module slot #(parameter [7:0] K = 1) (input clk, input load, input [7:0] d, output [7:0] q);
  reg [7:0] r;
  always @(posedge clk) if (load) r <= d ^ K;
  assign q = r;
endmodule

module t;
  localparam N = 72;
  reg clk = 0;
  reg [7:0] step = 0;
  wire [7:0] outs [0:N-1];
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : g
      // slot i loads at step 1 unless i % 3 == 0 (those hold X until
      // then), at step 2 when i is odd, at step 3 when it is even
      slot #(.K(i)) u (.clk(clk), .d(step), .q(outs[i]),
        .load((step == 1 && i % 3 != 0) || (step == 2 && i % 2 == 1) || (step == 3 && i % 2 == 0)));
    end
  endgenerate
  reg [7:0] sum;
  integer k;
  always @* begin
    sum = 0;
    for (k = 0; k < N; k = k + 1) sum = sum + outs[k];
  end
  wire [7:0] last = outs[N-1];
  always #5 clk = ~clk;
  always @(posedge clk) step <= step + 1;
  always @(negedge clk)
    $display("step=%0d sum=%b last=%b outs[0]=%b outs[1]=%b outs[70]=%h", step, sum, last, outs[0], outs[1], outs[70]);
  initial #62 $finish;
endmodule
// ---- expected output ----
//| step=1 sum=xxxxxxxx last=xxxxxxxx outs[0]=xxxxxxxx outs[1]=xxxxxxxx outs[70]=xx
//| step=2 sum=xxxxxxxx last=01000110 outs[0]=xxxxxxxx outs[1]=00000000 outs[70]=47
//| step=3 sum=xxxxxxxx last=01000101 outs[0]=xxxxxxxx outs[1]=00000011 outs[70]=47
//| step=4 sum=00100000 last=01000101 outs[0]=00000011 outs[1]=00000011 outs[70]=45
//| step=5 sum=00100000 last=01000101 outs[0]=00000011 outs[1]=00000011 outs[70]=45
//| step=6 sum=00100000 last=01000101 outs[0]=00000011 outs[1]=00000011 outs[70]=45
