// $fopen/$fdisplay/$fwrite/$fclose (1364-2005 17.2): write a hex file,
// close it, read it back with $readmemh; a file that cannot be opened
// returns 0.
module t;
  integer fd, i, bad;
  reg [15:0] word;
  reg [15:0] mem [0:3];
  initial begin
    fd = $fopen("data/out.hex", "w");
    $display("fd is nonzero: %0d", fd != 0);
    for (i = 0; i < 3; i = i + 1) begin
      word = 16'hA000 + i * 16'h111;
      $fdisplay(fd, "%h", word);
    end
    $fwrite(fd, "%h\n", 16'hBEEF);
    $fclose(fd);
    $readmemh("data/out.hex", mem);
    for (i = 0; i < 4; i = i + 1) $display("mem[%0d]=%h", i, mem[i]);
    bad = $fopen("no/such/dir/file.txt", "r");
    $display("bad fd = %0d", bad);
    $finish;
  end
endmodule
// ---- expected output ----
//| fd is nonzero: 1
//| mem[0]=a000
//| mem[1]=a111
//| mem[2]=a222
//| mem[3]=beef
//| bad fd = 0
