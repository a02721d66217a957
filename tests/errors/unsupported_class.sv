//! kind = "compile-error"
// Classes are recognised and reported by name, never skipped silently.
class packet;
  int len;
endclass
module t;
endmodule
// ---- expected output ----
//| unsupported_class.sv:3:1: error[E0304]: class declaration is not supported
//|  3 | class packet;
//|    | ^
