// A static process misses the events it causes itself, also those of a
// task it calls (crates/codegen runner.rs: the runner names the unit in
// `RUNNING` before each call a body run in place makes). `bump` writes
// `q`, which the process waits on: were the process woken by its own
// change, it would count on without end (a zero-delay loop).
module task_self_trigger;
  reg [7:0] q = 0, r = 0;
  reg go = 0;
  task bump;
    q = q + 8'd1;
  endtask
  always @(go or q) if (go) bump;
  always @(q) r = q;
  initial forever @(r) $display("%0t: q=%0d r=%0d", $time, q, r);
  initial begin
    #1 go = 1;
    #1 go = 0;
    #1 go = 1;
    #1 $finish;
  end
endmodule

// ---- expected output ----
//| 1: q=1 r=1
//| 3: q=2 r=2
