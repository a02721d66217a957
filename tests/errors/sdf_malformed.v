//! kind = "compile-error"
//! compile_args = ["--specify"]
// An SDF file that breaks IEEE 1497 (an IOPATH takes 1, 2, 3, 6 or 12
// delay values) is an error naming the file and line.
module t (input a, output y);
  assign y = a;
  specify
    (a => y) = 1;
  endspecify
  initial $sdf_annotate("data/sdf_malformed.sdf");
endmodule
// ---- expected output ----
//| sdf_malformed.v:10:25: error[E0315]: data/sdf_malformed.sdf:6: an IOPATH takes 1, 2, 3, 6 or 12 delays, not 4
//|  10 |   initial $sdf_annotate("data/sdf_malformed.sdf");
//|     |                         ^^^^^^^^^^^^^^^^^^^^^^^^
