// Disabling a task from outside it (IEEE 1364-2005 9.6.2 / 10.3): every
// active call of the task ends at once and each caller continues after its
// call; disabling a task that is not running does nothing.
module t;
  integer ticks;
  task automatic worker;
    input integer id;
    begin
      $display("%0t worker %0d starts", $time, id);
      forever begin
        #5 ticks = ticks + 1;
      end
    end
  endtask
  task waiter;
    begin
      #100 $display("%0t waiter ran to its end", $time);
    end
  endtask
  initial begin
    ticks = 0;
    worker(1);
    $display("%0t caller 1 resumed, ticks=%0d", $time, ticks);
    waiter;
    $display("%0t caller 1 done", $time);
  end
  initial begin
    #3 worker(2);
    $display("%0t caller 2 resumed", $time);
  end
  initial begin
    #1 disable waiter;
    $display("%0t disabled idle waiter", $time);
    #16 disable worker;
    $display("%0t disabled worker", $time);
    #200 $display("%0t ticks=%0d", $time, ticks);
    $finish;
  end
endmodule
// ---- expected output ----
//| 0 worker 1 starts
//| 1 disabled idle waiter
//| 3 worker 2 starts
//| 17 disabled worker
//| 17 caller 1 resumed, ticks=5
//| 17 caller 2 resumed
//| 117 waiter ran to its end
//| 117 caller 1 done
//| 217 ticks=5
