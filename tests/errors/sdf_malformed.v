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
