//! kind = "compile-error"
// A primitive instance connects every port: the output, then each input.
primitive inv (y, a);
  output y;
  input a;
  table
     0 : 1;
     1 : 0;
  endtable
endprimitive
module t;
  wire y;
  reg a, b;
  inv i1 (y, a, b);
  inv i2 (y);
endmodule
// ---- expected output ----
//| udp_connection_count.v:14:17: error[E0305]: too many connections for primitive `inv`
//|  14 |   inv i1 (y, a, b);
//|     |                 ^
//| udp_connection_count.v:15:7: error[E0305]: primitive `inv` has 2 ports; 1 connected
//|  15 |   inv i2 (y);
//|     |       ^^^^^^
