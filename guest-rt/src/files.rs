//! `$fopen`/`$fclose`/`$fflush` and writes to design file descriptors.
//!
//! As in Icarus: `$fopen(name)` returns a multi-channel descriptor (one bit
//! of 1..30; bit 0 is stdout), `$fopen(name, mode)` a file descriptor with
//! bit 31 set (`0x8000_0000 | n`, n >= 3; 1 = stdout, 2 = stderr).
//!
//! Reading (`$fgetc $ungetc $fgets $fread $fscanf`) and positioning
//! (`$ftell $fseek $rewind $feof $ferror`) work on fd-form descriptors only
//! (an MCD is write-only, IEEE 1364-2005 17.2.1). The host reads and seeks
//! (`host_fread`, `host_fseek`); each fd keeps here what C's stdio keeps in
//! its `FILE`: the bytes `$ungetc` pushed back, the end-of-file flag and the
//! last error (`errno` values, reported by `$ferror`).

use crate::format::string_bytes;
use crate::host;
use crate::mem::{self, Global};
use alloc::vec::Vec;

const FD_BIT: u32 = 0x8000_0000;

struct Files {
    /// Host fd of each MCD channel (index = bit); 0 = closed.
    mcd: [i32; 31],
    /// Host fd of each fd-form descriptor (index = low bits); 0 = closed.
    fds: Vec<i32>,
    /// Read state of each fd-form descriptor (same index as `fds`).
    reads: Vec<ReadState>,
    /// The error of the last failed operation on a descriptor that is not
    /// open (`$ferror` of it reports this).
    last_error: i32,
}

/// What C's `FILE` remembers besides the position.
#[derive(Clone, Default)]
struct ReadState {
    /// Bytes pushed back by `$ungetc`, the next one last.
    pushback: Vec<u8>,
    eof: bool,
    /// 0, or the `errno` of the last failed operation.
    error: i32,
}

/// `errno` values `$ferror` reports (Linux numbering, as vvp shows them).
const EBADF: i32 = 9;
const EINVAL: i32 = 22;

static FILES: Global<Option<Files>> = Global::new(None);

/// `file:line` text (arena address, length) of the file task running now,
/// for vvp-style messages (set by `rt_file_site` before each call).
static SITE: Global<(u32, u32)> = Global::new((0, 0));

/// `rt_file_site(ptr, len)`: where the next file function call is, as
/// `file:line` text.
#[no_mangle]
pub extern "C" fn rt_file_site(ptr: u32, len: u32) {
    *SITE.get() = (ptr, len);
}

/// Prints `LEVEL: file:line: text` on stdout, as vvp does.
pub fn site_message(level: &str, text: &str) {
    let (ptr, len) = *SITE.get();
    let mut line = Vec::new();
    line.extend_from_slice(level.as_bytes());
    line.extend_from_slice(b": ");
    if len > 0 {
        line.extend_from_slice(mem::bytes(ptr, len));
        line.extend_from_slice(b": ");
    }
    line.extend_from_slice(text.as_bytes());
    line.push(b'\n');
    host::write(1, &line);
}

/// vvp's message for a descriptor that is not open for reading.
pub fn bad_descriptor(d: u32, task: &str, level: &str) {
    site_message(level, &alloc::format!("invalid file descriptor (0x{d:x}) given to {task}."));
}

/// `readable`, with vvp's warning when `d` is not.
fn checked(d: u32, task: &str) -> Option<(i32, &'static mut ReadState)> {
    let r = readable(d);
    if r.is_none() {
        bad_descriptor(d, task, "WARNING");
    }
    r
}

fn files() -> &'static mut Files {
    FILES.get().get_or_insert_with(|| Files { mcd: [0; 31], fds: Vec::new(), reads: Vec::new(), last_error: 0 })
}

pub fn reset() {
    if let Some(old) = FILES.get().take() {
        core::mem::forget(old);
    }
}

/// The host fds a design descriptor names.
fn targets(d: u32) -> Vec<i32> {
    let f = files();
    if d & FD_BIT != 0 {
        let idx = (d & !FD_BIT) as usize;
        return match idx {
            0 => Vec::new(),
            1 => alloc::vec![1],
            2 => alloc::vec![2],
            _ => f.fds.get(idx).copied().filter(|&h| h != 0).into_iter().collect(),
        };
    }
    let mut out = Vec::new();
    if d & 1 != 0 {
        out.push(1);
    }
    for bit in 1..31 {
        if d & (1 << bit) != 0 && f.mcd[bit] != 0 {
            out.push(f.mcd[bit]);
        }
    }
    out
}

