// Loops of clocked and combinational blocks whose variable takes a short
// list of known values are generated once per value (crate::unroll): the
// variable reads as a constant in each copy, `a[k]` is a fixed element,
// and the variable ends with the value the loop leaves. Covers X
// elements, reversed and out-of-range indices, a step of -2, nested
// loops, loops that run once or never, NBAs in a loop, and the variable
// in a wide expression.
module top;
  reg clk = 0;
  reg [7:0] mem [0:7];
  reg [7:0] rev [7:0];
  reg [7:0] x, found, oob, byc;
  reg [99:0] wide;
  reg [15:0] grid;
  integer i, j, k, once, never, last_i;
  always @* begin
    x = 0;
    for (i = 0; i < 8; i = i + 1) x = x ^ mem[i];
    found = 8'hff;
    for (j = 6; j >= 2; j = j - 2) if (mem[j] == 8'h44) found = j;
    oob = 0;
    for (k = 6; k < 10; k = k + 1) oob = oob + mem[k];
  end
  always @* begin
    wide = 0;
    for (once = 3; once < 4; once = once + 1) wide = wide | (100'h1 << (once * 30));
    for (never = 5; never < 2; never = never + 1) wide = 100'hx;
    byc = 0;
    for (last_i = 0; last_i < 4; last_i = last_i + 1)
      case (rev[last_i])
        8'h00: byc = byc + 1;
        8'h01, 8'h02: byc = byc + 8'h10;
        default: byc = byc + 8'h40;
      endcase
  end
  integer r, c;
  always @(posedge clk) begin
    for (r = 0; r < 4; r = r + 1)
      for (c = 0; c < 4; c = c + 1)
        grid[r * 4 + c] <= (r == c) ^ grid[c * 4 + r];
    for (r = 0; r < 8; r = r + 1) rev[r] <= r[7:0];
  end
  integer n;
  initial begin
    grid = 16'h1234;
    for (n = 0; n < 8; n = n + 1) mem[n] = n * 8'h11;
    #1 $display("x=%h found=%0d oob=%h i=%0d j=%0d k=%0d", x, found, oob, i, j, k);
    $display("wide=%h once=%0d never=%0d byc=%h last_i=%0d", wide, once, never, byc, last_i);
    mem[3] = 8'h0x;
    mem[4] = 8'hx4;
    mem[6] = 8'h44;
    #1 $display("x=%h found=%0d oob=%h", x, found, oob);
    clk = 1;
    #1 $display("grid=%h r=%0d c=%0d byc=%h", grid, r, c, byc);
    $display("wide=%h once=%0d never=%0d last_i=%0d", wide, once, never, last_i);
    clk = 0;
    #1 clk = 1;
    #1 $display("grid=%h rev[5]=%h", grid, rev[5]);
  end
endmodule
// ---- expected output ----
//| x=00 found=4 oob=xx i=8 j=0 k=10
//| wide=xxxxxxxxxxxxxxxxxxxxxxxxx once=x never=x byc=xx last_i=x
//| x=xx found=6 oob=xx
//| grid=854b r=8 c=4 byc=61
//| wide=0040000000000000000000000 once=4 never=5 last_i=4
//| grid=1234 rev[5]=05
