//! `gen.timer_steps(steps)`: the quiet time steps of a design's one timer
//! (a free-running clock, `always #5 clk = ~clk;`) back to back in
//! generated code.
//!
//! guest-rt's own loop over such steps (`run_quiet_timer_steps`) called the
//! timer's body, then the runner, and tested a dozen words of its state
//! between them: about 80 instructions a step, most of the values it kept
//! across the two calls in stack slots (it is inlined into `wsim_run`, a
//! large function, with the rest of the scheduler). Here a step is the body's statements run in place,
//! the runner's call when the body woke a static process, and the tests
//! that the step left nothing to do:
//!
//! ```text
//! PASSES = DELTA_LIMIT - 1                    (left: the parameter)
//! loop:
//!     timer body, in place; left -= 1
//!     if some pending bit:
//!         if (stop = run_statics(base)) != 0: QUIET_END = 1 + stop; return
//!         passes += DELTA_LIMIT - 1 - PASSES
//!         if ANY_PENDING | ANY_LATER | *HOST_WORK_AT | shadows' any:
//!             QUIET_END = QUIET_WORK; return
//!         PASSES = DELTA_LIMIT - 1; RUNNING = u32::MAX
//!     else if the body has an NBA:
//!         ANY_PENDING, ANY_LATER = some pending bit, some later bit
//!         the same test of work left
//!     if left == 0: QUIET_END = QUIET_DONE; return
//!     *NOW_AT += period
//! (return: QUIET_PASSES = passes; return left)
//! ```
//!
//! The body's marks set the pending and later bits without the flags, as
//! the runner's do (`Lower::in_runner`): the step tests the pending bits,
//! the runner leaves the flags exact, and a step that did not call it
//! sets them from the bits where it may have set some (an NBA). (The
//! test and clear of `ANY_PENDING` around a flag the body had just set
//! cost rv32_pipe 4 instructions per cycle.)
//!
//! A step whose body woke no static process (a clock's falling edge
//! nobody waits for) tests nothing more: a body that calls nothing sets
//! no work of guest-rt's (`HOST_WORK_AT` is set only by guest-rt's
//! functions), and without an NBA no later bit or shadow either. `PASSES`
//! and `RUNNING` change only in the runner, so they are reset after it
//! (`PASSES` is what the last step's runner left, as guest-rt reads it;
//! `RUNNING` names the unit it ran last). The two addresses in the
//! statics, `NOW_AT` and `HOST_WORK_AT`, are read once: guest-rt sets them
//! at its start. (rv32_pipe and picorv32: 76 -> 64 instructions per
//! cycle in this function.)
//!
//! guest-rt picks up where a step left work, as its own loop did, from
//! `QUIET_END`, `PASSES` and `RUNNING`; it counts the steps, deltas and
//! activations from what the function returns and `QUIET_PASSES`. It calls the function only
//! for as many steps as come before `until` and the time queue's first
//! entry; anything else that could end the run of steps (a thread woken,
//! an entry added to the time queue, a stop) sets the `HOST_WORK_AT`
//! byte. The body must call nothing ([`TimerBody::calls`]): guest-rt's
//! thread bookkeeping (the running thread) is left out around it. (Run
//! in place rather than called, the body took 23 instructions per cycle
//! fewer on rv32_pipe.)

use crate::func::{mem, FnGen};
use crate::lower::{Ctx, FnType, Lower, Owner, Role};
use crate::runner::{push_any_pending_bit, push_statics, store_exact_flags, TimerBody};
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_abi::{statics as sw, DELTA_LIMIT};

/// The function index of `gen.timer_steps`, when the design has a timer
/// body that calls nothing, a non-zero period and a runner.
pub fn gen_timer_steps(cx: &mut Ctx, body: Option<TimerBody>, runner: Option<u32>) -> Option<u32> {
    let (body, runner) = (body?, runner?);
    let [(_, period)] = cx.sched.timers[..] else { return None };
    if body.calls || period == 0 {
        return None;
    }
    let k = cx.declare(FnType::Step);
    let p = body.proc;
    let name = cx.located("timer_steps", Some(cx.d.procs[p].scope), cx.d.procs[p].span);
    cx.name(k, name);
    let mut l = Lower::new(cx, FnGen::new(1, false, 0), Role::Plain, Owner::default());
    l.fn_index = k;
    // the body's marks set the bits alone, as the runner's do: the step
    // tests the bits, and the runner leaves the flags exact
    l.in_runner = true;
    let locals = Locals {
        left: 0,
        passes: l.f.local(ValType::I64),
        now_at: l.f.local(ValType::I32),
        host_work_at: l.f.local(ValType::I32),
    };
    for (at, local) in [(sw::NOW_AT, locals.now_at), (sw::HOST_WORK_AT, locals.host_work_at)] {
        push_statics(&mut l);
        l.i(I::I32Load(mem(at, 2)));
        l.i(I::LocalSet(local));
    }
    reset_passes(&mut l);
    let step = l.f.new_block();
    l.f.goto(step);
    l.f.switch_to(step);
    body.run_in_place(&mut l);
    l.i(I::LocalGet(locals.left));
    l.i32c(1);
    l.i(I::I32Sub);
    l.i(I::LocalSet(locals.left));
    run_woken_statics(&mut l, runner, locals, body.nbas);
    l.i(I::LocalGet(locals.left));
    l.i(I::I32Eqz);
    l.i(I::If(BlockType::Empty));
    end_steps(&mut l, sw::QUIET_DONE, locals);
    l.i(I::End);
    start_next_step(&mut l, period, locals);
    l.f.goto(step);
    let mut f = l.f;
    f.give_static_temps(&mut cx.consts);
    cx.funcs[k as usize].body = Some(f);
    Some(k)
}

