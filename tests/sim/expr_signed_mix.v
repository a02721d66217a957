// Signedness (1364-2005 5.5): an expression is signed only if all operands
// are; one unsigned operand makes the whole expression unsigned, and sign
// extension happens after the type is decided.
module t;
  reg signed [7:0] s;
  reg [7:0] u;
  reg signed [15:0] r;
  integer i;
  initial begin
    s = -8'sd4; u = 8'd4;
    r = s;            $display("sext:      %0d", r);
    r = s + 1;        $display("s+1:       %0d", r);
    r = s + u;        $display("s+u:       %0d", r);
    r = s + $signed(u); $display("s+signed:  %0d", r);
    $display("s < u:     %b", s < u);
    $display("s < 1:     %b", s < 1);
    $display("s < 1'b1:  %b", s < 1'b1);
    i = -7;
    $display("i/2=%0d i%%2=%0d", i / 2, i % 2);
    $display("unsigned i/2: %0d", $unsigned(i) / 2);
    $finish;
  end
endmodule
// ---- expected output ----
//| sext:      -4
//| s+1:       -3
//| s+u:       256
//| s+signed:  0
//| s < u:     0
//| s < 1:     1
//| s < 1'b1:  0
//| i/2=-3 i%2=-1
//| unsigned i/2: 2147483644
