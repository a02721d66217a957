// A forced flip-flop output: clocked nonblocking writes are ignored while
// forced (no glitch visible to watchers), and the output keeps the forced
// value after release until the next clock edge writes it.
module t;
  reg clk = 0;
  reg [3:0] q, d;
  always #5 clk = ~clk;
  always @(posedge clk) q <= d;
  always @(q) $display("%0t: q -> %h", $time, q);
  initial begin
    d = 4'h1;
    #12 force q = 4'ha;
    d = 4'h2;
    #20 release q;
    $display("%0t: released: %h", $time, q);
    #20 $finish;
  end
endmodule
// ---- expected output ----
//| 5: q -> 1
//| 12: q -> a
//| 32: released: a
//| 35: q -> 2