/// Writes to every file a design descriptor or MCD names.
pub fn write_mcd(d: u32, data: &[u8]) {
    for h in targets(d) {
        host::write(h, data);
    }
}

/// `rt_fopen(name, name_w, mode, mode_w) -> descriptor` (mode 0: MCD).
#[no_mangle]
pub extern "C" fn rt_fopen(name: u32, name_w: u32, mode: u32, mode_w: u32) -> i32 {
    let name = string_bytes(mem::value(name, name_w.max(1)), name_w.max(1));
    if mode == 0 || mode_w == 0 {
        let Some(bit) = (1..31).find(|&b| files().mcd[b] == 0) else {
            return 0;
        };
        let h = host::fopen(&name, b"w");
        if h <= 0 {
            return 0;
        }
        files().mcd[bit] = h;
        return 1 << bit;
    }
    let mode = string_bytes(mem::value(mode, mode_w), mode_w);
    let h = host::fopen(&name, &mode);
    if h <= 0 {
        files().last_error = 2; // ENOENT
        return 0;
    }
    let f = files();
    if f.fds.len() < 3 {
        f.fds.resize(3, 0);
    }
    let idx = match f.fds.iter().skip(3).position(|&x| x == 0) {
        Some(p) => p + 3,
        None => {
            f.fds.push(0);
            f.fds.len() - 1
        }
    };
    f.fds[idx] = h;
    if f.reads.len() < f.fds.len() {
        f.reads.resize(f.fds.len(), ReadState::default());
    }
    f.reads[idx] = ReadState::default();
    (FD_BIT | idx as u32) as i32
}

/// `rt_fclose(fd)`.
#[no_mangle]
pub extern "C" fn rt_fclose(d: i32) {
    let d = d as u32;
    let f = files();
    if d & FD_BIT != 0 {
        let idx = (d & !FD_BIT) as usize;
        if idx >= 3 {
            if let Some(h) = f.fds.get_mut(idx) {
                if *h != 0 {
                    host::fclose(*h);
                    *h = 0;
                }
            }
        }
        return;
    }
    for bit in 1..31 {
        if d & (1 << bit) != 0 && f.mcd[bit] != 0 {
            host::fclose(f.mcd[bit]);
            f.mcd[bit] = 0;
        }
    }
}

/// `rt_fflush(fd)`: 0 flushes everything.
#[no_mangle]
pub extern "C" fn rt_fflush(d: i32) {
    if d == 0 {
        host::fflush(0);
        return;
    }
    for h in targets(d as u32) {
        host::fflush(h);
    }
}

/// The host fd and read state of an open fd-form descriptor.
fn readable(d: u32) -> Option<(i32, &'static mut ReadState)> {
    let f = files();
    let idx = (d & !FD_BIT) as usize;
    if d & FD_BIT == 0 || idx < 3 {
        f.last_error = EBADF;
        return None;
    }
    match f.fds.get(idx).copied() {
        Some(h) if h != 0 => Some((h, &mut f.reads[idx])),
        _ => {
            f.last_error = EBADF;
            None
        }
    }
}

/// The next byte of descriptor `d`, or `None` at the end (or on an error).
pub fn getc(d: u32) -> Option<u8> {
    let (h, st) = readable(d)?;
    if let Some(c) = st.pushback.pop() {
        return Some(c);
    }
    let mut b = [0u8];
    match host::fread(h, &mut b) {
        1 => Some(b[0]),
        0 => {
            st.eof = true;
            None
        }
        _ => {
            st.error = EBADF;
            None
        }
    }
}

/// Pushes `c` back onto descriptor `d`; false when `d` cannot be read.
pub fn ungetc(d: u32, c: u8) -> bool {
    match readable(d) {
        Some((_, st)) => {
            st.pushback.push(c);
            st.eof = false;
            true
        }
        None => false,
    }
}

/// Whether `d` is an open fd-form descriptor (else `$fscanf` gives EOF).
pub fn is_readable(d: u32) -> bool {
    readable(d).is_some()
}

