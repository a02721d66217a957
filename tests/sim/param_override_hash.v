// Parameter value assignment with #() (1364-2005 12.2.2.1): by position,
// by name, partially, and defaults left alone.
module cell_reg #(parameter WIDTH = 4, parameter INIT = 1, parameter NAME = "cell") ();
  reg [WIDTH-1:0] r;
  initial begin
    r = INIT;
    #(WIDTH * 10 + INIT) $display("%s: width %0d init %0d r=%b", NAME, WIDTH, INIT, r);
  end
endmodule
module t;
  cell_reg d();
  cell_reg #(6, 5) pos();
  cell_reg #(.INIT(3), .WIDTH(3), .NAME("named")) nam();
  cell_reg #(.NAME("partial"), .INIT(2)) par();
  initial #100 $finish;
endmodule
// ---- expected output ----
//| named: width 3 init 3 r=011
//| cell: width 4 init 1 r=0001
//| partial: width 4 init 2 r=0010
//| cell: width 6 init 5 r=000101
