// Memories (1364-2005 4.9): word read/write, bit and part selects of a
// word, an out-of-range read gives x, an out-of-range write is ignored,
// uninitialized words are x.
module t;
  reg [7:0] mem [0:15];
  reg [7:0] neg [3:-4];
  integer i;
  initial begin
    for (i = 0; i < 16; i = i + 1) mem[i] = i * 17;
    $display("%h %h %h", mem[0], mem[5], mem[15]);
    $display("bit %b part %h", mem[5][7], mem[5][3:0]);
    $display("oob %h", mem[16]);
    i = -1; $display("oob %h", mem[i]);
    mem[20] = 8'h77;
    mem[3][7:4] = 4'h0;
    $display("%h", mem[3]);
    neg[-4] = 8'hAB; neg[3] = 8'hCD;
    $display("%h %h %h", neg[-4], neg[3], neg[0]);
    $finish;
  end
endmodule
// ---- expected output ----
//| 00 55 ff
//| bit 0 part 5
//| oob xx
//| oob xx
//| 03
//| ab cd xx
