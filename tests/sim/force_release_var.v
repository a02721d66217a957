//! icarus = "differs: Icarus 11 evaluates a force/assign right-hand side that is not a plain signal or constant only once (it says 'sorry'); IEEE 1364-2005 9.3.1/9.3.2 re-evaluate it whenever an operand changes"
//! icarus_output = ["0: v -> 00", "1: forced at once: 33", "1: v -> 33", "3: write ignored: 33", "4: v -> x5", "5: released keeps: x5", "7: written again: 3c", "7: v -> 3c", "8: real forced: 2.250000", "8: real released and written: 1.500000", "8: releasing an unforced variable changes nothing: 3c"]
// force/release on a variable (IEEE 1364-2005 9.3.2): the forced expression
// follows its operands, procedural writes are ignored while forced, and a
// released variable keeps its value until the next procedural assignment.
module t;
  reg [7:0] v;
  reg [7:0] a, b;
  real r;
  always @(v) $display("%0t: v -> %h", $time, v);
  initial begin
    a = 8'h11; b = 8'h22; v = 8'h00; r = 0.5;
    #1 force v = a + b;
    $display("%0t: forced at once: %h", $time, v);
    #1 a = 8'h40;
    #1 v = 8'hff;
    $display("%0t: write ignored: %h", $time, v);
    #1 force v = 8'hx5;
    #1 release v;
    $display("%0t: released keeps: %h", $time, v);
    #1 a = 8'h01;
    #1 v = 8'h3c;
    $display("%0t: written again: %h", $time, v);
    #1 force r = 2.25;
    r = 7.0;
    $display("%0t: real forced: %f", $time, r);
    release r;
    r = 1.5;
    $display("%0t: real released and written: %f", $time, r);
    release v;
    $display("%0t: releasing an unforced variable changes nothing: %h", $time, v);
  end
endmodule
// ---- expected output ----
//| 0: v -> 00
//| 1: forced at once: 33
//| 1: v -> 33
//| 2: v -> 62
//| 3: write ignored: 62
//| 4: v -> x5
//| 5: released keeps: x5
//| 7: written again: 3c
//| 7: v -> 3c
//| 8: real forced: 2.250000
//| 8: real released and written: 1.500000
//| 8: releasing an unforced variable changes nothing: 3c
