// 1000-bit vectors: replication, arithmetic across many limbs, part
// selects deep inside, reductions, and decimal display of a huge value.
module t;
  reg [999:0] big, other;
  initial begin
    big = {1000{1'b1}};
    $display("&big=%b |big=%b ^big=%b", &big, |big, ^big);
    big = big + 1;
    $display("after +1: |big=%b", |big);
    big = 1;
    big = big << 999;
    $display("top bit: %b %b", big[999], big[998:990]);
    other = big - 1;
    $display("%h", other[999:900]);
    big = {250{4'h9}};
    $display("%h", big[515:480]);
    big = 1;
    repeat (300) big = big * 10;
    $display("%0d", big);
    $finish;
  end
endmodule
// ---- expected output ----
//| &big=1 |big=1 ^big=0
//| after +1: |big=0
//| top bit: 1 000000000
//| 7ffffffffffffffffffffffff
//| 999999999
//| 1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
