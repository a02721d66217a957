//! wasm backend: one elaborated [`Design`] -> the bytes of ONE
//! self-contained core wasm module (the artifact).
//!
//! Pipeline ([`compile`]): read guest-rt (built for wasm32 by `build.rs`) ->
//! analyse the design (which tasks can wait, which signals are watched) ->
//! plan the static schedule, fuse combinational cones (crate::fuse), plan
//! the NBA shadows and the NBAs written directly (reordering edge-triggered
//! processes) -> lay out the arena
//! (`wsim-layout`) -> generate the static runner, a step function per
//! process, fork branch and waiting task, a plain function per other
//! subroutine, `wsim_init` and `gen.dispatch` -> final layout (frames, constant pool) ->
//! merge with guest-rt -> validate.
//!
//! Contracts: `crates/abi` (frames, statuses, exports), `docs/guest-rt-abi.md`
//! (the `rt_*` helpers the generated code calls).

mod analysis;
mod call;
mod classes;
mod consts;
mod containers;
mod direct_nbas;
mod expr;
mod fast;
mod first_nbas;
mod func;
mod fuse;
mod fuse_clocked;
pub mod guest;
mod infer_known;
mod inline_calls;
mod load_cache;
mod lower;
pub mod merge;
mod meta;
mod module;
mod order_nbas;
mod promote;
mod prune;
mod reroll;
mod roll_instances;
mod runner;
mod schedule;
mod shadow;
mod specialize;
mod stackify;
mod stmt;
mod strength;
mod strings;
mod systask;
mod timer_steps;
mod unroll;
mod wave_only;

use lower::Ctx;
use std::collections::{BTreeSet, VecDeque};
use wsim_diag::{codes, Diagnostic, Diagnostics, SourceMap};
use wsim_ir::Design;

/// Placeholder global index for the temp-stack pointer in generated code;
/// resolved to the real index when a function is encoded.
pub(crate) const TSP_GLOBAL_PLACEHOLDER: u32 = u32::MAX;

/// What the caller can tell the backend.
#[derive(Clone, Debug, Default)]
pub struct CodegenOptions {
    /// Hash of the sources and options (stored in `wsim.meta`).
    pub source_hash: String,
    pub compiler_version: String,
    /// The source files (names for the source map, `$error` locations).
    pub sources: SourceMap,
    /// `--no-opt static-schedule`: every process keeps dynamic event
    /// semantics (for measuring what the static schedule gives).
    pub no_static_schedule: bool,
    /// `--no-opt nba-shadows`: every NBA queues an update record.
    pub no_nba_shadows: bool,
    /// `--no-opt inline-statics`: the runner calls every static process's
    /// step function instead of running small bodies in place.
    pub no_inline_statics: bool,
    /// `--no-opt fuse-cones`: every static process keeps its own pending
    /// bit (no fused units, crate::fuse). Off as well with
    /// `no_inline_statics`: a unit only runs in place.
    pub no_fuse_cones: bool,
    /// `--no-opt direct-nbas`: every shadowed signal keeps its shadow
    /// record (crate::direct_nbas).
    pub no_direct_nbas: bool,
    /// `--no-opt known-values`: no known versions of static bodies and no
    /// known loop variables (crate::specialize).
    pub no_known_values: bool,
    /// `--no-opt loop-locals`: loops keep no signal in locals
    /// (crate::promote).
    pub no_loop_locals: bool,
    /// `--no-opt fuse-clocked`: every clocked static process keeps its
    /// own pending bit (crate::fuse_clocked).
    pub no_fuse_clocked: bool,
    /// `--no-opt unroll-loops`: no loop is unrolled (crate::unroll).
    pub no_unroll_loops: bool,
    /// `--no-opt roll-copies`: element copies stay unrolled (crate::reroll).
    pub no_roll_copies: bool,
    /// `--no-opt roll-instances`: every instance's statements stay
    /// unrolled (crate::roll_instances).
    pub no_roll_instances: bool,
    /// `--no-opt wave-only`: every process starts, waves or not
    /// (crate::wave_only).
    pub no_wave_only: bool,
    /// `--no-opt recompute-readers`: a direct NBA compares old and new
    /// before marking even readers that may run again
    /// (`runner::Lower::readers_recompute`).
    pub no_recompute_readers: bool,
    /// `--no-opt known-variables`: every four-state variable keeps its
    /// unknown plane (crate::infer_known).
    pub no_known_variables: bool,
    /// `--no-opt inline-functions`: every function call stays a call
    /// (crate::inline_calls).
    pub no_inline_functions: bool,
}

/// Compile a design with the guest runtime built into this crate.
pub fn compile(design: &Design, opts: &CodegenOptions) -> Result<Vec<u8>, Diagnostics> {
    compile_with_guest(design, opts, guest::GUEST_RT_WASM)
}

/// E0402: the arena would pass 4 GiB.
fn too_large() -> Diagnostics {
    let mut d = Diagnostics::default();
    d.push(Diagnostic::error(codes::codegen::TOO_LARGE, None, "the design's arena does not fit in 4 GiB"));
    d
}

