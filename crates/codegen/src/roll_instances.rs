//! Run the same statements of many instances as one loop.
//!
//! A static body (a fused unit) holds each instance's copy of a module's
//! processes one after the other: the 256 cells of `bench/designs/lfsr_ring.v`
//! are 256 copies of one `always` block, about 60 hot instructions each, and
//! the ring at N=256 no longer fits the instruction cache (cachegrind: 1446
//! I1 misses per clock cycle, none at N=16). Their code differs only in
//! the constants the layout gives each instance: its signals' addresses,
//! its parameters, the pending bits of its readers.
//!
//! So the statements of a run of instances are generated as usual, each
//! instance from a fresh basic block, and the code compared: when the
//! second instance's code and every later one's are the same but for
//! `i32.const`/`i64.const` operands (locals, blocks and jump tables
//! renumbered), the later copies are dropped and the second one runs in
//! a loop, each differing constant replaced by its value for the
//! iteration: `i32.const` operands at a constant stride (addresses) from
//! an induction local stepping by that stride, folded into the memory
//! operand where the constant is an address; the others from a table in
//! the constant pool. The same goes for addresses in the constant pool
//! (an instance's `%m`), known only once it is laid out: the pool's
//! address plus the stride or the table entry. The loop computes exactly
//! what the copies did, whatever the constants mean. The first instance
//! stays as it was: it creates what the others share (the accumulators of
//! deferred triggers). An instance whose code differs in shape ends the
//! loop; the instances after it are candidates again.
//!
//! What the comparison cannot see is state outside the code (a deferred
//! trigger's word, the wait states of a step function), so a run whose
//! generation changed any of it stays unrolled.

use crate::func::{mem, zero_of, FnGen, Ins, Term};
use crate::lower::Lower;
use crate::runner::stmt_nodes;
use std::collections::BTreeMap;
use wasm_encoder::{Encode, Instruction as I, MemArg, ValType};
use wsim_ir::{ProcId, StmtId};

/// The fewest instances rolled into a loop.
const MIN_INSTANCES: usize = 4;

/// The fewest IR nodes a run of instances has (all its copies) to be
/// rolled. The loop runs about ten more instructions per instance
/// (counters, addresses no longer constants), and its branches are
/// shared by all the instances (cachegrind: the ring at N=16 mispredicts
/// 6.5 branches per cycle rolled, 3 unrolled), so it pays only where the
/// copies crowd the instruction cache. The ring (65 nodes per cell), rolled
/// against unrolled (`bench/ab.py`): N=16 1.30x the time, N=64 0.96x,
/// N=256 0.53x. This is a runner chunk's worth (`runner::CHUNK_MAX_NODES`):
/// N=64 and N=256 roll, N=16 does not.
pub(crate) const MIN_ROLLED_NODES: usize = 3000;

type Stmts = [(ProcId, StmtId)];

/// The statements `stmts` of a static body in order: runs of instances of
/// the same statements (at least [`MIN_INSTANCES`], [`MIN_ROLLED_NODES`]
/// in all) as loops where their code allows, everything else through
/// `emit`.
pub fn emit_rolling_instances(l: &mut Lower, stmts: &Stmts, emit: &dyn Fn(&mut Lower, &Stmts)) {
    if !l.cx.roll_instances || !l.promoted.is_empty() {
        emit(l, stmts);
        return;
    }
    let groups = instance_groups(l, stmts);
    let (mut at, mut plain) = (0, 0);
    while at < groups.len() {
        let n = same_source_run(l, stmts, &groups[at..]);
        let (s, e) = groups[at];
        let nodes: usize = stmts[s..e].iter().map(|&(_, st)| stmt_nodes(l.d(), st)).sum();
        let min_run = MIN_INSTANCES.max(MIN_ROLLED_NODES.div_ceil(nodes.max(1)));
        if n < min_run {
            // the runs starting inside this one are shorter
            at += n;
            continue;
        }
        let span = |a: usize, b: usize| &stmts[groups[a].0..groups[b - 1].1];
        if plain < at {
            emit(l, span(plain, at));
        }
        let run: Vec<&Stmts> = groups[at..at + n].iter().map(|&(s, e)| &stmts[s..e]).collect();
        // later bits straight into the arena: an instance whose readers
        // lie in another pending word would take an accumulator of its
        // own (`runner::Lower::trigger_later`), and the copies differ
        let defer_later = std::mem::replace(&mut l.defer_later, false);
        at += roll(l, &run, min_run, emit);
        l.defer_later = defer_later;
        plain = at;
    }
    if plain < groups.len() {
        emit(l, &stmts[groups[plain].0..]);
    }
}

