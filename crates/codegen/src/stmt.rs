//! Statements: lowered into the function's control-flow graph. Every wait
//! point (delay, event, wait, task call, join) ends a basic block; the
//! thread resumes at the next block through `frame.state`. `disable` of a
//! block or task another thread runs finds that thread's frame (from its
//! process frame, or its task's call list, down through fork children) and
//! resumes it after the block or call.

use crate::analysis::{self, BlockHome, Root};
use crate::expr::Scalar;
use crate::fast::Small;
use crate::func::{mem, Term};
use crate::lower::{Addr, Job, Lower, Owner, Role};
use std::collections::BTreeSet;
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_abi::frame::{self as fr, flags as ff};
use wsim_abi::{edge, join, op, status};
use wsim_ir::*;

/// The edges (IEEE 1364-2005 table 9-2) as bit `old << 2 | new` over the
/// LSB codes 0, 1, 2 = z, 3 = x ([`Lower::edge_test`]). posedge: 0->1, 0->z,
/// 0->x, z->1, x->1 (bits 1, 2, 3, 9, 13); negedge: 1->0, 1->z, 1->x,
/// z->0, x->0 (bits 4, 6, 7, 8, 12).
const POSEDGES: i32 = 0x220E;
const NEGEDGES: i32 = 0x11D0;

/// How an assignment writes.
#[derive(Clone, Copy, Debug)]
pub enum Mode {
    Blocking,
    /// Nonblocking, with an i64 delay local (None = 0).
    Nba(Option<u32>),
    /// Active-region update after the delay in the i64 local.
    After(u32),
}

/// An assignment of a `rty` value to a whole `lty` signal keeps the value
/// in locals up to the store ([`Lower::assign_small`]): both integral, at
/// most 64 bits, of one width.
pub fn stores_whole_from_locals(lty: Type, rty: Type) -> bool {
    let integral = |t: Type| t.kind == TypeKind::Integral && t.width <= 64;
    integral(lty) && integral(rty) && lty.width == rty.width
}

/// A resolved lvalue: `w` bits at bit `off` of the `dw`-bit value at `addr`.
struct Lval {
    addr: Addr,
    dw: u32,
    w: u32,
    /// Constant bit offset, plus an optional dynamic i32 local added to it.
    const_off: i64,
    dyn_off: Option<u32>,
    sig: i32,
    /// i32 local: write only when non-zero.
    guard: Option<u32>,
    ty: Type,
}

impl Lower<'_, '_> {
    pub fn stmt(&mut self, s: StmtId) {
        let d = self.d();
        let st = &d.stmts[s];
        let mark = self.f.mark();
        let hoisted = self.hoist_calls(s);
        match &st.kind {
            StmtKind::Nop => {}
            StmtKind::Block { stmts, name: None } if self.split_known => {
                let p = self.proc.expect("a static body has a process");
                self.stmts_split(&stmts.iter().map(|&c| (p, c)).collect::<Vec<_>>());
            }
            StmtKind::Block { stmts, name: None } => {
                for &c in stmts {
                    self.stmt(c);
                }
            }
            StmtKind::Block { stmts, name: Some(_) } => {
                // `disable` jumps to `end`; the states after it, up to the
                // last one allocated inside, are the block's (NamedEnd, NamedLast)
                let end = self.f.new_block();
                self.named.push((s, end));
                for &c in stmts {
                    self.stmt(c);
                }
                self.named.pop();
                if self.has_frame() && self.cx.facts.disabled.contains(&s) {
                    let last = self.f.blocks.len() as u32 - 1;
                    let disp = self.own_dispatch();
                    self.cx.named_states.insert(s, (end as u32, last, disp));
                    self.f.resumes.push(end);
                }
                self.f.goto(end);
                self.f.place_last(end);
                self.f.switch_to(end);
            }
            StmtKind::Assign { lhs, rhs } => self.assign(*lhs, *rhs, Mode::Blocking),
            StmtKind::NonBlocking { lhs, rhs, delay: None } if self.writes_directly(*lhs) => {
                // stored now; its readers wait for the NBA region (`trigger_later`)
                self.in_direct_nba = true;
                self.assign(*lhs, *rhs, Mode::Blocking);
                self.in_direct_nba = false;
            }
            StmtKind::NonBlocking { lhs, rhs, delay } => {
                let dl = delay.map(|dx| self.delay_ticks(dx));
                self.in_first_nba = delay.is_none() && self.cx.first_nbas.contains(&s);
                self.assign(*lhs, *rhs, Mode::Nba(dl));
                self.in_first_nba = false;
            }
            StmtKind::AssignAfter { lhs, rhs, delay } => {
                let dl = self.delay_ticks(*delay);
                self.assign(*lhs, *rhs, Mode::After(dl));
            }
            StmtKind::If { cond, then_stmt, else_stmt } => {
                // Blocks are allocated in code order and the join last, so
                // every jump here is forward (`FnGen::finish`: a direct br).
                self.is_true(*cond);
                let test = self.f.cur;
                let then_b = self.f.new_block();
                self.f.switch_to(then_b);
                self.stmt(*then_stmt);
                let mut ends = vec![self.f.cur];
                let else_b = else_stmt.map(|e| {
                    let b = self.f.new_block();
                    self.f.switch_to(b);
                    self.stmt(e);
                    ends.push(self.f.cur);
                    b
                });
                let join_b = self.f.new_block();
                self.f.terminate_block(test, Term::Branch(then_b, else_b.unwrap_or(join_b)));
                for b in ends {
                    self.f.terminate_block(b, Term::Goto(join_b));
                }
                self.f.switch_to(join_b);
            }
            StmtKind::Case { kind, subject, arms, default } => self.case(*kind, *subject, arms, *default, st.span),
            StmtKind::Loop { cond, body, step } => {
                let known_k = self.induction_known(s);
                let kept = self.load_loop_locals(s);
                match self.unrolled_values(s) {
                    Some(values) => self.unroll(s, &values, kept),
                    None => self.rolled_loop(s, *cond, *body, *step),
                }
                self.store_loop_locals(kept);
                if let Some(at) = known_k {
                    self.known.retain(|&o| o != at);
                }
            }
            StmtKind::DoWhile { body, cond } => {
                let body_b = self.f.new_block();
                let cond_b = self.f.new_block();
                let exit = self.f.new_block();
                self.f.goto(body_b);
                self.f.switch_to(body_b);
                self.loops.push((exit, cond_b));
                self.stmt(*body);
                self.loops.pop();
                self.f.goto(cond_b);
                self.f.place_last(cond_b);
                self.f.switch_to(cond_b);
                self.is_true(*cond);
                self.f.terminate(Term::Branch(body_b, exit));
                self.f.place_last(exit);
                self.f.switch_to(exit);
            }
            StmtKind::Repeat { count, body } => self.repeat(*count, *body),
            StmtKind::Delay { .. } if self.proc.is_some_and(|p| self.cx.sched.is_static_wait(p, s)) => {
                // A timer: guest-rt resumes it every period (crate::schedule).
                let next = self.f.new_block();
                self.f.suspend(status::WAIT, next);
            }
            StmtKind::Delay { ticks } => {
                if !self.can_wait(st.span, "delay") {
                    return;
                }
                let t = self.delay_ticks(*ticks);
                self.i(I::LocalGet(0));
                self.i(I::LocalGet(t));
                self.rt("rt_delay");
                let next = self.f.new_block();
                self.f.suspend(status::WAIT, next);
            }
            StmtKind::WaitEvent { .. } if self.proc.is_some_and(|p| self.cx.sched.is_static_wait(p, s)) => {
                // Triggers registered once by `wsim_init` (crate::schedule).
                let next = self.f.new_block();
                self.f.suspend(status::WAIT, next);
                if let Some(p) = self.proc {
                    self.copy_old_values(p);
                }
            }
            StmtKind::WaitEvent { events } => self.wait_event(events, st.span),
            StmtKind::WaitCond { cond } => self.wait_cond(*cond, st.span),
            StmtKind::Trigger { event } => {
                self.i32c(event.raw() as i32);
                self.rt("rt_trigger");
            }
            StmtKind::Disable(DisableTarget::Block(b)) => {
                if let Some(&(_, end)) = self.named.iter().rev().find(|(n, _)| n == b) {
                    self.f.goto(end);
                    let dead = self.f.new_block();
                    self.f.switch_to(dead);
                } else if let Some(&home) = self.cx.facts.homes.get(b) {
                    self.disable_remote_block(*b, home, st.span);
                }
            }
            StmtKind::Disable(DisableTarget::Task(t)) if self.subr == Some(*t) => {
                // Disabling the task from inside it returns from it (1364-2005
                // 10.3) and ends its other active calls too: then all calls
                // end alike and their callers resume after the disabler, as
                // in vvp.
                if self.has_frame() && self.cx.facts.listed[t.index()] {
                    self.end_task_calls(*t);
                }
                let exit = self.exit;
                self.f.goto(exit);
                let dead = self.f.new_block();
                self.f.switch_to(dead);
            }
            StmtKind::Disable(DisableTarget::Task(t)) => self.disable_task(*t, st.span),
            StmtKind::DisableFork => {
                if self.can_wait(st.span, "disable fork") {
                    self.i(I::LocalGet(0));
                    self.rt("rt_disable_fork");
                }
            }
            StmtKind::WaitFork => {
                if self.can_wait(st.span, "wait fork") {
                    self.join(join::ALL);
                }
            }
            StmtKind::Fork { branches, join: jk, .. } => self.fork(branches, *jk, st.span),
            StmtKind::Call { subr, args } => self.call_stmt(*subr, args, st.span),
            StmtKind::SysTask { name, args, scope } => self.systask(s, name, args, *scope),
            StmtKind::Return => {
                let exit = self.exit;
                if self.subr.is_none() {
                    self.cx.unsupported(st.span, "`return` outside a subroutine");
                }
                self.f.goto(exit);
                let dead = self.f.new_block();
                self.f.switch_to(dead);
            }
            StmtKind::Break | StmtKind::Continue => match self.loops.last() {
                Some(&(brk, cont)) => {
                    let t = if matches!(st.kind, StmtKind::Break) { brk } else { cont };
                    self.f.goto(t);
                    let dead = self.f.new_block();
                    self.f.switch_to(dead);
                }
                None => self.cx.unsupported(st.span, "`break`/`continue` outside a loop"),
            },
        }
        self.forget_hoisted(hoisted);
        self.f.release(mark);
    }

