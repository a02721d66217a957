// Multi-dimensional arrays (1364-2005 4.9.3): reg [7:0] m [0:2][0:3],
// element and bit select, loops over both dimensions.
module t;
  reg [7:0] m [0:2][0:3];
  integer i, j, sum;
  initial begin
    for (i = 0; i < 3; i = i + 1)
      for (j = 0; j < 4; j = j + 1)
        m[i][j] = i * 16 + j;
    sum = 0;
    for (i = 0; i < 3; i = i + 1)
      for (j = 0; j < 4; j = j + 1)
        sum = sum + m[i][j];
    $display("m[2][3]=%h m[1][0][4]=%b sum=%0d", m[2][3], m[1][0][4], sum);
    $display("out of range: %h", m[3][0]);
    $finish;
  end
endmodule
// ---- expected output ----
//| m[2][3]=23 m[1][0][4]=1 sum=210
//| out of range: xx
