//! icarus = "differs: Icarus 12 reads an out-of-range element of a 2-state dynamic array as x (IEEE 1800-2017 7.4.6, Table 7-1: the default, 0) and does not copy a dynamic array on assignment (7.6: c = b copies, so c[1] = 99 leaves b alone)"
//! icarus_output = ["empty size=0", "a size=4 1 4 7 10", "oob read=x", "after oob write size=4", "grown 1 4 7 10 0 0", "shrunk size=2 1 4", "logic default=xxxx xxxx", "b=10 99 30 c=10 99 30", "$size=3 $high=2 $low=0", "b[2]=35", "deleted size=0"]
// Dynamic arrays (IEEE 1800-2017 7.5): new[], new[](src), size, delete,
// out-of-range reads (default value, 7.4.6) and writes (ignored), foreach,
// assignment between dynamic arrays copies (7.6), $size/$high/$low.
module t;
  bit [7:0] a[];
  logic [3:0] l[];
  int b[];
  int c[];
  initial begin
    $display("empty size=%0d", a.size());
    a = new[4];
    foreach (a[i]) a[i] = 8'(i * 3 + 1);
    $display("a size=%0d %0d %0d %0d %0d", a.size, a[0], a[1], a[2], a[3]);
    $display("oob read=%0d", a[7]);
    a[9] = 5;
    $display("after oob write size=%0d", a.size());
    a = new[6](a);
    $display("grown %0d %0d %0d %0d %0d %0d", a[0], a[1], a[2], a[3], a[4], a[5]);
    a = new[2](a);
    $display("shrunk size=%0d %0d %0d", a.size(), a[0], a[1]);
    l = new[3];
    $display("logic default=%b %b", l[0], l[5]);
    b = '{10, 20, 30};
    c = b;
    c[1] = 99;
    $display("b=%0d %0d %0d c=%0d %0d %0d", b[0], b[1], b[2], c[0], c[1], c[2]);
    $display("$size=%0d $high=%0d $low=%0d", $size(b), $high(b), $low(b));
    b[2] = b[2] + 5;
    $display("b[2]=%0d", b[2]);
    b.delete();
    $display("deleted size=%0d", b.size());
    $finish;
  end
endmodule
// ---- expected output ----
//| empty size=0
//| a size=4 1 4 7 10
//| oob read=0
//| after oob write size=4
//| grown 1 4 7 10 0 0
//| shrunk size=2 1 4
//| logic default=xxxx xxxx
//| b=10 20 30 c=10 99 30
//| $size=3 $high=2 $low=0
//| b[2]=35
//| deleted size=0
