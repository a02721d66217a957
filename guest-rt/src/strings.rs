//! SystemVerilog `string` values (IEEE 1800-2017 6.16).
//!
//! A string variable holds a 64-bit handle (see `wsim_ir::TypeKind::String`):
//! the low 32 bits address an immutable heap block, the high 32 bits are the
//! length in bytes; the empty string is handle 0. The block holds the text as
//! an integral value of `8 * len` bits in the arena value layout (last
//! character in the low byte, zero `bval` plane), so converting a string to
//! an integral is a plain resize and display tasks can pass the block as a
//! string-literal argument.
//!
//! Blocks are never changed after they are made, so handles can be copied
//! freely (assignment, nonblocking updates, function arguments). Blocks are
//! interned: one text has one block, so equal strings have equal handles and
//! `@(s)` wakes only when the text changes (the scheduler compares values).
//! Blocks are never reclaimed: memory grows with the number of *distinct*
//! texts a run makes.
//!
//! Every export takes the *address* of each string operand's handle and writes
//! results to a `dst` value address, like the `rt_*` value helpers.

use crate::format::numbers;
use crate::logic;
use crate::mem::{rd64, value, value_mut, wr32, wr64, Global};
use alloc::collections::BTreeMap;
use alloc::vec::Vec;
use wsim_abi::{fmt as af, value_bytes};

/// A decoded handle.
#[derive(Clone, Copy)]
struct Handle {
    block: u32,
    len: u32,
}

fn load(addr: u32) -> Handle {
    let h = rd64(addr);
    Handle { block: h as u32, len: (h >> 32) as u32 }
}

fn store(dst: u32, h: Handle) {
    wr64(dst, h.block as u64 | (h.len as u64) << 32);
    wr64(dst + 8, 0);
}

/// The text of a string, first character first.
fn text(h: Handle) -> Vec<u8> {
    if h.len == 0 {
        return Vec::new();
    }
    numbers::value_bytes_msb_first(value(h.block, h.len * 8), h.len * 8)
}

/// Every text made so far and its block (see the module doc).
static INTERNED: Global<BTreeMap<Vec<u8>, u32>> = Global::new(BTreeMap::new());

/// Forgets every interned block: the heap was reset (`heap::reset`). The
/// old table is leaked, not dropped: its nodes lived in the old heap, and
/// freeing them would put stale blocks on the new heap's free lists.
pub fn forget_all() {
    core::mem::forget(core::mem::take(INTERNED.get()));
}

/// The string of a text. NUL bytes are dropped: a string never contains
/// them (6.16).
fn make(bytes: &[u8]) -> Handle {
    let kept: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
    if kept.is_empty() {
        return Handle { block: 0, len: 0 };
    }
    let len = kept.len() as u32;
    if let Some(&block) = INTERNED.get().get(&kept) {
        return Handle { block, len };
    }
    let w = len * 8;
    let block = crate::heap::alloc(value_bytes(w));
    let v = value_mut(block, w);
    for (i, &b) in kept.iter().rev().enumerate() {
        v[i / 8] |= (b as u64) << ((i % 8) * 8);
    }
    INTERNED.get().insert(kept, block);
    Handle { block, len }
}

fn put(dst: u32, bytes: &[u8]) {
    store(dst, make(bytes));
}

/// A character index from codegen: `i64::MIN` stands for an X/Z index.
fn index(h: Handle, i: i64) -> Option<usize> {
    (i >= 0 && i < h.len as i64).then_some(i as usize)
}

// ---------------------------------------------------------------------------
// Conversions

/// `rt_str_from_int(dst, src, w)`: an integral value to a string: its bytes,
/// most significant first, X/Z bits read as 0, NUL bytes dropped.
#[no_mangle]
pub extern "C" fn rt_str_from_int(dst: u32, src: u32, w: u32) {
    let bytes = numbers::value_bytes_msb_first(value(src, w), w);
    put(dst, &bytes);
}

/// `rt_str_to_int(dst, dw, src)`: a string to a `dw`-bit integral value
/// (text right-aligned, truncated or zero-extended).
#[no_mangle]
pub extern "C" fn rt_str_to_int(dst: u32, dw: u32, src: u32) {
    let h = load(src);
    let d = value_mut(dst, dw);
    if h.len == 0 {
        d.fill(0);
        return;
    }
    logic::resize(d, dw, value(h.block, h.len * 8), h.len * 8, false);
}

