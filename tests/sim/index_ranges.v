// Array indices whose range is known need no bounds compare
// (Lower::index_in_range): a loop variable whose bounds the loop's
// condition fixes (up, down, by 2, `<=`, `>=`), and an unsigned index too
// narrow to leave the array. The others keep the compare: a loop that
// runs past the array's end, a variable that starts below 0, a signed or
// wide index, an array whose range does not start at 0. Out of range or
// X reads give X (IEEE 1364-2005 5.2.2).
module t;
  reg [7:0] mem [0:15];
  reg [7:0] from1 [1:16];
  reg [7:0] down [15:0];
  reg [7:0] acc, acc2, acc3, r;
  reg [3:0] n4;
  reg [4:0] n5;
  reg signed [3:0] s4;
  reg [2:0] u3;
  integer i, j;

  // combinational readers of the whole arrays
  always @* begin
    acc = 0;
    for (i = 0; i < 16; i = i + 1) acc = acc + mem[i];
  end
  always @* begin
    acc2 = 0;
    for (j = 15; j >= 0; j = j - 2) acc2 = acc2 ^ down[j];
  end

  initial begin
    for (i = 0; i < 16; i = i + 1) begin
      mem[i] = i * 3 + 1;
      from1[i + 1] = 8'h80 + i;
      down[i] = 8'h40 + i * 5;
    end
    #1 $display("acc=%h acc2=%h", acc, acc2);
    mem[7] = 8'bx;
    #1 $display("acc=%h acc2=%h", acc, acc2);
    mem[7] = 7;
    // `<=` and a step of 2 down to a bound above 0
    acc3 = 0;
    for (j = 15; j > 1; j = j - 2) acc3 = acc3 + mem[j];
    $display("acc3=%h j=%0d", acc3, j);
    acc3 = 0;
    for (j = 3; j <= 15; j = j + 4) acc3 = acc3 + from1[j];
    $display("acc3=%h j=%0d", acc3, j);
    // past the end: the last reads are X
    acc3 = 0;
    for (j = 12; j < 18; j = j + 1) begin r = mem[j]; acc3 = acc3 + (r === 8'bx); end
    $display("x reads=%0d r=%h", acc3, r);
    // from below 0
    acc3 = 0;
    for (j = -2; j < 2; j = j + 1) begin r = mem[j]; acc3 = acc3 + (r === 8'bx); end
    $display("x reads=%0d r=%h", acc3, r);
    // narrow unsigned indices
    n4 = 4'd15; u3 = 3'd6;
    $display("%h %h %h", mem[n4], down[u3], mem[u3]);
    n5 = 5'd16;
    $display("%h %h %h", mem[n5], from1[n5], down[n5]);
    n5 = 5'd0;
    $display("%h %h", from1[n5], mem[n5]);
    n4 = 4'bx1x0;
    $display("%h", mem[n4]);
    // a signed index below 0
    s4 = -4'sd3;
    $display("%h %h", mem[s4], down[s4]);
    $finish;
  end
endmodule
// ---- expected output ----
//| acc=78 acc2=20
//| acc=xx acc2=20
//| acc3=b5 j=1
//| acc3=20 j=19
//| x reads=2 r=xx
//| x reads=2 r=04
//| 2e 5e 13
//| xx 8f xx
//| xx 01
//| xx
//| xx xx