    /// Loop `lp` as a wasm loop: the test at its head, the step after
    /// its body; a bounded variable's range holds in the body
    /// (`Lower::ranges`).
    fn rolled_loop(&mut self, lp: StmtId, cond: Option<ExprId>, body: StmtId, step: Option<StmtId>) {
        let head = self.f.new_block();
        let body_b = self.f.new_block();
        let step_b = self.f.new_block();
        let exit = self.f.new_block();
        self.f.goto(head);
        self.f.switch_to(head);
        match cond {
            Some(c) => {
                self.is_true(c);
                self.f.terminate(Term::Branch(body_b, exit));
            }
            None => self.f.goto(body_b),
        }
        self.f.switch_to(body_b);
        self.loops.push((exit, step_b));
        let bounded = self.cx.facts.induction.get(&lp).and_then(|k| Some((k.var, k.body_range?)));
        if let Some((var, (lo, hi))) = bounded {
            self.ranges.push((var, lo, hi));
        }
        self.stmt(body);
        if bounded.is_some() {
            self.ranges.pop();
        }
        self.loops.pop();
        self.f.goto(step_b);
        self.f.place_last(step_b);
        self.f.switch_to(step_b);
        if let Some(x) = step {
            self.stmt(x);
        }
        self.f.goto(head);
        self.f.place_last(exit);
        self.f.switch_to(exit);
    }

    /// A delayed continuous assignment (`[AssignAfter, WaitEvent]`) with
    /// inertial delay (IEEE 1364-2005 6.1.3, as Icarus does): each input
    /// change schedules the new value `delay` later and cancels a pending
    /// one; a value equal to the net's current one schedules nothing. The
    /// process waits on its inputs and the deadline at once, and evaluates
    /// its right side again after each write. Returns false
    /// (generating nothing) if the body does not have that shape.
    pub fn try_inertial_assign(&mut self, body: StmtId) -> bool {
        let d = self.d();
        let StmtKind::Block { stmts, .. } = &d.stmts[body].kind else { return false };
        let [a, w] = stmts.as_slice() else { return false };
        let (StmtKind::AssignAfter { lhs, rhs, delay }, StmtKind::WaitEvent { events }) =
            (&d.stmts[*a].kind, &d.stmts[*w].kind)
        else {
            return false;
        };
        let ty = d.exprs[*lhs].ty;
        let mut sigs = BTreeSet::new();
        for ev in events {
            analysis::reads(d, ev.expr, &mut sigs);
        }
        if ty.is_real() || sigs.iter().any(|s| !matches!(d.signals[*s].storage, Storage::Static)) {
            return false;
        }
        let w = ty.width;
        let value = Addr::Base(0, self.f.slot(wsim_abi::value_bytes(w)));
        let deadline = Addr::Base(0, self.f.slot(8));
        let head = self.f.new_block();
        let woke = self.f.new_block();
        let idle = self.f.new_block();
        let idle_woke = self.f.new_block();
        let schedule = self.f.new_block();
        let fire = self.f.new_block();
        self.f.goto(head);
        // head: value = rhs; if value === lhs: idle; else wait inputs or deadline
        self.f.switch_to(head);
        let m = self.f.mark();
        let v = self.int(*rhs);
        self.copy_value(value, v, w);
        let t = self.delay_ticks(*delay);
        self.push_addr(deadline);
        self.rt("rt_now");
        self.i(I::LocalGet(t));
        self.i(I::I64Add);
        self.i(I::I64Store(mem(0, 3)));
        let cur = self.int(*lhs);
        self.i32c(op::CASE_EXACT);
        self.push_addr(value);
        self.push_addr(cur);
        self.i32c(w as i32);
        self.rt("rt_case_match");
        self.f.release(m);
        self.f.terminate(Term::Branch(idle, schedule));
        self.f.switch_to(schedule);
        self.wait_on(&sigs);
        self.i(I::LocalGet(0));
        self.i(I::LocalGet(t));
        self.rt("rt_delay");
        self.f.suspend(status::WAIT, woke);
        // woke: deadline reached -> write; else an input changed -> head
        self.push_addr(deadline);
        self.i(I::I64Load(mem(0, 3)));
        self.rt("rt_now");
        self.i(I::I64LeU);
        self.f.terminate(Term::Branch(fire, head));
        // After the write, evaluate again: an input may have changed in
        // this same time step before the deadline woke the process, and
        // that one wake-up is all the process gets for both.
        self.f.switch_to(fire);
        let m = self.f.mark();
        self.write(*lhs, value, Mode::Blocking);
        self.f.release(m);
        self.f.goto(head);
        self.f.switch_to(idle);
        self.wait_on(&sigs);
        self.f.suspend(status::WAIT, idle_woke);
        self.f.goto(head);
        true
    }

    fn wait_on(&mut self, sigs: &BTreeSet<SignalId>) {
        for &s in sigs {
            self.i(I::LocalGet(0));
            self.i32c(s.raw() as i32);
            self.i32c(edge::ANY);
            self.rt("rt_wait");
        }
    }

    /// Whether this function has a thread frame to suspend; reports otherwise.
    fn can_wait(&mut self, span: wsim_diag::Span, what: &str) -> bool {
        match self.role {
            Role::Proc | Role::TaskStep | Role::Branch => true,
            Role::Plain | Role::Deferred => {
                self.cx.unsupported(span, format!("{what} in a function or a context that cannot wait"));
                false
            }
        }
    }

    /// Whether this function runs on a thread frame (local 0).
    pub fn has_frame(&self) -> bool {
        matches!(self.role, Role::Proc | Role::TaskStep | Role::Branch)
    }

    /// Evaluate a delay into an i64 local (X/Z delays count as 0).
    fn delay_ticks(&mut self, e: ExprId) -> u32 {
        let t = self.f.local(ValType::I64);
        match self.scalar(e) {
            Scalar::Const(v) => self.i(I::I64Const(v)),
            Scalar::Unknown => self.i(I::I64Const(0)),
            Scalar::Dyn { v, known } => {
                self.i(I::LocalGet(v));
                self.i(I::I64Const(0));
                self.i(I::LocalGet(known));
                self.i(I::Select);
            }
        }
        self.i(I::LocalSet(t));
        t
    }

    /// Store `frame.state`, ask rt_join, and wait if it says so.
    fn join(&mut self, kind: i32) {
        let next = self.f.new_block();
        let wait_b = self.f.new_block();
        self.i(I::LocalGet(0));
        self.i32c(kind);
        self.rt("rt_join");
        self.f.terminate(Term::Branch(wait_b, next));
        self.f.switch_to(wait_b);
        self.f.suspend(status::WAIT, next);
    }

    fn repeat(&mut self, count: ExprId, body: StmtId) {
        // The counter survives waits inside the body: a frame slot in
        // thread functions, a temp otherwise.
        let waits = analysis::stmt_waits(self.d(), body, &self.cx.facts.subr_waits);
        let cell =
            if waits && self.role != Role::Plain { Addr::Base(0, self.f.slot(8)) } else { Addr::Temp(self.f.temp(8)) };
        let n = self.f.local(ValType::I64);
        match self.scalar(count) {
            Scalar::Const(v) => self.i(I::I64Const(v.max(0))),
            Scalar::Unknown => self.i(I::I64Const(0)),
            Scalar::Dyn { v, known } => {
                self.i(I::LocalGet(v));
                self.i(I::I64Const(0));
                self.i(I::LocalGet(known));
                self.i(I::Select);
            }
        }
        self.i(I::LocalSet(n));
        self.push_addr(cell);
        self.i(I::LocalGet(n));
        self.i(I::I64Store(mem(0, 3)));
        let head = self.f.new_block();
        let body_b = self.f.new_block();
        let exit = self.f.new_block();
        self.f.goto(head);
        self.f.switch_to(head);
        // if counter > 0 { counter -= 1; body }
        self.push_addr(cell);
        self.i(I::I64Load(mem(0, 3)));
        self.i(I::I64Const(0));
        self.i(I::I64GtS);
        self.f.terminate(Term::Branch(body_b, exit));
        self.f.switch_to(body_b);
        self.push_addr(cell);
        self.push_addr(cell);
        self.i(I::I64Load(mem(0, 3)));
        self.i(I::I64Const(1));
        self.i(I::I64Sub);
        self.i(I::I64Store(mem(0, 3)));
        self.loops.push((exit, head));
        self.stmt(body);
        self.loops.pop();
        self.f.goto(head);
        self.f.place_last(exit);
        self.f.switch_to(exit);
    }