/// The function's locals: the steps not started yet (its parameter), the
/// passes the runner made in the steps so far (`QUIET_PASSES`), and the
/// addresses guest-rt keeps in the statics' `NOW_AT` and `HOST_WORK_AT`.
#[derive(Clone, Copy)]
struct Locals {
    left: u32,
    passes: u32,
    now_at: u32,
    host_work_at: u32,
}

/// `PASSES = DELTA_LIMIT - 1`, the delta limit as guest-rt's
/// `run_pending_statics` sets it.
fn reset_passes(l: &mut Lower) {
    push_statics(l);
    l.i32c((DELTA_LIMIT - 1) as i32);
    l.i(I::I32Store(mem(sw::PASSES, 2)));
}

/// The runner's passes, when the body woke a static process: returns when
/// the runner stopped at a process or left work, else counts its passes
/// and resets `PASSES` and `RUNNING` for the next step. A step that woke
/// none tests for work left only when the body has an NBA (`nbas`; see
/// the module doc).
fn run_woken_statics(l: &mut Lower, runner: u32, locals: Locals, nbas: bool) {
    let base = l.cx.lay.statics.start;
    let words = sw::words(l.cx.sched.order.len() as u32);
    push_any_pending_bit(l, base, words);
    l.i(I::If(BlockType::Empty));
    push_statics(l);
    let callee = l.cx.gen_index(runner);
    l.i(I::Call(callee));
    let stop = l.f.local(ValType::I32);
    l.i(I::LocalTee(stop));
    l.i(I::If(BlockType::Empty));
    push_statics(l);
    l.i(I::LocalGet(stop));
    l.i32c(1);
    l.i(I::I32Add);
    l.i(I::I32Store(mem(sw::QUIET_END, 2)));
    return_left(l, locals);
    l.i(I::End);
    // passes += DELTA_LIMIT - 1 - PASSES
    l.i(I::LocalGet(locals.passes));
    l.i(I::I64Const(i64::from(DELTA_LIMIT - 1)));
    l.i(I::I64Add);
    push_statics(l);
    l.i(I::I64Load32U(mem(sw::PASSES, 2)));
    l.i(I::I64Sub);
    l.i(I::LocalSet(locals.passes));
    end_if_work_left(l, locals);
    reset_passes(l);
    push_statics(l);
    l.i32c(-1);
    l.i(I::I32Store(mem(sw::RUNNING, 2)));
    if nbas {
        l.i(I::Else);
        // the flags from the bits the body set, for the test and guest-rt
        // (none today: a pending bit calls the runner, and only clocked
        // processes make direct NBAs, which set later bits)
        store_exact_flags(l);
        end_if_work_left(l, locals);
    }
    l.i(I::End);
}

/// Ends the steps (`QUIET_WORK`) if the step left work: a pending or later
/// bit (`ANY_PENDING` and `ANY_LATER` in one load), guest-rt's own, or an
/// armed shadow. (ORed as i64 and compared once: Cranelift then tests the
/// OR rather than materialize a flag.)
fn end_if_work_left(l: &mut Lower, locals: Locals) {
    push_statics(l);
    l.i(I::I64Load(mem(sw::ANY_PENDING, 3)));
    // (the byte as an i64: `runner::push_host_work`'s i32 and an extend
    // took one instruction more per step)
    l.i(I::LocalGet(locals.host_work_at));
    l.i(I::I64Load8U(mem(0, 0)));
    l.i(I::I64Or);
    if l.cx.lay.shadow_any.size != 0 {
        l.i32c(l.cx.lay.shadow_any.start as i32);
        l.i(I::I64Load32U(mem(0, 2)));
        l.i(I::I64Or);
    }
    l.i(I::I64Const(0));
    l.i(I::I64Ne);
    l.i(I::If(BlockType::Empty));
    end_steps(l, sw::QUIET_WORK, locals);
    l.i(I::End);
}

/// `QUIET_END = end`, then [`return_left`].
fn end_steps(l: &mut Lower, end: u32, locals: Locals) {
    push_statics(l);
    l.i32c(end as i32);
    l.i(I::I32Store(mem(sw::QUIET_END, 2)));
    return_left(l, locals);
}

/// `QUIET_PASSES = passes; return left`.
fn return_left(l: &mut Lower, locals: Locals) {
    push_statics(l);
    l.i(I::LocalGet(locals.passes));
    l.i(I::I64Store(mem(sw::QUIET_PASSES, 3)));
    l.f.restore_temp_stack();
    l.i(I::LocalGet(locals.left));
    l.i(I::Return);
}

/// Moves the current time a period on.
fn start_next_step(l: &mut Lower, period: u64, locals: Locals) {
    l.i(I::LocalGet(locals.now_at));
    l.i(I::LocalGet(locals.now_at));
    l.i(I::I64Load(mem(0, 3)));
    l.i(I::I64Const(period as i64));
    l.i(I::I64Add);
    l.i(I::I64Store(mem(0, 3)));
}
