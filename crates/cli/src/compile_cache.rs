//! The compile cache: preprocessed sources + options -> artifact bytes.
//!
//! Key = blake3(compiler identity (see [`compiler_identity`]), source
//! hash), where the source hash covers the normalized options and the name
//! and text of every file in the [`SourceMap`] after preprocessing: the
//! command-line files *and* every file an `` `include `` read, so editing a
//! header changes the key. Content decides, not mtimes (CI checkouts reset
//! mtimes). The source hash alone goes into `wsim.meta`.
//!
//! Entries live in `<cache root>/artifacts/<key>.wasm`, with
//! `<key>.entry.json` next to it: the warnings the skipped stages reported
//! (structured, not rendered, so a hit prints them in whatever
//! `--diagnostic-format` and `-Wno-` the new command asks for) and the
//! compile statistics that need elaboration. Spans are stored as file index
//! and byte offsets: a hit has preprocessed the very same files in the same
//! order (the key covers them), so they name the same text.

use crate::pipeline::DesignStats;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use wsim_diag::{Diagnostic, FileId, Severity, SourceMap, Span};

/// What identifies the compiler: the package version plus the size and
/// modification time of the running executable. During development the
/// version never changes while codegen does, so the executable's identity
/// keeps a rebuilt `wsim` from reusing artifacts made by an older build.
/// (Hashing the executable's bytes would be exact but costs more than the
/// 20 ms a cached compile is allowed.)
pub fn compiler_identity() -> String {
    let exe = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok());
    let stamp = match exe {
        Some(meta) => {
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            format!("{}:{}", meta.len(), mtime)
        }
        None => "unknown-exe".to_string(),
    };
    format!("wsim {} ({stamp})", env!("CARGO_PKG_VERSION"))
}

/// Builds a key from length-prefixed fields (no ambiguity between
/// `["ab","c"]` and `["a","bc"]`).
pub struct KeyBuilder(blake3::Hasher);

impl KeyBuilder {
    pub fn new(tag: &str) -> KeyBuilder {
        let mut k = KeyBuilder(blake3::Hasher::new());
        k.field(tag.as_bytes());
        k
    }
    pub fn field(&mut self, bytes: &[u8]) -> &mut KeyBuilder {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }
    pub fn sources(&mut self, sources: &SourceMap) -> &mut KeyBuilder {
        self.field(&(sources.len() as u64).to_le_bytes());
        for (_, file) in sources.files() {
            self.field(file.name.as_bytes()).field(file.text.as_bytes());
        }
        self
    }
    pub fn finish(&self) -> String {
        self.0.finalize().to_hex().to_string()
    }
}

/// The artifact directory of the cache.
#[derive(Clone, Debug)]
pub struct CompileCache {
    dir: PathBuf,
}

/// A cached artifact.
pub struct CachedArtifact {
    pub wasm: Vec<u8>,
    /// Warnings of the stages the cache skipped (unfiltered).
    pub warnings: Vec<Diagnostic>,
    /// Statistics of the design (they need elaboration, which a hit skips).
    pub design: DesignStats,
}

/// `<key>.entry.json`.
#[derive(Serialize, Deserialize)]
struct Entry {
    warnings: Vec<StoredDiagnostic>,
    design: DesignStats,
}

/// A [`Diagnostic`] as JSON: the code by id, the span by file index and offsets.
#[derive(Serialize, Deserialize)]
struct StoredDiagnostic {
    severity: Severity,
    code: String,
    message: String,
    /// `[file, start, end]`.
    span: Option<[u32; 3]>,
    notes: Vec<String>,
}

impl StoredDiagnostic {
    fn from_diagnostic(d: &Diagnostic) -> StoredDiagnostic {
        StoredDiagnostic {
            severity: d.severity,
            code: d.code.id.to_string(),
            message: d.message.clone(),
            span: d.span.map(|s| [s.file.0, s.start, s.end]),
            notes: d.notes.clone(),
        }
    }

    /// `None` for a code this build does not know (a stale or edited entry).
    fn to_diagnostic(&self) -> Option<Diagnostic> {
        Some(Diagnostic {
            severity: self.severity,
            code: wsim_diag::codes::by_id(&self.code)?,
            message: self.message.clone(),
            span: self.span.map(|[file, start, end]| Span::new(FileId(file), start, end)),
            notes: self.notes.clone(),
        })
    }
}

impl CompileCache {
    /// The cache under `root` (normally [`wsim_host::cache::cache_root`]).
    pub fn new(root: &Path) -> CompileCache {
        CompileCache { dir: root.join("artifacts") }
    }

    pub fn artifact_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.wasm"))
    }

    fn entry_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.entry.json"))
    }

    /// The entry, or `None` (a miss) when either file is missing or the
    /// entry cannot be read back exactly.
    pub fn lookup(&self, key: &str) -> Option<CachedArtifact> {
        let wasm = std::fs::read(self.artifact_path(key)).ok()?;
        let text = std::fs::read_to_string(self.entry_path(key)).ok()?;
        let entry: Entry = serde_json::from_str(&text).ok()?;
        let warnings = entry.warnings.iter().map(StoredDiagnostic::to_diagnostic).collect::<Option<Vec<_>>>()?;
        Some(CachedArtifact { wasm, warnings, design: entry.design })
    }

    /// Store an artifact (the entry first, so a visible `.wasm` always has
    /// its entry next to it).
    pub fn store(&self, key: &str, wasm: &[u8], warnings: &[Diagnostic], design: &DesignStats) -> std::io::Result<()> {
        let entry =
            Entry { warnings: warnings.iter().map(StoredDiagnostic::from_diagnostic).collect(), design: *design };
        let json = serde_json::to_string(&entry).map_err(std::io::Error::other)?;
        wsim_host::cache::write_atomic(&self.entry_path(key), json.as_bytes())?;
        wsim_host::cache::write_atomic(&self.artifact_path(key), wasm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_and_stats_round_trip_structured() {
        let dir = tempfile::tempdir().unwrap();
        let cache = CompileCache::new(dir.path());
        std::fs::create_dir_all(dir.path().join("artifacts")).unwrap();
        let w =
            Diagnostic::warning(wsim_diag::codes::elab::UNUSED, Some(Span::new(FileId(1), 7, 9)), "m").with_note("n");
        let stats = DesignStats { modules: 2, instances: 3, processes: 4, signals: 5 };
        cache.store("k", b"\0asm", &[w], &stats).unwrap();
        let hit = cache.lookup("k").expect("hit");
        assert_eq!(hit.wasm, b"\0asm");
        assert_eq!(hit.design, stats);
        let back = &hit.warnings[0];
        assert_eq!(
            (back.severity, back.code, back.message.as_str(), back.span, back.notes.clone()),
            (
                Severity::Warning,
                wsim_diag::codes::elab::UNUSED,
                "m",
                Some(Span::new(FileId(1), 7, 9)),
                vec!["n".into()]
            )
        );
    }

    #[test]
    fn an_entry_with_an_unknown_code_or_no_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = CompileCache::new(dir.path());
        std::fs::create_dir_all(dir.path().join("artifacts")).unwrap();
        std::fs::write(cache.artifact_path("k"), b"\0asm").unwrap();
        assert!(cache.lookup("k").is_none(), "no entry file");
        let entry = r#"{"warnings":[{"severity":"warning","code":"W9999","message":"m","span":null,"notes":[]}],
            "design":{"modules":1,"instances":1,"processes":1,"signals":1}}"#;
        std::fs::write(cache.entry_path("k"), entry).unwrap();
        assert!(cache.lookup("k").is_none(), "unknown code");
    }
}
