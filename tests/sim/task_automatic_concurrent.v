// Automatic tasks (1364-2005 10.2.1): concurrent calls each get their
// own copy of the arguments and locals, even while both are waiting.
module t;
  task automatic delayed_echo;
    input [7:0] value;
    input integer delay;
    reg [7:0] local_copy;
    begin
      local_copy = value;
      #delay $display("t=%0t value=%0d", $time, local_copy);
    end
  endtask
  initial begin
    fork
      delayed_echo(8'd11, 5);
      delayed_echo(8'd22, 2);
      delayed_echo(8'd33, 8);
    join
    $finish;
  end
endmodule
// ---- expected output ----
//| t=2 value=22
//| t=5 value=11
//| t=8 value=33
