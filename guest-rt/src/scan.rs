//! `$sscanf` and `$fscanf` (IEEE 1364-2005 17.2.4.3): the format scanner.
//!
//! The scanner reads bytes from an [`Input`] (a string value or a design
//! file, see `files.rs`) and converts them as the format says; every
//! conversion that is not suppressed (`%*d`) hands an [`Item`] to the
//! caller, which stores it into the next output variable. The rules are
//! vvp's (`vpi/sys_scanf.c`), which fill in what the standard leaves open:
//!
//! - white space in the format matches any amount (also none) of white
//!   space in the input; any other character must match itself;
//! - every conversion but `%c`, `%m`, `%u`, `%z` skips leading white space;
//! - a field width is the most characters the conversion reads;
//! - `%d` accepts a sign, digits and `_`, or one `x`/`z`/`?` character;
//!   `%b %o %h %x` accept their digits, `x`, `z`, `?` and `_`;
//! - `%e %f %g %t` read a real (`%t` then scales it from the `$timeformat`
//!   units to the caller's time unit, rounded to the `$timeformat` precision);
//! - `%s` reads non-space characters, `%c` one character, `%m` reads nothing
//!   and gives the caller's hierarchical name;
//! - `%u` reads raw 2-state data (32 bits per 4 little-endian bytes), `%z`
//!   raw 4-state data (an aval then a bval word per 32 bits);
//! - `%v` reads a net strength token (`St0`, `We1`, `HiZ`, `StX`...), whose
//!   last character is the value.
//!
//! The result is the number of items assigned, or -1 (EOF) when the input
//! is empty before anything is read, or a raw `%u`/`%z` cannot be read
//! before anything was assigned.

use crate::format::{read_args, string_bytes};
use crate::logic::{self, limbs};
use crate::mem::{self, wr64};
use crate::plusargs::parse_radix;
use alloc::vec::Vec;

/// Where the scanner reads from.
pub trait Input {
    /// The next byte, or `None` at the end.
    fn getc(&mut self) -> Option<u8>;
    /// Puts back the byte the last `getc` returned.
    fn ungetc(&mut self, c: u8);
}

/// An in-memory input (`$sscanf`'s string).
pub struct TextInput<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> TextInput<'a> {
    pub fn new(bytes: &'a [u8]) -> TextInput<'a> {
        TextInput { bytes, pos: 0 }
    }
}

impl Input for TextInput<'_> {
    fn getc(&mut self) -> Option<u8> {
        let c = self.bytes.get(self.pos).copied()?;
        self.pos += 1;
        Some(c)
    }
    fn ungetc(&mut self, _c: u8) {
        self.pos = self.pos.saturating_sub(1);
    }
}

/// One converted value, before it is stored into its variable.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// `%b %o %h`: digits (lower case, `?` read as `x`, `_` kept) of
    /// `bits` bits each.
    Digits { bits: u32, text: Vec<u8> },
    /// `%d`: an optional `-`, digits and `_`; or `x` / `z` alone.
    Decimal(Vec<u8>),
    /// `%e %f %g %t`.
    Real(f64),
    /// `%s`, `%m`.
    Text(Vec<u8>),
    /// `%c`.
    Char(u8),
    /// `%u` (`bval` all 0) and `%z`: 32-bit words, least significant first.
    Raw { aval: Vec<u32>, bval: Vec<u32> },
    /// `%v`: one bit, as the character `0`, `1`, `x` or `z`.
    Strength(u8),
}

/// What the scanner needs to know about the call.
pub struct Ctx<'a> {
    /// `%m`'s text.
    pub scope: &'a [u8],
    /// The caller's time unit (power of ten of seconds), for `%t`.
    pub time_unit: i32,
    /// `$timeformat` units and precision, for `%t`.
    pub tf_units: i32,
    pub tf_precision: u32,
    /// Widths of the output variables in order (raw `%u`/`%z` read as many
    /// words as the variable holds unless a field width is given).
    pub widths: &'a [u32],
}

