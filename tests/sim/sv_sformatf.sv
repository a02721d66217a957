// $sformat and $sformatf (IEEE 1800-2017 21.3.3) format into a string; a
// vector target holds it right-aligned, 8 bits per character, and %0s drops
// the leading NULs while %s shows them as spaces.
module t;
  reg [8*12-1:0] s;
  initial begin
    $sformat(s, "%0d-%h-%s", 42, 8'hbe, "x");
    $display("[%0s] [%s]", s, s);
    $sformat(s, "%5.2f|%b", 3.14159, 3'd5);
    $display("[%0s]", s);
    $display("%0d %0d", $sformatf("%0d", 7) == "7", $sformatf("%h", 8'hbe) == "be");
    $finish;
  end
endmodule
// ---- expected output ----
//| [42-be-x] [     42-be-x]
//| [ 3.14|101]
//| 1 1
