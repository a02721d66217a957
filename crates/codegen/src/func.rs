//! One generated wasm function under construction: locals, a temp area on
//! the temp stack, frame slots, and a control-flow graph of basic blocks.
//!
//! Every function (step function or plain) is emitted as a dispatch loop
//! around its blocks in index order, with its loops as wasm loops where
//! they can be (crate::stackify): a jump forward is a `br`, a jump back a
//! `br` to its loop, or through the dispatch `br_table` to one of the
//! blocks code can start in. Those are block 0, the heads of loops left
//! unstructured, and in a step function the blocks a wait resumes at
//! (no dispatch at all when that is block 0 alone). A wait stores the resume block's index in
//! `frame.state` and returns, so the state of a thread is one integer: all
//! variables live in the arena. Some operands are only known once the whole
//! design is laid out ([`Ins`] symbols), so bodies are resolved at the end.

use wasm_encoder::{BlockType, Function, Instruction, MemArg, ValType};

/// An instruction, or a symbol resolved after layout.
#[derive(Clone, Debug)]
pub enum Ins {
    W(Instruction<'static>),
    /// `i32.const` of an offset in the constant pool.
    ConstAddr(u32),
    /// `i32.const` of a process's static frame.
    ProcFrame(u32),
    /// `i32.const` of the frame size of a waiting task.
    SubrFrameSize(u32),
    /// `i32.const` of the frame size of generated function `k` (fork branches).
    FnFrameSize(u32),
    /// `i32.const` of the heap start.
    HeapStart,
    /// `i32.const` of the state after a named block in a thread function.
    NamedEnd(u32),
    /// `i32.const` of the last state inside a named block in a thread function.
    NamedLast(u32),
    /// `i32.const` of the dispatch id of the thread function holding a named block.
    NamedFunc(u32),
}

/// How a basic block ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    /// Not terminated yet (emitted as `unreachable`).
    Open,
    Goto(usize),
    /// An i32 condition is on the stack: non-zero goes to the first block.
    Branch(usize, usize),
    /// An i32 index is on the stack: `FnGen::tables[t]` maps it to a block
    /// (its default past the end). Every target lies ahead (a `br_table`
    /// of forward depths).
    Table(usize),
    /// The code already returned.
    Return,
    /// Run the function again from block 0, its prologue aside: every
    /// local but the temp base starts at 0 again, so no value is carried
    /// around (the static runner's next pass). Emitted as an outer `loop`
    /// that sets the locals, around the dispatch loop: a jump back to block
    /// 0 through the dispatch would make each local that some path reads
    /// before writing live around the whole function (spilled).
    Restart,
}

pub struct Block {
    pub code: Vec<Ins>,
    pub term: Term,
}

/// Resolved values for the symbols of [`Ins`].
pub struct Symbols<'a> {
    pub const_base: u32,
    pub proc_frames: &'a [u32],
    pub subr_frame_sizes: &'a [u32],
    pub fn_frame_sizes: &'a [u32],
    pub heap_start: u32,
    pub temp_end: u32,
    /// Named block -> (state after it, last state inside it, dispatch id of its function).
    pub named_states: &'a std::collections::HashMap<wsim_ir::StmtId, (u32, u32, u32)>,
}

impl Symbols<'_> {
    fn named_state(&self, st: u32) -> (u32, u32, u32) {
        self.named_states.get(&wsim_ir::StmtId::from_raw(st)).copied().unwrap_or((0, 0, u32::MAX))
    }
}

