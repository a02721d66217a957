//! icarus = "differs: Icarus 11 prints X for `a64 % z64` displayed as it is; both operands are two-state, so the expression is (IEEE 1800-2017 11.8.1) and holds 0 (6.11.2), as Icarus gives when it stores the quotient"
//! icarus_output = ["wide div 0000000000000000000000000", "wide mod 0000000000000000000000000", "64 div 0000000000000000 mod xxxxxxxxxxxxxxxx", "8 div 00000000", "int mod 0", "pow 00000000", "logic xxxxxxxx"]
// Division and modulus by zero, and 0 ** -1, give X (IEEE 1800-2017
// 11.4.2, 11.4.3), which a two-state result holds as 0 (6.11.2): 8-, 64-
// and 100-bit `bit` vectors, an `int`, and a `logic` result beside them
// that keeps the X.
module t;
  bit [99:0] a, b, c;
  bit [63:0] a64, z64, c64;
  bit [7:0] s, z;
  bit signed [7:0] e;
  int i, zi;
  logic [7:0] l;
  initial begin
    a = 100'd12345; b = 0; a64 = 64'd77; z64 = 0; s = 8'd7; z = 0; zi = 0; e = -1;
    c = a / b;
    $display("wide div %h", c);
    c = a % b;
    $display("wide mod %h", c);
    c64 = a64 / z64;
    $display("64 div %h mod %h", c64, a64 % z64);
    s = s / z;
    $display("8 div %b", s);
    i = 32'sd5 % zi;
    $display("int mod %0d", i);
    s = 8'd0 ** e;
    $display("pow %b", s);
    l = 8'd9 / z;
    $display("logic %b", l);
  end
endmodule
// ---- expected output ----
//| wide div 0000000000000000000000000
//| wide mod 0000000000000000000000000
//| 64 div 0000000000000000 mod 0000000000000000
//| 8 div 00000000
//| int mod 0
//| pow 00000000
//| logic xxxxxxxx
