// $ftell, $fseek, $rewind and $feof (1364-2005 17.2.5-17.2.7) on a file
// written and read back through one "w+" descriptor.
module t;
  integer fd, c, r;
  initial begin
    fd = $fopen("work_ftell.txt", "w+");
    $fwrite(fd, "0123456789");
    $display("tell after write=%0d", $ftell(fd));
    r = $fseek(fd, 3, 0);
    c = $fgetc(fd);
    $display("seek 3: r=%0d c=%c tell=%0d", r, c, $ftell(fd));
    r = $fseek(fd, 2, 1);
    c = $fgetc(fd);
    $display("seek +2: c=%c", c);
    r = $fseek(fd, -1, 2);
    c = $fgetc(fd);
    $display("seek end-1: c=%c eof=%0d", c, $feof(fd) != 0);
    c = $fgetc(fd);
    $display("past end: c=%0d eof=%0d", c, $feof(fd) != 0);
    r = $rewind(fd);
    c = $fgetc(fd);
    $display("rewind: r=%0d c=%c eof=%0d", r, c, $feof(fd) != 0);
    c = $ungetc(120, fd);
    $display("tell after ungetc=%0d", $ftell(fd));
    r = $fseek(fd, 0, 7);
    $display("bad whence: r=%0d", r);
    $fclose(fd);
    $finish;
  end
endmodule
// ---- expected output ----
//| tell after write=10
//| seek 3: r=0 c=3 tell=4
//| seek +2: c=6
//| seek end-1: c=9 eof=0
//| past end: c=-1 eof=1
//| rewind: r=0 c=0 eof=0
//| tell after ungetc=0
//| WARNING: ftell_fseek.v:25: $fseek's operation must be 0, 1 or 2 given 7.
//| bad whence: r=-1
