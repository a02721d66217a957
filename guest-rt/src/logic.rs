//! 4-state logic on limb slices: the one implementation of Verilog value
//! semantics, used by guest-rt at run time (through the `rt_*` exports) and by
//! elaboration for constant folding.
//!
//! A value of width `w` is a slice of `2 * limbs(w)` u64 words: the aval
//! limbs, then the bval limbs, least significant first; bits above `w` are
//! zero in both planes. Encoding per bit (aval, bval): 0=(0,0) 1=(1,0)
//! z=(0,1) x=(1,1). Op codes are those of `wsim_abi::op`.
//!
//! API (implemented by the guest-rt work; signatures are a contract):
//! ```text
//! pub fn limbs(w: u32) -> usize
//! pub fn arith(op: i32, dst: &mut [u64], a: &[u64], b: &[u64], w: u32, signed: bool)
//! pub fn pow(dst: &mut [u64], a: &[u64], w: u32, a_signed: bool, b: &[u64], bw: u32, b_signed: bool)
//! pub fn unary(op: i32, dst: &mut [u64], a: &[u64], w: u32)
//! pub fn reduce(op: i32, dst: &mut [u64], a: &[u64], w: u32)          // dst: 1-bit value
//! pub fn compare(op: i32, dst: &mut [u64], a: &[u64], b: &[u64], w: u32, signed: bool) // dst: 1 bit
//! pub fn shift(op: i32, dst: &mut [u64], a: &[u64], w: u32, amt: &[u64], amt_w: u32)
//! pub fn truth(a: &[u64], w: u32) -> i32                               // 0 false, 1 true, 2 unknown
//! pub fn cond_merge(dst: &mut [u64], a: &[u64], b: &[u64], w: u32)
//! pub fn get_bits(dst: &mut [u64], dw: u32, src: &[u64], sw: u32, off: i64, src_2state: bool)
//! pub fn set_bits(dst: &mut [u64], dw: u32, off: i64, src: &[u64], sw: u32) -> bool
//! pub fn resize(dst: &mut [u64], dw: u32, src: &[u64], sw: u32, sign_extend: bool)
//! pub fn to_2state(v: &mut [u64], w: u32)
//! pub fn is_known(a: &[u64], w: u32) -> bool
//! pub fn to_i64(a: &[u64], w: u32, signed: bool) -> i64
//! pub fn from_i64(dst: &mut [u64], w: u32, v: i64)
//! pub fn to_real(a: &[u64], w: u32, signed: bool) -> f64
//! pub fn from_real(dst: &mut [u64], w: u32, r: f64)
//! pub fn case_match(kind: i32, a: &[u64], b: &[u64], w: u32) -> bool
//! pub fn bitfunc(op: i32, dst: &mut [u64], a: &[u64], w: u32)
//! ```
//!
//! Semantics follow IEEE 1364-2005 section 5 (operators) and IEEE 1800-2017
//! 11.4 (wildcard equality) and 20.9 (bit vector functions). No function
//! panics on well-formed slices; operations that need scratch space beyond
//! `dst` (wide division and power) allocate it with `alloc`.

extern crate alloc;

use alloc::vec;
use alloc::vec::Vec;
use wsim_abi::op;

/// Number of 64-bit limbs in one plane of a `w`-bit value (at least 1).
pub fn limbs(w: u32) -> usize {
    if w == 0 {
        1
    } else {
        w.div_ceil(64) as usize
    }
}

/// Mask of the valid bits in the most significant limb of a `w`-bit value.
fn top_mask(w: u32) -> u64 {
    match w % 64 {
        0 if w == 0 => 0,
        0 => !0,
        r => (1u64 << r) - 1,
    }
}

/// Mask of the valid bits of limb `i` of a `w`-bit value.
fn limb_mask(w: u32, i: usize) -> u64 {
    if i + 1 < limbs(w) {
        !0
    } else {
        top_mask(w)
    }
}

