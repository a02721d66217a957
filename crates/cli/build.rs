//! Link options of the `wsim` binary on Linux that make a run map less of
//! it. Together they take picorv32's peak RSS from 9.7 to 6.9 MB.
//!
//! - `run-path.ld` groups the functions a cached `wsim run` executes at the
//!   start of the text segment, so a run maps about 2 MB of text instead of
//!   about 4 MB (the kernel maps file pages in 64 KiB windows around each
//!   first touch). The script only adds an output section (`INSERT BEFORE
//!   .text`), so the default layout stays; GNU ld and lld both read it.
//!   `scripts/order_run_path.py` regenerates it.
//! - `-z pack-relative-relocs` (RELR) shrinks the relative relocations the
//!   loader reads at every start from 580 KB to 6 KB. The binary then needs
//!   glibc 2.36 or later, so it is used only when building natively on one.

use std::process::Command;

/// Set by the script: valgrind names only the functions of `.text`, so the
/// binary it profiles must not have the extra section.
const UNGROUPED_ENV: &str = "WSIM_UNGROUPED_TEXT";

fn main() {
    println!("cargo:rerun-if-changed=run-path.ld");
    println!("cargo:rerun-if-env-changed={UNGROUPED_ENV}");
    if std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os != "linux") {
        return;
    }
    if std::env::var_os(UNGROUPED_ENV).is_none() {
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("run-path.ld");
        println!("cargo:rustc-link-arg-bin=wsim=-Wl,-T,{}", script.display());
    }
    if native_build() && glibc_version().is_some_and(|v| v >= (2, 36)) {
        println!("cargo:rustc-link-arg-bin=wsim=-Wl,-z,pack-relative-relocs");
    }
}

fn native_build() -> bool {
    let target = std::env::var("TARGET").unwrap_or_default();
    target == std::env::var("HOST").unwrap_or_default() && target.ends_with("-linux-gnu")
}

/// The build machine's glibc, from `getconf GNU_LIBC_VERSION` ("glibc 2.36").
fn glibc_version() -> Option<(u32, u32)> {
    let out = Command::new("getconf").arg("GNU_LIBC_VERSION").output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let (major, minor) = text.trim().strip_prefix("glibc ")?.split_once('.')?;
    Some((major.parse().ok()?, minor.split('.').next()?.parse().ok()?))
}