/// Why a scan stopped early: a format error the design must hear about.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// An unknown conversion character.
    BadCode(u8),
    /// A conversion without a variable left to receive it.
    NoVariable(u8),
    /// A raw `%u`/`%z` item cut short by the end of the input: a warning
    /// (the scan ends as on a mismatch).
    ShortRaw { code: u8, found: usize, needed: usize },
}

/// Runs the scan; `store(k, item)` receives the item for output `k`.
/// Returns (result, problem).
pub fn scan(
    input: &mut dyn Input,
    fmt: &[u8],
    ctx: &Ctx,
    store: &mut dyn FnMut(usize, Item),
) -> (i32, Option<Problem>) {
    let mut assigned = 0i32;
    let mut next_out = 0usize;
    // At the end of the input before anything is read: EOF.
    match input.getc() {
        None => return (-1, None),
        Some(c) => input.ungetc(c),
    }
    let mut f = 0;
    while f < fmt.len() {
        let c = fmt[f];
        if c.is_ascii_whitespace() {
            while f < fmt.len() && fmt[f].is_ascii_whitespace() {
                f += 1;
            }
            skip_space(input);
            continue;
        }
        if c != b'%' {
            match input.getc() {
                Some(got) if got == c => {
                    f += 1;
                    continue;
                }
                Some(got) => {
                    input.ungetc(got);
                    break;
                }
                None => break,
            }
        }
        let spec = parse_spec(fmt, f + 1);
        f = spec.end;
        if spec.code == b'%' {
            match input.getc() {
                Some(b'%') => continue,
                Some(got) => {
                    input.ungetc(got);
                    break;
                }
                None => break,
            }
        }
        let out_width = ctx.widths.get(next_out).copied();
        let item = match convert(input, &spec, ctx, out_width) {
            Ok(Some(item)) => item,
            Ok(None) => break,
            Err(p @ Problem::ShortRaw { .. }) => {
                // A raw read that fails before anything was assigned is EOF.
                return (if assigned == 0 { -1 } else { assigned }, Some(p));
            }
            Err(p) => return (assigned, Some(p)),
        };
        if spec.suppress {
            continue;
        }
        if next_out >= ctx.widths.len() {
            return (assigned, Some(Problem::NoVariable(spec.code)));
        }
        store(next_out, item);
        next_out += 1;
        assigned += 1;
    }
    (assigned, None)
}

/// One `%[*][width]code` of the format.
struct Spec {
    suppress: bool,
    /// The most characters to read (`usize::MAX`: no limit).
    width: usize,
    /// Whether a width was written.
    width_given: bool,
    code: u8,
    /// Index after the code.
    end: usize,
}

fn parse_spec(fmt: &[u8], mut i: usize) -> Spec {
    let suppress = fmt.get(i) == Some(&b'*');
    if suppress {
        i += 1;
    }
    let mut width = usize::MAX;
    let mut width_given = false;
    if fmt.get(i).is_some_and(|c| c.is_ascii_digit()) {
        width = 0;
        width_given = true;
        while let Some(d) = fmt.get(i).filter(|c| c.is_ascii_digit()) {
            width = width.saturating_mul(10).saturating_add((d - b'0') as usize);
            i += 1;
        }
    }
    let code = fmt.get(i).copied().unwrap_or(0);
    Spec { suppress, width, width_given, code: code.to_ascii_lowercase(), end: (i + 1).min(fmt.len()) }
}

fn skip_space(input: &mut dyn Input) {
    while let Some(c) = input.getc() {
        if !c.is_ascii_whitespace() {
            input.ungetc(c);
            break;
        }
    }
}

/// The first non-space byte (consumed), or `None` at the end.
fn first_non_space(input: &mut dyn Input) -> Option<u8> {
    skip_space(input);
    input.getc()
}

