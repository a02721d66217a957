//! Value-to-text conversions as vvp's VPI produces them: decimal strings
//! with x/z letters, radix digits, the string view of a vector, the real
//! view of a vector, C `printf` for reals, `%u`/`%z` raw words, `%v`
//! strengths.

use crate::logic::{self, limbs};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;

/// All `ceil(w/8)` bytes of a value's aval plane (X/Z read as 0), most
/// significant first.
pub fn value_bytes_msb_first(v: &[u64], w: u32) -> Vec<u8> {
    let n = limbs(w);
    let nbytes = w.div_ceil(8) as usize;
    (0..nbytes).rev().map(|i| ((v[i / 8] & !v[n + i / 8]) >> ((i % 8) * 8)) as u8).collect()
}

/// vvp's string value of a vector: bytes from the most significant, X/Z
/// bits read as 0, leading NULs skipped, other NULs shown as spaces.
pub fn vpi_string(v: &[u64], w: u32) -> Vec<u8> {
    let mut out = Vec::new();
    for b in value_bytes_msb_first(v, w) {
        if b == 0 && out.is_empty() {
            continue;
        }
        out.push(if b == 0 { b' ' } else { b });
    }
    out
}

/// vvp's `calc_dec_size`: columns for the largest value of the width.
pub fn dec_size(w: u32, signed: bool) -> usize {
    let bits = w as u64 - signed as u64;
    // vvp's approximation of bits * log10(2), rounded up.
    (bits * 146).div_ceil(485) as usize + signed as usize
}

/// Decimal text of a value. X/Z: `x`/`z` when every bit is, else `X` if
/// any bit is x, else `Z`.
pub fn decimal(v: &[u64], w: u32, signed: bool) -> Vec<u8> {
    let n = limbs(w);
    if !logic::is_known(v, w) {
        let mask = |i: usize| {
            if i + 1 < n || w.is_multiple_of(64) {
                !0
            } else {
                (1u64 << (w % 64)) - 1
            }
        };
        let all_x = (0..n).all(|i| v[i] & v[n + i] & mask(i) == mask(i));
        let all_z = (0..n).all(|i| !v[i] & v[n + i] & mask(i) == mask(i));
        let any_x = (0..n).any(|i| v[i] & v[n + i] != 0);
        let c = match (all_x, all_z, any_x) {
            (true, _, _) => b'x',
            (_, true, _) => b'z',
            (_, _, true) => b'X',
            _ => b'Z',
        };
        return alloc::vec![c];
    }
    let mut mag: Vec<u64> = v[..n].to_vec();
    let neg = signed && (mag[((w - 1) / 64) as usize] >> ((w - 1) % 64)) & 1 == 1;
    if neg {
        let mut carry = true;
        for x in mag.iter_mut() {
            let (s, c) = (!*x).overflowing_add(carry as u64);
            *x = s;
            carry = c;
        }
        if !w.is_multiple_of(64) {
            mag[n - 1] &= (1u64 << (w % 64)) - 1;
        }
    }
    let mut digits = unsigned_decimal(&mut mag);
    if neg {
        digits.insert(0, b'-');
    }
    digits
}

/// Decimal digits of an unsigned multi-limb number (consumed).
pub fn unsigned_decimal(mag: &mut [u64]) -> Vec<u8> {
    const CHUNK: u128 = 10_000_000_000_000_000_000; // 10^19
    let mut chunks = Vec::new();
    loop {
        let mut rem: u128 = 0;
        let mut nonzero = false;
        for x in mag.iter_mut().rev() {
            let cur = (rem << 64) | *x as u128;
            *x = (cur / CHUNK) as u64;
            rem = cur % CHUNK;
            nonzero |= *x != 0;
        }
        chunks.push(rem as u64);
        if !nonzero {
            break;
        }
    }
    let mut s = String::new();
    for (k, c) in chunks.iter().rev().enumerate() {
        let _ = if k == 0 { write!(s, "{c}") } else { write!(s, "{c:019}") };
    }
    s.into_bytes()
}

