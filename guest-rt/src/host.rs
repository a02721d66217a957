//! The artifact's imports: host services (module `env`) and the compiler's
//! step-function dispatcher (module `gen`). On native builds (unit tests)
//! they are replaced by hooks a test installs: captured output per fd, a
//! table of readable files, plusargs, and a Rust `dispatch` function.

#[cfg(target_arch = "wasm32")]
mod imports {
    #[link(wasm_import_module = "env")]
    extern "C" {
        pub fn host_write(fd: i32, ptr: i32, len: i32);
        pub fn host_fopen(name_ptr: i32, name_len: i32, mode_ptr: i32, mode_len: i32) -> i32;
        pub fn host_fclose(fd: i32);
        pub fn host_fflush(fd: i32);
        pub fn host_fread(fd: i32, dst: i32, cap: i32) -> i32;
        pub fn host_fseek(fd: i32, offset: i64, whence: i32) -> i64;
        pub fn host_read_file(name_ptr: i32, name_len: i32, dst: i32, cap: i32) -> i64;
        pub fn host_plusargs(dst: i32, cap: i32) -> i32;
        pub fn host_dump(op: i32, time: i64, arg: i64, text_ptr: i32, text_len: i32) -> i32;
        pub fn host_diag(
            severity: i32,
            code_ptr: i32,
            code_len: i32,
            site: i32,
            frame: i32,
            msg_ptr: i32,
            msg_len: i32,
        );
    }

    #[link(wasm_import_module = "gen")]
    extern "C" {
        pub fn dispatch(func: i32, frame: i32) -> i32;
        pub fn run_statics(base: i32) -> i32;
        pub fn timer_body(frame: i32) -> i32;
        pub fn commit_shadows(unused: i32) -> i32;
        pub fn timer_steps(steps: i32) -> i32;
    }
}

use alloc::vec::Vec;

/// Runs step function `func` on `frame`; returns an `abi::status`.
pub fn dispatch(func: u32, frame: u32) -> i32 {
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: an import provided by the compiler.
        unsafe { imports::dispatch(func as i32, frame as i32) }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        (native::state().dispatch)(func, frame)
    }
}

/// Runs the static processes' runner (`wsim_abi::import::RUN_STATICS`): a
/// direct call, without `dispatch`'s table jump.
pub fn run_statics(base: u32) -> i32 {
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: an import provided by the compiler.
        unsafe { imports::run_statics(base as i32) }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        (native::state().direct)(wsim_abi::import::RUN_STATICS, base)
    }
}

/// Runs one period of the timer thread `frame` (`wsim_abi::import::TIMER_BODY`).
pub fn timer_body(frame: u32) -> i32 {
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: an import provided by the compiler.
        unsafe { imports::timer_body(frame as i32) }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        (native::state().direct)(wsim_abi::import::TIMER_BODY, frame)
    }
}

/// Commits the armed NBA shadows (`wsim_abi::import::COMMIT_SHADOWS`).
pub fn commit_shadows() {
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: an import provided by the compiler.
        unsafe { imports::commit_shadows(0) };
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        (native::state().direct)(wsim_abi::import::COMMIT_SHADOWS, 0);
    }
}

/// Runs up to `steps` quiet periods of the design's one timer
/// (`wsim_abi::import::TIMER_STEPS`); returns how many it did not start.
pub fn timer_steps(steps: u32) -> u32 {
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: an import provided by the compiler.
        unsafe { imports::timer_steps(steps as i32) as u32 }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        (native::state().direct)(wsim_abi::import::TIMER_STEPS, steps) as u32
    }
}

/// Writes bytes to host fd `fd`.
pub fn write(fd: i32, data: &[u8]) {
    if data.is_empty() {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: `data` lies in linear memory.
        unsafe { imports::host_write(fd, data.as_ptr() as i32, data.len() as i32) }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        native::state().output.push((fd, data.to_vec()));
    }
}

