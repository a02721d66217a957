//! Whole-module generation: declare every function, generate bodies from the
//! job queue, then `wsim_init` and `gen.dispatch`, lay out the frames and
//! constant pool, and resolve symbols.

use crate::func::{FnGen, Symbols, Term};
use crate::guest::{GenImport, GenTargets, Sig};
use crate::lower::{Addr, Ctx, FnType, Job, Lower, Owner, Role};
use crate::merge::Generated;
use wasm_encoder::{BlockType, Function, Instruction as I, ValType};
use wsim_abi::{frame, status};
use wsim_ir::*;
use wsim_layout::{layout_with, Layout, LayoutRequest, Place};

/// Declare the functions of every process and subroutine (indices are
/// needed before bodies because calls can go forward).
pub fn declare_all(cx: &mut Ctx) {
    let d = cx.d;
    let dispatch = cx.declare(FnType::Dispatch);
    debug_assert_eq!(dispatch, 0);
    cx.name(dispatch, "dispatch".into());
    for (id, s) in d.subrs.iter() {
        if cx.facts.subr_waits[id.index()] {
            if s.kind == SubrKind::Function {
                cx.unsupported(s.span, "a function with timing control");
            }
            let (k, disp) = cx.declare_step(Job::Subr(id));
            cx.subr_fn.push(k);
            cx.subr_dispatch.push(Some(disp));
        } else {
            let k = cx.declare(FnType::Plain);
            cx.jobs.push_back((k, Job::Subr(id)));
            cx.subr_fn.push(k);
            cx.subr_dispatch.push(None);
        }
    }
    for (id, _) in d.procs.iter() {
        let (k, disp) = cx.declare_step(Job::Proc(id));
        cx.proc_fn.push(k);
        cx.proc_dispatch.push(disp);
    }
}

/// Generate every queued body. Returns the frame slot bytes used by each
/// process, subroutine and generated function.
pub fn generate_bodies(cx: &mut Ctx) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let d = cx.d;
    let mut proc_extra = vec![0; d.procs.len()];
    let mut subr_extra = vec![0; d.subrs.len()];
    let mut fn_slots = vec![0u32; 0];
    while let Some((k, job)) = cx.jobs.pop_front() {
        let name = job_name(cx, &job);
        cx.name(k, name);
        let span = match &job {
            Job::Proc(p) => d.procs[*p].span,
            Job::Subr(s) => d.subrs[*s].span,
            Job::Branch(stmt, _) | Job::Deferred { stmt, .. } => d.stmts[*stmt].span,
        };
        let f = match job {
            Job::Proc(p) => {
                let proc = &d.procs[p];
                let f = FnGen::new(1, true, frame::HEADER_SIZE);
                let mut l = Lower::new(cx, f, Role::Proc, Owner::default());
                l.fn_index = k;
                l.proc = Some(p);
                match proc.kind {
                    ProcKind::ContAssign if l.try_inertial_assign(proc.body) => {}
                    ProcKind::Initial | ProcKind::Final => l.stmt(proc.body),
                    ProcKind::Always | ProcKind::ContAssign => {
                        let head = l.f.new_block();
                        l.f.goto(head);
                        l.f.switch_to(head);
                        if !activations_specialized(&mut l, p) {
                            l.stmt(proc.body);
                        }
                        l.f.goto(head);
                    }
                }
                finish_thread(&mut l);
                proc_extra[p.index()] = l.f.slot_bytes();
                l.f
            }
            Job::Subr(s) => {
                let sub = &d.subrs[s];
                let waits = cx.facts.subr_waits[s.index()];
                let owner = Owner { subr: sub.automatic.then_some(s), depth: 0 };
                let f = if waits {
                    FnGen::new(1, true, cx.lay.subrs[s.index()].extra_offset)
                } else {
                    let mut f = FnGen::new(1, false, 0);
                    // automatic subroutines can recurse: their frames and
                    // temps come from the temp stack
                    f.check_temp_overflow = sub.automatic;
                    f
                };
                let role = if waits { Role::TaskStep } else { Role::Plain };
                let mut l = Lower::new(cx, f, role, owner);
                l.fn_index = k;
                l.subr = Some(s);
                let listed = waits && l.cx.facts.listed[s.index()];
                if listed {
                    l.enter_call_list(s);
                }
                if sub.automatic {
                    l.init_automatic_locals(s);
                }
                l.stmt(sub.body);
                if waits {
                    if listed {
                        let exit = l.exit;
                        l.f.goto(exit);
                        l.f.switch_to(exit);
                        l.leave_call_list(s);
                    }
                    finish_thread(&mut l);
                    subr_extra[s.index()] = l.f.slot_bytes();
                } else {
                    let exit = l.exit;
                    l.f.goto(exit);
                    l.f.switch_to(exit);
                    l.f.ret(None);
                }
                l.f
            }
            Job::Branch(stmt, owner) => {
                let f = FnGen::new(1, true, frame::HEADER_SIZE);
                let mut l = Lower::new(cx, f, Role::Branch, owner);
                l.fn_index = k;
                l.stmt(stmt);
                finish_thread(&mut l);
                l.f
            }
            Job::Deferred { stmt, owner, monitor } => {
                let f = FnGen::new(1, false, 0);
                let mut l = Lower::new(cx, f, Role::Deferred, owner);
                l.deferred_body(stmt, monitor);
                let exit = l.exit;
                l.f.goto(exit);
                l.f.switch_to(exit);
                l.f.ret(Some(status::DONE));
                l.f
            }
        };
        check_locals(cx, &f, span);
        if fn_slots.len() <= k as usize {
            fn_slots.resize(k as usize + 1, 0);
        }
        fn_slots[k as usize] = f.slot_bytes();
        cx.funcs[k as usize].body = Some(f);
    }
    fn_slots.resize(cx.funcs.len(), 0);
    (proc_extra, subr_extra, fn_slots)
}

