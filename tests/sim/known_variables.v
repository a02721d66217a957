// Four-state variables that never hold X or Z are stored without their
// unknown plane (crates/codegen/src/infer_known.rs): a clock and a reset
// with known initializers, a counter and a ring of registers fed only by
// them and by constants. Their values, their edges and every test of
// them for X must be what a four-state run gives; the variables that can
// get X (a zero divisor, an X operand, an out-of-range select, a part-
// select write into an X start) keep it.
module t;
  reg clk = 0, rst = 1;
  reg [7:0] n = 8'd0;
  reg [3:0] a = 4'd1, b = 4'd2;             // a ring: both known
  reg [7:0] q = 8'd9, d = 8'd0;             // q / d: X while d is 0
  reg [7:0] sel = 8'd0;                     // reads bits outside n: X
  reg [7:0] part = 8'd0;                    // a part-select write
  reg [7:0] fromx = 8'd0;                   // fed by an X-start register
  reg [7:0] u;                              // no initializer: X
  integer edges = 0;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    rst <= 0;
    n <= rst ? 8'd0 : {n[6:0], n[7] ^ n[5]} | {7'd0, n == 8'd0};
    a <= b;
    b <= a;
    d <= n;
    q <= 8'd200 / d;
    sel <= {n[3:0], n[9:6]};
    part[3:0] <= n[3:0];
    fromx <= u + 8'd1;
    if (n == 8'd4) u <= 8'd7;
  end
  always @(negedge clk) edges = edges + 1;
  always @(posedge clk) begin
    $display("%0t rst=%b n=%b a=%0d b=%0d q=%b sel=%b part=%b fromx=%b x?%b%b%b edges=%0d",
             $time, rst, n, a, b, q, sel, part, fromx, ^n === 1'bx, rst === 1'bx, clk !== 1'b1, edges);
    if (n === 8'bx || a === 4'bx) $display("unexpected X");
    if ($time > 60) $finish;
  end
endmodule
// ---- expected output ----
//| 5 rst=1 n=00000000 a=1 b=2 q=00001001 sel=00000000 part=00000000 fromx=00000000 x?000 edges=0
//| 15 rst=0 n=00000000 a=2 b=1 q=xxxxxxxx sel=0000xx00 part=00000000 fromx=xxxxxxxx x?000 edges=1
//| 25 rst=0 n=00000001 a=1 b=2 q=xxxxxxxx sel=0000xx00 part=00000000 fromx=xxxxxxxx x?000 edges=2
//| 35 rst=0 n=00000010 a=2 b=1 q=xxxxxxxx sel=0001xx00 part=00000001 fromx=xxxxxxxx x?000 edges=3
//| 45 rst=0 n=00000100 a=1 b=2 q=11001000 sel=0010xx00 part=00000010 fromx=xxxxxxxx x?000 edges=4
//| 55 rst=0 n=00001000 a=2 b=1 q=01100100 sel=0100xx00 part=00000100 fromx=xxxxxxxx x?000 edges=5
//| 65 rst=0 n=00010000 a=1 b=2 q=00110010 sel=1000xx00 part=00001000 fromx=00001000 x?000 edges=6
