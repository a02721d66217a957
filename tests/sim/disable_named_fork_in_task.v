// A named fork disabled from one of its own branches inside an automatic
// task (IEEE 1364-2005 9.6.2): a timeout pattern. The disabling branch and
// its sibling end, and the task continues after the fork.
module t;
  reg done_ = 0;
  task automatic waitfor(input integer limit, output integer took);
    integer start;
    begin
      start = $time;
      fork : guard
        begin wait (done_); took = $time - start; disable guard; end
        begin #(limit); took = -1; disable guard; end
      join
    end
  endtask
  integer t1, t2;
  initial begin
    waitfor(10, t1);
    $display("%0t t1=%0d", $time, t1);
    fork
      waitfor(50, t2);
      #20 done_ = 1;
    join
    $display("%0t t2=%0d", $time, t2);
  end
endmodule
// ---- expected output ----
//| 10 t1=-1
//| 30 t2=20
