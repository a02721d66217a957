// Nets start at z (IEEE 1800-2017 6.6): the bits a part-select driver
// does not cover and the elements of a net array nobody drives stay z.
// Bits a delayed driver writes read x until it first writes them (as in
// Icarus).
module t;
  wire [7:0] v;
  assign v[3:0] = 4'd2;
  wire [3:0] a = 4'd5;
  wire signed [3:0] arr [1:0];
  assign arr[0] = $signed(a);
  wire [5:0] w [2:0];
  assign w[0][1:0] = 2'b10;
  assign w[0][3:2] = 2'b01;
  wire d;
  wire [3:0] pd;
  assign #5 d = 1'b1;
  assign #5 pd[1:0] = 2'b01;
  initial begin
    $display("%b %b", d, pd);
    #6 $display("%b %b", d, pd);
    #1;
    $display("%b %b", v, v === 8'bzzzz0010);
    $display("%b %b", arr[1], arr[0]);
    $display("%b %b", w[0], w[1]);
  end
endmodule
// ---- expected output ----
//| x zzxx
//| 1 zz01
//| zzzz0010 1
//| zzzz 0101
//| zz0110 zzzzzz
