//! kind = "compile-error"
// Automatic variables are not written by nonblocking assignments and not
// named in their event controls (IEEE 1364-2005 10.2.1).
module t;
  reg r;
  task automatic store;
    reg [1:0] slot;
    begin
      slot[0] <= 1'b1;
      r <= @(slot) 1'b0;
      r = slot[1];
    end
  endtask
endmodule
// ---- expected output ----
//| nonblocking_automatic.v:9:7: error[E0306]: nonblocking assignment to automatic variable `slot`
//|  9 |       slot[0] <= 1'b1;
//|    |       ^^^^^^^^^^^^^^^^
//|   = note: an automatic variable cannot be written by a nonblocking assignment (IEEE 1364-2005 10.2.1)
//| nonblocking_automatic.v:10:14: error[E0311]: automatic variable `slot` in the event control of a nonblocking assignment
//|  10 |       r <= @(slot) 1'b0;
//|     |              ^^^^
//|   = note: an intra-assignment event control of a nonblocking assignment cannot name an automatic variable (IEEE 1364-2005 10.2.1)
