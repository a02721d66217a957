//! kind = "compile-error"
// More positional connections than the module has ports.
module sub(input a, output y);
  assign y = a;
endmodule
module t;
  wire w, v;
  sub u(1'b1, w, v);
endmodule
// ---- expected output ----
//| too_many_ports.v:8:18: error[E0305]: too many port connections: module `sub` has 2 ports
//|  8 |   sub u(1'b1, w, v);
//|    |                  ^
