//! Rejects an `always` process whose body can never wait (E0312).
//!
//! An `always` process restarts its body as soon as it ends (IEEE
//! 1364-2005 9.9.2, 1800-2017 9.2.2.1). When no path through the body holds
//! a timing control, the process loops forever at one simulation time and
//! time never advances: the standard's own example (`always areg = ~areg;`)
//! is called a zero-delay infinite loop that deadlocks the simulation.
//! Icarus rejects such a process ("always statement does not have any
//! delay"); wsim does too instead of spinning.
//!
//! Only a body where *no* path can wait is rejected: a `#`, an `@`, a
//! `wait`, a `wait fork`, a `fork ... join` with a branch that can wait, or
//! a task call whose body can wait anywhere in the body is enough. What
//! does not make the process wait: an intra-assignment delay or event
//! control on a nonblocking assignment (the update is scheduled, the
//! process goes on), `->`, `disable`, system tasks, function calls,
//! `fork ... join_none`. A blocking assignment's intra-assignment timing
//! control is lowered to a `Delay`/`WaitEvent` statement, so it counts.
//!
//! `always_comb`/`always_latch` get their implicit `@` at lowering and are
//! never candidates; `always_ff` without any event control is the same
//! infinite loop (1800-2017 9.2.2.4 requires one) and is checked like
//! `always`.

use std::collections::HashMap;

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{Design, JoinKind, ProcId, StmtId, StmtKind, SubrId};

use crate::ctx::Elab;

impl Elab<'_> {
    /// Reports every recorded `always` process whose body cannot wait.
    pub fn check_untimed_always(&mut self) {
        let candidates = std::mem::take(&mut self.untimed_candidates);
        let mut walker = WaitWalker { d: &self.d, subrs: HashMap::new() };
        let untimed: Vec<(Span, &'static str)> = candidates
            .into_iter()
            .filter(|c| !walker.may_wait(self.d.procs[c.proc].body))
            .map(|c| (c.keyword, c.keyword_name))
            .collect();
        for (span, name) in untimed {
            self.error(
                code::UNTIMED_ALWAYS,
                span,
                format!(
                    "this `{name}` process has no delay, event control or wait on any path: \
                     it would loop forever without advancing time"
                ),
            );
        }
    }
}

/// An `always`/`always_ff` process to check once every body is lowered
/// (a task it calls may be lowered after it).
pub struct UntimedCandidate {
    pub proc: ProcId,
    /// The process keyword, where the error points.
    pub keyword: Span,
    pub keyword_name: &'static str,
}

/// Whether a statement can suspend its thread, with task bodies memoised.
struct WaitWalker<'d> {
    d: &'d Design,
    /// `true` also while a task's body is being walked, so a recursive
    /// task counts as one that may wait (the safe answer).
    subrs: HashMap<SubrId, bool>,
}

impl WaitWalker<'_> {
    fn may_wait(&mut self, s: StmtId) -> bool {
        let d = self.d;
        match &d.stmts[s].kind {
            StmtKind::Delay { .. } | StmtKind::WaitEvent { .. } | StmtKind::WaitCond { .. } | StmtKind::WaitFork => {
                true
            }
            StmtKind::Fork { branches, join, .. } => match join {
                JoinKind::All => branches.iter().any(|&b| self.may_wait(b)),
                // `join_any` goes on once the first branch ends: at once
                // when some branch cannot wait.
                JoinKind::Any => !branches.is_empty() && branches.iter().all(|&b| self.may_wait(b)),
                JoinKind::None => false,
            },
            StmtKind::Call { subr, .. } => self.subr_may_wait(*subr),
            StmtKind::Nop
            | StmtKind::Assign { .. }
            | StmtKind::NonBlocking { .. }
            | StmtKind::AssignAfter { .. }
            | StmtKind::Trigger { .. }
            | StmtKind::Disable(_)
            | StmtKind::DisableFork
            | StmtKind::SysTask { .. }
            | StmtKind::Return
            | StmtKind::Break
            | StmtKind::Continue => false,
            // Blocks, branches and loops: any child that can wait.
            kind @ (StmtKind::Block { .. }
            | StmtKind::If { .. }
            | StmtKind::Case { .. }
            | StmtKind::Loop { .. }
            | StmtKind::DoWhile { .. }
            | StmtKind::Repeat { .. }) => kind.children().into_iter().any(|c| self.may_wait(c)),
            // A statement kind unknown here counts as one that may wait, so
            // the check never rejects a process it does not understand.
            #[allow(unreachable_patterns)]
            _ => true,
        }
    }

    fn subr_may_wait(&mut self, subr: SubrId) -> bool {
        if let Some(&known) = self.subrs.get(&subr) {
            return known;
        }
        self.subrs.insert(subr, true);
        let answer = self.may_wait(self.d.subrs[subr].body);
        self.subrs.insert(subr, answer);
        answer
    }
}
