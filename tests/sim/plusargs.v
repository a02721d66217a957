//! args = ["+VERBOSE", "+SEED=1234", "+NAME=wsim", "+HEX=ff", "+RATE=2.5"]
// $test$plusargs and $value$plusargs (1364-2005 17.10) read the run-time
// `+` arguments; a prefix match counts; missing ones return 0.
module t;
  integer seed, hex;
  reg [8*8:1] name;
  real rate;
  initial begin
    if ($test$plusargs("VERBOSE")) $display("verbose on");
    if ($test$plusargs("VERB")) $display("prefix VERB matches too");
    if (!$test$plusargs("QUIET")) $display("no quiet");
    if ($value$plusargs("SEED=%d", seed)) $display("seed=%0d", seed);
    if ($value$plusargs("NAME=%s", name)) $display("name=%0s", name);
    if ($value$plusargs("HEX=%h", hex)) $display("hex=%0d", hex);
    if ($value$plusargs("RATE=%f", rate)) $display("rate=%f", rate);
    if (!$value$plusargs("MISSING=%d", seed)) $display("missing: seed still %0d", seed);
    $finish;
  end
endmodule
// ---- expected output ----
//| verbose on
//| prefix VERB matches too
//| no quiet
//| seed=1234
//| name=wsim
//| hex=255
//| rate=2.500000
//| missing: seed still 1234
