// x and z in %h/%o/%b/%d (1364-2005 17.1.1.5): a digit whose bits are all
// x prints x, all z prints z, a mix with some x prints X, some z (no x) Z;
// %d prints x/X/z/Z for the whole value the same way.
module t;
  reg [11:0] v;
  initial begin
    v = 12'b1010_xxxx_zzzz; $display("%h %o %b", v, v, v);
    v = 12'b10x1_zz01_0000; $display("%h %o", v, v);
    v = 12'bxxxx_xxxx_xxxx; $display("%h %d", v, v);
    v = 12'bzzzz_zzzz_zzzz; $display("%h %d", v, v);
    v = 12'b0000_0000_000x; $display("%d", v);
    v = 12'b0000_0000_000z; $display("%d", v);
    $finish;
  end
endmodule
// ---- expected output ----
//| axz 5XXz 1010xxxxzzzz
//| XZ0 XZ20
//| xxx    x
//| zzz    z
//|    X
//|    Z
