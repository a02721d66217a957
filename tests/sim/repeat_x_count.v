//! icarus_skip = "skip: Icarus 11 never ends a repeat whose count is x; IEEE 1364-2005 9.6 says an x or z count means zero iterations"
// repeat with an x or z count executes its body zero times (1364-2005 9.6).
module t;
  reg [3:0] cnt;
  integer n;
  initial begin
    n = 0;
    cnt = 4'bx;
    repeat (cnt) n = n + 1;
    cnt = 4'b00z1;
    repeat (cnt) n = n + 1;
    cnt = 4'd2;
    repeat (cnt) n = n + 10;
    $display("n=%0d", n);
    $finish;
  end
endmodule
// ---- expected output ----
//| n=20