/// `rt_str_fmt_arg(rec, src)`: fills a display argument record (`abi::fmt`)
/// for a string variable: its text as a string-literal argument, as vvp
/// passes a string.
#[no_mangle]
pub extern "C" fn rt_str_fmt_arg(rec: u32, src: u32) {
    let h = load(src);
    // The empty string points at its own (zero) handle: one NUL byte, which
    // prints as nothing.
    let (ptr, width) = if h.len == 0 { (src, 8) } else { (h.block, h.len * 8) };
    wr32(rec, af::ARG_STRING);
    wr32(rec + 4, width);
    wr32(rec + 8, ptr);
    wr32(rec + 12, 0);
}

// ---------------------------------------------------------------------------
// Operators

/// `rt_str_compare(a, b, fold_case) -> i32`: <0, 0, >0 like C `strcmp`
/// (`str.compare`, `str.icompare`, and the relational operators).
#[no_mangle]
pub extern "C" fn rt_str_compare(a: u32, b: u32, fold_case: i32) -> i32 {
    let (mut x, mut y) = (text(load(a)), text(load(b)));
    if fold_case != 0 {
        x.make_ascii_lowercase();
        y.make_ascii_lowercase();
    }
    match x.cmp(&y) {
        core::cmp::Ordering::Less => -1,
        core::cmp::Ordering::Equal => 0,
        core::cmp::Ordering::Greater => 1,
    }
}

/// `rt_str_concat(dst, a, b)`: `{a, b}`.
#[no_mangle]
pub extern "C" fn rt_str_concat(dst: u32, a: u32, b: u32) {
    let mut t = text(load(a));
    t.extend(text(load(b)));
    put(dst, &t);
}

/// `rt_str_repeat(dst, a, count)`: `{count{a}}`.
#[no_mangle]
pub extern "C" fn rt_str_repeat(dst: u32, a: u32, count: u32) {
    let t = text(load(a));
    put(dst, &t.repeat(count as usize));
}

// ---------------------------------------------------------------------------
// Methods

/// `rt_str_len(s) -> i32`.
#[no_mangle]
pub extern "C" fn rt_str_len(s: u32) -> i32 {
    load(s).len as i32
}

/// `rt_str_getc(s, i) -> i32`: the byte at `i`, 0 when out of range.
#[no_mangle]
pub extern "C" fn rt_str_getc(s: u32, i: i64) -> i32 {
    let h = load(s);
    match index(h, i) {
        Some(k) => text(h)[k] as i32,
        None => 0,
    }
}

/// `rt_str_putc(dst, s, i, c)`: `s` with byte `i` replaced by `c`; `s`
/// unchanged when `i` is out of range or `c` is 0.
#[no_mangle]
pub extern "C" fn rt_str_putc(dst: u32, s: u32, i: i64, c: i32) {
    let h = load(s);
    let k = match index(h, i) {
        Some(k) if c as u8 != 0 => k,
        _ => return store(dst, h),
    };
    let mut t = text(h);
    t[k] = c as u8;
    put(dst, &t);
}

/// `rt_str_case(dst, s, upper)`: `toupper` / `tolower`.
#[no_mangle]
pub extern "C" fn rt_str_case(dst: u32, s: u32, upper: i32) {
    let mut t = text(load(s));
    if upper != 0 {
        t.make_ascii_uppercase();
    } else {
        t.make_ascii_lowercase();
    }
    put(dst, &t);
}

/// `rt_str_substr(dst, s, i, j)`: characters `i..=j`; empty when
/// `i < 0`, `j < i` or `j >= len`.
#[no_mangle]
pub extern "C" fn rt_str_substr(dst: u32, s: u32, i: i64, j: i64) {
    let h = load(s);
    match (index(h, i), index(h, j)) {
        (Some(a), Some(b)) if a <= b => put(dst, &text(h)[a..=b]),
        _ => put(dst, &[]),
    }
}

