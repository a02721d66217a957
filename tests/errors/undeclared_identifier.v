//! kind = "compile-error"
// Reading a name that is declared nowhere (implicit nets exist only in
// port connections and on the left of continuous assignments).
module t;
  reg [3:0] a;
  initial a = b + 1;
endmodule
// ---- expected output ----
//| undeclared_identifier.v:6:15: error[E0302]: undeclared identifier `b`
//|  6 |   initial a = b + 1;
//|    |               ^
