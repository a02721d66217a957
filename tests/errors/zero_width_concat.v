//! kind = "compile-error"
// A zero replication needs a sized sibling in its concatenation (5.1.14).
module t;
  reg [7:0] r;
  initial r = {2{{0{1'b1}}}};
endmodule
// ---- expected output ----
//| zero_width_concat.v:5:18: error[E0311]: zero replication is only allowed inside a concatenation with other items
//|  5 |   initial r = {2{{0{1'b1}}}};
//|    |                  ^^^^^^^^^