/// The ranges of `stmts` whose processes lie in one scope (instance)
/// each.
fn instance_groups(l: &Lower, stmts: &Stmts) -> Vec<(usize, usize)> {
    let procs = &l.d().procs;
    let mut groups: Vec<(usize, usize)> = vec![];
    for (k, &(p, _)) in stmts.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if procs[stmts[g.0].0].scope == procs[p].scope => g.1 = k + 1,
            _ => groups.push((k, k + 1)),
        }
    }
    groups
}

/// How many groups from the first on are copies of the same source
/// statements (instances of one module): the candidates, which the
/// generated code then confirms.
fn same_source_run(l: &Lower, stmts: &Stmts, groups: &[(usize, usize)]) -> usize {
    let d = l.d();
    let key = |&(s, e): &(usize, usize)| -> Vec<wsim_diag::Span> {
        stmts[s..e].iter().map(|&(_, st)| d.stmts[st].span).collect()
    };
    let Some(first) = groups.first() else { return 0 };
    let first_key = key(first);
    groups.iter().take_while(|g| key(g) == first_key).count()
}

/// Where the code of one instance lies: blocks `start..blocks` (`start`
/// the fresh block it began in, `end` the open one it ended in) and
/// locals `locals..locals_end`.
#[derive(Clone, Copy, Debug)]
struct Trace {
    /// The block that jumps to `start`.
    from: usize,
    start: usize,
    end: usize,
    blocks: usize,
    locals: u32,
    locals_end: u32,
    /// The jump tables its blocks end with are `tables..`.
    tables: usize,
    /// The diagnostics its generation reported are `diags..`.
    diags: usize,
    /// Its blocks' places in the layout order: `order..order_end`.
    order: usize,
    order_end: usize,
}

/// The state outside the code that generating a statement may change.
#[derive(PartialEq, Debug)]
struct Outside {
    deferred: usize,
    resumes: usize,
    prologue: usize,
    trigger_scratch: Option<(u32, u32)>,
    /// Each block's code length and terminator.
    blocks: Vec<(usize, Term)>,
}

impl Outside {
    /// `from`: the block the first instance starts from, whose
    /// terminator the fresh block sets.
    fn of(l: &Lower, blocks: usize, from: usize) -> Outside {
        Outside {
            deferred: l.deferred_triggers.as_ref().map_or(0, Vec::len),
            resumes: l.f.resumes.len(),
            prologue: l.f.prologue.len(),
            trigger_scratch: l.f.trigger_scratch,
            blocks: (l.f.blocks[..blocks].iter().enumerate())
                .map(|(k, b)| (b.code.len(), if k == from { Term::Open } else { b.term }))
                .collect(),
        }
    }
}

/// Generate `run`, one group per instance, as a loop where the code of
/// the second and later instances agrees (`min_run` instances at least);
/// returns how many of its groups it generated (the others are
/// candidates again).
fn roll(l: &mut Lower, run: &[&Stmts], min_run: usize, emit: &dyn Fn(&mut Lower, &Stmts)) -> usize {
    emit(l, run[0]);
    let order_before = l.f.order.clone();
    let first_block = l.f.blocks.len();
    let from = l.f.cur;
    let outside = Outside::of(l, first_block, from);
    let traces: Vec<Trace> = run[1..].iter().map(|g| emit_fresh(l, g, emit)).collect();
    let untouched = Outside::of(l, first_block, from) == outside
        && l.f.order.iter().filter(|&&b| b < first_block).eq(order_before.iter());
    if !untouched {
        return run.len();
    }
    let template = traces[0];
    let mut consts = Consts::of(&l.f, &template);
    let agreeing = 1 + traces[1..].iter().take_while(|t| same_code(&l.f, &template, t, &mut consts)).count();
    if agreeing + 1 >= min_run {
        if let Some(second) = traces.get(1) {
            drop_from(l, second);
        }
        loop_over(l, &template, &consts, agreeing);
        return 1 + agreeing;
    }
    // the instances before the next long enough run of agreeing ones stay
    // as they are; that run starts again from the one before it
    let Some(next) = next_agreeing_run(&l.f, &traces, agreeing, min_run) else { return run.len() };
    drop_from(l, &traces[next - 1]);
    next
}

