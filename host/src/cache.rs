//! On-disk caches: where they live, how entries are written, and the native
//! code cache (precompiled wasmtime modules).
//!
//! Layout under [`cache_root`] (`$WSIM_CACHE_DIR`, else `wsim/` in the user
//! cache dir): `native/<key>.cwasm` (this module) and `artifacts/<key>.wasm`
//! (the CLI's compile cache). Entries are written to a temp file in the same
//! directory and renamed into place, so a reader never sees half a file and
//! two concurrent writers simply race to an identical result.
//!
//! Native key = blake3(wasm bytes, wasmtime version, the engine's
//! `precompile_compatibility_hash`). The last part covers the engine
//! configuration and CPU features, so a cache directory shared between
//! machines or wsim builds never hands wasmtime code it cannot run.

use std::hash::{Hash, Hasher};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use wasmtime::{Engine, Module};

/// Environment variable that overrides the cache directory.
pub const CACHE_DIR_ENV: &str = "WSIM_CACHE_DIR";

/// The version of the wasmtime this host embeds (part of the native key).
pub const WASMTIME_VERSION: &str = "48.0.8";

/// Root of wsim's caches, or `None` when no cache dir can be found.
pub fn cache_root() -> Option<PathBuf> {
    match std::env::var_os(CACHE_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => dirs::cache_dir().map(|d| d.join("wsim")),
    }
}

/// Write `bytes` to `path` atomically (temp file in the same dir + rename).
/// A path that exists and is not a regular file (`-o /dev/null`, a FIFO)
/// is written in place: renaming over it would replace the device with a
/// plain file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return std::fs::OpenOptions::new().write(true).open(path)?.write_all(bytes);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_data().ok();
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A `Hasher` that feeds everything into blake3, so `impl Hash` values (the
/// engine's compatibility hash) get a stable, collision-resistant digest.
struct Blake3Hasher(blake3::Hasher);

impl Hasher for Blake3Hasher {
    fn finish(&self) -> u64 {
        let digest = self.0.finalize();
        u64::from_le_bytes(digest.as_bytes()[..8].try_into().expect("8 bytes"))
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}

/// The native-cache key of `wasm` for `engine` (64 hex digits).
pub fn native_key(engine: &Engine, wasm: &[u8]) -> String {
    let mut hasher = Blake3Hasher(blake3::Hasher::new());
    hasher.0.update(b"wsim-native-v1\0");
    hasher.0.update(blake3::hash(wasm).as_bytes());
    hasher.0.update(WASMTIME_VERSION.as_bytes());
    hasher.0.update(b"\0");
    engine.precompile_compatibility_hash().hash(&mut hasher);
    hasher.0.finalize().to_hex().to_string()
}

/// How a module was obtained (reported with `--verbose`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NativeSource {
    /// Loaded from `native/<key>.cwasm`.
    CacheHit { key: String },
    /// Compiled and stored under the key.
    CacheMiss { key: String },
    /// Compiled; caching was off or impossible (`note` says why).
    Compiled { note: Option<String> },
}

impl std::fmt::Display for NativeSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NativeSource::CacheHit { key } => write!(f, "native cache hit {key}"),
            NativeSource::CacheMiss { key } => write!(f, "native cache miss {key}"),
            NativeSource::Compiled { note: None } => write!(f, "native code compiled (cache off)"),
            NativeSource::Compiled { note: Some(note) } => write!(f, "native code compiled, not cached: {note}"),
        }
    }
}

/// Compile `wasm` with `engine`, going through the native cache in `dir`
/// (`None` = no cache). A corrupt or incompatible cache file is recompiled
/// and replaced; failure to write the cache only costs the next run time.
pub fn load_module(engine: &Engine, wasm: &[u8], dir: Option<&Path>) -> wasmtime::Result<(Module, NativeSource)> {
    match dir.and_then(|dir| lookup(engine, wasm, dir)) {
        Some(hit) => Ok(hit),
        None => compile_module(engine, wasm, dir),
    }
}

/// The module of `wasm` for `engine` from the native cache in `dir`, if
/// there is a usable one.
pub fn lookup(engine: &Engine, wasm: &[u8], dir: &Path) -> Option<(Module, NativeSource)> {
    let key = native_key(engine, wasm);
    let path = dir.join(format!("{key}.cwasm"));
    if !path.is_file() {
        return None;
    }
    // SAFETY: the file is in wsim's own cache directory and was written by
    // `precompile_module` of an engine with the same compatibility hash (it
    // is part of the file name); wasmtime additionally checks its header and
    // refuses files from other versions or configs.
    let module = unsafe { Module::deserialize_file(engine, &path) }.ok()?;
    Some((module, NativeSource::CacheHit { key }))
}

/// Compile `wasm` with `engine` and store the code in the native cache in
/// `dir` (`None` = no cache).
pub fn compile_module(engine: &Engine, wasm: &[u8], dir: Option<&Path>) -> wasmtime::Result<(Module, NativeSource)> {
    let Some(dir) = dir else {
        return Ok((Module::new(engine, wasm)?, NativeSource::Compiled { note: None }));
    };
    let key = native_key(engine, wasm);
    let path = dir.join(format!("{key}.cwasm"));
    let compiled = engine.precompile_module(wasm)?;
    // SAFETY: these bytes were produced just now by `precompile_module` of
    // this very engine.
    let module = unsafe { Module::deserialize(engine, &compiled)? };
    match write_atomic(&path, &compiled) {
        Ok(()) => Ok((module, NativeSource::CacheMiss { key })),
        Err(e) => Ok((module, NativeSource::Compiled { note: Some(format!("cannot write {}: {e}", path.display())) })),
    }
}
