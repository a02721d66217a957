// `l && r` / `l || r` with a known (two-state) left operand and a cheap
// right one without effects evaluate both and combine their truth codes
// with no branch (expr.rs `logical`): a 0 (&&) or 1 (||) on either side
// decides, else an x or z on the right gives x (1800-2017 11.4.7). And
// `c ? a : b` with a known condition and arms of a few operations picks
// with a `select`: every plane, X and Z bits included, comes from the
// chosen arm. Each line runs every combination of the operands.
module top;
  bit l;
  logic r;
  logic [3:0] v;
  bit [3:0] k;
  logic [7:0] a;
  logic [7:0] b;
  integer i, j;
  logic [3:0] rs = 4'b01xz;
  initial begin
    for (i = 0; i < 2; i++) begin
      l = i;
      for (j = 0; j < 4; j++) begin
        r = rs[j];
        $display("l=%b r=%b: && %b || %b !&& %b &&| %b cmp %b %b", l, r, l && r, l || r,
                 !(l && r), (l && r) || r, l && (r == 1'b1), l || (r !== 1'b0));
      end
    end
    // a wider right operand: true when any bit is 1, unknown when none is
    // and some bit is x or z
    for (j = 0; j < 4; j++) begin
      v = {rs[j], 3'b000};
      k = j;
      $display("v=%b k=%0d: %b %b %b %b", v, k, k[0] && v, k[1] || v, k[0] && v[3:1] == 3'b0 && k[1],
               (k != 0) && (v | 4'b0001));
    end
    a = 8'b1010_xz01;
    b = 8'h3c;
    for (i = 0; i < 2; i++) begin
      l = i;
      $display("l=%b: %b %b %b %b", l, l ? a : b, l ? ~a : b[7:4] ^ b[3:0], l ? {a[3:0], b[7:4]} : -b,
               l ? a + 1 : b);
    end
  end
endmodule
// ---- expected output ----
//| l=0 r=z: && 0 || x !&& 1 &&| x cmp 0 1
//| l=0 r=x: && 0 || x !&& 1 &&| x cmp 0 1
//| l=0 r=1: && 0 || 1 !&& 1 &&| 1 cmp 0 1
//| l=0 r=0: && 0 || 0 !&& 1 &&| 0 cmp 0 0
//| l=1 r=z: && x || 1 !&& x &&| x cmp x 1
//| l=1 r=x: && x || 1 !&& x &&| x cmp x 1
//| l=1 r=1: && 1 || 1 !&& 0 &&| 1 cmp 1 1
//| l=1 r=0: && 0 || 1 !&& 1 &&| 0 cmp 0 1
//| v=z000 k=0: 0 x 0 0
//| v=x000 k=1: x x 0 1
//| v=1000 k=2: 0 1 0 1
//| v=0000 k=3: 0 1 1 1
//| l=0: 00111100 00001111 11000100 00000000000000000000000000111100
//| l=1: 1010xz01 0101xx10 xz010011 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
