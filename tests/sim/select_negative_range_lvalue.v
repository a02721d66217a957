// Bit writes through a select whose index is a constant net: into a
// vector declared with negative indices ([0:-3]), and below the range of
// a [4:1] vector (index 0, a negative offset: the write is ignored).
module t;
  wire [0:0] k = 0;
  wire [1:0] m = 1;
  reg [0:-3] r;
  reg [4:1] q;
  initial begin
    r = 4'b0000;
    q = 4'b0000;
    #1;
    r[k] = 1'b1;
    r[-m] = 1'b1;
    q[m] = 1'b1;
    q[k] = 1'b1;
    #1 $display("%b %b", r, q);
  end
endmodule
// ---- expected output ----
//| 1000 0001