/// Compile a design against a given guest-rt module (tests, tools).
pub fn compile_with_guest(design: &Design, opts: &CodegenOptions, guest_bytes: &[u8]) -> Result<Vec<u8>, Diagnostics> {
    let fail = |msg: String| {
        let mut d = Diagnostics::default();
        d.push(Diagnostic::error(codes::codegen::UNSUPPORTED, None, msg));
        d
    };
    let guest = guest::GuestModule::parse(guest_bytes).map_err(|e| fail(format!("guest runtime: {e}")))?;
    let arena_base = guest.heap_base.div_ceil(64) * 64;
    let facts = analysis::analyse(design);
    let mut sched = if opts.no_static_schedule { Default::default() } else { schedule::plan(design, &facts) };
    if !opts.no_wave_only {
        sched.wave_only_procs = wave_only::wave_only_processes(design, &sched);
    }
    if !opts.no_fuse_cones && !opts.no_inline_statics {
        fuse::fuse_cones(design, &facts, &mut sched);
    }
    let watched_otherwise = shadow::watched_other_than_by_comb_statics(design, &sched);
    let mut shadowed = if opts.no_nba_shadows { vec![] } else { shadow::plan(design, &facts, &watched_otherwise) };
    let no_direct = opts.no_direct_nbas || opts.no_nba_shadows;
    // the same handles, some blocks' NBAs in another order
    let ordered = if no_direct { None } else { order_nbas::order_nbas(design, &sched, &shadowed) };
    let design = ordered.as_ref().unwrap_or(design);
    let direct = if no_direct {
        direct_nbas::Direct::none(design)
    } else {
        direct_nbas::plan(design, &facts, &mut sched, &shadowed, &watched_otherwise)
    };
    let first_nbas = if opts.no_nba_shadows { Default::default() } else { first_nbas::find(design, &sched) };
    if !opts.no_fuse_clocked && !opts.no_inline_statics {
        fuse_clocked::fuse_clocked(design, &facts, &direct, &mut sched, !opts.no_roll_instances);
    }
    if !opts.no_wave_only {
        sched.wave_only = wave_only::wave_only_units(&sched);
    }
    // a direct signal keeps its record only to hold the copy of its old value
    for ((shadow, &stores), copy) in shadowed.iter_mut().zip(&direct.stores).zip(&direct.old_copy) {
        *shadow &= !stores || copy.is_some();
    }
    let inline_triggers =
        shadow::inline_triggers(design, &sched, &shadow::watched_other_than_by_statics(design, &sched));
    let pure_units = fuse::pure_units(design, &facts, &sched);
    let static_count = sched.order.len() as u32;
    let req = wsim_layout::LayoutRequest { shadowed, static_count, ..Default::default() };
    let lay0 = wsim_layout::layout_with(design, arena_base, &req);
    if !lay0.fits {
        // Before any code is generated: its u32 arena offsets would overflow.
        return Err(too_large());
    }
    let known =
        if opts.no_known_variables { vec![false; design.signals.len()] } else { infer_known::known_variables(design) };
    let two_state_storage = fast::two_state_storage(design, &lay0, &known);
    let inline_functions = if opts.no_inline_functions {
        vec![]
    } else {
        inline_calls::inlinable_functions(design, |s| !facts.watched[s.index()] && inline_triggers[s.index()].is_none())
    };
    let mut cx = Ctx {
        d: design,
        lay: lay0,
        guest: &guest,
        facts,
        sched,
        inline_triggers,
        pure_units,
        direct,
        first_nbas,
        known_values: !opts.no_known_values,
        loop_locals: !opts.no_loop_locals,
        unroll_loops: !opts.no_unroll_loops,
        roll_copies: !opts.no_roll_copies,
        roll_instances: !opts.no_roll_instances,
        recompute_readers: !opts.no_recompute_readers,
        inline_functions,
        consts: Default::default(),
        diags: Diagnostics::default(),
        sources: &opts.sources,
        funcs: vec![],
        dispatch: vec![],
        subr_fn: vec![],
        subr_dispatch: vec![],
        proc_fn: vec![],
        proc_dispatch: vec![],
        activation_fn: Default::default(),
        jobs: VecDeque::new(),
        missing: BTreeSet::new(),
        named_states: Default::default(),
        sites: Vec::new(),
        two_state_storage,
        known_variables: known,
    };
    module::declare_all(&mut cx);
    let commit = runner::gen_commit(&mut cx);
    let runner = runner::gen_runner(&mut cx, !opts.no_inline_statics, commit);
    let timer_body = runner::gen_timer_body(&mut cx, !opts.no_inline_statics);
    let direct = module::Direct {
        runner,
        timer_body: timer_body.as_ref().map(|b| b.func),
        commit,
        timer_steps: timer_steps::gen_timer_steps(&mut cx, timer_body, runner),
    };
    let extras = module::generate_bodies(&mut cx);
    let init_k = module::gen_init(&mut cx, &direct);
    if !cx.missing.is_empty() {
        let list: Vec<String> = cx.missing.iter().cloned().collect();
        cx.diags.push(Diagnostic::error(
            codes::codegen::UNSUPPORTED,
            None,
            format!("the guest runtime lacks helpers the design needs: {}", list.join(", ")),
        ));
    }
    if cx.diags.has_errors() {
        return Err(cx.diags);
    }
    let input = meta::MetaInput {
        compiler_version: &opts.compiler_version,
        source_hash: &opts.source_hash,
        sources: &opts.sources,
        sites: meta::site_entries(design, &cx.sites, &opts.sources),
    };
    let gen =
        module::assemble(&mut cx, extras, init_k, &direct, |lay, pages| meta::meta_json(design, lay, pages, &input));
    if !cx.lay.fits {
        return Err(too_large());
    }
    let bytes = merge::merge(&guest, &gen).map_err(|e| fail(format!("merging the guest runtime: {e}")))?;
    if cfg!(debug_assertions) {
        if let Err(e) = merge::validate(&bytes) {
            return Err(fail(format!("internal error: generated module is invalid: {e}")));
        }
    }
    Ok(bytes)
}
