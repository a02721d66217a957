//! icarus_skip = "skip: Icarus rejects `input t, en` in an ANSI primitive port list and ignores the value of an ANSI `output reg q = 1'b1` (IEEE 1364-2005 8.1 and 8.5 allow both); expected block worked out from 8.5-8.6"
// A sequential primitive with ANSI ports (IEEE 1364-2005 8.1, 8.5): the
// `output reg` carries the initial value, inputs are listed `input a, b`.
primitive tff (output reg q = 1'b1, input t, en);
  table
  // t    en : q : q+
     (01) 1  : 0 : 1;
     (01) 1  : 1 : 0;
     (01) 0  : ? : -;
     (10) ?  : ? : -;
     (x0) ?  : ? : -;
     ?    *  : ? : -;
  endtable
endprimitive

module t;
  reg a, en;
  wire q;
  tff u (q, a, en);
  initial begin
    #1 $display("1: q=%b", q);
    en = 1; a = 0;
    #1 a = 1;
    #1 $display("2: q=%b", q);
    a = 0;
    #1 a = 1;
    #1 $display("3: q=%b", q);
  end
endmodule
// ---- expected output ----
//| 1: q=1
//| 2: q=0
//| 3: q=1
