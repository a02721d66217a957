// $sformat and $swrite (1364-2005 17.2.7) format into a variable.
module t;
  reg [8*20:1] buffer;
  reg [7:0] v;
  initial begin
    v = 8'h5a;
    $sformat(buffer, "v=%h d=%0d", v, v);
    $display("[%0s]", buffer);
    $swrite(buffer, "b=%b", v);
    $display("[%0s]", buffer);
    $finish;
  end
endmodule
// ---- expected output ----
//| [v=5a d=90]
//| [b=01011010]
