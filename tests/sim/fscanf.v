// $fscanf (1364-2005 17.2.4.3) over a data file: records of mixed fields,
// skipping a line with %*s, the count per call and -1 (EOF) at the end.
module t;
  integer fd, n, v;
  reg [8*8-1:0] word, tag;
  reg [7:0] h, z;
  real r;
  reg [8*20-1:0] line;
  initial begin
    fd = $fopen("data/scan_input.txt", "r");
    n = $fscanf(fd, "%s %s %d %f\n", tag, word, v, r);
    $display("%0d: %0s %0s %0d %f", n, tag, word, v, r);
    n = $fgets(line, fd);
    $display("%0d: skipped %0s", n, line[8*15-1:8]);
    n = $fscanf(fd, "%*s %s %d %f", word, v, r);
    $display("%0d: %0s %0d %f", n, word, v, r);
    n = $fscanf(fd, "%s %h %h", tag, h, z);
    $display("%0d: %0s %h %h", n, tag, h, z);
    n = $fscanf(fd, "%d", v);
    $display("%0d at the end", n);
    $display("eof=%0d", $feof(fd) != 0);
    $fclose(fd);
    n = $fscanf(fd, "%d", v);
    $display("%0d after close", n);
    $finish;
  end
endmodule
// ---- expected output ----
//| 4: name alpha 12 3.500000
//| 15: skipped # comment line
//| 3: beta -7 0.250000
//| 3: hex 1f zz
//| 0 at the end
//| eof=1
//| ERROR: fscanf.v:23: invalid file descriptor (0x80000003) given to $fscanf.
//| -1 after close
