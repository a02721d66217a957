//! `gen.timer_steps(steps)`: the quiet time steps of a design's one timer
//! (a free-running clock, `always #5 clk = ~clk;`) back to back in
//! generated code.
//!
//! guest-rt's own loop over such steps (`run_quiet_timer_steps`) called the
//! timer's body, then the runner, and tested a dozen words of its state
//! between them: about 80 instructions a step, where every value it kept
//! across the two calls was spilled (every register is caller-saved in
//! wasm-to-wasm calls). Here a step is the body's call, the runner's call
//! when the body woke a static process, and the tests that the step left
//! nothing to do:
//!
//! ```text
//! loop:
//!     timer_body(frame); ran += 1
//!     PASSES = DELTA_LIMIT - 1
//!     if ANY_PENDING:
//!         ANY_PENDING = 0
//!         if (stop = run_statics(base)) != 0: QUIET_END = 1 + stop; return ran
//!     if ANY_PENDING | ANY_LATER | *HOST_WORK_AT | shadows' any:
//!         QUIET_END = QUIET_WORK; return ran
//!     if ran == steps: QUIET_END = QUIET_DONE; return ran
//!     QUIET_PASSES += DELTA_LIMIT - 1 - PASSES; RUNNING = u32::MAX
//!     *NOW_AT += period
//! ```
//!
//! guest-rt picks up where a step left work, as its own loop did, from
//! `QUIET_END`, `PASSES` and `RUNNING`; it counts the steps, deltas and
//! activations from what the function returns. It calls the function only
//! for as many steps as come before `until` and the time queue's first
//! entry; anything else that could end the run of steps (a thread woken,
//! an entry added to the time queue, a stop) sets the `HOST_WORK_AT`
//! byte. The body must call nothing ([`TimerBody::calls`]): guest-rt's
//! thread bookkeeping (the running thread) is left out around it.

use crate::func::{mem, FnGen, Ins};
use crate::lower::{Ctx, FnType, Lower, Owner, Role};
use crate::runner::TimerBody;
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
    let ran = l.f.local(ValType::I32);
    l.i(I::Loop(BlockType::Empty));
    run_body(&mut l, body);
    l.i(I::LocalGet(ran));
    l.i32c(1);
    l.i(I::I32Add);
    l.i(I::LocalSet(ran));
    run_woken_statics(&mut l, runner, ran);
    push_work_left(&mut l);
    l.i(I::If(BlockType::Empty));
    end_steps(&mut l, sw::QUIET_WORK, ran);
    l.i(I::End);
    l.i(I::LocalGet(ran));
    l.i(I::LocalGet(0));
    l.i(I::I32Eq);
    l.i(I::If(BlockType::Empty));
    end_steps(&mut l, sw::QUIET_DONE, ran);
    l.i(I::End);
    start_next_step(&mut l, period);
    l.i(I::Br(0));
    l.i(I::End);
    let f = l.f;
    cx.funcs[k as usize].body = Some(f);
    Some(k)
}

fn base(l: &mut Lower) {
    l.i32c(l.cx.lay.statics.start as i32);
}

/// `timer_body(frame)`, its status dropped (always `WAIT`).
fn run_body(l: &mut Lower, body: TimerBody) {
    l.f.sym(Ins::ProcFrame(body.proc.raw()));
    let callee = l.cx.gen_index(body.func);
    l.i(I::Call(callee));
    l.i(I::Drop);
}

/// The runner's passes, when the body woke a static process, under the
/// delta limit as guest-rt's `run_pending_statics` sets it; returns when
/// the runner stopped at a process.
fn run_woken_statics(l: &mut Lower, runner: u32, ran: u32) {
    base(l);
    l.i32c((DELTA_LIMIT - 1) as i32);
    l.i(I::I32Store(mem(sw::PASSES, 2)));
    base(l);
    l.i(I::I32Load(mem(sw::ANY_PENDING, 2)));
    l.i(I::If(BlockType::Empty));
    base(l);
    l.i32c(0);
    l.i(I::I32Store(mem(sw::ANY_PENDING, 2)));
    base(l);
    let callee = l.cx.gen_index(runner);
    l.i(I::Call(callee));
    let stop = l.f.local(ValType::I32);
    l.i(I::LocalTee(stop));
    l.i(I::If(BlockType::Empty));
    base(l);
    l.i(I::LocalGet(stop));
    l.i32c(1);
    l.i(I::I32Add);
    l.i(I::I32Store(mem(sw::QUIET_END, 2)));
    l.f.restore_temp_stack();
    l.i(I::LocalGet(ran));
    l.i(I::Return);
    l.i(I::End);
    l.i(I::End);
}

/// Pushes whether the step left work (an i32): a pending or later bit
/// (`ANY_PENDING` and `ANY_LATER` in one load), guest-rt's own, or an
/// armed shadow.
fn push_work_left(l: &mut Lower) {
    base(l);
    l.i(I::I64Load(mem(sw::ANY_PENDING, 3)));
    l.i(I::I64Const(0));
    l.i(I::I64Ne);
    base(l);
    l.i(I::I32Load(mem(sw::HOST_WORK_AT, 2)));
    l.i(I::I32Load8U(mem(0, 0)));
    l.i(I::I32Or);
    if l.cx.lay.shadow_any.size != 0 {
        l.i32c(l.cx.lay.shadow_any.start as i32);
        l.i(I::I32Load(mem(0, 2)));
        l.i(I::I32Or);
    }
}

/// `QUIET_END = end; return ran`.
fn end_steps(l: &mut Lower, end: u32, ran: u32) {
    base(l);
    l.i32c(end as i32);
    l.i(I::I32Store(mem(sw::QUIET_END, 2)));
    l.f.restore_temp_stack();
    l.i(I::LocalGet(ran));
    l.i(I::Return);
}

/// Counts the step's passes, clears `RUNNING` (set by a unit the step
/// ran: guest-rt's triggers skip the running unit) and moves the current
/// time a period on.
fn start_next_step(l: &mut Lower, period: u64) {
    base(l);
    base(l);
    l.i(I::I64Load(mem(sw::QUIET_PASSES, 3)));
    l.i(I::I64Const(i64::from(DELTA_LIMIT - 1)));
    base(l);
    l.i(I::I64Load32U(mem(sw::PASSES, 2)));
    l.i(I::I64Sub);
    l.i(I::I64Add);
    l.i(I::I64Store(mem(sw::QUIET_PASSES, 3)));
    base(l);
    l.i32c(-1);
    l.i(I::I32Store(mem(sw::RUNNING, 2)));
    let now = l.f.local(ValType::I32);
    base(l);
    l.i(I::I32Load(mem(sw::NOW_AT, 2)));
    l.i(I::LocalTee(now));
    l.i(I::LocalGet(now));
    l.i(I::I64Load(mem(0, 3)));
    l.i(I::I64Const(period as i64));
    l.i(I::I64Add);
    l.i(I::I64Store(mem(0, 3)));
}
