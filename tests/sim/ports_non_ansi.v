// Non-ANSI port declarations (1364-2005 12.3.3): the port list names the
// ports, the body declares direction, width and kind.
module mux(sel, a, b, y);
  input sel;
  input [7:0] a, b;
  output [7:0] y;
  reg [7:0] y;
  always @(sel or a or b)
    if (sel) y = b; else y = a;
endmodule
module t;
  reg s;
  reg [7:0] p, q;
  wire [7:0] out;
  mux m(s, p, q, out);
  initial begin
    #1 p = 8'h11; q = 8'h22; s = 0; // the always block is waiting by now
    #1 $display("sel=%b out=%h", s, out);
    s = 1;
    #1 $display("sel=%b out=%h", s, out);
    $finish;
  end
endmodule
// ---- expected output ----
//| sel=0 out=11
//| sel=1 out=22
