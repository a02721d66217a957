//! The `wsim` binary: see `wsim --help` and the `wsim` library crate.

/// The front end allocates one small node per AST item and frees them all at
/// once; mimalloc roughly halves that cost against glibc malloc (measured on
/// the 1 MB parse benchmark), which is most of the parse time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    wsim::main_with_args(std::env::args().collect()).into()
}
