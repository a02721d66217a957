//! Subroutine calls. Subroutines that cannot wait are plain wasm functions
//! `(frame) -> ()`: automatic ones get a frame carved from the caller's temp
//! area, static ones get 0 and keep their locals in the arena. Tasks that
//! can wait run as their own thread: the caller allocates the callee frame
//! with rt_alloc_frame, links it with rt_call and returns CALL; it resumes
//! when the task is done, copies the outputs back and frees the frame.

use crate::func::mem;
use crate::lower::{Addr, Lower, Role};
use crate::stmt::Mode;
use wasm_encoder::{Instruction as I, ValType};
use wsim_abi::{frame, status};
use wsim_ir::*;
use wsim_layout::Place;

impl Lower<'_, '_> {
    /// Where a formal/local of `subr` lives, given the callee frame address.
    fn formal_addr(&self, s: SignalId, callee_frame: Option<Addr>) -> Addr {
        match (self.cx.lay.signals[s.index()].place, callee_frame) {
            (Place::Static(o), _) => Addr::Abs(o),
            (Place::Frame(_, o), Some(Addr::Temp(t))) => Addr::Temp(t + o),
            (Place::Frame(_, o), Some(Addr::Base(l, b))) => Addr::Base(l, b + o),
            (Place::Frame(..), _) => Addr::Abs(0),
        }
    }

    /// Evaluate the input arguments and store them into the formals.
    pub(crate) fn pass_inputs(&mut self, subr: SubrId, args: &[ExprId], callee_frame: Option<Addr>) {
        let d = self.d();
        let formals = &d.subrs[subr].formals;
        // Evaluate every input first: an argument may read a formal of a
        // static subroutine (recursive-looking calls).
        let (mut staged, mut staged_small) = (vec![], vec![]);
        for (f, &a) in formals.iter().zip(args) {
            if f.dir == Dir::Output {
                continue;
            }
            let fty = d.signals[f.sig].ty;
            if fty.is_real() {
                let t = Addr::Temp(self.f.temp(8));
                self.push_addr(t);
                self.real(a);
                self.i(I::F64Store(mem(0, 3)));
                staged.push((f.sig, t, 8));
            } else if fty.width <= 64 && self.ty(a).width <= 64 {
                // in locals until stored: no temp, no `memory.copy` (whose
                // bounds Cranelift tests on every call)
                let v = self.small(a);
                staged_small.push((f.sig, v));
            } else {
                let v = self.int(a);
                staged.push((f.sig, v, wsim_abi::value_bytes(fty.width)));
            }
        }
        for (sig, v) in staged_small {
            let dst = self.formal_addr(sig, callee_frame);
            self.store_small_value(dst, v);
        }
        for (sig, v, bytes) in staged {
            let dst = self.formal_addr(sig, callee_frame);
            self.push_addr(dst);
            self.push_addr(v);
            self.i32c(bytes as i32);
            self.i(I::MemoryCopy { src_mem: 0, dst_mem: 0 });
        }
    }

    /// Copy output and inout formals back to the argument lvalues.
    pub(crate) fn take_outputs(&mut self, subr: SubrId, args: &[ExprId], callee_frame: Option<Addr>) {
        let d = self.d();
        for (f, &a) in d.subrs[subr].formals.iter().zip(args) {
            if f.dir == Dir::Input {
                continue;
            }
            let src = self.formal_addr(f.sig, callee_frame);
            if d.signals[f.sig].ty.is_real() {
                self.write_real(a, |l| {
                    l.push_addr(src);
                    l.i(I::F64Load(mem(0, 3)));
                });
            } else {
                self.write(a, src, Mode::Blocking);
            }
        }
    }

