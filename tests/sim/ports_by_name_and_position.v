// Connecting ports by position and by name give the same wiring, in any
// order of named connections; a wider signal on a narrower port truncates.
module sub(input [3:0] a, input [3:0] b, output [3:0] d);
  assign d = a - b;
endmodule
module t;
  reg [7:0] x;
  reg [3:0] y;
  wire [3:0] d1, d2, d3;
  sub p(x[3:0], y, d1);
  sub n(.d(d2), .b(y), .a(x[3:0]));
  sub w(.a(x), .b(y), .d(d3));
  initial begin
    x = 8'hA7; y = 4'h2;
    #1 $display("%h %h %h", d1, d2, d3);
    $finish;
  end
endmodule
// ---- expected output ----
//| 5 5 5