/// `rt_str_atoi(dst, s, radix)`: `atoi` (10), `atohex` (16), `atooct` (8),
/// `atobin` (2) into a 32-bit value. Leading white space and a sign are
/// skipped, then digits and underscores are read up to the first other
/// character; no digits give 0.
#[no_mangle]
pub extern "C" fn rt_str_atoi(dst: u32, s: u32, radix: u32) {
    let t = text(load(s));
    let mut rest = t.as_slice();
    while let Some((c, r)) = rest.split_first() {
        if !c.is_ascii_whitespace() {
            break;
        }
        rest = r;
    }
    let negative = rest.first() == Some(&b'-');
    if matches!(rest.first(), Some(b'-' | b'+')) {
        rest = &rest[1..];
    }
    let mut acc: u32 = 0;
    for &c in rest {
        if c == b'_' {
            continue;
        }
        match (c as char).to_digit(radix) {
            Some(d) => acc = acc.wrapping_mul(radix).wrapping_add(d),
            None => break,
        }
    }
    let v = if negative { acc.wrapping_neg() } else { acc };
    logic::from_i64(value_mut(dst, 32), 32, v as i32 as i64);
}

/// `rt_str_atoreal(s) -> f64`: the longest prefix that reads as a real
/// (optional sign, digits and underscores, fraction, exponent); 0.0 if none.
#[no_mangle]
pub extern "C" fn rt_str_atoreal(s: u32) -> f64 {
    let t = text(load(s));
    let start = t.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(t.len());
    let t: Vec<u8> = t[start..].iter().copied().filter(|&c| c != b'_').collect();
    let mut end = real_prefix(&t);
    while end > 0 {
        if let Some(r) = core::str::from_utf8(&t[..end]).ok().and_then(|s| s.parse::<f64>().ok()) {
            return r;
        }
        end -= 1;
    }
    0.0
}

