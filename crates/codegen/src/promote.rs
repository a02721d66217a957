//! Keep the <= 64-bit signals a loop assigns in locals while it runs.
//!
//! `sig = 0; for (k = 0; k < N; k = k + 1) sig = sig ^ v[k];` loads and
//! stores `sig` and `k` in the arena at every iteration: Cranelift cannot
//! keep them in registers, as any store may alias any load. Here the
//! addresses are known. A loop whose body cannot reach another thread or
//! subroutine (no call, system task or function, wait, `disable`,
//! `return` or nonblocking assignment) and that assigns a static signal
//! only whole (so every write goes through [`Lower::store_small_value`])
//! keeps that signal in two locals from the loop's entry to its exit:
//!
//! - before the loop, the locals are loaded from the arena;
//! - inside, a read ([`Lower::load_small`]) copies them and a write sets
//!   them. The compare and trigger of a watched signal's write stay, on
//!   the locals: only readers that are static processes, marked inline,
//!   are allowed (no `rt_notify` would read the arena);
//! - any other code that names the signal's address (an operand passed to
//!   a guest-rt helper) stores the locals to the arena first
//!   ([`Lower::push_addr`]), so it reads the current value;
//! - at the loop's exit (where `break` goes too) the locals are stored.
//!
//! Nothing else runs while the loop does, so no one can see the arena
//! behind the locals.
//!
//! A signal whose readers all wait for any change (no edge) and are pure
//! units (`crate::fuse::pure_units`: they compute their outputs from what
//! they watch, and have run once) *settles*: its writes in the loop only
//! set the locals, and the compare and trigger happen once, where the
//! locals are stored, against the value in the arena. The readers then
//! miss a change the loop undid (`sig` back at its old value), which they
//! would have run on with the inputs they had already seen: nothing they
//! do can tell (`tests/sim/loop_settle.v` has readers of both kinds).

use crate::analysis::{walk_stmts, written_signals};
use crate::fast::{Plane, Small};
use crate::func::mem;
use crate::lower::{Addr, Lower};
use std::collections::BTreeSet;
use wasm_encoder::{Instruction as I, ValType};
use wsim_ir::{Design, ExprKind, SignalId, StmtId, StmtKind, Storage};

/// A signal held in locals while a loop runs.
#[derive(Clone, Copy, Debug)]
pub struct Promoted {
    addr: u32,
    aval: u32,
    /// None for two-state storage.
    bval: Option<u32>,
    /// The signal's notify argument when it settles (see the module doc).
    settle: Option<i32>,
}

/// The signals loop `lp` assigns that it may keep in locals, as far as the
/// design tells: static, integral, at most 64 bits, and written only by
/// blocking assignments of the whole signal from a value of its width.
/// None at all when the loop contains a statement or expression that
/// could run other code or reach a signal some other way.
pub fn loop_locals(d: &Design, lp: StmtId) -> Vec<SignalId> {
    let mut quiet = true;
    let mut whole = BTreeSet::new();
    let mut partly = BTreeSet::new();
    walk_stmts(d, lp, &mut |s| {
        let kind = &d.stmts[s].kind;
        quiet &= matches!(
            kind,
            StmtKind::Nop
                | StmtKind::Block { name: None, .. }
                | StmtKind::Assign { .. }
                | StmtKind::If { .. }
                | StmtKind::Case { .. }
                | StmtKind::Loop { .. }
                | StmtKind::Break
                | StmtKind::Continue
        );
        quiet &= !kind.exprs().into_iter().any(|e| {
            crate::analysis::expr_any(d, e, &|k| matches!(k, ExprKind::Call { .. } | ExprKind::SysFunc { .. }))
        });
        if let StmtKind::Assign { lhs, rhs } = kind {
            match d.exprs[*lhs].kind {
                ExprKind::Signal(sig) if fits_in_locals(d, sig, *rhs) => {
                    whole.insert(sig);
                }
                _ => {
                    let mut ws = vec![];
                    written_signals(d, *lhs, &mut ws);
                    partly.extend(ws);
                }
            }
        }
    });
    if !quiet {
        return vec![];
    }
    whole.difference(&partly).copied().collect()
}

/// Signal `sig` is a static scalar that an assignment of `rhs` stores
/// whole from locals (`Lower::assign_small`).
fn fits_in_locals(d: &Design, sig: SignalId, rhs: wsim_ir::ExprId) -> bool {
    matches!(d.signals[sig].storage, Storage::Static)
        && d.signals[sig].dims.is_empty()
        && crate::stmt::stores_whole_from_locals(d.signals[sig].ty, d.exprs[rhs].ty)
}

