// `disable` of a named block that another thread is executing inside a fork
// branch or inside a task call (IEEE 1364-2005 9.6.2): that thread leaves
// the block and continues after it; the disabling thread goes on.
module t;
  integer n, m;
  task run;
    begin
      begin : inner
        #100 $display("%0t inner not disabled", $time);
      end
      $display("%0t task continues after inner", $time);
    end
  endtask
  initial begin
    n = 0;
    fork
      begin : counting
        forever #3 n = n + 1;
      end
      begin
        #10 disable counting;
        $display("%0t disabled counting, n=%0d", $time, n);
      end
    join
    $display("%0t joined, n=%0d", $time, n);
    fork
      begin
        fork
          begin : deep
            #50 $display("%0t deep not disabled", $time);
          end
        join
        $display("%0t after deep", $time);
      end
    join
    run;
    $display("%0t run returned", $time);
    #20 $display("%0t n=%0d", $time, n);
    $finish;
  end
  initial begin
    #15 disable deep;
    #5 disable run.inner;
  end
endmodule
// ---- expected output ----
//| 10 disabled counting, n=3
//| 10 joined, n=3
//| 15 after deep
//| 20 task continues after inner
//| 20 run returned
//| 40 n=3
