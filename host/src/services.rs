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
//!
//! Files: every service that opens a host file asks the run's
//! [`FilePolicy`] first (see [`crate::sandbox`]). A refused file fails like
//! one that cannot be opened (`host_fopen` returns 0, `host_read_file` -1)
//! and one warning line goes to the run's stderr. A `host_read_file` that
//! fails (a `$readmemh` file missing or refused) is a tool error: the run
//! exits 3.
//!
//! Reads (`host_fread`, `$fgetc`/`$fscanf`/`$fread`...) and positions
//! (`host_fseek`, `$fseek`/`$ftell`/`$rewind`) work on the same fds: each
//! open file keeps a write buffer and a read buffer, and switching between
//! reading, writing and seeking settles the other buffer first, so the file
//! position is always the one the design sees.

use crate::limits::{MemoryLimiter, StopRequest};
use crate::sandbox::{Access, FilePolicy, FILE_REFUSED};
use std::collections::{BTreeMap, BTreeSet};
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::time::Instant;
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
    files: BTreeMap<i32, HostFile>,
    next_fd: i32,
    /// The plusargs without `+`, each followed by NUL.
    plusargs: Vec<u8>,
    /// Which host files the design may open.
    file_policy: FilePolicy,
    /// Files refused by the policy (every attempt).
    files_refused: u32,
    /// The refusals already shown as a warning: (path, access) pairs.
    refusals_shown: BTreeSet<(String, Access)>,
    /// Host-side failures that make the run exit 3 (`read_file` failed).
    tool_errors: u32,
    /// The `--max-memory` limiter; [`crate::limits::install_limiter`]
    /// points the store at it.
    pub limiter: MemoryLimiter,
    /// The stop the watchdog asked for, and when (set by the epoch callback).
    pub(crate) stop: Option<(StopRequest, Instant)>,
    /// Waves of this run (`None`: `--waves=none`); see [`crate::dumping`].
    pub(crate) waves: Option<crate::dumping::Waves>,
    /// Arena address of the guest's current time (`wsim_stat(NOW_ADDR)`).
    pub(crate) now_addr: Option<u32>,
    /// Where run-time diagnostics point (from the meta section).
    pub(crate) diag_context: crate::rundiag::DiagContext,
}

/// At most this many distinct refusal warnings are shown per run (a design
/// looping over file names must not flood the terminal); all are counted.
const MAX_REFUSAL_WARNINGS: usize = 20;

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

/// A file the design opened: written through a buffer, read through another.
struct HostFile {
    writer: BufWriter<File>,
    /// Bytes read ahead from the file and not consumed yet: `read[next..]`.
    read: Vec<u8>,
    next: usize,
}

/// How many bytes one refill of a read buffer asks for.
const READ_CHUNK: usize = 1 << 14;

impl HostFile {
    fn new(file: File) -> HostFile {
        HostFile { writer: BufWriter::new(file), read: Vec::new(), next: 0 }
    }

    /// Give back the bytes read ahead: move the OS position back to the
    /// design's position (before a write or a seek).
    fn drop_read_ahead(&mut self) -> std::io::Result<()> {
        let unread = (self.read.len() - self.next) as i64;
        self.read.clear();
        self.next = 0;
        if unread > 0 {
            self.writer.get_mut().seek(SeekFrom::Current(-unread))?;
        }
        Ok(())
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.drop_read_ahead()?;
        self.writer.write_all(bytes)
    }

    /// Up to `out.len()` bytes from the design's position; 0 at the end.
    fn read_into(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        self.writer.flush()?;
        let mut done = 0;
        while done < out.len() {
            if self.next == self.read.len() {
                self.read.resize(READ_CHUNK, 0);
                let got = self.writer.get_mut().read(&mut self.read);
                let got = got.inspect_err(|_| self.read.clear())?;
                self.read.truncate(got);
                self.next = 0;
                if got == 0 {
                    break;
                }
            }
            let n = (self.read.len() - self.next).min(out.len() - done);
            out[done..done + n].copy_from_slice(&self.read[self.next..self.next + n]);
            self.next += n;
            done += n;
        }
        Ok(done)
    }

