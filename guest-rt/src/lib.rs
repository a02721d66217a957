//! guest-rt: the runtime inside every wsim artifact.
//!
//! Compiled to wasm32-unknown-unknown (no_std) and merged by the compiler
//! into each artifact, whose generated code calls the `rt_*` exports listed
//! in docs/guest-rt-abi.md; it also provides the artifact exports
//! `wsim_run`, `wsim_time`, `wsim_exit_code` and `wsim_final`. On native
//! targets it builds with std so the unit tests run with `cargo test`, the
//! host imports being replaced by test hooks ([`host::native`]).
//!
//! - [`logic`]: 4-state values on limb slices (shared with elaboration)
//! - [`values`]: the value exports over arena addresses
//! - [`sched`]: time queue, regions, threads, events, NBAs
//! - [`format`]: `$display` formatting, `$sformat`, `$timeformat`, severity
//! - [`random`], [`dist`], [`readmem`], [`writemem`], [`files`], [`plusargs`]:
//!   system tasks and functions
//! - [`realmath`]: real `**` and the real math functions
//! - [`heap`], [`mem`], [`host`]: arena memory, heap, imports
#![cfg_attr(target_arch = "wasm32", no_std)]

extern crate alloc;

pub mod classes;
pub mod containers;
pub mod countbits;
pub mod dist;
pub mod dump;
pub mod files;
pub mod format;
pub mod heap;
pub mod host;
pub mod logic;
pub mod mem;
pub mod plusargs;
pub mod random;
pub mod readmem;
pub mod realmath;
pub mod scan;
pub mod sched;
pub mod strength;
pub mod strings;
pub mod values;
pub mod writemem;

#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;

/// A panic is a guest bug: trap (the host reports E0503).
#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