/// An [`Input`](crate::scan::Input) over a design file (`$fscanf`).
pub struct FileInput(pub u32);

impl crate::scan::Input for FileInput {
    fn getc(&mut self) -> Option<u8> {
        getc(self.0)
    }
    fn ungetc(&mut self, c: u8) {
        ungetc(self.0, c);
    }
}

/// `rt_fgetc(fd) -> i32`: the next byte, or -1 (EOF).
#[no_mangle]
pub extern "C" fn rt_fgetc(d: i32) -> i32 {
    if checked(d as u32, "$fgetc").is_none() {
        return -1;
    }
    getc(d as u32).map_or(-1, |c| c as i32)
}

/// `rt_ungetc(c, fd) -> i32`: 0 once `c` is pushed back, or -1 (EOF) on an
/// error (1364-2005 17.2.4.3).
#[no_mangle]
pub extern "C" fn rt_ungetc(c: i32, d: i32) -> i32 {
    if checked(d as u32, "$ungetc").is_none() || c < 0 {
        return -1;
    }
    if ungetc(d as u32, c as u8) {
        0
    } else {
        -1
    }
}

/// `rt_fgets(dst, dw, fd) -> i32`: reads up to `dw / 8` characters, up to
/// and including a newline, into the string value `dst`; the number of
/// characters read (0 at the end or on an error, `dst` then untouched).
#[no_mangle]
pub extern "C" fn rt_fgets(dst: u32, dw: u32, d: i32) -> i32 {
    if checked(d as u32, "$fgets").is_none() {
        return 0;
    }
    let most = (dw / 8).max(1) as usize;
    let mut line = Vec::new();
    while line.len() < most {
        let Some(c) = getc(d as u32) else { break };
        line.push(c);
        if c == b'\n' {
            break;
        }
    }
    if !line.is_empty() {
        crate::format::store_text(dst, dw, &line);
    }
    line.len() as i32
}

/// `rt_fread(dst, w, fd) -> i32`: `$fread` into a variable: `ceil(w / 8)`
/// bytes, the first the most significant; bytes not read leave their bits
/// as they were. The number of bytes read.
#[no_mangle]
pub extern "C" fn rt_fread(dst: u32, w: u32, d: i32) -> i32 {
    if checked(d as u32, "$fread").is_none() {
        return 0;
    }
    let bytes = w.div_ceil(8) as usize;
    let mut buf = alloc::vec![0u8; bytes];
    let n = read_bytes(d as u32, &mut buf);
    put_bytes(dst, w, &buf[..n]);
    n as i32
}

/// `rt_fread_mem(mem, elem_w, n_elems, left, right, start: i64, count: i64,
/// fd) -> i32`: `$fread` into a memory declared `[left:right]`, element
/// `i` at `mem + i * value_bytes(elem_w)` (element 0 = the lowest address):
/// from address `start` (`i64::MIN`: the lowest) upwards for `count`
/// elements (`i64::MIN`: to the end of the array), each filled as by
/// `rt_fread`. The number of bytes read. A start outside the range reads
/// nothing; a count past the end reads to the end; both warn (as vvp).
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn rt_fread_mem(
    mem_base: u32,
    elem_w: u32,
    n_elems: u32,
    left: i32,
    right: i32,
    start: i64,
    count: i64,
    d: i32,
) -> i32 {
    if checked(d as u32, "$fread").is_none() {
        return 0;
    }
    let low = left.min(right) as i64;
    let high = left.max(right) as i64;
    let first = if start == i64::MIN { low } else { start };
    if first < low || first > high {
        let msg = alloc::format!("$fread's start argument ({first}) is outside memory range [{left}:{right}].");
        site_message("WARNING", &msg);
        return 0;
    }
    let mut last = high;
    if count != i64::MIN {
        last = first.saturating_add(count).saturating_sub(1);
        if last > high {
            let msg = alloc::format!(
                "$fread's count argument ({count}) is too large for start ({first}) and memory range [{left}:{right}]."
            );
            site_message("WARNING", &msg);
            last = high;
        }
    }
    let stride = wsim_abi::value_bytes(elem_w);
    let bytes = elem_w.div_ceil(8) as usize;
    let mut total = 0;
    let mut buf = alloc::vec![0u8; bytes];
    for addr in first..=last {
        let k = (addr - low) as u32;
        if k >= n_elems {
            break;
        }
        let n = read_bytes(d as u32, &mut buf);
        put_bytes(mem_base + k * stride, elem_w, &buf[..n]);
        total += n;
        if n < bytes {
            break;
        }
    }
    total as i32
}