    /// Move to `offset` from the start (0), the current position (1) or
    /// the end (2); the new position.
    fn seek(&mut self, offset: i64, whence: i32) -> std::io::Result<u64> {
        self.writer.flush()?;
        self.drop_read_ahead()?;
        let to = match whence {
            0 => SeekFrom::Start(u64::try_from(offset).map_err(|_| std::io::ErrorKind::InvalidInput)?),
            1 => SeekFrom::Current(offset),
            2 => SeekFrom::End(offset),
            _ => return Err(std::io::ErrorKind::InvalidInput.into()),
        };
        self.writer.get_mut().seek(to)
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
            file_policy: FilePolicy::default(),
            files_refused: 0,
            refusals_shown: BTreeSet::new(),
            tool_errors: 0,
            limiter: MemoryLimiter::default(),
            stop: None,
            waves: None,
            now_addr: None,
            diag_context: Default::default(),
        }
    }

    /// Use `policy` for the design's files (the default is the working
    /// directory only).
    pub fn with_file_policy(mut self, policy: FilePolicy) -> HostState {
        self.file_policy = policy;
        self
    }

    /// Cap the arena at `max_bytes` (`--max-memory`); takes effect once
    /// [`crate::limits::install_limiter`] was called on the store.
    pub fn with_memory_limit(mut self, max_bytes: Option<u64>) -> HostState {
        self.limiter = MemoryLimiter::new(max_bytes);
        self
    }

    /// The arena (set by the runner right after creating it, before the
    /// instance exists; services trap when it is missing).
    pub fn set_memory(&mut self, memory: Memory) {
        self.memory = Some(memory);
    }

    /// The arena, once set.
    pub fn memory(&self) -> Option<Memory> {
        self.memory
    }

    /// The file policy of this run.
    pub fn file_policy(&self) -> &FilePolicy {
        &self.file_policy
    }

    /// How many times the policy refused a file.
    pub fn files_refused(&self) -> u32 {
        self.files_refused
    }

    /// Host-side tool errors so far (a `$readmemh` file missing...): the
    /// run must exit 3 when this is not 0.
    pub fn tool_errors(&self) -> u32 {
        self.tool_errors
    }

    /// Whether `--max-memory` refused some growth of the arena.
    pub fn memory_limit_hit(&self) -> bool {
        self.limiter.memory_limit_hit()
    }

    /// The arena's peak size in bytes (as granted by the limiter; 0 when
    /// the limiter was not installed).
    pub fn peak_memory_bytes(&self) -> usize {
        self.limiter.peak_bytes()
    }

    /// The stop the watchdog asked for, if it did (timeout or Ctrl-C).
    pub fn stop_request(&self) -> Option<StopRequest> {
        self.stop.map(|(request, _)| request)
    }

    /// The path to open when the policy grants `path` for `access`; else
    /// `None`, after counting the refusal and warning on the run's stderr.
    /// Every host-side file the design names (wave files too) goes through here.
    pub fn check_file(&mut self, path: &str, access: Access) -> Option<PathBuf> {
        match self.file_policy.check(path) {
            Ok(resolved) => Some(resolved),
            Err(refusal) => {
                self.files_refused += 1;
                let key = (path.to_string(), access);
                if self.refusals_shown.len() < MAX_REFUSAL_WARNINGS && self.refusals_shown.insert(key) {
                    let line = refusal.message(path, access);
                    self.write(fd::STDERR, line.as_bytes());
                    if self.refusals_shown.len() == MAX_REFUSAL_WARNINGS {
                        let more = format!("warning[{}]: further refused files are not shown\n", FILE_REFUSED.id);
                        self.write(fd::STDERR, more.as_bytes());
                    }
                }
                None
            }
        }
    }

    /// `host_read_file`: the whole file, or `None` (counted as a tool error).
    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        let bytes = self.check_file(path, Access::Read).and_then(|resolved| std::fs::read(resolved).ok());
        if bytes.is_none() {
            self.tool_errors += 1;
        }
        bytes
    }

    /// Write to a host fd; unknown fds are ignored (the design closed them).
    pub(crate) fn write(&mut self, fd: i32, bytes: &[u8]) {
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
                    let _ = file.writer.flush();
                }
            }
            fd::STDOUT => self.stdout.flush(),
            fd::STDERR => self.stderr.flush(),
            _ => {
                if let Some(file) = self.files.get_mut(&fd) {
                    let _ = file.writer.flush();
                }
            }
        }
    }

    /// Open `path` with a C `fopen` mode; the new fd, or 0.
    fn open(&mut self, path: &str, mode: &str) -> i32 {
        let (Some(options), Some(access)) = (open_options(mode), Access::of_mode(mode)) else { return 0 };
        let Some(resolved) = self.check_file(path, access) else { return 0 };
        match options.open(resolved) {
            Ok(file) => {
                let fd = self.next_fd;
                self.next_fd += 1;
                self.files.insert(fd, HostFile::new(file));
                fd
            }
            Err(_) => 0,
        }
    }

    fn close(&mut self, fd: i32) {
        if let Some(mut file) = self.files.remove(&fd) {
            let _ = file.writer.flush();
        }
    }

    /// `host_fread`: bytes of an open fd into `out`; the count (0 at the
    /// end of the file), -1 for an fd that is not open or cannot be read.
    fn read_fd(&mut self, fd: i32, out: &mut [u8]) -> i32 {
        match self.files.get_mut(&fd).map(|f| f.read_into(out)) {
            Some(Ok(n)) => n as i32,
            _ => -1,
        }
    }

    /// `host_fseek`: the new position, or -1.
    fn seek_fd(&mut self, fd: i32, offset: i64, whence: i32) -> i64 {
        match self.files.get_mut(&fd).map(|f| f.seek(offset, whence)) {
            Some(Ok(pos)) => pos as i64,
            _ => -1,
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
pub(crate) fn read_text(caller: &Caller<'_, HostState>, ptr: i32, len: i32, service: &str) -> wasmtime::Result<String> {
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
    crate::dumping::add_to_linker(linker)?;
    crate::rundiag::add_to_linker(linker)?;
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
    linker.func_wrap(env, import::FREAD, |mut caller: Caller<'_, HostState>, fd: i32, dst: i32, cap: i32| {
        // Check the destination first: `cap` sizes a host buffer.
        range(memory_of(&caller)?.data(&caller), dst, cap, import::FREAD)?;
        let mut buf = vec![0u8; cap as u32 as usize];
        let n = caller.data_mut().read_fd(fd, &mut buf);
        if n > 0 {
            copy_out(&mut caller, &buf[..n as usize], dst, n, import::FREAD)?;
        }
        Ok(n)
    })?;
    linker.func_wrap(env, import::FSEEK, |mut caller: Caller<'_, HostState>, fd: i32, offset: i64, whence: i32| {
        caller.data_mut().seek_fd(fd, offset, whence)
    })?;
    linker.func_wrap(
        env,
        import::READ_FILE,
        |mut caller: Caller<'_, HostState>, name_ptr: i32, name_len: i32, dst: i32, cap: i32| {
            let name = read_text(&caller, name_ptr, name_len, import::READ_FILE)?;
            match caller.data_mut().read_file(&name) {
                Some(bytes) => {
                    copy_out(&mut caller, &bytes, dst, cap, import::READ_FILE)?;
                    Ok(bytes.len() as i64)
                }
                None => Ok(-1i64),
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

#[cfg(test)]
mod tests {
    use super::HostFile;
    use std::fs::OpenOptions;

    /// One file read, written and repositioned through the same fd keeps
    /// the position the design sees, whatever was buffered.
    #[test]
    fn reads_writes_and_seeks_share_one_position() {
        let dir = std::env::temp_dir().join(format!("wsim-hostfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("rw.txt");
        std::fs::write(&path, b"0123456789").unwrap();
        let file = OpenOptions::new().read(true).write(true).open(&path).unwrap();
        let mut f = HostFile::new(file);
        let mut two = [0u8; 2];
        assert_eq!(f.read_into(&mut two).unwrap(), 2);
        assert_eq!(&two, b"01");
        // The read-ahead buffer holds the rest; a write lands at 2.
        f.write_all(b"ab").unwrap();
        assert_eq!(f.seek(0, 1).unwrap(), 4);
        assert_eq!(f.seek(-1, 2).unwrap(), 9);
        let mut rest = [0u8; 4];
        assert_eq!(f.read_into(&mut rest).unwrap(), 1);
        assert_eq!(f.read_into(&mut rest).unwrap(), 0);
        assert!(f.seek(-20, 0).is_err());
        f.seek(0, 0).unwrap();
        let mut all = [0u8; 10];
        assert_eq!(f.read_into(&mut all).unwrap(), 10);
        assert_eq!(&all, b"01ab456789");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
