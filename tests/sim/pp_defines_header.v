//! defines = ["WIDTH=12", "FAST"]
// Macros defined on the command line (-D) behave like `define at the top.
module t;
`ifndef WIDTH
  `define WIDTH 4
`endif
  reg [`WIDTH-1:0] r;
  initial begin
    r = -1;
    $display("width %0d r %h", `WIDTH, r);
`ifdef FAST
    $display("fast mode");
`else
    $display("slow mode");
`endif
    $finish;
  end
endmodule
// ---- expected output ----
//| width 12 r fff
//| fast mode
