//! icarus = "differs: Icarus 11 evaluates a force/assign right-hand side that is not a plain signal or constant only once (it says 'sorry'); IEEE 1364-2005 9.3.1/9.3.2 re-evaluate it whenever an operand changes"
//! icarus_output = ["0: w -> 0101", "1: forced at once: 1z0x (follow 1010 later)", "1: w -> 1z0x", "2: follow 0x1x", "3: driver change ignored: 1z0x", "3: w -> 0011", "5: released at once: 0110", "5: w -> 0110", "6: w -> 1000", "8: one=1 pulled=0", "9: one=0 pulled=1"]
// force/release on nets (IEEE 1364-2005 9.3.2): a forced net ignores its
// drivers; a released net goes back to its driven value at once.
module t;
  reg [3:0] d;
  reg en;
  wire [3:0] w;
  wire [3:0] follow = ~w;
  wire one;
  tri1 pulled;
  assign w = d;
  assign one = en;
  always @(w) $display("%0t: w -> %b", $time, w);
  initial begin
    d = 4'b0101; en = 1'b0;
    #1 force w = 4'b1z0x;
    $display("%0t: forced at once: %b (follow %b later)", $time, w, follow);
    #1 $display("%0t: follow %b", $time, follow);
    d = 4'b1111;
    #1 $display("%0t: driver change ignored: %b", $time, w);
    force w = d & 4'b0011;
    #1 d = 4'b0110;
    #1 release w;
    $display("%0t: released at once: %b", $time, w);
    #1 d = 4'b1000;
    #1 force one = 1'b1;
    force pulled = 1'b0;
    #1 $display("%0t: one=%b pulled=%b", $time, one, pulled);
    release one;
    release pulled;
    #1 $display("%0t: one=%b pulled=%b", $time, one, pulled);
  end
endmodule
// ---- expected output ----
//| 0: w -> 0101
//| 1: forced at once: 1z0x (follow 1010 later)
//| 1: w -> 1z0x
//| 2: follow 0x1x
//| 3: driver change ignored: 1z0x
//| 3: w -> 0011
//| 4: w -> 0010
//| 5: released at once: 0110
//| 5: w -> 0110
//| 6: w -> 1000
//| 8: one=1 pulled=0
//| 9: one=0 pulled=1
