// $sformatf (IEEE 1800-2017 21.3.3) returns the formatted string; strings
// concatenate and compare.
module t;
  string s, t2;
  initial begin
    s = $sformatf("%0d-%h-%s", 42, 8'hbe, "x");
    $display("[%s] len=%0d", s, s.len());
    t2 = {s, "!"};
    $display("[%s] %0d", t2, t2 == "42-be-x!");
    $display("%s", $sformatf("%5.2f|%b", 3.14159, 3'd5));
    $finish;
  end
endmodule
// ---- expected output ----
//| [42-be-x] len=7
//| [42-be-x!] 1
//|  3.14|101