/// Clears the bits above `w` in both planes (keeps the layout invariant).
fn mask_planes(v: &mut [u64], w: u32) {
    let n = limbs(w);
    v[n - 1] &= top_mask(w);
    v[2 * n - 1] &= top_mask(w);
}

/// Sets all `w` bits to X.
fn set_all_x(dst: &mut [u64], w: u32) {
    let n = limbs(w);
    dst[..2 * n].fill(!0);
    mask_planes(dst, w);
}

/// Sets a 1-bit result: 0, 1, or (for `None`) X.
fn set_bit1(dst: &mut [u64], v: Option<bool>) {
    match v {
        Some(b) => {
            dst[0] = b as u64;
            dst[1] = 0;
        }
        None => {
            dst[0] = 1;
            dst[1] = 1;
        }
    }
}

fn has_unknown(a: &[u64], w: u32) -> bool {
    let n = limbs(w);
    a[n..2 * n].iter().any(|&x| x != 0)
}

/// Bit `i` of a plane.
fn plane_bit(plane: &[u64], i: u32) -> bool {
    (plane[(i / 64) as usize] >> (i % 64)) & 1 != 0
}

/// Bits `pos .. pos + 64` of a plane of `nbits` bits; bits outside the plane
/// read 0.
fn read64(plane: &[u64], nbits: u32, pos: i128) -> u64 {
    let n = limbs(nbits) as i128;
    if pos <= -64 || pos >= n * 64 {
        return 0;
    }
    let get = |i: i128| -> u64 {
        if i >= 0 && i < n {
            plane[i as usize]
        } else {
            0
        }
    };
    let limb = pos.div_euclid(64);
    let sh = pos.rem_euclid(64) as u32;
    if sh == 0 {
        get(limb)
    } else {
        (get(limb) >> sh) | (get(limb + 1) << (64 - sh))
    }
}

/// Mask of the bits `j` of a 64-bit window at `pos` with `0 <= pos + j < nbits`.
fn range_mask(nbits: u32, pos: i128) -> u64 {
    let lo = (-pos).clamp(0, 64) as u32; // first in-range bit of the window
    let hi = (nbits as i128 - pos).clamp(0, 64) as u32; // first bit past the end
    if hi <= lo {
        0
    } else {
        ones(hi) & !ones(lo)
    }
}

/// The `k` lowest bits set (`k <= 64`).
fn ones(k: u32) -> u64 {
    if k >= 64 {
        !0
    } else {
        (1u64 << k) - 1
    }
}

// ---------------------------------------------------------------------------
// Unsigned multi-limb arithmetic on single planes (all slices of `n` limbs).

fn is_zero(a: &[u64]) -> bool {
    a.iter().all(|&x| x == 0)
}

/// `dst = a + b` modulo 2^(64n).
fn add_planes(dst: &mut [u64], a: &[u64], b: &[u64]) {
    let mut carry = false;
    for i in 0..dst.len() {
        let (s1, c1) = a[i].overflowing_add(b[i]);
        let (s2, c2) = s1.overflowing_add(carry as u64);
        dst[i] = s2;
        carry = c1 || c2;
    }
}

/// `dst = a - b` modulo 2^(64n).
fn sub_planes(dst: &mut [u64], a: &[u64], b: &[u64]) {
    let mut borrow = false;
    for i in 0..dst.len() {
        let (d1, b1) = a[i].overflowing_sub(b[i]);
        let (d2, b2) = d1.overflowing_sub(borrow as u64);
        dst[i] = d2;
        borrow = b1 || b2;
    }
}

/// `v -= b` in place; returns the borrow out.
fn sub_in_place(v: &mut [u64], b: &[u64]) {
    let mut borrow = false;
    for i in 0..v.len() {
        let (d1, b1) = v[i].overflowing_sub(b[i]);
        let (d2, b2) = d1.overflowing_sub(borrow as u64);
        v[i] = d2;
        borrow = b1 || b2;
    }
}

