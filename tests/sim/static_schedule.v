// Statically scheduled processes (crates/codegen/src/schedule.rs: one
// event control, fixed triggers, levelized) keep event semantics: a chain
// of continuous assignments written consumer first settles within the time
// step; an edge-triggered block reads the values from before the
// nonblocking updates (IEEE 1800-2017 10.4.2); a process misses the events
// it causes itself while it runs, as it only waits again after its body
// (9.4.2), so `s` below counts once when `go` rises (Verilator 5.006 stops
// here: "Active region did not converge"); an asynchronous reset acts on
// its negative edge.
module t;
  reg clk = 0, rst_n = 1, go = 0;
  reg [3:0] a = 0, s = 0;
  wire [3:0] b, c, d;
  reg [3:0] q = 0, r = 0;
  assign d = c + 4'd1;
  assign c = b << 1;
  assign b = a ^ 4'h5;
  always @(go or s) if (go) s = s + 4'd1;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin q <= 0; r <= 0; end
    else begin q <= d; r <= q; end
  initial begin
    #1 a = 3;
    #1 $display("b=%h c=%h d=%h s=%0d", b, c, d, s);
    #1 clk = 1; #1 clk = 0;
    $display("q=%h r=%h", q, r);
    #1 a = 7; go = 1;
    #1 clk = 1; #1 clk = 0;
    $display("q=%h r=%h d=%h s=%0d", q, r, d, s);
    #1 rst_n = 0;
    #1 $display("q=%h r=%h", q, r);
    $finish;
  end
endmodule
// ---- expected output ----
//| b=6 c=c d=d s=0
//| q=d r=0
//| q=5 r=d d=5 s=1
//| q=0 r=0
