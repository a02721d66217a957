//! Golden simulation tests: each `tests/sim/*.{v,sv}` is compiled and run by
//! the `wsim` binary, and its stdout and exit code must equal the file's
//! expected block and `exit` header. `WSIM_BLESS=1` rewrites the blocks.

use wsim_tests::{harness, tools};

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let trials = harness::wsim_trials(&tools::tests_dir().join("sim"));
    libtest_mimic::run(&args, trials).exit();
}
