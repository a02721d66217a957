//! Native runner: loads a wsim artifact, checks it, and runs it on wasmtime.
//!
//! - [`Artifact::from_bytes`] / [`Artifact::read`]: the gate (wasm magic,
//!   `wsim.meta`, ABI version, known imports with the ABI's types).
//! - [`run`] / [`run_async`]: one simulation as one async task: arena memory
//!   created by the host, `env.*` services, `wsim_init` / `wsim_run` /
//!   `wsim_final`, exit code.
//! - [`cache`]: where wsim caches live and the native-code cache.
//!
//! Architecture invariant: the host knows the ABI (`wsim_abi`) and nothing
//! about Verilog; everything it learns about a design comes from `wsim.meta`.

pub mod artifact;
pub mod cache;
pub mod dumping;
pub mod error;
pub mod limits;
pub mod rundiag;
pub mod runner;
pub mod sandbox;
pub mod services;
pub mod testing;
pub mod tiering;
pub mod waves;

pub use artifact::{Artifact, Meta, Signature, WasmType};
pub use error::HostError;
pub use runner::{engine, format_time, run, run_async, EndReason, RunOptions, RunOutcome, Switched, TierReport};
pub use services::Sink;
pub use tiering::{Compiler, JitPolicy};
