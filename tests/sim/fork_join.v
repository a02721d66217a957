// fork/join (1364-2005 9.8.2): branches start together, join waits for
// the last one; time advances to the longest branch.
module t;
  initial begin
    $display("t=%0t start", $time);
    fork
      #30 $display("t=%0t branch 30", $time);
      #10 $display("t=%0t branch 10", $time);
      begin
        #5 $display("t=%0t branch seq 5", $time);
        #15 $display("t=%0t branch seq 20", $time);
      end
    join
    $display("t=%0t joined", $time);
    $finish;
  end
endmodule
// ---- expected output ----
//| t=0 start
//| t=5 branch seq 5
//| t=10 branch 10
//| t=20 branch seq 20
//| t=30 branch 30
//| t=30 joined
