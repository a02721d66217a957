//! kind = "compile-error"
// `randomize()` on a class with constraints needs a constraint solver,
// which wsim does not have: a named error, never a silently ignored
// constraint.
module t;
  class Pkt;
    rand bit [7:0] len;
    constraint small { len < 16; }
  endclass
  Pkt p;
  int ok;
  initial begin
    p = new;
    ok = p.randomize();
  end
endmodule
// ---- expected output ----
//| class_randomize_constraints.sv:14:10: error[E0304]: constraint solving is not supported (`randomize()` on class `Pkt`, which has constraints)
//|  14 |     ok = p.randomize();
//|     |          ^^^^^^^^^^^^^