    /// Call a subroutine that cannot wait; returns the callee frame (if automatic).
    fn plain_call(&mut self, subr: SubrId, args: &[ExprId]) -> Option<Addr> {
        let sub = &self.d().subrs[subr];
        let callee_frame =
            if sub.automatic { Some(Addr::Temp(self.f.temp(self.cx.lay.subrs[subr.index()].size))) } else { None };
        self.pass_inputs(subr, args, callee_frame);
        match callee_frame {
            Some(fr) => self.push_addr(fr),
            None => self.i32c(0),
        }
        let k = self.cx.subr_fn[subr.index()];
        let idx = self.cx.gen_index(k);
        self.call(idx);
        self.take_outputs(subr, args, callee_frame);
        callee_frame
    }

    /// A function call in an expression: the value of its return variable.
    pub fn call_expr(&mut self, subr: SubrId, args: &[ExprId], e: ExprId) -> Addr {
        let span = self.espan(e);
        if self.cx.facts.subr_waits[subr.index()] {
            self.cx.unsupported(span, "calling a subroutine that can wait from an expression");
            return self.temp_value(self.ty(e).width);
        }
        let ret = self.d().subrs[subr].ret;
        let ret_ty = ret.map(|r| self.d().signals[r].ty);
        if let (Some(v), Some(ty)) = (self.hoisted_call(e), ret_ty) {
            return self.small_addr(v, ty.width);
        }
        let frame_addr = self.plain_call(subr, args);
        let (Some(ret), Some(ty)) = (ret, ret_ty) else {
            return self.temp_value(self.ty(e).width.max(1));
        };
        let src = self.formal_addr(ret, frame_addr);
        if frame_addr.is_some() {
            return src;
        }
        // a static return variable: copy it before another call overwrites it
        if !ty.is_real() && ty.width <= 64 {
            let v = self.load_small(src, ty.four_state);
            return self.small_addr(v, ty.width);
        }
        let bytes = if ty.is_real() { 8 } else { wsim_abi::value_bytes(ty.width) };
        let t = Addr::Temp(self.f.temp(bytes));
        self.push_addr(t);
        self.push_addr(src);
        self.i32c(bytes as i32);
        self.i(I::MemoryCopy { src_mem: 0, dst_mem: 0 });
        t
    }

    pub fn call_stmt(&mut self, subr: SubrId, args: &[ExprId], span: wsim_diag::Span) {
        if !self.cx.facts.subr_waits[subr.index()] {
            if !self.call_stmt_in_place(subr, args) {
                self.plain_call(subr, args);
            }
            return;
        }
        if !matches!(self.role, Role::Proc | Role::TaskStep | Role::Branch) {
            self.cx.unsupported(span, "calling a task that can wait from here");
            return;
        }
        let automatic = self.d().subrs[subr].automatic;
        let id = self.cx.subr_dispatch[subr.index()].expect("waiting subroutines have a dispatch id");
        let child = self.f.local(ValType::I32);
        self.f.sym(crate::func::Ins::SubrFrameSize(subr.raw()));
        self.i32c(id as i32);
        self.rt("rt_alloc_frame");
        self.i(I::LocalSet(child));
        let callee = automatic.then_some(Addr::Base(child, 0));
        self.pass_inputs(subr, args, callee);
        self.i(I::LocalGet(0));
        self.i(I::LocalGet(child));
        self.rt("rt_call");
        let resume = self.f.new_block();
        self.f.suspend(status::CALL, resume);
        self.i(I::LocalGet(0));
        self.i(I::I32Load(mem(frame::CHILD, 2)));
        self.i(I::LocalSet(child));
        if !self.cx.facts.listed[subr.index()] {
            self.take_outputs(subr, args, callee);
            self.i(I::LocalGet(child));
            self.rt("rt_free_frame");
            return;
        }
        // A `disable` may have ended the call: its outputs are unspecified
        // (1364-2005 9.6.2) and are copied like Icarus does; the frame may
        // still sit in a run queue, so it is not freed.
        self.take_outputs(subr, args, callee);
        let done = self.f.new_block();
        let free = self.f.new_block();
        self.i(I::LocalGet(child));
        self.i(I::I32Load(mem(frame::FLAGS, 2)));
        self.i32c(frame::flags::DEAD as i32);
        self.i(I::I32And);
        self.f.terminate(crate::func::Term::Branch(done, free));
        self.f.switch_to(free);
        self.i(I::LocalGet(child));
        self.rt("rt_free_frame");
        self.f.goto(done);
        self.f.switch_to(done);
    }

