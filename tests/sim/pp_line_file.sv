//! icarus = "differs: Icarus 11 ignores `line; IEEE 1800-2017 22.12 says the next line is line 100 of renamed.sv"
//! icarus_output = ["line 7", "file pp_line_file.sv", "line 10 in pp_line_file.sv"]
// `__LINE__ and `__FILE__ (IEEE 1800-2017 22.13) expand to the current
// source line and file name; `line (22.12) renumbers what follows.
module t;
  initial begin
    $display("line %0d", `__LINE__);
    $display("file %s", `__FILE__);
`line 100 "renamed.sv" 0
    $display("line %0d in %s", `__LINE__, `__FILE__);
    $finish;
  end
endmodule
// ---- expected output ----
//| line 7
//| file pp_line_file.sv
//| line 100 in renamed.sv
