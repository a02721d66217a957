//! icarus_skip = "skip: Icarus 11 answers SORRY for $fmonitorb; Verilator 5.006 agrees but repeats the monitor line at time 2 although no argument changed (1364-2005 17.1.3: a monitor prints on a change)"
// $fmonitorb/h/o and $fstrobeb/h/o (1364-2005 17.2.2): the radix variants
// of the file monitor and strobe tasks, written to a file and read back.
module t;
  reg [7:0] a;
  integer fd, c;
  initial begin
    fd = $fopen("radix_out.txt", "w");
    a = 8'h5a;
    $fmonitorb(fd, "b:", a);
    $fstrobeh(fd, "h:", a);
    $fstrobeo(fd, "o:", a);
    #1 a = 8'h0f;
    $fstrobeb(fd, "b strobe:", a);
    #1 $fclose(fd);
    fd = $fopen("radix_out.txt", "r");
    c = $fgetc(fd);
    while (c != -1) begin
      $write("%c", c);
      c = $fgetc(fd);
    end
    $fclose(fd);
    $finish;
  end
endmodule
// ---- expected output ----
//| b:01011010
//| h:5a
//| o:132
//| b:00001111
//| b strobe:00001111