/// Opens a file; returns a host fd >= 3 or 0.
pub fn fopen(name: &[u8], mode: &[u8]) -> i32 {
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: both slices lie in linear memory.
        unsafe { imports::host_fopen(name.as_ptr() as i32, name.len() as i32, mode.as_ptr() as i32, mode.len() as i32) }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let s = native::state();
        if mode.first() == Some(&b'r') && !s.files.iter().any(|(n, _)| n == name) {
            return 0;
        }
        s.next_fd += 1;
        s.opened.push((s.next_fd, name.to_vec()));
        s.next_fd
    }
}

pub fn fclose(fd: i32) {
    #[cfg(target_arch = "wasm32")]
    // SAFETY: plain import call.
    unsafe {
        imports::host_fclose(fd)
    }
    #[cfg(not(target_arch = "wasm32"))]
    native::state().closed.push(fd);
}

pub fn fflush(fd: i32) {
    #[cfg(target_arch = "wasm32")]
    // SAFETY: plain import call.
    unsafe {
        imports::host_fflush(fd)
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = fd;
}

/// Reads at most `buf.len()` bytes of host fd `fd` at its position: the
/// count (0 at the end), or -1 when the fd cannot be read.
pub fn fread(fd: i32, buf: &mut [u8]) -> i32 {
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: `buf` lies in linear memory; the host writes at most its length.
        unsafe { imports::host_fread(fd, buf.as_mut_ptr() as i32, buf.len() as i32) }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        native::fread(fd, buf)
    }
}

/// Moves host fd `fd` (whence 0 start, 1 current, 2 end): the new
/// position, or -1.
pub fn fseek(fd: i32, offset: i64, whence: i32) -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: plain import call.
        unsafe { imports::host_fseek(fd, offset, whence) }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        native::fseek(fd, offset, whence)
    }
}

/// The whole content of a file, or None when it cannot be read.
pub fn read_file(name: &[u8]) -> Option<Vec<u8>> {
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: pointers lie in linear memory; the host copies at most cap.
        unsafe {
            let size = imports::host_read_file(name.as_ptr() as i32, name.len() as i32, 0, 0);
            if size < 0 || size > i32::MAX as i64 {
                return None;
            }
            let mut buf = alloc::vec![0u8; size as usize];
            imports::host_read_file(name.as_ptr() as i32, name.len() as i32, buf.as_mut_ptr() as i32, size as i32);
            Some(buf)
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        native::state().files.iter().find(|(n, _)| n == name).map(|(_, d)| d.clone())
    }
}

/// The run's plusargs, without the leading `+`.
pub fn plusargs() -> Vec<Vec<u8>> {
    #[cfg(target_arch = "wasm32")]
    let raw = {
        // SAFETY: the host copies at most `cap` bytes into our buffer.
        unsafe {
            let len = imports::host_plusargs(0, 0).max(0) as usize;
            let mut buf = alloc::vec![0u8; len];
            imports::host_plusargs(buf.as_mut_ptr() as i32, len as i32);
            buf
        }
    };
    #[cfg(not(target_arch = "wasm32"))]
    let raw = native::state().plusargs.clone();
    raw.split(|&b| b == 0).filter(|a| !a.is_empty()).map(|a| a.to_vec()).collect()
}

/// A waveform request (`wsim_abi::dump`); true when the host wants step
/// mode on.
pub fn dump(op: i32, time: u64, arg: i64, text: &[u8]) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: `text` lies in linear memory.
        unsafe { imports::host_dump(op, time as i64, arg, text.as_ptr() as i32, text.len() as i32) != 0 }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let s = native::state();
        s.dumps.push((op, time, arg, text.to_vec()));
        s.dump_step_mode
    }
}

