//! kind = "compile-error"
// Bits are selected from vectors: `v[1]` is one bit, so `v[1][0]` has
// more indices than `v` has dimensions (IEEE 1364-2005 5.2.1).
module t;
  reg [7:0] v;
  reg s;
  reg r;
  initial begin
    r = v[1];
    r = v[1][0];
    r = s[0];
  end
endmodule
// ---- expected output ----
//| select_from_scalar.v:10:9: error[E0311]: cannot select from a 1-bit scalar value: more indices than the value has dimensions
//|  10 |     r = v[1][0];
//|     |         ^^^^^^^
//| select_from_scalar.v:11:9: error[E0311]: cannot select from a 1-bit scalar value: more indices than the value has dimensions
//|  11 |     r = s[0];
//|     |         ^^^^
