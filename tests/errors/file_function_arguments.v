//! kind = "compile-error"
// File functions called with too few arguments, and $countbits without a
// control bit, are compile errors naming the function.
module t;
  integer n;
  reg [7:0] r;
  initial begin
    n = $fread(r);
    n = $fgets(r);
    n = $sscanf("1");
    n = $countbits(r);
  end
endmodule
// ---- expected output ----
//| file_function_arguments.v:8:9: error[E0311]: `$fread` needs at least 2 arguments
//|  8 |     n = $fread(r);
//|    |         ^^^^^^^^^
//| file_function_arguments.v:9:9: error[E0311]: `$fgets` needs at least 2 arguments
//|  9 |     n = $fgets(r);
//|    |         ^^^^^^^^^
//| file_function_arguments.v:10:9: error[E0311]: `$sscanf` needs at least 2 arguments
//|  10 |     n = $sscanf("1");
//|     |         ^^^^^^^^^^^^
//| file_function_arguments.v:11:9: error[E0311]: `$countbits` needs at least one control bit
//|  11 |     n = $countbits(r);
//|     |         ^^^^^^^^^^^^^
