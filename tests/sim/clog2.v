// $clog2 (1364-2005 17.11.1): ceiling of log base 2, usable in constant
// expressions; $clog2(0) and $clog2(1) are 0.
module t;
  parameter DEPTH = 100;
  reg [$clog2(DEPTH)-1:0] addr;
  integer i;
  initial begin
    addr = -1;
    $display("addr width via value: %0d", addr);
    for (i = 0; i <= 9; i = i + 1) $write("%0d ", $clog2(i));
    $display("");
    $display("%0d %0d %0d", $clog2(1024), $clog2(1025), $clog2(64'h1_0000_0000));
    $finish;
  end
endmodule
// ---- expected output ----
//| addr width via value: 127
//| 0 0 1 2 2 3 3 3 3 4 
//| 10 11 32
