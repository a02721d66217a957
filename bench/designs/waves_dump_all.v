// A second top for the waves benchmark (bench/run.py --only waves): it asks
// for the whole picorv32 testbench to be dumped from time 0, so the run
// with `--waves=vcd|fst --waves-file F` writes every signal of the design.
module waves_dump_all;
  initial $dumpvars(0, tb_picorv32);
endmodule