pub struct FnGen {
    pub n_params: u32,
    /// Code run on every entry, before the dispatch loop.
    pub prologue: Vec<Ins>,
    pub locals: Vec<ValType>,
    pub blocks: Vec<Block>,
    /// The order blocks are laid out in: allocation order, except that
    /// [`FnGen::place_last`] moves a block (a loop's exit, reserved before
    /// its body) behind the blocks allocated before it is placed.
    pub order: Vec<usize>,
    pub cur: usize,
    temp_cur: u32,
    temp_max: u32,
    /// Frame slots (offsets from the frame start) for values kept across waits.
    pub slot_base: u32,
    pub slot_cur: u32,
    pub tbase: u32,
    pub state: u32,
    /// Step functions load/store `frame.state`; plain functions keep it local.
    pub is_step: bool,
    /// Trap when the temp stack overflows (recursive subroutines).
    pub check_temp_overflow: bool,
    /// The temps live at this offset of the constant pool instead of on
    /// the temp stack ([`FnGen::give_static_temps`]).
    static_temps: Option<u32>,
    /// Scratch locals of inline triggers (`runner.rs`), shared by every
    /// trigger site of the function: each site sets them before use.
    pub trigger_scratch: Option<(u32, u32)>,
    /// The jump tables of `Term::Table`: (targets by index, default).
    pub tables: Vec<(Vec<usize>, usize)>,
    /// Blocks a step function can be resumed at: after each wait, and the
    /// end of a named block that `disable` resumes a thread at.
    pub resumes: Vec<usize>,
}

/// The constant 0 of a local's type.
pub fn zero_of(ty: ValType) -> Instruction<'static> {
    match ty {
        ValType::I32 => Instruction::I32Const(0),
        ValType::I64 => Instruction::I64Const(0),
        ValType::F32 => Instruction::F32Const(0.0.into()),
        ValType::F64 => Instruction::F64Const(0.0.into()),
        ValType::V128 => Instruction::V128Const(0),
        ValType::Ref(_) => unreachable!("generated code has no reference locals"),
    }
}

pub fn mem(offset: u32, align: u32) -> MemArg {
    MemArg { offset: offset as u64, align, target: wasm_encoder::MemArgTarget::Memory(0), ordering: None }
}

impl FnGen {
    pub fn new(n_params: u32, is_step: bool, slot_base: u32) -> FnGen {
        let mut f = FnGen {
            n_params,
            prologue: vec![],
            locals: vec![],
            blocks: vec![Block { code: vec![], term: Term::Open }],
            order: vec![0],
            cur: 0,
            temp_cur: 0,
            temp_max: 0,
            slot_base,
            slot_cur: slot_base,
            tbase: 0,
            state: 0,
            is_step,
            check_temp_overflow: false,
            static_temps: None,
            trigger_scratch: None,
            tables: vec![],
            resumes: vec![],
        };
        f.tbase = f.local(ValType::I32);
        f.state = f.local(ValType::I32);
        f
    }

    /// Sets every local but the temp base to 0 ([`Term::Restart`]).
    fn zero_locals(&self, out: &mut Vec<Instruction<'static>>) {
        for (k, &ty) in self.locals.iter().enumerate() {
            let local = self.n_params + k as u32;
            if local == self.tbase {
                continue;
            }
            out.push(zero_of(ty));
            out.push(Instruction::LocalSet(local));
        }
    }

    pub fn local(&mut self, ty: ValType) -> u32 {
        self.locals.push(ty);
        self.n_params + self.locals.len() as u32 - 1
    }

    pub fn i(&mut self, ins: Instruction<'static>) {
        self.blocks[self.cur].code.push(Ins::W(ins));
    }

    pub fn sym(&mut self, ins: Ins) {
        self.blocks[self.cur].code.push(ins);
    }

    pub fn i32c(&mut self, v: i32) {
        self.i(Instruction::I32Const(v));
    }

    pub fn new_block(&mut self) -> usize {
        self.blocks.push(Block { code: vec![], term: Term::Open });
        self.order.push(self.blocks.len() - 1);
        self.blocks.len() - 1
    }

    /// Lay block `b` out after every block allocated so far: a block
    /// reserved as a jump target before the code that comes ahead of it
    /// (a loop's step and exit, a named block's end) is placed once that
    /// code is generated, so the jumps to it go forward.
    pub fn place_last(&mut self, b: usize) {
        let p = self.order.iter().rposition(|&x| x == b).expect("an allocated block");
        self.order.remove(p);
        self.order.push(b);
    }

