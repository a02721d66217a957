// An enabled bufif0/bufif1 passes a z data input as x (IEEE 1364-2005
// table 7-5); a disabled one drives z.
module t;
  reg d, c;
  wire b0, b1;
  bufif0 g0 (b0, d, c);
  bufif1 g1 (b1, d, c);
  initial begin
    d = 1'bz; c = 1'b0;
    #1 $display("c=0: bufif0 %b bufif1 %b", b0, b1);
    c = 1'b1;
    #1 $display("c=1: bufif0 %b bufif1 %b", b0, b1);
    d = 1'b1;
    #1 $display("d=1: bufif0 %b bufif1 %b", b0, b1);
  end
endmodule
// ---- expected output ----
//| c=0: bufif0 x bufif1 z
//| c=1: bufif0 z bufif1 x
//| d=1: bufif0 z bufif1 1
