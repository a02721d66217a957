//! kind = "compile-error"
// The file name of `$sdf_annotate` must be known while compiling.
module t;
  reg [8*8:1] name;
  initial begin
    name = "x.sdf";
    $sdf_annotate(name);
  end
endmodule
// ---- expected output ----
