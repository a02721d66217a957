//! Order the nonblocking assignments of a static body so that a register
//! is read before it is written.
//!
//! A direct NBA (`crate::direct_nbas`) stores at once, so a writer that
//! reads its register after the write must read a copy taken where its
//! activation starts: a load and a store per plane per activation. A
//! pipeline written stage by stage reads each register right after
//! writing it:
//!
//! ```text
//! lfsr <= f(lfsr);  s1 <= lfsr + x;  s2 <= g(s1);  s3 <= h(s2);
//! ```
//!
//! In reverse (`s3`, `s2`, `s1`, `lfsr`) every read comes first and no
//! copy is needed, as Verilator orders the stages of a block.
//!
//! Only consecutive statements of one block move, and only zero-delay
//! NBAs of a whole shadowed signal (`crate::shadow`) whose right-hand side
//! calls nothing: their right-hand sides read only values from before the
//! edge either way (an NBA changes nothing the block can see), and the
//! NBA region commits shadows in record order, not statement order, so
//! nobody sees the order of their updates. Two NBAs of the same signal
//! keep their order (the last one wins). A run whose reads and writes
//! form a cycle (`a <= b; b <= a;`) keeps its order.

use crate::analysis::{expr_any, reads, walk_stmts};
use crate::schedule::StaticPlan;
use std::collections::{BTreeSet, HashMap};
use wsim_ir::{Design, ExprKind, SignalId, StmtId, StmtKind};

/// A copy of `d` whose static bodies have their NBA runs reordered, or
/// None when no run needs it. Statement handles stay the same: only the
/// order of a block's statements changes.
pub fn order_nbas(d: &Design, sched: &StaticPlan, shadowed: &[bool]) -> Option<Design> {
    let mut blocks = vec![];
    for k in 0..sched.order.len() as u32 {
        for p in sched.members(k) {
            walk_stmts(d, d.procs[p].body, &mut |s| {
                if let StmtKind::Block { stmts, .. } = &d.stmts[s].kind {
                    if let Some(order) = reorder_block(d, stmts, shadowed) {
                        blocks.push((s, order));
                    }
                }
            });
        }
    }
    if blocks.is_empty() {
        return None;
    }
    let mut out = d.clone();
    for (s, order) in blocks {
        if let StmtKind::Block { stmts, .. } = &mut out.stmts[s].kind {
            *stmts = order;
        }
    }
    Some(out)
}

/// The block's statements with each run of movable NBAs reordered, or
/// None when no run changes.
fn reorder_block(d: &Design, stmts: &[StmtId], shadowed: &[bool]) -> Option<Vec<StmtId>> {
    let mut out = Vec::with_capacity(stmts.len());
    let mut changed = false;
    let mut start = 0;
    while start < stmts.len() {
        let end = start + stmts[start..].iter().take_while(|&&s| movable(d, s, shadowed).is_some()).count();
        if end == start {
            out.push(stmts[start]);
            start += 1;
            continue;
        }
        let run = &stmts[start..end];
        match readers_first(d, run, shadowed) {
            Some(order) => {
                changed = true;
                out.extend(order);
            }
            None => out.extend_from_slice(run),
        }
        start = end;
    }
    changed.then_some(out)
}

/// The target of a statement that may move: a zero-delay NBA of a whole
/// shadowed signal whose right-hand side calls nothing.
fn movable(d: &Design, s: StmtId, shadowed: &[bool]) -> Option<SignalId> {
    let StmtKind::NonBlocking { lhs, rhs, delay: None } = &d.stmts[s].kind else { return None };
    let ExprKind::Signal(target) = d.exprs[*lhs].kind else { return None };
    let calls = expr_any(d, *rhs, &|k| matches!(k, ExprKind::Call { .. } | ExprKind::SysFunc { .. }));
    (shadowed.get(target.index()).copied().unwrap_or(false) && !calls).then_some(target)
}

