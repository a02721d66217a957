//! Number literals to 4-state constants (IEEE 1364-2005 3.5.1): sizes,
//! bases, x/z digits and their extension to the left.

use wsim_ir::Const;
use wsim_syntax::ast::{Base, NumberLit};

/// A literal's value and how it extends.
#[derive(Clone, Debug)]
pub struct Literal {
    pub value: Const,
    /// Written without a size (`42`, `'hff`): at least 32 bits.
    pub is_unsized: bool,
    /// The leftmost digit was x or z: pad with it instead of 0 when the
    /// literal is wider than its digits (also when an is_unsized literal is
    /// extended to the expression width).
    pub pad: Option<(bool, bool)>,
}

/// Set bit `pos` of a growable (aval, bval) pair.
fn set_bit(aval: &mut Vec<u64>, bval: &mut Vec<u64>, pos: usize, a: bool, b: bool) {
    let limb = pos / 64;
    while aval.len() <= limb {
        aval.push(0);
        bval.push(0);
    }
    if a {
        aval[limb] |= 1 << (pos % 64);
    }
    if b {
        bval[limb] |= 1 << (pos % 64);
    }
}

fn digit_bits(c: char) -> Option<(u64, bool, bool)> {
    match c {
        'x' => Some((0, true, true)),
        'z' | '?' => Some((0, false, true)),
        _ => c.to_digit(16).map(|d| (d as u64, false, false)),
    }
}

/// Decode a number literal. `Err` is a message for E0203-style reporting.
pub fn number(n: &NumberLit) -> Result<Literal, String> {
    let base = n.base.unwrap_or(Base::Decimal);
    let digits: Vec<char> = n.digits.chars().filter(|&c| c != '_').collect();
    if digits.is_empty() {
        return Err("number has no digits".into());
    }
    check_size(n, base, digits.len())?;
    let mut aval = Vec::new();
    let mut bval = Vec::new();
    let mut nbits;
    let mut pad = None;
    match base {
        Base::Decimal => {
            if digits.len() == 1 && matches!(digits[0], 'x' | 'z' | '?') {
                let (_, a, b) = digit_bits(digits[0]).unwrap_or((0, true, true));
                pad = Some((a, b));
                set_bit(&mut aval, &mut bval, 0, a, b);
                nbits = 1;
            } else {
                // Big decimal: repeated multiply-add on 64-bit limbs.
                let mut limbs: Vec<u64> = vec![0];
                for &c in &digits {
                    let d = c.to_digit(10).ok_or_else(|| format!("invalid decimal digit `{c}`"))? as u128;
                    let mut carry = d;
                    for l in limbs.iter_mut() {
                        let v = (*l as u128) * 10 + carry;
                        *l = v as u64;
                        carry = v >> 64;
                    }
                    if carry != 0 {
                        limbs.push(carry as u64);
                    }
                }
                nbits = limbs.len() * 64 - limbs.last().map(|l| l.leading_zeros() as usize).unwrap_or(0);
                nbits = nbits.max(1);
                bval = vec![0; limbs.len()];
                aval = limbs;
            }
        }
        _ => {
            let bpd = match base {
                Base::Binary => 1,
                Base::Octal => 3,
                _ => 4,
            };
            let max = 1u64 << bpd;
            for (i, &c) in digits.iter().rev().enumerate() {
                let (v, a, b) = digit_bits(c).ok_or_else(|| format!("invalid digit `{c}`"))?;
                if !b && v >= max {
                    return Err(format!("digit `{c}` is not valid in this base"));
                }
                for bit in 0..bpd {
                    let pos = i * bpd + bit;
                    if b {
                        set_bit(&mut aval, &mut bval, pos, a, true);
                    } else {
                        set_bit(&mut aval, &mut bval, pos, (v >> bit) & 1 == 1, false);
                    }
                }
            }
            nbits = digits.len() * bpd;
            if let Some((_, a, true)) = digit_bits(digits[0]) {
                pad = Some((a, true));
            }
        }
    }
    let is_unsized = n.size.is_none();
    let width = match n.size {
        Some(0) => return Err("a sized literal needs a size of at least 1".into()),
        Some(s) => s,
        None => (nbits as u32).max(32),
    };
    let signed = n.signed || n.base.is_none();
    Ok(Literal { value: build(width, signed, &aval, &bval, nbits, pad), is_unsized, pad })
}