/// One conversion: `Ok(None)` when the input does not match.
fn convert(input: &mut dyn Input, spec: &Spec, ctx: &Ctx, out_width: Option<u32>) -> Result<Option<Item>, Problem> {
    let w = spec.width;
    Ok(match spec.code {
        b'b' => digits(input, w, 1, b"01xz?_"),
        b'o' => digits(input, w, 3, b"01234567xz?_"),
        b'h' | b'x' => digits(input, w, 4, b"0123456789abcdefxz?_"),
        b'd' => decimal(input, w),
        b'c' => {
            if w == 0 {
                return Ok(None);
            }
            input.getc().map(Item::Char)
        }
        b'e' | b'f' | b'g' => real(input, w).map(Item::Real),
        b't' => real(input, w).map(|r| Item::Real(scale_time(r, ctx))),
        b's' => text(input, w),
        b'm' => Some(Item::Text(ctx.scope.to_vec())),
        b'u' | b'z' => raw(input, spec, out_width.unwrap_or(32), spec.code == b'z')?,
        b'v' => strength(input),
        other => return Err(Problem::BadCode(other)),
    })
}

/// `%b %o %h`: digits of `allowed` (case-insensitive), at most `w`.
fn digits(input: &mut dyn Input, w: usize, bits: u32, allowed: &[u8]) -> Option<Item> {
    let first = first_non_space(input)?;
    if w == 0 || first == b'_' {
        input.ungetc(first);
        return None;
    }
    let mut text = Vec::new();
    let mut c = Some(first);
    while let Some(ch) = c {
        let lower = ch.to_ascii_lowercase();
        if text.len() >= w || !allowed.contains(&lower) {
            input.ungetc(ch);
            break;
        }
        text.push(if lower == b'?' { b'x' } else { lower });
        c = input.getc();
    }
    (!text.is_empty()).then_some(Item::Digits { bits, text })
}

/// `%d`: `[+-]digits` (with `_`) or a single `x`/`z`/`?`.
fn decimal(input: &mut dyn Input, mut w: usize) -> Option<Item> {
    let first = first_non_space(input)?;
    if w == 0 || first == b'_' {
        input.ungetc(first);
        return None;
    }
    match first.to_ascii_lowercase() {
        b'x' | b'?' => return Some(Item::Decimal(b"x".to_vec())),
        b'z' => return Some(Item::Decimal(b"z".to_vec())),
        _ => {}
    }
    let mut text = Vec::new();
    let mut c = Some(first);
    if first == b'+' || first == b'-' {
        if w == 1 {
            input.ungetc(first);
            return None;
        }
        let next = input.getc();
        match next {
            Some(d) if d.is_ascii_digit() => {}
            Some(d) => {
                // Only the sign was read: it stays consumed (as in C).
                input.ungetc(d);
                return None;
            }
            None => return None,
        }
        if first == b'-' {
            text.push(b'-');
        } else {
            w -= 1;
        }
        c = next;
    }
    while let Some(ch) = c {
        if text.len() >= w || !(ch.is_ascii_digit() || ch == b'_') {
            input.ungetc(ch);
            break;
        }
        text.push(ch);
        c = input.getc();
    }
    (!text.is_empty() && text != b"-").then_some(Item::Decimal(text))
}

