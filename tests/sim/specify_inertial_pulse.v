//! compile_args = ["--specify"]
// A module path delay is inertial with the default pulse limits (IEEE
// 1364-2005 14.6): a pulse on the input shorter than the path delay never
// reaches the output; a longer one comes out whole, delayed.
`timescale 1ns/1ns
module buf_cell (input I, output O);
  buf (O, I);
  specify
    (I => O) = 5;
  endspecify
endmodule

module t;
  reg i;
  wire o;
  buf_cell u (.I(i), .O(o));
  initial begin
    $monitor("%0t i=%b o=%b", $time, i, o);
    i = 0;
    #10 i = 1;
    #3 i = 0;              // 3 < 5: rejected
    #10 i = 1;
    #7 i = 0;              // 7 > 5: passes
    #20 $finish;
  end
endmodule
// ---- expected output ----
//| 0 i=0 o=x
//| 5 i=0 o=0
//| 10 i=1 o=0
//| 13 i=0 o=0
//| 23 i=1 o=0
//| 28 i=1 o=1
//| 30 i=0 o=1
//| 35 i=0 o=0
