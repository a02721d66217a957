// $finish (1364-2005 17.4.1) ends the simulation at once: statements after
// it and later events never run; the exit code is 0.
module t;
  initial begin
    #3 $display("before finish");
    $finish;
    $display("never printed");
  end
  initial #10 $display("never printed either");
endmodule
// ---- expected output ----
//| before finish
