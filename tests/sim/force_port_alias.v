// Forcing a child's input port forces the net it is connected to: the
// port and the parent's wire are one net (IEEE 1364-2005 12.3.10), so
// releasing either name releases it.
module c(input [3:0] i, output [3:0] o);
  assign o = i + 1;
endmodule
module t;
  reg [3:0] r;
  wire [3:0] w, o;
  assign w = r;
  c u(.i(w), .o(o));
  initial begin
    r = 1;
    #1 $display("%h %h %h", w, u.i, o);
    force u.i = 4'h7;
    #1 $display("%h %h %h", w, u.i, o);
    force w = 4'h3;
    #1 $display("%h %h %h", w, u.i, o);
    release u.i;
    #1 $display("%h %h %h", w, u.i, o);
    release w;
    #1 $display("%h %h %h", w, u.i, o);
  end
endmodule
// ---- expected output ----
//| 1 1 2
//| 7 7 8
//| 3 3 4
//| 1 1 2
//| 1 1 2
