// Signals a loop in a combinational block keeps in locals and that
// settle at the loop's exit (crate::promote): their readers are pure
// (continuous assignments), so a write in the loop only sets the locals
// and the compare and trigger happen once. A value the loop changes and
// changes back then wakes no pure reader, which cannot be seen; readers
// that count their wakes or wait for an edge still see every change, as
// in Icarus (IEEE 1364-2005 9.7.2). A part-select in the loop reads the
// value from the arena: it is stored (and compared) there first.
module t;
  reg [31:0] v [0:7];
  reg [31:0] sum, back, marks;
  reg [7:0] low;
  reg edgy;
  reg [3:0] x4;
  integer k, m, e, j, wakes_marks, rises;
  wire [31:0] sum_copy = sum;
  wire [31:0] back_copy = back;
  wire [7:0] low_copy = low;
  wire [3:0] x4_copy = x4;

  // sum settles; back goes to k + 1 and back to 0 in every iteration;
  // low reads sum from the arena (an operator of guest-rt's) in every
  // iteration
  always @* begin
    sum = 0;
    back = 0;
    x4 = 4'b0000;
    for (k = 0; k < 8; k = k + 1) begin
      sum = sum + v[k];
      back = k + 1;
      back = 0;
      low = sum[7:0] ^ ((sum ** 2) % 32'd251);
      x4 = {x4[2:0], v[k ^ 4][4]};
    end
  end

  // marks changes and changes back: its reader counts its wakes
  always @* begin
    marks = 0;
    for (m = 0; m < 4; m = m + 1) begin
      marks = v[m] + 1;
      marks = 0;
    end
  end
  always @(marks) wakes_marks = wakes_marks + 1;

  // edgy rises and falls: its reader waits for the rising edge
  always @* begin
    edgy = 0;
    for (e = 0; e < 3; e = e + 1) begin
      edgy = v[e][1];
      edgy = 0;
    end
  end
  always @(posedge edgy) rises = rises + 1;

  initial begin
    wakes_marks = 0;
    rises = 0;
    for (j = 0; j < 8; j = j + 1) v[j] = 32'h0101_0103 * (j + 1);
    #1 $display("sum=%h copy=%h back=%0d copy=%0d low=%h copy=%h x4=%b copy=%b",
                sum, sum_copy, back, back_copy, low, low_copy, x4, x4_copy);
    $display("wakes_marks=%0d rises=%0d", wakes_marks, rises);
    v[3] = 32'hxxxx_00x1;
    #1 $display("sum=%h copy=%h back=%0d copy=%0d low=%h copy=%h x4=%b copy=%b",
                sum, sum_copy, back, back_copy, low, low_copy, x4, x4_copy);
    $display("wakes_marks=%0d rises=%0d", wakes_marks, rises);
    v[3] = 32'h0000_0002;
    v[0] = 32'h0000_0000;
    #1 $display("sum=%h copy=%h back=%0d copy=%0d low=%h copy=%h x4=%b copy=%b",
                sum, sum_copy, back, back_copy, low, low_copy, x4, x4_copy);
    $display("wakes_marks=%0d rises=%0d", wakes_marks, rises);
    // a change that leaves sum where it was: its readers keep their value
    v[1] = v[1] + 5;
    v[2] = v[2] - 5;
    #1 $display("sum=%h copy=%h low=%h copy=%h", sum, sum_copy, low, low_copy);
    $display("wakes_marks=%0d rises=%0d", wakes_marks, rises);
    $finish;
  end
endmodule
// ---- expected output ----
//| sum=2424246c copy=2424246c back=0 copy=0 low=dc copy=dc x4=0000 copy=0000
//| wakes_marks=1 rises=1
//| sum=xxxxxxxx copy=xxxxxxxx back=0 copy=0 low=xx copy=xx x4=000x copy=000x
//| wakes_marks=2 rises=2
//| sum=1f1f1f5f copy=1f1f1f5f back=0 copy=0 low=3c copy=3c x4=0000 copy=0000
//| wakes_marks=3 rises=3
//| sum=1f1f1f5f copy=1f1f1f5f low=3c copy=3c
//| wakes_marks=4 rises=4
