// A static function keeps its variables between calls (1364-2005 10.4.1),
// so a reader that calls one must run exactly when its inputs change.
// `always @* y = bump(lo)` waits on the wire `lo`; wire substitution
// (crates/opt/src/substitute_wires.rs) would have it read `ir[3:0]` and
// wait on all of `ir`, which is harmless for a function of its arguments
// alone but here ran `bump` again on each change of `ir[7:4]` and moved
// its counter (crates/opt/src/stateless.rs). `twice` writes before it
// reads and reads `ir`'s bits in place.
module top;
  reg [7:0] ir;
  wire [3:0] lo = ir[3:0];
  reg [7:0] y, z;
  function [7:0] bump(input [3:0] x);
    reg [7:0] n;
    begin
      if (n === 8'bx) n = 0;
      n = n + 1;
      bump = {x, n[3:0]};
    end
  endfunction
  function [7:0] twice(input [3:0] x);
    reg [7:0] t;
    begin
      t = {4'd0, x};
      twice = t + t;
    end
  endfunction
  always @* y = bump(lo);
  always @* z = twice(lo);
  initial begin
    ir = 8'h01;
    #1 $display("%h %h", y, z);
    ir = 8'h81;
    #1 $display("%h %h", y, z);
    ir = 8'h82;
    #1 $display("%h %h", y, z);
    ir = 8'h42;
    #1 $display("%h %h", y, z);
    ir = 8'h43;
    #1 $display("%h %h", y, z);
  end
endmodule
// ---- expected output ----
//| 11 02
//| 11 02
//| 22 04
//| 22 04
//| 33 06
