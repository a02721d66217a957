//! kind = "compile-error"
// Procedural continuous assignments (1364-2005 9.3) are modelled on whole
// signals, constant bit/part selects and array elements with constant
// indices; what is not modelled is reported by name (E0304), and a
// procedural assign to a net is an error (E0306).
module t;
  reg m [0:1];
  reg [3:0] v;
  wire w;
  integer i;
  initial begin
    force m[i] = 1;
    force v[i] = 1'b1;
    assign w = 1;
    release m[i];
  end
endmodule
// ---- expected output ----
//| unsupported_force.v:12:5: error[E0304]: force of an array element with a variable index is not supported
//|  12 |     force m[i] = 1;
//|     |     ^^^^^^^^^^^^^^^
//| unsupported_force.v:13:5: error[E0304]: force of a variable-index bit or part select is not supported
//|  13 |     force v[i] = 1'b1;
//|     |     ^^^^^^^^^^^^^^^^^^
//| unsupported_force.v:14:5: error[E0306]: procedural assign to net `w` (use force, or declare it as a variable)
//|  14 |     assign w = 1;
//|     |     ^^^^^^^^^^^^^
//| unsupported_force.v:15:5: error[E0304]: release of an array element with a variable index is not supported
//|  15 |     release m[i];
//|     |     ^^^^^^^^^^^^^