/// The most locals (parameters included) a wasm function may declare:
/// wasmparser's limit, which wasmtime and the browsers' engines enforce.
const MAX_LOCALS: usize = 50_000;

/// Report a process or subroutine whose function needs more locals than
/// an engine accepts: the artifact would fail to load with no location.
/// (Every value an expression computes gets locals of its own, so a very
/// long straight-line body can reach the limit.)
fn check_locals(cx: &mut Ctx, f: &FnGen, span: wsim_diag::Span) {
    let locals = f.n_params as usize + f.locals.len();
    if locals > MAX_LOCALS {
        cx.diags.error(
            wsim_diag::codes::codegen::TOO_MANY_LOCALS,
            span,
            format!(
                "this block needs more than the {MAX_LOCALS} wasm locals an engine accepts in one function; split it into smaller blocks or tasks"
            ),
        );
    }
}

/// End a thread function: fall into the exit block, which returns DONE.
fn finish_thread(l: &mut Lower) {
    let exit = l.exit;
    l.f.goto(exit);
    l.f.switch_to(exit);
    l.f.ret(Some(status::DONE));
}

/// The generated functions guest-rt calls through their own `gen` import
/// (`crate::guest::GenImport`), by function index: None when the design
/// has none (guest-rt then never calls the import).
pub struct Direct {
    /// `gen.run_statics` (`crate::runner::gen_runner`).
    pub runner: Option<u32>,
    /// `gen.timer_body` (`crate::runner::gen_timer_body`).
    pub timer_body: Option<u32>,
    /// `gen.commit_shadows` (`crate::runner::gen_commit`).
    pub commit: Option<u32>,
    /// `gen.timer_steps` (`crate::timer_steps::gen_timer_steps`).
    pub timer_steps: Option<u32>,
}

/// `wsim_init`: initial values, rt_init, then start every process
/// (continuous assignments first so nets settle at time 0).
pub fn gen_init(cx: &mut Ctx, direct: &Direct) -> u32 {
    let d = cx.d;
    let k = cx.declare(FnType::Init);
    cx.name(k, "init".into());
    let f = FnGen::new(0, false, 0);
    let mut l = Lower::new(cx, f, Role::Plain, Owner::default());
    for (id, sig) in d.signals.iter() {
        let slot = l.cx.lay.signals[id.index()];
        // a collapsed port's storage is its target's, initialised as that
        if let (Place::Static(o), false) = (slot.place, slot.shared) {
            let undriven = !l.cx.facts.written[id.index()];
            l.init_signal(Addr::Abs(o), sig, sig.elements() as u32, undriven);
        }
    }
    l.f.sym(crate::func::Ins::HeapStart);
    l.i32c(d.signals.len() as i32);
    l.i32c(d.precision as i32);
    l.rt("rt_init");
    // empty call lists (a re-initialised instance must not see stale frames)
    for (t, _) in d.subrs.iter() {
        if l.cx.facts.listed[t.index()] {
            let head = l.call_list_head(t);
            l.push_addr(head);
            l.i32c(0);
            l.i(I::I32Store(crate::func::mem(0, 2)));
        }
    }
    register_statics(&mut l, direct.runner.is_some());
    register_timers(&mut l, direct);
    init_shadows(&mut l, direct.commit.is_some());
    let order: Vec<ProcId> = d
        .procs
        .iter()
        .filter(|(_, p)| p.kind == ProcKind::ContAssign)
        .map(|(id, _)| id)
        .chain(d.procs.iter().filter(|(_, p)| p.kind != ProcKind::ContAssign).map(|(id, _)| id))
        .collect();
    let has_push = l.cx.guest.helper("rt_start_push").is_some();
    let can_gate = l.cx.guest.helper("rt_observed").is_some();
    for p in order {
        // a process only waves could show starts when the run records them
        let static_index = l.cx.sched.index_of(p);
        let gated = can_gate && static_index.is_some_and(|k| l.cx.sched.wave_only.contains(&k));
        if gated {
            l.rt("rt_observed");
            l.i(I::If(BlockType::Empty));
        }
        l.f.sym(crate::func::Ins::ProcFrame(p.raw()));
        let disp = l.cx.proc_dispatch[p.index()];
        l.i32c(disp as i32);
        let start = match d.procs[p].kind {
            ProcKind::Final => "rt_add_final",
            ProcKind::Always if has_push && starts_with_level_wait(d, d.procs[p].body) => "rt_start_push",
            _ => "rt_start",
        };
        l.rt(start);
        if gated {
            l.i(I::End);
        }
    }
    let exit = l.exit;
    l.f.goto(exit);
    l.f.switch_to(exit);
    l.f.ret(None);
    let f = l.f;
    cx.funcs[k as usize].body = Some(f);
    k
}

