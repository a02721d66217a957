//! Portability: a compiled artifact is self-contained. The same `.wasm`,
//! copied to another directory and run from a different working directory
//! after the original (and the sources it came from) are gone, prints
//! byte-identical output.

use libtest_mimic::{Failed, Trial};
use wsim_tests::process::{self, ScratchDir};
use wsim_tests::tools;

/// A design that exercises output formatting, time and %m, so anything
/// host-dependent (paths, cwd, timing) would show up in its output.
const DESIGN: &str = r#"module portable;
  reg [63:0] acc;
  integer i;
  initial begin
    acc = 64'h0123_4567_89ab_cdef;
    for (i = 0; i < 10; i = i + 1) begin
      #7 acc = {acc[62:0], acc[63] ^ acc[60]} + i;
      $display("%m t=%0t i=%0d acc=%h %b", $time, i, acc, acc[7:0]);
    end
    $display("real %f %e", 1.5 * i, 3.25);
    $finish;
  end
endmodule
"#;

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let trials = vec![Trial::test("portability/copied_artifact_runs_identically", copied_artifact_runs_identically)];
    libtest_mimic::run(&args, trials).exit();
}

fn wsim(args: &[&std::ffi::OsStr], cwd: &std::path::Path) -> Result<process::Output, Failed> {
    let mut cmd = tools::wsim_command()?;
    cmd.args(args).current_dir(cwd);
    let out = process::run(cmd, process::time_limit())?;
    if out.code != Some(0) {
        return Err(out.describe("wsim").into());
    }
    Ok(out)
}

fn copied_artifact_runs_identically() -> Result<(), Failed> {
    let build = ScratchDir::new("portability-build")?;
    std::fs::write(build.path().join("portable.v"), DESIGN)?;
    let wasm = build.path().join("portable.wasm");
    wsim(&["compile".as_ref(), "portable.v".as_ref(), "-o".as_ref(), wasm.as_os_str()], build.path())?;
    let original = wsim(&["run".as_ref(), wasm.as_os_str()], build.path())?;
    if original.stdout.lines().count() != 11 {
        return Err(format!("unexpected output of the original run:\n{}", original.stdout).into());
    }

    let elsewhere = ScratchDir::new("portability-copy")?;
    let cwd = ScratchDir::new("portability-cwd")?;
    let copied = elsewhere.path().join("moved.wasm");
    std::fs::copy(&wasm, &copied)?;
    drop(build); // the sources and the original artifact are gone now
    let moved = wsim(&["run".as_ref(), copied.as_os_str()], cwd.path())?;
    if moved.stdout.as_bytes() != original.stdout.as_bytes() {
        return Err(format!(
            "output changed after moving the artifact:\n--- original ---\n{}--- moved ---\n{}",
            original.stdout, moved.stdout
        )
        .into());
    }
    Ok(())
}
