// Strings in reg vectors (1364-2005 3.6): 8 bits per character,
// right-aligned, zero-padded on the left; %s shows the leading zero bytes
// as spaces, %0s drops them; comparison is numeric.
module t;
  reg [8*8:1] s;
  reg [8*3:1] short;
  initial begin
    s = "abc";
    $display("[%s] [%0s] %h", s, s, s);
    short = "abcdef";
    $display("[%s] truncated keeps the right end", short);
    $display("%0d %0d", "b" > "a", "ab" == 16'h6162);
    s = {"x", "yz"};
    $display("[%0s]", s);
    $finish;
  end
endmodule
// ---- expected output ----
//| [     abc] [abc] 0000000000616263
//| [def] truncated keeps the right end
//| 1 1
//| [xyz]
