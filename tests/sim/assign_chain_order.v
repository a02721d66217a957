// Continuous assignments written in reverse dependency order still settle
// within the time step (1364-2005 6.1): every assignment re-evaluates when
// one of its operands changes, whatever the textual order.
module t;
  reg [7:0] a;
  wire [7:0] d = c ^ 8'hFF;
  wire [7:0] c = b + 8'd1;
  wire [7:0] b = a << 1;
  wire all_ones = &(d | c);
  initial begin
    a = 3;
    #1 $display("a=%0d b=%0d c=%0d d=%h all=%b", a, b, c, d, all_ones);
    a = 100;
    #1 $display("a=%0d b=%0d c=%0d d=%h all=%b", a, b, c, d, all_ones);
    $finish;
  end
endmodule
// ---- expected output ----
//| a=3 b=6 c=7 d=f8 all=1
//| a=100 b=200 c=201 d=36 all=1
