// NBA shadows (crates/codegen/src/shadow.rs): a variable written only by
// zero-delay NBAs and watched only by combinational processes keeps its
// pending value in a shadow record. Each NBA is still an update event
// (IEEE 1800-2017 4.9.4, 10.4.2): a value that glitches and comes back in one
// NBA region still wakes `always @(v)` once, repeating the same value wakes
// nothing, and part-select NBAs keep the bits they do not write. `glitch`
// has a dynamic edge waiter, so it keeps queued updates: its 0 -> 1 -> 0
// in one region is a posedge. An NBA that keeps the value arms no record
// (stmt.rs write_whole_shadow), so a later one of the step that changes it
// (steps 8 and 9, after a first NBA of the same value) must still wake.
module t;
  reg clk = 0;
  reg [3:0] step = 0;
  reg [7:0] v;
  reg [7:0] parts = 8'h00;
  reg [63:0] wide = 0;
  reg glitch = 0;
  reg [7:0] doubled;
  integer wakes = 0;
  wire [7:0] sum = v + parts;

  always @(v) wakes = wakes + 1;
  always @* doubled = {v[6:0], 1'b0};

  always @(posedge clk) begin
    step <= step + 1;
    case (step)
      0: v <= 8'h11;
      1: begin v <= 8'h00; v <= 8'h11; end
      2: begin v <= 8'h11; v <= 8'h11; end
      3: begin parts[3:0] <= 4'ha; parts[7] <= 1'b1; end
      4: parts[step[1:0] * 2 +: 2] <= 2'b01;
      5: begin wide <= {32'hdeadbeef, 32'h01234567}; wide[63] <= 1'bx; end
      6: begin wide[31:0] <= 32'hz; v <= 8'hx; end
      7: begin glitch <= 1; glitch <= 0; end
      8: begin v <= 8'hxx; v <= 8'h33; end
      9: begin v <= 8'h33; v <= 8'h44; v <= 8'h33; end
      default: ;
    endcase
  end

  initial forever @(posedge glitch) $display("posedge glitch at %0t", $time);

  always @(negedge clk)
    $display("step=%0d v=%h doubled=%h parts=%b sum=%h wide=%h wakes=%0d",
             step, v, doubled, parts, sum, wide, wakes);

  initial begin
    repeat (20) #5 clk = ~clk;
    #1 $finish;
  end
endmodule
// ---- expected output ----
//| step=1 v=11 doubled=22 parts=00000000 sum=11 wide=0000000000000000 wakes=1
//| step=2 v=11 doubled=22 parts=00000000 sum=11 wide=0000000000000000 wakes=2
//| step=3 v=11 doubled=22 parts=00000000 sum=11 wide=0000000000000000 wakes=2
//| step=4 v=11 doubled=22 parts=10001010 sum=9b wide=0000000000000000 wakes=2
//| step=5 v=11 doubled=22 parts=10001001 sum=9a wide=0000000000000000 wakes=2
//| step=6 v=11 doubled=22 parts=10001001 sum=9a wide=Xeadbeef01234567 wakes=2
//| step=7 v=xx doubled=xX parts=10001001 sum=xx wide=Xeadbeefzzzzzzzz wakes=3
//| posedge glitch at 75
//| step=8 v=xx doubled=xX parts=10001001 sum=xx wide=Xeadbeefzzzzzzzz wakes=3
//| step=9 v=33 doubled=66 parts=10001001 sum=bc wide=Xeadbeefzzzzzzzz wakes=4
//| step=10 v=33 doubled=66 parts=10001001 sum=bc wide=Xeadbeefzzzzzzzz wakes=5
