// $random with a seed variable (1364-2005 17.9.1): the sequence is fixed
// by the standard's algorithm, so it is the same in every simulator; the
// seed variable is updated on each call.
module t;
  integer seed, i, r;
  initial begin
    seed = 42;
    for (i = 0; i < 5; i = i + 1) begin
      r = $random(seed);
      $display("r=%0d seed=%0d", r, seed);
    end
    seed = -7;
    r = $random(seed); $display("%h", r);
    r = $random(seed); $display("%h", r);
    $display("mod: %0d", $random(seed) % 10);
    $finish;
  end
endmodule
// ---- expected output ----
//| r=-2144582656 seed=2900899
//| r=646214477 seed=-1501269880
//| r=38602500 seed=-2108881687
//| r=-975846261 seed=1171637142
//| r=179453717 seed=-1968030433
//| 7ff8a1ff
//| b995d473
//| mod: 4
