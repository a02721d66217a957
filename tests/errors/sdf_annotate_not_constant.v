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
//| sdf_annotate_not_constant.v:7:19: error[E0303]: the SDF file name of `$sdf_annotate` must be a constant string (wsim annotates while compiling)
//|  7 |     $sdf_annotate(name);
//|    |                   ^^^^