/// `%e %f %g %t`: `[+-]digits[.digits][e[+-]digits]`, at most `w` characters.
fn real(input: &mut dyn Input, w: usize) -> Option<f64> {
    let mut c = first_non_space(input);
    if w == 0 {
        if let Some(ch) = c {
            input.ungetc(ch);
        }
        return None;
    }
    let mut text: Vec<u8> = Vec::new();
    let take = |text: &mut Vec<u8>, c: &mut Option<u8>, input: &mut dyn Input| {
        text.push(c.unwrap_or(0));
        *c = input.getc();
    };
    if matches!(c, Some(b'+' | b'-')) {
        if w == 1 {
            input.ungetc(c.unwrap_or(0));
            return None;
        }
        take(&mut text, &mut c, input);
    }
    let digit = |c: Option<u8>| c.is_some_and(|d| d.is_ascii_digit());
    while digit(c) && text.len() < w {
        take(&mut text, &mut c, input);
    }
    if c == Some(b'.') && text.len() < w {
        take(&mut text, &mut c, input);
        while digit(c) && text.len() < w {
            take(&mut text, &mut c, input);
        }
    }
    let mantissa_digits = text.iter().filter(|d| d.is_ascii_digit()).count();
    if mantissa_digits == 0 {
        if let Some(ch) = c {
            input.ungetc(ch);
        }
        return None;
    }
    if matches!(c, Some(b'e' | b'E')) && text.len() < w {
        take(&mut text, &mut c, input);
        if matches!(c, Some(b'+' | b'-')) && text.len() < w {
            take(&mut text, &mut c, input);
        }
        if !digit(c) || text.len() >= w {
            if let Some(ch) = c {
                input.ungetc(ch);
            }
            return None;
        }
        while digit(c) && text.len() < w {
            take(&mut text, &mut c, input);
        }
    }
    if let Some(ch) = c {
        input.ungetc(ch);
    }
    // `1.` and `.5` are valid C numbers but not Rust ones: complete them.
    let mut s: Vec<u8> = Vec::with_capacity(text.len() + 2);
    for (k, &b) in text.iter().enumerate() {
        if b == b'.' && !text.get(k.wrapping_sub(1)).is_some_and(|d| d.is_ascii_digit()) {
            s.push(b'0');
        }
        s.push(b);
        if b == b'.' && !text.get(k + 1).is_some_and(|d| d.is_ascii_digit()) {
            s.push(b'0');
        }
    }
    core::str::from_utf8(&s).ok()?.parse::<f64>().ok()
}

/// `%t`: round to the `$timeformat` precision, then rescale from its units
/// to the caller's time unit.
fn scale_time(r: f64, ctx: &Ctx) -> f64 {
    let p = pow10(ctx.tf_precision as i32);
    let r = libm::round(r * p) / p;
    if ctx.tf_units >= ctx.time_unit {
        r * pow10(ctx.tf_units - ctx.time_unit)
    } else {
        r / pow10(ctx.time_unit - ctx.tf_units)
    }
}

fn pow10(e: i32) -> f64 {
    libm::pow(10.0, e as f64)
}

/// `%s`: non-space characters, at most `w`.
fn text(input: &mut dyn Input, w: usize) -> Option<Item> {
    let mut c = first_non_space(input);
    if w == 0 {
        if let Some(ch) = c {
            input.ungetc(ch);
        }
        return None;
    }
    let mut out = Vec::new();
    while let Some(ch) = c {
        if ch.is_ascii_whitespace() || out.len() >= w {
            input.ungetc(ch);
            break;
        }
        out.push(ch);
        c = input.getc();
    }
    (!out.is_empty()).then_some(Item::Text(out))
}

/// `%u` / `%z`: raw little-endian 32-bit words, as many as the field width
/// (in bits) or the variable's width needs; a suppressed one with no width
/// skips one word.
fn raw(input: &mut dyn Input, spec: &Spec, var_width: u32, four_state: bool) -> Result<Option<Item>, Problem> {
    if spec.width == 0 {
        return Ok(None);
    }
    let words = if spec.width_given {
        spec.width.div_ceil(32)
    } else if spec.suppress {
        1
    } else {
        var_width.div_ceil(32) as usize
    };
    let planes = if four_state { 2 } else { 1 };
    let needed = words * planes * 4;
    let mut found = 0;
    let mut aval = Vec::with_capacity(words);
    let mut bval = Vec::with_capacity(words);
    for _ in 0..words {
        for plane in 0..planes {
            let mut word = 0u32;
            for byte in 0..4 {
                let Some(c) = input.getc() else {
                    return Err(Problem::ShortRaw { code: spec.code, found, needed });
                };
                found += 1;
                word |= (c as u32) << (8 * byte);
            }
            if plane == 0 {
                aval.push(word);
            } else {
                bval.push(word);
            }
        }
        if !four_state {
            bval.push(0);
        }
    }
    if spec.width_given {
        // Only the given number of bits of the last word count.
        let keep = (spec.width - 1) % 32 + 1;
        let mask = if keep == 32 { !0 } else { (1u32 << keep) - 1 };
        if let (Some(a), Some(b)) = (aval.last_mut(), bval.last_mut()) {
            *a &= mask;
            *b &= mask;
        }
    }
    Ok(Some(Item::Raw { aval, bval }))
}

