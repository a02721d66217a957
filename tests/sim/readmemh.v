// $readmemh (1364-2005 17.2.8): hex words separated by white space,
// comments, underscores and @address; unread words stay x; start and end
// addresses restrict the load.
module t;
  reg [15:0] mem [0:7];
  reg [15:0] part [0:7];
  integer i;
  initial begin
    $readmemh("data/words.hex", mem);
    for (i = 0; i < 8; i = i + 1) $display("mem[%0d]=%h", i, mem[i]);
    $readmemh("data/two.hex", part, 1, 2);
    $readmemh("data/two.hex", part, 6);
    for (i = 0; i < 8; i = i + 1) $write("%h ", part[i]);
    $display("");
    $finish;
  end
endmodule
// ---- expected output ----
//| mem[0]=dead
//| mem[1]=beef
//| mem[2]=xxxx
//| mem[3]=xxxx
//| mem[4]=0123
//| mem[5]=4567
//| mem[6]=89ab
//| mem[7]=xxxx
//| xxxx 1111 2222 xxxx xxxx xxxx 1111 2222 