/// The first trace from `from` on that starts `min_run - 1` traces whose
/// code agrees.
fn next_agreeing_run(f: &FnGen, traces: &[Trace], from: usize, min_run: usize) -> Option<usize> {
    let agree = |a: &Trace, b: &Trace| same_code(f, a, b, &mut Consts::of(f, a));
    let mut start = from;
    for k in from + 1..traces.len() {
        if !agree(&traces[k - 1], &traces[k]) {
            start = k;
        } else if k + 2 - start >= min_run {
            return Some(start);
        }
    }
    None
}

/// Generate `stmts` from a fresh block, recording where its code went.
fn emit_fresh(l: &mut Lower, stmts: &Stmts, emit: &dyn Fn(&mut Lower, &Stmts)) -> Trace {
    let from = l.f.cur;
    let start = l.f.new_block();
    l.f.goto(start);
    l.f.switch_to(start);
    l.last_small = None;
    let (locals, tables, diags) = (l.f.n_params + l.f.locals.len() as u32, l.f.tables.len(), l.cx.diags.list.len());
    let order = l.f.order.len() - 1;
    emit(l, stmts);
    let (blocks, locals_end) = (l.f.blocks.len(), l.f.n_params + l.f.locals.len() as u32);
    let order_end = l.f.order.len();
    Trace { from, start, end: l.f.cur, blocks, locals, locals_end, tables, diags, order, order_end }
}

/// The values of each `i32.const`/`i64.const` of the template, per
/// instance, by position (block relative to the template's start, index).
struct Consts {
    positions: Vec<(usize, usize)>,
    /// `values[position][instance]`.
    values: Vec<Vec<i64>>,
}

impl Consts {
    fn of(f: &FnGen, t: &Trace) -> Consts {
        let (mut positions, mut values) = (vec![], vec![]);
        for b in t.start..t.blocks {
            for (k, ins) in f.blocks[b].code.iter().enumerate() {
                if let Some(v) = const_value(ins) {
                    positions.push((b - t.start, k));
                    values.push(vec![v]);
                }
            }
        }
        Consts { positions, values }
    }

    fn varying(&self, p: usize) -> bool {
        self.values[p].iter().any(|&v| v != self.values[p][0])
    }
}

/// The value of a constant operand: an `i32.const`, an `i64.const`, or
/// the `i32.const` of an offset in the constant pool (resolved after
/// layout: a string or a format of one instance).
fn const_value(ins: &Ins) -> Option<i64> {
    match ins {
        Ins::W(I::I32Const(v)) => Some(i64::from(*v)),
        Ins::W(I::I64Const(v)) => Some(*v),
        Ins::ConstAddr(o) => Some(i64::from(*o)),
        _ => None,
    }
}

/// Whether trace `t` is the template's code but for its constants (whose
/// values it then adds to `consts`).
fn same_code(f: &FnGen, template: &Trace, t: &Trace, consts: &mut Consts) -> bool {
    let shape = |t: &Trace| (t.blocks - t.start, t.end - t.start, t.locals_end - t.locals);
    if shape(template) != shape(t) {
        return false;
    }
    let local_types = |t: &Trace| &f.locals[(t.locals - f.n_params) as usize..(t.locals_end - f.n_params) as usize];
    // (a block of another trace in its places tells them apart too)
    let in_order =
        |t: &Trace| -> Vec<usize> { f.order[t.order..t.order_end].iter().map(|&b| b.wrapping_sub(t.start)).collect() };
    if local_types(template) != local_types(t) || in_order(template) != in_order(t) {
        return false;
    }
    let mut found = vec![];
    for rel in 0..template.blocks - template.start {
        let (a, b) = (&f.blocks[template.start + rel], &f.blocks[t.start + rel]);
        // the end block's terminator is the next instance's entry
        let ends = rel == template.end - template.start;
        if a.code.len() != b.code.len() || !(ends || same_term(f, a.term, b.term, template, t)) {
            return false;
        }
        for (x, y) in a.code.iter().zip(&b.code) {
            match (const_value(x), const_value(y)) {
                (Some(_), Some(v)) if same_kind(x, y) => found.push(v),
                _ if same_ins(x, y, template, t) => {}
                _ => return false,
            }
        }
    }
    for (values, v) in consts.values.iter_mut().zip(found) {
        values.push(v);
    }
    true
}

