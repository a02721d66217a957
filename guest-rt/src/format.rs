//! `$display`-family formatting, byte for byte like Icarus Verilog 11
//! (its `vpi/sys_display.c` is the model; [`spec`] follows it conversion by
//! conversion).
//!
//! Arguments arrive as `abi::fmt` descriptors. A string-literal argument
//! that no `%` specifier consumed is a format; other arguments print in the
//! default radix with the default width (IEEE 1364-2005 17.1.1.3). Reals
//! follow C `printf` (`%e %f %g`), built on `core::fmt`'s exact float
//! formatting ([`numbers`]); a real printed without a specifier uses C's
//! `%#g`. `%t` is in [`time`].

pub(crate) mod numbers;
mod spec;
mod time;

use crate::logic;
use crate::mem::{self, rd32, Global};
use alloc::vec::Vec;
use wsim_abi::fmt as af;

/// `$timeformat` settings.
pub struct TimeFormat {
    pub units: i32,
    pub precision: u32,
    pub suffix: Vec<u8>,
    pub min_width: u32,
}

static TIMEFORMAT: Global<Option<TimeFormat>> = Global::new(None);

/// Back to the defaults: units = the global precision, precision 0, no
/// suffix, minimum width 20.
pub fn reset(precision: i32) {
    if let Some(old) = TIMEFORMAT.get().take() {
        core::mem::forget(old); // its buffer lived in the reset heap
    }
    *TIMEFORMAT.get() = Some(TimeFormat { units: precision, precision: 0, suffix: Vec::new(), min_width: 20 });
}

pub(crate) fn timeformat() -> &'static mut TimeFormat {
    TIMEFORMAT.get().get_or_insert_with(|| TimeFormat { units: 0, precision: 0, suffix: Vec::new(), min_width: 20 })
}

/// One display argument.
#[derive(Clone, Copy, Debug)]
pub struct Arg {
    pub kind: u32,
    pub width: u32,
    pub ptr: u32,
    pub flags: u32,
}

impl Arg {
    fn signed(&self) -> bool {
        self.flags & af::ARG_SIGNED != 0
    }

    fn limbs(&self) -> &'static [u64] {
        mem::value(self.ptr, self.width.max(1))
    }

    fn real(&self) -> f64 {
        mem::rdf64(self.ptr)
    }

    fn is_real(&self) -> bool {
        self.kind == af::ARG_REAL
    }
}

/// Reads `n` argument descriptors at `args`.
pub fn read_args(args: u32, n: u32) -> Vec<Arg> {
    (0..n)
        .map(|i| {
            let a = args + i * af::ARG_SIZE;
            Arg { kind: rd32(a), width: rd32(a + 4), ptr: rd32(a + 8), flags: rd32(a + 12) }
        })
        .collect()
}

/// What a format needs besides its arguments.
pub struct Ctx<'a> {
    pub scope: &'a [u8],
    pub time_unit: i32,
    /// Default radix (`abi::fmt::RADIX_*`) for arguments without a spec.
    pub radix: i32,
}

/// The bytes of a string value, most significant first, without leading
/// NUL bytes (used for format strings, file names, suffixes).
pub fn string_bytes(v: &[u64], w: u32) -> Vec<u8> {
    let mut out = numbers::value_bytes_msb_first(v, w);
    let first = out.iter().position(|&b| b != 0).unwrap_or(out.len());
    out.drain(..first);
    out
}

/// Formats a whole argument list (vvp's `get_display`).
pub fn format_args(args: &[Arg], ctx: &Ctx) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        i += 1;
        match a.kind {
            af::ARG_STRING => {
                let fmt = string_bytes(a.limbs(), a.width);
                i = spec::format_string(&fmt, args, i, ctx, &mut out);
            }
            af::ARG_EMPTY => out.push(b' '),
            _ => default_arg(&a, ctx, &mut out),
        }
    }
    out
}

/// An argument without a format specifier (vvp's `get_numeric`): decimal
/// right-aligned to the default width, other radixes with all digits,
/// reals as C `%#g`.
fn default_arg(a: &Arg, ctx: &Ctx, out: &mut Vec<u8>) {
    if a.is_real() {
        out.extend(numbers::c_printf(a.real(), b'g', &numbers::RealSpec { alt: true, ..Default::default() }));
        return;
    }
    let (v, w) = (a.limbs(), a.width.max(1));
    let text = match ctx.radix {
        af::RADIX_BIN => numbers::radix_digits(v, w, 1),
        af::RADIX_HEX => numbers::radix_digits(v, w, 4),
        af::RADIX_OCT => numbers::radix_digits(v, w, 3),
        _ => {
            let text = numbers::decimal(v, w, a.signed());
            spec::pad(text, numbers::dec_size(w, a.signed()), false)
        }
    };
    out.extend(text);
}

