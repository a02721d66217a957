// Nonblocking assignments to shadowed registers (read at the other clock
// edge, so their NBAs go through records, crates/codegen shadow.rs) in one
// clocked block. An NBA no earlier NBA of the activation can precede arms
// the record without testing it (codegen first_nbas.rs); the others test
// it and the last one wins. Checked: writes in `if` and `case` arms, a
// write after both arms, a write in a loop, a concatenation writing two
// parts of one register (the second part finds the record armed), a value
// written and then restored (no change at the commit), X and Z values.
module nba_first_of_step;
  reg clk = 0;
  reg [3:0] n = 0;
  reg [7:0] a, b, c, d, e;
  reg [15:0] j;
  reg [1:0] k;
  integer i;
  always @(posedge clk) begin
    n <= n + 4'd1;
    k = n[1:0];
    if (k == 2'd0) a <= 8'h10 + n; else b <= 8'h20 + n;
    case (k)
      2'd1: a <= 8'h30 + n;
      2'd2: c <= {4'hc, n};
      default: c <= 8'bxxxx_zzzz;
    endcase
    if (n[2]) b <= 8'hbb;
    for (i = 0; i < n[1:0]; i = i + 1) d <= d + 8'd1;
    {j[3:0], e, j[15:12]} <= {n, 8'h5e ^ {n, n}, ~n};
    if (n == 4'd5) begin
      e <= 8'h77;
      e <= e;
    end
  end
  initial begin d = 0; e = 8'he0; end
  always @(negedge clk)
    $display("%0t: n=%0d a=%h b=%h c=%b d=%0d e=%h j=%h", $time, n, a, b, c, d, e, j);
  always #5 clk = ~clk;
  initial #96 $finish;
endmodule

// ---- expected output ----
//| 10: n=1 a=10 b=xx c=xxxxzzzz d=0 e=5e j=fxx0
//| 20: n=2 a=31 b=21 c=xxxxzzzz d=1 e=4f j=exx1
//| 30: n=3 a=31 b=22 c=11000010 d=2 e=7c j=dxx2
//| 40: n=4 a=31 b=23 c=xxxxzzzz d=3 e=6d j=cxx3
//| 50: n=5 a=14 b=bb c=xxxxzzzz d=3 e=1a j=bxx4
//| 60: n=6 a=35 b=bb c=xxxxzzzz d=4 e=1a j=axx5
//| 70: n=7 a=35 b=bb c=11000110 d=5 e=38 j=9xx6
//| 80: n=8 a=35 b=bb c=xxxxzzzz d=6 e=29 j=8xx7
//| 90: n=9 a=18 b=bb c=xxxxzzzz d=6 e=d6 j=7xx8
