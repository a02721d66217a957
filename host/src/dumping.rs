//! The `host_dump` import: the design's `$dumpfile`, `$dumpvars`,
//! `$dumpoff`... calls, forwarded to the run's [`Dumper`], and the run-time
//! `--waves` choice that decides whether they are honoured.
//!
//! The guest only forwards requests; the host owns the wave file and reads
//! the arena itself at the end of every time step while dumping is on (the
//! import's answer turns the guest's step mode on), so a run without waves
//! pays nothing.

use crate::services::{read_text, HostState};
use crate::waves::{Dumper, WaveOptions};
use crate::Meta;
use wasmtime::{Caller, Linker};
use wsim_abi::{dump, import};
use wsim_diag::Code;

pub use wsim_diag::codes::run::{DUMP_UNKNOWN, WAVES_IO as DUMP_IO};

/// What `--waves` asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WavesMode {
    /// Honour the design's own `$dump*` calls (the default).
    #[default]
    Design,
    /// `--waves=vcd|fst`: honour them too, and dump the whole design from
    /// time 0 when it never calls `$dumpvars`.
    Always,
    /// `--waves=none`: ignore every `$dump*` call.
    Off,
}

/// The waves part of [`crate::RunOptions`].
#[derive(Clone, Debug, Default)]
pub struct WavesRequest {
    pub mode: WavesMode,
    pub options: WaveOptions,
}

/// The per-run dumping state kept in [`HostState`].
pub struct Waves {
    pub dumper: Dumper,
    /// The wave file the user named (`--waves-file`) is trusted; one the
    /// design named is checked against the file policy.
    user_file: bool,
    /// The first write error: dumping stops, the run ends with exit 3.
    pub error: Option<String>,
}

impl Waves {
    /// The run's dumping state, or `None` for `--waves=none`.
    pub fn new(meta: &Meta, request: &WavesRequest) -> Option<Waves> {
        if request.mode == WavesMode::Off {
            return None;
        }
        let user_file = request.options.file.is_some();
        Some(Waves { dumper: Dumper::new(meta, request.options.clone()), user_file, error: None })
    }

    /// Whether `wsim_run` must stop after every time step.
    pub fn wants_samples(&self) -> bool {
        self.error.is_none() && self.dumper.wants_samples()
    }
}

impl HostState {
    /// One `$dump*` request at `time`; returns whether step mode must be on.
    fn dump_request(&mut self, op: i32, time: u64, arg: i64, text: &str) -> bool {
        if self.waves.is_none() {
            return false;
        }
        if op == dump::VARS && !self.wave_file_granted() {
            self.waves = None;
            return false;
        }
        let Some(waves) = self.waves.as_mut() else { return false };
        let d = &mut waves.dumper;
        let mut unknown = None;
        match op {
            dump::FILE => d.dumpfile(text),
            dump::VARS => {
                let items: Vec<String> = text.lines().filter(|l| !l.is_empty()).map(str::to_string).collect();
                let levels = u32::try_from(arg).unwrap_or(0);
                unknown = d.dumpvars(time, levels, &items).err();
            }
            dump::OFF => d.dumpoff(time),
            dump::ON => d.dumpon(time),
            dump::ALL => d.dumpall(time),
            dump::FLUSH => d.dumpflush(),
            dump::LIMIT => d.dumplimit(u64::try_from(arg).unwrap_or(0)),
            _ => {}
        }
        let wants = waves.wants_samples();
        if let Some(msg) = unknown {
            self.warn(DUMP_UNKNOWN, &format!("$dumpvars: {msg}"));
        }
        wants
    }

    /// Check the file the design chose with `$dumpfile` against the file
    /// policy (a refusal is reported by `check_file`).
    fn wave_file_granted(&mut self) -> bool {
        let Some(waves) = &self.waves else { return false };
        if waves.user_file {
            return true;
        }
        let (path, _) = waves.dumper.output_path();
        self.check_file(&path.to_string_lossy(), crate::sandbox::Access::Write).is_some()
    }

    /// Write one span-less warning line to the run's stderr.
    pub(crate) fn warn(&mut self, code: Code, message: &str) {
        let d = wsim_diag::Diagnostic::warning(code, None, message.to_string());
        let text = wsim_diag::render_with(&wsim_diag::SourceMap::new(), &d, &self.diag_context.render);
        self.write(wsim_abi::fd::STDERR, text.as_bytes());
    }
}

/// Define `env.host_dump` on `linker`.
pub fn add_to_linker(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    linker.func_wrap(
        import::MODULE,
        import::DUMP,
        |mut caller: Caller<'_, HostState>, op: i32, time: i64, arg: i64, ptr: i32, len: i32| {
            let text = read_text(&caller, ptr, len, import::DUMP)?;
            Ok(caller.data_mut().dump_request(op, time.max(0) as u64, arg, &text) as i32)
        },
    )?;
    Ok(())
}
