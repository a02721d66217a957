//! Module-wide codegen state ([`Ctx`]) and the per-function lowering state
//! ([`Lower`]) with the helpers every lowering file shares: addresses,
//! guest-rt calls, temps and small stores.

use crate::analysis::Facts;
use crate::consts::ConstPool;
use crate::func::{mem, FnGen, Ins};
use crate::guest::GuestModule;
use std::collections::{BTreeSet, HashMap, VecDeque};
use wasm_encoder::{Instruction as I, ValType};
use wsim_diag::{codes, Diagnostics, SourceMap, Span};
use wsim_ir::*;
use wsim_layout::{Layout, Place};

/// The kinds of generated function signatures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FnType {
    /// `(frame) -> status`: step functions, strobe and monitor functions.
    Step,
    /// `(frame) -> ()`: subroutines that cannot wait.
    Plain,
    /// `(func, frame) -> status`
    Dispatch,
    /// `() -> ()`
    Init,
}

/// What a queued function body is generated from.
#[derive(Clone, Debug)]
pub enum Job {
    Proc(ProcId),
    Subr(SubrId),
    /// A fork branch; `owner` says how to reach automatic locals.
    Branch(StmtId, Owner),
    /// A `$strobe`/`$monitor` call site, run later on the caller's frame.
    Deferred {
        stmt: StmtId,
        owner: Owner,
        monitor: bool,
    },
}

/// How a function reaches the automatic locals it may use: `subr`'s frame
/// is `depth` PARENT links up from the function's own frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct Owner {
    pub subr: Option<SubrId>,
    pub depth: u32,
}

pub struct GenFunc {
    pub ty: FnType,
    pub body: Option<FnGen>,
    /// Its name in the artifact's `name` section (profilers and
    /// disassemblers show it): what it runs and where that is.
    pub name: String,
}

pub struct Ctx<'d> {
    pub d: &'d Design,
    pub lay: Layout,
    pub guest: &'d GuestModule<'d>,
    pub facts: Facts,
    /// Which processes are statically scheduled, in which order.
    pub sched: crate::schedule::StaticPlan,
    /// By SignalId: the pending bits a change sets inline
    /// (`crate::shadow::inline_triggers`).
    pub inline_triggers: Vec<Option<crate::shadow::InlineTriggers>>,
    /// By static index: the unit is pure (`crate::fuse::pure_units`).
    pub pure_units: Vec<bool>,
    /// The NBAs that store directly and the old values their writers copy
    /// (`crate::direct_nbas`).
    pub direct: crate::direct_nbas::Direct,
    /// The NBAs that find their shadow record unarmed (`crate::first_nbas`).
    pub first_nbas: std::collections::HashSet<wsim_ir::StmtId>,
    /// Static bodies get known versions and loop variables are read as
    /// known (`crate::specialize`; both off with `--no-opt known-values`).
    pub known_values: bool,
    /// Loops keep the signals they assign in locals (`crate::promote`;
    /// off with `--no-opt loop-locals`).
    pub loop_locals: bool,
    /// Loops over a short list of known values are unrolled
    /// (`crate::unroll`; off with `--no-opt unroll-loops`).
    pub unroll_loops: bool,
    /// Long runs of element copies in a static body become loops
    /// (`crate::reroll`; off with `--no-opt roll-copies`).
    pub roll_copies: bool,
    /// Runs of instances of the same statements in a static body become
    /// loops (`crate::roll_instances`; off with `--no-opt roll-instances`).
    pub roll_instances: bool,
    /// A direct NBA marks readers that may run again without comparing
    /// (`runner::Lower::readers_recompute`; off with `--no-opt
    /// recompute-readers`).
    pub recompute_readers: bool,
    /// By SubrId: the function's calls run its body in place
    /// (`crate::inline_calls`); empty with `--no-opt inline-functions`.
    pub inline_functions: Vec<bool>,
    pub consts: ConstPool,
    pub diags: Diagnostics,
    pub sources: &'d SourceMap,
    pub funcs: Vec<GenFunc>,
    /// Dispatch id -> generated function index.
    pub dispatch: Vec<u32>,
    /// Generated function index of each subroutine.
    pub subr_fn: Vec<u32>,
    /// Dispatch id of each subroutine that can wait.
    pub subr_dispatch: Vec<Option<u32>>,
    pub proc_fn: Vec<u32>,
    pub proc_dispatch: Vec<u32>,
    /// By process: the activation function the runner calls for it
    /// (`runner::gen_activation`); its step function's activations call
    /// it too.
    pub activation_fn: std::collections::HashMap<ProcId, u32>,
    pub jobs: VecDeque<(u32, Job)>,
    pub missing: BTreeSet<String>,
    /// Named blocks in thread functions: (block after the named block, last
    /// block inside it, dispatch id of the function), for `disable` from
    /// other threads.
    pub named_states: HashMap<StmtId, (u32, u32, u32)>,
    /// Source sites the run can report (`$finish`...): the meta section's
    /// `sites` table, indexed by the number the guest passes.
    pub sites: Vec<(Span, ScopeId)>,
    /// The arena ranges `[start, end)` of static two-state integral
    /// signals and known variables, sorted
    /// (`crate::fast::two_state_storage`): their unknown
    /// plane is 0 from the start and no write ever sets it, so the
    /// generated code neither stores nor compares it.
    pub two_state_storage: Vec<(u32, u32)>,
    /// By SignalId: a four-state variable that never holds X or Z
    /// (`crate::infer_known`); its storage is in `two_state_storage`.
    pub known_variables: Vec<bool>,
}