impl Lower<'_, '_> {
    /// Before loop `lp`: load the signals it keeps in locals; returns how
    /// many, for [`Lower::store_loop_locals`] at its exit.
    pub fn load_loop_locals(&mut self, lp: StmtId) -> usize {
        if !self.cx.loop_locals {
            return 0;
        }
        let d = self.d();
        let mut n = 0;
        for sig in loop_locals(d, lp) {
            let Some(addr) = self.promotable_addr(sig) else { continue };
            let four_state = d.signals[sig].ty.four_state;
            let v = self.load_small(Addr::Abs(addr), four_state);
            let aval = self.f.local(ValType::I64);
            self.push_plane(v.aval);
            self.i(I::LocalSet(aval));
            let bval = four_state.then(|| {
                let b = self.f.local(ValType::I64);
                self.push_bval(v);
                self.i(I::LocalSet(b));
                b
            });
            let settle = self.settles(sig).then(|| self.sig_arg(sig));
            self.promoted.push(Promoted { addr, aval, bval, settle });
            n += 1;
        }
        n
    }

    /// The arena address of `sig` if this code may keep it in locals: read
    /// and written at the same place (not through a direct NBA's copy of
    /// its old value, not an NBA shadow), not kept by an enclosing loop,
    /// and a write tells its readers without guest-rt.
    fn promotable_addr(&mut self, sig: SignalId) -> Option<u32> {
        let span = self.d().signals[sig].span;
        let Addr::Abs(addr) = self.sig_addr(sig, span) else { return None };
        let same_place = self.read_addr(sig, span) == Addr::Abs(addr) && self.cx.lay.shadows[sig.index()].is_none();
        let told_inline = self.sig_arg(sig) == wsim_abi::NO_SIG as i32 || self.has_inline_triggers(sig);
        let outer = self.promoted.iter().any(|p| p.addr == addr);
        (same_place && told_inline && !outer).then_some(addr)
    }

    /// True if `sig`, kept in locals, may settle at the loop's exit: every
    /// reader but the running process (which misses its own events) is a
    /// pure unit that waits for any change (module doc).
    fn settles(&self, sig: SignalId) -> bool {
        let Some(t) = &self.cx.inline_triggers[sig.index()] else { return false };
        let Some(own) = self.running_static_index() else { return false };
        let pure = |&(w, mask): &(u32, u64)| {
            let readers = (0..64).filter(|b| mask >> b & 1 == 1).map(|b| w * 64 + b);
            readers.filter(|&k| Some(k) != own).all(|k| self.cx.pure_units[k as usize])
        };
        !t.has_edges() && t.any.iter().all(pure)
    }

    /// True if the signal at `addr` is kept in locals and settles: a
    /// write only sets them.
    pub fn settles_at_exit(&self, addr: u32) -> bool {
        self.promoted_at(addr).is_some_and(|p| p.settle.is_some())
    }

    /// At a loop's exit: store the last `n` signals kept in locals.
    pub fn store_loop_locals(&mut self, n: usize) {
        for _ in 0..n {
            let p = self.promoted.pop().expect("a loop's locals");
            if p.settle.is_some() {
                self.store_locals(p);
                continue;
            }
            let v = Small { aval: Plane::Local(p.aval), bval: p.bval.map(Plane::Local) };
            self.store_small_value(Addr::Abs(p.addr), v);
        }
    }

    /// Store the last `n` signals kept in locals, except the one at
    /// `skip`, to the statics' sink (`wsim_abi::statics::SINK`), which
    /// nothing reads (`crate::unroll`).
    pub fn sink_loop_locals(&mut self, n: usize, skip: Option<u32>) {
        let at = self.promoted.len() - n;
        let sunk: Vec<Promoted> = self.promoted[at..].iter().copied().filter(|p| Some(p.addr) != skip).collect();
        for p in sunk {
            for (plane, local) in [(0, Some(p.aval)), (8, p.bval)] {
                let Some(local) = local else { continue };
                self.i32c(self.cx.lay.statics.start as i32);
                self.i(I::LocalGet(local));
                self.i(I::I64Store(crate::func::mem(wsim_abi::statics::SINK + plane, 3)));
            }
        }
    }

    fn promoted_at(&self, addr: u32) -> Option<Promoted> {
        self.promoted.iter().rev().find(|p| p.addr == addr).copied()
    }

    /// A read of a signal kept in locals: a copy of them (a write may set
    /// them while the value read is still in use, as the old value of a
    /// compare and trigger).
    pub fn read_loop_local(&mut self, addr: u32, four_state: bool) -> Option<Small> {
        let p = self.promoted_at(addr)?;
        let copy = |l: &mut Self, from: u32| {
            let to = l.f.local(ValType::I64);
            l.i(I::LocalGet(from));
            l.i(I::LocalSet(to));
            Plane::Local(to)
        };
        let aval = copy(self, p.aval);
        let bval = p.bval.filter(|_| four_state).map(|b| copy(self, b));
        Some(Small { aval, bval })
    }

