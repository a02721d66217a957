// Part selects (1364-2005 5.2.1): constant [msb:lsb], indexed +: and -:
// with variable bases, on ascending and descending vectors, read and write.
module t;
  reg [15:0] d;
  reg [0:15] asc;
  integer i;
  initial begin
    d = 16'hA5C3; asc = 16'hA5C3;
    $display("%h %h %h", d[15:8], d[7:4], d[3:0]);
    for (i = 0; i < 16; i = i + 4)
      $display("i=%0d d[i+:4]=%h d[i+3-:4]=%h asc[i+:4]=%h", i, d[i+:4], d[i+3-:4], asc[i+:4]);
    d[11-:4] = 4'h0;
    d[0+:2] = 2'b00;
    $display("%h", d);
    asc[4+:8] = 8'h00;
    $display("%h", asc);
    $finish;
  end
endmodule
// ---- expected output ----
//| a5 c 3
//| i=0 d[i+:4]=3 d[i+3-:4]=3 asc[i+:4]=a
//| i=4 d[i+:4]=c d[i+3-:4]=c asc[i+:4]=5
//| i=8 d[i+:4]=5 d[i+3-:4]=5 asc[i+:4]=c
//| i=12 d[i+:4]=a d[i+3-:4]=a asc[i+:4]=3
//| a0c0
//| a003
