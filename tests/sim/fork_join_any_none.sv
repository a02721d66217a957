//! icarus = "differs: Icarus 11 resumes the parent of join_none only at its next delay; IEEE 1800-2017 9.3.2 says join_none continues at once"
//! icarus_output = ["t=5 any: fast", "t=5 after join_any", "t=8 none: branch", "t=8 after join_none", "t=20 any: slow", "t=20 after wait fork"]
// join_any and join_none (IEEE 1800-2017 9.3.2): join_any resumes after
// the first branch ends, join_none at once; wait fork waits for the rest.
module t;
  initial begin
    fork
      #20 $display("t=%0t any: slow", $time);
      #5  $display("t=%0t any: fast", $time);
    join_any
    $display("t=%0t after join_any", $time);
    fork
      #3 $display("t=%0t none: branch", $time);
    join_none
    $display("t=%0t after join_none", $time);
    wait fork;
    $display("t=%0t after wait fork", $time);
    $finish;
  end
endmodule
// ---- expected output ----
//| t=5 any: fast
//| t=5 after join_any
//| t=5 after join_none
//| t=8 none: branch
//| t=20 any: slow
//| t=20 after wait fork