/// Hand guest-rt the NBA shadows' `any` word and commit function
/// (`crate::shadow`, `crate::runner`); the records start cleared.
fn init_shadows(l: &mut Lower, has_commit: bool) {
    use wsim_abi::shadow;
    if !has_commit {
        return;
    }
    for (id, _) in l.cx.d.signals.iter() {
        let Some(rec) = l.cx.lay.shadows[id.index()] else { continue };
        l.i32c((rec + shadow::FLAGS) as i32);
        l.i32c(0);
        l.i(I::I32Store(crate::func::mem(0, 2)));
    }
    let any = l.cx.lay.shadow_any.start;
    l.i32c(any as i32);
    l.i32c(0);
    l.i(I::I32Store(crate::func::mem(0, 2)));
    l.i32c(any as i32);
    l.rt("rt_shadows");
}

/// Tell guest-rt which processes are static and what triggers them
/// (crate::schedule).
fn register_statics(l: &mut Lower, has_runner: bool) {
    if !has_runner {
        return;
    }
    l.i32c(l.cx.lay.statics.start as i32);
    l.i32c(l.cx.sched.order.len() as i32);
    l.rt("rt_statics");
    if let Some(clock) = crate::runner::inline_clock(l.cx) {
        // the signal whose rising edges the code counts in the statics
        l.i32c(l.cx.lay.statics.start as i32);
        l.i32c(clock.raw() as i32 + 1);
        l.i(I::I32Store(crate::func::mem(wsim_abi::statics::CLOCK_SIG, 2)));
    }
    for k in 0..l.cx.sched.order.len() as u32 {
        // every member of a fused unit, so that the first to reach its
        // event control arms the unit (crate::fuse)
        for p in l.cx.sched.members(k) {
            l.f.sym(crate::func::Ins::ProcFrame(p.raw()));
            l.i32c(k as i32);
            l.rt("rt_static_proc");
        }
    }
    for (sig, k, edge) in l.cx.sched.triggers.clone() {
        l.i32c(sig.raw() as i32);
        l.i32c(k as i32);
        l.i32c(edge);
        l.rt("rt_static_watch");
    }
}

/// Tell guest-rt which processes loop around one constant delay
/// (`StaticPlan::timers`): it runs them every period, through the plain
/// function of the body when there is one (`runner::gen_timer_body`, only
/// for a design's one timer), and its quiet steps through
/// `gen.timer_steps` when there is that (`wsim_abi::timer_kind`).
fn register_timers(l: &mut Lower, direct: &Direct) {
    let kind = match (direct.timer_body, direct.timer_steps) {
        (None, _) => wsim_abi::timer_kind::THREAD,
        (Some(_), None) => wsim_abi::timer_kind::BODY,
        (Some(_), Some(_)) => wsim_abi::timer_kind::STEPS,
    };
    for (p, ticks) in l.cx.sched.timers.clone() {
        l.f.sym(crate::func::Ins::ProcFrame(p.raw()));
        l.i(I::I64Const(ticks as i64));
        l.i32c(kind);
        l.rt("rt_timer");
    }
}

