// Generate loops (1364-2005 12.4.1) with named blocks: each iteration
// is a scope named blk[i], visible in %m and by hierarchical reference.
module t;
  wire [7:0] data = 8'b1011_0010;
  wire [7:0] inverted;
  genvar i;
  generate
    for (i = 0; i < 4; i = i + 1) begin : blk
      wire pair = data[2*i] ^ data[2*i+1];
      assign inverted[2*i+1:2*i] = ~data[2*i+1:2*i];
      initial #(i + 1) $display("%m: i=%0d pair=%b", i, pair);
    end
  endgenerate
  initial begin
    #10 $display("inverted=%b blk[2].pair=%b", inverted, blk[2].pair);
    $finish;
  end
endmodule
// ---- expected output ----
//| t.blk[0]: i=0 pair=1
//| t.blk[1]: i=1 pair=0
//| t.blk[2]: i=2 pair=0
//| t.blk[3]: i=3 pair=1
//| inverted=01001101 blk[2].pair=0