    fn case(
        &mut self,
        kind: CaseKind,
        subject: ExprId,
        arms: &[CaseArm],
        default: Option<StmtId>,
        span: wsim_diag::Span,
    ) {
        let any_real = self.ty(subject).is_real() || arms.iter().flat_map(|a| &a.labels).any(|&l| self.ty(l).is_real());
        if any_real {
            if kind != CaseKind::Exact {
                self.cx.unsupported(span, "`casex`/`casez` with a real expression");
                return;
            }
            self.case_real(subject, arms, default);
            return;
        }
        let w = self.ty(subject).width;
        let code = match kind {
            CaseKind::Exact => op::CASE_EXACT,
            CaseKind::Z => op::CASE_Z,
            CaseKind::X => op::CASE_X,
        };
        if w <= 64 {
            // the subject in locals: a jump table's index reads it once,
            // and each label's test is a block of its own, where a temp
            // would be loaded again
            let subj = self.small(subject);
            match self.case_jump_table(kind, w, arms) {
                Some(table) => self.case_table(subj, w, table, arms, default),
                None => self.case_arms(arms, default, |l, label| {
                    let lv = l.small(label);
                    l.fast_case_match(code, subj, lv);
                }),
            }
            return;
        }
        let subj = self.int(subject);
        self.case_arms(arms, default, |l, label| {
            let lv = l.int(label);
            l.i32c(code);
            l.push_addr(subj);
            l.push_addr(lv);
            l.i32c(w as i32);
            l.rt("rt_case_match");
        });
    }

    /// The jump table of a `case`, when one can run it: an exact `case` of a
    /// <= 64-bit subject whose labels (at least [`TABLE_MIN_LABELS`]) are
    /// constants of its width with no x or z bit, spanning at most
    /// [`TABLE_MAX_SPAN`] values. The table is the smallest label and, for
    /// each value from it, the arm of its first label (None: no label).
    fn case_jump_table(&self, kind: CaseKind, w: u32, arms: &[CaseArm]) -> Option<(u64, Vec<Option<usize>>)> {
        if kind != CaseKind::Exact || w > 64 {
            return None;
        }
        let d = self.d();
        let mut labels = vec![];
        for (j, arm) in arms.iter().enumerate() {
            for &l in &arm.labels {
                let ExprKind::Const(c) = &d.exprs[l].kind else { return None };
                if d.exprs[l].ty.width != w || c.words.get(1).copied().unwrap_or(0) != 0 {
                    return None;
                }
                labels.push((c.words[0], j));
            }
        }
        let (lo, hi) = (labels.iter().map(|l| l.0).min()?, labels.iter().map(|l| l.0).max()?);
        if labels.len() < TABLE_MIN_LABELS || hi - lo >= TABLE_MAX_SPAN {
            return None;
        }
        let mut arm_of = vec![None; (hi - lo + 1) as usize];
        for (value, j) in labels {
            arm_of[(value - lo) as usize].get_or_insert(j);
        }
        Some((lo, arm_of))
    }

    /// An exact `case` by jump table (see [`Self::case_jump_table`]): a
    /// subject with an x or z bit matches no label (`===` against a known
    /// constant), so it goes to `default`; a known one indexes a
    /// `br_table` from the smallest label, the first arm of each value
    /// winning as in the label-by-label tests of [`Self::case_arms`].
    fn case_table(
        &mut self,
        v: Small,
        w: u32,
        (lo, arm_of): (u64, Vec<Option<usize>>),
        arms: &[CaseArm],
        default: Option<StmtId>,
    ) {
        let unknown_test = v.bval.map(|b| {
            self.push_plane(b);
            self.i(I::I64Const(0));
            self.i(I::I64Ne);
            let test = self.f.cur;
            let next = self.f.new_block();
            self.f.switch_to(next);
            (test, next)
        });
        let span = arm_of.len();
        self.push_table_index(v, w, lo, span);
        let table_block = self.f.cur;
        let dflt = self.f.new_block();
        self.f.switch_to(dflt);
        let arm_blocks = self.case_bodies(arms, default);
        let targets = arm_of.iter().map(|arm| arm.map_or(dflt, |j| arm_blocks[j])).collect();
        self.f.tables.push((targets, dflt));
        let table = self.f.tables.len() - 1;
        self.f.terminate_block(table_block, Term::Table(table));
        if let Some((test, known)) = unknown_test {
            self.f.terminate_block(test, Term::Branch(dflt, known));
        }
    }

    /// Push a `case` jump table's index: `aval - lo` when below `span`,
    /// else an index the `br_table` sends to its default (any index past
    /// the table). For `w <= 32` bits that is `aval - lo` in i32: modulo
    /// 2^32 it is below `span` only for the labels' values, as `aval` is
    /// below 2^32 and `lo + span` at most 2^32 (a `case` on a state
    /// register ran 4 fewer x86 instructions, the clamp Cranelift's
    /// `br_table` does anyway); a wider value is clamped to `span` first.
    fn push_table_index(&mut self, v: Small, w: u32, lo: u64, span: usize) {
        if w <= 32 {
            self.push_plane(v.aval);
            self.i(I::I32WrapI64);
            if lo != 0 {
                self.i32c(lo as i32);
                self.i(I::I32Sub);
            }
            return;
        }
        let off = self.f.local(ValType::I64);
        self.push_plane(v.aval);
        self.i(I::I64Const(lo as i64));
        self.i(I::I64Sub);
        self.i(I::LocalTee(off));
        self.i(I::I32WrapI64);
        self.i32c(span as i32);
        self.i(I::LocalGet(off));
        self.i(I::I64Const(span as i64));
        self.i(I::I64LtU);
        self.i(I::Select);
    }

    /// `case` where the subject or a label is real: every expression is
    /// compared as a real (IEEE 1364-2005 9.5 with the 5.1.1 rule that an
    /// operation with a real operand is done in real), first match wins.
    fn case_real(&mut self, subject: ExprId, arms: &[CaseArm], default: Option<StmtId>) {
        let subj = self.f.local(ValType::F64);
        self.real(subject);
        self.i(I::LocalSet(subj));
        self.case_arms(arms, default, |l, label| {
            l.i(I::LocalGet(subj));
            l.real(label);
            l.i(I::F64Eq);
        });
    }

    /// The control flow shared by every `case`: labels are tried in order
    /// (`matches` pushes an i32 that is non-zero on a match) and the first
    /// match runs its arm; otherwise `default` runs.
    /// Blocks are allocated in code order (the tests, the default, the
    /// arms, the end), so every jump is forward (a direct br).
    fn case_arms(&mut self, arms: &[CaseArm], default: Option<StmtId>, mut matches: impl FnMut(&mut Self, ExprId)) {
        // (test block, arm, next test block)
        let mut tests: Vec<(usize, usize, usize)> = vec![];
        for (j, arm) in arms.iter().enumerate() {
            for &label in &arm.labels {
                matches(self, label);
                let test = self.f.cur;
                let next = self.f.new_block();
                tests.push((test, j, next));
                self.f.switch_to(next);
            }
        }
        let arm_blocks = self.case_bodies(arms, default);
        for (test, j, next) in tests {
            self.f.terminate_block(test, Term::Branch(arm_blocks[j], next));
        }
    }

    /// A `case`'s statements after its tests: `default` in the current
    /// block, then one new block per arm, each going on to a new end block,
    /// which is current on return. Returns the arms' first blocks.
    fn case_bodies(&mut self, arms: &[CaseArm], default: Option<StmtId>) -> Vec<usize> {
        if let Some(dflt) = default {
            self.stmt(dflt);
        }
        let mut ends = vec![self.f.cur];
        let mut arm_blocks = vec![];
        for arm in arms {
            let ab = self.f.new_block();
            arm_blocks.push(ab);
            self.f.switch_to(ab);
            self.stmt(arm.body);
            ends.push(self.f.cur);
        }
        let end = self.f.new_block();
        for b in ends {
            self.f.terminate_block(b, Term::Goto(end));
        }
        self.f.switch_to(end);
        arm_blocks
    }

    // ------------------------------------------------------------ waits

