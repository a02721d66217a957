// Equality (1364-2005 5.1.8): == and != give x when an x/z bit could
// matter, === and !== compare x and z literally.
module t;
  reg [3:0] a, b;
  initial begin
    a = 4'b10x1; b = 4'b10x1;
    $display("== %b != %b === %b !== %b", a == b, a != b, a === b, a !== b);
    b = 4'b00x1;
    $display("== %b != %b === %b !== %b", a == b, a != b, a === b, a !== b);
    b = 4'b10z1;
    $display("== %b != %b === %b !== %b", a == b, a != b, a === b, a !== b);
    a = 4'b0101; b = 4'b0101;
    $display("== %b != %b === %b !== %b", a == b, a != b, a === b, a !== b);
    $display("width: %b", 3'b101 == 5'b00101);
    $finish;
  end
endmodule
// ---- expected output ----
//| == x != x === 1 !== 0
//| == 0 != 1 === 0 !== 1
//| == x != x === 0 !== 1
//| == 1 != 0 === 1 !== 0
//| width: 1
