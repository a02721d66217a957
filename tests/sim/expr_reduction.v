// Reduction operators (1364-2005 5.1.11) including x/z operands.
module t;
  reg [3:0] v;
  task show;
    $display("%b: & %b ~& %b | %b ~| %b ^ %b ~^ %b", v, &v, ~&v, |v, ~|v, ^v, ~^v);
  endtask
  initial begin
    v = 4'b0000; show;
    v = 4'b1111; show;
    v = 4'b0110; show;
    v = 4'b1101; show;
    v = 4'b10x1; show;
    v = 4'b00z0; show;
    $finish;
  end
endmodule
// ---- expected output ----
//| 0000: & 0 ~& 1 | 0 ~| 1 ^ 0 ~^ 1
//| 1111: & 1 ~& 0 | 1 ~| 0 ^ 0 ~^ 1
//| 0110: & 0 ~& 1 | 1 ~| 0 ^ 0 ~^ 1
//| 1101: & 0 ~& 1 | 1 ~| 0 ^ 1 ~^ 0
//| 10x1: & 0 ~& 1 | 1 ~| 0 ^ x ~^ x
//| 00z0: & 0 ~& 1 | x ~| x ^ x ~^ x
