//! icarus_skip = "skip: Icarus 11 rejects output arguments of functions (IEEE 1800-2017 13.4 allows them); expected output checked with Verilator 5.006"
// SystemVerilog functions (IEEE 1800-2017 13.4): ANSI arguments, return
// statements, void functions, default argument values, output arguments.
module t;
  function automatic int clamp(int v, int lo = 0, int hi = 10);
    if (v < lo) return lo;
    if (v > hi) return hi;
    return v;
  endfunction
  function automatic void split(input logic [7:0] v, output logic [3:0] hi, output logic [3:0] lo);
    hi = v[7:4];
    lo = v[3:0];
  endfunction
  logic [3:0] h, l;
  initial begin
    $display("%0d %0d %0d %0d", clamp(-5), clamp(50), clamp(5), clamp(50, 0, 99));
    split(8'hC3, h, l);
    $display("%h %h", h, l);
    $finish;
  end
endmodule
// ---- expected output ----
//| 0 10 5 50
//| c 3
