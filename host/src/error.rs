//! Errors of the native host, each tied to a stable diagnostic code.
//!
//! The CLI turns a [`HostError`] into a [`wsim_diag::Diagnostic`] (via
//! [`HostError::to_diagnostic`]) so host errors print exactly like compile
//! errors: `wsim: error[E0501]: top.wasm is not a wsim artifact: bad magic`.

use wsim_diag::codes::run as codes;
use wsim_diag::{Code, Diagnostic};

/// Everything that can go wrong while loading or running an artifact.
#[derive(Debug, thiserror::Error)]
pub enum HostError {
    /// The bytes are not a wsim artifact (not wasm, truncated, no
    /// `wsim.meta`, unknown imports, wrong import types...).
    #[error("{name} is not a wsim artifact: {reason}")]
    BadArtifact { name: String, reason: String },
    /// The artifact was built for another ABI version.
    #[error("{name} was built for wsim ABI version {found}, but this wsim runs ABI version {expected}; recompile it")]
    AbiMismatch { name: String, found: u64, expected: u32 },
    /// The guest trapped (a wsim bug or an arena overflow).
    #[error("the simulation trapped at time {time}: {message}")]
    Trap { time: String, message: String },
    /// A file named by the user could not be read.
    #[error("cannot read {path}: {message}")]
    FileNotFound { path: String, message: String },
    /// A command-line value the host interprets (e.g. `--max-time`) is malformed.
    #[error("{0}")]
    BadOption(String),
    /// The design's run-time requested a host service this host lacks.
    #[error("{0}")]
    Unsupported(String),
    /// The arena would exceed `--max-memory` already when it is created.
    #[error("{0}")]
    MemoryLimit(String),
    /// An internal engine failure (wasmtime could not be set up).
    #[error("internal host error: {0}")]
    Internal(String),
}

impl HostError {
    /// The stable code this error is reported under.
    pub fn code(&self) -> Code {
        match self {
            HostError::BadArtifact { .. } => codes::BAD_ARTIFACT,
            HostError::AbiMismatch { .. } => codes::ABI_MISMATCH,
            HostError::Trap { .. } => codes::TRAP,
            HostError::FileNotFound { .. } => codes::FILE_NOT_FOUND,
            HostError::BadOption(_) => codes::BAD_OPTION,
            HostError::Unsupported(_) => codes::HOST_UNSUPPORTED,
            HostError::MemoryLimit(_) => codes::MEMORY_LIMIT,
            HostError::Internal(_) => codes::HOST_INTERNAL,
        }
    }

    /// The error as a span-less diagnostic for [`wsim_diag::render`].
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic::error(self.code(), None, self.to_string())
    }

    pub(crate) fn bad(name: &str, reason: impl Into<String>) -> HostError {
        HostError::BadArtifact { name: name.to_string(), reason: reason.into() }
    }
}
