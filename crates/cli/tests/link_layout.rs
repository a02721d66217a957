//! The link options of `build.rs` reached the binary: the functions of a
//! cached run are grouped in `.text.run_path` and the relative relocations
//! are packed (RELR), where the build machine has the glibc for it. Without
//! them a picorv32 run's peak RSS goes from 6.9 to 9.7 MB.

#![cfg(target_os = "linux")]

use object::{Object, ObjectSection};

fn binary() -> Vec<u8> {
    std::fs::read(env!("CARGO_BIN_EXE_wsim")).expect("the wsim binary is readable")
}

#[test]
fn the_run_path_functions_are_grouped_ahead_of_the_text() {
    let bytes = binary();
    let elf = object::File::parse(&*bytes).expect("wsim is an ELF file");
    let run_path = elf.section_by_name(".text.run_path").expect("a .text.run_path section");
    let text = elf.section_by_name(".text").expect("a .text section");
    // About 1.8 MB when run-path.ld's patterns match this toolchain's
    // symbols; far less means scripts/order_run_path.py must be rerun.
    assert!(run_path.size() > 1 << 20, ".text.run_path holds only {} bytes", run_path.size());
    assert!(run_path.address() < text.address(), "the grouped functions come first");
}

#[test]
fn relative_relocations_are_packed_where_glibc_has_relr() {
    let glibc = std::process::Command::new("getconf").arg("GNU_LIBC_VERSION").output();
    let has_relr = glibc.is_ok_and(|out| {
        let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let version = text.strip_prefix("glibc ").unwrap_or("0.0");
        let mut parts = version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
        (parts.next().unwrap_or(0), parts.next().unwrap_or(0)) >= (2, 36)
    });
    let bytes = binary();
    let elf = object::File::parse(&*bytes).expect("wsim is an ELF file");
    assert_eq!(elf.section_by_name(".relr.dyn").is_some(), has_relr);
}
