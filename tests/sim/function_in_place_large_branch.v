// A function that runs in place (crates/codegen/src/inline_calls.rs),
// called in the condition of a branch large enough that the static body
// generates it on its own between runs of known versions
// (crates/codegen/src/specialize.rs: `stmts_split`). The function's body
// is generated whole: the compiler panicked on its `begin ... end` block
// ("a static body has a process"). Found by tests/random_rtl.rs.
module top;
  reg clk = 0;
  reg [7:0] a, b, q, r;
  function [7:0] mix(input [7:0] x);
    begin
      mix = x ^ 8'h5a;
    end
  endfunction
  always @(posedge clk)
    if (mix(a) > 8'd100) begin
      q <= a + b + 8'd1 + (a & b) + (a | b) + (a ^ b) + (a - b) + (b - a);
      r <= a - b - 8'd1 - (a & b) - (a | b) - (a ^ b) - (a + b) - (b + a);
    end else begin
      q <= b;
      r <= a;
    end
  initial begin
    a = 8'd3; b = 8'd4;
    #1 clk = 1; #1 $display("%0d %0d", q, r);
    clk = 0; a = 8'd200;
    #1 clk = 1; #1 $display("%0d %0d", q, r);
  end
endmodule
// ---- expected output ----
//| 4 3
//| 101 147
