//! kind = "compile-error"
// `pragma must name a pragma (1800-2017 22.11).
`pragma
module t;
endmodule
// ---- expected output ----
//| pragma_without_name.sv:3:1: error[E0104]: `pragma needs a pragma name (22.11)
//|  3 | `pragma
//|    | ^^^^^^^
