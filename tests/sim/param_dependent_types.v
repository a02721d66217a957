// Parameters with ranges and types (1364-2005 12.2): a sized parameter
// keeps its declared width, a signed one its sign, a real parameter is real,
// and an unsized one takes the width of its final value.
module t;
  parameter [3:0] P4 = 5'h1f;
  parameter signed [7:0] PS = -2;
  parameter real PR = 2.5;
  parameter A = 10, B = A * 3;
  parameter [7:0] C = B + 1;
  initial begin
    $display("P4=%0d PS=%0d PR=%f B=%0d C=%0d", P4, PS, PR, B, C);
    $display("PS>>>1=%0d PS+1=%0d", PS >>> 1, PS + 1);
    $finish;
  end
endmodule
// ---- expected output ----
//| P4=15 PS=-2 PR=2.500000 B=30 C=31
//| PS>>>1=-1 PS+1=-1
