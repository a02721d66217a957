// $writememh / $writememb (IEEE 1364-2005 17.2.9): every digit of each
// word, x/z digits as %h/%b print them, a `// 0x...` count comment every
// 16 words, optional start/end addresses in either order; each file is
// read back with $readmemh / $readmemb (the exact file text is checked by
// guest-rt's unit test `writememh_text_like_vvp`).
module t;
  reg [11:0] m [0:19];
  reg [11:0] back [0:19];
  reg [4:0] b [7:4];
  reg [4:0] bb [4:7];
  integer i;
  initial begin
    for (i = 0; i < 20; i = i + 1) m[i] = i * 201;
    m[3] = 12'hx5z;
    m[4] = 12'b1x00_zzzz_0101;
    $writememh("wm_all.hex", m);
    $readmemh("wm_all.hex", back);
    for (i = 0; i < 20; i = i + 1) $write("%h ", back[i]);
    $display("");
    for (i = 4; i < 8; i = i + 1) b[i] = i * 3;
    b[5] = 5'b1x0z1;
    $writememb("wm_part.bin", b, 6, 4);
    $readmemb("wm_part.bin", bb, 4, 6);
    $display("%b %b %b %b", bb[4], bb[5], bb[6], bb[7]);
    $writememh("wm_from.hex", m, 17);
    for (i = 0; i < 20; i = i + 1) back[i] = 0;
    $readmemh("wm_from.hex", back, 5, 7);
    $display("%h %h %h %h", back[4], back[5], back[7], back[8]);
    $finish;
  end
endmodule
// ---- expected output ----
//| 000 0c9 192 x5z xz5 3ed 4b6 57f 648 711 7da 8a3 96c a35 afe bc7 c90 d59 e22 eeb 
//| 10010 1x0z1 01100 xxxxx
//| 000 d59 eeb 000
