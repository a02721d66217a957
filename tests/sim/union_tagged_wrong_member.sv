//! icarus_skip = "skip: neither Icarus 12 nor Verilator 5.006 supports tagged unions; 1800-2017 11.9 makes reading a member other than the current one a run-time error"
//! exit = 1
// Reading a tagged union member that the tag does not name stops the
// simulation with a run-time error (IEEE 1800-2017 11.9).
module t;
  typedef union tagged {
    void Invalid;
    int Valid;
  } u_int;
  u_int a;
  int c;
  initial begin
    a = tagged Valid (7);
    c = a.Valid;
    $display("%0d", c);
    a = tagged Invalid;
    c = a.Valid;
    $display("not reached");
  end
endmodule
// ---- expected output ----
//| 7
//| FATAL: union_tagged_wrong_member.sv:17: tagged union member `Valid` accessed while the union holds another member (11.9)
//|        Time: 0 Scope: t
