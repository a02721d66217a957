// casex (1364-2005 9.5.1): x and z bits anywhere are don't-care.
module t;
  reg [3:0] r;
  task match;
    casex (r)
      4'b1x0x: $display("%b -> 1x0x", r);
      4'b0011: $display("%b -> 0011", r);
      default: $display("%b -> default", r);
    endcase
  endtask
  initial begin
    r = 4'b1100; match;
    r = 4'b1001; match;
    r = 4'b0011; match;
    r = 4'b00x1; match;
    r = 4'b0111; match;
    r = 4'bzzzz; match;
    $finish;
  end
endmodule
// ---- expected output ----
//| 1100 -> 1x0x
//| 1001 -> 1x0x
//| 0011 -> 0011
//| 00x1 -> 0011
//| 0111 -> default
//| zzzz -> 1x0x
