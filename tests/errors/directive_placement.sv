//! kind = "compile-error"
// `resetall inside a design element (1800-2017 22.3), a forward typedef
// never completed (6.18).
typedef never_defined_t;
module t;
`resetall
endmodule
// ---- expected output ----
//| directive_placement.sv:6:1: error[E0104]: `resetall is not allowed inside a design element (22.3)
//|  6 | `resetall
//|    | ^^^^^^^^^
//| directive_placement.sv:4:9: error[E0206]: forward typedef `never_defined_t` is never defined (6.18)
//|  4 | typedef never_defined_t;
//|    |         ^^^^^^^^^^^^^^^
