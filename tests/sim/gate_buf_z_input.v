// A buf (and a not) drives x for a z input (IEEE 1364-2005 table 7-4);
// bits no driver writes are z (1800-2017 6.6) and so read x after a buf.
module t;
  wire [7:0] value1, value2, value3;
  assign value1[3:0] = 4'd2;
  buf b[7:0] (value2, value1);
  not n[7:0] (value3, value1);
  reg r;
  wire y1, y2;
  buf (y1, y2, r);
  initial begin
    r = 1'bz;
    #2 $display("%b %b %b", value1, value2, value3);
    $display("%b %b", y1, y2);
    r = 1'b0;
    #1 $display("%b %b", y1, y2);
  end
endmodule
// ---- expected output ----
//| zzzz0010 xxxx0010 xxxx1101
//| x x
//| 0 0
