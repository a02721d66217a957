//! icarus_skip = "skip: Icarus 12 does not support unpacked structs and Verilator 5.006 neither member default values nor a replicated pattern for a struct; the expected block follows 1800-2017 7.2-7.3 (7.2.2: a two-state member without a default starts at 0)"
// Unpacked structs and unions (IEEE 1800-2017 7.2, 7.3): member reads and
// writes, member default values (7.2.2), two-state members starting at 0,
// assignment patterns (positional, named, default:, replicated), whole
// struct assignment and equality, arrays of structs, a union's members
// sharing storage from the least significant bit.
module t;
  typedef struct {
    int a;
    logic [7:0] b;
    bit [3:0] c;
  } s_t;
  parameter P = 4'h5;
  struct {
    bit [3:0] lo = P;
    bit [3:0] hi;
  } p1;
  s_t x, y;
  s_t arr [0:2];
  struct { int X, Y, Z; } xyz = '{3{7}};
  union {
    bit [7:0] v1;
    bit [3:0] v2;
  } un;
  initial begin
    $display("%h %h", p1.lo, p1.hi);
    p1.hi = 4'ha;
    $display("%h %h", p1.hi, p1.lo);
    $display("%0d %0d %0d", xyz.X, xyz.Y, xyz.Z);
    x = '{1, 8'h22, 4'h3};
    $display("%0d %h %h", x.a, x.b, x.c);
    y = '{c: 4'h9, default: 0};
    $display("%0d %h %h", y.a, y.b, y.c);
    y = x;
    $display("%b", y == x);
    y.b = 8'h23;
    $display("%b %b", y == x, y != x);
    x.a += 5;
    $display("%0d", x.a);
    arr[1] = '{a: 10, b: 8'hbb, c: 4'hc};
    arr[2].a = 20;
    $display("%0d %h %0d", arr[1].a, arr[1].b, arr[2].a);
    un.v1 = 8'd140;
    $display("%0d %0d", un.v1, un.v2);
  end
endmodule
// ---- expected output ----
//| 5 0
//| a 5
//| 7 7 7
//| 1 22 3
//| 0 00 9
//| 1
//| 0 1
//| 6
//| 10 bb 20
//| 140 12