fn same_kind(x: &Ins, y: &Ins) -> bool {
    matches!(
        (x, y),
        (Ins::W(I::I32Const(_)), Ins::W(I::I32Const(_)))
            | (Ins::W(I::I64Const(_)), Ins::W(I::I64Const(_)))
            | (Ins::ConstAddr(_), Ins::ConstAddr(_))
    )
}

/// A local or block of trace `t`: its index inside the trace, or the
/// outside one it names.
#[derive(PartialEq)]
enum Named {
    Inside(u64),
    Outside(u64),
}

fn local_in(t: &Trace, x: u32) -> Named {
    if (t.locals..t.locals_end).contains(&x) {
        Named::Inside(u64::from(x - t.locals))
    } else {
        Named::Outside(u64::from(x))
    }
}

fn block_in(t: &Trace, b: usize) -> Named {
    if (t.start..t.blocks).contains(&b) {
        Named::Inside((b - t.start) as u64)
    } else {
        Named::Outside(b as u64)
    }
}

fn same_term(f: &FnGen, a: Term, b: Term, ta: &Trace, tb: &Trace) -> bool {
    match (a, b) {
        (Term::Open, Term::Open) | (Term::Return, Term::Return) => true,
        (Term::Goto(x), Term::Goto(y)) => block_in(ta, x) == block_in(tb, y),
        (Term::Branch(x1, x2), Term::Branch(y1, y2)) => {
            block_in(ta, x1) == block_in(tb, y1) && block_in(ta, x2) == block_in(tb, y2)
        }
        (Term::Table(x), Term::Table(y)) => {
            let ((xs, xd), (ys, yd)) = (&f.tables[x], &f.tables[y]);
            let same = |a: &usize, b: &usize| block_in(ta, *a) == block_in(tb, *b);
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(a, b)| same(a, b)) && same(xd, yd)
        }
        // a restart: not rolled
        _ => false,
    }
}

fn same_ins(x: &Ins, y: &Ins, tx: &Trace, ty: &Trace) -> bool {
    match (x, y) {
        (Ins::W(I::LocalGet(a)), Ins::W(I::LocalGet(b)))
        | (Ins::W(I::LocalSet(a)), Ins::W(I::LocalSet(b)))
        | (Ins::W(I::LocalTee(a)), Ins::W(I::LocalTee(b))) => local_in(tx, *a) == local_in(ty, *b),
        (Ins::W(a), Ins::W(b)) => encoded(a) == encoded(b),
        // symbols resolved after layout: the same symbol or none
        _ => format!("{x:?}") == format!("{y:?}"),
    }
}

fn encoded(ins: &I) -> Vec<u8> {
    let mut out = vec![];
    ins.encode(&mut out);
    out
}

/// Drop the code of the instance of trace `t` and of every later one:
/// generation goes on where the one before it ended. (Their diagnostics
/// go too: the loop stands for them, or they are generated again.)
fn drop_from(l: &mut Lower, t: &Trace) {
    l.cx.diags.list.truncate(t.diags);
    let f = &mut l.f;
    f.blocks.truncate(t.start);
    f.order.retain(|&b| b < t.start);
    f.locals.truncate((t.locals - f.n_params) as usize);
    f.tables.truncate(t.tables);
    f.blocks[t.from].term = Term::Open;
    f.cur = t.from;
    // the dropped blocks' numbers come back: nothing known about them holds
    l.loads = Default::default();
    l.last_small = None;
}

