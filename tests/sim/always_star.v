// @* (1364-2005 9.7.5) is sensitive to every variable read in the block,
// including those read only inside a branch and array indices.
module t;
  reg [3:0] a, b;
  reg sel;
  reg [1:0] idx;
  reg [7:0] mem [0:3];
  reg [3:0] y;
  reg [7:0] m;
  always @* begin
    if (sel) y = a + b; else y = a - b;
  end
  always @(*) m = mem[idx];
  initial begin
    #1 mem[0] = 8'h10; mem[1] = 8'h11; mem[2] = 8'h12; mem[3] = 8'h13;
    a = 5; b = 3; sel = 0; idx = 0;
    #1 $display("y=%0d m=%h", y, m);
    sel = 1;  #1 $display("y=%0d", y);
    b = 6;    #1 $display("y=%0d", y);
    idx = 2;  #1 $display("m=%h", m);
    $finish;
  end
endmodule
// ---- expected output ----
//| y=2 m=10
//| y=8
//| y=11
//| m=12
