// Direct NBAs whose readers may run again (runner.rs readers_recompute):
// a register stored by a zero-delay NBA and read only by pure combinational
// logic (`assign`, `always_comb`) is stored without comparing old and new,
// and its readers are marked to run after the NBA region every time. An
// extra run of such logic stores the values it stored, so what the readers
// compute, and the events they cause, must stay those of event semantics
// (IEEE 1800-2017 4.9.4, 10.3.2): `sum` and `parity` settle after every
// edge, X from a register that is not yet reset reaches them, a register
// that keeps its value (`hold`) wakes no `always @(sum)` counter, and a
// pipeline reads each stage's old value.
module t;
  reg clk = 0;
  reg rst = 1;
  reg [7:0] a, b, c;
  reg [7:0] hold;
  reg [3:0] step = 0;
  wire [7:0] sum = a + b + c;
  logic parity;
  integer sum_wakes = 0;
  integer hold_wakes = 0;
  wire [7:0] held = hold ^ 8'h0f;

  always_comb parity = ^{a, b, c};
  always @(sum) sum_wakes = sum_wakes + 1;
  always @(held) hold_wakes = hold_wakes + 1;

  always @(posedge clk) begin
    step <= step + 1;
    if (rst) a <= 8'd0;
    else a <= a + 8'd3;
    b <= a;
    c <= b;
    hold <= step < 3 ? 8'h55 : 8'h55;
  end

  always #5 clk = ~clk;

  always @(negedge clk) begin
    $display("%0t step=%0d a=%h b=%h c=%h sum=%h parity=%b held=%h wakes=%0d/%0d",
             $time, step, a, b, c, sum, parity, held, sum_wakes, hold_wakes);
    if (step == 2) rst <= 0;
    if (step == 9) $finish;
  end
endmodule
// ---- expected output ----
//| 10 step=1 a=00 b=xx c=xx sum=xx parity=x held=5a wakes=0/1
//| 20 step=2 a=00 b=00 c=xx sum=xx parity=x held=5a wakes=0/1
//| 30 step=3 a=03 b=00 c=00 sum=03 parity=0 held=5a wakes=1/1
//| 40 step=4 a=06 b=03 c=00 sum=09 parity=0 held=5a wakes=2/1
//| 50 step=5 a=09 b=06 c=03 sum=12 parity=0 held=5a wakes=3/1
//| 60 step=6 a=0c b=09 c=06 sum=1b parity=0 held=5a wakes=4/1
//| 70 step=7 a=0f b=0c c=09 sum=24 parity=0 held=5a wakes=5/1
//| 80 step=8 a=12 b=0f c=0c sum=2d parity=0 held=5a wakes=6/1
//| 90 step=9 a=15 b=12 c=0f sum=36 parity=1 held=5a wakes=7/1
