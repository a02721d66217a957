//! NBA shadows: pick the signals whose nonblocking assignments write a
//! per-signal shadow value instead of queueing an update record.
//!
//! A queued NBA (`rt_nba64`) costs a 40-byte record, and its commit a
//! generic `rt_store_bits` plus a notify. A shadowed signal's NBAs write
//! straight into its shadow record (`wsim_abi::shadow`, laid out by
//! `wsim-layout`); the first NBA of a time step arms the record (a
//! part-select one also copies the current value in, for the bits no NBA
//! touches; a whole-value one that keeps the value arms nothing), and the
//! NBA region copies each armed value to its signal once, notifying if any
//! NBA changed it.
//!
//! That differs from one update per NBA only in what can be observed
//! between two updates of the same signal, and in the order in which
//! different signals' updates wake waiters. So a signal is shadowed only
//! when neither can be seen:
//! - it is a static, non-array integral variable of <= 64 bits (a port
//!   collapsed onto it is only another name: the design never reads, writes
//!   or waits on the alias, so the facts about the target are complete);
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

/// The static processes a change of one signal triggers, as `(word, bits)`
/// of the pending bitset (`wsim_abi::statics`), by the change they wait
/// for (an edge is one of bit 0, as in `rt_notify`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InlineTriggers {
    /// Level triggers: any change.
    pub any: Vec<(u32, u64)>,
    /// `posedge` and `edge` triggers.
    pub pos: Vec<(u32, u64)>,
    /// `negedge` and `edge` triggers.
    pub neg: Vec<(u32, u64)>,
    /// Some trigger is a `posedge` one: a posedge counts a clock cycle
    /// (`rt_count_posedge`, the run report's clock).
    pub counts_cycles: bool,
}

impl InlineTriggers {
    pub fn has_edges(&self) -> bool {
        !self.pos.is_empty() || !self.neg.is_empty()
    }
}

/// By SignalId: the static processes a change of the signal triggers, when
/// static processes' own event controls are all that watch it: generated
/// code then sets their pending bits itself instead of calling
/// `rt_notify`. `None`: something else watches it (a dynamic wait), or
/// nothing does. `watched_otherwise` is [`watched_other_than_by_statics`].
pub fn inline_triggers(d: &Design, sched: &StaticPlan, watched_otherwise: &[bool]) -> Vec<Option<InlineTriggers>> {
    let mut out: Vec<Option<InlineTriggers>> = vec![None; d.signals.len()];
    for &(sig, k, edge_kind) in &sched.triggers {
        if watched_otherwise[sig.index()] {
            continue;
        }
        let t = out[sig.index()].get_or_insert_with(InlineTriggers::default);
        match edge_kind {
            wsim_abi::edge::POS => {
                add_bit(&mut t.pos, k);
                t.counts_cycles = true;
            }
            wsim_abi::edge::NEG => add_bit(&mut t.neg, k),
            wsim_abi::edge::BOTH => {
                add_bit(&mut t.pos, k);
                add_bit(&mut t.neg, k);
            }
            _ => add_bit(&mut t.any, k),
        }
    }
    out
}

/// Add static process `k`'s pending bit to a `(word, bits)` list.
fn add_bit(words: &mut Vec<(u32, u64)>, k: u32) {
    let (w, bit) = (k / 64, 1u64 << (k % 64));
    match words.iter_mut().find(|(word, _)| *word == w) {
        Some((_, bits)) => *bits |= bit,
        None => words.push((w, bit)),
    }
}

/// By SignalId: the signal's NBAs go through a shadow record.
/// `watched_otherwise` is [`watched_other_than_by_comb_statics`].
pub fn plan(d: &Design, facts: &Facts, watched_otherwise: &[bool]) -> Vec<bool> {
    d.signals
        .iter()
        .map(|(id, s)| s.dims.is_empty() && nba_variable(d, id, facts, &facts.other_written, watched_otherwise))
        .collect()
}

/// True for a static integral variable (or array) of <= 64-bit values
/// that zero-delay NBAs write, that nothing else `other_written` marks
/// writes, and that only combinational static processes watch.
pub fn nba_variable(
    d: &Design,
    id: SignalId,
    facts: &Facts,
    other_written: &[bool],
    watched_otherwise: &[bool],
) -> bool {
    let (s, i) = (&d.signals[id], id.index());
    facts.written[i]
        && !other_written[i]
        && !watched_otherwise[i]
        && s.kind == SignalKind::Var
        && s.storage == Storage::Static
        && s.ty.kind == TypeKind::Integral
        && s.ty.width <= 64
}

/// By SignalId: some wait other than the trigger of a combinational static
/// process reads it.
pub fn watched_other_than_by_comb_statics(d: &Design, sched: &StaticPlan) -> Vec<bool> {
    watched_other_than(d, sched, |w| is_level_wait(d, w))
}

/// By SignalId: some wait other than the trigger of a static process reads it.
pub fn watched_other_than_by_statics(d: &Design, sched: &StaticPlan) -> Vec<bool> {
    watched_other_than(d, sched, |_| true)
}

/// By SignalId: some wait reads it other than the event control of a
/// static process that `exempt` accepts.
fn watched_other_than(d: &Design, sched: &StaticPlan, exempt: impl Fn(StmtId) -> bool) -> Vec<bool> {
    let mut out = vec![false; d.signals.len()];
    let mut mark = |d: &Design, s: StmtId, own_wait: Option<StmtId>| {
        let exprs = match &d.stmts[s].kind {
            StmtKind::WaitEvent { events } => events.iter().map(|e| e.expr).collect(),
            StmtKind::WaitCond { cond } => vec![*cond],
            _ => return,
        };
        if own_wait == Some(s) {
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
        let own_wait = sched.wait.get(&id).copied().filter(|&w| exempt(w));
        walk_stmts(d, p.body, &mut |s| mark(d, s, own_wait));
    }
    for (_, sub) in d.subrs.iter() {
        walk_stmts(d, sub.body, &mut |s| mark(d, s, None));
    }
    out
}

fn is_level_wait(d: &Design, w: StmtId) -> bool {
    matches!(&d.stmts[w].kind, StmtKind::WaitEvent { events } if events.iter().all(|e| e.edge == Edge::Any))
}
