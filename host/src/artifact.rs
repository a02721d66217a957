//! Loading and checking an artifact before wasmtime sees it.
//!
//! [`Artifact::from_bytes`] is the host's gate: it parses the module with
//! wasmparser (cheap: function bodies are skipped), reads the `wsim.meta`
//! custom section, checks the ABI version and checks that every import is
//! one of the `env.*` services this host provides, with the ABI's type.
//! Anything else is rejected with a message that says what is wrong, so a
//! stray `.wasm` or an artifact from another wsim version never reaches the
//! engine (where it would fail with an obscure link error).

use crate::error::HostError;
use serde::Deserialize;
use std::fmt;
use wasmparser::{Parser, Payload, TypeRef, ValType};
use wsim_abi::{export, import, ABI_VERSION, META_SECTION};

/// A core wasm value type, as far as the ABI uses them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WasmType {
    I32,
    I64,
    F32,
    F64,
    /// Anything else (v128, references): never part of the ABI.
    Other,
}

impl fmt::Display for WasmType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WasmType::I32 => "i32",
            WasmType::I64 => "i64",
            WasmType::F32 => "f32",
            WasmType::F64 => "f64",
            WasmType::Other => "?",
        })
    }
}

/// A core wasm function signature.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<WasmType>,
    pub results: Vec<WasmType>,
}

impl Signature {
    pub fn new(params: &[WasmType], results: &[WasmType]) -> Signature {
        Signature { params: params.to_vec(), results: results.to_vec() }
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |v: &[WasmType]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", ");
        write!(f, "({}) -> ({})", list(&self.params), list(&self.results))
    }
}

/// The signature of every `env` function import the host provides, as
/// documented in `wsim_abi::import`. `wit/wsim.wit` describes the same list
/// (a test keeps them in sync).
pub fn host_import_signatures() -> Vec<(&'static str, Signature)> {
    use WasmType::{I32, I64};
    vec![
        (import::WRITE, Signature::new(&[I32, I32, I32], &[])),
        (import::FOPEN, Signature::new(&[I32, I32, I32, I32], &[I32])),
        (import::FCLOSE, Signature::new(&[I32], &[])),
        (import::FFLUSH, Signature::new(&[I32], &[])),
        (import::READ_FILE, Signature::new(&[I32, I32, I32, I32], &[I64])),
        (import::PLUSARGS, Signature::new(&[I32, I32], &[I32])),
        (import::DUMP, Signature::new(&[I32, I64, I64, I32, I32], &[I32])),
        (import::DIAG, Signature::new(&[I32; 7], &[])),
        (import::FREAD, Signature::new(&[I32, I32, I32], &[I32])),
        (import::FSEEK, Signature::new(&[I32, I64, I32], &[I64])),
    ]
}

/// The signature of every export the host calls (`wsim_abi::export`).
pub fn required_export_signatures() -> Vec<(&'static str, Signature)> {
    use WasmType::{I32, I64};
    vec![
        (export::INIT, Signature::new(&[], &[])),
        (export::RUN, Signature::new(&[I64], &[I32])),
        (export::TIME, Signature::new(&[], &[I64])),
        (export::EXIT_CODE, Signature::new(&[], &[I32])),
        (export::FINAL, Signature::new(&[], &[])),
    ]
}

/// Exports the host uses when present (hand-built test modules may lack
/// them): the run counters and step mode.
pub fn optional_export_signatures() -> Vec<(&'static str, Signature)> {
    use WasmType::{I32, I64};
    vec![(export::STAT, Signature::new(&[I32], &[I64])), (export::STEP_MODE, Signature::new(&[I32], &[]))]
}

