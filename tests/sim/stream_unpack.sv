//! icarus_skip = "skip: Icarus 12 does not support streaming concatenation; checked with Verilator 5.006 except the last line: Verilator unpacks with the packing permutation again, which is not its inverse when the slice size does not divide the width; 1800-2017 11.4.14.3 defines unpacking as the reverse operation, so unpacking a packed stream gives the operands back"
// Streaming concatenation as an assignment target (IEEE 1800-2017
// 11.4.14.3): the leftmost bits of the source are used (extra bits on the
// right are ignored), `>>` assigns them in order, `<<` undoes the slice
// reversal; blocking and nonblocking.
module t;
  logic [3:0] n1, n2, n3;
  logic [11:0] src = 12'habc;
  byte b0, b1, b2, b3;
  logic [6:0] x = 7'b101_1001;
  logic [2:0] p;
  logic [3:0] q;
  initial begin
    {<< 4 {n1, n2, n3}} = src;
    $display("%h %h %h", n1, n2, n3);
    {>> {n1, n2}} = src;
    $display("%h %h", n1, n2);
    {<< byte {b0, b1, b2, b3}} = 32'h11223344;
    $display("%h %h %h %h", b0, b1, b2, b3);
    {>> 8 {b0, b1}} <= 24'h556677;
    #1 $display("%h %h", b0, b1);
    {<< {n1}} = 4'b0011;
    $display("%b", n1);
    {<< 3 {p, q}} = {<< 3 {x}};
    $display("%b %b", p, q);
  end
endmodule
// ---- expected output ----
//| c b a
//| a b
//| 44 33 22 11
//| 55 66
//| 1100
//| 101 1001
