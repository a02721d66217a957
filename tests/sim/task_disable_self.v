// Disabling a task from inside it (1364-2005 10.3) returns from the task
// early, like a return statement; the caller continues normally.
module t;
  integer calls, found;
  reg [7:0] table_ [0:7];
  integer k;
  task find;
    input [7:0] value;
    integer i;
    begin
      calls = calls + 1;
      found = -1;
      for (i = 0; i < 8; i = i + 1)
        if (table_[i] == value) begin
          found = i;
          disable find;
        end
    end
  endtask
  initial begin
    for (k = 0; k < 8; k = k + 1) table_[k] = k * 3;
    calls = 0;
    find(8'd9);  $display("9 at %0d", found);
    find(8'd10); $display("10 at %0d", found);
    $display("calls=%0d", calls);
    $finish;
  end
endmodule
// ---- expected output ----
//| 9 at 3
//| 10 at -1
//| calls=2
