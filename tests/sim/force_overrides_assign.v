// force overrides a procedural assign (IEEE 1364-2005 9.3.2); on release
// the still active assign takes over again.
module t;
  reg [3:0] v, src;
  initial begin
    src = 4'h4;
    assign v = src;
    #1 $display("%0t: assign: %h", $time, v);
    force v = 4'ha;
    $display("%0t: force wins: %h", $time, v);
    #1 src = 4'h5;
    #1 $display("%0t: assign source change hidden: %h", $time, v);
    deassign v;
    #1 $display("%0t: deassign under force: %h", $time, v);
    assign v = src;
    #1 release v;
    $display("%0t: release back to assign: %h", $time, v);
    #1 src = 4'h6;
    #1 $display("%0t: assign follows: %h", $time, v);
    deassign v;
    v = 4'h0;
    $display("%0t: free again: %h", $time, v);
  end
endmodule
// ---- expected output ----
//| 1: assign: 4
//| 1: force wins: a
//| 3: assign source change hidden: a
//| 4: deassign under force: a
//| 5: release back to assign: 5
//| 7: assign follows: 6
//| 7: free again: 0
