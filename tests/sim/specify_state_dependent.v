//! compile_args = ["--specify"]
// State-dependent paths (IEEE 1364-2005 14.2.4): only paths whose condition
// holds apply; `ifnone` applies when no conditional path to the output
// does. Edge-sensitive paths (14.2.3) count only their edge; specparams
// name the delays.
`timescale 1ns/1ns
module cellx (input a, input b, input fast, output y);
  xor (y, a, b);
  specify
    specparam t_fast = 1, t_slow = 6;
    if (fast) (a => y) = t_fast;
    if (!fast) (a => y) = t_slow;
    if (fast) (b => y) = 2;
    ifnone (b => y) = 8;
  endspecify
endmodule

module dff (input d, input clk, input rst, output reg q);
  always @(posedge clk or posedge rst)
    if (rst) q <= 0; else q <= d;
  specify
    (posedge clk => (q +: d)) = (3, 4);
    (posedge rst => (q +: 1'b0)) = 1;
  endspecify
endmodule

module t;
  reg a, b, fast, d, clk, rst;
  wire y, q;
  cellx c (.a(a), .b(b), .fast(fast), .y(y));
  dff f (.d(d), .clk(clk), .rst(rst), .q(q));
  initial begin
    $monitor("%0t a=%b b=%b fast=%b y=%b | d=%b clk=%b rst=%b q=%b", $time, a, b, fast, y, d, clk, rst, q);
    a = 0; b = 0; fast = 0; d = 0; clk = 0; rst = 0;
    #10 a = 1;             // slow: 6
    #10 b = 1;             // ifnone: 8
    #10 fast = 1;
    #10 a = 0;             // fast: 1
    #10 b = 0;             // fast b: 2
    #10 d = 1;
    #10 clk = 1;           // q 0 -> 1: 3 (from x: x -> 1 also 3)
    #10 clk = 0;
    #10 rst = 1;           // q 1 -> 0 through rst: 1
    #10 $finish;
  end
endmodule
// ---- expected output ----
//| 0 a=0 b=0 fast=0 y=x | d=0 clk=0 rst=0 q=x
//| 6 a=0 b=0 fast=0 y=0 | d=0 clk=0 rst=0 q=x
//| 10 a=1 b=0 fast=0 y=0 | d=0 clk=0 rst=0 q=x
//| 16 a=1 b=0 fast=0 y=1 | d=0 clk=0 rst=0 q=x
//| 20 a=1 b=1 fast=0 y=1 | d=0 clk=0 rst=0 q=x
//| 28 a=1 b=1 fast=0 y=0 | d=0 clk=0 rst=0 q=x
//| 30 a=1 b=1 fast=1 y=0 | d=0 clk=0 rst=0 q=x
//| 40 a=0 b=1 fast=1 y=0 | d=0 clk=0 rst=0 q=x
//| 41 a=0 b=1 fast=1 y=1 | d=0 clk=0 rst=0 q=x
//| 50 a=0 b=0 fast=1 y=1 | d=0 clk=0 rst=0 q=x
//| 52 a=0 b=0 fast=1 y=0 | d=0 clk=0 rst=0 q=x
//| 60 a=0 b=0 fast=1 y=0 | d=1 clk=0 rst=0 q=x
//| 70 a=0 b=0 fast=1 y=0 | d=1 clk=1 rst=0 q=x
//| 73 a=0 b=0 fast=1 y=0 | d=1 clk=1 rst=0 q=1
//| 80 a=0 b=0 fast=1 y=0 | d=1 clk=0 rst=0 q=1
//| 90 a=0 b=0 fast=1 y=0 | d=1 clk=0 rst=1 q=1
//| 91 a=0 b=0 fast=1 y=0 | d=1 clk=0 rst=1 q=0
