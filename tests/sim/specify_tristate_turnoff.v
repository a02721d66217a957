//! compile_args = ["--specify"]
// Three and six path delays (IEEE 1364-2005 14.3.1): transitions to and
// from z take the turn-off delays; x transitions are derived (14.3.3).
`timescale 1ns/1ns
module tbuf3 (input A, input EN, output Z);
  bufif1 (Z, A, EN);
  specify
    (A => Z) = (1, 2, 3);
    (EN => Z) = (4, 5, 6);
  endspecify
endmodule

module tbuf6 (input A, input EN, output Z);
  bufif1 (Z, A, EN);
  specify
    (A => Z) = (1, 2, 3, 4, 5, 6);
    (EN => Z) = (11, 12, 13, 14, 15, 16);
  endspecify
endmodule

module t;
  reg a, en;
  wire z3, z6;
  tbuf3 u3 (.A(a), .EN(en), .Z(z3));
  tbuf6 u6 (.A(a), .EN(en), .Z(z6));
  initial begin
    $monitor("%0t a=%b en=%b z3=%b z6=%b", $time, a, en, z3, z6);
    #1 a = 0; en = 0;      // x -> z
    #30 en = 1;            // z -> 0
    #30 en = 0;            // 0 -> z
    #30 a = 1;
    #30 en = 1;            // z -> 1
    #30 a = 1'bx;          // 1 -> x
    #30 a = 0;             // x -> 0
    #30 en = 0;            // 0 -> z
    #30 $finish;
  end
endmodule
// ---- expected output ----
//| 0 a=x en=x z3=x z6=x
//| 1 a=0 en=0 z3=x z6=x
//| 4 a=0 en=0 z3=z z6=x
//| 6 a=0 en=0 z3=z z6=z
//| 31 a=0 en=1 z3=z z6=z
//| 36 a=0 en=1 z3=0 z6=z
//| 47 a=0 en=1 z3=0 z6=0
//| 61 a=0 en=0 z3=0 z6=0
//| 67 a=0 en=0 z3=z z6=0
//| 74 a=0 en=0 z3=z z6=z
//| 91 a=1 en=0 z3=z z6=z
//| 121 a=1 en=1 z3=z z6=z
//| 125 a=1 en=1 z3=1 z6=z
//| 135 a=1 en=1 z3=1 z6=1
//| 151 a=x en=1 z3=1 z6=1
//| 153 a=x en=1 z3=x z6=x
//| 181 a=0 en=1 z3=x z6=x
//| 183 a=0 en=1 z3=0 z6=x
//| 187 a=0 en=1 z3=0 z6=0
//| 211 a=0 en=0 z3=0 z6=0
//| 217 a=0 en=0 z3=z z6=0
//| 224 a=0 en=0 z3=z z6=z
