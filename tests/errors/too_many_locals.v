//! kind = "compile-error"
// A block so long that its wasm function would need more locals than an
// engine accepts (50,000): reported at compile time with its location,
// where the artifact would otherwise fail to load with none.
`define L1 for (i = 0; i < 2; i = i + 1) begin acc = acc + i * 3; if (acc[3]) acc = acc ^ 5; end
`define L10 `L1 `L1 `L1 `L1 `L1 `L1 `L1 `L1 `L1 `L1
`define L100 `L10 `L10 `L10 `L10 `L10 `L10 `L10 `L10 `L10 `L10
`define L1000 `L100 `L100 `L100 `L100 `L100 `L100 `L100 `L100 `L100 `L100
module t;
  integer i, acc;
  initial begin
    acc = 0;
    `L1000 `L1000 `L1000
    $display("acc=%0d", acc);
  end
endmodule
// ---- expected output ----
//| too_many_locals.v:11:3: error[E0403]: this block needs more than the 50000 wasm locals an engine accepts in one function; split it into smaller blocks or tasks
//|  11 |   initial begin
//|     |   ^