/// The fields of `wsim.meta` the host reads. Codegen writes more (signal
/// table, source map); unknown fields are ignored here.
#[derive(Clone, Debug, Deserialize)]
pub struct Meta {
    pub abi_version: u64,
    #[serde(default)]
    pub compiler_version: String,
    #[serde(default)]
    pub source_hash: String,
    /// Global time precision, a power of ten of seconds (-12 = 1 ps): one tick.
    #[serde(default)]
    pub precision: i8,
    /// Top-level instance paths (waves: the roots of `$dumpvars` with no scope).
    #[serde(default)]
    pub tops: Vec<String>,
    /// The static signal table (waves): where every signal lives in the arena.
    #[serde(default)]
    pub signals: Vec<crate::waves::MetaSignal>,
    /// Every scope with its kind (waves). Missing: derived from signal names.
    #[serde(default)]
    pub scopes: Vec<crate::waves::MetaScope>,
    /// The design calls `$dumpvars` (otherwise `--waves=vcd|fst` dumps
    /// everything from time 0).
    #[serde(default)]
    pub dumpvars: bool,
    /// Source sites the run can name (`wsim_stat(FINISH_SITE)` indexes it).
    #[serde(default)]
    pub sites: Vec<Site>,
    /// Every process: its static frame and source (run-time diagnostics).
    #[serde(default)]
    pub processes: Vec<MetaProcess>,
}

/// A process row of `wsim.meta`: its static frame and where it is.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct MetaProcess {
    #[serde(default)]
    pub frame: u32,
    #[serde(flatten)]
    pub site: Site,
}

/// A place in the design's sources (`file:line:col`, hierarchical scope).
/// Unknown parts are empty or 0 (the meta section writes them as `null`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct Site {
    #[serde(default, deserialize_with = "null_as_default")]
    pub file: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub line: u32,
    #[serde(default, deserialize_with = "null_as_default")]
    pub col: u32,
    #[serde(default, deserialize_with = "null_as_default")]
    pub scope: String,
}

/// A JSON `null` reads as the type's default.
fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

impl std::fmt::Display for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

/// One import of the module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportKind {
    Func(Signature),
    /// A 32-bit, unshared memory with this many initial (and maybe maximum) pages.
    Memory {
        min_pages: u64,
        max_pages: Option<u64>,
    },
    Other,
}

/// A parsed, checked artifact: the bytes plus what the host needs to know.
#[derive(Clone, Debug)]
pub struct Artifact {
    /// Name used in messages (the path the user gave, or `<memory>`).
    pub name: String,
    pub bytes: Vec<u8>,
    pub meta: Meta,
    /// Minimum pages of the imported `env.memory`.
    pub memory_min_pages: u64,
    /// Maximum pages of the imported `env.memory`, if the module gives one.
    pub memory_max_pages: Option<u64>,
    /// Every import: (module, name, kind), in module order.
    pub imports: Vec<(String, String, ImportKind)>,
    /// Every function export with its signature, in module order.
    pub func_exports: Vec<(String, Signature)>,
}

impl Artifact {
    /// Check `bytes` and build an [`Artifact`] named `<memory>` in messages.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Artifact, HostError> {
        Artifact::from_named_bytes("<memory>", bytes)
    }

    /// Read and check the artifact at `path`; messages name the path as given.
    pub fn read(path: &std::path::Path) -> Result<Artifact, HostError> {
        let name = path.display().to_string();
        let bytes =
            std::fs::read(path).map_err(|e| HostError::FileNotFound { path: name.clone(), message: io_message(&e) })?;
        Artifact::from_named_bytes(&name, bytes)
    }

    /// Check `bytes`; `name` is used in error messages.
    pub fn from_named_bytes(name: &str, bytes: Vec<u8>) -> Result<Artifact, HostError> {
        check_header(name, &bytes)?;
        let module = scan_module(name, &bytes)?;
        let meta_bytes = module.meta.ok_or_else(|| HostError::bad(name, format!("no `{META_SECTION}` section")))?;
        let meta = parse_meta(name, meta_bytes)?;
        if meta.abi_version != u64::from(ABI_VERSION) {
            return Err(HostError::AbiMismatch {
                name: name.to_string(),
                found: meta.abi_version,
                expected: ABI_VERSION,
            });
        }
        check_precision(name, meta.precision)?;
        let (memory_min_pages, memory_max_pages) = check_imports(name, &module.imports)?;
        check_exports(name, &module.func_exports)?;
        Ok(Artifact {
            name: name.to_string(),
            meta,
            memory_min_pages,
            memory_max_pages,
            imports: module.imports,
            func_exports: module.func_exports,
            bytes,
        })
    }

    /// Signature of the function export `name`, if there is one.
    pub fn export_signature(&self, name: &str) -> Option<&Signature> {
        self.func_exports.iter().find(|(n, _)| n == name).map(|(_, s)| s)
    }

    /// Signature of the function import `module.name`, if there is one.
    pub fn import_signature(&self, module: &str, name: &str) -> Option<&Signature> {
        self.imports.iter().find_map(|(m, n, k)| match k {
            ImportKind::Func(sig) if m == module && n == name => Some(sig),
            _ => None,
        })
    }
}

