// The static runner (crates/codegen/src/runner.rs) runs small static
// process bodies in place and calls the others, in chunks of functions and
// pending words of 64 processes. Here 150 cells give 300 static processes
// (five pending words, several chunks): each cell is a clocked block and a
// continuous assignment; every tenth cell also has a block with a system
// task, which keeps its call (it never prints: same-time prints from
// several processes come in an unspecified order). A combinational loop that settles crosses the order (its
// consumer runs first, so it needs a second pass), and a `for` loop and a
// function call run inside an inlined body.
module unit_cell #(parameter K = 0) (input clk, input rst, input [15:0] in, output [15:0] out);
  reg [15:0] acc;
  function [15:0] mix(input [15:0] a, input [15:0] b);
    mix = {a[7:0], a[15:8]} ^ (b + K);
  endfunction
  always @(posedge clk)
    if (rst) acc <= K;
    else acc <= mix(acc, in);
  assign out = acc + 1;
  if (K % 10 == 0) begin : g_print
    always @(posedge clk)
      if (!rst && acc === 16'hxxxx) $display("cell %0d lost its value", K);
  end
endmodule

module t;
  localparam N = 150;
  reg clk = 0, rst = 1;
  wire [15:0] w [0:N];
  assign w[0] = 16'h1234;
  genvar i;
  for (i = 0; i < N; i = i + 1) begin : g
    unit_cell #(.K(i)) c (.clk(clk), .rst(rst), .in(w[i]), .out(w[i + 1]));
  end

  // a loop that settles: b follows a, a = start | (b & hold)
  reg start = 0, hold = 1;
  wire a, b;
  assign b = a;
  assign a = start | (b & hold);

  reg [15:0] folded;
  integer k;
  always @* begin
    folded = 0;
    for (k = 0; k <= N; k = k + 10) folded = folded ^ w[k];
  end

  always #5 clk = ~clk;
  always @(negedge clk) $display("%0t: w[1]=%h w[77]=%h w[N]=%h folded=%h", $time, w[1], w[77], w[N], folded);
  initial begin
    #12 rst = 0;
    #40 start = 1;
    #10 start = 0;
    #20 hold = 0;
    #100 $display("end a=%b b=%b folded=%h w[N]=%h", a, b, folded, w[N]);
    $finish;
  end
  always @(a) #1 $display("a=%b b=%b at %0t", a, b, $time);
endmodule
// ---- expected output ----
//| 10: w[1]=0001 w[77]=004d w[N]=0096 folded=12b4
//| 20: w[1]=1235 w[77]=4c99 w[N]=942b folded=8c0b
//| 30: w[1]=2627 w[77]=d3b0 w[N]=bf2b folded=b337
//| 40: w[1]=3413 w[77]=732c w[N]=907c folded=a72c
//| 50: w[1]=0001 w[77]=5e00 w[N]=e00c folded=1482
//| a=1 b=1 at 53
//| 60: w[1]=1235 w[77]=8ddc w[N]=9036 folded=1713
//| 70: w[1]=2627 w[77]=a5d8 w[N]=9042 folded=ce17
//| 80: w[1]=3413 w[77]=8dc4 w[N]=fcae folded=78b4
//| a=0 b=0 at 83
//| 90: w[1]=0001 w[77]=87bc w[N]=c805 folded=3012
//| 100: w[1]=1235 w[77]=ab4e w[N]=99ba folded=e12a
//| 110: w[1]=2627 w[77]=2eba w[N]=f83a folded=5a08
//| 120: w[1]=3413 w[77]=1875 w[N]=b81a folded=a256
//| 130: w[1]=0001 w[77]=19c3 w[N]=abba folded=c205
//| 140: w[1]=1235 w[77]=937f w[N]=7fd3 folded=a79c
//| 150: w[1]=2627 w[77]=1422 w[N]=4b53 folded=15dc
//| 160: w[1]=3413 w[77]=1192 w[N]=e44f folded=9fa1
//| 170: w[1]=0001 w[77]=d1b4 w[N]=f9ce folded=dd12
//| 180: w[1]=1235 w[77]=0143 w[N]=fbb0 folded=15fb
//| end a=0 b=0 folded=15fb w[N]=fbb0
