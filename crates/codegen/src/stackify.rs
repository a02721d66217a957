//! Lay a function's basic blocks out as structured wasm control flow.
//!
//! Blocks are emitted in their layout order ([`FnGen::order`]: the order
//! they were allocated in, a loop's step and exit moved behind its body).
//! Each block after the first at a level starts at the `end` of a wasm
//! `block`, so a jump forward is a
//! plain `br` (Cranelift sees a direct edge and keeps values in registers
//! across it). A loop — a block `h` that later blocks jump back to, up to
//! the last one `e` — becomes a wasm `loop` around blocks `h..=e` when it
//! can ([`loop_regions`]): its back edges are a `br` to the loop, and the
//! blocks inside it are laid out the same way one level down:
//!
//! ```text
//! loop $L                               ;; the dispatch loop
//!   block*  [dispatch]                  ;; one wasm block per later unit
//!   code_0 term_0  end
//!   loop $h                             ;; a loop region h..=e
//!     block*  code_h term_h  end  ...  code_e term_e
//!   end  end
//!   ...
//! end  unreachable
//! ```
//!
//! The other ways in are the dispatch `br_table` at the top ([`Entries`]):
//! block 0, the blocks a wait resumes at (step functions), and the heads of
//! the loops that cannot be structured. A jump back to one of those sets
//! `$state` and branches to `$L`. A loop is structured only when nothing
//! but its head is entered from outside it, so a wait inside a loop keeps
//! that loop (and the loops around it) on the dispatch.

use crate::func::{FnGen, Term};
use std::collections::{BTreeMap, BTreeSet};
use wasm_encoder::{BlockType, Instruction};

/// Most instructions of a returning block that a jump back through the
/// dispatch copies (`Emitter::returns_at_once`): a suspend stores the
/// state and returns in 7.
const COPIED_RETURN_MAX: usize = 8;

/// The blocks in the order they are laid out ([`FnGen::order`]): every
/// block number below is a position in that order.
pub struct View<'a> {
    f: &'a FnGen,
    order: &'a [usize],
    /// Block index -> position.
    pos: Vec<usize>,
    /// Each position's terminator, its targets as positions.
    terms: Vec<Term>,
    tables: Vec<(Vec<usize>, usize)>,
    resumes: Vec<usize>,
}

impl<'a> View<'a> {
    pub fn of(f: &'a FnGen) -> View<'a> {
        let order = &f.order[..];
        assert_eq!(order.first(), Some(&0), "block 0 is laid out first");
        let mut pos = vec![usize::MAX; f.blocks.len()];
        for (p, &b) in order.iter().enumerate() {
            pos[b] = p;
        }
        let at = |b: usize| pos[b];
        let terms = (order.iter())
            .map(|&b| match f.blocks[b].term {
                Term::Goto(t) => Term::Goto(at(t)),
                Term::Branch(t, e) => Term::Branch(at(t), at(e)),
                t @ (Term::Open | Term::Return | Term::Restart | Term::Table(_)) => t,
            })
            .collect();
        let tables = (f.tables.iter()).map(|(ts, d)| (ts.iter().map(|&t| at(t)).collect(), at(*d))).collect();
        let resumes = f.resumes.iter().map(|&b| at(b)).collect();
        View { f, order, pos, terms, tables, resumes }
    }

    fn len(&self) -> usize {
        self.order.len()
    }

    /// Every position the terminator at `p` can jump to.
    fn targets(&self, p: usize) -> Vec<usize> {
        match self.terms[p] {
            Term::Goto(t) => vec![t],
            Term::Branch(t, e) => vec![t, e],
            Term::Table(t) => {
                let (targets, default) = &self.tables[t];
                targets.iter().copied().chain([*default]).collect()
            }
            Term::Open | Term::Return | Term::Restart => vec![],
        }
    }
}

/// Loop head -> the last block that jumps back to it, for every head.
fn back_edges(v: &View) -> BTreeMap<usize, usize> {
    let mut ends = BTreeMap::new();
    for k in 0..v.len() {
        for t in v.targets(k).into_iter().filter(|&t| t <= k) {
            let end = ends.entry(t).or_insert(k);
            *end = (*end).max(k);
        }
    }
    ends
}

/// The loops laid out as wasm loops (head -> last block), and the blocks
/// the dispatch must reach ([`Entries`]: block 0, the resumes, the heads
/// of the loops left out). A loop qualifies
/// when no block inside it but its head is a dispatch entry and no jump
/// from outside lands inside it past the head. The heads of the loops that
/// do not qualify become entries, which can disqualify the loops around
/// them, so this runs to a fixed point. Qualifying loops nest: a loop that
/// starts inside another and ends past it jumps back into it from outside.
fn loop_regions(v: &View) -> (BTreeMap<usize, usize>, BTreeSet<usize>) {
    let mut regions = back_edges(v);
    let edges: Vec<(usize, usize)> = (0..v.len()).flat_map(|k| v.targets(k).into_iter().map(move |t| (k, t))).collect();
    let mut entries: BTreeSet<usize> = v.resumes.iter().copied().chain([0]).collect();
    loop {
        let enters_inside = |(&h, &e): (&usize, &usize)| {
            let inside = |b: usize| h < b && b <= e;
            entries.iter().any(|&b| inside(b)) || edges.iter().any(|&(from, to)| inside(to) && !(h..=e).contains(&from))
        };
        let dropped: Vec<usize> = regions.iter().filter(|&r| enters_inside(r)).map(|(&h, _)| h).collect();
        if dropped.is_empty() {
            return (regions, entries);
        }
        for h in dropped {
            regions.remove(&h);
            entries.insert(h);
        }
    }
}

/// The blocks the dispatch `br_table` can start in: block 0, the blocks a
/// step function resumes at ([`FnGen::resumes`]) and the heads of loops
/// left on the dispatch. A block that is not an entry is reached by
/// forward branches and structured loops alone, so Cranelift sees which
/// blocks dominate it and reuses values (the arena's base address, loads
/// not stored over) from them.
struct Entries {
    /// Positions.
    blocks: Vec<usize>,
    /// `$state` is a block index (a step function: the frame keeps it
    /// across waits, and guest-rt's `rt_resume_at` sets it); otherwise the
    /// index of the block among the entries.
    by_block_index: bool,
}

impl Entries {
    fn of(v: &View, entries: BTreeSet<usize>) -> Entries {
        Entries { blocks: entries.into_iter().collect(), by_block_index: v.f.is_step }
    }

