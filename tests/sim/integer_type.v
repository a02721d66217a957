// integer (1364-2005 4.8) is a signed 32-bit 4-state variable: it wraps
// on overflow, holds x, and sign-extends when assigned to wider targets.
module t;
  integer i;
  reg [39:0] wide;
  initial begin
    $display("uninitialized: %0d", i);
    i = 2147483647;
    i = i + 1;
    $display("wrapped: %0d", i);
    i = -5;
    wide = i;
    $display("wide: %h", wide);
    i = 32'hFFFF_FFFF;
    $display("%0d %b", i, i < 0);
    i = 7.6;
    $display("real to integer rounds: %0d", i);
    i = -2.5;
    $display("-2.5 rounds away from zero: %0d", i);
    $finish;
  end
endmodule
// ---- expected output ----
//| uninitialized: x
//| wrapped: -2147483648
//| wide: fffffffffb
//| -1 1
//| real to integer rounds: 8
//| -2.5 rounds away from zero: -3
