//! icarus_skip = "skip: vvp 12 aborts on an always_comb that calls a queue method; Verilator 5.006 never re-runs the always_comb (prints n=0 three times); the expected lines follow IEEE 1800-2017 9.2.2.2 (always_comb runs again when what it reads changes) by hand"
// A process that reads a queue wakes when the queue changes in place
// (IEEE 1800-2017 9.2.2.2: always_comb is sensitive to what it reads).
module t;
  int q[$];
  int n;
  always_comb n = q.size();
  initial begin
    #1 q.push_back(5);
    #1 $display("n=%0d", n);
    q.push_back(6);
    #1 $display("n=%0d", n);
    q.delete();
    #1 $display("n=%0d", n);
    $finish;
  end
endmodule
// ---- expected output ----
//| n=1
//| n=2
//| n=0
