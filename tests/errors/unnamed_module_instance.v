//! kind = "compile-error"
// Only primitive instances may leave out the instance name.
module m (input a);
endmodule
module t;
  reg a;
  m (a);
endmodule
// ---- expected output ----
//| unnamed_module_instance.v:7:5: error[E0201]: expected an instance name: only primitive instances may be unnamed (`m` is a module)
//|  7 |   m (a);
//|    |     ^