    pub fn switch_to(&mut self, b: usize) {
        self.cur = b;
    }

    /// End the current block (if it is still open).
    pub fn terminate(&mut self, t: Term) {
        self.terminate_block(self.cur, t);
    }

    /// End block `b` (if it is still open): for a terminator known only
    /// once the blocks after it are allocated.
    pub fn terminate_block(&mut self, b: usize, t: Term) {
        if self.blocks[b].term == Term::Open {
            self.blocks[b].term = t;
        }
    }

    pub fn goto(&mut self, b: usize) {
        self.terminate(Term::Goto(b));
    }

    /// Reserve `bytes` (8-aligned) in this function's temp area; returns the offset.
    pub fn temp(&mut self, bytes: u32) -> u32 {
        let off = self.temp_cur;
        self.temp_cur += bytes.div_ceil(8) * 8;
        self.temp_max = self.temp_max.max(self.temp_cur);
        off
    }

    pub fn mark(&self) -> u32 {
        self.temp_cur
    }

    pub fn release(&mut self, mark: u32) {
        self.temp_cur = mark;
    }

    /// Reserve a frame slot (kept across waits); returns its frame offset.
    pub fn slot(&mut self, bytes: u32) -> u32 {
        let off = self.slot_cur;
        self.slot_cur += bytes.div_ceil(8) * 8;
        off
    }

    /// Put the temp-stack pointer back where the function found it, as
    /// every return does ([`FnGen::drop_temp_stack_restores`] finds these
    /// two instructions).
    pub fn restore_temp_stack(&mut self) {
        self.i(Instruction::LocalGet(self.tbase));
        self.i(Instruction::GlobalSet(crate::TSP_GLOBAL_PLACEHOLDER));
    }

    /// Restore the temp stack and return (with `status` for step functions).
    pub fn ret(&mut self, status: Option<i32>) {
        self.restore_temp_stack();
        if let Some(s) = status {
            self.i32c(s);
        }
        self.i(Instruction::Return);
        self.terminate(Term::Return);
    }

    /// Store `resume` as the frame's state, return `status`, continue in `resume`.
    pub fn suspend(&mut self, status: i32, resume: usize) {
        self.i(Instruction::LocalGet(0));
        self.i32c(resume as i32);
        self.i(Instruction::I32Store(mem(wsim_abi::frame::STATE, 2)));
        self.resumes.push(resume);
        self.ret(Some(status));
        self.switch_to(resume);
    }

    /// For a function that is never entered again before it returns (the
    /// runner's chunks, activation functions, the shadow commit,
    /// `gen.timer_steps`): its temps get a place of their own in the
    /// constant pool, `tbase` a constant, and the function neither
    /// reserves nor restores the temp stack. That was a global's load, add
    /// and store at entry and a store at each return per call, and `tbase`
    /// kept in a register or a stack slot across the function; a constant
    /// base folds into each temp's address.
    pub fn give_static_temps(&mut self, consts: &mut crate::consts::ConstPool) {
        if self.temp_max > 0 {
            self.static_temps = Some(consts.reserve(self.temp_max));
        }
    }

    /// The blocks' code without the restores of the temp stack pointer
    /// ([`FnGen::restore_temp_stack`]), and whether anything else reads
    /// `tbase`.
    fn code_without_restores(&self) -> (Vec<Vec<Ins>>, bool) {
        let tbase = self.tbase;
        let uses_tbase = |ins: &Ins| matches!(ins, Ins::W(Instruction::LocalGet(l) | Instruction::LocalTee(l) | Instruction::LocalSet(l)) if *l == tbase);
        let restores =
            |ins: &Ins| matches!(ins, Ins::W(Instruction::GlobalSet(g)) if *g == crate::TSP_GLOBAL_PLACEHOLDER);
        let mut kept_code = Vec::with_capacity(self.blocks.len());
        let mut reads = self.prologue.iter().any(uses_tbase);
        for b in &self.blocks {
            let mut kept: Vec<Ins> = Vec::with_capacity(b.code.len());
            for ins in &b.code {
                let after_get = matches!(kept.last(), Some(Ins::W(Instruction::LocalGet(l))) if *l == tbase);
                if restores(ins) && after_get {
                    kept.pop();
                } else {
                    kept.push(ins.clone());
                }
            }
            reads |= kept.iter().any(uses_tbase);
            kept_code.push(kept);
        }
        (kept_code, reads)
    }

