//! The `env.*` host services an artifact imports (see `wsim_abi::import`).
//!
//! Every service is a typed `func_wrap` closure (a few ns per call). The
//! arena is reached through the [`Memory`] handle kept in [`HostState`], never
//! through a per-call export lookup. Out-of-range pointers trap with a message
//! naming the service, because they mean a guest bug.
//!
//! Output: fd 1 is block-buffered when it is a file or pipe (flushed on
//! `host_fflush`, before anything is written to fd 2, and at the end of the
//! run, so `2>&1` keeps the order the design wrote in) and line-buffered on a
//! terminal, so a user watching a long run sees each line; fd 2 is unbuffered; fds >= 3 are files opened by
//! `host_fopen`, buffered and flushed on `host_fflush`/`host_fclose`/the end.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, IsTerminal, Write};
use wasmtime::{Caller, Linker, Memory};
use wsim_abi::{fd, import};

/// Where fd 1 and fd 2 go.
pub enum Sink {
    /// The process's stdout / stderr.
    Inherit,
    /// An in-memory buffer (for tests and embedders).
    Capture(Vec<u8>),
}

/// Per-run state of the host services, the `T` of the wasmtime `Store`.
pub struct HostState {
    pub(crate) memory: Option<Memory>,
    stdout: Output,
    stderr: Output,
    files: BTreeMap<i32, BufWriter<File>>,
    next_fd: i32,
    /// The plusargs without `+`, each followed by NUL.
    plusargs: Vec<u8>,
}

/// An fd 1 / fd 2 destination.
enum Output {
    /// stdout to a file or pipe: block-buffered.
    Stdout(BufWriter<std::io::Stdout>),
    /// stdout to a terminal: std's own line buffering.
    Terminal(std::io::Stdout),
    Stderr(std::io::Stderr),
    Capture(Vec<u8>),
}

impl Output {
    fn write_all(&mut self, bytes: &[u8]) {
        // A closed pipe (e.g. `wsim run ... | head`) must not kill the run
        // with a panic; the bytes are simply lost, like in C's stdio.
        let _ = match self {
            Output::Stdout(w) => w.write_all(bytes),
            Output::Terminal(w) => w.write_all(bytes),
            Output::Stderr(w) => w.write_all(bytes),
            Output::Capture(v) => {
                v.extend_from_slice(bytes);
                Ok(())
            }
        };
    }
    fn flush(&mut self) {
        let _ = match self {
            Output::Stdout(w) => w.flush(),
            Output::Terminal(w) => w.flush(),
            Output::Stderr(w) => w.flush(),
            Output::Capture(_) => Ok(()),
        };
    }
    fn take_captured(&mut self) -> Vec<u8> {
        match self {
            Output::Capture(v) => std::mem::take(v),
            _ => Vec::new(),
        }
    }
}

impl HostState {
    pub fn new(plusargs: &[String], stdout: Sink, stderr: Sink) -> HostState {
        let mut blob = Vec::new();
        for arg in plusargs {
            blob.extend_from_slice(arg.strip_prefix('+').unwrap_or(arg).as_bytes());
            blob.push(0);
        }
        HostState {
            memory: None,
            stdout: match stdout {
                Sink::Inherit if std::io::stdout().is_terminal() => Output::Terminal(std::io::stdout()),
                Sink::Inherit => Output::Stdout(BufWriter::with_capacity(1 << 16, std::io::stdout())),
                Sink::Capture(v) => Output::Capture(v),
            },
            stderr: match stderr {
                Sink::Inherit => Output::Stderr(std::io::stderr()),
                Sink::Capture(v) => Output::Capture(v),
            },
            files: BTreeMap::new(),
            next_fd: 3,
            plusargs: blob,
        }
    }

    /// Write to a host fd; unknown fds are ignored (the design closed them).
    fn write(&mut self, fd: i32, bytes: &[u8]) {
        match fd {
            fd::STDOUT => self.stdout.write_all(bytes),
            fd::STDERR => {
                self.stdout.flush();
                self.stderr.write_all(bytes);
            }
            _ => {
                if let Some(file) = self.files.get_mut(&fd) {
                    let _ = file.write_all(bytes);
                }
            }
        }
    }

    /// Flush one fd, or everything for fd 0.
    pub fn flush(&mut self, fd: i32) {
        match fd {
            0 => {
                self.stdout.flush();
                self.stderr.flush();
                for file in self.files.values_mut() {
                    let _ = file.flush();
                }
            }
            fd::STDOUT => self.stdout.flush(),
            fd::STDERR => self.stderr.flush(),
            _ => {
                if let Some(file) = self.files.get_mut(&fd) {
                    let _ = file.flush();
                }
            }
        }
    }

    /// Open `path` with a C `fopen` mode; the new fd, or 0.
    fn open(&mut self, path: &str, mode: &str) -> i32 {
        let Some(options) = open_options(mode) else { return 0 };
        match options.open(path) {
            Ok(file) => {
                let fd = self.next_fd;
                self.next_fd += 1;
                self.files.insert(fd, BufWriter::new(file));
                fd
            }
            Err(_) => 0,
        }
    }

