//! icarus_skip = "skip: neither Icarus 11 nor Verilator 5.006 has randsequence; the expected lines follow IEEE 1800-2017 18.17 by hand (18.17.6: `return` skips the rest of `tail`, `break` the rest of the statement)"
// randsequence (IEEE 1800-2017 18.17): productions run in order, rules
// are chosen by weight, if/case/repeat productions, arguments with
// defaults, `return` leaves the production, `break` the whole statement.
module t;
  string log;
  int n;

  task automatic run_once(int mode);
    randsequence (top)
      top : head body tail;
      head : { log = {log, "H"}; };
      body : if (mode == 1) one else other
           | never := 0;
      one : case (mode) 0: other; 1, 2: add("1"); default: other; endcase;
      other : repeat (3) add();
      void add(string s = "o") : { log = {log, s}; };
      never : { log = {log, "NEVER"}; };
      tail : { if (mode == 2) return; log = {log, "T"}; } stop { log = {log, "X"}; };
      stop : { if (mode == 3) break; log = {log, "S"}; };
    endsequence
    log = {log, "|"};
  endtask

  initial begin
    log = "";
    run_once(1);
    run_once(0);
    run_once(2);
    run_once(3);
    $display("%s", log);
    // Weighted rules: 1:3 over 4000 draws.
    n = 0;
    repeat (4000)
      randsequence ()
        pick : a := 1 | b := 3;
        a : { n++; };
        b : { };
      endsequence
    $display("weights ok: %0d", n > 800 && n < 1200);
  end
endmodule
// ---- expected output ----
//| H1TSX|HoooTSX|Hooo|HoooT|
//| weights ok: 1