    /// Give the automatic locals of the subroutine being generated their
    /// initial values (inputs were already passed in).
    pub fn init_automatic_locals(&mut self, subr: SubrId) {
        let d = self.d();
        let inputs: Vec<SignalId> =
            d.subrs[subr].formals.iter().filter(|f| f.dir != Dir::Output).map(|f| f.sig).collect();
        for (id, sig) in d.signals.iter() {
            if sig.storage != Storage::Automatic(subr) || inputs.contains(&id) {
                continue;
            }
            let a = self.sig_addr(id, sig.span);
            let n = sig.elements() as u32;
            self.init_signal(a, sig, n, false);
        }
    }

    /// Initial value of `n` elements of a signal at `a`.
    pub fn init_signal(&mut self, a: Addr, sig: &Signal, n: u32, undriven: bool) {
        let ty = sig.ty;
        if let Some(c) = &sig.init {
            let bytes = if ty.is_real() { 8 } else { wsim_abi::value_bytes(ty.width) };
            let data = if ty.is_real() { c.words[0].to_le_bytes().to_vec() } else { value_bytes_of(c, ty.width) };
            let src = Addr::Const(self.cx.consts.intern(data));
            for k in 0..n {
                let dst = match a {
                    Addr::Abs(o) => Addr::Abs(o + k * bytes),
                    Addr::Base(l, o) => Addr::Base(l, o + k * bytes),
                    Addr::Temp(o) => Addr::Temp(o + k * bytes),
                    Addr::Const(o) => Addr::Const(o + k * bytes),
                };
                self.push_addr(dst);
                self.push_addr(src);
                self.i32c(bytes as i32);
                self.i(I::MemoryCopy { src_mem: 0, dst_mem: 0 });
            }
            return;
        }
        if ty.is_real() || ty.kind == TypeKind::Event || !ty.four_state {
            let bytes = if ty.is_real() { 8 } else { wsim_abi::value_bytes(ty.width) };
            self.push_addr(a);
            self.i32c(0);
            self.i32c((bytes * n) as i32);
            self.i(I::MemoryFill(0));
            return;
        }
        let undriven_net = undriven && matches!(sig.kind, SignalKind::Net(_));
        self.fill(a, ty.width, n, if undriven_net { 2 } else { 1 });
    }
}

/// A constant resized to `w` bits, as arena bytes.
pub fn value_bytes_of(c: &Const, w: u32) -> Vec<u8> {
    let limbs = w.div_ceil(64).max(1) as usize;
    let cl = Const::limbs(c.width);
    let mut out = Vec::with_capacity(limbs * 16);
    for plane in 0..2 {
        for i in 0..limbs {
            let v = if i < cl { c.words[plane * cl + i] } else { 0 };
            let v = if i == limbs - 1 && !w.is_multiple_of(64) { v & ((1u64 << (w % 64)) - 1) } else { v };
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::specialize::tests::runner_operators;

    /// The `memory.copy`s of the runner of a call of a static function of
    /// `width`-bit values.
    fn runner_copies(width: u32) -> usize {
        let src = format!(
            "module t; reg [{w}:0] a, b, z;
             function [{w}:0] f(input [{w}:0] x, input [{w}:0] y); f = x ^ y; endfunction
             always @* z = f(a, b);
             endmodule\n",
            w = width - 1
        );
        runner_operators(&src, &Default::default()).iter().filter(|op| op.starts_with("MemoryCopy")).count()
    }

    #[test]
    fn small_arguments_and_results_pass_through_locals() {
        assert_eq!(runner_copies(64), 0);
        // two arguments and the return value
        assert_eq!(runner_copies(65), 3);
    }
}
