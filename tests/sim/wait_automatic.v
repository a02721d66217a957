// `@` and `wait` on a task's automatic variables (IEEE 1364-2005 10.2.1):
// each call has its own variables; a fork branch inside the call waits on
// them while another branch changes them, and two calls run at once.
module t;
  task automatic handshake;
    input integer id;
    input integer delay;
    integer count;
    reg ready;
    begin
      count = 0;
      ready = 0;
      fork
        begin
          wait (ready);
          $display("%0t call %0d: ready seen", $time, id);
          @(count);
          $display("%0t call %0d: count changed to %0d", $time, id, count);
          @(count or ready);
          $display("%0t call %0d: count=%0d ready=%b", $time, id, count, ready);
        end
        begin
          #(delay) ready = 1;
          #(delay) count = count + 1;
          #(delay) count = count;       // same value: no event
          #(delay) ready = 0;
        end
      join
    end
  endtask
  initial handshake(1, 2);
  initial handshake(2, 3);
endmodule
// ---- expected output ----
//| 2 call 1: ready seen
//| 3 call 2: ready seen
//| 4 call 1: count changed to 1
//| 6 call 2: count changed to 1
//| 8 call 1: count=1 ready=0
//| 12 call 2: count=1 ready=0
