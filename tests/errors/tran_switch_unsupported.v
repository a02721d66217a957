// Bidirectional switches need strength-aware resolution in both
// directions, which wsim does not model yet: named, not skipped.
module t;
  wire a, b;
  tran (a, b);
endmodule
