// A primitive's output before and at time 0 (IEEE 1364-2005 8.5): the
// output net holds x before simulation starts, so a primitive whose output
// stays x makes no event, while an `initial` value arrives at time 0 as a
// change that `@(q)` sees.
primitive latch_init (q, e, d);
  output q;
  reg q;
  input e, d;
  initial q = 1'b0;
  table
     1 1 : ? : 1;
     1 0 : ? : 0;
     0 ? : ? : -;
  endtable
endprimitive

primitive latch_x (q, e, d);
  output q;
  reg q;
  input e, d;
  table
     1 1 : ? : 1;
     1 0 : ? : 0;
     0 ? : ? : -;
  endtable
endprimitive

module t;
  wire q0, qx;
  reg e, d;
  integer n0 = 0, nx = 0;
  latch_init l0 (q0, e, d);
  latch_x lx (qx, e, d);
  always @(q0) n0 = n0 + 1;
  always @(qx) nx = nx + 1;
  initial begin
    #1 $display("q0=%b events=%0d  qx=%b events=%0d", q0, n0, qx, nx);
    e = 1; d = 1;
    #1 $display("q0=%b events=%0d  qx=%b events=%0d", q0, n0, qx, nx);
  end
endmodule
// ---- expected output ----
//| q0=0 events=1  qx=x events=0
//| q0=1 events=2  qx=1 events=1
