// Unbased unsized literals (IEEE 1800-2017 5.7.1): '0 '1 'x 'z fill the
// whole context width.
module t;
  logic [69:0] w;
  logic [3:0] n;
  initial begin
    w = '1; $display("%h", w);
    w = '0; $display("%h", w);
    w = 'x; $display("%h", w);
    w = 'z; $display("%h", w);
    n = '1; $display("%b %0d", n, n + '1);
    $finish;
  end
endmodule
// ---- expected output ----
//| 3fffffffffffffffff
//| 000000000000000000
//| xxxxxxxxxxxxxxxxxx
//| zzzzzzzzzzzzzzzzzz
//| 1111 14