/// A run-time diagnostic (`wsim_abi::import::DIAG`): `code` like `E0504`,
/// located at meta `sites[site]`, or at the process whose frame is `frame`
/// when `site` is -1.
pub fn diag(severity: i32, code: &str, site: i32, frame: u32, msg: &str) {
    #[cfg(target_arch = "wasm32")]
    // SAFETY: both strings lie in linear memory.
    unsafe {
        imports::host_diag(
            severity,
            code.as_ptr() as i32,
            code.len() as i32,
            site,
            frame as i32,
            msg.as_ptr() as i32,
            msg.len() as i32,
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let line = alloc::format!("{code} site={site} frame={frame}: {msg}\n");
        let _ = severity;
        native::state().output.push((2, line.into_bytes()));
    }
}

/// Native stand-ins for the imports, driven by tests.
#[cfg(not(target_arch = "wasm32"))]
pub mod native {
    use crate::mem::Global;
    use alloc::vec::Vec;

    pub struct HostState {
        pub dispatch: fn(u32, u32) -> i32,
        /// The other `gen` imports: (import name, argument) -> result.
        pub direct: fn(&str, u32) -> i32,
        /// Every `write`: (fd, bytes).
        pub output: Vec<(i32, Vec<u8>)>,
        /// Files `read_file` can read: (name, content).
        pub files: Vec<(Vec<u8>, Vec<u8>)>,
        pub plusargs: Vec<u8>,
        pub next_fd: i32,
        pub opened: Vec<(i32, Vec<u8>)>,
        pub closed: Vec<i32>,
        /// Every `dump`: (op, time, arg, text).
        pub dumps: Vec<(i32, u64, i64, Vec<u8>)>,
        /// What `dump` answers.
        pub dump_step_mode: bool,
        /// Read position of each fd `fread` used: (fd, offset).
        pub positions: Vec<(i32, usize)>,
    }

    fn no_dispatch(_: u32, _: u32) -> i32 {
        wsim_abi::status::DONE
    }

    fn no_direct(name: &str, _: u32) -> i32 {
        panic!("no native stand-in for gen.{name}")
    }

    static STATE: Global<Option<HostState>> = Global::new(None);

    pub fn state() -> &'static mut HostState {
        STATE.get().get_or_insert_with(|| HostState {
            dispatch: no_dispatch,
            direct: no_direct,
            output: Vec::new(),
            files: Vec::new(),
            plusargs: Vec::new(),
            next_fd: 2,
            opened: Vec::new(),
            closed: Vec::new(),
            dumps: Vec::new(),
            dump_step_mode: false,
            positions: Vec::new(),
        })
    }

    /// The content of the file opened as `fd` (read-only stand-in: the
    /// `files` table) and its position.
    fn open_file(fd: i32) -> Option<(Vec<u8>, usize)> {
        let s = state();
        let name = s.opened.iter().find(|(f, _)| *f == fd)?.1.clone();
        let data = s.files.iter().find(|(n, _)| *n == name)?.1.clone();
        let pos = s.positions.iter().find(|(f, _)| *f == fd).map_or(0, |p| p.1);
        Some((data, pos))
    }

    fn set_position(fd: i32, pos: usize) {
        let s = state();
        s.positions.retain(|(f, _)| *f != fd);
        s.positions.push((fd, pos));
    }

    pub fn fread(fd: i32, buf: &mut [u8]) -> i32 {
        let Some((data, pos)) = open_file(fd) else { return -1 };
        let n = data.len().saturating_sub(pos).min(buf.len());
        buf[..n].copy_from_slice(&data[pos..pos + n]);
        set_position(fd, pos + n);
        n as i32
    }

    pub fn fseek(fd: i32, offset: i64, whence: i32) -> i64 {
        let Some((data, pos)) = open_file(fd) else { return -1 };
        let base = match whence {
            0 => 0,
            1 => pos as i64,
            _ => data.len() as i64,
        };
        let to = base + offset;
        if to < 0 {
            return -1;
        }
        set_position(fd, to as usize);
        to
    }

    /// Forgets everything (a fresh host).
    pub fn reset() {
        *STATE.get() = None;
    }

    /// All bytes written to `fd`, as text.
    pub fn output_of(fd: i32) -> alloc::string::String {
        let bytes: Vec<u8> = state().output.iter().filter(|(f, _)| *f == fd).flat_map(|(_, b)| b.clone()).collect();
        alloc::string::String::from_utf8_lossy(&bytes).into_owned()
    }
}
