//! The process exit codes of `wsim`, in one place (users-expect.md section 7).
//!
//! | code | when |
//! |---|---|
//! | 0 | `$finish`, or no events left, with no `$error` (or `--no-fail-on-error`) |
//! | 1 | `$fatal`; any `$error` or failed assertion during the run (unless `--no-fail-on-error`); `$stop` (no interactive mode: the run ends, like `vvp -n`, but not as a success); a run-time error the design caused (delta limit...) |
//! | n | the design asked for exit code n (`wsim_exit_code`, e.g. `$finish_and_return(n)`), n in 1..=255 |
//! | 2 | compile error, or a malformed command line |
//! | 3 | run-time tool error: missing or bad artifact, trap, a `$readmemh` file missing, the wave file unwritable, `--max-memory` exceeded |
//! | 124 | `--max-time` (simulated) or `--timeout` (wall) reached (like `timeout`) |
//! | 130 | Ctrl-C (like a shell's 128 + SIGINT) |

/// Why `wsim` exits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Exit 0.
    Success,
    /// Exit 1: the design failed.
    DesignFailed,
    /// The design's own non-zero exit code (1..=255; others become 1).
    Design(i32),
    /// Exit 2: the compilation (or the command line) failed.
    CompileError,
    /// Exit 3: wsim itself could not run the design.
    ToolError,
    /// Exit 124: stopped at `--max-time` or `--timeout`.
    TimeLimit,
    /// Exit 130: Ctrl-C.
    Interrupted,
}

impl Exit {
    pub fn code(self) -> i32 {
        match self {
            Exit::Success => 0,
            Exit::DesignFailed => 1,
            Exit::Design(code) if (1..=255).contains(&code) => code,
            Exit::Design(_) => 1,
            Exit::CompileError => 2,
            Exit::ToolError => 3,
            Exit::TimeLimit => 124,
            Exit::Interrupted => 130,
        }
    }

    /// The exit of a run that did not trap. `fail_on_error`: `$error` and
    /// failed assertions make it exit 1 (the default).
    pub fn of_run(outcome: &wsim_host::RunOutcome, fail_on_error: bool) -> Exit {
        use wsim_host::EndReason;
        let tool_error = outcome.stats.tool_errors > 0 || outcome.waves_error.is_some();
        match outcome.reason {
            EndReason::TimeLimit | EndReason::Timeout => Exit::TimeLimit,
            EndReason::Interrupted => Exit::Interrupted,
            EndReason::MemoryLimit => Exit::ToolError,
            _ if outcome.exit_code != 0 => Exit::Design(outcome.exit_code),
            EndReason::Error => Exit::DesignFailed,
            _ if tool_error => Exit::ToolError,
            _ if fail_on_error && outcome.stats.errors > 0 => Exit::DesignFailed,
            EndReason::Stopped => Exit::DesignFailed,
            EndReason::Idle | EndReason::Finished => Exit::Success,
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> std::process::ExitCode {
        std::process::ExitCode::from(e.code() as u8)
    }
}
