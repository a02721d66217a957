// Named events (1364-2005 9.7.3): -> triggers every process waiting on
// @ev at that moment; a trigger with no waiter is lost.
module t;
  event go, done;
  integer hits;
  initial hits = 0;
  always @go begin
    hits = hits + 1;
    $display("t=%0t go received (%0d)", $time, hits);
    #2 -> done;
  end
  initial begin
    #5 -> go;
    @done $display("t=%0t done", $time);
    #5 -> go;
    @done $display("t=%0t done again", $time);
    $finish;
  end
endmodule
// ---- expected output ----
//| t=5 go received (1)
//| t=7 done
//| t=12 go received (2)
//| t=14 done again
