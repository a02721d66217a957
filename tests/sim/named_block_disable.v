// Named blocks (1364-2005 9.8.1) declare local variables and can be
// disabled: `disable` of an enclosing loop body acts like continue, of the
// loop's block like break.
module t;
  integer i;
  initial begin : outer
    reg [7:0] local_sum;
    local_sum = 0;
    begin : loop
      for (i = 0; i < 10; i = i + 1) begin : body
        if (i % 2 == 1) disable body;     // continue
        if (i == 8) disable loop;         // break
        local_sum = local_sum + i;
      end
    end
    $display("sum of even i below 8: %0d, i=%0d", local_sum, i);
    $display("%0d", outer.local_sum);
    $finish;
  end
endmodule
// ---- expected output ----
//| sum of even i below 8: 12, i=8
//| 12