/// Two's complement negation in place modulo 2^(64n).
fn negate_in_place(v: &mut [u64]) {
    let mut carry = true;
    for x in v.iter_mut() {
        let (s, c) = (!*x).overflowing_add(carry as u64);
        *x = s;
        carry = c;
    }
}

/// `dst = a * b` modulo 2^(64n) (schoolbook, low half only).
fn mul_planes(dst: &mut [u64], a: &[u64], b: &[u64]) {
    let n = dst.len();
    dst.fill(0);
    for i in 0..n {
        if a[i] == 0 {
            continue;
        }
        let mut carry: u128 = 0;
        for j in 0..n - i {
            let t = a[i] as u128 * b[j] as u128 + dst[i + j] as u128 + carry;
            dst[i + j] = t as u64;
            carry = t >> 64;
        }
    }
}

/// Unsigned comparison of two planes of equal length.
fn cmp_planes(a: &[u64], b: &[u64]) -> core::cmp::Ordering {
    for i in (0..a.len()).rev() {
        match a[i].cmp(&b[i]) {
            core::cmp::Ordering::Equal => continue,
            o => return o,
        }
    }
    core::cmp::Ordering::Equal
}

/// Index of the highest set bit plus one (0 for zero).
fn bit_len(a: &[u64]) -> u32 {
    for i in (0..a.len()).rev() {
        if a[i] != 0 {
            return i as u32 * 64 + 64 - a[i].leading_zeros();
        }
    }
    0
}

/// Shifts a plane left by one bit in place; returns the bit shifted out.
fn shl1_in_place(v: &mut [u64]) -> bool {
    let mut carry = 0u64;
    for x in v.iter_mut() {
        let out = *x >> 63;
        *x = (*x << 1) | carry;
        carry = out;
    }
    carry != 0
}

/// Unsigned division `q = a / b`, `r = a % b` for non-zero `b`.
fn udivmod(q: &mut [u64], r: &mut [u64], a: &[u64], b: &[u64]) {
    let n = a.len();
    if n == 1 {
        q[0] = a[0] / b[0];
        r[0] = a[0] % b[0];
        return;
    }
    if n == 2 {
        let x = a[0] as u128 | (a[1] as u128) << 64;
        let y = b[0] as u128 | (b[1] as u128) << 64;
        let (qq, rr) = (x / y, x % y);
        q[0] = qq as u64;
        q[1] = (qq >> 64) as u64;
        r[0] = rr as u64;
        r[1] = (rr >> 64) as u64;
        return;
    }
    // Restoring shift-subtract division, one quotient bit per step.
    q.fill(0);
    r.fill(0);
    for i in (0..bit_len(a)).rev() {
        let carry = shl1_in_place(r);
        r[0] |= plane_bit(a, i) as u64;
        if carry || cmp_planes(r, b) != core::cmp::Ordering::Less {
            sub_in_place(r, b);
            q[(i / 64) as usize] |= 1u64 << (i % 64);
        }
    }
}

/// Copies the aval plane of a `w`-bit value, negated (two's complement in
/// `w` bits) when `neg`.
fn magnitude(a: &[u64], w: u32, neg: bool) -> Vec<u64> {
    let n = limbs(w);
    let mut m = a[..n].to_vec();
    if neg {
        negate_in_place(&mut m);
        m[n - 1] &= top_mask(w);
    }
    m
}

