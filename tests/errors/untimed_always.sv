//! kind = "compile-error"
// An `always` process with no timing control on any path loops forever at
// one simulation time (1364-2005 9.9.2): each of the first six is an error.
// An intra-assignment delay on a nonblocking assignment, `disable`, `->`,
// a call of a task that cannot wait and `fork ... join_none` do not make
// the process wait. The last four can wait on some path and are accepted.
module t;
  reg a, c;
  event e;
  always a <= #2 1'b1;
  always begin : blk
    if (c) a = 0; else disable blk;
  end
  always -> e;
  always set_a;
  always_ff a <= @e 1'b0;
  always fork #1 a = 1; join_none
  always if (c) #1 a = 0;
  always case (c) 1'b0: @e; default: a = 1; endcase
  always wait_a;
  always a = #1 ~a;
  task set_a;
    a = 1;
  endtask
  task wait_a;
    @(a);
  endtask
endmodule
// ---- expected output ----
//| untimed_always.sv:10:3: error[E0312]: this `always` process has no delay, event control or wait on any path: it would loop forever without advancing time
//|  10 |   always a <= #2 1'b1;
//|     |   ^^^^^^
//| untimed_always.sv:11:3: error[E0312]: this `always` process has no delay, event control or wait on any path: it would loop forever without advancing time
//|  11 |   always begin : blk
//|     |   ^^^^^^
//| untimed_always.sv:14:3: error[E0312]: this `always` process has no delay, event control or wait on any path: it would loop forever without advancing time
//|  14 |   always -> e;
//|     |   ^^^^^^
//| untimed_always.sv:15:3: error[E0312]: this `always` process has no delay, event control or wait on any path: it would loop forever without advancing time
//|  15 |   always set_a;
//|     |   ^^^^^^
//| untimed_always.sv:16:3: error[E0312]: this `always_ff` process has no delay, event control or wait on any path: it would loop forever without advancing time
//|  16 |   always_ff a <= @e 1'b0;
//|     |   ^^^^^^^^^
//| untimed_always.sv:17:3: error[E0312]: this `always` process has no delay, event control or wait on any path: it would loop forever without advancing time
//|  17 |   always fork #1 a = 1; join_none
//|     |   ^^^^^^
