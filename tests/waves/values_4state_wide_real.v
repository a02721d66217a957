// Value encodings: 4-state x/z bits, vectors wider than 64 bits, signed
// and integer variables, reals (IEEE 1364-2005 18.2.3.7), a 1-bit scalar.
module tb;
  reg        bit1;
  reg [3:0]  nib;
  reg [129:0] wide;
  reg signed [15:0] s;
  integer    n;
  real       r;
  wire [129:0] wide_inv = ~wide;
  initial begin
    $dumpfile("values.vcd");
    $dumpvars;
    bit1 = 1'bx; nib = 4'bz; wide = 0; s = -16'sd5; n = 0; r = 0.0;
    #1 bit1 = 0; nib = 4'b1x0z; wide = {2'b10, 64'hdead_beef_0123_4567, 64'h0};
    #1 bit1 = 1'bz; nib = 4'bxxxx; wide[129:128] = 2'bzx; s = 16'sh7fff; n = -1; r = 3.25e10;
    #1 bit1 = 1; nib = 4'b0001; wide = {130{1'b1}}; n = 32'h8000_0000; r = -1.0e-3;
    #1 wide = {2'b01, {128{1'bz}}}; r = 1.0 / 3.0;
    #1 wide = 130'b1; s = 0;
    #1 $finish;
  end
endmodule