/// An I/O error without the "(os error 2)" noise.
pub(crate) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// The 8-byte header: `\0asm` and core-module version 1.
fn check_header(name: &str, bytes: &[u8]) -> Result<(), HostError> {
    if bytes.is_empty() {
        return Err(HostError::bad(name, "empty file"));
    }
    if bytes.len() < 4 || &bytes[..4] != b"\0asm" {
        return Err(HostError::bad(name, "bad magic"));
    }
    if bytes.len() < 8 {
        return Err(HostError::bad(name, "truncated wasm header"));
    }
    if bytes[4..8] != [1, 0, 0, 0] {
        return Err(HostError::bad(name, "not a core wasm module (a component or an unknown wasm version)"));
    }
    Ok(())
}

/// What one pass over the sections finds.
#[derive(Default)]
struct ModuleScan<'a> {
    meta: Option<&'a [u8]>,
    imports: Vec<(String, String, ImportKind)>,
    func_exports: Vec<(String, Signature)>,
}

/// Walk the sections, collecting types, imports, function exports and
/// `wsim.meta`. Function bodies are skipped, not parsed.
fn scan_module<'a>(name: &str, bytes: &'a [u8]) -> Result<ModuleScan<'a>, HostError> {
    let malformed = |e: wasmparser::BinaryReaderError| malformed_reason(name, &e);
    let mut scan = ModuleScan::default();
    let mut types: Vec<Option<Signature>> = Vec::new();
    // Type index of every function in the function index space.
    let mut func_types: Vec<u32> = Vec::new();
    let mut exports: Vec<(String, u32)> = Vec::new();
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(malformed)? {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group.map_err(malformed)?.into_types() {
                        types.push(match &sub.composite_type.inner {
                            wasmparser::CompositeInnerType::Func(f) => Some(signature_of(f)),
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for imp in reader.into_imports() {
                    let imp = imp.map_err(malformed)?;
                    let kind = match imp.ty {
                        TypeRef::Func(t) | TypeRef::FuncExact(t) => {
                            func_types.push(t);
                            match types.get(t as usize).cloned().flatten() {
                                Some(sig) => ImportKind::Func(sig),
                                None => return Err(HostError::bad(name, "malformed wasm: import of an unknown type")),
                            }
                        }
                        TypeRef::Memory(m) if !m.memory64 && !m.shared => {
                            ImportKind::Memory { min_pages: m.initial, max_pages: m.maximum }
                        }
                        _ => ImportKind::Other,
                    };
                    scan.imports.push((imp.module.to_string(), imp.name.to_string(), kind));
                }
            }
            Payload::FunctionSection(reader) => {
                for t in reader {
                    func_types.push(t.map_err(malformed)?);
                }
            }
            Payload::ExportSection(reader) => {
                for e in reader {
                    let e = e.map_err(malformed)?;
                    if e.kind == wasmparser::ExternalKind::Func {
                        exports.push((e.name.to_string(), e.index));
                    }
                }
            }
            Payload::CustomSection(reader) if reader.name() == META_SECTION => {
                scan.meta = Some(reader.data());
            }
            _ => {}
        }
    }
    for (export_name, index) in exports {
        let sig = func_types.get(index as usize).and_then(|&t| types.get(t as usize).cloned().flatten());
        let sig = sig.ok_or_else(|| HostError::bad(name, "malformed wasm: export of an unknown function"))?;
        scan.func_exports.push((export_name, sig));
    }
    Ok(scan)
}

fn malformed_reason(name: &str, e: &wasmparser::BinaryReaderError) -> HostError {
    let msg = e.message();
    if msg.contains("unexpected end") {
        HostError::bad(name, format!("truncated wasm (unexpected end at byte {})", e.offset()))
    } else {
        HostError::bad(name, format!("malformed wasm at byte {}: {msg}", e.offset()))
    }
}

