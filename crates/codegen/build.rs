//! Builds guest-rt for wasm32-unknown-unknown so `src/guest.rs` can
//! `include_bytes!` it.
//!
//! The inner cargo gets its own `--target-dir` inside OUT_DIR: sharing the
//! outer build's target dir would deadlock on its lock. The environment cargo
//! gives build scripts (CARGO_*, RUSTFLAGS, wrappers, the jobserver) is
//! cleared so the inner build sees a plain environment. Set
//! `WSIM_GUEST_RT_WASM=/path/to/guest.wasm` to use a prebuilt runtime.
//! If the build fails, an empty file is embedded and `compile` reports it.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

/// rustc flags for the guest (guest-rt/BUILD.md): import the host's memory,
/// export `__heap_base` so codegen knows where the arena can start.
const GUEST_RUSTFLAGS: &[&str] = &[
    "-Clink-arg=--import-memory",
    "-Clink-arg=--export=__heap_base",
    "-Clink-arg=-zstack-size=65536",
    "-Cpanic=abort",
];

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.join("../..");
    let guest = root.join("guest-rt");
    for p in ["guest-rt/src", "guest-rt/Cargo.toml", "guest-rt/build.rs", "guest-rt/BUILD.md", "crates/abi/src"] {
        println!("cargo:rerun-if-changed={}", root.join(p).display());
    }
    println!("cargo:rerun-if-env-changed=WSIM_GUEST_RT_WASM");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let dest = out.join("guest_rt.wasm");
    if let Ok(prebuilt) = env::var("WSIM_GUEST_RT_WASM") {
        std::fs::copy(&prebuilt, &dest).expect("copy WSIM_GUEST_RT_WASM");
        return;
    }
    match build_guest(&guest, &out) {
        Ok(wasm) => {
            std::fs::copy(wasm, &dest).expect("copy guest-rt wasm");
        }
        Err(msg) => {
            for line in msg.lines().rev().take(15).collect::<Vec<_>>().into_iter().rev() {
                println!("cargo:warning=guest-rt: {line}");
            }
            std::fs::write(&dest, b"").expect("write empty guest");
        }
    }
}

fn build_guest(guest: &Path, out: &Path) -> Result<PathBuf, String> {
    let target_dir = out.join("guest-target");
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.arg("build")
        .arg("--manifest-path")
        .arg(guest.join("Cargo.toml"))
        .args(["--lib", "--release", "--target", "wasm32-unknown-unknown", "--target-dir"])
        .arg(&target_dir);
    for (k, _) in env::vars_os() {
        let k = k.to_string_lossy().to_string();
        let keep = matches!(k.as_str(), "CARGO_HOME" | "CARGO_NET_OFFLINE" | "CARGO_HTTP_PROXY")
            || k.starts_with("CARGO_REGISTRIES_")
            || k.starts_with("CARGO_NET_");
        let strip = (k.starts_with("CARGO_") && !keep)
            || matches!(
                k.as_str(),
                "RUSTFLAGS"
                    | "RUSTC_WRAPPER"
                    | "RUSTC_WORKSPACE_WRAPPER"
                    | "TARGET"
                    | "HOST"
                    | "OUT_DIR"
                    | "MAKEFLAGS"
                    | "MFLAGS"
            );
        if strip {
            cmd.env_remove(&k);
        }
    }
    cmd.env("CARGO_ENCODED_RUSTFLAGS", GUEST_RUSTFLAGS.join("\x1f"));
    cmd.env("CARGO_PROFILE_RELEASE_DEBUG", "false");
    cmd.env("CARGO_PROFILE_RELEASE_LTO", "true");
    cmd.env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "1");
    let output = cmd.output().map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).to_string());
    }
    let wasm = target_dir.join("wasm32-unknown-unknown/release/wsim_guest_rt.wasm");
    if wasm.exists() {
        Ok(wasm)
    } else {
        Err(format!("{} was not produced", wasm.display()))
    }
}
