// User-defined combinational primitives (IEEE 1364-2005 8.1-8.4): `?` and
// `b` input symbols, rows for x inputs, non-ANSI and ANSI port lists, and
// every 0/1/x combination of the inputs.
primitive mux2 (y, s, a, b);
  output y;
  input s, a, b;
  table
  // s a b : y
     0 0 ? : 0;
     0 1 ? : 1;
     1 ? 0 : 0;
     1 ? 1 : 1;
     x 0 0 : 0;
     x 1 1 : 1;
  endtable
endprimitive

primitive and_or (output y, input a, input b, input c);
  table
  // (a & b) | c
     1 1 ? : 1;
     ? ? 1 : 1;
     0 ? 0 : 0;
     ? 0 0 : 0;
     b x 0 : x;
  endtable
endprimitive

module t;
  reg s, a, b;
  wire y1, y2;
  mux2 m (y1, s, a, b);
  and_or g (.y(y2), .a(a), .b(b), .c(s));
  integer i, j, k;
  initial begin
    for (i = 0; i < 3; i = i + 1)
      for (j = 0; j < 3; j = j + 1)
        for (k = 0; k < 3; k = k + 1) begin
          s = (i == 2) ? 1'bx : i[0];
          a = (j == 2) ? 1'bx : j[0];
          b = (k == 2) ? 1'bx : k[0];
          #1 $display("s=%b a=%b b=%b  mux=%b and_or=%b", s, a, b, y1, y2);
        end
    $finish;
  end
endmodule
// ---- expected output ----
//| s=0 a=0 b=0  mux=0 and_or=0
//| s=0 a=0 b=1  mux=0 and_or=0
//| s=0 a=0 b=x  mux=0 and_or=0
//| s=0 a=1 b=0  mux=1 and_or=0
//| s=0 a=1 b=1  mux=1 and_or=1
//| s=0 a=1 b=x  mux=1 and_or=x
//| s=0 a=x b=0  mux=x and_or=0
//| s=0 a=x b=1  mux=x and_or=x
//| s=0 a=x b=x  mux=x and_or=x
//| s=1 a=0 b=0  mux=0 and_or=1
//| s=1 a=0 b=1  mux=1 and_or=1
//| s=1 a=0 b=x  mux=x and_or=1
//| s=1 a=1 b=0  mux=0 and_or=1
//| s=1 a=1 b=1  mux=1 and_or=1
//| s=1 a=1 b=x  mux=x and_or=1
//| s=1 a=x b=0  mux=0 and_or=1
//| s=1 a=x b=1  mux=1 and_or=1
//| s=1 a=x b=x  mux=x and_or=1
//| s=x a=0 b=0  mux=0 and_or=x
//| s=x a=0 b=1  mux=x and_or=x
//| s=x a=0 b=x  mux=x and_or=x
//| s=x a=1 b=0  mux=x and_or=x
//| s=x a=1 b=1  mux=1 and_or=1
//| s=x a=1 b=x  mux=x and_or=x
//| s=x a=x b=0  mux=x and_or=x
//| s=x a=x b=1  mux=x and_or=x
//| s=x a=x b=x  mux=x and_or=x
