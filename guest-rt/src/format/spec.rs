//! `%` specifiers, one conversion at a time, following vvp's `get_format`
//! and `get_format_char`: flags `-` and `+`, then at most one `0`
//! ("leading zero"), a width, a precision, the conversion letter. A missing
//! argument or an argument of the wrong kind prints the specifier back as
//! `<%...>`, as vvp does.

use super::numbers::{self, RealSpec};
use super::{time, Arg, Ctx};
use alloc::vec::Vec;
use wsim_abi::fmt as af;

/// A parsed specifier.
#[derive(Default, Clone, Copy)]
pub struct Spec {
    pub ljust: bool,
    pub plus: bool,
    pub ld_zero: bool,
    pub width: Option<usize>,
    pub prec: Option<usize>,
    pub conv: u8,
}

impl Spec {
    /// vvp's `format_as_string`: the specifier in angle brackets.
    fn echo(&self) -> Vec<u8> {
        let mut s = alloc::string::String::from("<%");
        if self.ljust {
            s.push('-');
        }
        if self.plus {
            s.push('+');
        }
        if self.ld_zero {
            s.push('0');
        }
        if let Some(w) = self.width {
            s.push_str(&alloc::format!("{w}"));
        }
        if let Some(p) = self.prec {
            s.push_str(&alloc::format!(".{p}"));
        }
        let mut out = s.into_bytes();
        if self.conv != 0 {
            out.push(self.conv);
        }
        out.push(b'>');
        out
    }
}

/// Right-aligns `text` in `width` columns with spaces (never truncates).
pub fn pad(text: Vec<u8>, width: usize, ljust: bool) -> Vec<u8> {
    if text.len() >= width {
        return text;
    }
    let fill = width - text.len();
    let mut out = Vec::with_capacity(width);
    if ljust {
        out.extend(text);
        out.extend(core::iter::repeat_n(b' ', fill));
    } else {
        out.extend(core::iter::repeat_n(b' ', fill));
        out.extend(text);
    }
    out
}

/// Zero-fills `text` on the left to `width` columns.
fn zero_fill(text: Vec<u8>, width: usize) -> Vec<u8> {
    if text.len() >= width {
        return text;
    }
    let mut out: Vec<u8> = core::iter::repeat_n(b'0', width - text.len()).collect();
    out.extend(text);
    out
}

fn parse_number(fmt: &[u8], i: &mut usize) -> Option<usize> {
    let start = *i;
    let mut v: usize = 0;
    while *i < fmt.len() && fmt[*i].is_ascii_digit() {
        v = v.saturating_mul(10).saturating_add((fmt[*i] - b'0') as usize);
        *i += 1;
    }
    (*i > start).then_some(v)
}

/// Formats `fmt`, consuming arguments from `args[next..]`; returns the index
/// of the first argument not consumed.
pub fn format_string(fmt: &[u8], args: &[Arg], mut next: usize, ctx: &Ctx, out: &mut Vec<u8>) -> usize {
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i] != b'%' {
            out.push(fmt[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut spec = Spec::default();
        while i < fmt.len() && matches!(fmt[i], b'-' | b'+') {
            if fmt[i] == b'-' {
                spec.ljust = true;
            } else {
                spec.plus = true;
            }
            i += 1;
        }
        if i < fmt.len() && fmt[i] == b'0' {
            spec.ld_zero = true;
            i += 1;
        }
        spec.width = parse_number(fmt, &mut i);
        if i < fmt.len() && fmt[i] == b'.' {
            i += 1;
            spec.prec = Some(parse_number(fmt, &mut i).unwrap_or(0));
        }
        spec.conv = fmt.get(i).copied().unwrap_or(0);
        if spec.conv != 0 {
            i += 1;
        }
        convert(&spec, args, &mut next, ctx, out);
    }
    next
}

/// Takes the next argument for a conversion that needs one.
fn take<'a>(args: &'a [Arg], next: &mut usize) -> Option<&'a Arg> {
    let a = args.get(*next)?;
    *next += 1;
    Some(a)
}

/// One conversion (vvp's `get_format_char`).
fn convert(spec: &Spec, args: &[Arg], next: &mut usize, ctx: &Ctx, out: &mut Vec<u8>) {
    let conv = spec.conv.to_ascii_lowercase();
    let text = match conv {
        b'%' | 0 => alloc::vec![b'%'],
        b'm' => pad(ctx.scope.to_vec(), spec.width.unwrap_or(0), spec.ljust),
        b'b' | b'o' | b'h' | b'x' | b'c' | b'd' | b'e' | b'f' | b'g' | b's' | b't' | b'u' | b'z' | b'v' => {
            match take(args, next) {
                Some(a) if a.kind != af::ARG_EMPTY => with_arg(spec, conv, a, ctx).unwrap_or_else(|| spec.echo()),
                _ => spec.echo(),
            }
        }
        // `%l` and unknown letters: vvp prints the specifier back.
        _ => spec.echo(),
    };
    out.extend(text);
}