// ---------------------------------------------------------------------------
// Exports

/// `rt_display(args, nargs, fd, flags, scope_ptr, scope_len, time_unit)`.
#[no_mangle]
pub extern "C" fn rt_display(
    args: u32,
    nargs: u32,
    fd: i32,
    flags: i32,
    scope_ptr: u32,
    scope_len: u32,
    time_unit: i32,
) {
    let mut out = render(args, nargs, flags, scope_ptr, scope_len, time_unit);
    if flags & af::NEWLINE != 0 {
        out.push(b'\n');
    }
    if flags & af::TO_MCD != 0 {
        crate::files::write_mcd(fd as u32, &out);
    } else {
        crate::host::write(fd, &out);
    }
}

fn render(args: u32, nargs: u32, flags: i32, scope_ptr: u32, scope_len: u32, time_unit: i32) -> Vec<u8> {
    let list = read_args(args, nargs);
    let ctx = Ctx { scope: mem::bytes(scope_ptr, scope_len), time_unit, radix: (flags >> af::RADIX_SHIFT) & 3 };
    format_args(&list, &ctx)
}

/// Stores text into an integral value: right-aligned, 8 bits per char,
/// zero-filled; characters that do not fit are dropped from the left.
pub fn store_text(dst: u32, dw: u32, text: &[u8]) {
    let v = mem::value_mut(dst, dw);
    v.fill(0);
    for (k, &b) in text.iter().rev().enumerate() {
        let pos = k as u64 * 8;
        if pos >= dw as u64 {
            break;
        }
        let byte = [b as u64, 0];
        logic::set_bits(v, dw, pos as i64, &byte, 8);
    }
}

/// `rt_sformat(dst, dw, args, nargs, flags, scope_ptr, scope_len, time_unit)`.
#[no_mangle]
pub extern "C" fn rt_sformat(
    dst: u32,
    dw: u32,
    args: u32,
    nargs: u32,
    flags: i32,
    scope_ptr: u32,
    scope_len: u32,
    time_unit: i32,
) {
    let out = render(args, nargs, flags, scope_ptr, scope_len, time_unit);
    store_text(dst, dw, &out);
}

/// `rt_timeformat(units, precision, suffix, suffix_w, min_width)`.
#[no_mangle]
pub extern "C" fn rt_timeformat(units: i32, precision: i32, suffix: u32, suffix_w: u32, min_width: i32) {
    let sfx = if suffix_w == 0 { Vec::new() } else { string_bytes(mem::value(suffix, suffix_w), suffix_w) };
    let tf = timeformat();
    tf.units = units;
    tf.precision = precision.max(0) as u32;
    tf.suffix = sfx;
    tf.min_width = min_width.max(0) as u32;
}

/// `rt_severity(level, args, nargs, scope_ptr, scope_len, time_unit,
/// file_ptr, file_len, line)`: Icarus's form, on stdout:
/// `ERROR: file:line: message` then `       Time: T Scope: S`.
#[no_mangle]
pub extern "C" fn rt_severity(
    level: i32,
    args: u32,
    nargs: u32,
    scope_ptr: u32,
    scope_len: u32,
    time_unit: i32,
    file_ptr: u32,
    file_len: u32,
    line: i32,
) {
    use wsim_abi::severity as sv;
    let word: &[u8] = match level {
        sv::INFO => b"INFO",
        sv::WARNING => b"WARNING",
        sv::ERROR => b"ERROR",
        _ => b"FATAL",
    };
    let msg = render(args, nargs, 0, scope_ptr, scope_len, time_unit);
    let mut out = Vec::new();
    out.extend_from_slice(word);
    out.extend_from_slice(b": ");
    out.extend_from_slice(mem::bytes(file_ptr, file_len));
    out.extend(alloc::format!(":{line}: ").into_bytes());
    out.extend(msg);
    out.push(b'\n');
    out.extend(core::iter::repeat_n(b' ', word.len() + 2));
    out.extend(alloc::format!("Time: {} Scope: ", crate::sched::s().now).into_bytes());
    out.extend_from_slice(mem::bytes(scope_ptr, scope_len));
    out.push(b'\n');
    crate::host::write(1, &out);
    if level >= sv::ERROR {
        crate::sched::s().errors += 1;
    }
}