impl<'d> Ctx<'d> {
    /// Declare a generated function; returns its index (0 = dispatch).
    pub fn declare(&mut self, ty: FnType) -> u32 {
        self.funcs.push(GenFunc { ty, body: None, name: String::new() });
        self.funcs.len() as u32 - 1
    }

    /// Declare a step function with a dispatch id; returns (index, dispatch id).
    pub fn declare_step(&mut self, job: Job) -> (u32, u32) {
        let k = self.declare(FnType::Step);
        self.dispatch.push(k);
        self.jobs.push_back((k, job));
        (k, self.dispatch.len() as u32 - 1)
    }

    /// Name generated function `k` (see [`GenFunc::name`]).
    pub fn name(&mut self, k: u32, name: String) {
        self.funcs[k as usize].name = name;
    }

    /// `what`, its scope and where `span` starts: `always@top.u(t.v:12)`
    /// (no spaces: wasmtime turns them into `?` in its symbol names).
    pub fn located(&self, what: &str, scope: Option<wsim_ir::ScopeId>, span: Span) -> String {
        let mut out = what.to_string();
        if let Some(scope) = scope {
            out.push('@');
            out.push_str(&self.d.scope_path(scope));
        }
        if let Some(pos) = wsim_diag::position(self.sources, span) {
            let f = &self.sources.get(span.file).name;
            let name = std::path::Path::new(f).file_name().map_or(f.clone(), |n| n.to_string_lossy().into());
            out.push_str(&format!("({name}:{})", pos.line));
        }
        out
    }

    /// The index of a source site in the meta section's `sites` table.
    pub fn site(&mut self, span: Span, scope: ScopeId) -> u32 {
        self.sites.push((span, scope));
        self.sites.len() as u32 - 1
    }

    pub fn unsupported(&mut self, span: Span, what: impl Into<String>) {
        let what = what.into();
        self.diags.error(codes::codegen::UNSUPPORTED, span, format!("{what} is not supported by the wasm backend"));
    }

    /// Final wasm function index of a guest-rt helper.
    pub fn helper(&mut self, name: &str) -> u32 {
        match self.guest.helper(name) {
            Some((idx, _)) => idx,
            None => {
                self.missing.insert(name.to_string());
                0
            }
        }
    }

    pub fn gen_index(&self, k: u32) -> u32 {
        self.guest.gen_base() + k
    }
}

/// Where an integral value (or an f64) lies in memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Addr {
    Abs(u32),
    /// Offset in this function's temp area.
    Temp(u32),
    /// Offset in the constant pool.
    Const(u32),
    /// The address in an i32 local plus an offset.
    Base(u32, u32),
}

/// Role of the function being generated (what `Return` and waits mean).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Proc,
    /// The step function of a task that can wait.
    TaskStep,
    /// A subroutine that cannot wait.
    Plain,
    Branch,
    Deferred,
}