/// Hex/octal/binary digits, all of them. A digit whose bits are all x
/// prints `x`, all z `z`; a mix with some x `X`, else `Z`.
pub fn radix_digits(v: &[u64], w: u32, bits: u32) -> Vec<u8> {
    let n = limbs(w);
    let bit = |plane: usize, i: u32| (v[plane * n + (i / 64) as usize] >> (i % 64)) & 1;
    (0..w.div_ceil(bits))
        .rev()
        .map(|d| {
            let lo = d * bits;
            let hi = (lo + bits).min(w);
            let (mut val, mut nx, mut nz) = (0u32, 0, 0);
            for i in lo..hi {
                match (bit(0, i), bit(1, i)) {
                    (a, 0) => val |= (a as u32) << (i - lo),
                    (1, _) => nx += 1,
                    _ => nz += 1,
                }
            }
            let count = hi - lo;
            match () {
                _ if nx == count => b'x',
                _ if nz == count => b'z',
                _ if nx > 0 => b'X',
                _ if nz > 0 => b'Z',
                _ => b"0123456789abcdef"[val as usize],
            }
        })
        .collect()
}

/// vvp's real view of a vector (`vector4_to_value`, used for `%e %f %g`):
/// the 1 bits added up from the LSB one `2^i` at a time (so wide values
/// round the way vvp's sum does), X/Z bits skipped; a negative signed
/// value is negated bit by bit first and stops adding at its first X/Z bit.
pub fn icarus_to_real(v: &[u64], w: u32, signed: bool) -> f64 {
    let n = limbs(w);
    let bit = |plane: usize, i: u32| (v[plane * n + (i / 64) as usize] >> (i % 64)) & 1;
    let top = w - 1;
    let negative = signed && bit(0, top) == 1 && bit(1, top) == 0;
    let mut res = 0.0f64;
    let mut carry = 1u64;
    for i in 0..w {
        let unknown = bit(1, i) == 1;
        let one = if negative {
            if unknown {
                break; // the carry turns X: no more digits
            }
            let s = (bit(0, i) ^ 1) + carry;
            carry = s >> 1;
            s & 1 == 1
        } else {
            !unknown && bit(0, i) == 1
        };
        if one {
            res += pow2(i);
        }
    }
    if negative {
        -res
    } else {
        res
    }
}

/// `2^i` as C's `pow(2.0, i)` (infinity past the double range).
fn pow2(i: u32) -> f64 {
    if i > 1023 {
        f64::INFINITY
    } else {
        f64::from_bits(((1023 + i) as u64) << 52)
    }
}

/// `%d` of a real: rounded half away from zero, every digit. As in vvp, a
/// negative value that rounds to zero keeps its sign (`-0`), and NaN and
/// the infinities, which have no integer value, print as `nan`/`inf`/`-inf`.
pub fn real_to_decimal(r: f64) -> Vec<u8> {
    const W: u32 = 1088; // any finite double fits
    if r.is_nan() {
        return b"nan".to_vec();
    }
    if r.is_infinite() {
        return if r < 0.0 { b"-inf".to_vec() } else { b"inf".to_vec() };
    }
    let mut v = alloc::vec![0u64; 2 * limbs(W)];
    logic::from_real(&mut v, W, r);
    let text = decimal(&v, W, true);
    if r < 0.0 && text == b"0" {
        return b"-0".to_vec();
    }
    text
}

/// `%h %o %b %c` of a real: the rounded value's low 64 bits (0 when it does
/// not fit in 64 bits).
pub fn real_to_u64_limbs(r: f64) -> [u64; 2] {
    let mut v = [0u64; 2];
    if r.abs_lt(9.223_372_036_854_776e18) {
        logic::from_real(&mut v, 64, r);
    }
    v
}

trait AbsLt {
    fn abs_lt(self, limit: f64) -> bool;
}

impl AbsLt for f64 {
    fn abs_lt(self, limit: f64) -> bool {
        self < limit && self > -limit
    }
}

/// C `printf` flags for a real conversion.
#[derive(Default, Clone, Copy)]
pub struct RealSpec {
    pub ljust: bool,
    pub plus: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub prec: Option<usize>,
    /// `#`: keep trailing zeros of `%g`.
    pub alt: bool,
}