/// Fills `buf` from descriptor `d` (pushed-back bytes first); the count.
fn read_bytes(d: u32, buf: &mut [u8]) -> usize {
    let Some((h, st)) = readable(d) else { return 0 };
    let mut n = 0;
    while n < buf.len() {
        let Some(c) = st.pushback.pop() else { break };
        buf[n] = c;
        n += 1;
    }
    while n < buf.len() {
        match host::fread(h, &mut buf[n..]) {
            k if k > 0 => n += k as usize,
            0 => {
                st.eof = true;
                break;
            }
            _ => {
                st.error = EBADF;
                break;
            }
        }
    }
    n
}

/// Stores `bytes` into the top of a `w`-bit value, most significant first
/// (byte 0 holds bits `[w-1 -: 8]` of a width rounded up to whole bytes),
/// as 2-state bits; bits no byte reached keep their value.
fn put_bytes(dst: u32, w: u32, bytes: &[u8]) {
    let total = w.div_ceil(8) * 8;
    let v = mem::value_mut(dst, w);
    for (k, &b) in bytes.iter().enumerate() {
        let pos = total as i64 - 8 * (k as i64 + 1);
        crate::logic::set_bits(v, w, pos, &[b as u64, 0], 8);
    }
}

/// `rt_ftell(fd) -> i32`: the position, or -1.
#[no_mangle]
pub extern "C" fn rt_ftell(d: i32) -> i32 {
    let Some((h, st)) = checked(d as u32, "$ftell") else { return -1 };
    let pos = host::fseek(h, 0, 1);
    if pos < 0 {
        st.error = EBADF;
        return -1;
    }
    (pos - st.pushback.len() as i64) as i32
}

/// `rt_fseek(fd, offset, whence) -> i32`: 0, or -1 on an error.
#[no_mangle]
pub extern "C" fn rt_fseek(d: i32, offset: i32, whence: i32) -> i32 {
    let Some((h, st)) = checked(d as u32, "$fseek") else { return -1 };
    if !(0..=2).contains(&whence) {
        st.error = EINVAL;
        site_message("WARNING", &alloc::format!("$fseek's operation must be 0, 1 or 2 given {whence}."));
        return -1;
    }
    seek(h, st, offset as i64, whence)
}

/// `rt_rewind(fd) -> i32`: 0, or -1 on an error.
#[no_mangle]
pub extern "C" fn rt_rewind(d: i32) -> i32 {
    let Some((h, st)) = checked(d as u32, "$rewind") else { return -1 };
    seek(h, st, 0, 0)
}

fn seek(h: i32, st: &mut ReadState, offset: i64, whence: i32) -> i32 {
    let offset = if whence == 1 { offset - st.pushback.len() as i64 } else { offset };
    st.pushback.clear();
    st.eof = false;
    if host::fseek(h, offset, whence) < 0 {
        st.error = EINVAL;
        return -1;
    }
    0
}

/// `rt_feof(fd) -> i32`: 1 once a read hit the end of the file, else 0;
/// -1 for a descriptor that is not open (as vvp).
#[no_mangle]
pub extern "C" fn rt_feof(d: i32) -> i32 {
    match checked(d as u32, "$feof") {
        Some((_, st)) => st.eof as i32,
        None => -1,
    }
}

/// `rt_ferror(fd, dst, dw) -> i32`: the error of the last operation on the
/// descriptor (0: none) and its message into the string value `dst`
/// (written only when `dw` > 0); reading clears it.
#[no_mangle]
pub extern "C" fn rt_ferror(d: i32, dst: u32, dw: u32) -> i32 {
    let code = match readable(d as u32) {
        Some((_, st)) => core::mem::take(&mut st.error),
        None => EBADF,
    };
    if dw > 0 {
        crate::format::store_text(dst, dw, error_text(code).as_bytes());
    }
    code
}

fn error_text(code: i32) -> &'static str {
    match code {
        0 => "",
        2 => "No such file or directory",
        EBADF => "Bad file descriptor",
        EINVAL => "Invalid argument",
        _ => "Unknown error",
    }
}