    fn wait_event(&mut self, events: &[Event], span: wsim_diag::Span) {
        if !self.can_wait(span, "event control") {
            return;
        }
        let d = self.d();
        let simple = events.iter().all(|ev| {
            matches!(d.exprs[ev.expr].kind, ExprKind::Signal(s) if matches!(d.signals[s].storage, Storage::Static))
        });
        if simple {
            // Each event expression gets an id in source order (identical
            // ones share it): guest-rt wakes waiters expression by expression
            // like vvp.
            let mut ids: Vec<SignalId> = vec![];
            for ev in events {
                let ExprKind::Signal(s) = d.exprs[ev.expr].kind else { unreachable!() };
                let id = match ids.iter().position(|&x| x == s) {
                    Some(k) => k + 1,
                    None => {
                        ids.push(s);
                        ids.len()
                    }
                };
                self.i(I::LocalGet(0));
                self.i32c(s.raw() as i32);
                self.i32c(edge_code(ev.edge) | ((id as i32) << 8));
                self.rt("rt_wait");
            }
            let next = self.f.new_block();
            self.f.suspend(status::WAIT, next);
            return;
        }
        self.wait_event_exprs(events, span);
    }

    /// `@(expr)` on expressions that are not plain signals: remember each
    /// value in a frame slot, wait for any change of the signals it reads,
    /// then compare (edges on the LSB, IEEE 1364-2005 9.7.2) and wait again
    /// when nothing relevant happened.
    fn wait_event_exprs(&mut self, events: &[Event], span: wsim_diag::Span) {
        let d = self.d();
        let mut sigs = BTreeSet::new();
        let mut slots = vec![];
        // signal -> id of the first event expression that reads it
        let mut sig_ids: Vec<(SignalId, i32)> = vec![];
        for (k, ev) in events.iter().enumerate() {
            let mut rs = BTreeSet::new();
            analysis::reads(d, ev.expr, &mut rs);
            for s in rs {
                if !sig_ids.iter().any(|(x, _)| *x == s) {
                    sig_ids.push((s, k as i32 + 1));
                }
            }
            let ty = d.exprs[ev.expr].ty;
            if ty.is_real() && ev.edge != Edge::Any {
                // 1364-2005 9.7.2 defines edges on the LSB of integral values only
                self.cx.unsupported(span, "an edge event on a real expression");
                return;
            }
            analysis::reads(d, ev.expr, &mut sigs);
            let bytes = if ty.is_real() { 8 } else { wsim_abi::value_bytes(ty.width) };
            slots.push(Addr::Base(0, self.f.slot(bytes)));
        }
        // Save the current values.
        for (ev, &slot) in events.iter().zip(&slots) {
            let m = self.f.mark();
            self.save_event_value(ev.expr, slot);
            self.f.release(m);
        }
        let arm = self.f.new_block();
        self.f.goto(arm);
        self.f.switch_to(arm);
        for &(s, id) in &sig_ids {
            self.i(I::LocalGet(0));
            self.i32c(s.raw() as i32);
            self.i32c(edge::ANY | (id << 8));
            self.rt("rt_wait");
        }
        let woke = self.f.new_block();
        self.f.suspend(status::WAIT, woke);
        // On wake: fired = OR over events; each slot gets the new value.
        let fired = self.f.local(ValType::I32);
        self.i32c(0);
        self.i(I::LocalSet(fired));
        for (ev, &slot) in events.iter().zip(&slots) {
            let m = self.f.mark();
            let ty = self.ty(ev.expr);
            if ty.kind == TypeKind::Event {
                // named events: any wake counts
                self.i32c(1);
                self.i(I::LocalSet(fired));
                self.f.release(m);
                continue;
            }
            if ty.is_real() {
                // a real expression fires on any change of its value
                let newv = self.f.local(ValType::F64);
                self.real(ev.expr);
                self.i(I::LocalSet(newv));
                self.push_addr(slot);
                self.i(I::F64Load(mem(0, 3)));
                self.i(I::LocalGet(newv));
                self.i(I::F64Ne);
                self.i(I::LocalGet(fired));
                self.i(I::I32Or);
                self.i(I::LocalSet(fired));
                self.push_addr(slot);
                self.i(I::LocalGet(newv));
                self.i(I::F64Store(mem(0, 3)));
                self.f.release(m);
                continue;
            }
            let w = ty.width;
            let newv = self.int(ev.expr);
            let hit = self.f.local(ValType::I32);
            if ev.edge == Edge::Any {
                self.i32c(op::CASE_EXACT);
                self.push_addr(slot);
                self.push_addr(newv);
                self.i32c(w as i32);
                self.rt("rt_case_match");
                self.i(I::I32Eqz);
            } else {
                // LSB codes: aval bit | bval bit << 1  (0,1,z=2,x=3)
                self.lsb_code(slot, w);
                let old = self.f.local(ValType::I32);
                self.i(I::LocalSet(old));
                self.lsb_code(newv, w);
                let new = self.f.local(ValType::I32);
                self.i(I::LocalSet(new));
                self.edge_test(ev.edge, old, new);
            }
            self.i(I::LocalSet(hit));
            self.i(I::LocalGet(fired));
            self.i(I::LocalGet(hit));
            self.i(I::I32Or);
            self.i(I::LocalSet(fired));
            self.copy_value(slot, newv, w);
            self.f.release(m);
        }
        let next = self.f.new_block();
        self.i(I::LocalGet(fired));
        self.f.terminate(Term::Branch(next, arm));
        self.f.switch_to(next);
    }

    fn save_event_value(&mut self, e: ExprId, slot: Addr) {
        let ty = self.ty(e);
        if ty.kind == TypeKind::Event {
            return;
        }
        if ty.is_real() {
            self.push_addr(slot);
            self.real(e);
            self.i(I::F64Store(mem(0, 3)));
            return;
        }
        let v = self.int(e);
        self.copy_value(slot, v, ty.width);
    }

    /// Push the 2-bit code of a value's LSB.
    fn lsb_code(&mut self, v: Addr, w: u32) {
        let limbs = w.div_ceil(64).max(1);
        self.push_addr(v);
        self.i(I::I32Load(mem(0, 2)));
        self.i32c(1);
        self.i(I::I32And);
        self.push_addr(v);
        self.i(I::I32Load(mem(8 * limbs, 2)));
        self.i32c(1);
        self.i(I::I32And);
        self.i32c(1);
        self.i(I::I32Shl);
        self.i(I::I32Or);
    }

    /// Push 1 if old->new (LSB codes 0,1,2=z,3=x) is the edge (IEEE 1364-2005 table 9-2).
    pub fn edge_test(&mut self, e: Edge, old: u32, new: u32) {
        // bit `old << 2 | new` of a table over the lsb codes (0, 1, z = 2,
        // x = 3): one shift, where testing the cases took a dozen compares
        let table = match e {
            Edge::Pos => POSEDGES,
            Edge::Neg => NEGEDGES,
            _ => POSEDGES | NEGEDGES,
        };
        self.i32c(table);
        self.i(I::LocalGet(old));
        self.i32c(2);
        self.i(I::I32Shl);
        self.i(I::LocalGet(new));
        self.i(I::I32Or);
        self.i(I::I32ShrU);
        self.i32c(1);
        self.i(I::I32And);
    }

    fn wait_cond(&mut self, cond: ExprId, span: wsim_diag::Span) {
        if !self.can_wait(span, "wait") {
            return;
        }
        let d = self.d();
        let mut sigs = BTreeSet::new();
        analysis::reads(d, cond, &mut sigs);
        let head = self.f.new_block();
        let wait_b = self.f.new_block();
        let next = self.f.new_block();
        self.f.goto(head);
        self.f.switch_to(head);
        self.is_true(cond);
        self.f.terminate(Term::Branch(next, wait_b));
        self.f.switch_to(wait_b);
        if sigs.is_empty() {
            // never becomes true: wait forever
            self.f.ret(Some(status::WAIT));
        } else {
            for s in sigs {
                self.i(I::LocalGet(0));
                self.i32c(s.raw() as i32);
                self.i32c(edge::ANY);
                self.rt("rt_wait");
            }
            self.f.suspend(status::WAIT, head);
        }
        self.f.switch_to(next);
    }

    fn fork(&mut self, branches: &[StmtId], jk: JoinKind, span: wsim_diag::Span) {
        if !self.can_wait(span, "fork") {
            return;
        }
        let owner = Owner { subr: self.owner.subr, depth: self.owner.depth + 1 };
        let child = self.f.local(ValType::I32);
        for &b in branches {
            let (k, id) = self.cx.declare_step(Job::Branch(b, owner));
            self.f.sym(crate::func::Ins::FnFrameSize(k));
            self.i32c(id as i32);
            self.rt("rt_alloc_frame");
            self.i(I::LocalSet(child));
            self.i(I::LocalGet(0));
            self.i(I::LocalGet(child));
            self.rt("rt_fork");
        }
        match jk {
            JoinKind::All => self.join(join::ALL),
            JoinKind::Any => self.join(join::ANY),
            JoinKind::None => {}
        }
    }

    // ------------------------------------------------------------ writes

    pub fn assign(&mut self, lhs: ExprId, rhs: ExprId, mode: Mode) {
        let lty = self.ty(lhs);
        if lty.is_real() {
            match mode {
                Mode::Blocking => self.write_real(lhs, |l| l.real(rhs)),
                Mode::Nba(_) | Mode::After(_) => self.deferred_real(lhs, rhs, mode),
            }
            return;
        }
        if self.assign_small(lhs, rhs, mode) {
            return;
        }
        let v = self.int(rhs);
        let rty = self.ty(rhs);
        let v = if rty.four_state && !lty.four_state {
            let t = self.temp_value(lty.width);
            self.copy_value(t, v, lty.width);
            self.make_2state(t, lty.width);
            t
        } else {
            v
        };
        self.write(lhs, v, mode);
    }

