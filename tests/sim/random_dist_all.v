// The other $dist_* functions (IEEE 1364-2005 17.9.2/17.9.3): exponential,
// poisson, chi_square, t and erlang, each advancing its seed variable like
// the standard's C code; a parameter out of range prints a warning and
// returns 0.
module t;
  integer seed, i;
  reg [31:0] rseed;
  initial begin
    seed = 7;
    for (i = 0; i < 6; i = i + 1) $write("%0d ", $dist_exponential(seed, 50));
    $display("| seed=%0d", seed);
    seed = 3;
    for (i = 0; i < 6; i = i + 1) $write("%0d ", $dist_poisson(seed, 4));
    $display("| seed=%0d", seed);
    seed = -11;
    for (i = 0; i < 6; i = i + 1) $write("%0d ", $dist_chi_square(seed, 5));
    $display("| seed=%0d", seed);
    seed = 100;
    for (i = 0; i < 6; i = i + 1) $write("%0d ", $dist_t(seed, 3));
    $display("| seed=%0d", seed);
    seed = 42;
    for (i = 0; i < 6; i = i + 1) $write("%0d ", $dist_erlang(seed, 3, 20));
    $display("| seed=%0d", seed);
    rseed = 32'hdeadbeef;
    for (i = 0; i < 6; i = i + 1) $write("%0d ", $dist_normal(rseed, -50, 30));
    $display("| rseed=%h", rseed);
    seed = 9;
    for (i = 0; i < 6; i = i + 1) $write("%0d ", $dist_uniform(seed, -1000, 1000));
    $display("| seed=%0d", seed);
    $display("%0d %0d", $dist_uniform(seed, 5, 5), $dist_uniform(seed, 9, 2));
    $display("%0d", $dist_exponential(seed, 0));
    $display("%0d", $dist_poisson(seed, -1));
    $display("%0d %0d seed=%0d", $dist_t(seed, 0), $dist_erlang(seed, 0, 5), seed);
    $finish;
  end
endmodule
// ---- expected output ----
//| 455 13 19 19 71 10 | seed=-809111543
//| 0 2 7 5 2 6 | seed=959070503
//| 14 4 6 3 4 1 | seed=-532494131
//| 1 0 -2 0 1 -1 | seed=512359376
//| 56 20 20 28 26 13 | seed=1547846200
//| -20 -60 -37 -108 -5 -75 | rseed=be04c029
//| -1000 994 964 30 372 571 | seed=-921104773
//| 5 9
//| WARNING: Exponential distribution must have a positive mean
//| 0
//| WARNING: Poisson distribution must have a positive mean
//| 0
//| WARNING: t distribution must have a positive degree of freedom
//| WARNING: K-stage erlangian distribution must have a positive k
//| 0 0 seed=-921104773
