//! compile_args = ["--no-opt", "static-schedule"]
// Every process keeps dynamic event semantics (`--no-opt static-schedule`),
// debug logic nothing reads included (no static process is wave-only:
// crates/codegen/src/wave_only.rs needs the static schedule).
module t;
  reg clk = 0;
  reg [3:0] count = 0;
  reg [31:0] name, last;
  wire [3:0] next = count + 1;
  always @* name = count[0] ? "odd" : "even";
  always @(posedge clk) last <= name;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    count <= next;
    $display("t=%0t count=%0d", $time, count);
    if (count == 3) $finish;
  end
endmodule
// ---- expected output ----
//| t=5 count=0
//| t=15 count=1
//| t=25 count=2
//| t=35 count=3
