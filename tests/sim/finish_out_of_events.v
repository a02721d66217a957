// Without $finish the simulation ends when no events are left; the
// always block waiting on a signal that never changes does not keep it
// alive.
module t;
  reg a;
  always @(a) $display("a changed");
  initial begin
    #5 $display("t=%0t last event", $time);
  end
endmodule
// ---- expected output ----
//| t=5 last event
