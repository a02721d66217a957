// Two registers swapped by nonblocking assignments in one clocked block:
// whichever comes first, the other reads the old value, X and Z bits
// included. The runner copies `a` aside before the block (crates/codegen
// lower.rs, `copy_old_values`: both planes in one v128 move).
module nba_swap_planes;
  reg clk = 0;
  reg [7:0] a;
  reg [7:0] b = 8'b1x0z_0011;
  reg [7:0] s = 0;
  reg [3:0] n = 0;
  always @(posedge clk) begin
    a <= (n == 4'd2) ? 8'hc3 : b;
    b <= (n == 4'd3) ? 8'bzzzz_xx01 : a;
    n <= n + 4'd1;
  end
  always @(posedge clk) s <= s + 8'd1;
  always @(posedge clk) $display("%0t: n=%0d a=%b b=%b", $time, n, a, b);
  always #5 clk = ~clk;
  initial #72 $finish;
endmodule

// ---- expected output ----
//| 5: n=0 a=xxxxxxxx b=1x0z0011
//| 15: n=1 a=1x0z0011 b=xxxxxxxx
//| 25: n=2 a=xxxxxxxx b=1x0z0011
//| 35: n=3 a=11000011 b=xxxxxxxx
//| 45: n=4 a=xxxxxxxx b=zzzzxx01
//| 55: n=5 a=zzzzxx01 b=xxxxxxxx
//| 65: n=6 a=xxxxxxxx b=zzzzxx01