fn signature_of(f: &wasmparser::FuncType) -> Signature {
    let conv = |t: &ValType| match t {
        ValType::I32 => WasmType::I32,
        ValType::I64 => WasmType::I64,
        ValType::F32 => WasmType::F32,
        ValType::F64 => WasmType::F64,
        _ => WasmType::Other,
    };
    Signature { params: f.params().iter().map(conv).collect(), results: f.results().iter().map(conv).collect() }
}

fn parse_meta(name: &str, bytes: &[u8]) -> Result<Meta, HostError> {
    serde_json::from_slice(bytes).map_err(|e| HostError::bad(name, format!("malformed `{META_SECTION}` section: {e}")))
}

/// Every import must be `env.memory` or one of the host functions, with the
/// ABI's type. Returns the memory's (min, max) pages.
fn check_imports(name: &str, imports: &[(String, String, ImportKind)]) -> Result<(u64, Option<u64>), HostError> {
    let known = host_import_signatures();
    let mut memory = None;
    for (module, field, kind) in imports {
        let qualified = format!("{module}.{field}");
        if module != import::MODULE {
            return Err(HostError::bad(name, format!("it imports `{qualified}`, which this host does not provide")));
        }
        if field == import::MEMORY {
            match kind {
                ImportKind::Memory { min_pages, max_pages } => {
                    check_memory_limits(name, *min_pages, *max_pages)?;
                    memory = Some((*min_pages, *max_pages));
                }
                _ => {
                    return Err(HostError::bad(name, format!("`{qualified}` must be a 32-bit unshared memory")));
                }
            }
            continue;
        }
        let Some((_, expected)) = known.iter().find(|(n, _)| *n == field) else {
            return Err(HostError::bad(name, format!("it imports `{qualified}`, which this host does not provide")));
        };
        match kind {
            ImportKind::Func(sig) if sig == expected => {}
            ImportKind::Func(sig) => {
                return Err(HostError::bad(name, format!("`{qualified}` has type {sig}, the ABI says {expected}")));
            }
            _ => return Err(HostError::bad(name, format!("`{qualified}` must be a function"))),
        }
    }
    memory.ok_or_else(|| HostError::bad(name, format!("it does not import `{}.{}`", import::MODULE, import::MEMORY)))
}

/// Pages of a 32-bit memory: 4 GiB.
const MAX_MEMORY_PAGES: u64 = 1 << 16;

/// The arena's limits must be a possible 32-bit memory (wasmparser does not
/// validate them while scanning, and the runner narrows them to `u32`).
fn check_memory_limits(name: &str, min_pages: u64, max_pages: Option<u64>) -> Result<(), HostError> {
    let limit = |what: String| {
        HostError::bad(name, format!("`env.memory` {what}; a 32-bit arena has at most {MAX_MEMORY_PAGES} (4 GiB)"))
    };
    if min_pages > MAX_MEMORY_PAGES {
        return Err(limit(format!("asks for {min_pages} pages")));
    }
    match max_pages {
        Some(max) if max > MAX_MEMORY_PAGES => Err(limit(format!("allows up to {max} pages"))),
        Some(max) if max < min_pages => Err(HostError::bad(
            name,
            format!("`env.memory` has a maximum of {max} pages, below its minimum of {min_pages}"),
        )),
        _ => Ok(()),
    }
}

/// Timescale precisions run from 100 s (2) to 1 fs (-15); anything else
/// is a tampered meta (and would overflow time formatting).
fn check_precision(name: &str, precision: i8) -> Result<(), HostError> {
    if (-15..=2).contains(&precision) {
        return Ok(());
    }
    Err(HostError::bad(
        name,
        format!(
            "`{META_SECTION}` precision {precision} is not a time unit: it must lie between 2 (100 s) and -15 (1 fs)"
        ),
    ))
}

/// Every export the host calls must exist with the ABI's type.
fn check_exports(name: &str, exports: &[(String, Signature)]) -> Result<(), HostError> {
    for (export_name, expected) in required_export_signatures() {
        match exports.iter().find(|(n, _)| n == export_name) {
            None => return Err(HostError::bad(name, format!("it has no `{export_name}` export"))),
            Some((_, sig)) if *sig != expected => {
                return Err(HostError::bad(
                    name,
                    format!("export `{export_name}` has type {sig}, the ABI says {expected}"),
                ));
            }
            Some(_) => {}
        }
    }
    Ok(())
}
