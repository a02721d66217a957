// $dist_uniform and $dist_normal with a seed (1364-2005 17.9.2): defined
// by the standard's C code, so the sequences are portable.
module t;
  integer seed, i;
  initial begin
    seed = 1;
    for (i = 0; i < 4; i = i + 1) $write("%0d ", $dist_uniform(seed, 0, 99));
    $display("");
    seed = 5;
    for (i = 0; i < 4; i = i + 1) $write("%0d ", $dist_normal(seed, 100, 10));
    $display("");
    $finish;
  end
endmodule
// ---- expected output ----
//| 0 11 76 17 
//| 96 104 96 102 