/// C `printf("%<flags><width>.<prec><conv>", r)` for conv e E f g G.
pub fn c_printf(r: f64, conv: u8, spec: &RealSpec) -> Vec<u8> {
    let prec = spec.prec.unwrap_or(6);
    let a = f64::from_bits(r.to_bits() & !(1 << 63));
    let mut body = if r.is_nan() {
        String::from("nan")
    } else if r.is_infinite() {
        String::from("inf")
    } else {
        match conv.to_ascii_lowercase() {
            b'e' => c_exp(a, prec),
            b'f' => alloc::format!("{a:.prec$}"),
            _ => c_general(a, prec, spec.alt),
        }
    };
    if conv.is_ascii_uppercase() {
        body = body.to_ascii_uppercase();
    }
    let sign = if r.is_sign_negative() && !r.is_nan() {
        "-"
    } else if spec.plus {
        "+"
    } else {
        ""
    };
    let text = alloc::format!("{sign}{body}").into_bytes();
    let width = spec.width.unwrap_or(0);
    if text.len() >= width {
        return text;
    }
    let fill = width - text.len();
    if spec.ljust {
        let mut t = text;
        t.extend(core::iter::repeat_n(b' ', fill));
        t
    } else if spec.zero && r.is_finite() {
        let mut out = sign.as_bytes().to_vec();
        out.extend(core::iter::repeat_n(b'0', fill));
        out.extend_from_slice(&text[sign.len()..]);
        out
    } else {
        let mut out: Vec<u8> = core::iter::repeat_n(b' ', fill).collect();
        out.extend(text);
        out
    }
}

/// C `%.<prec>e` of a non-negative finite value: `d.ddde+XX`.
fn c_exp(a: f64, prec: usize) -> String {
    let s = alloc::format!("{a:.prec$e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let sign = if e < 0 { '-' } else { '+' };
    alloc::format!("{mant}e{sign}{:02}", e.unsigned_abs())
}

/// C `%g` (with `#` when `alt`: keep trailing zeros and the point).
fn c_general(a: f64, prec: usize, alt: bool) -> String {
    let p = prec.max(1);
    let exp_form = alloc::format!("{a:.0$e}", p - 1);
    let x: i32 = exp_form.split_once('e').map(|(_, e)| e.parse().unwrap_or(0)).unwrap_or(0);
    let mut s = if (p as i32) > x && x >= -4 {
        let decimals = (p as i32 - 1 - x) as usize;
        alloc::format!("{a:.decimals$}")
    } else {
        c_exp(a, p - 1)
    };
    if !alt {
        s = strip_fraction_zeros(&s);
    } else if !s.contains('.') {
        match s.find('e') {
            Some(i) => s.insert(i, '.'),
            None => s.push('.'),
        }
    }
    s
}

/// Removes trailing zeros of the fraction (and a bare point) of a %g result.
fn strip_fraction_zeros(s: &str) -> String {
    let (mant, exp) = match s.find('e') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let mant = if mant.contains('.') { mant.trim_end_matches('0').trim_end_matches('.') } else { mant };
    alloc::format!("{mant}{exp}")
}

/// `%u` (2-state words) or `%z` (aval, bval word pairs): 32-bit words,
/// least significant first, little-endian.
pub fn raw_words(v: &[u64], w: u32, four_state: bool) -> Vec<u8> {
    let n = limbs(w);
    let mut out = Vec::new();
    for i in 0..w.div_ceil(32) as usize {
        let word = |plane: usize| (v[plane * n + i / 2] >> ((i % 2) * 32)) as u32;
        if four_state {
            out.extend_from_slice(&word(0).to_le_bytes());
            out.extend_from_slice(&word(1).to_le_bytes());
        } else {
            out.extend_from_slice(&(word(0) & !word(1)).to_le_bytes());
        }
    }
    out
}

/// `%v`: the strength of each bit, most significant first, joined by `_`
/// (variables drive strong).
pub fn strengths(v: &[u64], w: u32) -> Vec<u8> {
    let n = limbs(w);
    let mut out = Vec::new();
    for i in (0..w).rev() {
        let a = (v[(i / 64) as usize] >> (i % 64)) & 1;
        let b = (v[n + (i / 64) as usize] >> (i % 64)) & 1;
        out.extend_from_slice(match (a, b) {
            (0, 0) => b"St0",
            (1, 0) => b"St1",
            (0, _) => b"HiZ",
            _ => b"StX",
        });
        if i > 0 {
            out.push(b'_');
        }
    }
    out
}
