// $fgetc, $ungetc and $fgets (1364-2005 17.2.4.1-17.2.4.2): characters,
// a pushed-back character read again, lines with their newline, a line
// longer than the variable split over two calls, and EOF (-1 / 0).
module t;
  integer fd, c, n;
  reg [8*4-1:0] short;
  reg [8*16-1:0] line;
  initial begin
    fd = $fopen("data/lines.txt", "r");
    c = $fgetc(fd);
    $display("c=%c (%0d)", c, c);
    c = $ungetc(c, fd);
    $display("ungetc=%0d", c);
    c = $fgetc(fd);
    $display("again=%c", c);
    n = $fgets(line, fd);
    $display("n=%0d line=%h", n, line);
    n = $fgets(short, fd);
    $display("n=%0d short=\"%s\"", n, short);
    n = $fgets(line, fd);
    $display("n=%0d rest=%h", n, line);
    n = $fgets(line, fd);
    $display("n=%0d empty=%h", n, line);
    line = 0;
    n = $fgets(line, fd);
    $display("n=%0d last=\"%0s\"", n, line);
    n = $fgets(line, fd);
    $display("n=%0d at eof, line kept=\"%0s\"", n, line);
    c = $fgetc(fd);
    $display("fgetc at eof=%0d", c);
    c = $fgetc(32'h8000_0007);
    $display("fgetc of a closed fd=%0d", c);
    $fclose(fd);
    $finish;
  end
endmodule
// ---- expected output ----
//| c=a (97)
//| ungetc=0
//| again=a
//| n=2 line=0000000000000000000000000000620a
//| n=4 short="line"
//| n=5 rest=00000000000000000000002074776f0a
//| n=1 empty=0000000000000000000000000000000a
//| n=4 last="last"
//| n=0 at eof, line kept="last"
//| fgetc at eof=-1
//| WARNING: fgets_fgetc_ungetc.v:31: invalid file descriptor (0x80000007) given to $fgetc.
//| fgetc of a closed fd=-1
