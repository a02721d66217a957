//! The process exit codes of `wsim`, in one place (users-expect.md section 7).
//!
//! | code | when |
//! |---|---|
//! | 0 | `$finish`, or no events left, and the design's exit code is 0 |
//! | 1 | `$fatal`, or a run-time error the design reported (delta limit...) |
//! | n | the design asked for exit code n (`wsim_exit_code`, e.g. `$finish_and_return(n)`), n in 1..=255 |
//! | 2 | compile error, or a malformed command line |
//! | 3 | run-time tool error: missing or bad artifact, trap, host failure |
//! | 124 | `--max-time` reached with events still pending (like `timeout`) |

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
    /// Exit 124: stopped at `--max-time`.
    TimeLimit,
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
        }
    }

    /// The exit of a run that did not trap.
    pub fn of_run(outcome: &wsim_host::RunOutcome) -> Exit {
        use wsim_host::EndReason;
        match outcome.reason {
            EndReason::TimeLimit => Exit::TimeLimit,
            EndReason::Error if outcome.exit_code == 0 => Exit::DesignFailed,
            _ if outcome.exit_code != 0 => Exit::Design(outcome.exit_code),
            EndReason::Error => Exit::DesignFailed,
            EndReason::Idle | EndReason::Finished | EndReason::Stopped => Exit::Success,
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> std::process::ExitCode {
        std::process::ExitCode::from(e.code() as u8)
    }
}
