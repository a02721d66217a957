// Several nonblocking assignments to one variable in one block take effect
// in the order they were executed, so the last one wins (1364-2005 11.4.10);
// an NBA scheduled with #0 delay still lands in the NBA region.
module t;
  reg [3:0] r;
  initial begin
    r = 0;
    r <= 1;
    r <= 2;
    r <= 3;
    $display("before NBA region: %0d", r);
    #1 $display("after: %0d", r);
    r[0] <= 1'b0;
    r[3] <= 1'b1;
    #1 $display("bits: %b", r);
    $finish;
  end
endmodule
// ---- expected output ----
//| before NBA region: 0
//| after: 3
//| bits: 1010