pub struct Lower<'a, 'd> {
    pub cx: &'a mut Ctx<'d>,
    pub f: FnGen,
    pub role: Role,
    pub owner: Owner,
    /// Local holding the base of the owner's automatic frame.
    pub auto_base: Option<u32>,
    /// (break target, continue target) of enclosing loops.
    pub loops: Vec<(usize, usize)>,
    /// Enclosing named blocks: (statement, block after it).
    pub named: Vec<(StmtId, usize)>,
    /// Where `Return` goes.
    pub exit: usize,
    /// The subroutine being generated (for Return in tasks/functions).
    pub subr: Option<SubrId>,
    /// The process whose step function is being generated.
    pub proc: Option<ProcId>,
    /// Index of the generated function (`u32::MAX` if unknown).
    pub fn_index: u32,
    /// The small value `int` last stored to a temp and the code position
    /// right after that store: `fast.rs` reuses its locals instead of
    /// reloading the temp when nothing was emitted since.
    pub last_small: Option<(Addr, (usize, usize), crate::fast::Small)>,
    /// Small signal values already in locals (`crate::load_cache`).
    pub loads: crate::load_cache::LoadCache,
    /// While the runner generates a static body in place: per pending
    /// word, the i64 local gathering the pending bits of readers to mark
    /// once, after the body (`runner::Lower::defer_trigger`); a word with
    /// `runner::LATER_WORD` set gathers later bits (`trigger_later`).
    pub deferred_triggers: Option<Vec<(u32, u32)>>,
    /// While the runner generates a static unit's body in place: its
    /// index, stored in `RUNNING` before each call the body makes
    /// (`Lower::call`; guest-rt reads it there, `runner::run_if_pending`).
    pub running_unit: Option<u32>,
    /// While a direct NBA is generated (`crate::direct_nbas`): a change
    /// marks its readers in the later bits (`runner::Lower::trigger_later`).
    pub in_direct_nba: bool,
    /// Generating an NBA that finds its shadow record unarmed
    /// (`crate::first_nbas`): it arms the record without testing it.
    pub in_first_nba: bool,
    /// The body run in place gathers its later bits in locals (it has
    /// enough direct NBAs for that to pay: `runner::run_in_place`).
    pub defer_later: bool,
    /// While the known version of a static body is generated
    /// (`crate::specialize`): the arena addresses of the signals it reads
    /// whose unknown plane the guard found 0, sorted.
    pub known: Vec<u32>,
    /// While the known version of a static body is generated: the
    /// addresses of `known` that the run stores to once at most
    /// (`crate::specialize`): their unknown plane stays 0 through a store
    /// of a known value, which need not write it.
    pub bval_zero: Vec<u32>,
    /// While the body of a loop of `Facts::induction` with a bounded
    /// variable is generated: the variable and its inclusive bounds
    /// (`Lower::index_in_range`).
    pub ranges: Vec<(wsim_ir::SignalId, i64, i64)>,
    /// While a large static body is generated (`crate::specialize`): each
    /// run of statements between branches gets its own known version.
    pub split_known: bool,
    /// The signals enclosing loops keep in locals (`crate::promote`).
    pub promoted: Vec<crate::promote::Promoted>,
    /// Generating a static unit's activation function
    /// (`runner::gen_activation`): `$finish` returns STOP from it, and the
    /// runner returns as at a called process's STOP.
    pub in_activation: bool,
    /// Generating the runner, one of its chunks or an activation function
    /// (`crate::runner`), or `gen.timer_steps`, which calls the runner when
    /// its body set a pending bit: the runner stores `ANY_PENDING` and
    /// `ANY_LATER` exactly where it returns 0 (`runner::end_pass`), so the
    /// marks made here set the bits without the flags
    /// (`runner::Lower::or_into_pending`).
    /// (When it returns at a process instead, guest-rt handles that
    /// process's status and calls it again, unless the run ended.)
    pub in_runner: bool,
    /// The values of the calls the statements being generated ran before
    /// they started (`crate::inline_calls`), innermost statement last.
    pub hoisted: Vec<(wsim_ir::ExprId, crate::fast::Small)>,
}

impl<'a, 'd> Lower<'a, 'd> {
    pub fn new(cx: &'a mut Ctx<'d>, f: FnGen, role: Role, owner: Owner) -> Lower<'a, 'd> {
        let mut l = Lower {
            cx,
            f,
            role,
            owner,
            auto_base: None,
            loops: vec![],
            named: vec![],
            exit: 0,
            subr: None,
            proc: None,
            fn_index: u32::MAX,
            last_small: None,
            loads: Default::default(),
            deferred_triggers: None,
            running_unit: None,
            in_direct_nba: false,
            in_first_nba: false,
            defer_later: false,
            known: vec![],
            bval_zero: vec![],
            ranges: vec![],
            split_known: false,
            in_activation: false,
            in_runner: false,
            hoisted: vec![],
            promoted: vec![],
        };
        l.exit = l.f.new_block();
        if owner.subr.is_some() {
            let base = l.f.local(ValType::I32);
            l.f.prologue.push(Ins::W(I::LocalGet(0)));
            for _ in 0..owner.depth {
                l.f.prologue.push(Ins::W(I::I32Load(mem(wsim_abi::frame::PARENT, 2))));
            }
            l.f.prologue.push(Ins::W(I::LocalSet(base)));
            l.auto_base = Some(base);
        }
        l
    }

