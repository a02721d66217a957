//! kind = "compile-error"
// A variable written by a continuous assignment has no other writer
// (1800-2017 6.5): not a second continuous assignment, not a procedure.
module t;
  int v, w;
  assign v = 12;
  assign v = 13;
  assign w = 1;
  initial w = 2;
endmodule
// ---- expected output ----
//| variable_cont_writers.sv:7:10: error[E0306]: variable `v` is written by more than one continuous assignment (6.5)
//|  7 |   assign v = 13;
//|    |          ^
//|   = note: a net (`wire`) may have several drivers; a variable only one continuous writer
//| variable_cont_writers.sv:9:11: error[E0306]: variable `w` is written by a continuous assignment and by a procedural one (6.5)
//|  9 |   initial w = 2;
//|    |           ^^^^^^
//|   = note: a net (`wire`) may have several drivers; a variable only one continuous writer