    /// An assignment of a <= 64-bit value to a whole signal, the value kept
    /// in locals from the expression to the store (no temp in between);
    /// false (nothing emitted) for any other assignment.
    fn assign_small(&mut self, lhs: ExprId, rhs: ExprId, mode: Mode) -> bool {
        let d = self.d();
        let (lty, rty) = (self.ty(lhs), self.ty(rhs));
        let ExprKind::Signal(sig) = d.exprs[lhs].kind else { return false };
        if !stores_whole_from_locals(lty, rty) {
            return false;
        }
        let shadowed = self.cx.lay.shadows[sig.index()];
        let nba64 = self.cx.guest.helper("rt_nba64").is_some();
        match mode {
            Mode::Nba(None) if shadowed.is_some() || nba64 => {}
            Mode::Blocking => {}
            _ => return false,
        }
        if matches!(mode, Mode::Blocking) && self.copy_signal_planes(sig, rhs) {
            return true;
        }
        let v = self.small(rhs);
        let v = if rty.four_state && !lty.four_state { self.sm_to_2state(v) } else { v };
        let addr = self.sig_addr(sig, self.espan(lhs));
        let sig_arg = self.sig_arg(sig);
        match (mode, shadowed) {
            (Mode::Nba(None), Some(rec)) => self.write_whole_shadow(rec, addr, v),
            (Mode::Nba(None), None) => {
                self.push_addr(addr);
                self.i32c(lty.width as i32);
                self.i32c(sig_arg);
                self.push_plane(v.aval);
                self.push_bval(v);
                self.rt("rt_nba64");
            }
            _ if sig_arg == wsim_abi::NO_SIG as i32 => self.store_small_value(addr, v),
            _ => self.small_store_notify(addr, v, sig_arg),
        }
        true
    }

    /// A nonblocking or delayed assignment to a static real (or real array
    /// element), with the integral update helpers: guest-rt has no deferred
    /// f64 store, so the f64 bits go as a 64-bit value whose aval plane is
    /// the real's 8 bytes. A `dw`-bit value keeps its bval plane `dw / 8`
    /// bytes after its aval plane: `dw` is chosen so that the bval word (all
    /// zero, as the value is known) lands in a scratch cell of the constant
    /// pool, which the layout places above every static signal. The helper
    /// then writes exactly the real and that cell, and notifies the real's
    /// waiters when the bits change.
    fn deferred_real(&mut self, lhs: ExprId, rhs: ExprId, mode: Mode) {
        let d = self.d();
        let span = self.espan(lhs);
        let (sig, addr, guard) = match &d.exprs[lhs].kind {
            ExprKind::Signal(s) => (*s, Some(self.sig_addr(*s, span)), None),
            ExprKind::ArrayElem { sig, indices } => match self.elem_addr(*sig, indices, span) {
                Some((a, g)) => (*sig, Some(a), g),
                None => (*sig, None, None),
            },
            _ => {
                self.cx.unsupported(span, "this real lvalue");
                return;
            }
        };
        if !matches!(d.signals[sig].storage, Storage::Static) {
            self.cx.unsupported(span, "a nonblocking or delayed assignment to an automatic real variable");
            return;
        }
        let Some(addr) = addr else { return };
        let value = self.temp_value(64);
        self.push_addr(value);
        self.real(rhs);
        self.i(I::F64Store(mem(0, 3)));
        self.push_addr(value);
        self.i(I::I64Const(0));
        self.i(I::I64Store(mem(8, 3)));
        let mut tag = vec![0u8; 8];
        tag.extend_from_slice(b"wsimrbv\0");
        let scratch = Addr::Const(self.cx.consts.intern(tag));
        if let Some(g) = guard {
            self.i(I::LocalGet(g));
            self.i(I::If(BlockType::Empty));
        }
        self.push_addr(addr);
        // dw = (scratch - addr) bytes * 8 bits
        self.push_addr(scratch);
        self.push_addr(addr);
        self.i(I::I32Sub);
        self.i32c(3);
        self.i(I::I32Shl);
        self.i32c(0);
        self.push_addr(value);
        self.i32c(64);
        self.i32c(self.sig_arg(sig));
        match mode {
            Mode::Nba(Some(t)) | Mode::After(t) => self.i(I::LocalGet(t)),
            _ => self.i(I::I64Const(0)),
        }
        self.rt(if matches!(mode, Mode::After(_)) { "rt_update_after" } else { "rt_nba" });
        if guard.is_some() {
            self.i(I::End);
        }
    }

    /// Write a real lvalue from the f64 that `value` pushes.
    pub fn write_real(&mut self, lhs: ExprId, value: impl FnOnce(&mut Self)) {
        let d = self.d();
        let (addr, guard, sig) = match &d.exprs[lhs].kind {
            ExprKind::Signal(s) => (Some(self.sig_addr(*s, d.exprs[lhs].span)), None, Some(*s)),
            ExprKind::ArrayElem { sig, indices } => match self.elem_addr(*sig, indices, d.exprs[lhs].span) {
                Some((a, g)) => (Some(a), g, Some(*sig)),
                None => (None, None, None),
            },
            ExprKind::ClassProp { .. } => (Some(self.class_prop_addr(lhs)), None, None),
            _ => {
                self.cx.unsupported(d.exprs[lhs].span, "this real lvalue");
                return;
            }
        };
        let Some(addr) = addr else { return };
        let v = self.f.local(ValType::F64);
        value(self);
        self.i(I::LocalSet(v));
        if let Some(g) = guard {
            self.i(I::LocalGet(g));
            self.i(I::If(BlockType::Empty));
        }
        let sig_arg = sig.map(|s| self.sig_arg(s)).unwrap_or(wsim_abi::NO_SIG as i32);
        if sig_arg != wsim_abi::NO_SIG as i32 {
            // notify waiters only when the value changes
            self.push_addr(addr);
            self.i(I::F64Load(mem(0, 3)));
            self.i(I::LocalGet(v));
            self.i(I::F64Ne);
            self.i(I::If(BlockType::Empty));
            self.push_addr(addr);
            self.i(I::LocalGet(v));
            self.i(I::F64Store(mem(0, 3)));
            self.i32c(sig_arg);
            self.i32c(0);
            self.i32c(0);
            self.rt("rt_notify");
            self.i(I::End);
        } else {
            self.push_addr(addr);
            self.i(I::LocalGet(v));
            self.i(I::F64Store(mem(0, 3)));
        }
        if guard.is_some() {
            self.i(I::End);
        }
    }

    /// Write the value at `src` (of the lvalue's width) to an integral lvalue.
    pub fn write(&mut self, lhs: ExprId, src: Addr, mode: Mode) {
        let d = self.d();
        if let ExprKind::Concat(parts) = &d.exprs[lhs].kind {
            let total = d.exprs[lhs].ty.width;
            if total <= 64 {
                // split in locals: each part is a shift and a mask
                let v = self.load_small(src, d.exprs[lhs].ty.four_state);
                let mut off = 0u32;
                for &p in parts.iter().rev() {
                    let pw = d.exprs[p].ty.width;
                    let part = self.sm_bits(v, total, off, pw);
                    let t = self.small_addr(part, pw);
                    self.write(p, t, mode);
                    off += pw;
                }
                return;
            }
            let mut off = 0u32;
            for &p in parts.iter().rev() {
                let pw = d.exprs[p].ty.width;
                let t = self.temp_value(pw);
                self.push_addr(t);
                self.i32c(pw as i32);
                self.push_addr(src);
                self.i32c(total as i32);
                self.i32c(off as i32);
                self.i32c(0);
                self.rt("rt_get_bits");
                self.write(p, t, mode);
                off += pw;
            }
            return;
        }
        let Some(lv) = self.lval(lhs) else { return };
        if lv.ty.is_real() {
            self.cx.unsupported(self.espan(lhs), "part-select of a real");
            return;
        }
        if let (Mode::Nba(None), Some(sig)) = (mode, self.shadowed_base(lhs)) {
            self.write_shadow(lv, sig, src);
            return;
        }
        if let Some(g) = lv.guard {
            self.i(I::LocalGet(g));
            self.i(I::If(BlockType::Empty));
        }
        let whole = lv.dyn_off.is_none() && lv.const_off == 0 && lv.w == lv.dw;
        if matches!(mode, Mode::Blocking) && !whole && lv.dyn_off.is_none() && lv.dw <= 64 {
            let new = self.insert_small_bits(&lv, lv.addr, src);
            if lv.sig == wsim_abi::NO_SIG as i32 {
                self.store_small_value(lv.addr, new);
            } else {
                self.small_store_notify(lv.addr, new, lv.sig);
            }
            if lv.guard.is_some() {
                self.i(I::End);
            }
            return;
        }
        let push_off = |l: &mut Self| match lv.dyn_off {
            Some(o) => l.i(I::LocalGet(o)),
            None => l.i32c(lv.const_off.clamp(-(1 << 30), 1 << 30) as i32),
        };
        match mode {
            Mode::Blocking if whole && lv.w <= 64 && lv.sig == wsim_abi::NO_SIG as i32 => self.fast_copy(lv.addr, src),
            Mode::Blocking if whole && lv.w <= 64 => self.fast_store_notify(lv.addr, src, lv.sig),
            Mode::Blocking if whole => {
                self.push_addr(lv.addr);
                self.push_addr(src);
                self.i32c(lv.w as i32);
                self.i32c(lv.sig);
                self.rt("rt_store");
                self.i(I::Drop);
            }
            Mode::Blocking => {
                self.push_addr(lv.addr);
                self.i32c(lv.dw as i32);
                push_off(self);
                self.push_addr(src);
                self.i32c(lv.w as i32);
                self.i32c(lv.sig);
                self.rt("rt_store_bits");
                self.i(I::Drop);
            }
            Mode::Nba(None) if whole && lv.w <= 64 && self.cx.guest.helper("rt_nba64").is_some() => {
                // The common NBA: a whole small value, passed in registers.
                self.push_addr(lv.addr);
                self.i32c(lv.w as i32);
                self.i32c(lv.sig);
                self.ld(src, 0);
                self.ld(src, 1);
                self.rt("rt_nba64");
            }
            Mode::Nba(_) | Mode::After(_) => {
                self.push_addr(lv.addr);
                self.i32c(lv.dw as i32);
                push_off(self);
                self.push_addr(src);
                self.i32c(lv.w as i32);
                self.i32c(lv.sig);
                match mode {
                    Mode::Nba(Some(t)) | Mode::After(t) => self.i(I::LocalGet(t)),
                    _ => self.i(I::I64Const(0)),
                }
                self.rt(if matches!(mode, Mode::After(_)) { "rt_update_after" } else { "rt_nba" });
            }
        }
        if lv.guard.is_some() {
            self.i(I::End);
        }
    }
}

