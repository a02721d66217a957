//! guest-rt: runs inside every artifact.
#![cfg_attr(target_arch = "wasm32", no_std)]
pub mod logic;
