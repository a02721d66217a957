// Constant functions (1364-2005 10.4.5) evaluated at elaboration to size
// a vector and set a parameter.
module t;
  function integer log2up;
    input integer value;
    integer v;
    begin
      log2up = 0;
      for (v = value - 1; v > 0; v = v >> 1)
        log2up = log2up + 1;
    end
  endfunction
  parameter DEPTH = 20;
  localparam AW = log2up(DEPTH);
  reg [AW-1:0] addr;
  initial begin
    addr = -1;
    $display("DEPTH=%0d AW=%0d addr=%b", DEPTH, AW, addr);
    $display("log2up(1)=%0d log2up(64)=%0d log2up(65)=%0d", log2up(1), log2up(64), log2up(65));
    $finish;
  end
endmodule
// ---- expected output ----
//| DEPTH=20 AW=5 addr=11111
//| log2up(1)=0 log2up(64)=6 log2up(65)=7
