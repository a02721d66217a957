//! The static runner: one generated function that runs the pending static
//! processes (`crate::schedule`) in index order with direct calls.
//!
//! guest-rt used to find each pending bit, then call the process through
//! `gen.dispatch` and its thread bookkeeping; for a combinational process of
//! a few instructions that cost more than the process. The runner tests the
//! bits in the order the plan fixed, so a bit set behind it (a combinational
//! loop) waits for the next pass exactly as before:
//!
//! ```text
//! for i in static order:
//!     if pending[i / 64] & bit(i):
//!         pending[i / 64] &= !bit(i); RUNNING = i; ACTIVATIONS += 1
//!         status = step_i(frame_i)
//!         if status != WAIT: STATUS = status; return i + 1
//! return 0
//! ```
//!
//! Its argument is the base of the shared words (`wsim_abi::statics`).
//! guest-rt handles an early return (`$finish`, `$stop`) like any thread's.

use crate::func::{mem, FnGen, Ins};
use crate::lower::{Ctx, FnType, Lower, Owner, Role};
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_abi::{statics as sw, status};

/// Generate the runner; returns its dispatch id, or None when no process
/// is static.
pub fn gen_runner(cx: &mut Ctx) -> Option<u32> {
    if cx.sched.order.is_empty() {
        return None;
    }
    let k = cx.declare(FnType::Step);
    cx.dispatch.push(k);
    let id = cx.dispatch.len() as u32 - 1;
    let mut l = Lower::new(cx, FnGen::new(1, false, 0), Role::Plain, Owner::default());
    let st = l.f.local(ValType::I32);
    for (i, p) in l.cx.sched.order.clone().into_iter().enumerate() {
        let word = sw::PENDING + 8 * (i as u32 / 64);
        let bit = 1u64 << (i % 64);
        // if pending & bit
        l.i(I::LocalGet(0));
        l.i(I::I64Load(mem(word, 3)));
        l.i(I::I64Const(bit as i64));
        l.i(I::I64And);
        l.i(I::I64Const(0));
        l.i(I::I64Ne);
        l.i(I::If(BlockType::Empty));
        // pending &= !bit
        l.i(I::LocalGet(0));
        l.i(I::LocalGet(0));
        l.i(I::I64Load(mem(word, 3)));
        l.i(I::I64Const(!bit as i64));
        l.i(I::I64And);
        l.i(I::I64Store(mem(word, 3)));
        // RUNNING = i; ACTIVATIONS += 1
        l.i(I::LocalGet(0));
        l.i32c(i as i32);
        l.i(I::I32Store(mem(sw::RUNNING, 2)));
        l.i(I::LocalGet(0));
        l.i(I::LocalGet(0));
        l.i(I::I64Load(mem(sw::ACTIVATIONS, 3)));
        l.i(I::I64Const(1));
        l.i(I::I64Add);
        l.i(I::I64Store(mem(sw::ACTIVATIONS, 3)));
        // status = step(frame)
        l.f.sym(Ins::ProcFrame(p.raw()));
        let callee = l.cx.gen_index(l.cx.proc_fn[p.index()]);
        l.i(I::Call(callee));
        l.i(I::LocalTee(st));
        l.i32c(status::WAIT);
        l.i(I::I32Ne);
        l.i(I::If(BlockType::Empty));
        l.i(I::LocalGet(0));
        l.i(I::LocalGet(st));
        l.i(I::I32Store(mem(sw::STATUS, 2)));
        l.i32c(i as i32 + 1);
        l.i(I::Return);
        l.i(I::End);
        l.i(I::End);
    }
    l.f.ret(Some(0));
    let f = l.f;
    cx.funcs[k as usize].body = Some(f);
    Some(id)
}
