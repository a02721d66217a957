//! compile_args = ["--specify"]
// `$sdf_annotate` (IEEE 1497): IOPATH delays replace the module path
// delays of the named instances (a hierarchical INSTANCE path below the
// annotated scope, `/` divider); an empty value keeps the path's delay;
// values are in the TIMESCALE unit; (posedge clk) matches the
// edge-sensitive path.
`timescale 1ns/100ps
module xor2 (input A, input B, output Q);
  xor (Q, A, B);
  specify
    (A => Q) = (1, 1);
    (B => Q) = (1, 1);
  endspecify
endmodule

module dff (input d, input clk, output reg q);
  always @(posedge clk) q <= d;
  specify
    (posedge clk => (q +: d)) = (1, 1);
  endspecify
endmodule

module wrap (input a, b, d, clk, output q, r);
  xor2 x1 (.A(a), .B(b), .Q(q));
  dff f1 (.d(d), .clk(clk), .q(r));
endmodule

module t;
  reg a, b, d, clk;
  wire q, r;
  wrap top_u (.a(a), .b(b), .d(d), .clk(clk), .q(q), .r(r));
  initial begin
    $sdf_annotate("data/sdf_annotate_iopath.sdf", t);
    $monitor("%t a=%b b=%b q=%b d=%b clk=%b r=%b", $realtime, a, b, q, d, clk, r);
    a = 0; b = 0; d = 1; clk = 0;
    #10 a = 1;             // A rise: 3.0
    #10 b = 1;             // B fall: 0.2
    #10 b = 0;             // B rise: kept 1
    #10 clk = 1;           // posedge: 7.0
    #10 clk = 0; d = 0;
    #10 clk = 1;           // 8.0
    #20 $finish;
  end
endmodule
// ---- expected output ----
//|                    0 a=0 b=0 q=x d=1 clk=0 r=x
//|                    2 a=0 b=0 q=0 d=1 clk=0 r=x
//|                  100 a=1 b=0 q=0 d=1 clk=0 r=x
//|                  130 a=1 b=0 q=1 d=1 clk=0 r=x
//|                  200 a=1 b=1 q=1 d=1 clk=0 r=x
//|                  202 a=1 b=1 q=0 d=1 clk=0 r=x
//|                  300 a=1 b=0 q=0 d=1 clk=0 r=x
//|                  310 a=1 b=0 q=1 d=1 clk=0 r=x
//|                  400 a=1 b=0 q=1 d=1 clk=1 r=x
//|                  470 a=1 b=0 q=1 d=1 clk=1 r=1
//|                  500 a=1 b=0 q=1 d=0 clk=0 r=1
//|                  600 a=1 b=0 q=1 d=0 clk=1 r=1
//|                  680 a=1 b=0 q=1 d=0 clk=1 r=0