/// True if the first statement of a process waits on level-sensitive
/// events only (`@(a or b)`, `@*`, `always_comb`'s trailing wait does not
/// count): such combinational processes start at the front of the active
/// region, as vvp does.
fn starts_with_level_wait(d: &Design, body: StmtId) -> bool {
    match &d.stmts[body].kind {
        StmtKind::Block { stmts, .. } => stmts.first().is_some_and(|&s| starts_with_level_wait(d, s)),
        StmtKind::WaitEvent { events } => !events.is_empty() && events.iter().all(|e| e.edge == Edge::Any),
        _ => false,
    }
}

/// `gen.dispatch(func, frame)`: a br_table over dispatch ids.
pub fn gen_dispatch(cx: &Ctx) -> Function {
    let n = cx.dispatch.len() as u32;
    let mut f = Function::new([]);
    f.instruction(&I::Block(BlockType::Empty)); // default
    for _ in 0..n {
        f.instruction(&I::Block(BlockType::Empty));
    }
    f.instruction(&I::LocalGet(0));
    let targets: Vec<u32> = (0..n).collect();
    f.instruction(&I::BrTable(targets.into(), n));
    for (id, &k) in cx.dispatch.iter().enumerate() {
        f.instruction(&I::End);
        let _ = id;
        f.instruction(&I::LocalGet(1));
        f.instruction(&I::Call(cx.gen_index(k)));
        f.instruction(&I::Return);
    }
    f.instruction(&I::End);
    f.instruction(&I::Unreachable);
    f.instruction(&I::End);
    f
}

/// The final index of the function each `gen` import links to. An import
/// the design has no function for links to a `(i32) -> i32` stub that
/// traps (guest-rt never calls it), appended to `funcs`.
fn link_gen_imports(cx: &Ctx, direct: &Direct, funcs: &mut Vec<(u32, Function)>, step_ty: u32) -> GenTargets {
    let mut stub = None;
    GenImport::ALL.map(|which| {
        let k = match which {
            GenImport::Dispatch => Some(0),
            GenImport::RunStatics => direct.runner,
            GenImport::TimerBody => direct.timer_body,
            GenImport::CommitShadows => direct.commit,
            GenImport::TimerSteps => direct.timer_steps,
        };
        k.map(|k| cx.gen_index(k)).unwrap_or_else(|| {
            *stub.get_or_insert_with(|| {
                let mut f = Function::new([]);
                f.instruction(&I::Unreachable);
                f.instruction(&I::End);
                funcs.push((step_ty, f));
                cx.guest.gen_base() + funcs.len() as u32 - 1
            })
        })
    })
}

/// Lay out the final arena, resolve symbols and encode everything.
pub fn assemble(
    cx: &mut Ctx,
    extras: (Vec<u32>, Vec<u32>, Vec<u32>),
    init_k: u32,
    direct: &Direct,
    meta: impl FnOnce(&Layout, u64) -> String,
) -> Generated {
    let (proc_extra, subr_extra, fn_slots) = extras;
    let req = LayoutRequest {
        proc_extra,
        subr_extra,
        const_pool_bytes: cx.consts.bytes.len() as u32,
        temp_stack_bytes: wsim_layout::DEFAULT_TEMP_STACK,
        shadowed: cx.lay.shadows.iter().map(Option::is_some).collect(),
        static_count: cx.sched.order.len() as u32,
    };
    let lay = layout_with(cx.d, cx.lay.arena_base, &req);
    let proc_frames: Vec<u32> = lay.procs.iter().map(|p| p.offset).collect();
    let subr_sizes: Vec<u32> = lay.subrs.iter().map(|s| s.size).collect();
    let fn_sizes: Vec<u32> = fn_slots.iter().map(|s| (frame::HEADER_SIZE + s).div_ceil(8) * 8).collect();
    let syms = Symbols {
        const_base: lay.const_pool.start,
        proc_frames: &proc_frames,
        subr_frame_sizes: &subr_sizes,
        fn_frame_sizes: &fn_sizes,
        heap_start: lay.heap_start,
        temp_end: lay.temp_stack.end(),
        named_states: &cx.named_states,
    };
    let tsp = cx.guest.n_globals;
    let base_ty = cx.guest.types.len() as u32;
    let sigs = [
        Sig { params: vec![wasmparser::ValType::I32], results: vec![wasmparser::ValType::I32] },
        Sig { params: vec![wasmparser::ValType::I32], results: vec![] },
        Sig {
            params: vec![wasmparser::ValType::I32, wasmparser::ValType::I32],
            results: vec![wasmparser::ValType::I32],
        },
        Sig { params: vec![], results: vec![] },
    ];
    let ty_index = |t: FnType| {
        base_ty
            + match t {
                FnType::Step => 0,
                FnType::Plain => 1,
                FnType::Dispatch => 2,
                FnType::Init => 3,
            }
    };
    let names = cx.funcs.iter().enumerate().filter(|(_, gf)| !gf.name.is_empty());
    let names: Vec<(u32, String)> = names.map(|(k, gf)| (cx.gen_index(k as u32), gf.name.clone())).collect();
    let mut funcs = vec![(ty_index(FnType::Dispatch), gen_dispatch(cx))];
    for gf in cx.funcs.iter_mut().skip(1) {
        let body = gf.body.take().expect("every declared function has a body");
        funcs.push((ty_index(gf.ty), body.finish(tsp, &syms)));
    }
    let gen_targets = link_gen_imports(cx, direct, &mut funcs, ty_index(FnType::Step));
    // memory: arena + 16 MiB of heap to start with (guest-rt grows it)
    let min_bytes = lay.heap_start as u64 + (16 << 20);
    let pages = min_bytes.div_ceil(65536);
    let meta = meta(&lay, pages);
    let mut data = vec![];
    if !cx.consts.bytes.is_empty() {
        data.push((lay.const_pool.start, cx.consts.bytes.clone()));
    }
    cx.lay = lay;
    let _ = ValType::I32;
    Generated {
        types: sigs.to_vec(),
        funcs,
        gen_targets,
        globals: vec![cx.lay.temp_stack.start as i32],
        data,
        exports: vec![(wsim_abi::export::INIT.to_string(), cx.gen_index(init_k))],
        memory_min_pages: pages,
        meta,
        names,
    }
}