/// Fewest labels a `case` runs by jump table: fewer are as quick tested one
/// by one (a test is about five instructions, the table about ten).
const TABLE_MIN_LABELS: usize = 4;
/// Most values a `case` jump table spans (its entries).
const TABLE_MAX_SPAN: u64 = 256;

impl Lower<'_, '_> {
    /// True if a zero-delay NBA to `lhs` stores at once: every signal it
    /// writes is one of `crate::direct_nbas`.
    pub(crate) fn writes_directly(&self, lhs: ExprId) -> bool {
        let mut ws = vec![];
        crate::analysis::written_signals(self.d(), lhs, &mut ws);
        !ws.is_empty() && ws.iter().all(|s| self.cx.direct.stores[s.index()])
    }

    /// The signal an lvalue selects from, if that signal's NBAs go through
    /// a shadow record (`crate::shadow`).
    fn shadowed_base(&self, lhs: ExprId) -> Option<SignalId> {
        let d = self.d();
        let sig = match &d.exprs[lhs].kind {
            ExprKind::Signal(s) => *s,
            ExprKind::Select { base, .. } => return self.shadowed_base(*base),
            _ => return None,
        };
        self.cx.lay.shadows[sig.index()].map(|_| sig)
    }

    /// A zero-delay NBA to a shadowed signal: arm its record on the first
    /// NBA of the step; on a later one, note whether the value the earlier
    /// ones left differs from the signal's (that update was an event even
    /// if this one restores the value; the commit checks the last value).
    /// Then write the value into the record.
    fn write_shadow(&mut self, lv: Lval, sig: SignalId, src: Addr) {
        let rec = self.cx.lay.shadows[sig.index()].expect("a shadowed signal has a record");
        if let Some(g) = lv.guard {
            self.i(I::LocalGet(g));
            self.i(I::If(BlockType::Empty));
        }
        let whole = lv.w == lv.dw && lv.dyn_off.is_none() && lv.const_off == 0;
        let value = Addr::Abs(rec + wsim_abi::shadow::VALUE);
        if whole {
            let new = self.load_small(src, true);
            self.write_whole_shadow(rec, lv.addr, new);
        } else if lv.dyn_off.is_none() && lv.dw <= 64 {
            self.arm_shadow(rec, lv.addr);
            let new = self.insert_small_bits(&lv, value, src);
            self.store_small_value(value, new);
        } else {
            self.arm_shadow(rec, lv.addr);
            self.push_addr(value);
            self.i32c(lv.dw as i32);
            match lv.dyn_off {
                Some(o) => self.i(I::LocalGet(o)),
                None => self.i32c(lv.const_off.clamp(-(1 << 30), 1 << 30) as i32),
            }
            self.push_addr(src);
            self.i32c(lv.w as i32);
            self.i32c(wsim_abi::NO_SIG as i32);
            self.rt("rt_store_bits");
            self.i(I::Drop);
        }
        if lv.guard.is_some() {
            self.i(I::End);
        }
    }

    /// The <= 64-bit value at `dst` (the lvalue's storage or its shadow)
    /// with the constant part-select `lv` replaced by the value at `src`.
    fn insert_small_bits(&mut self, lv: &Lval, dst: Addr, src: Addr) -> Small {
        let four = lv.ty.four_state;
        let part = self.load_small(src, four);
        let old = self.load_small(dst, four);
        self.sm_insert(old, lv.dw, lv.const_off, part, lv.w)
    }

    /// A whole-value NBA to a shadowed signal. The first of the step that
    /// leaves the value as it is arms nothing: no update would be an
    /// event, and the commit would only find the value unchanged (a
    /// decoder's one-hot flags, rewritten on every instruction, mostly
    /// keep their 0). A later NBA of the step that changes the value arms
    /// the record then.
    fn write_whole_shadow(&mut self, rec: u32, sig_addr: Addr, new: Small) {
        if self.in_first_nba {
            // unarmed (`crate::first_nbas`)
            self.arm_if_changed(rec, sig_addr, new);
            return;
        }
        self.if_unarmed(rec);
        self.arm_if_changed(rec, sig_addr, new);
        self.i(I::Else);
        self.note_changed(rec, sig_addr);
        self.store_small_value(Addr::Abs(rec + wsim_abi::shadow::VALUE), new);
        self.i(I::End);
    }

    /// In unarmed record `rec`: arm it with `new` if that differs from the
    /// signal's value.
    fn arm_if_changed(&mut self, rec: u32, sig_addr: Addr, new: Small) {
        let current = self.load_small(sig_addr, true);
        self.push_differs(current, new);
        self.i(I::If(BlockType::Empty));
        self.set_armed(rec);
        self.store_small_value(Addr::Abs(rec + wsim_abi::shadow::VALUE), new);
        self.i(I::End);
    }

    /// Open an `if` (its `else`: armed) on shadow record `rec` not armed
    /// yet in this step (`FLAGS` 0).
    fn if_unarmed(&mut self, rec: u32) {
        self.push_addr(Addr::Abs(rec + wsim_abi::shadow::FLAGS));
        self.i(I::I32Load(mem(0, 2)));
        self.i(I::I32Eqz);
        self.i(I::If(BlockType::Empty));
    }

    /// Arm shadow record `rec` and set its group's bit of the `any` word.
    fn set_armed(&mut self, rec: u32) {
        let flags = rec + wsim_abi::shadow::FLAGS;
        self.push_addr(Addr::Abs(flags));
        self.i32c(wsim_abi::shadow::flags::ARMED as i32);
        self.store_at(I::I32Store(mem(0, 2)), flags, 4);
        let any = self.cx.lay.shadow_any.start;
        self.i32c(any as i32);
        self.i32c(any as i32);
        self.i(I::I32Load(mem(0, 2)));
        self.i32c(1 << self.cx.lay.shadow_group(rec));
        self.i(I::I32Or);
        self.store_at(I::I32Store(mem(0, 2)), any, 4);
    }

    /// In armed record `rec`: CHANGED if the value earlier NBAs of the
    /// step left differs from the signal's.
    fn note_changed(&mut self, rec: u32, sig_addr: Addr) {
        use wsim_abi::shadow;
        let (flags, value) = (rec + shadow::FLAGS, Addr::Abs(rec + shadow::VALUE));
        let (shadowed, current) = (self.load_small(value, true), self.load_small(sig_addr, true));
        self.push_differs(shadowed, current);
        self.i(I::If(BlockType::Empty));
        self.push_addr(Addr::Abs(flags));
        self.i32c((shadow::flags::ARMED | shadow::flags::CHANGED) as i32);
        self.store_at(I::I32Store(mem(0, 2)), flags, 4);
        self.i(I::End);
    }

    /// For a part-select NBA: if the record is not armed (`FLAGS` 0),
    /// arm it and copy the signal's value in, for the bits the NBA leaves.
    /// Else: CHANGED if the record's value differs from the signal's.
    fn arm_shadow(&mut self, rec: u32, sig_addr: Addr) {
        if self.in_first_nba {
            // unarmed (`crate::first_nbas`)
            self.fast_copy(Addr::Abs(rec + wsim_abi::shadow::VALUE), sig_addr);
            self.set_armed(rec);
            return;
        }
        self.if_unarmed(rec);
        self.fast_copy(Addr::Abs(rec + wsim_abi::shadow::VALUE), sig_addr);
        self.set_armed(rec);
        self.i(I::Else);
        self.note_changed(rec, sig_addr);
        self.i(I::End);
    }

