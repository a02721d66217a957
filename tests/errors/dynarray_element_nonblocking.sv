//! kind = "compile-error"
// A nonblocking write to one element of a dynamic array is not supported
// (the array is changed in place, so the update cannot wait for the NBA
// region).
module t;
  int d[];
  initial begin
    d = new[2];
    d[0] <= 1;
  end
endmodule
// ---- expected output ----
//| dynarray_element_nonblocking.sv:9:5: error[E0304]: a nonblocking assignment to an element of a dynamic array, queue or associative array is not supported
//|  9 |     d[0] <= 1;
//|    |     ^^^^^^^^^^
