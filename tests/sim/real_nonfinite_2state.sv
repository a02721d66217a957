//! icarus = "differs: Icarus 11 stores X in a 2-state int/bit converted from an infinite real; a 2-state variable holds only 0/1 (IEEE 1800-2017 6.11.2), so the X of an undefined conversion reads as 0"
//! icarus_output = ["x xxxxxxxx", "8"]
// A real without an integer value (NaN, infinity) converts to X, which a
// 2-state target holds as 0.
module t;
  real pinf;
  int k;
  bit [7:0] b;
  initial begin
    pinf = 1.0 / 0.0;
    k = pinf;
    b = -pinf;
    $display("%0d %b", k, b);
    k = 7.6;
    $display("%0d", k);
  end
endmodule
// ---- expected output ----
//| 0 00000000
//| 8