    /// Resolve an lvalue (not a concatenation). `None` when it can never be
    /// written (constant index out of range) or is not an lvalue.
    fn lval(&mut self, e: ExprId) -> Option<Lval> {
        let d = self.d();
        let ex = &d.exprs[e];
        match &ex.kind {
            ExprKind::Signal(s) => {
                let addr = self.sig_addr(*s, ex.span);
                Some(Lval {
                    addr,
                    dw: ex.ty.width,
                    w: ex.ty.width,
                    const_off: 0,
                    dyn_off: None,
                    sig: self.sig_arg(*s),
                    guard: None,
                    ty: ex.ty,
                })
            }
            ExprKind::ArrayElem { sig, indices } => {
                let (addr, guard) = self.elem_addr(*sig, indices, ex.span)?;
                Some(Lval {
                    addr,
                    dw: ex.ty.width,
                    w: ex.ty.width,
                    const_off: 0,
                    dyn_off: None,
                    sig: self.sig_arg(*sig),
                    guard,
                    ty: ex.ty,
                })
            }
            ExprKind::Select { base, offset, width } => {
                let mut lv = self.lval(*base)?;
                lv.w = *width;
                match self.scalar(*offset) {
                    Scalar::Unknown => return None,
                    Scalar::Const(v) => lv.const_off += v,
                    Scalar::Dyn { v, known } => {
                        let o = self.f.local(ValType::I32);
                        self.push_clamped_i32(v);
                        if let Some(prev) = lv.dyn_off {
                            self.i(I::LocalGet(prev));
                            self.i(I::I32Add);
                        }
                        self.i(I::LocalSet(o));
                        lv.dyn_off = Some(o);
                        let g = self.f.local(ValType::I32);
                        self.i(I::LocalGet(known));
                        if let Some(prev) = lv.guard {
                            self.i(I::LocalGet(prev));
                            self.i(I::I32And);
                        }
                        self.i(I::LocalSet(g));
                        lv.guard = Some(g);
                    }
                }
                if let (Some(o), true) = (lv.dyn_off, lv.const_off != 0) {
                    self.i(I::LocalGet(o));
                    self.i32c(lv.const_off.clamp(-(1 << 30), 1 << 30) as i32);
                    self.i(I::I32Add);
                    self.i(I::LocalSet(o));
                    lv.const_off = 0;
                }
                Some(lv)
            }
            ExprKind::ClassProp { .. } => {
                let addr = self.class_prop_addr(e);
                Some(Lval {
                    addr,
                    dw: ex.ty.width,
                    w: ex.ty.width,
                    const_off: 0,
                    dyn_off: None,
                    sig: wsim_abi::NO_SIG as i32,
                    guard: None,
                    ty: ex.ty,
                })
            }
            _ => {
                self.cx.unsupported(ex.span, "this kind of lvalue");
                None
            }
        }
    }
}

fn edge_code(e: Edge) -> i32 {
    match e {
        Edge::Any => edge::ANY,
        Edge::Pos => edge::POS,
        Edge::Neg => edge::NEG,
        Edge::Both => edge::BOTH,
    }
}

// ------------------------------------------------------------ disable

impl Lower<'_, '_> {
    /// `disable task` from outside the task (IEEE 1364-2005 9.6.2): every
    /// active call ends (its forks and nested calls die with it) and each
    /// caller continues after its call. The task's calls are found in its
    /// call list; if the disabling thread was one of the killed ones it stops.
    fn disable_task(&mut self, t: SubrId, span: wsim_diag::Span) {
        if self.d().subrs[t].kind != SubrKind::Task || !self.cx.facts.listed[t.index()] {
            self.cx.unsupported(span, "`disable` of a function");
            return;
        }
        if !self.can_wait(span, "`disable` of a task from outside it") {
            return;
        }
        self.end_task_calls(t);
    }

    /// End every call on `t`'s call list, then stop if this thread died.
    fn end_task_calls(&mut self, t: SubrId) {
        let head = self.call_list_head(t);
        let call = self.f.local(ValType::I32);
        let parent = self.f.local(ValType::I32);
        self.i(I::Block(BlockType::Empty));
        self.i(I::Loop(BlockType::Empty));
        // pop the first call off the list; stop when it is empty
        self.push_addr(head);
        self.i(I::I32Load(mem(0, 2)));
        self.i(I::LocalTee(call));
        self.i(I::I32Eqz);
        self.i(I::BrIf(1));
        self.push_addr(head);
        self.load_field(call, fr::AUX);
        self.i(I::I32Store(mem(0, 2)));
        // a call already ended by other means stays ended
        self.load_field(call, fr::FLAGS);
        self.i32c((ff::FINISHED | ff::DEAD) as i32);
        self.i(I::I32And);
        self.i(I::BrIf(0));

        self.load_field(call, fr::PARENT);
        self.i(I::LocalSet(parent));
        self.i(I::LocalGet(call));
        self.rt("rt_kill");
        // the caller waits in its CALL state: resume it there (after the call)
        self.i(I::LocalGet(parent));
        self.i(I::If(BlockType::Empty));
        self.load_field(parent, fr::FLAGS);
        self.i32c(ff::DEAD as i32);
        self.i(I::I32And);
        self.i(I::I32Eqz);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(parent));
        self.load_field(parent, fr::STATE);
        self.rt("rt_resume_at");
        self.i(I::End);
        self.i(I::End);
        self.i(I::Br(0));
        self.i(I::End);
        self.i(I::End);
        self.stop_if_killed();
    }

    /// `disable blk` where `blk` is not lexically around this statement in
    /// this function: find the frames that can run `blk` (`home.depth` fork
    /// levels below its process frame or below each active call of its
    /// task); each one suspended inside `blk` has its forks and task call
    /// killed and resumes after `blk` (IEEE 1364-2005 9.6.2).
    fn disable_remote_block(&mut self, b: StmtId, home: BlockHome, span: wsim_diag::Span) {
        if let Root::Subr(t) = home.root {
            if self.d().subrs[t].kind == SubrKind::Function {
                // Functions never wait and call only functions: the block can
                // be active only if this code runs inside a function call.
                let in_function = self.subr.is_some_and(|s| self.d().subrs[s].kind == SubrKind::Function);
                if in_function {
                    self.cx.unsupported(span, "`disable` of a block of another function call from inside a function");
                }
                return;
            }
            if !self.cx.facts.listed[t.index()] {
                // Same task body, not inside the block: nothing of it is active.
                return;
            }
        }
        if !self.can_wait(span, "`disable` of a block another thread runs") {
            return;
        }
        match home.root {
            Root::Proc(p) => {
                let root = self.f.local(ValType::I32);
                self.f.sym(crate::func::Ins::ProcFrame(p.raw()));
                self.i(I::LocalSet(root));
                self.visit_fork_level(root, home.depth, b);
            }
            Root::Subr(t) => {
                let head = self.call_list_head(t);
                let call = self.f.local(ValType::I32);
                self.push_addr(head);
                self.i(I::I32Load(mem(0, 2)));
                self.i(I::LocalSet(call));
                self.each_in_list(call, fr::AUX, |l| l.visit_fork_level(call, home.depth, b));
            }
        }
        self.stop_if_killed();
    }

    /// Run `body` for each frame of the list starting at the frame in local
    /// `cur`, following the u32 link at `link` in each frame. `body` must not
    /// change `cur`'s link.
    fn each_in_list(&mut self, cur: u32, link: u32, body: impl FnOnce(&mut Self)) {
        self.i(I::Block(BlockType::Empty));
        self.i(I::Loop(BlockType::Empty));
        self.i(I::LocalGet(cur));
        self.i(I::I32Eqz);
        self.i(I::BrIf(1));
        body(self);
        self.load_field(cur, link);
        self.i(I::LocalSet(cur));
        self.i(I::Br(0));
        self.i(I::End);
        self.i(I::End);
    }

    /// Visit the frames `depth` fork levels below the frame in local `f`.
    fn visit_fork_level(&mut self, f: u32, depth: u32, b: StmtId) {
        if depth == 0 {
            self.end_block_in(f, b);
            return;
        }
        // children may be freed once killed, but only descendants of the
        // frame `end_block_in` handles, never a sibling still to visit
        let child = self.f.local(ValType::I32);
        self.load_field(f, fr::CHILDREN);
        self.i(I::LocalSet(child));
        self.each_in_list(child, fr::SIBLING, |l| l.visit_fork_level(child, depth - 1, b));
    }

    /// If the frame in local `f` runs `b`'s function, is alive, is not this
    /// thread and is suspended inside `b`: kill its forks and its task
    /// call and resume it after `b`.
    fn end_block_in(&mut self, f: u32, b: StmtId) {
        use crate::func::Ins;
        let state = self.f.local(ValType::I32);
        let callee = self.f.local(ValType::I32);
        self.load_field(f, fr::STATE);
        self.i(I::LocalSet(state));
        self.i(I::LocalGet(f));
        self.i(I::LocalGet(0));
        self.i(I::I32Ne);
        self.load_field(f, fr::FUNC);
        self.f.sym(Ins::NamedFunc(b.raw()));
        self.i(I::I32Eq);
        self.i(I::I32And);
        self.i(I::LocalGet(state));
        self.f.sym(Ins::NamedEnd(b.raw()));
        self.i(I::I32GtU);
        self.i(I::I32And);
        self.i(I::LocalGet(state));
        self.f.sym(Ins::NamedLast(b.raw()));
        self.i(I::I32LeU);
        self.i(I::I32And);
        self.load_field(f, fr::FLAGS);
        self.i32c((ff::FINISHED | ff::DEAD) as i32);
        self.i(I::I32And);
        self.i(I::I32Eqz);
        self.i(I::I32And);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(f));
        self.rt("rt_disable_fork");
        // the task call in progress, if any (a finished callee may linger in CHILD)
        self.load_field(f, fr::CHILD);
        self.i(I::LocalTee(callee));
        self.i(I::If(BlockType::Empty));
        self.load_field(callee, fr::PARENT);
        self.i(I::LocalGet(f));
        self.i(I::I32Eq);
        self.load_field(callee, fr::FLAGS);
        self.i32c((ff::CALL_CHILD | ff::FINISHED | ff::DEAD) as i32);
        self.i(I::I32And);
        self.i32c(ff::CALL_CHILD as i32);
        self.i(I::I32Eq);
        self.i(I::I32And);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(callee));
        self.rt("rt_kill");
        self.i(I::End);
        self.i(I::End);
        self.i(I::LocalGet(f));
        self.f.sym(Ins::NamedEnd(b.raw()));
        self.rt("rt_resume_at");
        self.i(I::End);
    }

    /// After a `disable` that may have killed this very thread: stop here
    /// (return WAIT; nothing ever resumes a dead frame).
    fn stop_if_killed(&mut self) {
        let dead = self.f.new_block();
        let next = self.f.new_block();
        self.load_field(0, fr::FLAGS);
        self.i32c(ff::DEAD as i32);
        self.i(I::I32And);
        self.f.terminate(Term::Branch(dead, next));
        self.f.switch_to(dead);
        self.f.ret(Some(status::WAIT));
        self.f.switch_to(next);
    }

    /// Push the u32 header field at `off` of the frame in local `f`.
    pub fn load_field(&mut self, f: u32, off: u32) {
        self.i(I::LocalGet(f));
        self.i(I::I32Load(mem(off, 2)));
    }

    /// Put this task call's frame at the end of its task's call list (at the
    /// start of a listed task's step function): `disable` then ends the
    /// calls oldest first and their callers resume in that order (1364-2005
    /// leaves the order open; vvp agrees for two calls of an automatic task).
    pub fn enter_call_list(&mut self, t: SubrId) {
        let head = self.call_list_head(t);
        let link = self.f.local(ValType::I32);
        self.push_addr(head);
        self.i(I::LocalSet(link));
        self.i(I::Block(BlockType::Empty));
        self.i(I::Loop(BlockType::Empty));
        self.i(I::LocalGet(link));
        self.i(I::I32Load(mem(0, 2)));
        self.i(I::I32Eqz);
        self.i(I::BrIf(1));
        self.i(I::LocalGet(link));
        self.i(I::I32Load(mem(0, 2)));
        self.i32c(fr::AUX as i32);
        self.i(I::I32Add);
        self.i(I::LocalSet(link));
        self.i(I::Br(0));
        self.i(I::End);
        self.i(I::End);
        self.i(I::LocalGet(link));
        self.i(I::LocalGet(0));
        self.i(I::I32Store(mem(0, 2)));
        self.i(I::LocalGet(0));
        self.i32c(0);
        self.i(I::I32Store(mem(fr::AUX, 2)));
    }

    /// Take this task call's frame off its task's call list (when it ends).
    pub fn leave_call_list(&mut self, t: SubrId) {
        let head = self.call_list_head(t);
        let link = self.f.local(ValType::I32);
        let cur = self.f.local(ValType::I32);
        self.push_addr(head);
        self.i(I::LocalSet(link));
        self.i(I::Block(BlockType::Empty));
        self.i(I::Loop(BlockType::Empty));
        self.i(I::LocalGet(link));
        self.i(I::I32Load(mem(0, 2)));
        self.i(I::LocalTee(cur));
        self.i(I::I32Eqz);
        self.i(I::BrIf(1));
        self.i(I::LocalGet(cur));
        self.i(I::LocalGet(0));
        self.i(I::I32Eq);
        self.i(I::If(BlockType::Empty));
        self.i(I::LocalGet(link));
        self.load_field(0, fr::AUX);
        self.i(I::I32Store(mem(0, 2)));
        self.i(I::Br(2));
        self.i(I::End);
        self.i(I::LocalGet(cur));
        self.i32c(fr::AUX as i32);
        self.i(I::I32Add);
        self.i(I::LocalSet(link));
        self.i(I::Br(0));
        self.i(I::End);
        self.i(I::End);
    }
}