    fn close(&mut self, fd: i32) {
        if let Some(mut file) = self.files.remove(&fd) {
            let _ = file.flush();
        }
    }

    /// Flush everything and hand back what was captured (stdout, stderr).
    pub fn finish(&mut self) -> (Vec<u8>, Vec<u8>) {
        self.flush(0);
        let fds: Vec<i32> = self.files.keys().copied().collect();
        for fd in fds {
            self.close(fd);
        }
        (self.stdout.take_captured(), self.stderr.take_captured())
    }
}

/// `OpenOptions` for a C `fopen` mode (`r w a r+ w+ a+`, `b` anywhere).
fn open_options(mode: &str) -> Option<OpenOptions> {
    let plain: String = mode.chars().filter(|&c| c != 'b').collect();
    let mut o = OpenOptions::new();
    match plain.as_str() {
        "r" => o.read(true),
        "w" => o.write(true).create(true).truncate(true),
        "a" => o.append(true).create(true),
        "r+" => o.read(true).write(true),
        "w+" => o.read(true).write(true).create(true).truncate(true),
        "a+" => o.read(true).append(true).create(true),
        _ => return None,
    };
    Some(o)
}

/// `[ptr, ptr+len)` of the arena, or a trap naming `service`.
fn range(data: &[u8], ptr: i32, len: i32, service: &str) -> wasmtime::Result<std::ops::Range<usize>> {
    let (start, len) = (ptr as u32 as usize, len as u32 as usize);
    match start.checked_add(len) {
        Some(end) if end <= data.len() => Ok(start..end),
        _ => Err(wasmtime::format_err!(
            "{service}: bytes {start}..{start}+{len} lie outside the arena ({} bytes)",
            data.len()
        )),
    }
}

/// The arena memory of a caller (set before the instance is created).
fn memory_of(caller: &Caller<'_, HostState>) -> wasmtime::Result<Memory> {
    caller.data().memory.ok_or_else(|| wasmtime::format_err!("host service called before the arena exists"))
}

/// Text at `[ptr, ptr+len)`, lossily decoded (file names, modes).
fn read_text(caller: &Caller<'_, HostState>, ptr: i32, len: i32, service: &str) -> wasmtime::Result<String> {
    let data = memory_of(caller)?.data(caller);
    let r = range(data, ptr, len, service)?;
    Ok(String::from_utf8_lossy(&data[r]).into_owned())
}

/// Copy `src` (at most `cap` bytes of it) to `[dst, dst+cap)`.
fn copy_out(caller: &mut Caller<'_, HostState>, src: &[u8], dst: i32, cap: i32, service: &str) -> wasmtime::Result<()> {
    let n = src.len().min(cap.max(0) as usize);
    let mem = memory_of(caller)?;
    let data = mem.data_mut(caller);
    let r = range(data, dst, n as i32, service)?;
    data[r].copy_from_slice(&src[..n]);
    Ok(())
}

/// Define every `env.*` function import on `linker`.
pub fn add_to_linker(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    let env = import::MODULE;
    linker.func_wrap(env, import::WRITE, |mut caller: Caller<'_, HostState>, fd: i32, ptr: i32, len: i32| {
        let mem = memory_of(&caller)?;
        let (data, state) = mem.data_and_store_mut(&mut caller);
        let r = range(data, ptr, len, import::WRITE)?;
        state.write(fd, &data[r]);
        Ok(())
    })?;
    linker.func_wrap(
        env,
        import::FOPEN,
        |mut caller: Caller<'_, HostState>, name_ptr: i32, name_len: i32, mode_ptr: i32, mode_len: i32| {
            let name = read_text(&caller, name_ptr, name_len, import::FOPEN)?;
            let mode = read_text(&caller, mode_ptr, mode_len, import::FOPEN)?;
            Ok(caller.data_mut().open(&name, &mode))
        },
    )?;
    linker.func_wrap(env, import::FCLOSE, |mut caller: Caller<'_, HostState>, fd: i32| caller.data_mut().close(fd))?;
    linker.func_wrap(env, import::FFLUSH, |mut caller: Caller<'_, HostState>, fd: i32| caller.data_mut().flush(fd))?;
    linker.func_wrap(
        env,
        import::READ_FILE,
        |mut caller: Caller<'_, HostState>, name_ptr: i32, name_len: i32, dst: i32, cap: i32| {
            let name = read_text(&caller, name_ptr, name_len, import::READ_FILE)?;
            match std::fs::read(&name) {
                Ok(bytes) => {
                    copy_out(&mut caller, &bytes, dst, cap, import::READ_FILE)?;
                    Ok(bytes.len() as i64)
                }
                Err(_) => Ok(-1i64),
            }
        },
    )?;
    linker.func_wrap(env, import::PLUSARGS, |mut caller: Caller<'_, HostState>, dst: i32, cap: i32| {
        let blob = std::mem::take(&mut caller.data_mut().plusargs);
        let result = copy_out(&mut caller, &blob, dst, cap, import::PLUSARGS);
        let len = blob.len() as i32;
        caller.data_mut().plusargs = blob;
        result.map(|()| len)
    })?;
    Ok(())
}
