//! kind = "compile-error"
//! compile_args = ["--specify"]
// `$sdf_annotate` reads its SDF file while compiling: a file that is not
// there is an error at the call (Icarus warns at run time and goes on).
module t;
  initial $sdf_annotate("no_such_file.sdf");
endmodule
// ---- expected output ----
//| sdf_missing_file.v:6:25: error[E0315]: cannot read SDF file `no_such_file.sdf`: No such file or directory
//|  6 |   initial $sdf_annotate("no_such_file.sdf");
//|    |                         ^^^^^^^^^^^^^^^^^^
