//! kind = "compile-error"
// A named port connection that names no port of the module.
module sub(input a, output y);
  assign y = a;
endmodule
module t;
  wire w;
  sub u(.a(1'b1), .q(w));
endmodule
// ---- expected output ----
//| wrong_port_name.v:8:20: error[E0305]: module `sub` has no port `q`
//|  8 |   sub u(.a(1'b1), .q(w));
//|    |                    ^
