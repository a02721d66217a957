//! THE compile pipeline: source files in, artifact bytes out.
//!
//! [`compile`] reads top to bottom as the stages run: read files -> preprocess
//! -> (compile cache) -> parse -> elaborate -> generate wasm -> (store). It
//! does not print: it returns the [`SourceMap`] and every diagnostic, and
//! the caller renders them ([`render_diagnostics`], in the request's
//! [`RenderOptions`]). Warnings of the stages a cache hit skipped come back
//! from the cache as diagnostics like any other. With `-Wall` the lint pass
//! (`wsim_elab::lint`) runs after elaboration; without it, it costs nothing.

use crate::compile_cache::{compiler_identity, CompileCache, KeyBuilder};
use std::path::PathBuf;
use wsim_diag::codes::run as codes;
use wsim_diag::{DiagFormat, Diagnostic, Diagnostics, FileId, RenderOptions, SourceMap};
use wsim_elab::ElabOptions;
use wsim_syntax::ast::Timescale;
use wsim_syntax::timescale::parse_timescale;
use wsim_syntax::{FsLoader, PpOptions};

/// Everything the command line says about one compilation.
#[derive(Clone, Debug)]
pub struct CompileRequest {
    /// Source files, in order.
    pub files: Vec<PathBuf>,
    /// Defines and include directories.
    pub pp: PpOptions,
    /// Tops and parameter overrides.
    pub elab: ElabOptions,
    /// `--timescale unit/precision`: the default for modules before the
    /// first `` `timescale `` directive.
    pub timescale: Option<String>,
    /// `-Wno-CODE`: warnings with these codes are not reported.
    pub warnings_off: Vec<String>,
    /// `-Wall` / `--wall`: run the lint pass (the warnings that are off by
    /// default, `wsim_diag::codes::off_by_default`).
    pub all_warnings: bool,
    /// `--diagnostic-format=text|json`.
    pub diagnostic_format: DiagFormat,
    /// False for `--no-context`: no source line and caret. Default true.
    pub show_context: bool,
    /// The compile cache, or `None` for `--no-cache`.
    pub cache: Option<CompileCache>,
    /// `--stop-after`: check the sources up to this stage and build nothing.
    pub stop_after: Option<StopAfter>,
    /// `--two-state` and `-O0`: which IR passes run (`wsim_opt`).
    pub opt: wsim_opt::OptOptions,
    /// `--dump-ir[=FILE]`: print the IR after elaboration and after each
    /// pass. A compilation that dumps never takes its artifact from the cache.
    pub dump_ir: Option<DumpIr>,
    /// `--no-opt NAME`: backend optimisations turned off, to measure them.
    pub no_opt: Vec<NoOpt>,
}

/// `--no-opt`: a backend optimisation to turn off (the IR passes go with
/// `-O0`). For measuring what each gives; outputs stay the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum NoOpt {
    /// Static scheduling of processes with fixed triggers (crates/codegen/src/schedule.rs).
    StaticSchedule,
    /// NBA shadow records (crates/codegen/src/shadow.rs).
    NbaShadows,
    /// Static process bodies run in place by the runner (crates/codegen/src/runner.rs).
    InlineStatics,
    /// Combinational processes that feed one another run as one unit (crates/codegen/src/fuse.rs).
    FuseCones,
    /// NBAs stored directly, edge-triggered processes reordered (crates/codegen/src/direct_nbas.rs).
    DirectNbas,
    /// Known versions of static bodies and known loop variables (crates/codegen/src/specialize.rs).
    KnownValues,
    /// Loops keep the signals they assign in locals (crates/codegen/src/promote.rs).
    LoopLocals,
    /// Clocked processes with the same event control run as one unit (crates/codegen/src/fuse_clocked.rs).
    FuseClocked,
    /// Loops over a short list of known values are unrolled (crates/codegen/src/unroll.rs).
    UnrollLoops,
    /// Long runs of element copies become loops (crates/codegen/src/reroll.rs).
    RollCopies,
    /// Runs of instances of the same statements become loops (crates/codegen/src/roll_instances.rs).
    RollInstances,
    /// Processes only waves can show start only in runs that record waves (crates/codegen/src/wave_only.rs).
    WaveOnly,
    /// Direct NBAs mark readers that may run again without comparing (crates/codegen/src/runner.rs).
    RecomputeReaders,
    /// Nets assigned bits of other signals are read as those bits (crates/opt/src/substitute_wires.rs).
    SubstituteWires,
    /// Four-state variables that never hold X or Z are stored without their unknown plane (crates/codegen/src/infer_known.rs).
    KnownVariables,
    /// Small functions of their own variables run in place at their calls (crates/codegen/src/inline_calls.rs).
    InlineFunctions,
}

