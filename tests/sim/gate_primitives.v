// Built-in gates (1364-2005 7.2-7.3): multi-input and/nand/or/nor/
// xor/xnor, multi-output buf/not, with x inputs.
module t;
  reg a, b, c;
  wire y_and, y_nand, y_or, y_nor, y_xor, y_xnor, y_b1, y_b2, y_n;
  and  (y_and, a, b, c);
  nand (y_nand, a, b, c);
  or   (y_or, a, b, c);
  nor  (y_nor, a, b, c);
  xor  (y_xor, a, b, c);
  xnor (y_xnor, a, b, c);
  buf  (y_b1, y_b2, a);
  not  (y_n, a);
  integer i;
  initial begin
    for (i = 0; i < 8; i = i + 1) begin
      {a, b, c} = i;
      #1 $display("%b%b%b: and=%b nand=%b or=%b nor=%b xor=%b xnor=%b buf=%b%b not=%b",
                  a, b, c, y_and, y_nand, y_or, y_nor, y_xor, y_xnor, y_b1, y_b2, y_n);
    end
    a = 1'bx; b = 0; c = 1;
    #1 $display("x01: and=%b or=%b xor=%b not=%b", y_and, y_or, y_xor, y_n);
    $finish;
  end
endmodule
// ---- expected output ----
//| 000: and=0 nand=1 or=0 nor=1 xor=0 xnor=1 buf=00 not=1
//| 001: and=0 nand=1 or=1 nor=0 xor=1 xnor=0 buf=00 not=1
//| 010: and=0 nand=1 or=1 nor=0 xor=1 xnor=0 buf=00 not=1
//| 011: and=0 nand=1 or=1 nor=0 xor=0 xnor=1 buf=00 not=1
//| 100: and=0 nand=1 or=1 nor=0 xor=1 xnor=0 buf=11 not=0
//| 101: and=0 nand=1 or=1 nor=0 xor=0 xnor=1 buf=11 not=0
//| 110: and=0 nand=1 or=1 nor=0 xor=0 xnor=1 buf=11 not=0
//| 111: and=1 nand=0 or=1 nor=0 xor=1 xnor=0 buf=11 not=0
//| x01: and=0 or=1 xor=x not=x
