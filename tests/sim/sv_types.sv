// SystemVerilog integer types (IEEE 1800-2017 6.11): widths, signedness,
// and 2-state types turning x/z into 0 on assignment.
module t;
  logic [3:0] l;
  bit [3:0] b;
  byte by;
  shortint si;
  int i;
  longint li;
  integer ig;
  int fresh;
  initial begin
    l = 4'bx01z; b = 4'bx01z;
    $display("logic=%b bit=%b", l, b);
    by = 8'hFF; si = 16'hFFFF; i = -1; li = -1;
    $display("byte=%0d shortint=%0d int=%0d longint=%0d", by, si, i, li);
    $display("bits: %0d %0d %0d %0d %0d", $bits(by), $bits(si), $bits(i), $bits(li), $bits(ig));
    $display("uninit: int=%0d integer=%0d", fresh, ig);
    by = 127; by++;
    $display("byte wraps to %0d", by);
    $finish;
  end
endmodule
// ---- expected output ----
//| logic=x01z bit=0010
//| byte=-1 shortint=-1 int=-1 longint=-1
//| bits: 8 16 32 64 32
//| uninit: int=0 integer=x
//| byte wraps to -128