/// `%v`: a strength token (`St0`, `Pu1`, `HiZ`, `StX`, `65x`...): its last
/// character gives the bit.
fn strength(input: &mut dyn Input) -> Option<Item> {
    let Some(Item::Text(tok)) = text(input, 3) else { return None };
    match tok.last().map(|c| c.to_ascii_lowercase()) {
        Some(v @ (b'0' | b'1' | b'x' | b'z')) => Some(Item::Strength(v)),
        _ => None,
    }
}

/// `rt_scan(src_kind, src, src_w, fmt, fmt_w, outs, nouts, scope_ptr,
/// scope_len, time_unit) -> i32`: `$sscanf` (`src_kind` 0: `src` is a
/// string value of `src_w` bits) or `$fscanf` (`src_kind` 1: `src` is the
/// descriptor). `outs` are `abi::fmt` records (`ARG_VALUE` or `ARG_REAL`,
/// width, address) of the variables to fill, in order; only the first
/// `result` of them are written. A format with X/Z bits gives -1, as in vvp.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn rt_scan(
    src_kind: i32,
    src: u32,
    src_w: u32,
    fmt: u32,
    fmt_w: u32,
    outs: u32,
    nouts: u32,
    scope_ptr: u32,
    scope_len: u32,
    time_unit: i32,
) -> i32 {
    let fmt_value = mem::value(fmt, fmt_w);
    if !logic::is_known(fmt_value, fmt_w) {
        return -1;
    }
    let fmt_text = string_bytes(fmt_value, fmt_w);
    let outs = read_args(outs, nouts);
    let widths: Vec<u32> = outs.iter().map(|a| a.width).collect();
    let tf = crate::format::timeformat();
    let ctx = Ctx {
        scope: mem::bytes(scope_ptr, scope_len),
        time_unit,
        tf_units: tf.units,
        tf_precision: tf.precision,
        widths: &widths,
    };
    let mut store = |k: usize, item: Item| {
        let out = &outs[k];
        store_item(&item, out.ptr, out.width, out.kind == wsim_abi::fmt::ARG_REAL);
    };
    let name = if src_kind == 0 { "$sscanf" } else { "$fscanf" };
    let (result, problem) = if src_kind == 0 {
        let text = string_bytes(mem::value(src, src_w), src_w);
        scan(&mut TextInput::new(&text), &fmt_text, &ctx, &mut store)
    } else {
        match crate::files::is_readable(src) {
            true => scan(&mut crate::files::FileInput(src), &fmt_text, &ctx, &mut store),
            false => {
                crate::files::bad_descriptor(src, name, "ERROR");
                (-1, None)
            }
        }
    };
    match problem {
        Some(Problem::ShortRaw { code, found, needed }) => {
            let msg = alloc::format!(
                "{name}() only found {found} of {needed} bytes needed by %{} format code.",
                code as char
            );
            crate::files::site_message("WARNING", &msg);
        }
        Some(p) => {
            let msg = match p {
                Problem::BadCode(c) => alloc::format!("{name}() was given an invalid format code: %{}", c as char),
                _ => alloc::format!("{name}() ran out of variables for a format code."),
            };
            crate::files::site_message("ERROR", &msg);
            // vvp ends the run here (`vpi_control(vpiFinish, 1)`).
            crate::sched::rt_finish(1);
        }
        None => {}
    }
    result
}

