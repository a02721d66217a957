//! exit = 1
// $stop (1364-2005 17.4.2) suspends the simulation; a non-interactive
// run (vvp -n, wsim run) ends there; wsim exits 1 (docs/exit-codes.md:
// a stopped run is not a success).
module t;
  initial begin
    #2 $display("before stop");
    $stop;
    $display("after stop (not reached in batch mode)");
  end
endmodule
// ---- expected output ----
//| before stop
