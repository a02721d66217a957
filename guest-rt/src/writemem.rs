//! `$writememh` / `$writememb` (IEEE 1364-2005 17.2.9, as vvp writes it):
//! one word per line, every digit of the element (x/z letters as `%h`/`%b`
//! print them), and a `// 0x%08x` comment with the word count before every
//! 16 words. Addresses run from `start` to `end` (either order), by default
//! over the whole array from the lower to the higher index.

use crate::format::numbers::radix_digits;
use crate::format::string_bytes;
use crate::host;
use crate::mem;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wsim_abi::value_bytes;

/// The text of a memory file for `words` (element values, in file order).
pub fn memory_text<'a>(words: impl Iterator<Item = &'a [u64]>, w: u32, hex: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (count, v) in words.enumerate() {
        if count % 16 == 0 {
            out.extend_from_slice(format!("// 0x{count:08x}\n").as_bytes());
        }
        out.extend_from_slice(&radix_digits(v, w, if hex { 4 } else { 1 }));
        out.push(b'\n');
    }
    out
}

/// The addresses `first..=last` in the order vvp visits them, or an
/// error message when one lies outside the declared bounds.
fn address_range(task: &str, lower: i32, upper: i32, start: i64, end: i64) -> Result<(i64, i64), String> {
    let (lo, hi) = (lower.min(upper) as i64, lower.max(upper) as i64);
    let (first, last) = match (start >= 0, end >= 0) {
        (true, true) => (start, end),
        (true, false) => (start, hi),
        _ => (lo, hi),
    };
    for (what, a) in [("Start", first), ("Finish", last)] {
        if a < lo || a > hi {
            return Err(format!("ERROR: {task}: {what} address {a} is out of bounds for memory [{lower}:{upper}]!\n"));
        }
    }
    Ok((first, last))
}

/// `rt_writemem(name, name_w, mem, elem_w, n_elems, lower, upper, start, end, hex, site)`:
/// arguments as for `rt_readmem`.
#[no_mangle]
pub extern "C" fn rt_writemem(
    name: u32,
    name_w: u32,
    mem_base: u32,
    elem_w: u32,
    n_elems: u32,
    lower: i32,
    upper: i32,
    start: i64,
    end: i64,
    hex: i32,
    site: i32,
) {
    let task = if hex != 0 { "$writememh" } else { "$writememb" };
    if end < 0 && lower > upper {
        host::write(1, format!("WARNING: {task}: Standard inconsistency, following 1364-2005.\n").as_bytes());
    }
    let (first, last) = match address_range(task, lower, upper, start, end) {
        Ok(r) => r,
        Err(msg) => return host::write(1, msg.as_bytes()),
    };
    let fname = string_bytes(mem::value(name, name_w.max(1)), name_w.max(1));
    let fd = host::fopen(&fname, b"w");
    if fd == 0 {
        let msg = format!("{task}: cannot open {} for writing", String::from_utf8_lossy(&fname));
        return host::diag(wsim_abi::severity::ERROR, "E0505", site, 0, &msg);
    }
    let lo = lower.min(upper) as i64;
    let step: i64 = if first <= last { 1 } else { -1 };
    let count = (last - first).abs() + 1;
    let stride = value_bytes(elem_w);
    let words = (0..count)
        .map(|k| first + k * step - lo)
        .filter(|&i| i >= 0 && (i as u64) < n_elems as u64)
        .map(|i| mem::value(mem_base + i as u32 * stride, elem_w));
    host::write(fd, &memory_text(words, elem_w, hex != 0));
    host::fclose(fd);
}
