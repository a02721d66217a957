// $fread (1364-2005 17.2.4.4): into a variable (bytes most significant
// first), into a memory with a start address and a count, and what is
// left at the end of the file (partial words, the byte count returned).
module t;
  integer fd, n, i;
  reg [15:0] w;
  reg [11:0] odd;
  reg [7:0] mem [0:7];
  initial begin
    for (i = 0; i < 8; i = i + 1) mem[i] = 8'hee;
    fd = $fopen("data/bytes.bin", "rb");
    n = $fread(w, fd);
    $display("n=%0d w=%h", n, w);
    n = $fread(odd, fd);
    $display("n=%0d odd=%h", n, odd);
    n = $fread(mem, fd, 2, 2);
    $display("n=%0d", n);
    n = $fread(mem, fd, 5);
    $display("n=%0d", n);
    for (i = 0; i < 8; i = i + 1) $display("mem[%0d]=%h", i, mem[i]);
    n = $rewind(fd);
    n = $fread(mem, fd);
    $display("n=%0d mem[0]=%h mem[6]=%h mem[7]=%h", n, mem[0], mem[6], mem[7]);
    $fclose(fd);
    $finish;
  end
endmodule
// ---- expected output ----
//| n=2 w=1234
//| n=2 odd=678
//| n=2
//| n=1
//| mem[0]=ee
//| mem[1]=ee
//| mem[2]=9a
//| mem[3]=bc
//| mem[4]=ee
//| mem[5]=de
//| mem[6]=ee
//| mem[7]=ee
//| n=7 mem[0]=12 mem[6]=de mem[7]=ee
