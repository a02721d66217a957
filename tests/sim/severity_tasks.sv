//! exit = 1
// $info, $warning and $error (IEEE 1800-2017 20.10) print a message with
// its severity, location, time and scope, and let the simulation go on;
// the $error makes the run exit 1 at the end (docs/exit-codes.md).
module t;
  initial begin
    #1 $info("info %0d", 1);
    #1 $warning("warning %s", "two");
    #1 $error("error at %0t", $time);
    $display("still running");
    $finish;
  end
endmodule
// ---- expected output ----
//| INFO: severity_tasks.sv:7: info 1
//|       Time: 1 Scope: t
//| WARNING: severity_tasks.sv:8: warning two
//|          Time: 2 Scope: t
//| ERROR: severity_tasks.sv:9: error at 3
//|        Time: 3 Scope: t
//| still running
