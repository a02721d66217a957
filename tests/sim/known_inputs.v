// A static body with a known version (crates/codegen/src/specialize.rs):
// it runs when none of the signals the body reads holds X or Z, the
// general version otherwise. Both must give the 4-state results.
module t;
  reg clk = 0;
  reg [7:0] a, b;
  reg [3:0] op;
  reg [7:0] y, z;
  reg [7:0] q, r;
  reg lt;
  // combinational: reads a, b and op (guarded); z reads y, which the
  // body writes itself (not assumed known: a / 0 makes it X)
  always @* begin
    case (op)
      4'd0: y = a + b;
      4'd1: y = a - b;
      4'd2: y = (a < b) ? a : b;
      4'd3: y = a / b;
      4'd4: y = a % b;
      default: y = a == b ? 8'h55 : {a[3:0], b[7:4]};
    endcase
    z = y + 8'd1;
    lt = $signed(a) < $signed(b);
  end
  // clocked: reads q, its own nonblocking target, and the inputs
  always @(posedge clk) begin
    q <= (a ^ b) + (a & b) + (op == 4'd2 ? a : b);
    r <= q + (lt ? 8'd3 : 8'd7);
  end
  task tick;
    begin
      #5 clk = 1;
      #5 clk = 0;
      $display("op=%h a=%h b=%h y=%h z=%h lt=%b q=%h r=%h", op, a, b, y, z, lt, q, r);
    end
  endtask
  initial begin
    tick;
    op = 4'd0; a = 8'h12; tick;
    b = 8'h34; tick;
    tick;
    op = 4'd1; tick;
    op = 4'd2; tick;
    op = 4'd3; tick;
    b = 8'h00; tick;
    op = 4'd4; tick;
    b = 8'hx0; tick;
    b = 8'h07; tick;
    op = 4'd9; a = 8'h07; tick;
    a = 8'hz7; tick;
    a = 8'hf0; b = 8'h10; tick;
    tick;
    $finish;
  end
endmodule
// ---- expected output ----
//| op=x a=xx b=xx y=xx z=xx lt=x q=xx r=xx
//| op=0 a=12 b=xx y=xx z=xx lt=x q=xx r=xx
//| op=0 a=12 b=34 y=46 z=47 lt=1 q=6a r=xx
//| op=0 a=12 b=34 y=46 z=47 lt=1 q=6a r=6d
//| op=1 a=12 b=34 y=de z=df lt=1 q=6a r=6d
//| op=2 a=12 b=34 y=12 z=13 lt=1 q=48 r=6d
//| op=3 a=12 b=34 y=00 z=01 lt=1 q=6a r=4b
//| op=3 a=12 b=00 y=xx z=xx lt=0 q=12 r=71
//| op=4 a=12 b=00 y=xx z=xx lt=0 q=12 r=19
//| op=4 a=12 b=x0 y=xx z=xx lt=x q=xx r=xx
//| op=4 a=12 b=07 y=04 z=05 lt=0 q=1e r=xx
//| op=9 a=07 b=07 y=55 z=56 lt=0 q=0e r=25
//| op=9 a=z7 b=07 y=XX z=xx lt=x q=xx r=xx
//| op=9 a=f0 b=10 y=01 z=02 lt=1 q=00 r=xx
//| op=9 a=f0 b=10 y=01 z=02 lt=1 q=00 r=03
