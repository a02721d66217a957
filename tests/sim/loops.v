// Loop statements (1364-2005 9.6): for, while, repeat (count evaluated
// once), and a for loop over a narrow counter.
module t;
  integer i, n, sum;
  reg [3:0] cnt;
  initial begin
    sum = 0;
    for (i = 1; i <= 10; i = i + 1) sum = sum + i;
    $display("for: %0d", sum);
    i = 100; n = 0;
    while (i > 1) begin i = i / 3; n = n + 1; end
    $display("while: %0d iterations, i=%0d", n, i);
    n = 3; sum = 0;
    repeat (n) begin sum = sum + 1; n = n + 10; end
    $display("repeat: %0d", sum);
    for (cnt = 0; cnt < 12; cnt = cnt + 4) $write("%0d ", cnt);
    $display("");
    $finish;
  end
endmodule
// ---- expected output ----
//| for: 55
//| while: 4 iterations, i=1
//| repeat: 3
//| 0 4 8 
