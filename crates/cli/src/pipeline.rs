//! THE compile pipeline: source files in, artifact bytes out.
//!
//! [`compile`] reads top to bottom as the stages run: read files -> preprocess
//! -> (compile cache) -> parse -> elaborate -> generate wasm -> (store). It
//! does not print: it returns the [`SourceMap`] and every diagnostic, and
//! the caller renders them ([`render_diagnostics`]). Warnings of the stages
//! a cache hit skipped come back as already-rendered text.

use crate::compile_cache::{compiler_identity, CompileCache, KeyBuilder};
use std::path::PathBuf;
use wsim_diag::codes::run as codes;
use wsim_diag::{Diagnostic, Diagnostics, FileId, SourceMap};
use wsim_elab::ElabOptions;
use wsim_syntax::ast::Timescale;
use wsim_syntax::timescale::parse_timescale;
use wsim_syntax::{FsLoader, PpOptions};

/// Everything the command line says about one compilation.
#[derive(Clone, Debug, Default)]
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
    /// The compile cache, or `None` for `--no-cache`.
    pub cache: Option<CompileCache>,
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
    /// Diagnostics of the stages that ran (warnings filtered by `-Wno-`).
    pub diagnostics: Vec<Diagnostic>,
    /// Rendered warnings of the stages a cache hit skipped.
    pub replayed: String,
    /// A cache entry could not be written (the artifact is still good).
    pub cache_note: Option<String>,
    /// Wall time of each stage that ran, in pipeline order.
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

impl PipelineResult {
    pub fn has_errors(&self) -> bool {
        self.artifact.is_none()
    }
}

/// Run the whole front end and back end on `req`.
pub fn compile(req: &CompileRequest) -> PipelineResult {
    let mut result = PipelineResult::default();
    let mut diags = Diagnostics::default();
    let mut clock = StageClock::start();

    // 1. Read the files named on the command line, after the `--timescale`
    //    default (a one-line file in front, so it holds until a file's own
    //    `timescale directive, like the command-line default of other tools).
    let mut inputs = default_timescale_file(req, &mut result.sources, &mut diags);
    inputs.extend(read_inputs(&req.files, &mut result.sources, &mut diags));
    clock.lap(&mut result, "read");
    if diags.has_errors() {
        return result.fail(diags, req);
    }

    // 2. Preprocess; every `include`d file is added to `sources` as it is read.
    let (tokens, pp_diags) = wsim_syntax::preprocess(&mut result.sources, &inputs, &req.pp, &FsLoader);
    diags.extend(pp_diags);
    clock.lap(&mut result, "preprocess");
    if diags.has_errors() {
        return result.fail(diags, req);
    }

    // 3. `sources` now holds every byte the design depends on: ask the cache.
    let source_hash = source_hash(req, &result.sources);
    let key = cache_key(&source_hash);
    clock.lap(&mut result, "hash");
    if let Some(hit) = req.cache.as_ref().and_then(|cache| cache.lookup(&key)) {
        result.replayed = hit.warnings;
        result.artifact = Some(Artifact { wasm: hit.wasm, key, cache_hit: true });
        result.diagnostics = filter_warnings(diags.list, req);
        return result;
    }
    let early = diags.list.len();

    // 4. Parse the token stream into a syntax tree.
    let (unit, parse_diags) = wsim_syntax::parse(&tokens);
    diags.extend(parse_diags);
    clock.lap(&mut result, "parse");
    if diags.has_errors() {
        return result.fail(diags, req);
    }

    // 5. Elaborate: resolve the hierarchy and parameters into one flat design.
    let (design, elab_diags) = wsim_elab::elaborate(&unit, &req.elab);
    diags.extend(elab_diags);
    clock.lap(&mut result, "elaborate");
    let design = match design {
        Some(design) if !diags.has_errors() => design,
        _ => {
            if !diags.has_errors() {
                diags.push(internal_error("elaboration produced no design and reported no error"));
            }
            return result.fail(diags, req);
        }
    };

    // 6. Generate the artifact: one core wasm module with guest-rt merged in.
    let codegen_opts = wsim_codegen::CodegenOptions {
        source_hash,
        compiler_version: format!("wsim {}", env!("CARGO_PKG_VERSION")),
        sources: result.sources.clone(),
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

    // 7. Store it with the warnings of steps 4-6, which a cache hit replays.
    let late: Vec<Diagnostic> = filter_warnings(diags.list.split_off(early), req);
    if let Some(cache) = &req.cache {
        if let Err(e) = cache.store(&key, &wasm, &render_all(&result.sources, &late)) {
            result.cache_note = Some(format!("cannot write the compile cache: {e}"));
        }
    }
    result.diagnostics = filter_warnings(diags.list, req);
    result.diagnostics.extend(late);
    result.artifact = Some(Artifact { wasm, key, cache_hit: false });
    result
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
        match std::fs::read(path) {
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

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Name of the one-line source that carries `--timescale`.
pub const TIMESCALE_FILE: &str = "<--timescale>";

/// `--timescale 1ns/1ps` becomes a first source file holding
/// `` `timescale 1ns/1ps ``: the default for every module before the first
/// `timescale directive of the user's files. Returns its id (or nothing).
fn default_timescale_file(req: &CompileRequest, sources: &mut SourceMap, diags: &mut Diagnostics) -> Vec<FileId> {
    let Some(ts) = &req.timescale else { return Vec::new() };
    match parse_timescale(ts) {
        Some(Timescale { unit, precision }) if precision <= unit => {
            vec![sources.add(TIMESCALE_FILE, format!("`timescale {}\n", ts.trim()))]
        }
        Some(_) => {
            diags.push(Diagnostic::error(
                codes::BAD_OPTION,
                None,
                format!("--timescale `{ts}`: the precision must not be coarser than the unit"),
            ));
            Vec::new()
        }
        None => {
            diags.push(Diagnostic::error(
                codes::BAD_OPTION,
                None,
                format!(
                    "--timescale `{ts}`: expected UNIT/PRECISION such as 1ns/1ps (1, 10 or 100 of s ms us ns ps fs)"
                ),
            ));
            Vec::new()
        }
    }
}

/// The compile-cache key: the [`source_hash`] under this compiler build.
pub fn cache_key(source_hash: &str) -> String {
    KeyBuilder::new("wsim-compile-v1").field(compiler_identity().as_bytes()).field(source_hash.as_bytes()).finish()
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
    for w in &req.warnings_off {
        key.field(b"wno").field(w.as_bytes());
    }
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

/// Render diagnostics one after the other, as `wsim_diag::render` prints them.
pub fn render_all(sources: &SourceMap, diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| wsim_diag::render(sources, d)).collect()
}

/// Print a pipeline's diagnostics (and replayed warnings) to stderr.
pub fn render_diagnostics(result: &PipelineResult) {
    let text = render_all(&result.sources, &result.diagnostics);
    eprint!("{text}{}", result.replayed);
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
        assert_ne!(cache_key(&base), base, "the cache key adds the compiler build");
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
    }
}
