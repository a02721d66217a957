// Conditional compilation (1364-2005 19.4): `ifdef/`ifndef/`elsif/`else,
// nesting, and `undef removing a definition.
`define ALPHA
`define GAMMA 3
module t;
  initial begin
`ifdef ALPHA
    $display("alpha defined");
`else
    $display("alpha missing");
`endif
`ifdef BETA
    $display("beta");
`elsif GAMMA
    $display("gamma = %0d", `GAMMA);
`else
    $display("neither");
`endif
`ifndef BETA
  `ifdef ALPHA
    $display("nested: no beta, alpha");
  `endif
`endif
`undef ALPHA
`ifdef ALPHA
    $display("alpha still defined");
`else
    $display("alpha undefined now");
`endif
    $finish;
  end
endmodule
// ---- expected output ----
//| alpha defined
//| gamma = 3
//| nested: no beta, alpha
//| alpha undefined now
