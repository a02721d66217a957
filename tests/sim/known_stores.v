// Stores in the known version of a clocked block (crate::specialize): a
// register the block reads in place (the guard found its unknown plane 0)
// and stores by one statement of the run keeps that plane 0 through a
// store of a known value, which then leaves it unwritten
// (Lower::bval_zero). X comes from a missing reset, a division by zero in
// the known version (quot: its plane must be written), and a register
// stored twice in a run, an X and then a known value that must clear the
// plane (again). The registers store directly (a free-running clock,
// static readers only: crate::direct_nbas).
module t;
  reg clk = 0, rst;
  always #5 clk = ~clk;
  reg [7:0] lfsr, s1, quot, twice, again, src, divisor, zero;
  reg sel;
  integer cycle = 0;
  wire [7:0] lfsr_w = lfsr, s1_w = s1, quot_w = quot, twice_w = twice, again_w = again;
  always @(posedge clk) begin
    if (rst) begin
      lfsr <= 8'h5a; s1 <= 8'h11; quot <= 8'h22; twice <= 8'h30; again <= 8'h50;
    end else begin
      lfsr <= {lfsr[6:0], lfsr[7] ^ lfsr[5] ^ lfsr[4] ^ lfsr[3]};
      s1 <= (lfsr + (src ^ s1)) & 8'h7f;
      quot <= ((quot + s1) ^ 8'h55) / divisor;
      twice <= twice / zero;
      if (sel) twice <= twice + 8'd1;
      again <= again / zero;
      if (sel) again <= 8'h44;
    end
  end
  always @(posedge clk) begin
    $display("%0d: lfsr=%h s1=%h quot=%h twice=%h again=%h", cycle, lfsr_w, s1_w, quot_w, twice_w, again_w);
    cycle <= cycle + 1;
  end
  initial begin
    src = 3; divisor = 3; zero = 0; sel = 1;
    #12 rst = 1;
    #10 rst = 0;
    #40 divisor = 0;
    #20 divisor = 5; sel = 0;
    #20 rst = 1;
    #10 rst = 0;
    #30 $finish;
  end
endmodule
// ---- expected output ----
//| 0: lfsr=xx s1=xx quot=xx twice=xx again=xx
//| 1: lfsr=xx s1=Xx quot=xx twice=xx again=44
//| 2: lfsr=5a s1=11 quot=22 twice=30 again=50
//| 3: lfsr=b4 s1=6c quot=22 twice=31 again=44
//| 4: lfsr=69 s1=23 quot=49 twice=32 again=44
//| 5: lfsr=d2 s1=09 quot=13 twice=33 again=44
//| 6: lfsr=a4 s1=5c quot=18 twice=34 again=44
//| 7: lfsr=48 s1=03 quot=xx twice=35 again=44
//| 8: lfsr=91 s1=48 quot=xx twice=36 again=44
//| 9: lfsr=22 s1=5c quot=xx twice=xx again=xx
//| 10: lfsr=45 s1=01 quot=xx twice=xx again=xx
//| 11: lfsr=5a s1=11 quot=22 twice=30 again=50
//| 12: lfsr=b4 s1=6c quot=14 twice=xx again=xx
//| 13: lfsr=69 s1=23 quot=2a twice=xx again=xx
