// $sscanf (1364-2005 17.2.4.3): every conversion, field widths, `*`
// suppression, white space and literal matching, the count it returns
// (-1 for an empty string) and variables left alone after a mismatch.
module t;
  reg [15:0] a, b, c;
  reg [63:0] s;
  reg [7:0] ch;
  real r;
  integer n, i;
  initial begin
    n = $sscanf("12 ff 17 1010", "%d %h %o %b", a, b, c, i);
    $display("%0d: %0d %h %o %b", n, a, b, c, i);
    n = $sscanf("-5 x1 z", "%d %b %h", a, b, c);
    $display("%0d: %b %b %b", n, a, b, c);
    n = $sscanf("123456", "%2d%*2d%d", a, b);
    $display("%0d: %0d %0d", n, a, b);
    n = $sscanf("key=value rest", "key=%s %s", s, s);
    $display("%0d: %0s", n, s);
    n = $sscanf("abcdef", "%3s%c", s, ch);
    $display("%0d: %0s %c", n, s, ch);
    n = $sscanf("3.25e1", "%f", r);
    $display("%0d: %f", n, r);
    n = $sscanf("7", "%d", r);
    $display("%0d: %f", n, r);
    n = $sscanf("2.5", "%e", a);
    $display("%0d: %0d", n, a);
    a = 99; b = 98;
    n = $sscanf("10,20", "%d;%d", a, b);
    $display("%0d: %0d %0d", n, a, b);
    n = $sscanf("", "%d", a);
    $display("%0d: %0d", n, a);
    n = $sscanf("   ", "%d", a);
    $display("%0d: %0d", n, a);
    n = $sscanf("q", "%d", a);
    $display("%0d: %0d", n, a);
    n = $sscanf("100%", "%d%%", a);
    $display("%0d: %0d", n, a);
    n = $sscanf("  1_000  ", "%d", a);
    $display("%0d: %0d", n, a);
    n = $sscanf("70000", "%d", a);
    $display("%0d: %0d", n, a);
    n = $sscanf("anything", "%m", s);
    $display("%0d: %0s", n, s);
    $finish;
  end
endmodule
// ---- expected output ----
//| 4: 12 00ff 000017 00000000000000000000000000001010
//| 3: 1111111111111011 xxxxxxxxxxxxxxx1 zzzzzzzzzzzzzzzz
//| 2: 12 56
//| 2: rest
//| 2: abc d
//| 1: 32.500000
//| 1: 7.000000
//| 1: 3
//| 1: 10 98
//| -1: 10
//| 0: 10
//| 0: 10
//| 1: 100
//| 1: 1000
//| 1: 4464
//| 1: t
