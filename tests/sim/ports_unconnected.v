// Unconnected ports (1364-2005 12.3.5): an unconnected input floats to z,
// an unconnected output is simply not observed, an empty positional slot
// is allowed.
module m #(parameter D = 1) (input [3:0] a, input b, output [3:0] y, output z);
  assign y = a;
  assign z = b;
  initial #D $display("inside: a=%b b=%b", a, b);
endmodule
module t;
  wire [3:0] y1, y2;
  wire z2;
  m u1(.a(), .b(1'b1), .y(y1), .z());
  m #(2) u2(4'h5, , y2, z2);
  initial begin
    #3 $display("y1=%b y2=%b z2=%b", y1, y2, z2);
    $finish;
  end
endmodule
// ---- expected output ----
//| inside: a=zzzz b=1
//| inside: a=0101 b=z
//| y1=zzzz y2=0101 z2=z
