//! `%t`: a time value in the caller's unit shown in `$timeformat` units,
//! exactly like vvp's `get_time` (integral values are scaled on their
//! decimal digits, truncating) and `get_time_real` (reals with printf).

use super::numbers::{self, c_printf, RealSpec};
use super::spec::{time_pad, Spec};
use super::{timeformat, Arg, Ctx};
use alloc::vec::Vec;

/// 10^e as vvp's `pow(10.0, e)` gives it for the small exponents of time
/// units (exact up to 10^22).
pub fn pow10(e: u32) -> f64 {
    let mut r = 1.0;
    for _ in 0..e {
        r *= 10.0;
    }
    r
}

pub fn fmt_time(a: &Arg, spec: &Spec, ctx: &Ctx) -> Vec<u8> {
    let tf = timeformat();
    let prec = spec.prec.unwrap_or(tf.precision as usize);
    let mut text = if a.is_real() {
        let mut r = a.real();
        let diff = ctx.time_unit - tf.units;
        if diff >= 0 {
            r *= pow10(diff as u32);
        } else {
            r /= pow10(diff.unsigned_abs());
        }
        let rs = RealSpec { prec: Some(prec), ..Default::default() };
        c_printf(r, b'f', &rs)
    } else {
        let w = a.width.max(1);
        let digits = numbers::decimal(a.limbs(), w, a.signed());
        scale_digits(&digits, prec, ctx.time_unit - tf.units)
    };
    text.extend_from_slice(&tf.suffix);
    time_pad(spec, text, tf.min_width as usize)
}

/// vvp's `get_time`: scales a decimal string by 10^shift on its digits.
fn scale_digits(value: &[u8], prec: usize, shift: i32) -> Vec<u8> {
    let mut v = value;
    while v.len() > 1 && v[0] == b'0' {
        v = &v[1..];
    }
    let mut out = Vec::new();
    if shift >= 0 {
        out.extend_from_slice(v);
        if v.first() != Some(&b'0') {
            out.extend(core::iter::repeat_n(b'0', shift as usize));
        }
        if prec > 0 {
            out.push(b'.');
            out.extend(core::iter::repeat_n(b'0', prec));
        }
        return out;
    }
    let len = v.len() as i64;
    let shift = shift as i64;
    let prec_i = prec as i64;
    let head = len + shift;
    if head > 0 {
        out.extend_from_slice(&v[..head as usize]);
        if prec > 0 {
            out.push(b'.');
            let frac = &v[head as usize..];
            out.extend_from_slice(&frac[..frac.len().min(prec)]);
            let tail = prec_i + shift;
            if tail > 0 {
                out.extend(core::iter::repeat_n(b'0', tail as usize));
            }
        }
    } else {
        out.push(b'0');
        if prec > 0 {
            out.push(b'.');
        }
        let zeros = (-head).min(prec_i);
        if zeros > 0 {
            out.extend(core::iter::repeat_n(b'0', zeros as usize));
        }
        let tail = prec_i + len + shift;
        if tail > 0 {
            out.extend_from_slice(&v[..(tail as usize).min(v.len())]);
            let more = prec_i + shift + 1 - len;
            if more > 0 {
                out.extend(core::iter::repeat_n(b'0', more as usize));
            }
        }
    }
    out
}