/// The run in an order where every statement reading a target of the run
/// comes before the statements writing it (the nearest to source order:
/// the first statement free to go goes first), or None when the run
/// reads no target after writing it already, or when no such order exists.
/// Linear in the run's reads and writes: a reset branch can hold
/// thousands of NBAs.
fn readers_first(d: &Design, run: &[StmtId], shadowed: &[bool]) -> Option<Vec<StmtId>> {
    let mut writers: HashMap<SignalId, Vec<usize>> = HashMap::new();
    for (j, &s) in run.iter().enumerate() {
        writers.entry(movable(d, s, shadowed).expect("a movable run")).or_default().push(j);
    }
    // after[i]: the statements that must come after statement i
    let mut after: Vec<Vec<usize>> = vec![vec![]; run.len()];
    let mut read_after_write = false;
    for (i, &s) in run.iter().enumerate() {
        let StmtKind::NonBlocking { rhs, .. } = &d.stmts[s].kind else { continue };
        let mut r = BTreeSet::new();
        reads(d, *rhs, &mut r);
        for j in r.iter().filter_map(|sig| writers.get(sig)).flatten().copied().filter(|&j| j != i) {
            read_after_write |= j < i;
            after[i].push(j);
        }
    }
    if !read_after_write {
        return None;
    }
    // writes of one signal keep their order
    for ws in writers.values() {
        for pair in ws.windows(2) {
            after[pair[0]].push(pair[1]);
        }
    }
    let mut before_count = vec![0usize; run.len()];
    for &j in after.iter().flatten() {
        before_count[j] += 1;
    }
    let mut free: BTreeSet<usize> = (0..run.len()).filter(|&j| before_count[j] == 0).collect();
    let mut order = Vec::with_capacity(run.len());
    while let Some(i) = free.pop_first() {
        order.push(run[i]);
        for &j in &after[i] {
            before_count[j] -= 1;
            if before_count[j] == 0 {
                free.insert(j);
            }
        }
    }
    // a cycle leaves some statement never free
    (order.len() == run.len()).then_some(order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::tests::elaborate;

    /// The NBAs of `src`'s first block of NBAs in the order
    /// [`reorder_block`] gives, each named by its target, with every
    /// signal taken as shadowed.
    fn reordered(src: &str) -> Vec<String> {
        let d = elaborate(src);
        let shadowed = vec![true; d.signals.len()];
        let mut names = vec![];
        for (_, p) in d.procs.iter() {
            walk_stmts(&d, p.body, &mut |s| {
                let StmtKind::Block { stmts, .. } = &d.stmts[s].kind else { return };
                if !names.is_empty() || !stmts.iter().any(|&c| movable(&d, c, &shadowed).is_some()) {
                    return;
                }
                let order = reorder_block(&d, stmts, &shadowed).unwrap_or_else(|| stmts.clone());
                for c in order {
                    if let Some(t) = movable(&d, c, &shadowed) {
                        names.push(d.signals[t].name.clone());
                    }
                }
            });
        }
        names
    }

    #[test]
    fn a_pipeline_is_written_last_stage_first() {
        let src = "module t; reg clk; reg [7:0] a, b, c, d, x;
            always @(posedge clk) begin a <= a + x; b <= a; c <= b ^ a; d <= c; end endmodule\n";
        assert_eq!(reordered(src), ["d", "c", "b", "a"]);
    }

    #[test]
    fn writes_of_one_signal_keep_their_order_and_a_cycle_keeps_all() {
        let src = "module t; reg clk; reg [7:0] a, b, c;
            always @(posedge clk) begin a <= 1; b <= a; a <= 2; c <= b; end endmodule\n";
        // b reads a: before both writes of a, which stay in order; c reads b
        assert_eq!(reordered(src), ["c", "b", "a", "a"]);
        let swap = "module t; reg clk; reg [7:0] a, b; always @(posedge clk) begin a <= b; b <= a; end endmodule\n";
        assert_eq!(reordered(swap), ["a", "b"]);
    }

    #[test]
    fn a_statement_that_cannot_move_splits_the_run() {
        let src = "module t; reg clk; reg [7:0] a, b, c, m [0:3];
            always @(posedge clk) begin a <= c; b <= a; m[0] <= b; c <= b; end endmodule\n";
        // the array element NBA stays between the runs [a, b] and [c]
        assert_eq!(reordered(src), ["b", "a", "c"]);
    }
}