    /// A write of a signal kept in locals: set them; false if `addr` is
    /// not one.
    pub fn write_loop_local(&mut self, addr: u32, v: Small) -> bool {
        let Some(p) = self.promoted_at(addr) else { return false };
        self.push_plane(v.aval);
        self.i(I::LocalSet(p.aval));
        if let Some(b) = p.bval {
            self.push_bval(v);
            self.i(I::LocalSet(b));
        }
        true
    }

    /// Code is about to name arena address `addr` itself: store the
    /// locals of a signal kept there first, so it reads the current value.
    pub fn flush_loop_local(&mut self, addr: u32) {
        let Some(p) = self.promoted.iter().rev().find(|p| (p.addr..p.addr + 16).contains(&addr)).copied() else {
            return;
        };
        self.store_locals(p);
    }

    /// Store `p`'s locals to the arena, for a signal that settles only
    /// when they differ from it, then telling its readers.
    fn store_locals(&mut self, p: Promoted) {
        let Some(sig) = p.settle else {
            self.store_planes(p);
            return;
        };
        let old = Small { aval: self.arena_plane(p.addr, 0), bval: p.bval.map(|_| self.arena_plane(p.addr, 8)) };
        let new = Small { aval: Plane::Local(p.aval), bval: p.bval.map(Plane::Local) };
        self.push_differs(old, new);
        self.i(I::If(wasm_encoder::BlockType::Empty));
        self.store_planes(p);
        self.notify_changed(old, new, sig);
        self.i(I::End);
    }

    /// A plane of the value at `addr` in the arena, read into a new local
    /// (around the load cache and the loop locals).
    fn arena_plane(&mut self, addr: u32, plane: u32) -> Plane {
        let l = self.f.local(ValType::I64);
        self.f.i32c(addr as i32);
        self.i(I::I64Load(mem(plane, 3)));
        self.i(I::LocalSet(l));
        Plane::Local(l)
    }

    /// Store `p`'s locals to the arena as they are.
    fn store_planes(&mut self, p: Promoted) {
        for (plane, local) in [(0, Some(p.aval)), (8, p.bval)] {
            self.f.i32c(p.addr as i32);
            match local {
                Some(l) => self.f.i(I::LocalGet(l)),
                None => self.f.i(I::I64Const(0)),
            }
            self.store_at(I::I64Store(mem(plane, 3)), p.addr + plane, 8);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::loop_locals;
    use crate::schedule::tests::elaborate;
    use wsim_ir::StmtKind;

    /// `loop_locals` of each loop of the design, by the names of the signals.
    fn locals_of_loops(src: &str) -> Vec<Vec<String>> {
        let d = elaborate(src);
        let loops = d.stmts.iter().filter(|(_, s)| matches!(s.kind, StmtKind::Loop { .. }));
        loops.map(|(id, _)| loop_locals(&d, id).into_iter().map(|s| d.signals[s].name.clone()).collect()).collect()
    }

    #[test]
    fn a_loop_keeps_what_it_assigns_whole() {
        let src = "module t; reg [31:0] v [0:7]; reg [31:0] sig; reg [3:0] part; integer k;
            always @* begin
              sig = 0;
              for (k = 0; k < 8; k = k + 1) begin sig = sig ^ v[k]; part[k % 4] = 1; end
            end
          endmodule";
        // `part` is written a bit at a time, `v` is an array (only read)
        assert_eq!(locals_of_loops(src), [["sig", "k"]]);
    }

    #[test]
    fn a_loop_that_can_run_other_code_keeps_nothing() {
        for body in ["$display(sig);", "sig = f(sig);", "sig <= sig + 1;", "#1 sig = sig + 1;", "sig = $random;"] {
            let src = format!(
                "module t; reg [31:0] sig; integer k;
                   function [31:0] f(input [31:0] x); f = x + 1; endfunction
                   initial for (k = 0; k < 8; k = k + 1) begin sig = sig + 1; {body} end
                 endmodule"
            );
            assert_eq!(locals_of_loops(&src), [Vec::<String>::new()], "{body}");
        }
    }

    #[test]
    fn a_wide_real_or_resized_assignment_is_not_kept() {
        let src = "module t; reg [99:0] wide; real r; reg [7:0] narrow; integer k;
            initial for (k = 0; k < 8; k = k + 1) begin wide = wide + 1; r = r + 1.0; narrow = k; end
          endmodule";
        // `narrow = k` narrows: elaboration gives the value its target's width
        let kept = locals_of_loops(src);
        assert!(kept[0].contains(&"k".to_string()), "{kept:?}");
        assert!(!kept[0].iter().any(|s| s == "wide" || s == "r"), "{kept:?}");
    }
}