/// Where `--dump-ir` writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DumpIr {
    Stderr,
    File(PathBuf),
}

/// The last stage `wsim compile --stop-after` runs (like Icarus's `-E` and
/// `-t null`, or Verilator's `-E` and `--lint-only`): the sources are
/// checked, no artifact is written and the cache is not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StopAfter {
    Preprocess,
    Parse,
    Elaborate,
}

impl Default for CompileRequest {
    fn default() -> CompileRequest {
        CompileRequest {
            files: Vec::new(),
            pp: PpOptions::default(),
            elab: ElabOptions::default(),
            timescale: None,
            warnings_off: Vec::new(),
            all_warnings: false,
            diagnostic_format: DiagFormat::Text,
            show_context: true,
            cache: None,
            stop_after: None,
            opt: wsim_opt::OptOptions::default(),
            dump_ir: None,
            no_opt: Vec::new(),
        }
    }
}

impl CompileRequest {
    /// How this request's diagnostics are printed.
    pub fn render_options(&self) -> RenderOptions {
        RenderOptions { format: self.diagnostic_format, show_context: self.show_context }
    }
}

/// Numbers about the source text, filled for every compilation that got as
/// far as preprocessing, plus the [`DesignStats`]. Field names are stable
/// (they go into `--stats-json`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct CompileStats {
    /// Source files read, `include`d ones too (the `--timescale` pseudo file
    /// is not counted).
    pub files: usize,
    /// Lines of those files (a last line without a newline counts).
    pub lines: usize,
    /// Bytes of those files.
    pub bytes: usize,
    /// Distinct module definitions instantiated (0 when elaboration did not
    /// finish).
    pub modules: usize,
    /// Module instances, tops included.
    pub instances: usize,
    /// Processes: `initial`, `always*`, `final`, continuous assignments,
    /// gates, port connections and net resolvers.
    pub processes: usize,
    /// Static signals the user declared (not elaboration's hidden ones); an
    /// array counts once.
    pub signals: usize,
}

/// The part of [`CompileStats`] that needs elaboration. On a cache hit it
/// comes from the cache entry, so a hit reports the same numbers as the
/// miss that stored it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DesignStats {
    pub modules: usize,
    pub instances: usize,
    pub processes: usize,
    pub signals: usize,
}

impl DesignStats {
    pub fn of(design: &wsim_ir::Design) -> DesignStats {
        let instances: Vec<&str> = design
            .scopes
            .iter()
            .filter(|(_, s)| s.kind == wsim_ir::ScopeKind::Instance)
            .map(|(_, s)| s.def_name.as_str())
            .collect();
        let modules: std::collections::HashSet<&str> = instances.iter().copied().collect();
        let signals = design.signals.iter().filter(|(_, s)| s.storage == wsim_ir::Storage::Static && !s.hidden).count();
        DesignStats { modules: modules.len(), instances: instances.len(), processes: design.procs.len(), signals }
    }
}

impl CompileStats {
    fn set_design(&mut self, d: DesignStats) {
        self.modules = d.modules;
        self.instances = d.instances;
        self.processes = d.processes;
        self.signals = d.signals;
    }

