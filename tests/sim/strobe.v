// $strobe (1364-2005 17.1.2) prints at the end of the time step, after
// nonblocking updates; $display prints immediately.
module t;
  reg [3:0] r;
  initial begin
    r = 1;
    r <= 2;
    $display("display: %0d", r);
    $strobe("strobe: %0d", r);
    r = 3;
    #1 $strobe("strobe at %0t: %0d", $time, r);
    r <= 5;
    r = 4;
    #1 $finish;
  end
endmodule
// ---- expected output ----
//| display: 1
//| strobe: 2
//| strobe at 1: 5
