// Out-of-range and x selects (1364-2005 5.2.1): reading gives x, writing
// has no effect; a part select partly out of range gives x in those bits.
module t;
  reg [7:0] d;
  integer i;
  reg [3:0] idx;
  initial begin
    d = 8'h5A;
    i = 9;      $display("d[9]=%b", d[i]);
    i = -1;     $display("d[-1]=%b", d[i]);
    idx = 4'bx; $display("d[x]=%b", d[idx]);
    i = 6;      $display("d[i+:4]=%b", d[i+:4]);
    i = 8;  d[i] = 1'b1;   $display("after write d[8]: %h", d);
    idx = 4'bx; d[idx] = 1'b0; $display("after write d[x]: %h", d);
    $finish;
  end
endmodule
// ---- expected output ----
//| d[9]=x
//| d[-1]=x
//| d[x]=x
//| d[i+:4]=xx01
//| after write d[8]: 5a
//| after write d[x]: 5a