/// Signed or unsigned division of known, non-zero-divisor operands: writes
/// the quotient (`want_rem == false`) or remainder into `dst`'s aval plane.
fn divide(dst: &mut [u64], a: &[u64], b: &[u64], w: u32, signed: bool, want_rem: bool) {
    let n = limbs(w);
    let a_neg = signed && plane_bit(a, w - 1);
    let b_neg = signed && plane_bit(b, w - 1);
    let ma = magnitude(a, w, a_neg);
    let mb = magnitude(b, w, b_neg);
    let mut q = vec![0u64; n];
    let mut r = vec![0u64; n];
    udivmod(&mut q, &mut r, &ma, &mb);
    let (res, neg) = if want_rem { (r, a_neg) } else { (q, a_neg != b_neg) };
    dst[..n].copy_from_slice(&res);
    if neg {
        negate_in_place(&mut dst[..n]);
    }
}

// ---------------------------------------------------------------------------
// Public API

/// `dst = a op b` for ADD SUB MUL DIV MOD (any X/Z bit or a zero divisor
/// gives all X) and AND OR XOR XNOR (per-bit 4-state tables).
pub fn arith(op: i32, dst: &mut [u64], a: &[u64], b: &[u64], w: u32, signed: bool) {
    let n = limbs(w);
    match op {
        op::AND | op::OR | op::XOR | op::XNOR => {
            for i in 0..n {
                let (av, ab) = bitwise_limb(op, a[i], a[n + i], b[i], b[n + i]);
                dst[i] = av;
                dst[n + i] = ab;
            }
            mask_planes(dst, w);
            return;
        }
        _ => {}
    }
    if has_unknown(a, w) || has_unknown(b, w) {
        set_all_x(dst, w);
        return;
    }
    match op {
        op::ADD => add_planes(&mut dst[..n], &a[..n], &b[..n]),
        op::SUB => sub_planes(&mut dst[..n], &a[..n], &b[..n]),
        op::MUL => mul_planes(&mut dst[..n], &a[..n], &b[..n]),
        op::DIV | op::MOD => {
            if is_zero(&b[..n]) {
                set_all_x(dst, w);
                return;
            }
            divide(dst, a, b, w, signed, op == op::MOD);
        }
        _ => {
            set_all_x(dst, w);
            return;
        }
    }
    dst[n..2 * n].fill(0);
    mask_planes(dst, w);
}

/// One limb of a bitwise operation: returns (aval, bval).
fn bitwise_limb(op: i32, aa: u64, ab: u64, ba: u64, bb: u64) -> (u64, u64) {
    let unk = ab | bb;
    match op {
        op::AND => {
            let zero = (!aa & !ab) | (!ba & !bb);
            (!zero, unk & !zero)
        }
        op::OR => {
            let one = (aa & !ab) | (ba & !bb);
            let x = unk & !one;
            (one | x, x)
        }
        op::XOR => ((aa ^ ba) | unk, unk),
        _ => (!(aa ^ ba) | unk, unk),
    }
}

/// `a ** b` with result width `w` (`a` has width `w`, `b` width `bw`), per
/// IEEE 1364-2005 table 5-6.
pub fn pow(dst: &mut [u64], a: &[u64], w: u32, a_signed: bool, b: &[u64], bw: u32, b_signed: bool) {
    let n = limbs(w);
    let bn = limbs(bw);
    if has_unknown(a, w) || has_unknown(b, bw) {
        set_all_x(dst, w);
        return;
    }
    dst[..2 * n].fill(0);
    let b_negative = b_signed && plane_bit(b, bw - 1);
    if b_negative {
        let a_is_zero = is_zero(&a[..n]);
        // Icarus treats an all-ones base as -1 even when it is unsigned
        // (`8'd255 ** -1` is 255); the table is only defined for signed.
        let _ = a_signed;
        let a_is_minus_one = (0..n).all(|i| a[i] == limb_mask(w, i));
        let a_is_one = a[0] == 1 && is_zero(&a[1..n]);
        if a_is_zero {
            set_all_x(dst, w);
        } else if a_is_minus_one {
            if b[0] & 1 == 1 {
                dst[..n].copy_from_slice(&a[..n]);
            } else {
                dst[0] = 1;
            }
        } else if a_is_one {
            dst[0] = 1;
        }
        // |a| > 1 with a negative exponent: 0 (already cleared).
        return;
    }
    // Square and multiply modulo 2^(64n); the top limb is masked at the end.
    let mut result = vec![0u64; n];
    result[0] = 1;
    let mut tmp = vec![0u64; n];
    for i in (0..bit_len(&b[..bn])).rev() {
        mul_planes(&mut tmp, &result, &result);
        if plane_bit(b, i) {
            mul_planes(&mut result, &tmp, &a[..n]);
        } else {
            result.copy_from_slice(&tmp);
        }
    }
    dst[..n].copy_from_slice(&result);
    mask_planes(dst, w);
}

