//! icarus_skip = "skip: Icarus 11 does not support break (\"sorry: break statements not supported\"); expected output checked with Verilator 5.006"
// for with a declared loop variable, do-while, break and continue
// (IEEE 1800-2017 12.7, 12.8).
module t;
  int total, n;
  initial begin
    total = 0;
    for (int i = 0; i < 100; i++) begin
      if (i % 3 == 0) continue;
      if (i > 10) break;
      total += i;
    end
    $display("total=%0d", total);
    n = 0;
    do n++; while (n < 5);
    $display("n=%0d", n);
    do n++; while (0);
    $display("n=%0d", n);
    $finish;
  end
endmodule
// ---- expected output ----
//| total=37
//| n=5
//| n=6
