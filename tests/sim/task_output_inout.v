// Task arguments (1364-2005 10.2): inputs are copied in, outputs and
// inouts copied back when the task returns, and the caller's variables
// do not change while the task is still running.
module t;
  reg [7:0] x, y, acc;
  task divmod;
    input [7:0] a, b;
    output [7:0] q, r;
    begin
      q = a / b;
      r = a % b;
    end
  endtask
  task accumulate;
    inout [7:0] total;
    input [7:0] add;
    begin
      total = total + add;
      #2 total = total + add;
    end
  endtask
  initial begin
    divmod(8'd47, 8'd5, x, y);
    $display("q=%0d r=%0d", x, y);
    acc = 10;
    fork
      accumulate(acc, 3);
      #1 $display("t=%0t during: acc=%0d", $time, acc);
    join
    $display("t=%0t after: acc=%0d", $time, acc);
    $finish;
  end
endmodule
// ---- expected output ----
//| q=9 r=2
//| t=1 during: acc=10
//| t=2 after: acc=16
