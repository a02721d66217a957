// wait (expr) (1364-2005 9.7.6) blocks until the expression is true, and
// does not block at all when it already is.
module t;
  reg ready;
  reg [3:0] level;
  initial begin
    ready = 0; level = 0;
    #4 ready = 1;
    #3 level = 5;
    #3 level = 9;
  end
  initial begin
    #1 wait (ready) $display("t=%0t ready", $time);
    wait (ready) $display("t=%0t still ready, no wait", $time);
    wait (level > 6) $display("t=%0t level=%0d", $time, level);
    $finish;
  end
endmodule
// ---- expected output ----
//| t=4 ready
//| t=4 still ready, no wait
//| t=10 level=9
