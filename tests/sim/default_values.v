// Initial values (1364-2005 4.2, 4.8): 4-state variables start at x,
// undriven nets float at z, real variables start at 0.0; a declaration
// initializer sets the value at time 0.
module t;
  reg [3:0] r;
  wire [3:0] w;
  integer i;
  time tm;
  real re;
  reg [7:0] init = 8'hA5;
  initial begin
    #1;
    $display("reg=%b wire=%b integer=%0d time=%0d real=%f init=%h", r, w, i, tm, re, init);
    $finish;
  end
endmodule
// ---- expected output ----
//| reg=xxxx wire=zzzz integer=x time=x real=0.000000 init=a5
