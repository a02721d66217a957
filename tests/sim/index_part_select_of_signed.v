//! icarus = "differs: Icarus 11 reads the index i[1:0] of a signed i = 2'b11 as -1 and drops the write, and shifts by it as if by -1; IEEE 1800-2017 11.5.1 and 11.8.1 make a part-select unsigned even when it selects the whole vector, so the index is 3"
//! icarus_output = ["r[3:0] = xxxx", "r[3:0] = xxxx", "shift 00000000"]
// A part-select is unsigned even of a signed vector, and even when it
// selects all of it (IEEE 1800-2017 11.8.1): `i[1:0]` of `i = 2'sb11` is
// 3, so the NBA after the loop sets r[3] (the last NBA to a bit wins,
// 4.6). Found by tests/random_rtl.rs.
module top;
  reg clk = 0;
  reg [7:0] r = 0;
  reg signed [1:0] i = 2'b11;
  integer k;
  always @(posedge clk) begin
    for (k = 0; k < 4; k = k + 1)
      r[k] <= 1'bx;
    r[i[1:0]] <= 1'b1;
  end
  initial begin
    #1 clk = 1;
    #1 $display("r[3:0] = %b", r[3:0]);
    // the same index read
    $display("r[3:0] = %b", {r[i[1:0]], r[2:0]});
    // and a shift amount (unsigned anyway, 11.4.10)
    $display("shift %b", 8'b00000001 << i[1:0]);
  end
endmodule
// ---- expected output ----
//| r[3:0] = 1xxx
//| r[3:0] = 1xxx
//| shift 00001000