/// NEG (all X if any X/Z) or NOT (bitwise, Z reads as X).
pub fn unary(op: i32, dst: &mut [u64], a: &[u64], w: u32) {
    let n = limbs(w);
    match op {
        op::NEG => {
            if has_unknown(a, w) {
                set_all_x(dst, w);
                return;
            }
            dst[..n].copy_from_slice(&a[..n]);
            negate_in_place(&mut dst[..n]);
            dst[n..2 * n].fill(0);
        }
        _ => {
            for i in 0..n {
                dst[i] = !a[i] | a[n + i];
                dst[n + i] = a[n + i];
            }
        }
    }
    mask_planes(dst, w);
}

/// Summary of a value's bits: any known 0, any known 1, any X/Z, parity of
/// the 1 bits.
struct BitSummary {
    any0: bool,
    any1: bool,
    any_unknown: bool,
    parity: bool,
}

fn summarize(a: &[u64], w: u32) -> BitSummary {
    let n = limbs(w);
    let mut s = BitSummary { any0: false, any1: false, any_unknown: false, parity: false };
    for i in 0..n {
        let m = limb_mask(w, i);
        let (av, bv) = (a[i] & m, a[n + i] & m);
        s.any0 |= (!av & !bv & m) != 0;
        s.any1 |= (av & !bv) != 0;
        s.any_unknown |= bv != 0;
        s.parity ^= (av & !bv).count_ones() & 1 == 1;
    }
    s
}

/// Reductions (`&a ~&a |a ~|a ^a ~^a`) and logical `!a`; `dst` is 1 bit.
pub fn reduce(op: i32, dst: &mut [u64], a: &[u64], w: u32) {
    let s = summarize(a, w);
    let and = if s.any0 {
        Some(false)
    } else if s.any_unknown {
        None
    } else {
        Some(true)
    };
    let or = if s.any1 {
        Some(true)
    } else if s.any_unknown {
        None
    } else {
        Some(false)
    };
    let xor = if s.any_unknown { None } else { Some(s.parity) };
    let v = match op {
        op::RED_AND => and,
        op::RED_NAND => and.map(|b| !b),
        op::RED_OR => or,
        op::RED_NOR | op::LOG_NOT => or.map(|b| !b),
        op::RED_XOR => xor,
        _ => xor.map(|b| !b),
    };
    set_bit1(dst, v);
}

/// Comparisons; `dst` is 1 bit.
pub fn compare(op: i32, dst: &mut [u64], a: &[u64], b: &[u64], w: u32, signed: bool) {
    let n = limbs(w);
    let v = match op {
        op::EQ => logical_eq(a, b, w, false),
        op::NE => logical_eq(a, b, w, false).map(|x| !x),
        op::CASE_EQ => Some(a[..2 * n] == b[..2 * n]),
        op::CASE_NE => Some(a[..2 * n] != b[..2 * n]),
        op::WILD_EQ => logical_eq(a, b, w, true),
        op::WILD_NE => logical_eq(a, b, w, true).map(|x| !x),
        _ => relational(op, a, b, w, signed),
    };
    set_bit1(dst, v);
}

