// casez (1364-2005 9.5.1): z and ? bits in the item or the expression
// are don't-care; x bits are not.
module t;
  reg [3:0] r;
  task prio;
    casez (r)
      4'b1???: $display("%b -> bit3", r);
      4'b01??: $display("%b -> bit2", r);
      4'b001?: $display("%b -> bit1", r);
      4'b0001: $display("%b -> bit0", r);
      default: $display("%b -> none", r);
    endcase
  endtask
  initial begin
    r = 4'b1010; prio;
    r = 4'b0110; prio;
    r = 4'b0011; prio;
    r = 4'b0001; prio;
    r = 4'b0000; prio;
    r = 4'b0z00; prio;
    r = 4'b0x00; prio;
    $finish;
  end
endmodule
// ---- expected output ----
//| 1010 -> bit3
//| 0110 -> bit2
//| 0011 -> bit1
//| 0001 -> bit0
//| 0000 -> none
//| 0z00 -> bit2
//| 0x00 -> none
