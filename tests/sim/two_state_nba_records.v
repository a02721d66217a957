//! compile_args = ["--two-state"]
// --two-state through NBA shadow records and the copies of old values
// (crates/codegen/src/direct_nbas.rs): their unknown plane is never
// stored, loaded or compared, so the values and the events they wake must
// be those of a four-state run. No operand is X or Z, so Icarus (four-state)
// prints the same.
module t;
  reg clk = 0;
  reg [7:0] a = 8'd1, b = 8'd2;  // swapped each edge: one is read from a copy
  reg [7:0] n = 0, seen = 0;     // `seen` reads `n` after its NBA: a copy
  reg [15:0] p = 16'h00ff;       // part-select NBAs into a record
  reg [3:0] r = 4'd5;            // two NBAs in a step, the last restores
  integer wakes = 0, cycle = 0;
  always #5 clk = ~clk;
  always @(posedge clk) a <= b;
  always @(posedge clk) b <= a;
  always @(posedge clk) begin
    n <= n + 8'd3;
    seen <= n;
  end
  always @(posedge clk) begin
    p[7:0] <= p[15:8];
    p[15:8] <= p[7:0] + 8'd1;
  end
  always @(posedge clk) begin
    r <= r + 4'd1;
    r <= r;
  end
  // each NBA is an update event (IEEE 1800-2017 4.9.4, 10.4.2): `r`
  // goes to r+1 and back in every step, which wakes this once per edge
  // (it starts after time 0, away from the race with `r`'s initializer)
  initial #1 forever @(r) wakes = wakes + 1;
  always @(negedge clk) begin
    cycle = cycle + 1;
    $display("%0d: a=%0d b=%0d n=%0d seen=%0d p=%h r=%0d wakes=%0d", cycle, a, b, n, seen, p, r, wakes);
    if (cycle == 5) $finish;
  end
endmodule
// ---- expected output ----
//| 1: a=2 b=1 n=3 seen=0 p=0000 r=5 wakes=1
//| 2: a=1 b=2 n=6 seen=3 p=0100 r=5 wakes=2
//| 3: a=2 b=1 n=9 seen=6 p=0101 r=5 wakes=3
//| 4: a=1 b=2 n=12 seen=9 p=0201 r=5 wakes=4
//| 5: a=2 b=1 n=15 seen=12 p=0202 r=5 wakes=5
