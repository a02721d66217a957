//! kind = "compile-error"
// wsim does not model procedural continuous assignment yet: force/release
// must be reported by name, never skipped.
// force and release (1364-2005 9.3.2): a forced variable or net holds the
// forced value until released; a released net returns to its driver, a
// released variable keeps the value until the next assignment.
module t;
  reg r;
  reg src;
  wire w = src;
  initial begin
    r = 0; src = 0;
    #1 force r = 1; force w = 1;
    #1 $display("forced: r=%b w=%b", r, w);
    r = 0; src = 1;
    #1 $display("assigned under force: r=%b w=%b", r, w);
    release r; release w;
    src = 0;
    #1 $display("released: r=%b w=%b", r, w);
    r = 0;
    #1 $display("reassigned: r=%b", r);
    $finish;
  end
endmodule
// ---- expected output ----
//| unsupported_force.v:13:8: error[E0304]: procedural force is not supported
//|  13 |     #1 force r = 1; force w = 1;
//|     |        ^^^^^^^^^^^^
//| unsupported_force.v:13:21: error[E0304]: procedural force is not supported
//|  13 |     #1 force r = 1; force w = 1;
//|     |                     ^^^^^^^^^^^^
//| unsupported_force.v:17:5: error[E0304]: procedural release is not supported
//|  17 |     release r; release w;
//|     |     ^^^^^^^^^^
//| unsupported_force.v:17:16: error[E0304]: procedural release is not supported
//|  17 |     release r; release w;
//|     |                ^^^^^^^^^^
