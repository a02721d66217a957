//! kind = "compile-error"
// randsequence productions are expanded inline: recursion, value-returning
// productions and joined productions with arguments are named, and an
// unknown production is an error.
module t;
  initial
    randsequence (main)
      main : a b | c | rand join e f;
      a : b;
      b : a;
      int c : { return 1; };
      d : nothere;
      e : { };
      f(int x) : { };
    endsequence
endmodule
// ---- expected output ----
//| randsequence_unsupported.sv:12:11: error[E0206]: `nothere` is not a production of this randsequence
//|  12 |       d : nothere;
//|     |           ^^^^^^^
//| randsequence_unsupported.sv:10:11: error[E0202]: recursive randsequence production `a` is not supported
//|  10 |       b : a;
//|     |           ^
//| randsequence_unsupported.sv:9:11: error[E0202]: recursive randsequence production `b` is not supported
//|  9 |       a : b;
//|    |           ^
//| randsequence_unsupported.sv:11:11: error[E0202]: randsequence production `c` returns a value, which is not supported
//|  11 |       int c : { return 1; };
//|     |           ^
//| randsequence_unsupported.sv:8:36: error[E0202]: `rand join` of production `f`, which takes arguments, is not supported
//|  8 |       main : a b | c | rand join e f;
//|    |                                    ^