    /// For a function with no temporaries: drops the restores of the temp
    /// stack pointer ([`FnGen::restore_temp_stack`]), which would store the
    /// value it already holds (every callee restores it before returning),
    /// and returns true when nothing else reads `tbase`, so the prologue
    /// need not set it either. The clock's body, called twice per cycle,
    /// paid 2 instructions a call for it. With static temps the restores
    /// go whatever reads `tbase`.
    fn drop_temp_stack_restores(&mut self) -> bool {
        let (kept_code, reads) = self.code_without_restores();
        if reads && self.static_temps.is_none() {
            return false;
        }
        for (b, kept) in self.blocks.iter_mut().zip(kept_code) {
            b.code = kept;
        }
        true
    }

    /// Bytes of frame slots used beyond `slot_base`.
    pub fn slot_bytes(&self) -> u32 {
        self.slot_cur - self.slot_base
    }

    /// Encode the function. `tsp` is the temp-stack global's index.
    pub fn finish(mut self, tsp: u32, syms: &Symbols) -> Function {
        let mut out: Vec<Instruction<'static>> = Vec::new();
        let temp_size = self.temp_max.div_ceil(8) * 8;
        let static_base = self.static_temps.map(|o| syms.const_base + o);
        // (static temps drop every restore: `drop_temp_stack_restores`)
        let reserves = (temp_size > 0 && static_base.is_none()) || !self.drop_temp_stack_restores();
        if let Some(base) = static_base {
            out.push(Instruction::I32Const(base as i32));
            out.push(Instruction::LocalSet(self.tbase));
        }
        let resolve = |ins: &Ins| -> Instruction<'static> {
            match ins {
                Ins::W(Instruction::GlobalSet(g)) if *g == crate::TSP_GLOBAL_PLACEHOLDER => Instruction::GlobalSet(tsp),
                Ins::W(Instruction::GlobalGet(g)) if *g == crate::TSP_GLOBAL_PLACEHOLDER => Instruction::GlobalGet(tsp),
                Ins::W(i) => i.clone(),
                Ins::ConstAddr(o) => Instruction::I32Const((syms.const_base + o) as i32),
                Ins::ProcFrame(p) => Instruction::I32Const(syms.proc_frames[*p as usize] as i32),
                Ins::SubrFrameSize(s) => Instruction::I32Const(syms.subr_frame_sizes[*s as usize] as i32),
                Ins::FnFrameSize(k) => Instruction::I32Const(syms.fn_frame_sizes[*k as usize] as i32),
                Ins::HeapStart => Instruction::I32Const(syms.heap_start as i32),
                // A block never generated in a thread function gets an empty
                // range and no function: `disable` then finds nothing to end.
                Ins::NamedEnd(st) => Instruction::I32Const(syms.named_state(*st).0 as i32),
                Ins::NamedLast(st) => Instruction::I32Const(syms.named_state(*st).1 as i32),
                Ins::NamedFunc(st) => Instruction::I32Const(syms.named_state(*st).2 as i32),
            }
        };
        // prologue: reserve the temp area
        if reserves {
            out.push(Instruction::GlobalGet(tsp));
            out.push(Instruction::LocalTee(self.tbase));
            out.push(Instruction::I32Const(temp_size as i32));
            out.push(Instruction::I32Add);
            out.push(Instruction::GlobalSet(tsp));
        }
        if reserves && self.check_temp_overflow {
            out.push(Instruction::GlobalGet(tsp));
            out.push(Instruction::I32Const(syms.temp_end as i32));
            out.push(Instruction::I32GtU);
            out.push(Instruction::If(wasm_encoder::BlockType::Empty));
            out.push(Instruction::Unreachable);
            out.push(Instruction::End);
        }
        if self.is_step {
            out.push(Instruction::LocalGet(0));
            out.push(Instruction::I32Load(mem(wsim_abi::frame::STATE, 2)));
            out.push(Instruction::LocalSet(self.state));
        }
        for ins in &self.prologue {
            out.push(resolve(ins));
        }
        let restarts = self.blocks.iter().any(|b| matches!(b.term, Term::Restart));
        if restarts {
            debug_assert!(self.prologue.is_empty() && !self.is_step, "a restart would lose the prologue's locals");
            out.push(Instruction::Loop(BlockType::Empty));
            self.zero_locals(&mut out);
        }
        crate::stackify::emit_blocks(&self, &mut out, restarts, resolve);
        if restarts {
            out.push(Instruction::End); // the restart loop
            out.push(Instruction::Unreachable);
        }
        out.push(Instruction::End); // function
        let mut f = Function::new_with_locals_types(self.locals.iter().copied());
        for ins in &out {
            f.instruction(ins);
        }
        f
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::collections::HashMap;

