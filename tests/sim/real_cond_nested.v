// A chain of 24 nested real conditionals: each side is generated once, so
// the code stays linear in the depth (it once doubled per level).
module t;
  integer j;
  real v;
  always @(j)
    v = (j == 0) ? 0.0 : (j == 1) ? 0.5 : (j == 2) ? 1.0 : (j == 3) ? 1.5 :
        (j == 4) ? 2.0 : (j == 5) ? 2.5 : (j == 6) ? 3.0 : (j == 7) ? 3.5 :
        (j == 8) ? 4.0 : (j == 9) ? 4.5 : (j == 10) ? 5.0 : (j == 11) ? 5.5 :
        (j == 12) ? 6.0 : (j == 13) ? 6.5 : (j == 14) ? 7.0 : (j == 15) ? 7.5 :
        (j == 16) ? 8.0 : (j == 17) ? 8.5 : (j == 18) ? 9.0 : (j == 19) ? 9.5 :
        (j == 20) ? 10.0 : (j == 21) ? 10.5 : (j == 22) ? 11.0 : (j == 23) ? 11.5 : -1.0;
  initial begin
    for (j = 0; j < 26; j = j + 5)
      #1 $display("%0d %f", j, v);
  end
endmodule
// ---- expected output ----
//| 0 0.000000
//| 5 2.500000
//| 10 5.000000
//| 15 7.500000
//| 20 10.000000
//| 25 -1.000000
