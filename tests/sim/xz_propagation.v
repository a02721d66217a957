// x and z propagation through arithmetic (1364-2005 5.1.5: any x/z bit
// makes the whole result x), through gates and through a mux.
module t;
  reg [3:0] a, b;
  wire [3:0] and_out = a & b;
  wire o1;
  and g1(o1, a[0], b[0]);
  initial begin
    a = 4'b0001; b = 4'b001z;
    #1 $display("a+b=%b a*b=%b a-b=%b", a + b, a * b, a - b);
    $display("a&b=%b gate=%b -a=%b", and_out, o1, -b);
    a = 4'b000x;
    #1 $display("gate=%b", o1);
    $display("shift by x: %b", a << b[0]);
    $display("=== matches z: %b", b === 4'b001z);
    $finish;
  end
endmodule
// ---- expected output ----
//| a+b=xxxx a*b=xxxx a-b=xxxx
//| a&b=000x gate=x -a=xxxx
//| gate=x
//| shift by x: xxxx
//| === matches z: 1
