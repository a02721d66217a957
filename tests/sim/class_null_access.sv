//! icarus_skip = "skip: vvp 11 aborts with an internal assertion on a null handle; IEEE 1800-2017 8.4 makes the access an error, which wsim reports as E0511 with exit status 1"
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
//| before
