//! icarus_skip = "skip: Icarus does not support arrays of primitive instances (sorry: UDPs with a range); expected block worked out from IEEE 1364-2005 7.1.5/12.1.3.3"
// An array of primitive instances (IEEE 1364-2005 7.1.5, 8.1): a terminal
// as wide as the array is sliced per element (element [3] gets the MSB), a
// 1-bit terminal is shared by every element.
primitive and_u (y, a, b);
  output y;
  input a, b;
  table
     1 1 : 1;
     0 ? : 0;
     ? 0 : 0;
  endtable
endprimitive

module t;
  reg [3:0] v;
  reg en;
  wire [3:0] yv;
  and_u arr [3:0] (yv, v, en);
  initial begin
    $monitor("%0t v=%b en=%b yv=%b", $time, v, en, yv);
    v = 4'b1010; en = 1;
    #1 v = 4'b0110;
    #1 en = 0;
    #1 en = 1'bx;
    #1 v = 4'b0011;
    #1 $finish;
  end
endmodule
// ---- expected output ----
//| 0 v=1010 en=1 yv=1010
//| 1 v=0110 en=1 yv=0110
//| 2 v=0110 en=0 yv=0000
//| 3 v=0110 en=x yv=0xx0
//| 4 v=0011 en=x yv=00xx