/// How iteration `k` (from 0) gets one differing constant.
enum Source {
    /// `start + k * stride` (i32, wrapping).
    Strided { start: i32, stride: i32 },
    /// The k-th entry of a table in the constant pool.
    Table { offset: u32, wide: bool },
    /// The constant pool's address plus `start + k * stride`.
    StridedPool { start: u32, stride: i32 },
    /// The constant pool's address plus the k-th entry of a table there.
    PoolTable { offset: u32 },
}

/// Run the template (`iterations` instances from it) in a loop, its
/// differing constants replaced by their sources.
fn loop_over(l: &mut Lower, template: &Trace, consts: &Consts, iterations: usize) {
    let count = l.f.local(ValType::I32);
    let mut strides: BTreeMap<i32, u32> = BTreeMap::new();
    let mut sources: BTreeMap<(usize, usize), Source> = BTreeMap::new();
    for (p, &pos) in consts.positions.iter().enumerate() {
        if !consts.varying(p) {
            continue;
        }
        let values = &consts.values[p][..iterations];
        let ins = &l.f.blocks[template.start + pos.0].code[pos.1];
        let (wide, pool) = (matches!(ins, Ins::W(I::I64Const(_))), matches!(ins, Ins::ConstAddr(_)));
        let stride = (!wide).then(|| stride_of(values)).flatten();
        if let Some(stride) = stride {
            strides.entry(stride).or_insert_with(|| l.f.local(ValType::I32));
        }
        let source = match (pool, stride) {
            (false, Some(stride)) => Source::Strided { start: values[0] as i32, stride },
            (false, None) => Source::Table { offset: table(l, values, wide), wide },
            (true, Some(stride)) => Source::StridedPool { start: values[0] as u32, stride },
            (true, None) => Source::PoolTable { offset: table(l, values, false) },
        };
        sources.insert(pos, source);
    }
    for b in template.start..template.blocks {
        let code = std::mem::take(&mut l.f.blocks[b].code);
        l.f.blocks[b].code = substituted(code, b - template.start, &sources, &strides, count, iterations);
    }
    // before: the counters start at 0
    let init = std::iter::once(count).chain(strides.values().copied());
    let pre = &mut l.f.blocks[template.from].code;
    pre.extend(init.flat_map(|x| [Ins::W(I::I32Const(0)), Ins::W(I::LocalSet(x))]));
    // at the head: the template's locals start at 0 again, as they did
    // in each copy (Cranelift drops the stores nothing reads)
    let zeros: Vec<Ins> = (template.locals..template.locals_end)
        .flat_map(|x| [Ins::W(zero_of(l.f.locals[(x - l.f.n_params) as usize])), Ins::W(I::LocalSet(x))])
        .collect();
    l.f.blocks[template.start].code.splice(0..0, zeros);
    // at the end: step the counters, go round again
    for (&stride, &ind) in &strides {
        l.f.i(I::LocalGet(ind));
        l.f.i32c(stride);
        l.f.i(I::I32Add);
        l.f.i(I::LocalSet(ind));
    }
    l.f.i(I::LocalGet(count));
    l.f.i32c(1);
    l.f.i(I::I32Add);
    l.f.i(I::LocalTee(count));
    l.f.i32c(iterations as i32);
    l.f.i(I::I32Ne);
    let exit = l.f.new_block();
    l.f.terminate(Term::Branch(template.start, exit));
    l.f.switch_to(exit);
    l.last_small = None;
}

/// The stride of i32 `values` when they are `values[0] + k * stride`.
fn stride_of(values: &[i64]) -> Option<i32> {
    let (first, second) = (values[0] as i32, values[1] as i32);
    let stride = second.wrapping_sub(first);
    let linear = values.iter().enumerate().all(|(k, &v)| v as i32 == first.wrapping_add(stride.wrapping_mul(k as i32)));
    linear.then_some(stride)
}

/// A table of `values` (8 or 4 bytes each) in the constant pool.
fn table(l: &mut Lower, values: &[i64], wide: bool) -> u32 {
    let bytes: Vec<u8> = if wide {
        values.iter().flat_map(|v| v.to_le_bytes()).collect()
    } else {
        values.iter().flat_map(|&v| (v as i32).to_le_bytes()).collect()
    };
    l.cx.consts.intern(bytes)
}

