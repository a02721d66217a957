//! kind = "compile-error"
// A port's direction is declared once (IEEE 1364-2005 12.3.3).
module m(a, y);
  output y;
  input a;
  output y;
  assign y = a;
endmodule
// ---- expected output ----
//| duplicate_port_direction.v:6:10: error[E0308]: port `y` has its direction declared twice
//|  6 |   output y;
//|    |          ^
//|   = note: a port is declared once with its direction (IEEE 1364-2005 12.3.3)
