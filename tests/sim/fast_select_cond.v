// Part and bit selects of <= 64-bit values with constant, variable,
// out-of-range and x/z offsets, nested conditional operators with x
// conditions, concatenation and replication of x/z parts, and case
// labels with x/z bits.
module t;
  reg [63:0] v;
  reg [15:0] h;
  reg [7:0] s;
  reg [6:0] idx;
  reg [2:0] ix;
  reg c1, c2;
  integer k;
  initial begin
    v = 64'h0123_4567_89ab_cdef; h = 16'hz1x0;
    $display("%h %h %h %b", v[7:0], v[63:56], v[39:8], v[63]);
    for (k = 0; k < 5; k = k + 1) begin
      idx = k * 15;
      $display("%h %h %b %h", v[idx +: 8], v[idx -: 4], v[idx], h[idx[3:0] +: 4]);
    end
    idx = 7'bx;
    $display("%h %b %h", v[idx +: 8], v[idx], h[idx +: 4]);
    idx = 62;
    $display("%h %b", v[idx +: 4], h[idx -: 2]);
    // nested ?: with known and unknown conditions
    c1 = 1; c2 = 1'bx;
    $display("%h", c1 ? (c2 ? 8'h0f : 8'h0e) : 8'hff);
    $display("%h", c2 ? (c1 ? 8'h0f : 8'h0e) : 8'h0c);
    $display("%h", (c2 ? 8'h3c : 8'h3c) + 8'd1);
    c1 = 0;
    $display("%h", c1 ? 8'h12 : c2 ? h[7:0] : h[15:8]);
    c2 = 1'bz;
    $display("%h", c2 ? v[63:0] : ~v);
    $display("%b", c2 ? 1'b1 : 1'b1);
    // concatenation and replication with x/z parts
    $display("%b", {h[3:0], 2'bz1, s[1:0], {3{1'b1}}});
    s = 8'b01xz_1100;
    $display("%b %b", {2{s[5:3]}}, {s[7:4], h[7:4]});
    $display("%h", {v[31:0], v[63:32]});
    // case labels and subjects with x/z
    for (k = 0; k < 4; k = k + 1) begin
      ix = k;
      if (k == 3) ix = 3'b1x0;
      case (ix)
        3'd0: $display("case 0");
        3'b1x0: $display("case 1x0");
        3'd1, 3'd2: $display("case 1 or 2");
        default: $display("case default");
      endcase
      casez (ix)
        3'b?1?: $display("casez ?1?");
        3'b1??: $display("casez 1??");
        default: $display("casez default");
      endcase
      casex (ix)
        3'b00x: $display("casex 00x");
        default: $display("casex default");
      endcase
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| ef 01 6789abcd 0
//| ef X 1 0
//| 57 c 1 X
//| 9e 1 0 X
//| 1a 1 0 X
//| x0 0 0 z
//| xx x x
//| X xx
//| 0X
//| 0X
//| 3d
//| xX
//| xxxxxxxxxxxxxxxx
//| 1
//| 0000z1xx111
//| xz1xz1 01xzxxxx
//| 89abcdef01234567
//| case 0
//| casez default
//| casex 00x
//| case 1 or 2
//| casez default
//| casex 00x
//| case 1 or 2
//| casez ?1?
//| casex default
//| case 1x0
//| casez 1??
//| casex default
