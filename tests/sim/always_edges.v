// Edge events (1364-2005 9.7.2): posedge includes 0->x, x->1, z->1;
// negedge includes 1->x, x->0; a vector's edge looks at its LSB.
module t;
  reg c;
  reg [3:0] v;
  integer pos, neg, vpos;
  initial begin pos = 0; neg = 0; vpos = 0; end
  always @(posedge c) pos = pos + 1;
  always @(negedge c) neg = neg + 1;
  always @(posedge v) vpos = vpos + 1;
  initial begin
    #1 c = 0; v = 0; // x->0: a negedge of c, no posedge of v
    #1 c = 1;     // pos
    #1 c = 0;     // neg
    #1 c = 1'bx;  // pos (0->x)
    #1 c = 1;     // pos (x->1)
    #1 c = 1'bz;  // neg (1->z)
    #1 c = 0;     // neg (z->0)
    #1 v = 4'b1110; // LSB unchanged: no edge
    #1 v = 4'b0001; // LSB 0->1
    #1 $display("pos=%0d neg=%0d vpos=%0d", pos, neg, vpos);
    $finish;
  end
endmodule
// ---- expected output ----
//| pos=3 neg=4 vpos=1
