//! exit = 1
// $fatal (IEEE 1800-2017 20.10) prints its message and ends the
// simulation with a failure exit code.
module t;
  initial begin
    $display("before");
    #5 $fatal(1, "boom %0d", 7);
    $display("never");
  end
endmodule
// ---- expected output ----
//| before
//| FATAL: fatal.sv:7: boom 7
//|        Time: 5 Scope: t
