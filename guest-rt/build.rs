//! Link settings for the wasm32 build of guest-rt (the cdylib the compiler
//! merges into every artifact): import the arena memory from the host, keep
//! a small stack, export `__heap_base`, drop debug info. Native builds need
//! nothing.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return;
    }
    for arg in ["--import-memory", "--export=__heap_base", "-zstack-size=65536", "--strip-debug"] {
        println!("cargo:rustc-link-arg-cdylib={arg}");
    }
}