/// `==` (or `==?` when `wild`: X/Z bits of `b` are don't-care): false if a
/// known bit pair differs, unknown if a compared bit is X/Z, else true.
fn logical_eq(a: &[u64], b: &[u64], w: u32, wild: bool) -> Option<bool> {
    let n = limbs(w);
    let mut unknown = false;
    for i in 0..n {
        let m = limb_mask(w, i);
        let (aa, ab, ba, bb) = (a[i], a[n + i], b[i], b[n + i]);
        let care = if wild { m & !bb } else { m };
        let known = care & !ab & !bb;
        if known & (aa ^ ba) != 0 {
            return Some(false);
        }
        unknown |= care & (ab | bb) != 0;
    }
    if unknown {
        None
    } else {
        Some(true)
    }
}

/// `< <= > >=`: unknown if any X/Z bit.
fn relational(op: i32, a: &[u64], b: &[u64], w: u32, signed: bool) -> Option<bool> {
    use core::cmp::Ordering::*;
    if has_unknown(a, w) || has_unknown(b, w) {
        return None;
    }
    let n = limbs(w);
    let sa = signed && plane_bit(a, w - 1);
    let sb = signed && plane_bit(b, w - 1);
    let ord = match (sa, sb) {
        (true, false) => Less,
        (false, true) => Greater,
        _ => cmp_planes(&a[..n], &b[..n]),
    };
    Some(match op {
        op::LT => ord == Less,
        op::LE => ord != Greater,
        op::GT => ord == Greater,
        _ => ord != Less,
    })
}

/// SHL SHR ASHR; `amt` (width `amt_w`) is read unsigned; X/Z in `amt` gives
/// all X; ASHR fills with the sign bit (X/Z included).
pub fn shift(op: i32, dst: &mut [u64], a: &[u64], w: u32, amt: &[u64], amt_w: u32) {
    let n = limbs(w);
    if has_unknown(amt, amt_w) {
        set_all_x(dst, w);
        return;
    }
    let an = limbs(amt_w);
    let huge = amt[1..an].iter().any(|&x| x != 0) || amt[0] >= w as u64;
    let s = if huge { w as i128 } else { amt[0] as i128 };
    for plane in 0..2 {
        let src = &a[plane * n..(plane + 1) * n];
        let sign = op == op::ASHR && plane_bit(src, w - 1);
        for i in 0..n {
            let pos = i as i128 * 64;
            let word = if op == op::SHL {
                read64(src, w, pos - s)
            } else {
                let mut v = read64(src, w, pos + s);
                if sign {
                    // Bits at or above w - s come from the sign.
                    v |= !range_mask((w as i128 - s).max(0) as u32, pos);
                }
                v
            };
            dst[plane * n + i] = word;
        }
    }
    mask_planes(dst, w);
}

/// Truth value of a condition: 0 false (all bits known 0), 1 true (some bit
/// known 1), 2 unknown.
pub fn truth(a: &[u64], w: u32) -> i32 {
    let s = summarize(a, w);
    if s.any1 {
        1
    } else if s.any_unknown {
        2
    } else {
        0
    }
}

/// `?:` with an unknown condition: bits equal and known in both branches are
/// kept, the others become X.
pub fn cond_merge(dst: &mut [u64], a: &[u64], b: &[u64], w: u32) {
    let n = limbs(w);
    for i in 0..n {
        let same = !(a[i] ^ b[i]) & !a[n + i] & !b[n + i];
        dst[i] = (a[i] & same) | !same;
        dst[n + i] = !same;
    }
    mask_planes(dst, w);
}

/// `dst = src[off +: dw]`; source bits outside `[0, sw)` read X (0 when
/// `src_2state`).
pub fn get_bits(dst: &mut [u64], dw: u32, src: &[u64], sw: u32, off: i64, src_2state: bool) {
    let n = limbs(dw);
    let sn = limbs(sw);
    for i in 0..n {
        let pos = off as i128 + i as i128 * 64;
        let rm = range_mask(sw, pos);
        let mut av = read64(&src[..sn], sw, pos) & rm;
        let mut bv = read64(&src[sn..2 * sn], sw, pos) & rm;
        if !src_2state {
            av |= !rm;
            bv |= !rm;
        }
        dst[i] = av;
        dst[n + i] = bv;
    }
    mask_planes(dst, dw);
}

