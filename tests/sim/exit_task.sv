//! icarus_skip = "skip: Icarus 11 has no $exit; Verilator 5.006 prints the same line and ends the run at $exit"
// $exit (IEEE 1800-2017 24.7) outside any program block: wsim's design is
// one implicit program, so $exit ends the simulation like $finish: the
// other process's #20 never runs.
module t;
  initial begin
    #5 $display("before $exit at %0t", $time);
    $exit;
  end
  initial #20 $display("not reached");
endmodule
// ---- expected output ----
//| before $exit at 5
