// Text macros with arguments (IEEE 1364-2005 19.3.1): substitution of
// formal arguments, nested macro calls, and macros expanding to statements.
`define MAX(a, b) ((a) > (b) ? (a) : (b))
`define SQUARE(x) ((x) * (x))
`define SHOW(label, v) $display("%s = %0d", label, v)
`define WIDTH 8
`define BUS [`WIDTH-1:0]
module t;
  reg `BUS r;
  initial begin
    r = `MAX(3, 7);
    `SHOW("max", r);
    `SHOW("square", `SQUARE(r + 1));
    `SHOW("nested", `MAX(`SQUARE(2), `SQUARE(3)));
    `SHOW("width", `WIDTH);
    $finish;
  end
endmodule
// ---- expected output ----
//| max = 7
//| square = 64
//| nested = 9
//| width = 8
