//! icarus_skip = "skip: neither Icarus 11 nor Verilator 5.006 has randsequence; the expected lines follow IEEE 1800-2017 18.17.5 by hand (all six interleavings of AB and CD, nothing else)"
// rand join (IEEE 1800-2017 18.17.5): the items of the joined productions
// run interleaved, each production's items in their own order; a `return`
// ends only its own sequence.
module t;
  string log;
  bit [5:0] seen;  // which of the 6 interleavings of AB and CD occurred
  int bad;
  initial begin
    bad = 0;
    repeat (400) begin
      log = "";
      randsequence (main)
        main : rand join (0.5) s1 s2;
        s1 : A B;
        s2 : C D;
        A : { log = {log, "A"}; };
        B : { log = {log, "B"}; };
        C : { log = {log, "C"}; };
        D : { log = {log, "D"}; };
      endsequence
      case (log)
        "ABCD": seen[0] = 1;
        "ACBD": seen[1] = 1;
        "ACDB": seen[2] = 1;
        "CABD": seen[3] = 1;
        "CADB": seen[4] = 1;
        "CDAB": seen[5] = 1;
        default: bad++;
      endcase
    end
    $display("interleavings seen: %b, others: %0d", seen, bad);
    log = "";
    randsequence (main)
      main : rand join first second;
      first : { log = {log, "1"}; } { return; } { log = {log, "never"}; };
      second : { log = {log, "2"}; } { log = {log, "3"}; };
    endsequence
    $display("%0d %s", log.len(), log.len() == 3 ? "ok" : log);
  end
endmodule
// ---- expected output ----
//| interleavings seen: 111111, others: 0
//| 3 ok