/// The code of one template block with its differing constants replaced.
fn substituted(
    code: Vec<Ins>,
    rel: usize,
    sources: &BTreeMap<(usize, usize), Source>,
    strides: &BTreeMap<i32, u32>,
    count: u32,
    iterations: usize,
) -> Vec<Ins> {
    let mut out = Vec::with_capacity(code.len());
    let mut k = 0;
    while k < code.len() {
        let Some(source) = sources.get(&(rel, k)) else {
            out.push(code[k].clone());
            k += 1;
            continue;
        };
        match *source {
            Source::Strided { start, stride } => {
                let ind = strides[&stride];
                out.push(Ins::W(I::LocalGet(ind)));
                // the address operand of the next access: into its offset
                let last = i64::from(start as u32) + i64::from(stride) * (iterations as i64 - 1);
                let foldable = stride > 0 && last <= i64::from(u32::MAX);
                let unvarying = |j: usize| !sources.contains_key(&(rel, j));
                let moved = |j: usize| match code.get(j) {
                    Some(Ins::W(access)) if foldable => with_offset(access, start as u32),
                    _ => None,
                };
                match (moved(k + 1), moved(k + 2)) {
                    (Some((Access::Load, load)), _) => {
                        out.push(Ins::W(load));
                        k += 2;
                    }
                    (_, Some((Access::Store, store))) if unvarying(k + 1) && pushes_one(&code[k + 1]) => {
                        out.push(code[k + 1].clone());
                        out.push(Ins::W(store));
                        k += 3;
                    }
                    _ => {
                        out.push(Ins::W(I::I32Const(start)));
                        out.push(Ins::W(I::I32Add));
                        k += 1;
                    }
                }
            }
            Source::Table { offset, wide } => {
                out.extend(table_entry(count, offset, wide));
                k += 1;
            }
            Source::StridedPool { start, stride } => {
                out.extend([Ins::W(I::LocalGet(strides[&stride])), Ins::ConstAddr(start), Ins::W(I::I32Add)]);
                k += 1;
            }
            Source::PoolTable { offset } => {
                out.extend(table_entry(count, offset, false));
                out.extend([Ins::ConstAddr(0), Ins::W(I::I32Add)]);
                k += 1;
            }
        }
    }
    out
}

/// The `count`-th entry of the table at `offset` in the constant pool.
fn table_entry(count: u32, offset: u32, wide: bool) -> [Ins; 6] {
    [
        Ins::W(I::LocalGet(count)),
        Ins::W(I::I32Const(if wide { 3 } else { 2 })),
        Ins::W(I::I32Shl),
        Ins::ConstAddr(offset),
        Ins::W(I::I32Add),
        Ins::W(if wide { I::I64Load(mem(0, 0)) } else { I::I32Load(mem(0, 0)) }),
    ]
}

/// Whether `ins` pushes one value and does nothing else.
fn pushes_one(ins: &Ins) -> bool {
    matches!(ins, Ins::W(I::LocalGet(_) | I::I32Const(_) | I::I64Const(_) | I::F32Const(_) | I::F64Const(_)))
}

/// What a memory access does with the address under its operands.
enum Access {
    /// Loads from it (the address is the only operand).
    Load,
    /// Stores to it (the address is under the value).
    Store,
}

