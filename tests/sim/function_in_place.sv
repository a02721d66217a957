//! icarus = "differs: Icarus 11 evaluates the call on the right of `alt || tick(0)` when `alt` is 1; IEEE 1800-2017 11.4.7 says || short-circuits, so from 80 on its tick counts run one ahead (the other values agree)"
//! icarus_output = ["10 f3=001 alt=0 c=0 case=1 cond=3 and=2 two=7 nest=1 w=2 q=1 q_if=0 ticks=1,5,1", "20 f3=000 alt=0 c=1 case=0 cond=0 and=1 two=f nest=8 w=1 q=0 q_if=0 ticks=5,13,8", "30 f3=010 alt=0 c=1 case=2 cond=2 and=2 two=7 nest=2 w=3 q=2 q_if=0 ticks=9,21,12", "40 f3=000 alt=1 c=1 case=8 cond=8 and=1 two=7 nest=0 w=9 q=0 q_if=4 ticks=13,29,16", "50 f3=x1x alt=0 c=1 case=X cond=X and=X two=X nest=X w=x q=X q_if=0 ticks=17,37,20", "60 f3=011 alt=z c=1 case=3 cond=3 and=1 two=7 nest=3 w=4 q=3 q_if=0 ticks=21,45,24", "70 f3=001 alt=0 c=1 case=1 cond=1 and=2 two=7 nest=1 w=2 q=1 q_if=0 ticks=25,53,28", "80 f3=100 alt=1 c=0 case=4 cond=3 and=2 two=7 nest=4 w=5 q=4 q_if=0 ticks=29,61,1", "90 f3=000 alt=0 c=1 case=0 cond=0 and=1 two=f nest=8 w=1 q=0 q_if=0 ticks=33,69,36", "100 f3=011 alt=0 c=1 case=3 cond=3 and=1 two=7 nest=3 w=4 q=3 q_if=0 ticks=37,77,40", "110 f3=101 alt=1 c=0 case=d cond=3 and=2 two=f nest=5 w=e q=5 q_if=9 ticks=41,85,1", "120 f3=111 alt=0 c=1 case=f cond=f and=1 two=f nest=f w=0 q=f q_if=b ticks=45,93,48", "ones: 4 4 -1 9"]
// Small functions of their own variables run in place at their calls
// (crates/codegen/src/inline_calls.rs): calls at a statement's start and
// inside `?:`, `&&` and `||` (which stay calls), nested calls, two calls
// of one function in one expression, X and Z arguments, a loop, `return`,
// and a static variable that keeps its value from one call site to the
// next (IEEE 1800-2017 13.4.2), in combinational, clocked and initial code.
module t;
  reg clk = 0;
  reg [2:0] f3;
  reg alt, c;
  reg [3:0] y_case, y_cond, y_and, y_two, y_nest;
  reg [3:0] q, q_if;
  reg [7:0] calls_a, calls_b, calls_c;
  wire [3:0] w = alu(f3, alt) + 1;

  function [3:0] alu;
    input [2:0] f;
    input a;
    case (f)
      3'd0: alu = a ? 4'd8 : 4'd0;
      3'd5: alu = a ? 4'd13 : 4'd5;
      3'd7: alu = 4'hf;
      default: alu = {1'b0, f};
    endcase
  endfunction

  function automatic int ones(input logic [7:0] v);
    int n = 0;
    for (int k = 0; k < 8; k++) n += v[k];
    return n;
  endfunction

  // not automatic: the loop and `return` run in place
  function int ones_static(input logic [7:0] v);
    int n;
    n = 0;
    for (int k = 0; k < 8; k++) begin
      if (v[k] === 1'bx) return -1;
      n += v[k];
    end
    return n;
  endfunction

  // a static variable: every call site counts on the same `n`
  function [7:0] tick(input reset);
    reg [7:0] n;
    if (reset) n = 0;
    else n = n + 1;
    tick = n;
  endfunction

  always @* y_case = alu(f3, alt);
  always @* y_cond = c ? alu(f3, alt) : 4'd3;
  always @* y_and = (c && alu(f3, 1'b1) > 4'd2) ? 4'd1 : 4'd2;
  always @* y_two = alu(f3, alt) ^ alu(~f3, alt);
  always @* y_nest = alu(alu(f3, alt), ~alt);
  always @(posedge clk) begin
    q <= alu(f3, 1'b0);
    if (alu(f3, alt) > 4'd4) q_if <= alu(f3, alt) - 4'd4;
    else q_if <= 4'd0;
  end

  initial begin
    calls_a = tick(1'b1);
    repeat (12) begin
      {f3, alt, c} = $random;
      if ($time == 40) f3 = 3'bx1x;
      if ($time == 50) alt = 1'bz;
      #5 clk = 1;
      #5 clk = 0;
      calls_a = tick(1'b0);
      calls_b = tick(1'b0) + tick(1'b0);
      // not run when `c` is 0 (IEEE 1800-2017 11.4.7, 11.4.11)
      calls_c = c ? tick(1'b0) : (alt || tick(1'b0));
      $display("%0t f3=%b alt=%b c=%b case=%h cond=%h and=%h two=%h nest=%h w=%h q=%h q_if=%h ticks=%0d,%0d,%0d",
               $time, f3, alt, c, y_case, y_cond, y_and, y_two, y_nest, w, q, q_if, calls_a, calls_b, calls_c);
    end
    $display("ones: %0d %0d %0d %0d", ones(8'hf0), ones_static(8'hf0), ones_static(8'b1x00_0001),
             ones_static(8'hff) + ones_static(8'h01));
    $finish;
  end
endmodule
// ---- expected output ----
//| 10 f3=001 alt=0 c=0 case=1 cond=3 and=2 two=7 nest=1 w=2 q=1 q_if=0 ticks=1,5,1
//| 20 f3=000 alt=0 c=1 case=0 cond=0 and=1 two=f nest=8 w=1 q=0 q_if=0 ticks=5,13,8
//| 30 f3=010 alt=0 c=1 case=2 cond=2 and=2 two=7 nest=2 w=3 q=2 q_if=0 ticks=9,21,12
//| 40 f3=000 alt=1 c=1 case=8 cond=8 and=1 two=7 nest=0 w=9 q=0 q_if=4 ticks=13,29,16
//| 50 f3=x1x alt=0 c=1 case=X cond=X and=X two=X nest=X w=x q=X q_if=0 ticks=17,37,20
//| 60 f3=011 alt=z c=1 case=3 cond=3 and=1 two=7 nest=3 w=4 q=3 q_if=0 ticks=21,45,24
//| 70 f3=001 alt=0 c=1 case=1 cond=1 and=2 two=7 nest=1 w=2 q=1 q_if=0 ticks=25,53,28
//| 80 f3=100 alt=1 c=0 case=4 cond=3 and=2 two=7 nest=4 w=5 q=4 q_if=0 ticks=29,61,1
//| 90 f3=000 alt=0 c=1 case=0 cond=0 and=1 two=f nest=8 w=1 q=0 q_if=0 ticks=32,67,35
//| 100 f3=011 alt=0 c=1 case=3 cond=3 and=1 two=7 nest=3 w=4 q=3 q_if=0 ticks=36,75,39
//| 110 f3=101 alt=1 c=0 case=d cond=3 and=2 two=f nest=5 w=e q=5 q_if=9 ticks=40,83,1
//| 120 f3=111 alt=0 c=1 case=f cond=f and=1 two=f nest=f w=0 q=f q_if=b ticks=43,89,46
//| ones: 4 4 -1 9