/// Stores `item` into the variable at `dst`: an f64 when `real`, else a
/// `w`-bit value (as a `vpi_put_value` of the item's natural format would).
pub fn store_item(item: &Item, dst: u32, w: u32, real: bool) {
    if real {
        wr64(dst, item_real(item).to_bits());
        return;
    }
    let v = item_value(item, w);
    mem::value_mut(dst, w).copy_from_slice(&v);
}

/// `item` as a `w`-bit 4-state value (limbs as in `logic`).
pub fn item_value(item: &Item, w: u32) -> Vec<u64> {
    let n = limbs(w);
    let mut v = alloc::vec![0u64; 2 * n];
    match item {
        Item::Digits { bits, text } => radix_value(&mut v, w, *bits, text),
        Item::Decimal(text) => decimal_value(&mut v, w, text),
        Item::Real(r) => logic::from_real(&mut v, w, *r),
        Item::Char(c) => logic::from_i64(&mut v, w, *c as i64),
        Item::Text(t) => {
            let bytes = (w as usize).div_ceil(8);
            let keep = &t[t.len().saturating_sub(bytes)..];
            for (k, &b) in keep.iter().rev().enumerate() {
                logic::set_bits(&mut v, w, 8 * k as i64, &[b as u64, 0], 8);
            }
        }
        Item::Raw { aval, bval } => {
            for (k, (&a, &b)) in aval.iter().zip(bval).enumerate() {
                logic::set_bits(&mut v, w, 32 * k as i64, &[a as u64, b as u64], 32);
            }
        }
        Item::Strength(c) => {
            let bit = match c {
                b'1' => [1, 0],
                b'x' => [1, 1],
                b'z' => [0, 1],
                _ => [0, 0],
            };
            logic::set_bits(&mut v, w, 0, &bit, 1);
        }
    }
    v
}

/// `item` as a real variable's value.
fn item_real(item: &Item) -> f64 {
    match item {
        Item::Real(r) => *r,
        Item::Char(c) => *c as f64,
        Item::Decimal(text) => {
            let digits: Vec<u8> = text.iter().copied().filter(|&c| c != b'_').collect();
            core::str::from_utf8(&digits).ok().and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0)
        }
        other => {
            let w = match other {
                Item::Digits { bits, text } => (*bits * text.len() as u32).max(1),
                Item::Text(t) => (8 * t.len() as u32).max(8),
                Item::Raw { aval, .. } => (32 * aval.len() as u32).max(32),
                _ => 1,
            };
            logic::to_real(&item_value(other, w), w, false)
        }
    }
}

/// Digits of a radix into `v`; a leading `x`/`z` digit fills the bits above
/// the digits, as in a Verilog literal.
fn radix_value(v: &mut [u64], w: u32, bits: u32, text: &[u8]) {
    let count = parse_radix(text, bits, v, w) as u64;
    let top = text.iter().copied().find(|&c| c != b'_');
    let fill = match top {
        Some(b'x') => [u64::MAX, u64::MAX],
        Some(b'z') => [0, u64::MAX],
        _ => return,
    };
    let from = count * bits as u64;
    let mut pos = from;
    while pos < w as u64 {
        let chunk = (w as u64 - pos).min(64) as u32;
        logic::set_bits(v, w, pos as i64, &fill, chunk);
        pos += chunk as u64;
    }
}