/// Memory access `ins` with `add` more in its offset (None: not an
/// access, or the offset would pass 4 GiB).
fn with_offset(ins: &I, add: u32) -> Option<(Access, I<'static>)> {
    let moved = |m: &MemArg| -> Option<MemArg> {
        let offset = m.offset.checked_add(u64::from(add)).filter(|&o| o <= u64::from(u32::MAX))?;
        Some(MemArg { offset, ..*m })
    };
    use Access::{Load, Store};
    Some(match ins {
        I::I32Load(m) => (Load, I::I32Load(moved(m)?)),
        I::I64Load(m) => (Load, I::I64Load(moved(m)?)),
        I::F64Load(m) => (Load, I::F64Load(moved(m)?)),
        I::I32Load8U(m) => (Load, I::I32Load8U(moved(m)?)),
        I::I32Load8S(m) => (Load, I::I32Load8S(moved(m)?)),
        I::I32Load16U(m) => (Load, I::I32Load16U(moved(m)?)),
        I::I64Load32U(m) => (Load, I::I64Load32U(moved(m)?)),
        I::I32Store(m) => (Store, I::I32Store(moved(m)?)),
        I::I64Store(m) => (Store, I::I64Store(moved(m)?)),
        I::I32Store8(m) => (Store, I::I32Store8(moved(m)?)),
        I::I32Store16(m) => (Store, I::I32Store16(moved(m)?)),
        I::I64Store8(m) => (Store, I::I64Store8(moved(m)?)),
        I::I64Store16(m) => (Store, I::I64Store16(moved(m)?)),
        I::I64Store32(m) => (Store, I::I64Store32(moved(m)?)),
        I::F64Store(m) => (Store, I::F64Store(moved(m)?)),
        I::V128Load(m) => (Load, I::V128Load(moved(m)?)),
        I::V128Store(m) => (Store, I::V128Store(moved(m)?)),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::schedule::tests::elaborate;
    use crate::specialize::tests::operators_of_all;

    /// `n` instances of a clocked cell (44 IR nodes) whose seeds and
    /// outputs differ.
    fn cells(n: usize) -> String {
        format!(
            "module c #(parameter [15:0] S = 1) (input clk, input rst, input [15:0] d, output [15:0] q);
               reg [15:0] a, b;
               always @(posedge clk)
                 if (rst) begin b <= 0; a <= S; end
                 else begin b <= a ^ (b >> 3) ^ (a << 2); a <= {{a[14:0], a[15] ^ a[13]}} + d + (a & d) - (a | 16'h55); end
               assign q = b;
             endmodule
             module t; reg clk = 0, rst = 1; reg [15:0] d = 0; wire [15:0] o [0:{last}];
             genvar i; generate for (i = 0; i <= {last}; i = i + 1) begin : g c #(.S(i * 7 + 1)) u (.clk(clk), .rst(rst), .d(d), .q(o[i])); end endgenerate
             always #5 clk = ~clk;
             always @(posedge clk) d <= d + 1;
             endmodule\n",
            last = n - 1
        )
    }

    /// The runner's operators and stores (all its chunks) for `src`.
    fn operators_and_stores_of(src: &str, roll: bool) -> (usize, usize) {
        let d = elaborate(src);
        let opts = crate::CodegenOptions { no_roll_instances: !roll, ..Default::default() };
        let wasm = crate::compile(&d, &opts).expect("compiles");
        let ops = operators_of_all(&wasm, "runner");
        let count = |what: &str| ops.iter().filter(|op| op.starts_with(what)).count();
        (ops.len(), count("I64Store"))
    }

    fn operators_and_stores(n: usize, roll: bool) -> (usize, usize) {
        operators_and_stores_of(&cells(n), roll)
    }

    #[test]
    fn many_instances_of_a_clocked_block_run_as_a_loop() {
        let (operators, stores) = operators_and_stores(128, false);
        let (rolled_operators, rolled_stores) = operators_and_stores(128, true);
        // the first instance and the loop's copy stay, of 128 (the
        // output ports' copies stay unrolled)
        assert!(rolled_operators * 4 < operators, "{operators} {rolled_operators}");
        assert!(rolled_stores * 3 < stores, "{stores} {rolled_stores}");
        // too few nodes in all: left as they are
        assert_eq!(operators_and_stores(8, true), operators_and_stores(8, false));
    }

    #[test]
    fn instances_printing_their_names_run_as_a_loop() {
        // each `%m` is a string of its own in the constant pool
        let src = "module c #(parameter [7:0] P = 1) (input clk, input [7:0] d);
               reg [7:0] a = P, b = 0;
               always @(posedge clk) begin
                 if (d == P) $display(\"%m: %h %h\", a, b);
                 b <= {b[6:0], b[7]} ^ (a & 8'h5a) ^ (b >> 1);
                 a <= a + d + P;
               end
             endmodule
             module t; reg clk = 0; reg [7:0] d = 0;
             genvar i; generate for (i = 0; i < 128; i = i + 1) begin : g c #(.P(i * 37 + 5)) u (.clk(clk), .d(d)); end endgenerate
             endmodule\n";
        let (operators, _) = operators_and_stores_of(src, false);
        let (rolled, _) = operators_and_stores_of(src, true);
        assert!(rolled * 8 < operators, "{operators} {rolled}");
    }
}
