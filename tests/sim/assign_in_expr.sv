//! icarus_skip = "skip: Icarus 12 does not parse an assignment inside an expression; checked with Verilator 5.006"
// Assignment operators inside expressions (IEEE 1800-2017 11.3.6): a
// parenthesized `=` or `op=` assigns first and has the new value of its
// target; nested ones run innermost first; `++`/`--` beside them.
module t;
  int a, b, c, d;
  logic [7:0] v;
  initial begin
    a = (b = (c = 5));
    $display("%0d %0d %0d", a, b, c);
    c = 10;
    b = (c -= 3);
    $display("%0d %0d", b, c);
    a = 1; b = 2;
    d = ((b += (a += 1) + 1));
    $display("%0d %0d %0d", a, b, d);
    a = 4;
    b = (++a) + 1;
    $display("%0d %0d", a, b);
    v = 8'hf0;
    if ((v >>= 4) == 8'h0f) $display("shifted %h", v);
  end
endmodule
// ---- expected output ----
//| 5 5 5
//| 7 7
//| 2 5 5
//| 5 6
//| shifted 0f