/// A decimal (`-`, digits, `_`; or `x`/`z`) into `v`, modulo `2^w`.
fn decimal_value(v: &mut [u64], w: u32, text: &[u8]) {
    let n = limbs(w);
    match text {
        b"x" => {
            v.fill(u64::MAX);
            return mask(v, w);
        }
        b"z" => {
            v[n..].fill(u64::MAX);
            return mask(v, w);
        }
        _ => {}
    }
    let (neg, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    for &c in digits.iter().filter(|c| c.is_ascii_digit()) {
        // v = v * 10 + digit over the aval limbs.
        let mut carry = (c - b'0') as u128;
        for limb in v[..n].iter_mut() {
            let x = *limb as u128 * 10 + carry;
            *limb = x as u64;
            carry = x >> 64;
        }
    }
    if neg {
        let mut borrow_in = true;
        for limb in v[..n].iter_mut() {
            let (x, o) = (!*limb).overflowing_add(borrow_in as u64);
            *limb = x;
            borrow_in = o;
        }
    }
    mask(v, w);
}

/// Clears the bits above `w` in both planes.
fn mask(v: &mut [u64], w: u32) {
    let n = limbs(w);
    if !w.is_multiple_of(64) {
        let m = (1u64 << (w % 64)) - 1;
        v[n - 1] &= m;
        v[2 * n - 1] &= m;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn run(input: &str, fmt: &str, widths: &[u32]) -> (i32, Vec<Item>, usize) {
        let mut src = TextInput::new(input.as_bytes());
        let ctx = Ctx { scope: b"top.u", time_unit: -9, tf_units: -9, tf_precision: 0, widths };
        let mut items = Vec::new();
        let (n, problem) = scan(&mut src, fmt.as_bytes(), &ctx, &mut |_, it| items.push(it));
        assert_eq!(problem, None);
        (n, items, src.pos)
    }

    fn digits(bits: u32, t: &str) -> Item {
        Item::Digits { bits, text: t.as_bytes().to_vec() }
    }

    #[test]
    fn integers_in_each_radix() {
        let (n, items, _) = run(" 12 -7 1x0_1 7z ff_A", "%d %d %b %o %h", &[32; 5]);
        assert_eq!(n, 5);
        assert_eq!(
            items,
            vec![
                Item::Decimal(b"12".to_vec()),
                Item::Decimal(b"-7".to_vec()),
                digits(1, "1x0_1"),
                digits(3, "7z"),
                digits(4, "ff_a")
            ]
        );
    }

    #[test]
    fn decimal_x_and_z_and_plus() {
        let (n, items, _) = run("x Z +5", "%d%d%d", &[8; 3]);
        assert_eq!(n, 3);
        assert_eq!(items[0], Item::Decimal(b"x".to_vec()));
        assert_eq!(items[1], Item::Decimal(b"z".to_vec()));
        assert_eq!(items[2], Item::Decimal(b"5".to_vec()));
    }

    #[test]
    fn widths_limit_each_field_and_star_suppresses() {
        let (n, items, _) = run("123456 abc", "%2d%*2d%d %2s", &[32; 3]);
        assert_eq!(n, 3);
        assert_eq!(items[0], Item::Decimal(b"12".to_vec()));
        assert_eq!(items[1], Item::Decimal(b"56".to_vec()));
        assert_eq!(items[2], Item::Text(b"ab".to_vec()));
    }

    #[test]
    fn reals_and_time() {
        let (n, items, _) = run("1.5e2 -.25 7. 3", "%e %f %g %t", &[64; 4]);
        assert_eq!(n, 4);
        assert_eq!(items, vec![Item::Real(150.0), Item::Real(-0.25), Item::Real(7.0), Item::Real(3.0)]);
        // `1e` is not a number.
        let (n, _, _) = run("1e", "%f", &[64]);
        assert_eq!(n, 0);
    }

    #[test]
    fn literal_mismatch_stops_and_count_is_kept() {
        let (n, items, pos) = run("a=5,b=6", "a=%d;b=%d", &[32, 32]);
        assert_eq!(n, 1);
        assert_eq!(items, vec![Item::Decimal(b"5".to_vec())]);
        assert_eq!(pos, 3, "the mismatching `,` is put back");
    }

    #[test]
    fn eof_before_anything_is_minus_one() {
        assert_eq!(run("", "%d", &[32]).0, -1);
        // Only white space: nothing converts, but the input was not empty.
        assert_eq!(run("   ", "%d", &[32]).0, 0);
        assert_eq!(run("q", "%d", &[32]).0, 0);
    }

    #[test]
    fn char_does_not_skip_space_and_m_reads_nothing() {
        let (n, items, _) = run(" x", "%c%m%c", &[8, 64, 8]);
        assert_eq!(n, 3);
        assert_eq!(items, vec![Item::Char(b' '), Item::Text(b"top.u".to_vec()), Item::Char(b'x')]);
    }

    #[test]
    fn raw_two_and_four_state_words() {
        let bytes = [0x78u8, 0x56, 0x34, 0x12, 1, 0, 0, 0, 2, 0, 0, 0];
        let mut src = TextInput::new(&bytes);
        let ctx = Ctx { scope: b"", time_unit: 0, tf_units: 0, tf_precision: 0, widths: &[32, 32] };
        let mut items = Vec::new();
        let (n, _) = scan(&mut src, b"%u%z", &ctx, &mut |_, it| items.push(it));
        assert_eq!(n, 2);
        assert_eq!(items[0], Item::Raw { aval: vec![0x1234_5678], bval: vec![0] });
        assert_eq!(items[1], Item::Raw { aval: vec![1], bval: vec![2] });
        // Too few bytes for the first raw item: EOF, with a warning.
        let mut short = TextInput::new(&bytes[..3]);
        let short_raw = Problem::ShortRaw { code: b'u', found: 3, needed: 4 };
        assert_eq!(scan(&mut short, b"%u", &ctx, &mut |_, _| {}), (-1, Some(short_raw)));
    }

    #[test]
    fn strength_tokens() {
        let (n, items, _) = run("St1 HiZ", "%v %v", &[1, 1]);
        assert_eq!(n, 2);
        assert_eq!(items, vec![Item::Strength(b'1'), Item::Strength(b'z')]);
    }

    #[test]
    fn items_become_values_of_the_variable_width() {
        // 12345678901234567890123 mod 2^16 = 17611; -3 in 8 bits.
        assert_eq!(item_value(&Item::Decimal(b"12345678901234567890123".to_vec()), 16), vec![17611, 0]);
        assert_eq!(item_value(&Item::Decimal(b"-3".to_vec()), 8), vec![0xfd, 0]);
        assert_eq!(item_value(&Item::Decimal(b"x".to_vec()), 4), vec![0xf, 0xf]);
        // A leading x digit extends upwards; a leading 1 does not.
        assert_eq!(item_value(&digits(1, "x1"), 8), vec![0xff, 0xfe]);
        assert_eq!(item_value(&digits(4, "z1"), 16), vec![0x0001, 0xfff0]);
        assert_eq!(item_value(&digits(4, "1_f"), 16), vec![0x1f, 0]);
        assert_eq!(item_value(&Item::Text(b"abc".to_vec()), 16), vec![0x6263, 0]);
        assert_eq!(item_real(&digits(4, "ff")), 255.0);
        assert_eq!(item_real(&Item::Decimal(b"-3".to_vec())), -3.0);
    }

    #[test]
    fn problems_are_reported() {
        let mut src = TextInput::new(b"1 2");
        let ctx = Ctx { scope: b"", time_unit: 0, tf_units: 0, tf_precision: 0, widths: &[32] };
        assert_eq!(scan(&mut src, b"%d %d", &ctx, &mut |_, _| {}), (1, Some(Problem::NoVariable(b'd'))));
        let mut src = TextInput::new(b"1");
        assert_eq!(scan(&mut src, b"%q", &ctx, &mut |_, _| {}), (0, Some(Problem::BadCode(b'q'))));
    }
}
