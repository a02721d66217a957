// if / else if / else (1364-2005 9.4): an x or z condition is false, and
// `else` binds to the nearest `if`.
module t;
  reg [3:0] v;
  reg c;
  task classify;
    if (v < 3) $display("%b: small", v);
    else if (v < 10) $display("%b: medium", v);
    else $display("%b: large or unknown", v);
  endtask
  initial begin
    v = 1; classify;
    v = 7; classify;
    v = 12; classify;
    v = 4'bx01; classify;
    c = 1'bx;
    if (c) $display("x is true"); else $display("x is false");
    if (1) if (0) $display("inner"); else $display("dangling else binds inner");
    $finish;
  end
endmodule
// ---- expected output ----
//| 0001: small
//| 0111: medium
//| 1100: large or unknown
//| xx01: large or unknown
//| x is false
//| dangling else binds inner
