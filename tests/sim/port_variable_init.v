// An output port declared as a variable takes the initialiser written on
// its declaration: ANSI (`output reg q = 1`), non-ANSI (`output reg q = 1;`)
// and a non-ANSI port completed by a body declaration (`reg q = 1;`). The
// parent sees the value through the port at time 0.
module ansi(output reg q = 1'b1, output reg [3:0] n = 4'd9);
endmodule

module non_ansi(a, b, c);
  output a;
  reg a = 1'b0;
  output reg [2:0] b = 3'd5;
  output c;
  wire c = ~a;
endmodule

module t;
  wire q, a, c;
  wire [3:0] n;
  wire [2:0] b;
  ansi u1(q, n);
  non_ansi u2(a, b, c);
  initial begin
    #1 $display("q=%b n=%0d a=%b b=%0d c=%b", q, n, a, b, c);
    $display("%b %b", u1.q, u2.a);
  end
endmodule
// ---- expected output ----
//| q=1 n=9 a=0 b=5 c=1
//| 1 0