/// Longest decimal literal: converting one costs digits x limbs, so a
/// hostile megabyte of digits would take minutes.
const MAX_DECIMAL_DIGITS: usize = 1 << 14;

/// Refuse literals that would allocate past the width limit (`2147483647'h1`)
/// or take quadratic time to convert, before any work is done.
fn check_size(n: &NumberLit, base: Base, digits: usize) -> Result<(), String> {
    let max = crate::expr::MAX_WIDTH;
    if let Some(size) = n.size.filter(|&s| s > max) {
        return Err(format!("a literal of {size} bits is wider than wsim's limit of {max} bits"));
    }
    let bits_per_digit = match base {
        Base::Binary => 1,
        Base::Octal => 3,
        Base::Hex => 4,
        Base::Decimal if digits > MAX_DECIMAL_DIGITS => {
            return Err(format!(
                "a decimal literal of {digits} digits is longer than wsim's limit of {MAX_DECIMAL_DIGITS}"
            ));
        }
        Base::Decimal => return Ok(()),
    };
    if digits.saturating_mul(bits_per_digit) > max as usize {
        return Err(format!("a literal of {digits} digits is wider than wsim's limit of {max} bits"));
    }
    Ok(())
}

/// Make a constant of `width` bits from the digit bits, padding above
/// `nbits` with `pad` (or zero) and truncating above `width`.
pub fn build(width: u32, signed: bool, aval: &[u64], bval: &[u64], nbits: usize, pad: Option<(bool, bool)>) -> Const {
    let mut c = Const::zero(width, signed);
    let n = Const::limbs(width);
    for pos in 0..width as usize {
        let (a, b) = if pos < nbits {
            let l = pos / 64;
            let get = |v: &[u64]| v.get(l).map(|w| (w >> (pos % 64)) & 1 == 1).unwrap_or(false);
            (get(aval), get(bval))
        } else {
            pad.unwrap_or((false, false))
        };
        if a {
            c.words[pos / 64] |= 1 << (pos % 64);
        }
        if b {
            c.words[n + pos / 64] |= 1 << (pos % 64);
        }
    }
    c
}

/// Re-extend a literal to `width` bits (for is_unsized x/z literals in a wider
/// context).
pub fn extend(lit: &Literal, width: u32) -> Const {
    let n = Const::limbs(lit.value.width);
    let aval = lit.value.words[..n].to_vec();
    let bval = lit.value.words[n..].to_vec();
    build(width, lit.value.signed, &aval, &bval, lit.value.width as usize, lit.pad)
}

/// `'0`, `'1`, `'x`, `'z` filled to `width`.
pub fn fill(c: char, width: u32) -> Const {
    match c {
        '1' => {
            let mut k = Const::all_x(width, false);
            let n = Const::limbs(width);
            for w in &mut k.words[n..] {
                *w = 0;
            }
            k
        }
        'x' | 'X' => Const::all_x(width, false),
        'z' | 'Z' => Const::all_z(width, false),
        _ => Const::zero(width, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(size: Option<u32>, signed: bool, base: Option<Base>, digits: &str) -> Literal {
        number(&NumberLit { size, signed, base, digits: digits.into() }).unwrap()
    }

    #[test]
    fn sized_hex_and_truncation() {
        let l = lit(Some(8), false, Some(Base::Hex), "1ff");
        assert_eq!(l.value, Const::from_u64(8, false, 0xff));
    }

    #[test]
    fn x_digit_pads_left() {
        let l = lit(Some(8), false, Some(Base::Hex), "x");
        assert_eq!(l.value, Const::all_x(8, false));
        let l = lit(Some(8), false, Some(Base::Binary), "z1");
        // bits: 0 = 1, 1..7 = z
        assert_eq!(l.value.words, vec![0x01, 0xfe]);
    }

    #[test]
    fn plain_decimal_is_signed_32_and_wide_decimal_grows() {
        let l = lit(None, false, None, "42");
        assert_eq!(l.value, Const::from_u64(32, true, 42));
        let l = lit(Some(80), false, Some(Base::Decimal), "1208925819614629174706175");
        assert_eq!(l.value.words, vec![u64::MAX, 0xffff, 0, 0]);
    }

    #[test]
    fn unsized_x_extends_to_context() {
        let l = lit(None, false, Some(Base::Hex), "x");
        assert_eq!(extend(&l, 40), Const::all_x(40, false));
    }
}
