//! Error tests: each `tests/errors/*.{v,sv}` (header `kind = "compile-error"`)
//! must make `wsim compile` fail with exactly the rendered diagnostics of its
//! expected block on stderr, and exit code 2. `WSIM_BLESS=1` rewrites them.

use wsim_tests::{harness, tools};

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let trials = harness::wsim_trials(&tools::tests_dir().join("errors"));
    libtest_mimic::run(&args, trials).exit();
}