#[cfg(test)]
mod tests {
    use crate::host::native;
    use crate::mem;
    use crate::testkit::Machine;

    /// Opens `data` as file `name` for reading; the descriptor.
    fn open(m: &mut Machine, name: &str, data: &[u8]) -> i32 {
        native::state().files.push((name.as_bytes().to_vec(), data.to_vec()));
        let (n, nw) = m.string(name);
        let (r, rw) = m.string("r");
        super::rt_fopen(n, nw, r, rw)
    }

    #[test]
    fn getc_ungetc_tell_seek_and_eof() {
        let mut m = Machine::new(1, 0, |_, _| 0);
        let fd = open(&mut m, "in.txt", b"abc");
        assert_eq!(super::rt_fgetc(fd), b'a' as i32);
        assert_eq!(super::rt_ftell(fd), 1);
        assert_eq!(super::rt_ungetc(b'z' as i32, fd), 0);
        assert_eq!(super::rt_ftell(fd), 0, "a pushed-back byte counts as unread");
        assert_eq!(super::rt_fgetc(fd), b'z' as i32);
        assert_eq!(super::rt_fseek(fd, -1, 2), 0);
        assert_eq!(super::rt_fgetc(fd), b'c' as i32);
        assert_eq!(super::rt_feof(fd), 0);
        assert_eq!(super::rt_fgetc(fd), -1);
        assert_eq!(super::rt_feof(fd), 1);
        assert_eq!(super::rt_rewind(fd), 0);
        assert_eq!(super::rt_feof(fd), 0);
        assert_eq!(super::rt_fgetc(fd), b'a' as i32);
        // Not a readable descriptor: EOF and vvp's warning.
        assert_eq!(super::rt_fgetc(1), -1);
        assert!(native::output_of(1).contains("invalid file descriptor (0x1) given to $fgetc."));
        assert_eq!(super::rt_ferror(1, 0, 0), 9);
    }

    #[test]
    fn fgets_and_fread_fill_values() {
        let mut m = Machine::new(1, 0, |_, _| 0);
        let fd = open(&mut m, "l.txt", b"hi\nther\x12\x34\x56");
        let line = m.num(32, 0);
        assert_eq!(super::rt_fgets(line, 32, fd), 3);
        assert_eq!(mem::value(line, 32)[0], 0x0068_690a);
        // At most 4 characters fit in 32 bits.
        assert_eq!(super::rt_fgets(line, 32, fd), 4);
        assert_eq!(mem::value(line, 32)[0], u32::from_be_bytes(*b"ther") as u64);
        let w = m.num(12, 0);
        assert_eq!(super::rt_fread(w, 12, fd), 2, "12 bits take two bytes");
        assert_eq!(mem::value(w, 12)[0], 0x234);
        // One byte left for two: the first (upper) byte is written.
        let v = m.value(16, &[0xffff, 0xffff]);
        assert_eq!(super::rt_fread(v, 16, fd), 1);
        assert_eq!(mem::value(v, 16), [0x56ff, 0x00ff]);
        assert_eq!(super::rt_fgets(line, 32, fd), 0);
    }

    #[test]
    fn fread_into_a_memory_from_a_start_for_a_count() {
        let mut m = Machine::new(1, 0, |_, _| 0);
        let fd = open(&mut m, "b.bin", b"\x01\x02\x03\x04\x05");
        let stride = wsim_abi::value_bytes(8);
        let base = m.alloc(stride * 4);
        // reg [7:0] mem [3:0]; $fread(mem, fd, 1, 2)
        assert_eq!(super::rt_fread_mem(base, 8, 4, 3, 0, 1, 2, fd), 2);
        assert_eq!(mem::value(base + stride, 8)[0], 1);
        assert_eq!(mem::value(base + 2 * stride, 8)[0], 2);
        // A count past the end stops at the last address, with a warning.
        assert_eq!(super::rt_fread_mem(base, 8, 4, 3, 0, 3, 5, fd), 1);
        assert!(native::output_of(1).contains("$fread's count argument (5) is too large for start (3)"));
        assert_eq!(super::rt_fread_mem(base, 8, 4, 3, 0, 7, i64::MIN, fd), 0);
        assert!(native::output_of(1).contains("$fread's start argument (7) is outside memory range [3:0]."));
    }
}
