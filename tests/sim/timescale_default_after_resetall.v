//! compile_args = ["--timescale=1us/1ns", "--timescale=1ns/1ps"]
//! icarus_skip = "skip: Icarus takes a default timescale only from a +timescale+ line in a -f command file, which this harness does not write; checked by hand with iverilog -f (+timescale+1ns/1ps): same three lines"
// `--timescale` is the default of every module without a `timescale,
// also after `resetall` (as in Icarus and Verilator); given twice, the
// last one wins.
module t;
  initial begin
    $printtimescale(t);
    $printtimescale(given);
    $printtimescale(after_reset);
  end
endmodule

`timescale 1ms/1ms
module given;
endmodule

`resetall
module after_reset;
endmodule
// ---- expected output ----
//| Time scale of (t) is 1ns / 1ps
//| Time scale of (given) is 1ms / 1ms
//| Time scale of (after_reset) is 1ns / 1ps
