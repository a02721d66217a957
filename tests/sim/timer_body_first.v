// A timer (a process looping around one constant delay) whose statements
// the runner could run in place gets a plain body function, which guest-rt
// calls at each step where the timer alone is due (codegen
// `runner::gen_timer_bodies`, guest-rt `run_timer_body`); a step where
// something else is due resumes the thread as before. Here the delay comes
// first and the body drives a clock and a counter (blocking), read by a
// combinational net and an edge block. A thread wakes at every other
// timer step (10, 20, ...: the general path) and the display thread
// between steps (never at a multiple of 5: a thread and the timer at one
// time run in an unspecified order).
module t;
  reg clk = 0;
  reg [7:0] ticks = 0;
  always #5 begin
    clk = ~clk;
    ticks = ticks + 1;
  end
  wire [7:0] sum = ticks + {7'd0, clk};
  reg [7:0] seen = 0;
  always @(posedge clk) seen <= sum;
  reg [7:0] hits = 0;
  initial repeat (6) #10 hits = hits + 1;
  initial begin
    #1 $display("%0t clk=%b ticks=%0d sum=%0d seen=%0d hits=%0d", $time, clk, ticks, sum, seen, hits);
    repeat (12) begin
      #6 $display("%0t clk=%b ticks=%0d sum=%0d seen=%0d hits=%0d", $time, clk, ticks, sum, seen, hits);
      #4 $display("%0t clk=%b ticks=%0d sum=%0d seen=%0d hits=%0d", $time, clk, ticks, sum, seen, hits);
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| 1 clk=0 ticks=0 sum=0 seen=0 hits=0
//| 7 clk=1 ticks=1 sum=2 seen=2 hits=0
//| 11 clk=0 ticks=2 sum=2 seen=2 hits=1
//| 17 clk=1 ticks=3 sum=4 seen=4 hits=1
//| 21 clk=0 ticks=4 sum=4 seen=4 hits=2
//| 27 clk=1 ticks=5 sum=6 seen=6 hits=2
//| 31 clk=0 ticks=6 sum=6 seen=6 hits=3
//| 37 clk=1 ticks=7 sum=8 seen=8 hits=3
//| 41 clk=0 ticks=8 sum=8 seen=8 hits=4
//| 47 clk=1 ticks=9 sum=10 seen=10 hits=4
//| 51 clk=0 ticks=10 sum=10 seen=10 hits=5
//| 57 clk=1 ticks=11 sum=12 seen=12 hits=5
//| 61 clk=0 ticks=12 sum=12 seen=12 hits=6
//| 67 clk=1 ticks=13 sum=14 seen=14 hits=6
//| 71 clk=0 ticks=14 sum=14 seen=14 hits=6
//| 77 clk=1 ticks=15 sum=16 seen=16 hits=6
//| 81 clk=0 ticks=16 sum=16 seen=16 hits=6
//| 87 clk=1 ticks=17 sum=18 seen=18 hits=6
//| 91 clk=0 ticks=18 sum=18 seen=18 hits=6
//| 97 clk=1 ticks=19 sum=20 seen=20 hits=6
//| 101 clk=0 ticks=20 sum=20 seen=20 hits=6
//| 107 clk=1 ticks=21 sum=22 seen=22 hits=6
//| 111 clk=0 ticks=22 sum=22 seen=22 hits=6
//| 117 clk=1 ticks=23 sum=24 seen=24 hits=6
//| 121 clk=0 ticks=24 sum=24 seen=24 hits=6
