//! kind = "compile-error"
// A literal $sscanf/$fscanf format is checked when compiled: an unknown
// conversion (vvp stops the run when it gets there) and a format that
// ends inside a conversion.
module t;
  integer n, a;
  initial begin
    n = $sscanf("1", "%q", a);
    n = $fscanf(1, "%d %", a);
  end
endmodule
// ---- expected output ----
//| scanf_format_errors.v:8:22: error[E0311]: `$sscanf` format has an unknown conversion `%q`
//|  8 |     n = $sscanf("1", "%q", a);
//|    |                      ^^^^
//| scanf_format_errors.v:9:20: error[E0311]: `$fscanf` format ends inside a conversion
//|  9 |     n = $fscanf(1, "%d %", a);
//|    |                    ^^^^^^
