// $display format specifiers (1364-2005 17.1.1.2): %b %o %d %h %x %s %c
// with their default widths, which depend on the expression's width.
module t;
  reg [11:0] v;
  reg signed [7:0] s;
  reg [8*5:1] str;
  initial begin
    v = 12'd1234;
    $display("b:%b o:%o d:%d h:%h x:%x", v, v, v, v, v);
    $display("B:%B O:%O D:%D H:%H X:%X", v, v, v, v, v);
    s = -8'sd5;
    $display("signed d:%d h:%h b:%b", s, s, s);
    str = "hello";
    $display("s:%s c:%c%c", str, 8'd65, 8'h7a);
    $display("1-bit: %d %h %o %b", 1'b1, 1'b1, 1'b1, 1'b1);
    $display("literal: %d %d", 32'd7, 7);
    $display("x: %d %h %o", 12'bx, 12'hx0z, 12'o7x);
    $display("partly x dec: %d %d", 8'b1x, 8'bz);
    $finish;
  end
endmodule
// ---- expected output ----
//| b:010011010010 o:2322 d:1234 h:4d2 x:4d2
//| B:010011010010 O:2322 D:1234 H:4d2 X:4d2
//| signed d:  -5 h:fb b:11111011
//| s:hello c:Az
//| 1-bit: 1 1 1 1
//| literal:          7           7
//| x:    x x0z 007x
//| partly x dec:   X   z