/// A conversion with its argument; None when the argument's kind does not
/// fit (vvp: "incompatible value").
fn with_arg(spec: &Spec, conv: u8, a: &Arg, ctx: &Ctx) -> Option<Vec<u8>> {
    let w = a.width.max(1);
    Some(match conv {
        b'b' | b'o' | b'h' | b'x' => {
            let bits = match conv {
                b'b' => 1,
                b'o' => 3,
                _ => 4,
            };
            let digits = if a.is_real() {
                // A real has no width: its digits start at the first non-zero.
                let d = numbers::radix_digits(&numbers::real_to_u64_limbs(a.real()), 64, bits);
                let first = d.iter().position(|&c| c != b'0').unwrap_or(d.len() - 1);
                d[first..].to_vec()
            } else {
                numbers::radix_digits(a.limbs(), w, bits)
            };
            radix(spec, digits)
        }
        b'c' => {
            let s = if a.is_real() {
                numbers::vpi_string(&numbers::real_to_u64_limbs(a.real()), 64)
            } else {
                numbers::vpi_string(a.limbs(), w)
            };
            char_conv(spec, s.last().copied().unwrap_or(0))
        }
        b'd' => {
            let (text, default_w) = if a.is_real() {
                (numbers::real_to_decimal(a.real()), 1)
            } else {
                (numbers::decimal(a.limbs(), w, a.signed()), numbers::dec_size(w, a.signed()))
            };
            decimal(spec, text, default_w)
        }
        b'e' | b'f' | b'g' => {
            let r = if a.is_real() { a.real() } else { numbers::icarus_to_real(a.limbs(), w, a.signed()) };
            let rs = RealSpec {
                ljust: spec.ljust,
                plus: spec.plus,
                zero: spec.ld_zero,
                width: spec.width,
                prec: spec.prec,
                alt: false,
            };
            let c = if spec.conv == b'F' { b'f' } else { spec.conv };
            numbers::c_printf(r, c, &rs)
        }
        b's' => {
            if a.is_real() {
                return None;
            }
            // A string (literal or `string` value) is as wide as its text;
            // a vector gets one column per byte of its width.
            let width = match spec.width {
                Some(w) => w,
                None if spec.ld_zero || a.kind == af::ARG_STRING => 0,
                None => w.div_ceil(8) as usize,
            };
            pad(numbers::vpi_string(a.limbs(), w), width, spec.ljust)
        }
        b't' => time::fmt_time(a, spec, ctx),
        b'u' | b'z' => {
            if a.is_real() {
                return None;
            }
            numbers::raw_words(a.limbs(), w, conv == b'z')
        }
        _ => {
            if a.is_real() {
                return None;
            }
            if a.kind == af::ARG_STRENGTH {
                let s = crate::mem::value(a.ptr + wsim_abi::value_bytes(w), 8 * w);
                return Some(pad(crate::strength::strength_text(s, w), spec.width.unwrap_or(0), spec.ljust));
            }
            pad(numbers::strengths(a.limbs(), w), spec.width.unwrap_or(0), spec.ljust)
        }
    })
}

/// `%b %o %h`: all digits; `%0h` strips leading zeros, `%05h` zero-fills,
/// `%-05h` strips and left-aligns; then space-padded to the width.
fn radix(spec: &Spec, digits: Vec<u8>) -> Vec<u8> {
    let strip = |d: Vec<u8>| {
        let first = d.iter().position(|&c| c != b'0').unwrap_or(d.len().saturating_sub(1));
        d[first..].to_vec()
    };
    let mut text = digits;
    if spec.ld_zero {
        match spec.width {
            None => text = strip(text),
            Some(w) if !spec.ljust && text.len() < w => text = zero_fill(text, w),
            Some(_) if spec.ljust => text = strip(text),
            Some(_) => {}
        }
    }
    pad(text, spec.width.unwrap_or(0), spec.ljust)
}

/// `%c`: one character, right-aligned with spaces (zeros with `0`).
fn char_conv(spec: &Spec, ch: u8) -> Vec<u8> {
    let width = spec.width.unwrap_or(0).max(1);
    let mut out = Vec::with_capacity(width);
    if spec.ljust {
        out.push(ch);
        out.extend(core::iter::repeat_n(b' ', width - 1));
    } else {
        let fill = if spec.ld_zero { b'0' } else { b' ' };
        out.extend(core::iter::repeat_n(fill, width - 1));
        out.push(ch);
    }
    out
}

/// `%d`: sign (`+` with the flag), zeros after the sign with `0` and a
/// width, then right-aligned to the width (default: the value's decimal
/// size; `%0d`: none).
fn decimal(spec: &Spec, text: Vec<u8>, default_w: usize) -> Vec<u8> {
    let negative = text.first() == Some(&b'-');
    let digits = if negative { &text[1..] } else { &text[..] };
    let swidth = text.len() + (!negative && spec.plus) as usize;
    let mut body = Vec::new();
    if negative {
        body.push(b'-');
    } else if spec.plus {
        body.push(b'+');
    }
    if let Some(w) = spec.width {
        if !spec.ljust && spec.ld_zero && swidth < w {
            body.extend(core::iter::repeat_n(b'0', w - swidth));
        }
    }
    body.extend_from_slice(digits);
    let width = match spec.width {
        Some(w) => w,
        None if spec.ld_zero => 0,
        None => default_w,
    };
    pad(body, width, spec.ljust)
}

/// `%t` zero fill, shared with [`time`].
pub fn time_pad(spec: &Spec, text: Vec<u8>, default_w: usize) -> Vec<u8> {
    let mut text = text;
    let width = match spec.width {
        None if spec.ld_zero => 0,
        None => default_w,
        Some(w) => {
            if spec.ld_zero && !spec.ljust {
                text = zero_fill(text, w);
            }
            w
        }
    };
    pad(text, width, spec.ljust)
}
