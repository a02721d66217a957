// An OR reduction (|, ~|, !) of a concatenation of more than eight parts
// reads each signal part in the arm that needs it (crates/codegen
// fast.rs, sm_fold_concat): its unknown plane for the test, its value
// where no part holds X or Z, both where one does. The result is 1 where
// a part has a known 1, else X where a part holds X or Z, else 0
// (1364-2005 5.1.11); `t` has the shape of picorv32's instr_trap.
module fold_many_parts;
  reg f0, f1, f2, f3, f4, f5, f6, f7, f8, f9;
  reg [3:0] w;
  reg [7:0] e;
  wire r_or = |{f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, w, e + 8'd1};
  wire r_nor = ~|{f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, w, e + 8'd1};
  wire r_not = !{f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, w, e + 8'd1};
  wire t = 1'b1 && !{f0, f1, f2, f3, f4, f5, f6, f7, f8, f9};
  initial begin
    {f0, f1, f2, f3, f4, f5, f6, f7, f8, f9} = 10'd0;
    w = 4'd0;
    e = 8'hff;
    #1 $display("zeros:         %b %b %b %b", r_or, r_nor, r_not, t);
    f5 = 1;
    #1 $display("a one:         %b %b %b %b", r_or, r_nor, r_not, t);
    f5 = 0; f2 = 1'bx;
    #1 $display("an x:          %b %b %b %b", r_or, r_nor, r_not, t);
    f9 = 1;
    #1 $display("an x and a 1:  %b %b %b %b", r_or, r_nor, r_not, t);
    f9 = 0; f2 = 0; w = 4'b0z00;
    #1 $display("a z in w:      %b %b %b %b", r_or, r_nor, r_not, t);
    w = 4'b0z10;
    #1 $display("z and 1 in w:  %b %b %b %b", r_or, r_nor, r_not, t);
    w = 0; e = 8'h0x;
    #1 $display("x in e + 1:    %b %b %b %b", r_or, r_nor, r_not, t);
    e = 8'h00;
    #1 $display("e + 1 = 1:     %b %b %b %b", r_or, r_nor, r_not, t);
    e = 8'hff; f0 = 1'bz; f3 = 1;
    #1 $display("z and a 1:     %b %b %b %b", r_or, r_nor, r_not, t);
    f3 = 0;
    #1 $display("a z:           %b %b %b %b", r_or, r_nor, r_not, t);
    f0 = 0;
    #1 $display("zeros again:   %b %b %b %b", r_or, r_nor, r_not, t);
  end
endmodule

// ---- expected output ----
//| zeros:         0 1 1 1
//| a one:         1 0 0 0
//| an x:          x x x x
//| an x and a 1:  1 0 0 0
//| a z in w:      x x x 1
//| z and 1 in w:  1 0 0 1
//| x in e + 1:    x x x 1
//| e + 1 = 1:     1 0 0 1
//| z and a 1:     1 0 0 0
//| a z:           x x x x
//| zeros again:   0 1 1 1
