// Port collapsing onto array elements (1364-2005 12.3.10): a port net
// connected to a constant element of a parent net array (`.a(w[2])`,
// `.y(w[i])`) becomes another name for that element, so no copy process
// runs per port. Everything seen through the port nets must stay as with
// the copies: hierarchical reads, an event control and `$monitor` on a
// collapsed net, a port passed further down (a whole alias onto the
// element), a `[3:1]` array, and connections that must stay copies: an
// out-of-range element and a part-select of an element.
// Output identical to Icarus 11 (iverilog -g2012).
`timescale 1ns / 1ns
module leaf(input [7:0] d, output [7:0] q);
  assign q = d ^ 8'h5a;
endmodule

module rcell(input clk, input [7:0] a, output [7:0] y);
  reg [7:0] r = 0;
  wire [7:0] seen;
  always @(posedge clk) r <= r + a + 1;
  // the output goes through a child first: `q` aliases `y`, `y` the element
  leaf l(.d(r), .q(y));
  assign seen = a;
endmodule

module top;
  reg clk = 0;
  wire [7:0] w [3:1];
  genvar i;
  for (i = 1; i <= 3; i = i + 1) begin : g
    rcell c(.clk(clk), .a(w[i == 1 ? 3 : i - 1]), .y(w[i]));
  end

  // elements written by an assign and by a port
  wire [7:0] mv [0:1];
  assign mv[0] = 8'h11;
  leaf lv(.d(8'h22), .q(mv[1]));

  // out of range: reads x, the child's input is x
  wire [7:0] oob;
  wire [7:0] n [0:1];
  assign n[0] = 8'h0f;
  assign n[1] = 8'hf0;
  leaf lo(.d(n[2]), .q(oob));

  // a part-select of an element is no whole element: stays a copy
  wire [7:0] ps;
  leaf lp(.d({n[0][3:0], n[1][7:4]}), .q(ps));

  integer changes = 0;
  always @(g[2].c.y) changes = changes + 1;

  initial $monitor("%0t y1=%h y2=%h y3=%h a1=%h seen3=%h q2=%h", $time, g[1].c.y, w[2], g[3].c.y,
                   g[1].c.a, g[3].c.seen, g[2].c.l.q);
  initial begin
    repeat (4) begin
      #5 clk = 1;
      #5 clk = 0;
    end
    $display("changes=%0d mv=%h %h oob=%h ps=%h", changes, mv[0], mv[1], oob, ps);
    $finish;
  end
endmodule
// ---- expected output ----
//| 0 y1=5a y2=5a y3=5a a1=5a seen3=5a q2=5a
//| 5 y1=01 y2=01 y3=01 a1=01 seen3=01 q2=01
//| 15 y1=07 y2=07 y3=07 a1=07 seen3=07 q2=07
//| 25 y1=3f y2=3f y3=3f a1=3f seen3=3f q2=3f
//| 35 y1=ff y2=ff y3=ff a1=ff seen3=ff q2=ff
//| changes=5 mv=11 78 oob=xx ps=a5
