//! kind = "compile-error"
//! compile_args = ["--specify"]
// A module path takes 1, 2, 3, 6 or 12 delays (IEEE 1364-2005 14.3.1).
module cellx (input a, output y);
  assign y = a;
  specify
    (a => y) = (1, 2, 3, 4);
  endspecify
endmodule
module t;
  wire y;
  cellx c (.a(1'b0), .y(y));
endmodule
// ---- expected output ----
//| specify_path_delay_count.v:7:5: error[E0311]: a module path takes 1, 2, 3, 6 or 12 delays, not 4
//|  7 |     (a => y) = (1, 2, 3, 4);
//|    |     ^^^^^^^^^^^^^^^^^^^^^^^^