    /// The `$state` value that starts the block at position `b`.
    fn state_of(&self, v: &View, b: usize) -> i32 {
        if self.by_block_index {
            return v.order[b] as i32;
        }
        self.blocks.binary_search(&b).expect("a jump back through the dispatch targets an entry") as i32
    }

    /// Block 0 alone: no dispatch at all.
    fn only_first(&self) -> bool {
        self.blocks == [0]
    }
}

/// What a wasm branch depth leads to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Label {
    /// The loop around everything that [`Term::Restart`] continues.
    Restart,
    /// The dispatch loop.
    Dispatch,
    /// The end of a wasm block: the start of this basic block.
    Before(usize),
    /// A structured loop: the start of its head block.
    Loop(usize),
}

/// A run of blocks laid out at one level: one block, or a loop region.
#[derive(Clone, Copy)]
enum Unit {
    Block(usize),
    Loop(usize, usize),
}

impl Unit {
    fn start(self) -> usize {
        match self {
            Unit::Block(b) | Unit::Loop(b, _) => b,
        }
    }
}

struct Emitter<'a, R> {
    v: View<'a>,
    out: &'a mut Vec<Instruction<'static>>,
    resolve: R,
    regions: BTreeMap<usize, usize>,
    entries: Entries,
    labels: Vec<Label>,
}

