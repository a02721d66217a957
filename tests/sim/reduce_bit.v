// Reductions and `!` of one 4-state bit (fast.rs sm_reduce_bit): the result
// is the bit itself, negated for ~&, ~|, ~^ and !, and a z operand reads
// as x (1364-2005 5.1.11 table 5-11, 5.1.9; IEEE 1800-2017 11.4.9). Each
// of 0, 1, x and z, for a 1-bit reg and for a bit selected from a vector,
// in a combinational block, as an `if` condition and inside `&&` / `||`.
module t;
  reg v;
  reg [3:0] bus;
  reg w;
  reg r_and, r_nand, r_or, r_nor, r_xor, r_xnor, r_not, s_not, r_and_w, r_or_w;
  reg [3:0] digits = 4'b01xz;

  always @* begin
    r_and = &v;
    r_nand = ~&v;
    r_or = |v;
    r_nor = ~|v;
    r_xor = ^v;
    r_xnor = ~^v;
    r_not = !v;
    s_not = !bus[2];
    r_and_w = !v && w;
    r_or_w = !v || w;
  end

  integer i, j;
  initial begin
    for (i = 0; i < 4; i = i + 1)
      for (j = 0; j < 4; j = j + 1) begin
        v = digits[3 - i];
        w = digits[3 - j];
        bus = {1'b0, v, 2'b10};
        #1;
        $write("v=%b w=%b: & %b ~& %b | %b ~| %b ^ %b ~^ %b ! %b !sel %b !v&&w %b !v||w %b if(!v) ",
               v, w, r_and, r_nand, r_or, r_nor, r_xor, r_xnor, r_not, s_not, r_and_w, r_or_w);
        if (!v) $display("taken");
        else $display("not taken");
      end
    $finish;
  end
endmodule
// ---- expected output ----
//| v=0 w=0: & 0 ~& 1 | 0 ~| 1 ^ 0 ~^ 1 ! 1 !sel 1 !v&&w 0 !v||w 1 if(!v) taken
//| v=0 w=1: & 0 ~& 1 | 0 ~| 1 ^ 0 ~^ 1 ! 1 !sel 1 !v&&w 1 !v||w 1 if(!v) taken
//| v=0 w=x: & 0 ~& 1 | 0 ~| 1 ^ 0 ~^ 1 ! 1 !sel 1 !v&&w x !v||w 1 if(!v) taken
//| v=0 w=z: & 0 ~& 1 | 0 ~| 1 ^ 0 ~^ 1 ! 1 !sel 1 !v&&w x !v||w 1 if(!v) taken
//| v=1 w=0: & 1 ~& 0 | 1 ~| 0 ^ 1 ~^ 0 ! 0 !sel 0 !v&&w 0 !v||w 0 if(!v) not taken
//| v=1 w=1: & 1 ~& 0 | 1 ~| 0 ^ 1 ~^ 0 ! 0 !sel 0 !v&&w 0 !v||w 1 if(!v) not taken
//| v=1 w=x: & 1 ~& 0 | 1 ~| 0 ^ 1 ~^ 0 ! 0 !sel 0 !v&&w 0 !v||w x if(!v) not taken
//| v=1 w=z: & 1 ~& 0 | 1 ~| 0 ^ 1 ~^ 0 ! 0 !sel 0 !v&&w 0 !v||w x if(!v) not taken
//| v=x w=0: & x ~& x | x ~| x ^ x ~^ x ! x !sel x !v&&w 0 !v||w x if(!v) not taken
//| v=x w=1: & x ~& x | x ~| x ^ x ~^ x ! x !sel x !v&&w x !v||w 1 if(!v) not taken
//| v=x w=x: & x ~& x | x ~| x ^ x ~^ x ! x !sel x !v&&w x !v||w x if(!v) not taken
//| v=x w=z: & x ~& x | x ~| x ^ x ~^ x ! x !sel x !v&&w x !v||w x if(!v) not taken
//| v=z w=0: & x ~& x | x ~| x ^ x ~^ x ! x !sel x !v&&w 0 !v||w x if(!v) not taken
//| v=z w=1: & x ~& x | x ~| x ^ x ~^ x ! x !sel x !v&&w x !v||w 1 if(!v) not taken
//| v=z w=x: & x ~& x | x ~| x ^ x ~^ x ! x !sel x !v&&w x !v||w x if(!v) not taken
//| v=z w=z: & x ~& x | x ~| x ^ x ~^ x ! x !sel x !v&&w x !v||w x if(!v) not taken
