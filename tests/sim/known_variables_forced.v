// `force` and procedural `assign` write X and Z into registers that have
// known initializers and known NBAs (crates/codegen/src/infer_known.rs):
// they are lowered into writes of the register, so it stays four-state
// and shows what was forced, as in Icarus. Releasing or deassigning
// leaves the forced value until the next NBA (IEEE 1364-2005 9.3.1-2).
module t;
  reg clk = 0;
  reg [3:0] a = 0, b = 0;
  wire [3:0] w = 4'bz1x0;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    a <= a + 1;
    b <= b + 1;
  end
  initial begin
    #12 force a = w;
    assign b = 4'bx01z;
    #10 $display("forced a=%b assigned b=%b", a, b);
    release a;
    deassign b;
    #1 $display("released a=%b deassigned b=%b", a, b);
    #10 $display("after an edge a=%b b=%b", a, b);
    force clk = 1'bx;
    #1 $display("clk=%b", clk);
    $finish;
  end
endmodule
// ---- expected output ----
//| forced a=z1x0 assigned b=x01z
//| released a=z1x0 deassigned b=x01z
//| after an edge a=xxxx b=xxxx
//| clk=x
