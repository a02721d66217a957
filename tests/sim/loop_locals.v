// Signals a loop assigns whole, kept in locals while it runs
// (crate::promote): a reduction read by continuous assignments and a
// combinational block, a value that changes and changes back inside one
// run of the loop (its readers still wake, IEEE 1364-2005 9.7.2), a
// `break` out of the loop, a part-select and an operator that read the
// value from the arena, nested loops keeping the same signal, X values,
// and a loop that runs other code (kept in the arena).
module t;
  reg [31:0] v [0:7];
  reg [31:0] sig, acc, glitch, tmp;
  reg [7:0] low;
  reg [3:0] x4;
  integer k, j, wakes;
  wire [31:0] sig_copy = sig;
  wire sig_odd = sig[0];

  always @* begin
    sig = 0;
    for (k = 0; k < 8; k = k + 1) sig = sig ^ (v[k] + k);
  end

  // glitch goes 0 -> k -> 0 in every iteration: the readers wake
  always @(glitch) wakes = wakes + 1;

  initial begin
    wakes = 0;
    for (j = 0; j < 8; j = j + 1) v[j] = 32'h1234_5678 * (j + 1);
    #1 $display("sig=%h copy=%h odd=%b", sig, sig_copy, sig_odd);
    v[5] = 32'hxxxx_0000;
    #1 $display("sig=%h copy=%h odd=%b", sig, sig_copy, sig_odd);
    v[5] = 0;
    #1 $display("sig=%h copy=%h odd=%b", sig, sig_copy, sig_odd);

    glitch = 0;
    #1 wakes = 0;
    for (j = 0; j < 4; j = j + 1) begin glitch = j + 1; glitch = 0; end
    #1 $display("wakes=%0d glitch=%0d", wakes, glitch);

    // the loop ends on the value it keeps: stored at the exit
    acc = 1;
    for (j = 0; j < 100 && acc <= 1000; j = j + 1) acc = acc * 3;
    $display("acc=%0d j=%0d", acc, j);

    // a part-select and operators that need the stored value
    acc = 32'h0000_0107;
    for (j = 0; j < 5; j = j + 1) begin
      low = acc[7:0];
      acc = (acc ** 2) % 32'd10007 + low;
      tmp = acc / (j + 1);
    end
    $display("acc=%0d low=%0d tmp=%0d", acc, low, tmp);

    // nested loops: the inner one writes what the outer one keeps
    acc = 0;
    for (j = 0; j < 4; j = j + 1)
      for (k = 0; k < j; k = k + 1) acc = acc + j * 10 + k;
    $display("acc=%0d j=%0d k=%0d", acc, j, k);

    // X: an unknown bit comes and goes
    x4 = 4'b0000;
    for (j = 0; j < 6; j = j + 1) x4 = {x4[2:0], j == 2 ? 1'bx : 1'b1};
    $display("x4=%b", x4);
    x4 = 4'bx;
    for (j = 0; j < 3; j = j + 1) x4 = x4 + 1;
    $display("x4=%b", x4);

    // a loop that displays keeps its variables in the arena
    for (j = 0; j < 3; j = j + 1) begin acc = acc + j; $display("acc=%0d", acc); end
    $finish;
  end
endmodule
// ---- expected output ----
//| sig=90e3f800 copy=90e3f800 odd=0
//| sig=xxxxxxxx copy=xxxxxxxx odd=x
//| sig=fdd9fed0 copy=fdd9fed0 odd=0
//| wakes=1 glitch=0
//| acc=2187 j=7
//| acc=7797 low=8 tmp=1559
//| acc=144 j=4 k=3
//| x4=x111
//| x4=xxxx
//| acc=144
//| acc=145
//| acc=147
