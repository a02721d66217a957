// Event lists (1364-2005 9.7.3): `or` and `,` are the same; the block
// wakes once per time step even when several listed signals change.
module t;
  reg a, b, clk;
  integer wakes_or, wakes_comma, wakes_mixed;
  initial begin wakes_or = 0; wakes_comma = 0; wakes_mixed = 0; end
  always @(a or b) wakes_or = wakes_or + 1;
  always @(a, b) wakes_comma = wakes_comma + 1;
  always @(posedge clk or negedge a) wakes_mixed = wakes_mixed + 1;
  initial begin
    #1 a = 1; b = 0; clk = 0;
    #1 a = 0;
    #1 b = 1;
    #1 begin a = 1; b = 0; end
    #1 clk = 1;
    #1 $display("or=%0d comma=%0d mixed=%0d", wakes_or, wakes_comma, wakes_mixed);
    $finish;
  end
endmodule
// ---- expected output ----
//| or=4 comma=4 mixed=2