/// The name of the function that runs `job` (`GenFunc::name`).
fn job_name(cx: &Ctx, job: &Job) -> String {
    let d = cx.d;
    match job {
        Job::Proc(p) => {
            let proc = &d.procs[*p];
            let kind = match proc.kind {
                ProcKind::Initial => "initial",
                ProcKind::Always => "always",
                ProcKind::ContAssign => "assign",
                ProcKind::Final => "final",
            };
            cx.located(kind, Some(proc.scope), proc.span)
        }
        Job::Subr(s) => {
            let sub = &d.subrs[*s];
            let kind = match sub.kind {
                SubrKind::Function => "function",
                SubrKind::Task => "task",
            };
            cx.located(kind, Some(sub.scope), sub.span)
        }
        Job::Branch(stmt, _) => cx.located("fork_branch", None, d.stmts[*stmt].span),
        Job::Deferred { stmt, monitor, .. } => {
            cx.located(if *monitor { "$monitor" } else { "$strobe" }, None, d.stmts[*stmt].span)
        }
    }
}

/// A step function's activation through the activation function `f`
/// (`crate::runner::gen_activation`), which returns WAIT, or STOP at
/// `$finish`: the thread then returns STOP too.
fn call_activation(l: &mut Lower, f: u32) {
    l.i(I::LocalGet(0));
    let callee = l.cx.gen_index(f);
    l.i(I::Call(callee));
    l.i32c(status::WAIT);
    l.i(I::I32Ne);
    let [stop, next] = [(); 2].map(|_| l.f.new_block());
    l.f.terminate(Term::Branch(stop, next));
    l.f.switch_to(stop);
    l.f.suspend(status::STOP, next);
}

/// One activation of static process `p`'s body, when the runner could
/// run it in place but it is too large to (`crate::runner::inline_body`):
/// its event control and a call of its activation function when it has
/// one, else the statements before and after its event control in runs
/// with known versions (`crate::specialize`), as the runner generates the
/// bodies it runs in place. False (nothing generated) for any other
/// process.
fn activations_specialized(l: &mut Lower, p: ProcId) -> bool {
    let (d, cx) = (l.d(), &*l.cx);
    let Some(&wait) = cx.sched.wait.get(&p) else { return false };
    // (an activation function is only made for such a process)
    if let Some(&f) = cx.activation_fn.get(&p) {
        l.stmt(wait);
        call_activation(l, f);
        return true;
    }
    match crate::runner::activation_body(d, &cx.facts, &cx.sched, p) {
        Some((_, nodes)) if nodes > crate::runner::INLINE_MAX_NODES => {}
        _ => return false,
    }
    let top = crate::schedule::top_level(d, d.procs[p].body);
    let at = top.iter().position(|&s| s == wait).expect("the wait is at the top level");
    let part = |ss: &[StmtId]| ss.iter().map(|&s| (p, s)).collect::<Vec<_>>();
    crate::specialize::emit_in_runs(l, &part(&top[..at]));
    l.stmt(wait);
    crate::specialize::emit_in_runs(l, &part(&top[at + 1..]));
    true
}
