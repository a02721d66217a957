//! The `wsim` binary: see `wsim --help` and the `wsim` library crate.

/// The front end allocates one small node per AST item and frees them all at
/// once; mimalloc roughly halves that cost against glibc malloc (measured on
/// the 1 MB parse benchmark), which is most of the parse time. It is built
/// with `no_thp`: mimalloc otherwise asks for transparent huge pages on its
/// arenas, and each 2 MiB page then counts whole in the RSS although a
/// cached run touches a few KiB of it (picorv32: peak RSS 22.9 -> 10.6 MB,
/// Icarus 7.9 MB; cold compile + start also 0.03 s less system time).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    wsim::main_with_args(std::env::args().collect()).into()
}
