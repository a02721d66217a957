// Macro text spanning lines with a trailing backslash, macro arguments
// containing commas inside parentheses and strings, and a macro used as
// a statement (1364-2005 19.3.1).
`define SWAP(a, b) \
  begin \
    tmp = a; \
    a = b; \
    b = tmp; \
  end
`define CALL(task_name, args) task_name args
`define FIRST(x, y) x
module t;
  integer p, q, tmp;
  function integer max2;
    input integer x, y;
    max2 = x > y ? x : y;
  endfunction
  initial begin
    p = 1; q = 2;
    `SWAP(p, q)
    $display("p=%0d q=%0d", p, q);
    `CALL($display, ("sum=%0d, diff=%0d", p + q, p - q));
    $display("%0d", `FIRST(max2(4, 7), 9));
    $display("%s", `FIRST("a, b", "c"));
    $finish;
  end
endmodule
// ---- expected output ----
//| p=2 q=1
//| sum=3, diff=1
//| 7
//| a, b
