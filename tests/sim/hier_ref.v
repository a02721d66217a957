// Hierarchical references (1364-2005 12.5): reading and writing a
// variable two levels down, and calling a task in another instance.
module inner;
  reg [3:0] state;
  initial state = 0;
  task bump;
    state = state + 1;
  endtask
endmodule
module outer;
  inner l1();
endmodule
module t;
  outer u();
  initial begin
    #1 $display("state=%0d", u.l1.state);
    u.l1.state = 9;
    $display("state=%0d", u.l1.state);
    u.l1.bump;
    u.l1.bump;
    $display("state=%0d", t.u.l1.state);
    $finish;
  end
endmodule
// ---- expected output ----
//| state=0
//| state=9
//| state=11
