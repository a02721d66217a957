//! kind = "compile-error"
// Nested generate loops cannot share their genvar: the inner loop would
// reassign the outer loop's index (IEEE 1364-2005 12.4.1). A genvar
// declared inside the outer loop shadows its index and may be used.
module t;
  genvar i, j;
  for (i = 0; i < 2; i = i + 1) begin : a
    for (j = 0; j < 2; j = j + 1) begin : ok
      wire w;
    end
    for (i = 0; i < 2; i = i + 1) begin : bad
      wire w;
    end
  end
  for (i = 0; i < 2; i = i + 1) begin : b
    genvar i;
    for (i = 0; i < 2; i = i + 1) begin : shadowed
      wire w;
    end
  end
endmodule
// ---- expected output ----
//| generate_loop_nested_genvar.v:11:10: error[E0206]: genvar `i` is already the index of an enclosing generate loop
//|  11 |     for (i = 0; i < 2; i = i + 1) begin : bad
//|     |          ^