/// `dst[off +: sw] = src` for the bits inside `[0, dw)`; returns whether any
/// bit changed.
pub fn set_bits(dst: &mut [u64], dw: u32, off: i64, src: &[u64], sw: u32) -> bool {
    let n = limbs(dw);
    let sn = limbs(sw);
    let off = off as i128;
    // Only the dst limbs overlapping [off, off + sw) can change.
    let first = (off.max(0) / 64) as usize;
    let end_bit = (off + sw as i128).min(dw as i128);
    if end_bit <= 0 || off >= dw as i128 {
        return false;
    }
    let last = ((end_bit - 1) / 64) as usize;
    let mut changed = false;
    for i in first..=last.min(n - 1) {
        let pos = i as i128 * 64;
        let m = range_mask(sw, pos - off) & limb_mask(dw, i);
        for plane in 0..2 {
            let s = &src[plane * sn..(plane + 1) * sn];
            let bits = read64(s, sw, pos - off);
            let d = &mut dst[plane * n + i];
            let new = (*d & !m) | (bits & m);
            changed |= new != *d;
            *d = new;
        }
    }
    changed
}

/// Zero/sign extension (sign extension copies the top bit, X/Z included) or
/// truncation.
pub fn resize(dst: &mut [u64], dw: u32, src: &[u64], sw: u32, sign_extend: bool) {
    let n = limbs(dw);
    let sn = limbs(sw);
    for plane in 0..2 {
        let s = &src[plane * sn..(plane + 1) * sn];
        let fill = sign_extend && dw > sw && plane_bit(s, sw - 1);
        for i in 0..n {
            let pos = i as i128 * 64;
            let mut v = read64(s, sw, pos) & range_mask(sw, pos);
            if fill {
                v |= !range_mask(sw, pos);
            }
            dst[plane * n + i] = v;
        }
    }
    mask_planes(dst, dw);
}

/// In place: X/Z bits become 0.
pub fn to_2state(v: &mut [u64], w: u32) {
    let n = limbs(w);
    for i in 0..n {
        v[i] &= !v[n + i];
        v[n + i] = 0;
    }
}

/// True if no bit is X or Z.
pub fn is_known(a: &[u64], w: u32) -> bool {
    !has_unknown(a, w)
}

/// The low 64 bits of aval, sign-extended from `w` when `signed` and `w < 64`.
pub fn to_i64(a: &[u64], w: u32, signed: bool) -> i64 {
    let v = a[0];
    if signed && w > 0 && w < 64 {
        ((v << (64 - w)) as i64) >> (64 - w)
    } else {
        v as i64
    }
}

/// Stores `v` (two's complement, truncated or sign-extended to `w`).
pub fn from_i64(dst: &mut [u64], w: u32, v: i64) {
    let n = limbs(w);
    dst[0] = v as u64;
    let fill = if v < 0 { !0 } else { 0 };
    dst[1..n].fill(fill);
    dst[n..2 * n].fill(0);
    mask_planes(dst, w);
}

/// `2^e` as an f64 for any `e` (overflows to infinity, underflows to 0).
fn pow2(e: i32) -> f64 {
    let mut r = 1.0f64;
    let mut e = e;
    while e != 0 {
        let step = e.clamp(-1000, 1000);
        r *= f64::from_bits(((1023 + step) as u64) << 52);
        e -= step;
    }
    r
}