    fn count_sources(&mut self, sources: &SourceMap) {
        for (_, file) in sources.files() {
            self.files += 1;
            self.bytes += file.text.len();
            self.lines += file.text.lines().count();
        }
    }
}

/// A successful compilation.
#[derive(Clone, Debug)]
pub struct Artifact {
    pub wasm: Vec<u8>,
    /// The compile-cache key (64 hex digits).
    pub key: String,
    /// The bytes came from the cache: nothing after preprocessing ran.
    pub cache_hit: bool,
}

/// What [`compile`] hands back: the artifact (unless an error occurred) and
/// everything the user must see.
#[derive(Debug, Default)]
pub struct PipelineResult {
    pub artifact: Option<Artifact>,
    pub sources: SourceMap,
    /// Diagnostics in pipeline order (warnings filtered by `-Wno-`); on a
    /// cache hit the warnings of the skipped stages come from the cache.
    pub diagnostics: Vec<Diagnostic>,
    /// How to print them (from the request).
    pub render: RenderOptions,
    /// Files, lines, modules, processes... for the compile report.
    pub stats: CompileStats,
    /// A cache entry could not be written (the artifact is still good).
    pub cache_note: Option<String>,
    /// Wall time of each stage that ran, in pipeline order.
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// The request's `stop_after` stage was reached without errors.
    pub stopped: bool,
}

impl PipelineResult {
    pub fn has_errors(&self) -> bool {
        self.artifact.is_none() && !self.stopped
    }
}

