// A task that disables itself (IEEE 1364-2005 9.6.2, 10.3) ends every
// active call of the task, not only the one that runs the `disable`: the
// other callers continue after their calls too.
module t;
  integer rounds;
  task automatic poll;
    input integer id;
    input integer limit;
    integer k;
    begin
      for (k = 0; k < 100; k = k + 1) begin
        #2 rounds = rounds + 1;
        if (k == limit) begin
          $display("%0t call %0d disables poll", $time, id);
          disable poll;
        end
      end
    end
  endtask
  initial begin
    rounds = 0;
    poll(1, 50);
    $display("%0t caller 1 resumed", $time);
  end
  initial begin
    #1 poll(2, 3);
    $display("%0t caller 2 resumed", $time);
  end
endmodule
// ---- expected output ----
//| 9 call 2 disables poll
//| 9 caller 1 resumed
//| 9 caller 2 resumed
