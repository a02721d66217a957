// NBA shadows on collapsed ports (crates/codegen/src/shadow.rs): a port
// connected to a whole signal is another name for it, so a variable written
// only by zero-delay NBAs keeps its shadow record when it is an output port
// (the parent's wire reads it) or drives an input port (the child's
// combinational logic reads it). The update events must be the same as for
// a local variable: a glitch in one NBA region wakes `always @(q)` once
// through either name, repeating the value wakes nothing, and part-select
// NBAs keep the bits they do not write.
module counter (input clk, input [7:0] din, output reg [7:0] q, output [7:0] q_plus_din);
  reg [3:0] step = 0;
  assign q_plus_din = q + din;
  always @(posedge clk) begin
    step <= step + 1;
    case (step)
      0: q <= 8'h11;
      1: begin q <= 8'h00; q <= 8'h11; end
      2: begin q <= 8'h11; q <= 8'h11; end
      3: begin q[3:0] <= 4'ha; q[7] <= 1'b0; end
      4: q[step[1:0] * 2 +: 2] <= 2'b01;
      5: q <= 8'hx;
      default: q <= q + 1;
    endcase
  end
endmodule

module t;
  reg clk = 0;
  reg [7:0] din = 0;
  wire [7:0] q, q_plus_din;
  integer wakes_parent = 0, wakes_din = 0;
  counter u (.clk(clk), .din(din), .q(q), .q_plus_din(q_plus_din));

  always @(q) wakes_parent = wakes_parent + 1;
  // Time 0 is left out: whether a waiter sees the port's initial value is
  // a race (Icarus, whose input port is a separate net, sees z -> 00).
  always @(u.din) if ($time > 0) wakes_din = wakes_din + 1;

  // din is written only by NBAs, here; the child reads it through its port.
  always @(posedge clk) begin
    din <= 8'h01;
    din <= 8'h00;
    if (u.step == 6) din <= 8'h40;
  end

  always @(negedge clk)
    $display("step=%0d q=%h u.q=%h din=%h q+din=%h wakes q=%0d din=%0d",
             u.step, q, u.q, din, q_plus_din, wakes_parent, wakes_din);

  initial begin
    repeat (18) #5 clk = ~clk;
    #1 $finish;
  end
endmodule
// ---- expected output ----
//| step=1 q=11 u.q=11 din=00 q+din=11 wakes q=1 din=1
//| step=2 q=11 u.q=11 din=00 q+din=11 wakes q=2 din=2
//| step=3 q=11 u.q=11 din=00 q+din=11 wakes q=2 din=3
//| step=4 q=1a u.q=1a din=00 q+din=1a wakes q=3 din=4
//| step=5 q=19 u.q=19 din=00 q+din=19 wakes q=4 din=5
//| step=6 q=xx u.q=xx din=00 q+din=xx wakes q=5 din=6
//| step=7 q=xx u.q=xx din=40 q+din=xx wakes q=5 din=7
//| step=8 q=xx u.q=xx din=00 q+din=xx wakes q=5 din=8
//| step=9 q=xx u.q=xx din=00 q+din=xx wakes q=5 din=9