/// Converts to a real; X/Z bits read as 0; rounds to nearest.
pub fn to_real(a: &[u64], w: u32, signed: bool) -> f64 {
    let n = limbs(w);
    let mut m: Vec<u64> = (0..n).map(|i| a[i] & !a[n + i]).collect();
    let neg = signed && plane_bit(&m, w - 1);
    if neg {
        negate_in_place(&mut m);
        m[n - 1] &= top_mask(w);
    }
    let len = bit_len(&m);
    let mag = if len <= 64 {
        m[0] as f64
    } else {
        // The top 64 bits with a sticky bit for everything below: rounding
        // the u64 to f64 then rounds the whole value correctly.
        let shift = len - 64;
        let top = read64(&m, len, shift as i128);
        let sticky = (0..shift).any(|i| plane_bit(&m, i));
        (top | sticky as u64) as f64 * pow2(shift as i32)
    };
    if neg {
        -mag
    } else {
        mag
    }
}

/// Converts a real: rounds half away from zero and keeps the low `w` bits.
/// NaN and infinities have no integer value and give all X (as in Icarus;
/// the standard leaves them undefined): a 2-state target then reads 0.
pub fn from_real(dst: &mut [u64], w: u32, r: f64) {
    let n = limbs(w);
    dst[..2 * n].fill(0);
    if !r.is_finite() {
        set_all_x(dst, w);
        return;
    }
    let abs = if r < 0.0 { -r } else { r };
    if abs < 4503599627370496.0 {
        // |r| < 2^52: the fraction is exact.
        let t = r as i64;
        let frac = r - t as f64;
        let rounded = if frac >= 0.5 {
            t + 1
        } else if frac <= -0.5 {
            t - 1
        } else {
            t
        };
        from_i64(dst, w, rounded);
        return;
    }
    // An integer already: mantissa << exponent, modulo 2^w.
    let bits = abs.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i128 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    for (i, limb) in dst[..n].iter_mut().enumerate() {
        *limb = read64(&[mant], 64, i as i128 * 64 - exp);
    }
    if r < 0.0 {
        negate_in_place(&mut dst[..n]);
    }
    mask_planes(dst, w);
}

/// `case` item matching: CASE_EXACT (`===`), CASE_Z (Z bits of either side
/// are don't-care), CASE_X (X and Z bits of either side are don't-care).
pub fn case_match(kind: i32, a: &[u64], b: &[u64], w: u32) -> bool {
    let n = limbs(w);
    (0..n).all(|i| {
        let (aa, ab, ba, bb) = (a[i], a[n + i], b[i], b[n + i]);
        let dont_care = match kind {
            op::CASE_Z => (!aa & ab) | (!ba & bb),
            op::CASE_X => ab | bb,
            _ => 0,
        };
        let care = !dont_care & limb_mask(w, i);
        (aa ^ ba) & care == 0 && (ab ^ bb) & care == 0
    })
}

/// `$clog2 $countones` (32-bit result) and `$onehot $onehot0 $isunknown`
/// (1-bit result). X/Z bits are not counted as ones; `$clog2` of a value
/// with X/Z is X.
pub fn bitfunc(op: i32, dst: &mut [u64], a: &[u64], w: u32) {
    let n = limbs(w);
    let ones: u64 = (0..n).map(|i| (a[i] & !a[n + i] & limb_mask(w, i)).count_ones() as u64).sum();
    match op {
        op::BF_CLOG2 => {
            if has_unknown(a, w) {
                set_all_x(dst, 32);
                return;
            }
            let len = bit_len(&a[..n]);
            let clog = if ones <= 1 { len.saturating_sub(1) } else { len };
            from_i64(dst, 32, clog as i64);
        }
        op::BF_COUNTONES => from_i64(dst, 32, ones as i64),
        op::BF_ONEHOT => set_bit1(dst, Some(ones == 1)),
        op::BF_ONEHOT0 => set_bit1(dst, Some(ones <= 1)),
        _ => set_bit1(dst, Some(has_unknown(a, w))),
    }
}

#[cfg(test)]
mod tests;
