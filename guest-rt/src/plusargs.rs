//! `$test$plusargs` and `$value$plusargs` over the host's plusargs.

use crate::format::{store_text, string_bytes};
use crate::host;
use crate::logic::{self, limbs};
use crate::mem::{self, wr64};
use alloc::vec::Vec;

/// `rt_test_plusargs(s, sw) -> 1` if a plusarg starts with the string.
#[no_mangle]
pub extern "C" fn rt_test_plusargs(s: u32, sw: u32) -> i32 {
    let prefix = string_bytes(mem::value(s, sw), sw);
    host::plusargs().iter().any(|a| a.starts_with(&prefix)) as i32
}

/// `rt_value_plusargs(fmt, fw, dst, dw, dst_real) -> 1` if found; parses
/// `%d %h %x %o %b %s %e %f %g` and writes `dst` (an f64 when `dst_real`).
#[no_mangle]
pub extern "C" fn rt_value_plusargs(fmt: u32, fw: u32, dst: u32, dw: u32, dst_real: i32) -> i32 {
    let fmt = string_bytes(mem::value(fmt, fw), fw);
    let Some(pct) = fmt.iter().position(|&c| c == b'%') else {
        return 0;
    };
    let prefix = &fmt[..pct];
    // The conversion letter, after an optional width.
    let conv = fmt[pct + 1..].iter().find(|c| !c.is_ascii_digit()).map(|c| c.to_ascii_lowercase()).unwrap_or(b'd');
    let args = host::plusargs();
    let Some(arg) = args.iter().find(|a| a.starts_with(prefix)) else {
        return 0;
    };
    let text = &arg[prefix.len()..];
    store_parsed(text, conv, dst, dw, dst_real != 0);
    1
}

fn store_parsed(text: &[u8], conv: u8, dst: u32, dw: u32, real: bool) {
    match conv {
        b's' => {
            if !real {
                store_text(dst, dw, text);
            }
        }
        b'e' | b'f' | b'g' => {
            let r = core::str::from_utf8(text).ok().and_then(|s| s.trim().parse::<f64>().ok()).unwrap_or(0.0);
            if real {
                wr64(dst, r.to_bits());
            } else {
                logic::from_real(mem::value_mut(dst, dw), dw, r);
            }
        }
        b'h' | b'x' | b'o' | b'b' => {
            let bits = match conv {
                b'o' => 3,
                b'b' => 1,
                _ => 4,
            };
            let w = if real { 64 } else { dw };
            let mut v = alloc::vec![0u64; 2 * limbs(w)];
            parse_radix(text, bits, &mut v, w);
            if real {
                wr64(dst, logic::to_real(&v, 64, false).to_bits());
            } else {
                mem::value_mut(dst, dw).copy_from_slice(&v);
            }
        }
        _ => {
            let v = parse_decimal(text);
            if real {
                wr64(dst, (v as f64).to_bits());
            } else {
                logic::from_i64(mem::value_mut(dst, dw), dw, v);
            }
        }
    }
}

/// A decimal integer with an optional sign; stops at the first non-digit.
fn parse_decimal(text: &[u8]) -> i64 {
    let (neg, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let mut v: i64 = 0;
    for &c in digits.iter().take_while(|c| c.is_ascii_digit() || **c == b'_') {
        if c != b'_' {
            v = v.wrapping_mul(10).wrapping_add((c - b'0') as i64);
        }
    }
    if neg {
        v.wrapping_neg()
    } else {
        v
    }
}

/// Digits of `bits` bits each (x/z allowed, `_` skipped) into a `w`-bit
/// value, keeping the low bits; stops at the first invalid character.
pub fn parse_radix(text: &[u8], bits: u32, v: &mut [u64], w: u32) -> usize {
    let digits: Vec<u8> = text
        .iter()
        .copied()
        .take_while(|&c| digit_value(c, bits).is_some() || c == b'_')
        .filter(|&c| c != b'_')
        .collect();
    v.fill(0);
    for (k, &c) in digits.iter().rev().enumerate() {
        let Some((a, b)) = digit_value(c, bits) else {
            continue;
        };
        let pos = k as i64 * bits as i64;
        if pos >= w as i64 {
            break;
        }
        let digit = [a, b];
        logic::set_bits(v, w, pos, &digit, bits);
    }
    digits.len()
}

/// (aval, bval) bits of one digit in a radix of `bits` bits per digit.
pub fn digit_value(c: u8, bits: u32) -> Option<(u64, u64)> {
    let all = (1u64 << bits) - 1;
    match c {
        b'x' | b'X' => Some((all, all)),
        b'z' | b'Z' | b'?' => Some((0, all)),
        _ => {
            let d = (c as char).to_digit(16)? as u64;
            (d <= all).then_some((d, 0))
        }
    }
}