/// Run the whole front end and back end on `req`.
pub fn compile(req: &CompileRequest) -> PipelineResult {
    let mut result = PipelineResult { render: req.render_options(), ..Default::default() };
    let mut diags = Diagnostics::default();
    let mut clock = StageClock::start();

    // 1. Check `--timescale` and read the files named on the command line.
    let default_timescale = default_timescale(req, &mut diags);
    let inputs = read_inputs(&req.files, &mut result.sources, &mut diags);
    clock.lap(&mut result, "read");
    if diags.has_errors() {
        return result.fail(diags, req);
    }

    // 2. Preprocess; every `include`d file is added to `sources` as it is read.
    let (tokens, pp_diags) = wsim_syntax::preprocess(&mut result.sources, &inputs, &req.pp, &FsLoader);
    diags.extend(pp_diags);
    clock.lap(&mut result, "preprocess");
    result.stats.count_sources(&result.sources);
    if diags.has_errors() {
        return result.fail(diags, req);
    }
    if req.stop_after == Some(StopAfter::Preprocess) {
        return result.stop(diags, req);
    }

    // 3. `sources` now holds every byte the design depends on: ask the cache.
    let source_hash = source_hash(req, &result.sources);
    let key = cache_key(&source_hash, req.all_warnings);
    clock.lap(&mut result, "hash");
    // `$sdf_annotate` reads SDF files while elaborating: files the hash
    // above cannot cover, so such designs bypass the cache.
    let reads_sdf = result.sources.files().any(|(_, f)| f.text.contains("$sdf_annotate"));
    let cache = req.cache.as_ref().filter(|_| req.stop_after.is_none() && req.dump_ir.is_none() && !reads_sdf);
    if let Some(hit) = cache.and_then(|cache| cache.lookup(&key)) {
        diags.list.extend(hit.warnings);
        result.stats.set_design(hit.design);
        result.artifact = Some(Artifact { wasm: hit.wasm, key, cache_hit: true });
        result.diagnostics = filter_warnings(diags.list, req);
        return result;
    }
    let early = diags.list.len();

    // 4. Parse the token stream into a syntax tree.
    let (unit, parse_diags) = wsim_syntax::parse_with_timescale(&tokens, default_timescale);
    diags.extend(parse_diags);
    clock.lap(&mut result, "parse");
    if diags.has_errors() {
        return result.fail(diags, req);
    }
    if req.stop_after == Some(StopAfter::Parse) {
        return result.stop(diags, req);
    }

    // 5. Elaborate: resolve the hierarchy and parameters into one flat design.
    let (design, elab_diags) = wsim_elab::elaborate(&unit, &req.elab);
    diags.extend(elab_diags);
    clock.lap(&mut result, "elaborate");
    let mut design = match design {
        Some(design) if !diags.has_errors() => design,
        _ => {
            if !diags.has_errors() {
                diags.push(internal_error("elaboration produced no design and reported no error"));
            }
            return result.fail(diags, req);
        }
    };
    let design_stats = DesignStats::of(&design);
    result.stats.set_design(design_stats);

    // 5b. `-Wall`: the lint pass (warnings only; it never stops the build).
    if req.all_warnings {
        diags.extend(wsim_elab::lint(&unit, &design));
        clock.lap(&mut result, "lint");
    }
    if req.stop_after == Some(StopAfter::Elaborate) {
        return result.stop(diags, req);
    }

    // 5c. The IR passes: `--two-state`, then the optimisations (not with
    //     `-O0`); `--dump-ir` prints the design after each.
    if let Err(e) = optimize(&mut design, req) {
        diags.push(e);
        return result.fail(diags, req);
    }
    clock.lap(&mut result, "optimize");

    // 6. Generate the artifact: one core wasm module with guest-rt merged in.
    let codegen_opts = wsim_codegen::CodegenOptions {
        source_hash,
        compiler_version: format!("wsim {}", env!("CARGO_PKG_VERSION")),
        sources: result.sources.clone(),
        no_static_schedule: req.no_opt.contains(&NoOpt::StaticSchedule),
        no_nba_shadows: req.no_opt.contains(&NoOpt::NbaShadows),
        no_inline_statics: req.no_opt.contains(&NoOpt::InlineStatics),
        no_fuse_cones: req.no_opt.contains(&NoOpt::FuseCones),
        no_direct_nbas: req.no_opt.contains(&NoOpt::DirectNbas),
        no_known_values: req.no_opt.contains(&NoOpt::KnownValues),
        no_loop_locals: req.no_opt.contains(&NoOpt::LoopLocals),
        no_fuse_clocked: req.no_opt.contains(&NoOpt::FuseClocked),
        no_unroll_loops: req.no_opt.contains(&NoOpt::UnrollLoops),
        no_roll_copies: req.no_opt.contains(&NoOpt::RollCopies),
        no_roll_instances: req.no_opt.contains(&NoOpt::RollInstances),
        no_wave_only: req.no_opt.contains(&NoOpt::WaveOnly),
        no_recompute_readers: req.no_opt.contains(&NoOpt::RecomputeReaders),
        no_known_variables: req.no_opt.contains(&NoOpt::KnownVariables),
        no_inline_functions: req.no_opt.contains(&NoOpt::InlineFunctions),
    };
    let wasm = match wsim_codegen::compile(&design, &codegen_opts) {
        Ok(wasm) => wasm,
        Err(codegen_diags) => {
            diags.extend(codegen_diags);
            if !diags.has_errors() {
                diags.push(internal_error("code generation failed and reported no error"));
            }
            return result.fail(diags, req);
        }
    };

    clock.lap(&mut result, "codegen");

    // 7. Store it with the warnings of steps 4-6 (unfiltered: a hit applies
    //    its own `-Wno-`) and the design statistics, which a cache hit replays.
    if let Some(cache) = req.cache.as_ref().filter(|_| !reads_sdf) {
        if let Err(e) = cache.store(&key, &wasm, &diags.list[early..], &design_stats) {
            result.cache_note = Some(format!("cannot write the compile cache: {e}"));
        }
    }
    result.diagnostics = filter_warnings(diags.list, req);
    result.artifact = Some(Artifact { wasm, key, cache_hit: false });
    result
}