    pub fn d(&self) -> &'d Design {
        self.cx.d
    }

    pub fn i(&mut self, ins: I<'static>) {
        self.loads.observe(self.f.cur, &ins);
        self.f.i(ins);
    }

    /// Emit store `ins` (address and value pushed) that writes `bytes` at
    /// absolute address `at`: only values cached there are forgotten
    /// (`crate::load_cache`), where [`Lower::i`] forgets every one.
    pub fn store_at(&mut self, ins: I<'static>, at: u32, bytes: u32) {
        self.loads.overwritten(self.f.cur, at, bytes);
        self.f.i(ins);
    }

    pub fn i32c(&mut self, v: i32) {
        self.f.i32c(v);
    }

    /// Call a guest-rt helper (arguments already pushed).
    pub fn rt(&mut self, name: &str) {
        let idx = self.cx.helper(name);
        self.call(idx);
    }

    /// Call function `idx` (arguments already pushed). In a static unit
    /// the runner runs in place, `RUNNING` names the unit first: what the
    /// callee triggers leaves the unit out (a process misses the events it
    /// causes itself).
    pub fn call(&mut self, idx: u32) {
        if let Some(unit) = self.running_unit {
            let statics = self.cx.lay.statics.start;
            self.i32c(statics as i32);
            self.i32c(unit as i32);
            self.store_at(I::I32Store(mem(wsim_abi::statics::RUNNING, 2)), statics + wsim_abi::statics::RUNNING, 4);
        }
        self.i(I::Call(idx));
    }

    pub fn push_addr(&mut self, a: Addr) {
        match a {
            Addr::Abs(o) => {
                if !self.promoted.is_empty() {
                    self.flush_loop_local(o);
                }
                self.i32c(o as i32)
            }
            Addr::Const(o) => self.f.sym(Ins::ConstAddr(o)),
            Addr::Temp(o) => {
                self.i(I::LocalGet(self.f.tbase));
                if o != 0 {
                    self.i32c(o as i32);
                    self.i(I::I32Add);
                }
            }
            Addr::Base(l, o) => {
                self.i(I::LocalGet(l));
                if o != 0 {
                    self.i32c(o as i32);
                    self.i(I::I32Add);
                }
            }
        }
    }

    /// A fresh temp value of `w` bits.
    pub fn temp_value(&mut self, w: u32) -> Addr {
        Addr::Temp(self.f.temp(wsim_abi::value_bytes(w)))
    }

    pub fn const_value(&mut self, c: &Const) -> Addr {
        Addr::Const(self.cx.consts.value(c))
    }

    /// Where a read of signal `s` reads it: in the process that stores it
    /// by direct NBAs and reads it after that, or in a reader that runs
    /// after that process, the copy of its value from before the edge
    /// (`crate::direct_nbas`), else the signal itself.
    pub fn read_addr(&mut self, s: SignalId, span: Span) -> Addr {
        match (self.proc, self.subr) {
            (Some(p), None) if self.cx.direct.reads_copy(p, s) => Addr::Abs(self.old_copy_at(s)),
            _ => self.sig_addr(s, span),
        }
    }

    fn old_copy_at(&self, s: SignalId) -> u32 {
        let rec = self.cx.lay.shadows[s.index()].expect("a copied signal keeps its record");
        rec + wsim_abi::shadow::VALUE
    }

    /// Where an activation of process `p` starts: copy the old values it
    /// reads (see [`Lower::read_addr`]).
    pub fn copy_old_values(&mut self, p: ProcId) {
        let Some(copied) = self.cx.direct.copies_of.get(&p).cloned() else { return };
        for s in copied {
            let src = self.sig_addr(s, self.d().signals[s].span);
            let to = self.old_copy_at(s);
            let slot = &self.cx.lay.signals[s.index()];
            match (src, slot.elem_bytes, slot.elements) {
                (Addr::Abs(from), 16, 1) if !self.in_two_state_storage(from) => self.copy_word_pair(to, from),
                _ => self.fast_copy(Addr::Abs(to), src),
            }
        }
    }

    /// Copy the 16 bytes at `from` (a four-state word: its value and
    /// unknown planes) to `to` with one v128 load and store, where two
    /// i64 loads and stores took twice the instructions.
    pub(crate) fn copy_word_pair(&mut self, to: u32, from: u32) {
        self.i32c(to as i32);
        self.i32c(from as i32);
        self.i(I::V128Load(mem(0, 3)));
        self.store_at(I::V128Store(mem(0, 3)), to, 16);
    }

    /// Where a signal's element 0 is.
    pub fn sig_addr(&mut self, s: SignalId, span: Span) -> Addr {
        match self.cx.lay.signals[s.index()].place {
            Place::Static(o) => Addr::Abs(o),
            Place::Frame(subr, o) => match self.auto_base {
                Some(b) if self.owner.subr == Some(subr) => Addr::Base(b, o),
                _ => {
                    let name = self.d().signals[s].name.clone();
                    self.cx.unsupported(
                        span,
                        format!("access to automatic variable `{name}` from outside its subroutine"),
                    );
                    Addr::Abs(0)
                }
            },
        }
    }

    /// The `sig` argument of store helpers: the id only if something can
    /// wait on it. Automatic variables notify under their SignalId too: a
    /// write in one call of a task then also wakes waiters of other calls,
    /// but every waiter re-checks its own values and waits again (see
    /// `wait_event_exprs` and `wait_cond`).
    pub fn sig_arg(&self, s: SignalId) -> i32 {
        if self.cx.facts.watched[s.index()] {
            s.raw() as i32
        } else {
            wsim_abi::NO_SIG as i32
        }
    }

    /// Store the i64 on the stack as a known value of `w <= 64` bits at `dst`.
    pub fn store_small(&mut self, dst: Addr, w: u32) {
        let t = self.f.local(ValType::I64);
        self.i(I::LocalSet(t));
        self.push_addr(dst);
        self.i(I::LocalGet(t));
        if w < 64 {
            self.i(I::I64Const(((1u64 << w) - 1) as i64));
            self.i(I::I64And);
        }
        self.i(I::I64Store(mem(0, 3)));
        self.push_addr(dst);
        self.i(I::I64Const(0));
        self.i(I::I64Store(mem(8, 3)));
    }

    /// Store the i32 code on the stack (0, 1, 2 = x) as a 1-bit value.
    pub fn store_bit_code(&mut self, dst: Addr) {
        let c = self.f.local(ValType::I32);
        self.i(I::LocalSet(c));
        self.push_addr(dst);
        self.i(I::LocalGet(c));
        self.i32c(0);
        self.i(I::I32Ne);
        self.i(I::I64ExtendI32U);
        self.i(I::I64Store(mem(0, 3)));
        self.push_addr(dst);
        self.i(I::LocalGet(c));
        self.i32c(1);
        self.i(I::I32ShrU);
        self.i(I::I64ExtendI32U);
        self.i(I::I64Store(mem(8, 3)));
    }

    /// Fill a value with 0 (kind 0), X (1) or Z (2).
    pub fn fill(&mut self, dst: Addr, w: u32, count: u32, kind: i32) {
        if kind == 0 {
            self.push_addr(dst);
            self.i32c(0);
            self.i32c((wsim_abi::value_bytes(w) * count) as i32);
            self.i(I::MemoryFill(0));
            return;
        }
        self.push_addr(dst);
        self.i32c(w as i32);
        self.i32c(count as i32);
        self.i32c(kind);
        self.rt("rt_fill");
    }

    pub fn copy_value(&mut self, dst: Addr, src: Addr, w: u32) {
        if w <= 64 {
            self.fast_copy(dst, src);
            return;
        }
        self.push_addr(dst);
        self.push_addr(src);
        self.i32c(wsim_abi::value_bytes(w) as i32);
        self.i(I::MemoryCopy { src_mem: 0, dst_mem: 0 });
    }

    /// Dispatch id of the function being generated (`u32::MAX` if none).
    pub fn own_dispatch(&self) -> u32 {
        self.cx.dispatch.iter().position(|&k| k == self.fn_index).map_or(u32::MAX, |p| p as u32)
    }

    /// The arena word heading the list of active calls of a listed task
    /// (frames linked through `frame.AUX`). It lives in the constant pool
    /// (starting at 0; a tag makes each task's cell distinct) because the
    /// layout has no other codegen-owned static storage.
    pub fn call_list_head(&mut self, t: SubrId) -> Addr {
        let mut data = vec![0u8; 8];
        data.extend_from_slice(b"wsimcall");
        data.extend_from_slice(&t.raw().to_le_bytes());
        data.extend_from_slice(&[0; 4]);
        Addr::Const(self.cx.consts.intern(data))
    }

    /// Span of an expression.
    pub fn espan(&self, e: ExprId) -> Span {
        self.d().exprs[e].span
    }
}