/// Emit the body of `f` from its dispatch loop on (the caller emits the
/// prologue and, when `restarts`, opens the restart loop first).
pub fn emit_blocks<R>(f: &FnGen, out: &mut Vec<Instruction<'static>>, restarts: bool, resolve: R)
where
    R: Fn(&crate::func::Ins) -> Instruction<'static>,
{
    let v = View::of(f);
    let (regions, entries) = loop_regions(&v);
    let entries = Entries::of(&v, entries);
    let mut labels = vec![];
    if restarts {
        labels.push(Label::Restart);
    }
    labels.push(Label::Dispatch);
    let mut e = Emitter { v, out, resolve, regions, entries, labels };
    e.out.push(Instruction::Loop(BlockType::Empty));
    e.level(0, e.v.len() - 1, false);
    e.out.push(Instruction::End);
    e.out.push(Instruction::Unreachable);
}

impl<R: Fn(&crate::func::Ins) -> Instruction<'static>> Emitter<'_, R> {
    /// The units of blocks `lo..=hi`; with `in_loop`, `lo` is the head of
    /// the loop being laid out and stands alone.
    fn units(&self, lo: usize, hi: usize, in_loop: bool) -> Vec<Unit> {
        let mut units = vec![];
        let mut k = lo;
        while k <= hi {
            match self.regions.get(&k) {
                Some(&e) if !(in_loop && k == lo) => {
                    assert!(e <= hi, "loop regions nest");
                    units.push(Unit::Loop(k, e));
                    k = e + 1;
                }
                _ => {
                    units.push(Unit::Block(k));
                    k += 1;
                }
            }
        }
        units
    }

    fn level(&mut self, lo: usize, hi: usize, in_loop: bool) {
        let units = self.units(lo, hi, in_loop);
        for u in units[1..].iter().rev() {
            self.out.push(Instruction::Block(BlockType::Empty));
            self.labels.push(Label::Before(u.start()));
        }
        if lo == 0 && !in_loop && !self.entries.only_first() {
            self.dispatch();
        }
        for (i, &u) in units.iter().enumerate() {
            match u {
                Unit::Block(k) => self.block(k),
                Unit::Loop(h, e) => {
                    self.out.push(Instruction::Loop(BlockType::Empty));
                    self.labels.push(Label::Loop(h));
                    self.level(h, e, true);
                    self.labels.pop();
                    self.out.push(Instruction::End);
                }
            }
            if i + 1 < units.len() {
                let closed = self.labels.pop();
                debug_assert_eq!(closed, Some(Label::Before(units[i + 1].start())));
                self.out.push(Instruction::End);
            }
        }
    }

    /// The branch depth of `label` from here, `extra` structured blocks deep.
    fn depth(&self, label: Label, extra: u32) -> Option<u32> {
        self.labels.iter().rev().position(|&l| l == label).map(|d| d as u32 + extra)
    }

    /// Branch depth to start block `b` from inside the dispatch's own block:
    /// block 0 follows it.
    fn dispatch_depth(&self, b: usize) -> u32 {
        if b == 0 {
            return 0;
        }
        self.depth(Label::Before(b), 1).expect("a dispatch entry starts a top-level unit")
    }

    /// From inside the wasm blocks of the top level, branch to the entry
    /// `$state` names (a state no entry has traps: nothing stores one).
    fn dispatch(&mut self) {
        self.out.push(Instruction::Block(BlockType::Empty));
        if !self.entries.by_block_index {
            self.out.push(Instruction::LocalGet(self.v.f.state));
            let depths: Vec<u32> = self.entries.blocks.iter().map(|&b| self.dispatch_depth(b)).collect();
            let last = *depths.last().expect("block 0 is an entry");
            self.out.push(Instruction::BrTable(depths.into(), last));
            self.out.push(Instruction::End);
            return;
        }
        self.out.push(Instruction::Block(BlockType::Empty));
        self.out.push(Instruction::LocalGet(self.v.f.state));
        // by block index; depth 0: the trap below; depth d + 1: depth d
        // from the outer block
        let depths: Vec<u32> = (self.v.pos.iter())
            .map(|&p| if self.entries.blocks.binary_search(&p).is_ok() { self.dispatch_depth(p) + 1 } else { 0 })
            .collect();
        self.out.push(Instruction::BrTable(depths.into(), 0));
        self.out.push(Instruction::End);
        self.out.push(Instruction::Unreachable);
        self.out.push(Instruction::End);
    }

    fn block(&mut self, k: usize) {
        for ins in &self.v.f.blocks[self.v.order[k]].code {
            let resolved = (self.resolve)(ins);
            self.out.push(resolved);
        }
        match self.v.terms[k] {
            Term::Open => self.out.push(Instruction::Unreachable),
            Term::Return => {}
            Term::Goto(t) => self.jump(k, t, 0),
            Term::Restart => {
                let d = self.depth(Label::Restart, 0).expect("a restarting function has the restart loop");
                self.out.push(Instruction::Br(d));
            }
            Term::Table(t) => {
                let (targets, default) = &self.v.tables[t];
                let depth = |b: usize| {
                    assert!(b > k, "a jump table only jumps ahead");
                    self.depth(Label::Before(b), 0).expect("a forward target starts an open unit")
                };
                let depths: Vec<u32> = targets.iter().map(|&b| depth(b)).collect();
                let default = depth(*default);
                self.out.push(Instruction::BrTable(depths.into(), default));
            }
            Term::Branch(t, e) => {
                if t > k {
                    let d = self.depth(Label::Before(t), 0).expect("a forward target starts an open unit");
                    self.out.push(Instruction::BrIf(d));
                } else {
                    self.out.push(Instruction::If(BlockType::Empty));
                    self.jump(k, t, 1);
                    self.out.push(Instruction::End);
                }
                self.jump(k, e, 0);
            }
        }
    }

    /// True if block `t` (a position) is a few instructions that end in
    /// `return`: a jump back to it through the dispatch runs a copy instead.
    fn returns_at_once(&self, t: usize) -> bool {
        matches!(self.v.terms[t], Term::Return) && self.v.f.blocks[self.v.order[t]].code.len() <= COPIED_RETURN_MAX
    }

    /// Jump from the end of block `k` to block `t`, from `extra` structured
    /// blocks deep inside it. Block `k + 1` is the next code emitted at any
    /// level, so falling through reaches it.
    fn jump(&mut self, k: usize, t: usize, extra: u32) {
        if t == k + 1 && extra == 0 {
            return;
        }
        if t > k {
            let d = self.depth(Label::Before(t), extra).expect("a forward target starts an open unit");
            self.out.push(Instruction::Br(d));
        } else if let Some(d) = self.depth(Label::Loop(t), extra) {
            self.out.push(Instruction::Br(d));
        } else if self.returns_at_once(t) {
            // a copy of the block (a process's wait at the top of its
            // loop): no state store, no jump back and no `br_table`
            for ins in &self.v.f.blocks[self.v.order[t]].code {
                let resolved = (self.resolve)(ins);
                self.out.push(resolved);
            }
        } else {
            self.out.push(Instruction::I32Const(self.entries.state_of(&self.v, t)));
            self.out.push(Instruction::LocalSet(self.v.f.state));
            let d = self.depth(Label::Dispatch, extra).expect("the dispatch loop is open");
            self.out.push(Instruction::Br(d));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::func::tests::{encoded, has_dispatch, operators};
    use wasm_encoder::{
        CodeSection, ExportKind, ExportSection, FunctionSection, GlobalSection, GlobalType, MemorySection, MemoryType,
        Module, TypeSection, ValType,
    };
    use Instruction as I;

    /// Run plain function `f(n)` (no results) in a module of its own and
    /// read the i32 it leaves at address 0.
    fn run(f: FnGen, n: i32) -> i32 {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], []);
        module.section(&types);
        let mut funcs = FunctionSection::new();
        funcs.function(0);
        module.section(&funcs);
        let mut mems = MemorySection::new();
        let page = MemoryType { minimum: 1, maximum: None, memory64: false, shared: false, page_size_log2: None };
        mems.memory(page);
        module.section(&mems);
        let mut globals = GlobalSection::new();
        let tsp = GlobalType { val_type: ValType::I32, mutable: true, shared: false };
        globals.global(tsp, &wasm_encoder::ConstExpr::i32_const(1024));
        module.section(&globals);
        let mut exports = ExportSection::new();
        exports.export("f", ExportKind::Func, 0);
        exports.export("mem", ExportKind::Memory, 0);
        module.section(&exports);
        let mut code = CodeSection::new();
        code.function(&encoded(f));
        module.section(&code);
        let bytes = module.finish();
        wasmparser::validate(&bytes).expect("the function validates");
        let engine = wasmtime::Engine::default();
        let mut store = wasmtime::Store::new(&engine, ());
        let module = wasmtime::Module::new(&engine, &bytes).expect("compiles");
        let instance = wasmtime::Instance::new(&mut store, &module, &[]).expect("instantiates");
        let func = instance.get_typed_func::<i32, ()>(&mut store, "f").expect("f");
        func.call(&mut store, n).expect("runs");
        let mem = instance.get_memory(&mut store, "mem").expect("memory");
        let mut word = [0u8; 4];
        mem.read(&store, 0, &mut word).expect("address 0");
        i32::from_le_bytes(word)
    }

    /// `local += by`
    fn add(f: &mut FnGen, local: u32, by: i32) {
        f.i(I::LocalGet(local));
        f.i32c(by);
        f.i(I::I32Add);
        f.i(I::LocalSet(local));
    }

    /// Store `local` at address 0 and return.
    fn store_and_return(f: &mut FnGen, local: u32) {
        f.i32c(0);
        f.i(I::LocalGet(local));
        f.i(I::I32Store(crate::func::mem(0, 2)));
        f.ret(None);
    }

    fn loops(ops: &[String]) -> usize {
        ops.iter().filter(|o| o.starts_with("Loop")).count()
    }

    /// `for (i = 0; i < n; i++) for (j = 0; j < i; j++) acc++;`
    fn nested_loops() -> FnGen {
        let mut f = FnGen::new(1, false, 0);
        let (i, j, acc) = (f.local(ValType::I32), f.local(ValType::I32), f.local(ValType::I32));
        let blocks: Vec<usize> = (1..=6).map(|_| f.new_block()).collect();
        let [outer, outer_body, inner, inner_body, outer_step, exit] = blocks[..] else { unreachable!() };
        f.goto(outer);
        f.switch_to(outer);
        f.i(I::LocalGet(i));
        f.i(I::LocalGet(0));
        f.i(I::I32LtS);
        f.terminate(Term::Branch(outer_body, exit));
        f.switch_to(outer_body);
        f.i32c(0);
        f.i(I::LocalSet(j));
        f.goto(inner);
        f.switch_to(inner);
        f.i(I::LocalGet(j));
        f.i(I::LocalGet(i));
        f.i(I::I32LtS);
        f.terminate(Term::Branch(inner_body, outer_step));
        f.switch_to(inner_body);
        add(&mut f, acc, 1);
        add(&mut f, j, 1);
        f.goto(inner);
        f.switch_to(outer_step);
        add(&mut f, i, 1);
        f.goto(outer);
        f.switch_to(exit);
        store_and_return(&mut f, acc);
        f
    }

    #[test]
    fn nested_loops_are_wasm_loops_without_a_dispatch() {
        let f = nested_loops();
        assert_eq!(loop_regions(&View::of(&f)).0, BTreeMap::from([(1, 5), (3, 4)]));
        let ops = operators(nested_loops());
        assert!(!has_dispatch(&ops), "{ops:#?}");
        assert_eq!(loops(&ops), 3, "the dispatch loop and one per loop: {ops:#?}");
        for n in [0, 1, 2, 10] {
            assert_eq!(run(nested_loops(), n), n * (n - 1).max(0) / 2, "n = {n}");
        }
    }

    /// A loop entered in its middle: block 0 goes to 1 or 2 by `n`'s low
    /// bit, and 2 jumps back to 1 while `i < n`.
    fn entered_in_the_middle() -> FnGen {
        let mut f = FnGen::new(1, false, 0);
        let (i, acc) = (f.local(ValType::I32), f.local(ValType::I32));
        let (b1, b2, exit) = (f.new_block(), f.new_block(), f.new_block());
        f.i(I::LocalGet(0));
        f.i32c(1);
        f.i(I::I32And);
        f.terminate(Term::Branch(b1, b2));
        f.switch_to(b1);
        add(&mut f, acc, 100);
        f.goto(b2);
        f.switch_to(b2);
        add(&mut f, acc, 1);
        add(&mut f, i, 1);
        f.i(I::LocalGet(i));
        f.i(I::LocalGet(0));
        f.i(I::I32LtS);
        f.terminate(Term::Branch(b1, exit));
        f.switch_to(exit);
        store_and_return(&mut f, acc);
        f
    }

    #[test]
    fn a_loop_entered_in_its_middle_stays_on_the_dispatch() {
        assert!(loop_regions(&View::of(&entered_in_the_middle())).0.is_empty());
        let ops = operators(entered_in_the_middle());
        assert!(has_dispatch(&ops), "{ops:#?}");
        assert_eq!(loops(&ops), 1, "{ops:#?}");
        for n in [0, 1, 2, 5, 6] {
            let (mut acc, mut i, mut at_b1) = (0, 0, n & 1 != 0);
            loop {
                acc += if at_b1 { 101 } else { 1 };
                i += 1;
                if i >= n {
                    break;
                }
                at_b1 = true;
            }
            assert_eq!(run(entered_in_the_middle(), n), acc, "n = {n}");
        }
    }

    #[test]
    fn a_wait_inside_a_loop_keeps_it_and_the_loops_around_it_on_the_dispatch() {
        // block 0 -> outer head 1 -> inner head 3 -> wait, resume at 5 ->
        // back to 3 or on to 2 (placed after 5) -> back to 1 or on to 4
        // (placed last): blocks laid out 0 1 3 5 2 4, as Lower lays out
        // nested `forever` loops
        let mut f = FnGen::new(1, true, 0);
        let (outer, outer_step, inner, exit) = (f.new_block(), f.new_block(), f.new_block(), f.new_block());
        f.goto(outer);
        f.switch_to(outer);
        f.goto(inner);
        f.switch_to(inner);
        let resume = f.new_block();
        f.suspend(1, resume);
        f.i32c(1);
        f.terminate(Term::Branch(inner, outer_step));
        f.place_last(outer_step);
        f.switch_to(outer_step);
        f.i32c(1);
        f.terminate(Term::Branch(outer, exit));
        f.place_last(exit);
        f.switch_to(exit);
        f.ret(Some(0));
        assert_eq!(f.order, [0, outer, inner, resume, outer_step, exit]);
        let v = View::of(&f);
        let (regions, entries) = loop_regions(&v);
        assert!(regions.is_empty());
        let entries = Entries::of(&v, entries);
        assert_eq!(entries.blocks, [0, 1, 2, 3], "positions of block 0, the two heads and the resume");
        let ops = operators(f);
        let table = ops.iter().find(|o| o.starts_with("BrTable")).expect("a dispatch");
        // by block index: 0 -> depth 1, outer -> 2, outer_step and exit
        // trap (0), inner -> 3, resume -> 4
        assert!(table.contains("[1, 2, 0, 3, 0, 4]"), "{table}");
    }

    #[test]
    fn a_jump_back_to_a_wait_that_returns_runs_a_copy_of_it() {
        // `always begin @(e); body; end`: block 0 -> head (suspend, resume
        // at 2) -> body -> back to the head
        let mut f = FnGen::new(1, false, 0);
        let acc = f.local(ValType::I32);
        let head = f.new_block();
        f.goto(head);
        f.switch_to(head);
        let resume = f.new_block();
        f.suspend(1, resume);
        add(&mut f, acc, 1);
        f.goto(head);
        let ops = operators(f);
        let count = |what: &str| ops.iter().filter(|o| o.as_str() == what).count();
        // the suspend twice (its block and the copy), and no jump back
        // through the dispatch (a state set and a `br` to its loop)
        assert_eq!(count("Return"), 2, "{ops:#?}");
        assert_eq!(ops.iter().filter(|o| o.starts_with("BrTable")).count(), 1, "{ops:#?}");
        assert!(!ops.iter().any(|o| o.starts_with("Br {")), "{ops:#?}");
    }

    /// `for (i = 0; i < n; i++) begin acc += 2; if (i == 3) break; end` as
    /// Lower lays it out: head 1, body 2, step 3 and exit 4 reserved first,
    /// the body allocates 5 (after the `break`), step and exit are placed
    /// after it.
    fn for_loop_with_a_break() -> FnGen {
        let mut f = FnGen::new(1, false, 0);
        let (i, acc) = (f.local(ValType::I32), f.local(ValType::I32));
        let (head, body, step, exit) = (f.new_block(), f.new_block(), f.new_block(), f.new_block());
        f.goto(head);
        f.switch_to(head);
        f.i(I::LocalGet(i));
        f.i(I::LocalGet(0));
        f.i(I::I32LtS);
        f.terminate(Term::Branch(body, exit));
        f.switch_to(body);
        add(&mut f, acc, 2);
        let after_break = f.new_block();
        f.i(I::LocalGet(i));
        f.i32c(3);
        f.i(I::I32Eq);
        f.terminate(Term::Branch(exit, after_break));
        f.switch_to(after_break);
        f.goto(step);
        f.place_last(step);
        f.switch_to(step);
        add(&mut f, i, 1);
        f.goto(head);
        f.place_last(exit);
        f.switch_to(exit);
        store_and_return(&mut f, acc);
        f
    }

    #[test]
    fn a_loop_whose_step_and_exit_are_placed_after_its_body_is_structured() {
        let f = for_loop_with_a_break();
        assert_eq!(f.order, [0, 1, 2, 5, 3, 4]);
        assert_eq!(loop_regions(&View::of(&f)).0, BTreeMap::from([(1, 4)]), "head to step, by position");
        let ops = operators(for_loop_with_a_break());
        assert!(!has_dispatch(&ops), "{ops:#?}");
        assert_eq!(loops(&ops), 2, "{ops:#?}");
        for n in [0, 1, 3, 4, 9] {
            assert_eq!(run(for_loop_with_a_break(), n), 2 * n.min(4), "n = {n}");
        }
    }
}
