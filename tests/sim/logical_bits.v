// `&&` and `||` of small operands with a cheap right operand
// (expr.rs sm_logical): computed as `(|l) & (|r)` and `(|l) | (|r)` on
// 4-state bits, with no branch. IEEE 1800-2017 11.4.7: a known 0 decides
// `&&` and a known 1 decides `||`, whatever the other operand; otherwise an
// x or z operand (a vector with no known 1 and some x/z bit) gives x. Each
// 2-bit value with 0, 1, x and z bits against each 1-bit value, both ways
// round, nested, as values, as `if` conditions and in a clocked block.
module t;
  reg [1:0] a;
  reg b, c;
  reg clk = 0;
  reg and_ab, or_ab, and_ba, or_ba, nest, eq_and, q_and, q_or;
  reg [1:0] as [0:8];
  reg [3:0] bits = 4'b01xz;

  always @* begin
    and_ab = a && b;
    or_ab = a || b;
    and_ba = b && a;
    or_ba = b || a;
    nest = (a && b) || (!a && c);
    eq_and = a == 2'b01 && b;
  end

  always @(posedge clk) begin
    q_and <= b && a && c;
    q_or <= b || a || c;
  end

  integer i, j;
  initial begin
    as[0] = 2'b00; as[1] = 2'b01; as[2] = 2'b10; as[3] = 2'b0x; as[4] = 2'bx0;
    as[5] = 2'bxx; as[6] = 2'bz1; as[7] = 2'b0z; as[8] = 2'bzz;
    for (i = 0; i < 9; i = i + 1)
      for (j = 0; j < 4; j = j + 1) begin
        a = as[i];
        b = bits[3 - j];
        c = bits[j];
        #1 clk = 1;
        #1 clk = 0;
        $write("a=%b b=%b c=%b: && %b || %b b&&a %b b||a %b nest %b eq&& %b q&& %b q|| %b if:",
               a, b, c, and_ab, or_ab, and_ba, or_ba, nest, eq_and, q_and, q_or);
        if (a && b) $write(" and");
        if (a || b) $write(" or");
        if (!(a && b)) $write(" nand");
        $display("");
      end
    $finish;
  end
endmodule
// ---- expected output ----
//| a=00 b=0 c=z: && 0 || 0 b&&a 0 b||a 0 nest x eq&& 0 q&& 0 q|| x if: nand
//| a=00 b=1 c=x: && 0 || 1 b&&a 0 b||a 1 nest x eq&& 0 q&& 0 q|| 1 if: or nand
//| a=00 b=x c=1: && 0 || x b&&a 0 b||a x nest 1 eq&& 0 q&& 0 q|| 1 if: nand
//| a=00 b=z c=0: && 0 || x b&&a 0 b||a x nest 0 eq&& 0 q&& 0 q|| x if: nand
//| a=01 b=0 c=z: && 0 || 1 b&&a 0 b||a 1 nest 0 eq&& 0 q&& 0 q|| 1 if: or nand
//| a=01 b=1 c=x: && 1 || 1 b&&a 1 b||a 1 nest 1 eq&& 1 q&& x q|| 1 if: and or
//| a=01 b=x c=1: && x || 1 b&&a x b||a 1 nest x eq&& x q&& x q|| 1 if: or
//| a=01 b=z c=0: && x || 1 b&&a x b||a 1 nest x eq&& x q&& 0 q|| 1 if: or
//| a=10 b=0 c=z: && 0 || 1 b&&a 0 b||a 1 nest 0 eq&& 0 q&& 0 q|| 1 if: or nand
//| a=10 b=1 c=x: && 1 || 1 b&&a 1 b||a 1 nest 1 eq&& 0 q&& x q|| 1 if: and or
//| a=10 b=x c=1: && x || 1 b&&a x b||a 1 nest x eq&& 0 q&& x q|| 1 if: or
//| a=10 b=z c=0: && x || 1 b&&a x b||a 1 nest x eq&& 0 q&& 0 q|| 1 if: or
//| a=0x b=0 c=z: && 0 || x b&&a 0 b||a x nest x eq&& 0 q&& 0 q|| x if: nand
//| a=0x b=1 c=x: && x || 1 b&&a x b||a 1 nest x eq&& x q&& x q|| 1 if: or
//| a=0x b=x c=1: && x || x b&&a x b||a x nest x eq&& x q&& x q|| 1 if:
//| a=0x b=z c=0: && x || x b&&a x b||a x nest x eq&& x q&& 0 q|| x if:
//| a=x0 b=0 c=z: && 0 || x b&&a 0 b||a x nest x eq&& 0 q&& 0 q|| x if: nand
//| a=x0 b=1 c=x: && x || 1 b&&a x b||a 1 nest x eq&& 0 q&& x q|| 1 if: or
//| a=x0 b=x c=1: && x || x b&&a x b||a x nest x eq&& 0 q&& x q|| 1 if:
//| a=x0 b=z c=0: && x || x b&&a x b||a x nest x eq&& 0 q&& 0 q|| x if:
//| a=xx b=0 c=z: && 0 || x b&&a 0 b||a x nest x eq&& 0 q&& 0 q|| x if: nand
//| a=xx b=1 c=x: && x || 1 b&&a x b||a 1 nest x eq&& x q&& x q|| 1 if: or
//| a=xx b=x c=1: && x || x b&&a x b||a x nest x eq&& x q&& x q|| 1 if:
//| a=xx b=z c=0: && x || x b&&a x b||a x nest x eq&& x q&& 0 q|| x if:
//| a=z1 b=0 c=z: && 0 || 1 b&&a 0 b||a 1 nest 0 eq&& 0 q&& 0 q|| 1 if: or nand
//| a=z1 b=1 c=x: && 1 || 1 b&&a 1 b||a 1 nest 1 eq&& x q&& x q|| 1 if: and or
//| a=z1 b=x c=1: && x || 1 b&&a x b||a 1 nest x eq&& x q&& x q|| 1 if: or
//| a=z1 b=z c=0: && x || 1 b&&a x b||a 1 nest x eq&& x q&& 0 q|| 1 if: or
//| a=0z b=0 c=z: && 0 || x b&&a 0 b||a x nest x eq&& 0 q&& 0 q|| x if: nand
//| a=0z b=1 c=x: && x || 1 b&&a x b||a 1 nest x eq&& x q&& x q|| 1 if: or
//| a=0z b=x c=1: && x || x b&&a x b||a x nest x eq&& x q&& x q|| 1 if:
//| a=0z b=z c=0: && x || x b&&a x b||a x nest x eq&& x q&& 0 q|| x if:
//| a=zz b=0 c=z: && 0 || x b&&a 0 b||a x nest x eq&& 0 q&& 0 q|| x if: nand
//| a=zz b=1 c=x: && x || 1 b&&a x b||a 1 nest x eq&& x q&& x q|| 1 if: or
//| a=zz b=x c=1: && x || x b&&a x b||a x nest x eq&& x q&& x q|| 1 if:
//| a=zz b=z c=0: && x || x b&&a x b||a x nest x eq&& x q&& 0 q|| x if:
