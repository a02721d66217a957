// String escapes (1364-2005 3.6.3) and %% in format strings.
module t;
  initial begin
    $display("tab:[\t] backslash:[\\] quote:[\"] percent:[%%]");
    $display("octal:[\101\102] newline follows:\nsecond line");
    $display("no format args", " and a second string");
    $display("%0d%%", 50);
    $display();
    $display("after empty line");
    $finish;
  end
endmodule
// ---- expected output ----
//| tab:[	] backslash:[\] quote:["] percent:[%]
//| octal:[AB] newline follows:
//| second line
//| no format args and a second string
//| 50%
//|
//| after empty line