/// Length of the longest prefix shaped like `[+-]digits[.digits][e[+-]digits]`.
fn real_prefix(t: &[u8]) -> usize {
    let digits = |from: usize| from + t[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = if matches!(t.first(), Some(b'-' | b'+')) { 1 } else { 0 };
    i = digits(i);
    if t.get(i) == Some(&b'.') {
        i = digits(i + 1);
    }
    if matches!(t.get(i), Some(b'e' | b'E')) {
        let mut k = i + 1;
        if matches!(t.get(k), Some(b'-' | b'+')) {
            k += 1;
        }
        let e = digits(k);
        if e > k {
            i = e;
        }
    }
    i
}

/// `rt_str_itoa(dst, v, w, signed, radix)`: `itoa` (10), `hextoa` (16),
/// `octtoa` (8), `bintoa` (2): the digits of a `w`-bit value as `%0d`,
/// `%0h`, `%0o`, `%0b` print them (x/z digits included).
#[no_mangle]
pub extern "C" fn rt_str_itoa(dst: u32, v: u32, w: u32, signed: i32, radix: u32) {
    let val = value(v, w);
    let digits = match radix {
        16 => trim_zeros(numbers::radix_digits(val, w, 4)),
        8 => trim_zeros(numbers::radix_digits(val, w, 3)),
        2 => trim_zeros(numbers::radix_digits(val, w, 1)),
        _ => numbers::decimal(val, w, signed != 0),
    };
    put(dst, &digits);
}

/// Drops leading `0` digits, keeping at least one digit (`%0h`).
fn trim_zeros(mut d: Vec<u8>) -> Vec<u8> {
    let lead = d.iter().take_while(|&&c| c == b'0').count().min(d.len().saturating_sub(1));
    d.drain(..lead);
    d
}

/// `rt_str_realtoa(dst, r)`: `realtoa`, the shortest decimal text that
/// reads back as the same value (`atoreal` inverts it, 6.16.15).
#[no_mangle]
pub extern "C" fn rt_str_realtoa(dst: u32, r: f64) {
    put(dst, alloc::format!("{r}").as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::Machine;

    fn machine() -> Machine {
        Machine::new(1, 0, |_, _| 0)
    }

    /// A handle slot holding the string `s`.
    fn string(m: &mut Machine, s: &str) -> u32 {
        let (v, w) = m.string(s);
        let h = m.alloc(16);
        rt_str_from_int(h, v, w);
        h
    }

    fn text_of(h: u32) -> std::string::String {
        std::string::String::from_utf8(text(load(h))).unwrap()
    }

    #[test]
    fn integral_to_string_drops_nul_bytes_and_reads_xz_as_zero() {
        let mut m = machine();
        // 32'h41_00_42_4x: the NUL byte goes, the X bits read as 0.
        let v = m.value(32, &[0x4100_4240, 0x0000_000f]);
        let h = m.alloc(16);
        rt_str_from_int(h, v, 32);
        assert_eq!(text_of(h), "AB@");
        assert_eq!(rt_str_len(h), 3);
        let zero = m.num(32, 0);
        rt_str_from_int(h, zero, 32);
        assert_eq!(rd64(h), 0, "the empty string is handle 0");
    }

    #[test]
    fn string_to_integral_is_right_aligned() {
        let mut m = machine();
        let s = string(&mut m, "abc");
        let d = m.alloc(16);
        rt_str_to_int(d, 16, s);
        assert_eq!(value(d, 16)[0], 0x6263);
        rt_str_to_int(d, 64, s);
        assert_eq!(value(d, 64)[0], 0x61_6263);
    }

    #[test]
    fn putc_getc_substr_leave_out_of_range_alone() {
        let mut m = machine();
        let s = string(&mut m, "Test");
        let d = m.alloc(16);
        rt_str_putc(d, s, 2, b'B' as i32);
        assert_eq!(text_of(d), "TeBt");
        rt_str_putc(d, s, 4, b'B' as i32);
        assert_eq!(text_of(d), "Test");
        rt_str_putc(d, s, 0, 0);
        assert_eq!(text_of(d), "Test");
        assert_eq!(rt_str_getc(s, 3), b't' as i32);
        assert_eq!(rt_str_getc(s, i64::MIN), 0);
        rt_str_substr(d, s, 1, 2);
        assert_eq!(text_of(d), "es");
        rt_str_substr(d, s, 2, 1);
        assert_eq!(text_of(d), "");
        rt_str_substr(d, s, 1, 4);
        assert_eq!(text_of(d), "");
    }

    #[test]
    fn compare_and_concat() {
        let mut m = machine();
        let a = string(&mut m, "abc");
        let b = string(&mut m, "ABD");
        assert_eq!(rt_str_compare(a, b, 0), 1);
        assert_eq!(rt_str_compare(a, b, 1), -1);
        let d = m.alloc(16);
        rt_str_concat(d, a, b);
        assert_eq!(text_of(d), "abcABD");
        rt_str_repeat(d, a, 3);
        assert_eq!(text_of(d), "abcabcabc");
    }

    #[test]
    fn equal_texts_share_one_handle() {
        let mut m = machine();
        let a = string(&mut m, "same");
        let b = string(&mut m, "sa");
        let c = string(&mut m, "me");
        let d = m.alloc(16);
        rt_str_concat(d, b, c);
        assert_eq!(rd64(d), rd64(a));
        assert_ne!(rd64(b), rd64(a));
    }

    #[test]
    fn ato_conversions_stop_at_the_first_other_character() {
        let mut m = machine();
        let d = m.alloc(16);
        for (text, radix, want) in
            [("12_3x4", 10, 123), ("-42", 10, -42), ("fF_1g", 16, 0xff1), ("778", 8, 0o77), ("1021", 2, 2), ("", 10, 0)]
        {
            let s = string(&mut m, text);
            rt_str_atoi(d, s, radix);
            assert_eq!(value(d, 32)[0] as u32 as i32, want, "{text}");
        }
        let s = string(&mut m, "4.76e1xyz");
        assert_eq!(rt_str_atoreal(s), 47.6);
    }

    #[test]
    fn toa_conversions_print_like_zero_width_formats() {
        let mut m = machine();
        let d = m.alloc(16);
        let v = m.num(32, (-12i32) as u32 as u64);
        rt_str_itoa(d, v, 32, 1, 10);
        assert_eq!(text_of(d), "-12");
        rt_str_itoa(d, v, 32, 0, 16);
        assert_eq!(text_of(d), "fffffff4");
        let small = m.num(8, 10);
        rt_str_itoa(d, small, 8, 0, 2);
        assert_eq!(text_of(d), "1010");
        rt_str_realtoa(d, 4.76);
        assert_eq!(text_of(d), "4.76");
    }
}
