//! The `wsim` binary: see `wsim --help` and the `wsim` library crate.

fn main() -> std::process::ExitCode {
    wsim::main_with_args(std::env::args().collect()).into()
}
