//! icarus_skip = "skip: Icarus 11 does not support name() in $display arguments; expected output checked with Verilator 5.006"
// Enumerations (IEEE 1800-2017 6.19): explicit and implicit values, and the
// methods first/last/next/prev/num/name, with next wrapping around.
module t;
  typedef enum logic [2:0] {IDLE, RUN = 3, WAIT, DONE = 7} state_t;
  state_t s;
  initial begin
    s = s.last();
    $display("num=%0d last=%s (%0d)", s.num(), s.name(), s);
    s = s.first();
    $display("first=%s (%0d)", s.name(), s);
    repeat (5) begin
      s = s.next();
      $display("next -> %s = %0d", s.name(), s);
    end
    s = WAIT;
    s = s.prev();
    $display("prev of WAIT: %s", s.name());
    s = s.next(2);
    $display("RUN.next(2): %s", s.name());
    $display("%0d %b", RUN + 1, s == DONE);
    $finish;
  end
endmodule
// ---- expected output ----
//| num=4 last=DONE (7)
//| first=IDLE (0)
//| next -> RUN = 3
//| next -> WAIT = 4
//| next -> DONE = 7
//| next -> IDLE = 0
//| next -> RUN = 3
//| prev of WAIT: RUN
//| RUN.next(2): DONE
//| 4 1