    /// `f` encoded with the temp-stack pointer as global 0.
    pub(crate) fn encoded(f: FnGen) -> Function {
        let named = HashMap::new();
        let syms = Symbols {
            const_base: 0,
            proc_frames: &[],
            subr_frame_sizes: &[],
            fn_frame_sizes: &[],
            heap_start: 0,
            temp_end: 0,
            named_states: &named,
        };
        f.finish(0, &syms)
    }

    /// The encoded body of `f` as wasm text operators.
    pub(crate) fn operators(f: FnGen) -> Vec<String> {
        let mut bytes = vec![];
        wasm_encoder::Encode::encode(&encoded(f), &mut bytes);
        let body = wasmparser::FunctionBody::new(wasmparser::BinaryReader::new(&bytes[1..], 0));
        let mut ops = body.get_operators_reader().expect("operators");
        let mut out = vec![];
        while !ops.eof() {
            out.push(format!("{:?}", ops.read().expect("operator")));
        }
        out
    }

    /// Blocks 0 -> {1, 2} -> 2, and a jump from 2 to `last_jump`.
    fn diamond(is_step: bool, last_jump: Option<usize>) -> FnGen {
        let mut f = FnGen::new(1, is_step, 0);
        let (b1, b2) = (f.new_block(), f.new_block());
        f.i32c(1);
        f.terminate(Term::Branch(b1, b2));
        f.switch_to(b1);
        f.goto(b2);
        f.switch_to(b2);
        match last_jump {
            Some(t) => {
                f.i32c(0);
                f.terminate(Term::Branch(t, b2 + 1));
                let end = f.new_block();
                f.switch_to(end);
                f.ret(None);
            }
            None => f.ret(None),
        }
        f
    }

    /// The function jumps through a dispatch `br_table`.
    pub(crate) fn has_dispatch(ops: &[String]) -> bool {
        ops.iter().any(|o| o.starts_with("BrTable"))
    }

    #[test]
    fn forward_only_function_starts_in_block_zero() {
        let ops = operators(diamond(false, None));
        assert!(!has_dispatch(&ops), "{ops:#?}");
        let blocks = ops.iter().filter(|o| o.starts_with("Block")).count();
        assert_eq!(blocks, 2, "one wasm block per block after the first: {ops:#?}");
    }

    #[test]
    fn dispatch_lists_the_targets_of_jumps_back() {
        let ops = operators(diamond(false, Some(1)));
        let table = ops.iter().find(|o| o.starts_with("BrTable")).expect("a dispatch");
        assert!(table.contains("[0, 1]"), "{table}");
        // a jump back to block 0 is the loop itself
        assert!(!has_dispatch(&operators(diamond(false, Some(0)))));
    }

