// A loop whose variable is known while it runs
// (crates/codegen/src/specialize.rs, induction_loops): `k = c` right
// before a loop that only steps `k` by a constant. Reads of `k` there
// leave out its unknown plane; what they index or compute with must still
// give the 4-state results: X elements, out-of-range indices, a body
// that writes `k` itself (not such a loop), a start that is not a known
// constant, nested loops, and `k` read after the loop. Checked against
// Icarus.
module t;
  reg [7:0] mem [0:7];
  reg [7:0] acc, acc2;
  integer k, j, n;
  reg [3:0] nib;
  always @* begin
    acc = 0;
    for (k = 0; k < 8; k = k + 1) acc = acc ^ mem[k] ^ k;
  end
  initial begin
    for (k = 0; k < 8; k = k + 1) mem[k] = k * 8'h13;
    #1 $display("acc=%h k=%0d", acc, k);
    mem[3] = 8'bx;
    #1 $display("acc=%h k=%0d", acc, k);
    mem[3] = 8'h5a;
    #1 $display("acc=%h k=%0d", acc, k);
    // counts down, nested
    acc2 = 0;
    for (k = 7; k >= 0; k = k - 2)
      for (j = 0; j < k; j = j + 1) acc2 = acc2 + mem[j] + j * k;
    $display("acc2=%h k=%0d j=%0d", acc2, k, j);
    // the body writes k: not such a loop
    acc2 = 0;
    for (k = 0; k < 8; k = k + 1) begin
      acc2 = acc2 + mem[k];
      if (k == 5) k = 'bx; else if (mem[k][0]) k = k + 1;
    end
    $display("acc2=%h k=%0d", acc2, k);
    // a start that is not a known constant
    n = 'bx;
    acc2 = 0;
    for (k = n; k < 4; k = k + 1) acc2 = acc2 + 1;
    $display("acc2=%h k=%0d", acc2, k);
    // past the end: X
    acc2 = 0;
    for (k = 6; k < 10; k = k + 1) acc2 = acc2 ^ mem[k];
    $display("acc2=%h k=%0d", acc2, k);
    // a narrow variable wraps
    acc2 = 0;
    for (nib = 4'd12; nib != 4'd3; nib = nib + 4'd1) acc2 = acc2 + nib;
    $display("acc2=%h nib=%0d", acc2, nib);
    $finish;
  end
endmodule
// ---- expected output ----
//| acc=e8 k=8
//| acc=xx k=8
//| acc=8b k=8
//| acc2=96 k=-1 j=1
//| acc2=18 k=x
//| acc2=00 k=x
//| acc2=xx k=10
//| acc2=39 nib=3
