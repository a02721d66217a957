//! icarus_skip = "skip: vvp 11 aborts with an assertion on a null handle; Verilator 5.006 also stops with a null-pointer error"
//! exit = 1
// Reading a property through a null handle is a run-time error (E0511).
module t;
  class C;
    int x;
  endclass
  C c;
  initial begin
    $display("before");
    c.x = 3;
  end
endmodule
// ---- expected output ----
