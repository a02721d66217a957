// localparam (1364-2005 12.2) cannot be overridden; it may depend on
// parameters, so overriding the parameter changes it.
module m #(parameter N = 3) ();
  localparam SQ = N * N;
  localparam [7:0] MASK = (1 << N) - 1;
  initial #N $display("N=%0d SQ=%0d MASK=%b", N, SQ, MASK);
endmodule
module t;
  m a();
  m #(5) b();
  initial #10 $finish;
endmodule
// ---- expected output ----
//| N=3 SQ=9 MASK=00000111
//| N=5 SQ=25 MASK=00011111
