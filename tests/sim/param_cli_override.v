//! top = "t"
//! compile_args = ["-Gwidth=8", "-Gname=\"cli\""]
// Top-level parameters overridden from the command line (-G, like
// Icarus's -P): the override changes dependent widths too.
module t;
  parameter width = 4;
  parameter name = "default";
  reg [width-1:0] r;
  initial begin
    r = {width{1'b1}};
    $display("%s: width=%0d r=%b", name, width, r);
    $finish;
  end
endmodule
// ---- expected output ----
//| cli: width=8 r=11111111
