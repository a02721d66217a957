// Arrays of instances (1364-2005 12.1.2): a vector connected to an array
// is split across instances, a scalar is shared by all of them.
module bitand(input a, input b, output y);
  assign y = a & b;
endmodule
module t;
  reg [3:0] a;
  reg en;
  wire [3:0] y;
  bitand g[3:0] (.a(a), .b(en), .y(y));
  initial begin
    a = 4'b1011; en = 1;
    #1 $display("en=%b y=%b", en, y);
    en = 0;
    #1 $display("en=%b y=%b", en, y);
    $finish;
  end
endmodule
// ---- expected output ----
//| en=1 y=1011
//| en=0 y=0000
