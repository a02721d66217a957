// `include (1364-2005 19.5): a file found via the include path, nested
// includes, and a guard that makes a second inclusion empty.
`include "include/defs.vh"
`include "include/nested.vh"
module t;
  reg [`INC_WIDTH-1:0] r;
  initial begin
    r = {`INC_WIDTH{1'b1}};
    $display("%0d bits, r = %h", `INC_WIDTH, r);
    $display("%s", `INC_GREETING);
    $display("nested = %0d", `NESTED_VALUE);
    $finish;
  end
endmodule
// ---- expected output ----
//| 12 bits, r = fff
//| from include
//| nested = 24