/// Run the IR passes on `design`, dumping it after elaboration and after
/// each pass when the request asks for `--dump-ir`.
fn optimize(design: &mut wsim_ir::Design, req: &CompileRequest) -> Result<(), Diagnostic> {
    use std::io::Write;
    let Some(target) = &req.dump_ir else {
        wsim_opt::optimize(design, &req.opt, &mut |_, _| {});
        return Ok(());
    };
    let mut out: Box<dyn Write> = match target {
        DumpIr::Stderr => Box::new(std::io::stderr().lock()),
        DumpIr::File(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                let msg = format!("cannot write {}: {}", path.display(), io_reason(&e));
                return Err(Diagnostic::error(codes::FILE_IO, None, msg));
            }
        },
    };
    let mut failed = None;
    let mut dump = |pass: &str, design: &wsim_ir::Design| {
        let counts = wsim_opt::Counts::of(design);
        let text = format!("// ---- after {pass} ----\n// {counts}\n{}", wsim_ir::print(design));
        if let Err(e) = out.write_all(text.as_bytes()) {
            failed.get_or_insert(e);
        }
    };
    dump("elaborate", design);
    wsim_opt::optimize(design, &req.opt, &mut dump);
    match failed.map_or_else(|| out.flush(), Err) {
        Ok(()) => Ok(()),
        Err(e) => Err(Diagnostic::error(codes::FILE_IO, None, format!("cannot write the IR dump: {e}"))),
    }
}

/// Measures the wall time of consecutive stages.
struct StageClock(std::time::Instant);

impl StageClock {
    fn start() -> StageClock {
        StageClock(std::time::Instant::now())
    }
    fn lap(&mut self, result: &mut PipelineResult, stage: &'static str) {
        let now = std::time::Instant::now();
        result.timings.push((stage, now - self.0));
        self.0 = now;
    }
}

impl PipelineResult {
    fn stop(mut self, diags: Diagnostics, req: &CompileRequest) -> PipelineResult {
        self.stopped = true;
        self.fail(diags, req)
    }
    fn fail(mut self, diags: Diagnostics, req: &CompileRequest) -> PipelineResult {
        self.diagnostics = filter_warnings(diags.list, req);
        self.artifact = None;
        self
    }
}

/// Add each command-line file to `sources`; a missing file is an error.
fn read_inputs(files: &[PathBuf], sources: &mut SourceMap, diags: &mut Diagnostics) -> Vec<FileId> {
    if files.is_empty() {
        diags.push(Diagnostic::error(codes::BAD_OPTION, None, "no source files given"));
    }
    let mut ids = Vec::new();
    for path in files {
        match read_bounded(path) {
            Ok(bytes) => {
                let text =
                    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                ids.push(sources.add(path.display().to_string(), text));
            }
            Err(e) => diags.push(Diagnostic::error(
                codes::FILE_NOT_FOUND,
                None,
                format!("cannot read {}: {}", path.display(), io_reason(&e)),
            )),
        }
    }
    ids
}

/// The largest source file read (a pipe or `/dev/zero` named by mistake
/// must not read forever).
const MAX_SOURCE_BYTES: u64 = 1 << 30;

