// A concat of two selects of one 32- or 64-bit signal that rotates it is
// generated as a native rotate (`expr::rotation`); every plane rotates,
// so X and Z bits move with their bits. The near misses (a gap, an
// overlap, two signals, another width) take the plain concat.
module top;
  reg [31:0] a;
  reg [63:0] b;
  reg [31:0] c;
  reg [15:0] h;
  initial begin
    a = 32'h8000_00f1;
    b = 64'h0123_4567_89ab_cdef;
    c = 32'hdead_beef;
    h = 16'h1234;
    #1 $display("%h %h %h", {a[7:0], a[31:8]}, {a[0], a[31:1]}, {a[30:0], a[31]});
    $display("%h %h", {b[15:0], b[63:16]}, {b[62:0], b[63]});
    $display("%h %h %h", {a[7:0], c[31:8]}, {a[7:0], a[31:9]}, {a[8:0], a[31:8]});
    $display("%h", {h[3:0], h[15:4]});
    a = 32'b0000_xxxx_0000_zzzz_1111_0000_1x1z_0101;
    #1 $display("%b", {a[11:0], a[31:12]});
    $display("%b", {a[0], a[31:1]} ^ 32'hffff_ffff);
    b = {32'hx, 32'h1};
    #1 $display("%h", {b[31:0], b[63:32]});
    c = 32'h1;
    repeat (3) begin
      c = {c[26:0], c[31:27]} + 32'h1;
      #1 $display("%h", c);
    end
  end
  // in a clocked process, as in an LFSR, with and without X bits
  reg clk = 0;
  reg [31:0] r = 32'h0000_0003, s = 32'h0000_x001;
  always @(posedge clk) begin
    r <= {r[28:0], r[31:29]} ^ {r[15:0], r[31:16]};
    s <= {s[3:0], s[31:4]};
  end
  initial begin
    #10;
    repeat (4) begin
      #1 clk = 1;
      #1 clk = 0;
      $display("%h %h", r, s);
    end
  end
endmodule
// ---- expected output ----
//| f1800000 c0000078 000001e3
//| cdef0123456789ab 02468acf13579bde
//| f1deadbe 78c00000 0f1800000
//| 4123
//| 00001x1z01010000xxxx0000zzzz1111
//| 01111xxxx1111xxxx000011110x0x101
//| 00000001xxxxxxxx
//| 00000021
//| 00000421
//| 00008421
//| 00030018 10000x00
//| 000000c3 010000x0
//| 00c30618 0010000x
//| 00003003 x0010000
