//! compile_args = ["--specify"]
// Module path delays (IEEE 1364-2005 14.3): rise and fall delays per path,
// the path from the input that changed last decides (14.4), and when two
// inputs change together the smaller delay wins.
`timescale 1ns/1ns
module xor2 (input A, input B, output Q);
  xor (Q, A, B);
  specify
    (A => Q) = (2, 3);
    (B => Q) = (4, 5);
  endspecify
endmodule

module t;
  reg a, b;
  wire q;
  xor2 u (.A(a), .B(b), .Q(q));
  initial begin
    $monitor("%0t a=%b b=%b q=%b", $time, a, b, q);
    a = 0; b = 0;          // x -> 0 at the same time: min of both paths
    #10 a = 1;             // rise through A: 2
    #10 b = 1;             // fall through B: 5
    #10 b = 0;             // rise through B: 4
    #10 a = 0;             // fall through A: 3
    #10 a = 1; b = 1;      // no change of q
    #10 $finish;
  end
endmodule
// ---- expected output ----
//| 0 a=0 b=0 q=x
//| 3 a=0 b=0 q=0
//| 10 a=1 b=0 q=0
//| 12 a=1 b=0 q=1
//| 20 a=1 b=1 q=1
//| 25 a=1 b=1 q=0
//| 30 a=1 b=0 q=0
//| 34 a=1 b=0 q=1
//| 40 a=0 b=0 q=1
//| 43 a=0 b=0 q=0
//| 50 a=1 b=1 q=0
