//! kind = "compile-error"
// A statement without its `;`: the parser names what it expected and
// points at the token it found instead.
module t;
  reg a;
  initial begin
    a = 1
    $display("%b", a);
  end
endmodule
// ---- expected output ----
//| syntax_missing_semicolon.v:8:5: error[E0201]: expected `;`, found `$display`
//|  8 |     $display("%b", a);
//|    |     ^^^^^^^^
