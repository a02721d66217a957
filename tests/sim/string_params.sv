//! icarus_skip = "skip: iverilog 11 cannot parse `parameter string` (6.20.2)"
// String parameters (IEEE 1800-2017 6.20): untyped and typed localparams, a
// typed parameter with a default and with an override.
module m #(parameter string NAME = "dflt") ();
  initial $display("m: %s %0d", NAME, NAME.len());
endmodule
module t;
  localparam s1 = "foo";
  localparam string s2 = "bar";
  parameter string P = {"ab", "cd"};
  m #(.NAME("over")) u1();
  m u2();
  initial begin
    $display("%s %s %s", s1, s2, P);
    if (s2 == "bar") $display("eq");
  end
endmodule
// ---- expected output ----
//| m: over 4
//| m: dflt 4
//| foo bar abcd
//| eq
