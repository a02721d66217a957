//! icarus = "differs: Icarus 11 evaluates a call on the right of && and || even where the left operand decides; IEEE 1800-2017 11.3.5 says && and || short-circuit (the calls count differs, the values agree)"
//! icarus_output = ["5: neither a nor c", "10: a=0 c=1 v=3 not=1 nor=0 nand=1 xnor=0 vnot=0 and=0 or=1 q_and=0 q_or=1 calls=4", "20: a=1 c=0 v=6 not=0 nor=1 nand=0 xnor=1 vnot=0 and=0 or=0 q_and=0 q_or=1 calls=8", "30: a=1 c=1 v=9 not=0 nor=0 nand=0 xnor=0 vnot=0 and=0 or=0 q_and=0 q_or=1 calls=12", "40: a=0 c=0 v=c not=1 nor=1 nand=1 xnor=1 vnot=0 and=0 or=1 q_and=0 q_or=1 calls=16", "45: neither a nor c", "50: a=0 c=1 v=f not=1 nor=0 nand=1 xnor=0 vnot=0 and=0 or=1 q_and=0 q_or=1 calls=20", "60: a=1 c=0 v=2 not=0 nor=1 nand=0 xnor=1 vnot=0 and=1 or=1 q_and=0 q_or=1 calls=24", "70: a=1 c=1 v=5 not=0 nor=0 nand=0 xnor=0 vnot=0 and=0 or=0 q_and=1 q_or=0 calls=28"]
// Logical and reduction operators on two-state (`bit`) operands, whose
// values are known: `!b` of one bit is `b ^ 1` (crates/codegen fast.rs,
// `sm_reduce`), and `l && f(x)` / `l || f(x)` with a call on the right
// short-circuits with no merge of unknown codes (expr.rs,
// `logical_by_codes`). Every combination of the operands is printed, from
// a combinational block, a clocked block and a condition; the call counts
// its evaluations, which shows where the short circuit skipped it.
module two_state_logical_known;
  bit clk;
  bit a, c;
  bit [3:0] v;
  int calls;
  bit y_not, y_nor, y_nand, y_xnor, y_and, y_or, y_vnot;
  bit q_and, q_or;

  function automatic bit odd(input bit [3:0] x);
    calls++;
    return ^x;
  endfunction

  always @* begin
    y_not = !a;
    y_nor = ~|c;
    y_nand = ~&a;
    y_xnor = ~^c;
    y_vnot = !v;
  end
  always @(posedge clk) begin
    q_and <= a && odd(v);
    q_or <= c || odd(v + 4'd1);
    if (!a && !c) $display("%0t: neither a nor c", $time);
  end
  always @(negedge clk) begin
    y_and = !c && odd(v ^ 4'd3);
    y_or = !a || odd(v);
    $display("%0t: a=%b c=%b v=%h not=%b nor=%b nand=%b xnor=%b vnot=%b and=%b or=%b q_and=%b q_or=%b calls=%0d",
             $time, a, c, v, y_not, y_nor, y_nand, y_xnor, y_vnot, y_and, y_or, q_and, q_or, calls);
  end
  always #5 clk = ~clk;
  initial begin
    repeat (8) begin
      @(posedge clk);
      #1 {a, c} = {a, c} + 2'd1;
      v = v + 4'd3;
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| 5: neither a nor c
//| 10: a=0 c=1 v=3 not=1 nor=0 nand=1 xnor=0 vnot=0 and=0 or=1 q_and=0 q_or=1 calls=1
//| 20: a=1 c=0 v=6 not=0 nor=1 nand=0 xnor=1 vnot=0 and=0 or=0 q_and=0 q_or=1 calls=3
//| 30: a=1 c=1 v=9 not=0 nor=0 nand=0 xnor=0 vnot=0 and=0 or=0 q_and=0 q_or=1 calls=6
//| 40: a=0 c=0 v=c not=1 nor=1 nand=1 xnor=1 vnot=0 and=0 or=1 q_and=0 q_or=1 calls=8
//| 45: neither a nor c
//| 50: a=0 c=1 v=f not=1 nor=0 nand=1 xnor=0 vnot=0 and=0 or=1 q_and=0 q_or=1 calls=9
//| 60: a=1 c=0 v=2 not=0 nor=1 nand=0 xnor=1 vnot=0 and=1 or=1 q_and=0 q_or=1 calls=11
//| 70: a=1 c=1 v=5 not=0 nor=0 nand=0 xnor=0 vnot=0 and=0 or=0 q_and=1 q_or=0 calls=14
