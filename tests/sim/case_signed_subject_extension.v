//! icarus = "differs: Icarus 11 matches the 3-bit signed 3'sb111 against 8'b00001111 (in a case of that one label), and x-extends $unsigned(2'sbxx) to match 8'b01011000 in a casex; IEEE 1800-2017 12.5 and 11.8.2 zero-extend it to 8'b00000111 (the unsigned label makes the comparison unsigned). Verilator 5 sign-extends it to 8'b11111111, also wrong."
//! icarus_output = ["00001111: 1", "11111111: 0", "00000111: 1", "signed 11111111: 1", "casex unsigned xx: 1"]
// A case compares its subject and labels as the operands of one equality
// (IEEE 1800-2017 12.5): one width, and signed only if all are signed
// (11.8.1). A signed operand in an unsigned comparison is zero-extended:
// the conversion to the propagated type comes first (11.8.2). Found by
// tests/random_rtl.rs.
module top;
  reg signed [2:0] s;
  reg hit;
  initial begin
    s = 3'sb111;
    // one label each: the comparison is that of `s == label`
    hit = 0;
    case (s)
      8'b00001111: hit = 1;
    endcase
    $display("00001111: %0d", hit);
    hit = 0;
    case (s)
      8'b11111111: hit = 1;
    endcase
    $display("11111111: %0d", hit);
    hit = 0;
    case (s)
      8'b00000111: hit = 1;
    endcase
    $display("00000111: %0d", hit);
    // all signed: sign-extended
    hit = 0;
    case (s)
      8'sb11111111: hit = 1;
    endcase
    $display("signed 11111111: %0d", hit);
    // `$unsigned(s)` is unsigned whatever the labels: zero-extended
    s = 2'sbxx;
    hit = 0;
    casex ($unsigned(s))
      8'b01011000: hit = 1;
    endcase
    $display("casex unsigned xx: %0d", hit);
  end
endmodule
// ---- expected output ----
//| 00001111: 0
//| 11111111: 0
//| 00000111: 1
//| signed 11111111: 1
//| casex unsigned xx: 0
