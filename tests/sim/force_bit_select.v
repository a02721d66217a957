//! icarus = "differs: Icarus 11 evaluates a force/assign right-hand side that is not a plain signal or constant only once (it says 'sorry'); IEEE 1364-2005 9.3.1/9.3.2 re-evaluate it whenever an operand changes"
//! icarus_output = ["1: v=10100001", "1: v=10100001", "1: v=10101011", "2: v=10101011", "2: v=00100001", "2: v=11110000", "3: bus=z101", "4: bus=z111", "5: bus=z110", "6: bus=1110", "7: bus=1100 v=11110010"]
// force/release of constant bit and part selects of variables and nets:
// forced bits ignore writes, the other bits still take them.
module t;
  reg [7:0] v;
  reg [3:0] in;
  wire [3:0] bus = in;
  reg [1:0] hi;
  initial begin
    v = 8'h00; in = 4'b0000; hi = 2'b10;
    #1 force v[7:4] = {hi, hi};
    force v[0] = 1'b1;
    $display("%0t: v=%b", $time, v);
    v = 8'h00;
    $display("%0t: v=%b", $time, v);
    v[3:0] = 4'b1010;
    $display("%0t: v=%b", $time, v);
    hi = 2'b01;
    #1 $display("%0t: v=%b", $time, v);
    release v[7:6];
    v = 8'h00;
    $display("%0t: v=%b", $time, v);
    release v[0];
    release v[5:4];
    v = 8'hf0;
    $display("%0t: v=%b", $time, v);
    force bus[0] = 1'b1;
    force bus[3:2] = 2'bz1;
    #1 $display("%0t: bus=%b", $time, bus);
    in = 4'b1110;
    #1 $display("%0t: bus=%b", $time, bus);
    release bus[0];
    #1 $display("%0t: bus=%b", $time, bus);
    release bus[3:2];
    #1 $display("%0t: bus=%b", $time, bus);
    force {bus[1], v[1]} = 2'b01;
    #1 $display("%0t: bus=%b v=%b", $time, bus, v);
  end
endmodule
// ---- expected output ----
//| 1: v=10100001
//| 1: v=10100001
//| 1: v=10101011
//| 2: v=01011011
//| 2: v=00010001
//| 2: v=11110000
//| 3: bus=z101
//| 4: bus=z111
//| 5: bus=z110
//| 6: bus=1110
//| 7: bus=1100 v=11110010
