//! kind = "compile-error"
// No bit of a uwire has two drivers; disjoint part selects are fine.
module t;
  uwire [3:0] u;
  assign u[1:0] = 2'b01;
  assign u[3:2] = 2'b10;
  uwire [3:0] v;
  assign v[2:0] = 3'b001;
  assign v[3:2] = 2'b10;
endmodule
// ---- expected output ----
//| uwire_two_drivers.v:9:10: error[E0306]: uwire `v` has more than one driver
//|  9 |   assign v[3:2] = 2'b10;
//|    |          ^^^^^^^^^^^^^^
//|   = note: a bit of a uwire net may have only one driver (IEEE 1364-2005 4.6.2, 1800-2017 6.6.2)
