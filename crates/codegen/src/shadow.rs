//! NBA shadows: pick the signals whose nonblocking assignments write a
//! per-signal shadow value instead of queueing an update record.
//!
//! A queued NBA (`rt_nba64`) costs a 40-byte record, and its commit a
//! generic `rt_store_bits` plus a notify. A shadowed signal's NBAs write
//! straight into its shadow record (`wsim_abi::shadow`, laid out by
//! `wsim-layout`); the first NBA of a time step lists the record
//! (`rt_shadow_arm`, which also copies the current value in so that part
//! selects see the bits no NBA touches), and the NBA region copies each
//! listed value to its signal once, notifying if any NBA changed it.
//!
//! That differs from one update per NBA only in what can be observed
//! between two updates of the same signal, and in the order in which
//! different signals' updates wake waiters. So a signal is shadowed only
//! when neither can be seen:
//! - it is a static, non-array integral variable of <= 64 bits, not a
//!   collapsed port;
//! - every write to it is a zero-delay nonblocking assignment (a blocking
//!   write between an NBA and its commit would be overwritten by bits of
//!   the stale copy);
//! - only combinational static processes (`always @*`, `assign`, level
//!   triggers) watch it: they run in their fixed order after the NBA region
//!   whatever order the updates came in, and the commit notifies them if
//!   any NBA of the step changed the value (`shadow::flags::CHANGED`), as
//!   one update event per NBA would have. An edge or a dynamic waiter could
//!   tell a glitch (`v <= 0; v <= 1;`) from no change, so such a signal
//!   keeps the queued updates.

use crate::analysis::{reads, walk_stmts, Facts};
use crate::schedule::StaticPlan;
use std::collections::BTreeSet;
use wsim_ir::*;

/// By SignalId: the static processes a change of the signal triggers, as
/// `(word, bits)` of the pending bitset (`wsim_abi::statics`), when those
/// combinational processes are all that watch it: generated code then sets
/// the bits itself instead of calling `rt_notify`. `None`: something else
/// watches it (an edge, a dynamic wait), or nothing does.
pub fn inline_triggers(d: &Design, sched: &StaticPlan, watched_otherwise: &[bool]) -> Vec<Option<Vec<(u32, u64)>>> {
    let mut out: Vec<Option<Vec<(u32, u64)>>> = vec![None; d.signals.len()];
    for &(sig, k, _) in &sched.triggers {
        if watched_otherwise[sig.index()] {
            continue;
        }
        let words = out[sig.index()].get_or_insert_with(Vec::new);
        let (w, bit) = (k / 64, 1u64 << (k % 64));
        match words.iter_mut().find(|(word, _)| *word == w) {
            Some((_, bits)) => *bits |= bit,
            None => words.push((w, bit)),
        }
    }
    out
}

/// By SignalId: the signal's NBAs go through a shadow record.
/// `watched_otherwise` is [`watched_other_than_by_comb_statics`].
pub fn plan(d: &Design, facts: &Facts, watched_otherwise: &[bool]) -> Vec<bool> {
    let mut shadowed: Vec<bool> = d
        .signals
        .iter()
        .map(|(id, s)| {
            let i = id.index();
            facts.written[i]
                && !facts.other_written[i]
                && !watched_otherwise[i]
                && s.kind == SignalKind::Var
                && s.storage == Storage::Static
                && s.dims.is_empty()
                && s.ty.kind == TypeKind::Integral
                && s.ty.width <= 64
        })
        .collect();
    for &(alias, target) in &d.aliases {
        shadowed[alias.index()] = false;
        shadowed[target.index()] = false;
    }
    shadowed
}

/// By SignalId: some wait other than the trigger of a combinational static
/// process reads it.
pub fn watched_other_than_by_comb_statics(d: &Design, sched: &StaticPlan) -> Vec<bool> {
    let mut out = vec![false; d.signals.len()];
    let mut mark = |d: &Design, s: StmtId, comb_wait: Option<StmtId>| {
        let exprs = match &d.stmts[s].kind {
            StmtKind::WaitEvent { events } => events.iter().map(|e| e.expr).collect(),
            StmtKind::WaitCond { cond } => vec![*cond],
            _ => return,
        };
        if comb_wait == Some(s) {
            return;
        }
        let mut rs = BTreeSet::new();
        for e in exprs {
            reads(d, e, &mut rs);
        }
        for sig in rs {
            out[sig.index()] = true;
        }
    };
    for (id, p) in d.procs.iter() {
        let comb_wait = sched.wait.get(&id).copied().filter(|&w| is_level_wait(d, w));
        walk_stmts(d, p.body, &mut |s| mark(d, s, comb_wait));
    }
    for (_, sub) in d.subrs.iter() {
        walk_stmts(d, sub.body, &mut |s| mark(d, s, None));
    }
    out
}

fn is_level_wait(d: &Design, w: StmtId) -> bool {
    matches!(&d.stmts[w].kind, StmtKind::WaitEvent { events } if events.iter().all(|e| e.edge == Edge::Any))
}
