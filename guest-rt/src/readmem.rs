//! `$readmemh` / `$readmemb` (IEEE 1364-2005 17.2.9, as Icarus does it):
//! whitespace, `//` and `/* */` comments, `@hex` addresses, digits with
//! x/z/`_`, an optional start/end range and direction; warnings (on stdout,
//! like vvp) for excess digits, too many or too few words.

use crate::format::string_bytes;
use crate::host;
use crate::logic::limbs;
use crate::mem;
use crate::plusargs::{digit_value, parse_radix};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wsim_abi::value_bytes;

/// One lexical item of a memory file.
enum Item<'a> {
    Addr(&'a [u8]),
    Word(&'a [u8]),
}

/// Splits a memory file into addresses and words, skipping comments.
fn items(data: &[u8]) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if data[i..].starts_with(b"//") {
            while i < data.len() && data[i] != b'\n' {
                i += 1;
            }
        } else if data[i..].starts_with(b"/*") {
            i += 2;
            while i < data.len() && !data[i..].starts_with(b"*/") {
                i += 1;
            }
            i = (i + 2).min(data.len());
        } else {
            let start = i;
            while i < data.len()
                && !data[i].is_ascii_whitespace()
                && !data[i..].starts_with(b"//")
                && !data[i..].starts_with(b"/*")
            {
                i += 1;
            }
            let tok = &data[start..i];
            out.push(if c == b'@' { Item::Addr(&tok[1..]) } else { Item::Word(tok) });
        }
    }
    out
}

fn warn(msg: String) {
    host::write(1, msg.as_bytes());
}

fn parse_hex_addr(t: &[u8]) -> Option<i64> {
    let mut v: i64 = 0;
    let mut any = false;
    for &c in t {
        if c == b'_' {
            continue;
        }
        v = v.checked_mul(16)?.checked_add((c as char).to_digit(16)? as i64)?;
        any = true;
    }
    any.then_some(v)
}

/// `rt_readmem(name, name_w, mem, elem_w, n_elems, lower, upper, start, end, hex, site)`.
#[no_mangle]
pub extern "C" fn rt_readmem(
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
    let task = if hex != 0 { "$readmemh" } else { "$readmemb" };
    let fname = string_bytes(mem::value(name, name_w.max(1)), name_w.max(1));
    let fname_s = String::from_utf8_lossy(&fname).into_owned();
    let Some(data) = host::read_file(&fname) else {
        let msg = format!("{task}: cannot open {fname_s} for reading");
        host::diag(wsim_abi::severity::ERROR, "E0505", site, 0, &msg);
        return;
    };
    let (lo, hi) = ((lower.min(upper)) as i64, (lower.max(upper)) as i64);
    let (first, last) = match (start >= 0, end >= 0) {
        (true, true) => (start, end),
        (true, false) => (start, hi),
        _ => {
            if lower > upper {
                warn(format!("WARNING: {task}: Standard inconsistency, following 1364-2005.\n"));
            }
            (lo, hi)
        }
    };
    let step: i64 = if first <= last { 1 } else { -1 };
    let (rlo, rhi) = (first.min(last), first.max(last));
    let bits = if hex != 0 { 4 } else { 1 };
    let stride = value_bytes(elem_w);
    let mut addr = first;
    let mut words = 0i64;
    let mut saw_addr = false;
    let mut buf = alloc::vec![0u64; 2 * limbs(elem_w)];
    for item in items(&data) {
        match item {
            Item::Addr(t) => {
                let Some(a) = parse_hex_addr(t) else {
                    warn(format!("WARNING: {task}({fname_s}): Invalid address '@{}'.\n", String::from_utf8_lossy(t)));
                    return;
                };
                saw_addr = true;
                addr = a;
            }
            Item::Word(t) => {
                if addr < rlo || addr > rhi {
                    warn(format!(
                        "WARNING: {task}({fname_s}): Too many words in the file for the requested range [{first}:{last}].\n"
                    ));
                    return;
                }
                let ndig = parse_radix(t, bits, &mut buf, elem_w);
                let valid = t.iter().all(|&c| c == b'_' || digit_value(c, bits).is_some());
                if !valid {
                    warn(format!(
                        "WARNING: {task}({fname_s}): Invalid input character in '{}'.\n",
                        String::from_utf8_lossy(t)
                    ));
                    return;
                }
                let max_digits = elem_w.div_ceil(bits) as usize;
                if ndig > max_digits {
                    let kind = if hex != 0 { "hex" } else { "binary" };
                    warn(format!(
                        "WARNING: {task}: Excess {kind} digits ({} of '{}') while reading {elem_w}-bit words.\n",
                        ndig - max_digits,
                        String::from_utf8_lossy(t)
                    ));
                }
                let idx = addr - lo;
                if idx >= 0 && (idx as u64) < n_elems as u64 {
                    mem::value_mut(mem_base + idx as u32 * stride, elem_w).copy_from_slice(&buf);
                }
                words += 1;
                addr += step;
            }
        }
    }
    if !saw_addr && words < rhi - rlo + 1 {
        warn(format!(
            "WARNING: {task}({fname_s}): Not enough words in the file for the requested range [{first}:{last}].\n"
        ));
    }
}