    #[test]
    fn a_restart_runs_block_zero_again_with_its_locals_zeroed() {
        // block 0 -> {1: restart, 2: return}
        let mut f = FnGen::new(1, false, 0);
        let counter = f.local(ValType::I64);
        let (b1, b2) = (f.new_block(), f.new_block());
        f.i32c(1);
        f.terminate(Term::Branch(b1, b2));
        f.switch_to(b1);
        f.terminate(Term::Restart);
        f.switch_to(b2);
        f.ret(None);
        let (tbase, state) = (f.tbase, f.state);
        let ops = operators(f);
        assert!(!has_dispatch(&ops), "{ops:#?}");
        let loops: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].starts_with("Loop")).collect();
        assert_eq!(loops.len(), 2, "the restart loop around the dispatch loop: {ops:#?}");
        // between the two loops: every local but the temp base set to 0
        let zeroed: Vec<&str> = ops[loops[0] + 1..loops[1]].iter().map(String::as_str).collect();
        assert_eq!(
            zeroed,
            [
                "I32Const { value: 0 }".to_string(),
                format!("LocalSet {{ local_index: {state} }}"),
                "I64Const { value: 0 }".to_string(),
                format!("LocalSet {{ local_index: {counter} }}"),
            ],
            "tbase {tbase}: {ops:#?}"
        );
        // block 1 (inside the wasm block of block 2) leaves it, the dispatch
        // loop and lands at the restart loop
        let br = ops.iter().position(|o| o == "Br { relative_depth: 2 }");
        assert!(br.is_some(), "{ops:#?}");
    }

    /// The operators that read or write the temp-stack pointer (global 0).
    fn temp_stack_ops(ops: &[String]) -> Vec<&String> {
        ops.iter().filter(|o| o.starts_with("GlobalGet") || o.starts_with("GlobalSet")).collect()
    }

    #[test]
    fn only_a_function_with_temporaries_moves_the_temp_stack() {
        let ops = operators(diamond(false, None));
        assert!(temp_stack_ops(&ops).is_empty(), "no temporaries: {ops:#?}");
        let mut f = diamond(false, None);
        let _ = f.temp(8);
        let ops = operators(f);
        // prologue: get, set (reserve 8 bytes); the return: set (restore)
        assert_eq!(temp_stack_ops(&ops).len(), 3, "{ops:#?}");
        assert!(ops.contains(&"I32Const { value: 8 }".to_string()), "{ops:#?}");
    }

    #[test]
    fn static_temps_leave_the_temp_stack_alone() {
        let mut f = diamond(false, None);
        let t = f.temp(24);
        f.i(Instruction::LocalGet(f.tbase));
        f.i32c(t as i32);
        f.i(Instruction::I32Add);
        f.i(Instruction::Drop);
        let mut consts = crate::consts::ConstPool::default();
        consts.intern(vec![7; 5]);
        f.give_static_temps(&mut consts);
        // 24 bytes of their own, after the 5 (+ 3 padding) of a constant
        assert_eq!(consts.bytes.len(), 32);
        let tbase = f.tbase;
        let ops = operators(f);
        assert!(temp_stack_ops(&ops).is_empty(), "{ops:#?}");
        // the pool's base is 0 here: tbase is the reserved offset
        let set = format!("LocalSet {{ local_index: {tbase} }}");
        let at = ops.iter().position(|o| *o == set).expect("tbase set once");
        assert_eq!(ops[at - 1], "I32Const { value: 8 }", "{ops:#?}");
    }

    #[test]
    fn step_function_dispatches_by_block_index_to_its_resumes() {
        // no wait: block 0 is the only entry
        assert!(!has_dispatch(&operators(diamond(true, None))));
        // a wait in block 1 resumes at block 2; block 1 traps (depth 0)
        let mut f = FnGen::new(1, true, 0);
        let (b1, b2) = (f.new_block(), f.new_block());
        f.goto(b1);
        f.switch_to(b1);
        f.suspend(1, b2);
        f.ret(None);
        let ops = operators(f);
        let table = ops.iter().find(|o| o.starts_with("BrTable")).expect("a dispatch");
        assert!(table.contains("[1, 0, 3]"), "{table}");
    }
}
