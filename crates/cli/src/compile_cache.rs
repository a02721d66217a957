//! The compile cache: preprocessed sources + options -> artifact bytes.
//!
//! Key = blake3(compiler identity (see [`compiler_identity`]), source
//! hash), where the source hash covers the normalized options and the name
//! and text of every file in the [`SourceMap`] after preprocessing: the
//! command-line files *and* every file an `` `include `` read, so editing a
//! header changes the key. Content decides, not mtimes (CI checkouts reset
//! mtimes). The source hash alone goes into `wsim.meta`.
//!
//! Entries live in `<cache root>/artifacts/<key>.wasm`, with the warnings the
//! later stages printed in `<key>.warnings` so a cache hit prints them again.

use std::path::{Path, PathBuf};
use wsim_diag::SourceMap;

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
    /// Rendered warnings of the stages the cache skipped.
    pub warnings: String,
}

impl CompileCache {
    /// The cache under `root` (normally [`wsim_host::cache::cache_root`]).
    pub fn new(root: &Path) -> CompileCache {
        CompileCache { dir: root.join("artifacts") }
    }

    pub fn artifact_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.wasm"))
    }

    fn warnings_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.warnings"))
    }

    pub fn lookup(&self, key: &str) -> Option<CachedArtifact> {
        let wasm = std::fs::read(self.artifact_path(key)).ok()?;
        let warnings = std::fs::read_to_string(self.warnings_path(key)).unwrap_or_default();
        Some(CachedArtifact { wasm, warnings })
    }

    /// Store an artifact (warnings first, so a visible `.wasm` always has
    /// its warnings next to it).
    pub fn store(&self, key: &str, wasm: &[u8], warnings: &str) -> std::io::Result<()> {
        wsim_host::cache::write_atomic(&self.warnings_path(key), warnings.as_bytes())?;
        wsim_host::cache::write_atomic(&self.artifact_path(key), wasm)
    }
}
