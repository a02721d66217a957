// $urandom and $urandom_range (IEEE 1800-2017 18.13): the values are
// simulator-specific, so only their ranges are checked.
module t;
  int unsigned u;
  int i, bad;
  initial begin
    bad = 0;
    for (i = 0; i < 200; i++) begin
      u = $urandom_range(10, 3);
      if (u < 3 || u > 10) bad++;
      u = $urandom_range(7);
      if (u > 7) bad++;
      u = $urandom() % 5;
      if (u > 4) bad++;
    end
    $display("out of range: %0d", bad);
    $finish;
  end
endmodule
// ---- expected output ----
//| out of range: 0
