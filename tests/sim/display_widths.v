// Field widths (1364-2005 17.1.1.3): %0d suppresses padding, an explicit
// width pads decimals on the left with spaces, too-small widths never
// truncate. (Widths above the natural size of %h/%b/%o are left out: Icarus
// pads them with spaces, Verilator with zeros, and the standard is silent.)
module t;
  reg [15:0] v;
  initial begin
    v = 16'd42;
    $display("[%d] [%0d] [%5d] [%1d] [%10d]", v, v, v, v, v);
    $display("[%h] [%0h] [%2h] [%b] [%0b] [%3b]", v, v, v, v, v, v);
    $display("[%o] [%0o]", v, v);
    $display("[%s] [%0s] [%8s]", "ab", "ab", "ab");
    $display("[%d] [%0d]", -16'sd42, -16'sd42);
    $finish;
  end
endmodule
// ---- expected output ----
//| [   42] [42] [   42] [42] [        42]
//| [002a] [2a] [002a] [0000000000101010] [101010] [0000000000101010]
//| [000052] [52]
//| [ab] [ab] [      ab]
//| [   -42] [-42]
