// $readmemb (1364-2005 17.2.8): binary words with x and z digits, and
// an @address jump.
module t;
  reg [7:0] mem [0:7];
  integer i;
  initial begin
    $readmemb("data/bits.bin", mem);
    for (i = 0; i < 8; i = i + 1) $display("mem[%0d]=%b", i, mem[i]);
    $finish;
  end
endmodule
// ---- expected output ----
//| mem[0]=10100101
//| mem[1]=00001111
//| mem[2]=1x1z0000
//| mem[3]=xxxxxxxx
//| mem[4]=xxxxxxxx
//| mem[5]=xxxxxxxx
//| mem[6]=11111111
//| mem[7]=xxxxxxxx
