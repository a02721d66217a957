//! `$fopen`/`$fclose`/`$fflush` and writes to design file descriptors.
//!
//! As in Icarus: `$fopen(name)` returns a multi-channel descriptor (one bit
//! of 1..30; bit 0 is stdout), `$fopen(name, mode)` a file descriptor with
//! bit 31 set (`0x8000_0000 | n`, n >= 3; 1 = stdout, 2 = stderr).

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
}

static FILES: Global<Option<Files>> = Global::new(None);

fn files() -> &'static mut Files {
    FILES.get().get_or_insert_with(|| Files { mcd: [0; 31], fds: Vec::new() })
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
