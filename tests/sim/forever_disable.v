// forever with disable (1364-2005 9.6, 10.3): disabling a named block
// from inside exits it; disabling from another process stops it too.
module t;
  integer n, m;
  initial begin : counter
    n = 0;
    forever begin
      #1 n = n + 1;
      if (n == 5) disable counter;
    end
  end
  initial begin : ticker
    m = 0;
    forever #2 m = m + 1;
  end
  initial begin
    #9 disable ticker;
    #10 $display("n=%0d m=%0d", n, m);
    $finish;
  end
endmodule
// ---- expected output ----
//| n=5 m=4