/// A source file's bytes, refusing more than [`MAX_SOURCE_BYTES`].
fn read_bounded(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(std::io::Error::other("larger than 1 GiB"));
    }
    Ok(bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// `--timescale 1ns/1ps`: the timescale of every module before the first
/// `` `timescale `` directive and after `` `resetall `` (the parser applies
/// it), like the command-line default of other tools. `None` when not
/// given or malformed (an error).
fn default_timescale(req: &CompileRequest, diags: &mut Diagnostics) -> Option<Timescale> {
    let ts = req.timescale.as_deref()?;
    match parse_timescale(ts) {
        Some(t) if t.precision <= t.unit => Some(t),
        Some(_) => {
            diags.push(Diagnostic::error(
                codes::BAD_OPTION,
                None,
                format!("--timescale `{ts}`: the precision must not be coarser than the unit"),
            ));
            None
        }
        None => {
            diags.push(Diagnostic::error(
                codes::BAD_OPTION,
                None,
                format!(
                    "--timescale `{ts}`: expected UNIT/PRECISION such as 1ns/1ps (1, 10 or 100 of s ms us ns ps fs)"
                ),
            ));
            None
        }
    }
}

/// The compile-cache key: the [`source_hash`] under this compiler build,
/// and whether `-Wall` ran the lint pass (its warnings are in the entry;
/// the artifact and its `wsim.meta` hash do not depend on it).
pub fn cache_key(source_hash: &str, all_warnings: bool) -> String {
    let mut key = KeyBuilder::new("wsim-compile-v2");
    key.field(compiler_identity().as_bytes()).field(source_hash.as_bytes());
    if all_warnings {
        key.field(b"wall");
    }
    key.finish()
}

/// Hash of everything the design depends on: the normalized options and
/// every file read (includes too). Stored in `wsim.meta`; it does not
/// depend on the machine or the wsim build, so identical inputs give
/// identical artifacts everywhere.
pub fn source_hash(req: &CompileRequest, sources: &SourceMap) -> String {
    let mut key = KeyBuilder::new("wsim-sources-v1");
    for (name, value) in &req.pp.defines {
        key.field(b"define").field(name.as_bytes()).field(value.as_deref().unwrap_or("\0none").as_bytes());
    }
    for dir in &req.pp.include_dirs {
        key.field(b"incdir").field(dir.as_bytes());
    }
    for top in &req.elab.tops {
        key.field(b"top").field(top.as_bytes());
    }
    for (name, value) in &req.elab.param_overrides {
        key.field(b"param").field(name.as_bytes()).field(value.as_bytes());
    }
    key.field(b"timescale").field(req.timescale.as_deref().unwrap_or("").as_bytes());
    // Only when not the default, so default builds keep their hashes.
    if req.opt.two_state {
        key.field(b"two-state");
    }
    if !req.opt.optimize {
        key.field(b"O0");
    }
    for off in &req.no_opt {
        key.field(b"no-opt").field(format!("{off:?}").as_bytes());
    }
    if req.elab.specify {
        key.field(b"specify");
    }
    if req.elab.delay_selection != wsim_elab::sdf::DelaySelection::Typ {
        key.field(b"delay-select").field(format!("{:?}", req.elab.delay_selection).as_bytes());
    }
    // `-Wno-`, `-Wall` and the diagnostic format change what is printed,
    // not the artifact: the cache stores warnings unfiltered and applies
    // `-Wno-` on a hit; `-Wall` is part of the cache key only.
    key.sources(sources);
    key.finish()
}

/// Drop warnings the user turned off with `-Wno-CODE` (errors always stay).
fn filter_warnings(list: Vec<Diagnostic>, req: &CompileRequest) -> Vec<Diagnostic> {
    list.into_iter()
        .filter(|d| d.is_error() || !req.warnings_off.iter().any(|w| w.eq_ignore_ascii_case(d.code.id)))
        .collect()
}

fn internal_error(what: &str) -> Diagnostic {
    Diagnostic::error(codes::INTERNAL_COMPILER_ERROR, None, format!("internal compiler error: {what}"))
}

/// Render diagnostics one after the other (text: as `wsim_diag::render`
/// prints them; JSON: one object per line).
pub fn render_all(sources: &SourceMap, diags: &[Diagnostic], opts: &RenderOptions) -> String {
    diags.iter().map(|d| wsim_diag::render_with(sources, d, opts)).collect()
}

/// Print a pipeline's diagnostics to stderr in the request's format.
pub fn render_diagnostics(result: &PipelineResult) {
    eprint!("{}", render_all(&result.sources, &result.diagnostics, &result.render));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timescales_parse() {
        assert_eq!(parse_timescale("1ns/1ps"), Some(Timescale { unit: -9, precision: -12 }));
        assert_eq!(parse_timescale("100us / 10ns"), Some(Timescale { unit: -4, precision: -8 }));
        assert_eq!(parse_timescale("2ns/1ps"), None);
        assert_eq!(parse_timescale("1ns"), None);
    }

    #[test]
    fn missing_file_is_e0601() {
        let req = CompileRequest { files: vec!["/no/such/file.v".into()], ..Default::default() };
        let result = compile(&req);
        assert!(result.has_errors());
        assert_eq!(result.diagnostics[0].code.id, "E0601");
        assert_eq!(result.diagnostics[0].message, "cannot read /no/such/file.v: no such file");
    }

    #[test]
    fn source_hash_covers_every_file_and_option() {
        let mut sources = SourceMap::new();
        sources.add("t.v", "module t; endmodule\n");
        let req = CompileRequest::default();
        let base = source_hash(&req, &sources);
        assert_ne!(cache_key(&base, false), base, "the cache key adds the compiler build");
        assert_ne!(cache_key(&base, false), cache_key(&base, true), "-Wall has its own entries");
        assert_eq!(base, source_hash(&req, &sources), "deterministic");
        let mut with_include = sources.clone();
        with_include.add("inc.vh", "`define W 8\n");
        assert_ne!(base, source_hash(&req, &with_include), "an included file changes the key");
        let mut req2 = req.clone();
        req2.elab.tops.push("t".into());
        assert_ne!(base, source_hash(&req2, &sources));
        let mut req3 = req.clone();
        req3.pp.defines.push(("X".into(), None));
        let mut req4 = req.clone();
        req4.pp.defines.push(("X".into(), Some("".into())));
        assert_ne!(source_hash(&req3, &sources), source_hash(&req4, &sources), "-DX differs from -DX=");
        let two_state =
            CompileRequest { opt: wsim_opt::OptOptions { two_state: true, ..Default::default() }, ..req.clone() };
        let o0 = CompileRequest { opt: wsim_opt::OptOptions { optimize: false, ..Default::default() }, ..req.clone() };
        let hashes = [base.clone(), source_hash(&two_state, &sources), source_hash(&o0, &sources)];
        assert!(hashes[0] != hashes[1] && hashes[0] != hashes[2] && hashes[1] != hashes[2], "--two-state, -O0");
    }

    /// A design with one unused signal (`u`) and one truncation, in a
    /// temporary directory; returns the directory and the file's path.
    fn lint_fixture() -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.v");
        std::fs::write(
            &path,
            "module leaf(input [7:0] a, output [3:0] y);\n  assign y = a;\nendmodule\n\
             module t;\n  reg [7:0] x = 8'h5a;\n  reg u;\n  wire [3:0] y1, y2;\n\
             \x20 leaf l1(.a(x), .y(y1)), l2(.a(x), .y(y2));\n\
             \x20 initial #1 $display(\"%h %h\", y1, y2);\nendmodule\n",
        )
        .unwrap();
        let name = path.display().to_string();
        (dir, name)
    }

    fn lint_request(file: &str) -> CompileRequest {
        CompileRequest { files: vec![file.into()], all_warnings: true, ..Default::default() }
    }

    fn rendered(result: &PipelineResult) -> String {
        render_all(&result.sources, &result.diagnostics, &result.render)
    }

    #[test]
    fn wall_warnings_render_as_text() {
        let (_dir, f) = lint_fixture();
        let result = compile(&lint_request(&f));
        assert!(!result.has_errors(), "{}", rendered(&result));
        assert_eq!(
            rendered(&result),
            format!(
                "{f}:2:14: warning[W0301]: 8-bit value assigned to `y`, 4-bit target: the upper 4 bits are lost\n\
                 \x202 |   assign y = a;\n   |              ^\n\
                 {f}:6:7: warning[W0305]: signal `u` is never read nor driven\n 6 |   reg u;\n   |       ^\n"
            )
        );
    }

    #[test]
    fn wall_warnings_render_as_json_lines_and_without_context() {
        let (_dir, f) = lint_fixture();
        let req = CompileRequest { diagnostic_format: DiagFormat::Json, ..lint_request(&f) };
        assert_eq!(
            rendered(&compile(&req)),
            format!(
                "{{\"severity\":\"warning\",\"code\":\"W0301\",\"message\":\"8-bit value assigned to `y`, 4-bit target: \
                 the upper 4 bits are lost\",\"file\":\"{f}\",\"line\":2,\"column\":14,\"end_line\":2,\"end_column\":14,\
                 \"source_line\":\"  assign y = a;\",\"notes\":[]}}\n\
                 {{\"severity\":\"warning\",\"code\":\"W0305\",\"message\":\"signal `u` is never read nor driven\",\
                 \"file\":\"{f}\",\"line\":6,\"column\":7,\"end_line\":6,\"end_column\":7,\
                 \"source_line\":\"  reg u;\",\"notes\":[]}}\n"
            )
        );
        let req = CompileRequest { show_context: false, ..lint_request(&f) };
        assert_eq!(
            rendered(&compile(&req)),
            format!(
                "{f}:2:14: warning[W0301]: 8-bit value assigned to `y`, 4-bit target: the upper 4 bits are lost\n\
                 {f}:6:7: warning[W0305]: signal `u` is never read nor driven\n"
            )
        );
    }

    #[test]
    fn without_wall_no_lint_and_wno_turns_each_lint_code_off() {
        let (_dir, f) = lint_fixture();
        let plain = CompileRequest { all_warnings: false, ..lint_request(&f) };
        let result = compile(&plain);
        assert_eq!(rendered(&result), "");
        assert!(!result.timings.iter().any(|(stage, _)| *stage == "lint"), "the pass does not even run");
        let req = CompileRequest { warnings_off: vec!["w0305".into(), "W0301".into()], ..lint_request(&f) };
        assert_eq!(rendered(&compile(&req)), "");
    }

    #[test]
    fn stats_count_sources_and_design() {
        let (_dir, f) = lint_fixture();
        let result = compile(&lint_request(&f));
        // Signals: x u y1 y2 and each leaf's a y. Processes: each leaf's
        // assign and the initial (the port connections collapsed into aliases).
        assert_eq!(
            result.stats,
            CompileStats { files: 1, lines: 10, bytes: 228, modules: 2, instances: 3, processes: 3, signals: 8 }
        );
    }

    #[test]
    fn cache_hit_replays_warnings_in_any_format_with_the_same_stats() {
        let (dir, f) = lint_fixture();
        let cache = Some(CompileCache::new(&dir.path().join("cache")));
        let miss = compile(&CompileRequest { cache: cache.clone(), ..lint_request(&f) });
        assert!(!miss.artifact.as_ref().unwrap().cache_hit);
        let json = CompileRequest { cache: cache.clone(), diagnostic_format: DiagFormat::Json, ..lint_request(&f) };
        let hit = compile(&json);
        assert!(hit.artifact.as_ref().unwrap().cache_hit);
        assert_eq!(hit.stats, miss.stats);
        let miss_json = render_all(&miss.sources, &miss.diagnostics, &json.render_options());
        assert_eq!(rendered(&hit), miss_json);
        assert_eq!(miss_json.lines().count(), 2);
        let text = compile(&CompileRequest { cache: cache.clone(), ..lint_request(&f) });
        assert_eq!(rendered(&text), rendered(&miss));
        // `-Wno-` applies to replayed warnings too; `-Wall` off is its own entry.
        let wno =
            compile(&CompileRequest { cache: cache.clone(), warnings_off: vec!["W0305".into()], ..lint_request(&f) });
        assert!(wno.artifact.as_ref().unwrap().cache_hit, "-Wno- shares the entry");
        assert_eq!(wno.diagnostics.iter().map(|d| d.code.id).collect::<Vec<_>>(), ["W0301"]);
        let no_wall = compile(&CompileRequest { cache, all_warnings: false, ..lint_request(&f) });
        assert!(!no_wall.artifact.as_ref().unwrap().cache_hit);
        assert!(no_wall.diagnostics.is_empty());
    }
}
