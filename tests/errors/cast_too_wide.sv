//! kind = "compile-error"
// A size cast past wsim's width limit (2^24 bits) is an error, not a huge
// allocation; a size from a parameter is checked the same way.
module t;
  parameter W = 20000000;
  reg [7:0] a;
  initial begin
    $display("%0d", 99999999999999999999'(a));
    $display("%0d", W'(a));
  end
endmodule
// ---- expected output ----
//| cast_too_wide.sv:8:21: error[E0311]: a cast to 7766279631452241919 bits is wider than wsim's limit of 16777216 bits
//|  8 |     $display("%0d", 99999999999999999999'(a));
//|    |                     ^^^^^^^^^^^^^^^^^^^^
//| cast_too_wide.sv:9:21: error[E0311]: a cast to 20000000 bits is wider than wsim's limit of 16777216 bits
//|  9 |     $display("%0d", W'(a));
//|    |                     ^