#[cfg(test)]
mod tests {
    use super::{NEGEDGES, POSEDGES};
    use crate::specialize::tests::runner_operators;

    /// The stores of the runner of `always @* <body>` on four-state `a`,
    /// `b` and `y`.
    fn runner_stores(body: &str) -> usize {
        let src = format!("module t; logic [1:0] a, b; logic [3:0] y; always @* {body} endmodule\n");
        runner_operators(&src, &Default::default()).iter().filter(|op| op.starts_with("I64Store")).count()
    }

    #[test]
    fn a_jump_table_case_keeps_its_subject_in_locals() {
        // the only stores the `case` adds are its arms' (two planes each):
        // no temp for `a ^ b`, the table reads it where it was computed
        let one = runner_stores("y = {a, b};");
        let table = "case (a ^ b) 0: y = 1; 1: y = 2; 2: y = 4; 3: y = 8; default: y = 0; endcase";
        assert_eq!(runner_stores(table), one + 4 * 2);
    }

    /// The `select`s of the runner of `always @* case (s) ... endcase` on a
    /// two-state `s` of `w` bits, labels 5 to 8.
    fn jump_table_selects(w: u32) -> usize {
        let src = format!(
            "module t; bit [{}:0] s; logic [3:0] y;
             always @* case (s) 5: y = 1; 6: y = 2; 7: y = 4; 8: y = 8; default: y = 0; endcase
             endmodule\n",
            w - 1
        );
        runner_operators(&src, &Default::default()).iter().filter(|op| op.as_str() == "Select").count()
    }

    #[test]
    fn a_jump_table_index_of_up_to_32_bits_needs_no_clamp() {
        // the br_table's default takes an index past the table; a wider
        // subject is clamped first, lest 2^32 + 5 wrap onto label 5
        assert_eq!(jump_table_selects(32), 0);
        assert_eq!(jump_table_selects(33), 1);
    }

    #[test]
    fn a_case_tested_label_by_label_keeps_subject_and_labels_in_locals() {
        let one = runner_stores("y = {a, b};");
        let casez = "casez (a ^ b) 2'b0?: y = 1; 2'b10: y = 2; default: y = 0; endcase";
        assert_eq!(runner_stores(casez), one + 2 * 2);
        let labels = "case (1'b1) a[0]: y = 1; b[1]: y = 2; default: y = 0; endcase";
        assert_eq!(runner_stores(labels), one + 2 * 2);
    }

    /// The loads of the runner of three NBAs (`x <= ...; y <= ...;
    /// z <= ...;`, shadowed) in a clocked block.
    fn shadowed_nba_loads(nbas: &str) -> usize {
        let src = format!(
            "module t; reg clk = 0; reg [7:0] s, u, v, x, y, z;
             always #5 clk = ~clk;
             always @(posedge clk) begin {nbas} end endmodule\n"
        );
        let opts = crate::CodegenOptions { no_direct_nbas: true, ..Default::default() };
        runner_operators(&src, &opts).iter().filter(|op| op.starts_with("I64Load")).count()
    }

    #[test]
    fn arming_a_shadow_keeps_the_loaded_values() {
        // `s` is loaded once (two planes) for the three NBAs: arming a
        // record stores at known addresses, which forget only what was
        // cached there
        let three_sources = shadowed_nba_loads("x <= s; y <= u + 1; z <= v ^ 3;");
        assert_eq!(shadowed_nba_loads("x <= s; y <= s + 1; z <= s ^ 3;") + 2 * 2, three_sources);
    }

    #[test]
    fn edge_tables_are_table_9_2() {
        // LSB codes: 0, 1, z = 2, x = 3
        let unknown = |c: i32| c >= 2;
        for old in 0..4 {
            for new in 0..4 {
                let bit = |table: i32| (table >> (old << 2 | new)) & 1 == 1;
                let pos = (old == 0 && new != 0) || (unknown(old) && new == 1);
                let neg = (old == 1 && new != 1) || (unknown(old) && new == 0);
                assert_eq!(bit(POSEDGES), pos, "posedge {old} -> {new}");
                assert_eq!(bit(NEGEDGES), neg, "negedge {old} -> {new}");
            }
        }
    }
}
