// Concatenation and replication (1364-2005 5.1.14), nested, as an lvalue,
// and with a replication count from a parameter.
module t;
  parameter N = 3;
  reg [3:0] a;
  reg [1:0] b;
  reg [11:0] w;
  reg [2:0] hi;
  reg [4:0] lo;
  initial begin
    a = 4'b1001; b = 2'b10;
    w = {a, b, {2{b}}, 2'b0};  $display("%b", w);
    w = {N{a}};                $display("%b", w);
    w = {{2{a[3], b}}, {N{1'b1}}, 3'bx0z}; $display("%b", w);
    {hi, lo} = 8'b101_11001;   $display("hi=%b lo=%b", hi, lo);
    {a, b} = 6'b111111 + 1'b1; $display("a=%b b=%b", a, b);
    $finish;
  end
endmodule
// ---- expected output ----
//| 100110101000
//| 100110011001
//| 110110111x0z
//| hi=101 lo=11001
//| a=0000 b=00
