//! kind = "compile-error"
// One instance connects by position or by name, never both (12.3.6).
module m(input a, input b, output y);
  assign y = a & b;
endmodule
module t;
  wire a, b, y;
  m u(.a(a), b, .y(y));
endmodule
// ---- expected output ----
//| mixed_port_connections.v:8:14: error[E0305]: instance `u` mixes connections by position and by name
//|  8 |   m u(.a(a), b, .y(y));
//|    |              ^
//|   = note: connect every port by position or every port by name (IEEE 1364-2005 12.3.6)
