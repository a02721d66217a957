// Packages (IEEE 1800-2017 26): parameters, types and functions imported
// with pkg::* and referenced with pkg::name.
package math_pkg;
  parameter int SCALE = 10;
  typedef logic [7:0] u8;
  function automatic int scaled(int x);
    return x * SCALE;
  endfunction
endpackage
module t;
  import math_pkg::*;
  u8 v;
  initial begin
    v = 8'd25;
    $display("%0d %0d %0d", scaled(v), math_pkg::scaled(2), math_pkg::SCALE);
    $display("%0d", $bits(v));
    $finish;
  end
endmodule
// ---- expected output ----
//| 250 20 10
//| 8
