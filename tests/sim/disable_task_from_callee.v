// `disable` of a task from a task it calls, and of a named block from a
// fork branch inside that block (IEEE 1364-2005 9.6.2): the disabling
// thread is itself inside what it disables, so it ends too; the thread
// that ran the task or block continues after it.
module t;
  integer steps;
  task inner;
    begin
      steps = steps + 1;
      #2 disable outer;
      $display("%0t inner still running", $time);
    end
  endtask
  task outer;
    begin
      fork
        begin #1 steps = steps + 10; #10 $display("%0t fork branch not killed", $time); end
        inner;
      join
      $display("%0t outer still running", $time);
    end
  endtask
  initial begin
    steps = 0;
    outer;
    $display("%0t after outer, steps=%0d", $time, steps);
    begin : blk
      fork
        #5 disable blk;
        #8 $display("%0t second branch not killed", $time);
      join
      $display("%0t after join", $time);
    end
    $display("%0t after blk", $time);
    #20 $display("%0t end, steps=%0d", $time, steps);
    $finish;
  end
endmodule
// ---- expected output ----
//| 2 after outer, steps=11
//| 7 after blk
//| 27 end, steps=11
