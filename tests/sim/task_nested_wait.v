// Tasks that wait (1364-2005 10.2): a task may contain delays and event
// controls, also inside nested task calls; the caller resumes after.
module t;
  reg clk;
  reg [3:0] data;
  initial clk = 0;
  always #5 clk = ~clk;
  task wait_cycles;
    input integer n;
    repeat (n) @(posedge clk);
  endtask
  task send;
    input [3:0] v;
    begin
      wait_cycles(1);
      data = v;
      $display("t=%0t sent %h", $time, v);
      #1;
    end
  endtask
  task burst;
    begin
      send(4'hA);
      send(4'hB);
      wait_cycles(2);
      send(4'hC);
    end
  endtask
  initial begin
    burst;
    $display("t=%0t burst done", $time);
    $finish;
  end
endmodule
// ---- expected output ----
//| t=5 sent a
//| t=15 sent b
//| t=45 sent c
//| t=46 burst done
