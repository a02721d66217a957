//! icarus_skip = "skip: vvp 11 aborts on $countbits; Verilator 5.006 agrees on the 2-state counts (it has no X/Z), the X/Z counts follow IEEE 1800-2017 20.9 by hand"
// $countbits (IEEE 1800-2017 20.9): each control value alone and together,
// on a 4-state value holding 0, 1, x and z bits, and on a wide value.
module t;
  logic [11:0] v = 12'b10xz_0011_zz1x;
  logic [99:0] wide = {4'hf, 96'h0};
  initial begin
    $display("0:%0d 1:%0d x:%0d z:%0d", $countbits(v, '0), $countbits(v, '1), $countbits(v, 'x), $countbits(v, 'z));
    $display("01:%0d xz:%0d all:%0d", $countbits(v, '0, '1), $countbits(v, 'x, 'z), $countbits(v, 0, 1, 'x, 'z));
    $display("wide ones:%0d zeros:%0d", $countbits(wide, 1'b1), $countbits(wide, 1'b0));
    $finish;
  end
endmodule
// ---- expected output ----
//| 0:3 1:4 x:2 z:3
//| 01:7 xz:5 all:12
//| wide ones:4 zeros:96
