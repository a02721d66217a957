// A run of statements with a known version (crates/codegen specialize.rs)
// stores a known value to an output without its unknown plane only when
// the guard found that plane 0 (`known_outputs`): `x` and `y` start X,
// turn known when `a` and `b` do, go X with an input and back again. (An
// input an assignment gives a constant X or Z is never guarded, so the X
// here comes from a register never written and the Z from an open wire.)
module known_outputs;
  reg clk = 0;
  reg [7:0] a, b;
  reg [7:0] x, y, p, q;
  reg [7:0] never;  // X all along: no assignment gives a constant X or Z
  wire [7:0] open;  // Z
  always @* begin
    x = (a + b) ^ (a - b);
    y = (a & b) | {7'd0, a == b};
  end
  always @(posedge clk) begin
    p <= (a + b) ^ (a - b);
    q <= (a | b) - (a & b);
  end
  always @(posedge clk) $display("%0t: a=%h b=%h x=%h y=%h p=%h q=%h", $time, a, b, x, y, p, q);
  always #5 clk = ~clk;
  initial begin
    #7 a = 8'h12;
    #10 b = 8'h34;
    #10 b = {4'h3, never[3:0]};
    #10 b = 8'h56;
    #10 a = open;
    #10 a = 8'h77;
    #20 $finish;
  end
endmodule

// ---- expected output ----
//| 5: a=xx b=xx x=xx y=xx p=xx q=xx
//| 15: a=12 b=xx x=xx y=XX p=xx q=xx
//| 25: a=12 b=34 x=98 y=10 p=xx q=xx
//| 35: a=12 b=3x x=xx y=1X p=98 q=26
//| 45: a=12 b=56 x=d4 y=12 p=xx q=xx
//| 55: a=zz b=56 x=xx y=XX p=d4 q=44
//| 65: a=77 b=56 x=ec y=56 p=xx q=xx
//| 75: a=77 b=56 x=ec y=56 p=ec q=21
