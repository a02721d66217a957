// `disable` of a named block inside a function from a process (IEEE
// 1364-2005 9.6.2): a function never waits, so no call of it can be active
// in another thread and the disable has no effect; the block's own disable
// still leaves it early.
module t;
  integer x;
  function integer first_set;
    input [7:0] v;
    integer i;
    begin : scan
      first_set = -1;
      for (i = 0; i < 8; i = i + 1)
        if (v[i]) begin
          first_set = i;
          disable scan;
        end
    end
  endfunction
  initial begin
    x = first_set(8'b0010_1000);
    disable first_set.scan;
    $display("x=%0d", x);
    x = first_set(8'b0);
    $display("x=%0d", x);
  end
endmodule
// ---- expected output ----
//| x=3
//| x=-1
