// Replication of run-time values of <= 64 bits (codegen `sm_replicate`: one
// multiply per plane): 1-bit and wider sources with x and z bits, a signed
// source, the sign-extension idiom, a 64-bit result, nesting, a count of 1,
// a two-state source, and a replication inside arithmetic and a concat.
module t;
  reg [31:0] ir;
  reg [2:0] v3;
  reg signed [3:0] s4;
  reg b1;
  bit [1:0] t2;
  wire [31:0] imm = {{20{ir[31]}}, ir[31:20]};
  wire [63:0] wide = {16{ir[3:0]}};
  wire [17:0] nested = {3{{2{v3}}}};
  wire [7:0] signed_src = {2{s4}};
  wire [4:0] once = {1{v3}}, mixed = {2{b1}} + 5'd1;
  wire [9:0] two_state = {5{t2}};
  wire [11:0] in_concat = {v3, {3{b1}}, {2{v3}}};
  initial begin
    ir = 32'h8123_4567; v3 = 3'b101; s4 = -4'sd3; b1 = 1'b1; t2 = 2'b10;
    #1 $display("%h %h %b %b %b %b %b %b", imm, wide, nested, signed_src, once, mixed, two_state, in_concat);
    ir = 32'h7ff0_0abc; v3 = 3'bx1z; s4 = 4'sbz01x; b1 = 1'bx;
    #1 $display("%h %h %b %b %b %b %b %b", imm, wide, nested, signed_src, once, mixed, two_state, in_concat);
    ir[31] = 1'bz; ir[3:0] = 4'b1x0z; b1 = 1'bz;
    #1 $display("%h %h %b %b", imm, wide, mixed, in_concat);
    $finish;
  end
endmodule
// ---- expected output ----
//| fffff812 7777777777777777 101101101101101101 11011101 00101 00100 1010101010 101111101101
//| 000007ff cccccccccccccccc x1zx1zx1zx1zx1zx1z z01xz01x 00x1z xxxxx 1010101010 x1zxxxx1zx1z
//| zzzzzZff XXXXXXXXXXXXXXXX xxxxx x1zzzzx1zx1z
