//! The `rt_*` value exports: thin wrappers from arena addresses to the
//! slice functions of [`crate::logic`], plus copy/fill and net resolution.

use crate::logic::{self, limbs};
use crate::mem::{self, value, value_mut};
use wsim_abi::{op, value_bytes};

#[no_mangle]
pub extern "C" fn rt_copy(dst: u32, src: u32, w: u32) {
    mem::copy(dst, src, value_bytes(w));
}

/// `rt_fill(dst, w, count, kind)`: kind 0 = 0, 1 = X, 2 = Z.
#[no_mangle]
pub extern "C" fn rt_fill(dst: u32, w: u32, count: u32, kind: i32) {
    let stride = value_bytes(w);
    let n = limbs(w);
    for i in 0..count {
        let v = value_mut(dst + i * stride, w);
        let (a, b) = match kind {
            1 => (!0u64, !0u64),
            2 => (0, !0u64),
            _ => (0, 0),
        };
        v[..n].fill(a);
        v[n..].fill(b);
        let top = match w % 64 {
            0 => !0,
            r => (1u64 << r) - 1,
        };
        v[n - 1] &= top;
        v[2 * n - 1] &= top;
    }
}

#[no_mangle]
pub extern "C" fn rt_resize(dst: u32, dw: u32, src: u32, sw: u32, sign_extend: i32) {
    logic::resize(value_mut(dst, dw), dw, value(src, sw), sw, sign_extend != 0);
}

#[no_mangle]
pub extern "C" fn rt_to_2state(dst: u32, w: u32) {
    logic::to_2state(value_mut(dst, w), w);
}

/// `rt_to_2state_array(dst, w, count)`: X and Z bits of `count` `w`-bit
/// elements become 0 (what a system task like `$readmemh` wrote into a
/// two-state memory: IEEE 1800-2017 6.11.2).
#[no_mangle]
pub extern "C" fn rt_to_2state_array(dst: u32, w: u32, count: u32) {
    let stride = value_bytes(w);
    for i in 0..count {
        logic::to_2state(value_mut(dst + i * stride, w), w);
    }
}

#[no_mangle]
pub extern "C" fn rt_arith(opc: i32, dst: u32, a: u32, b: u32, w: u32, signed: i32) {
    logic::arith(opc, value_mut(dst, w), value(a, w), value(b, w), w, signed != 0);
}

#[no_mangle]
pub extern "C" fn rt_pow(dst: u32, a: u32, w: u32, a_signed: i32, b: u32, bw: u32, b_signed: i32) {
    logic::pow(value_mut(dst, w), value(a, w), w, a_signed != 0, value(b, bw), bw, b_signed != 0);
}

#[no_mangle]
pub extern "C" fn rt_unary(opc: i32, dst: u32, a: u32, w: u32) {
    logic::unary(opc, value_mut(dst, w), value(a, w), w);
}

#[no_mangle]
pub extern "C" fn rt_reduce(opc: i32, dst: u32, a: u32, w: u32) {
    logic::reduce(opc, value_mut(dst, 1), value(a, w), w);
}

#[no_mangle]
pub extern "C" fn rt_compare(opc: i32, dst: u32, a: u32, b: u32, w: u32, signed: i32) {
    logic::compare(opc, value_mut(dst, 1), value(a, w), value(b, w), w, signed != 0);
}

#[no_mangle]
pub extern "C" fn rt_shift(opc: i32, dst: u32, a: u32, w: u32, amt: u32, amt_w: u32) {
    logic::shift(opc, value_mut(dst, w), value(a, w), w, value(amt, amt_w), amt_w);
}

#[no_mangle]
pub extern "C" fn rt_truth(a: u32, w: u32) -> i32 {
    logic::truth(value(a, w), w)
}

#[no_mangle]
pub extern "C" fn rt_cond_merge(dst: u32, a: u32, b: u32, w: u32) {
    logic::cond_merge(value_mut(dst, w), value(a, w), value(b, w), w);
}

#[no_mangle]
pub extern "C" fn rt_get_bits(dst: u32, dw: u32, src: u32, sw: u32, off: i32, src_2state: i32) {
    logic::get_bits(value_mut(dst, dw), dw, value(src, sw), sw, off as i64, src_2state != 0);
}

#[no_mangle]
pub extern "C" fn rt_set_bits(dst: u32, dw: u32, off: i32, src: u32, sw: u32) -> i32 {
    logic::set_bits(value_mut(dst, dw), dw, off as i64, value(src, sw), sw) as i32
}

#[no_mangle]
pub extern "C" fn rt_is_known(a: u32, w: u32) -> i32 {
    logic::is_known(value(a, w), w) as i32
}

#[no_mangle]
pub extern "C" fn rt_to_i64(a: u32, w: u32, signed: i32) -> i64 {
    logic::to_i64(value(a, w), w, signed != 0)
}

#[no_mangle]
pub extern "C" fn rt_from_i64(dst: u32, w: u32, v: i64) {
    logic::from_i64(value_mut(dst, w), w, v);
}

#[no_mangle]
pub extern "C" fn rt_to_real(a: u32, w: u32, signed: i32) -> f64 {
    logic::to_real(value(a, w), w, signed != 0)
}

#[no_mangle]
pub extern "C" fn rt_from_real(dst: u32, w: u32, r: f64) {
    logic::from_real(value_mut(dst, w), w, r);
}

#[no_mangle]
pub extern "C" fn rt_case_match(kind: i32, a: u32, b: u32, w: u32) -> i32 {
    logic::case_match(kind, value(a, w), value(b, w), w) as i32
}

#[no_mangle]
pub extern "C" fn rt_bitfunc(opc: i32, dst: u32, a: u32, w: u32) {
    let dw = if opc <= op::BF_COUNTONES { 32 } else { 1 };
    logic::bitfunc(opc, value_mut(dst, dw), value(a, w), w);
}

/// One limb of net resolution `acc = resolve(acc, b)`: returns (aval, bval).
pub fn resolve_limb(kind: i32, aa: u64, ab: u64, ba: u64, bb: u64) -> (u64, u64) {
    let za = !aa & ab; // z bits of acc
    let zb = !ba & bb;
    let both = !za & !zb; // both drive a value
    let (va, vb) = match kind {
        op::RES_WAND => {
            let zero = (!aa & !ab) | (!ba & !bb);
            let one = aa & !ab & ba & !bb;
            let x = !zero & !one;
            (one | x, x)
        }
        op::RES_WOR => {
            let one = (aa & !ab) | (ba & !bb);
            let zero = !aa & !ab & !ba & !bb;
            let x = !zero & !one;
            (one | x, x)
        }
        _ => {
            let same = !(aa ^ ba) & !(ab ^ bb);
            ((aa & same) | !same, (ab & same) | !same)
        }
    };
    let a = (za & ba) | (zb & !za & aa) | (both & va);
    let b = (za & bb) | (zb & !za & ab) | (both & vb);
    (a, b)
}

/// `rt_resolve(kind, acc, b, w)`: combine one more driver into `acc`.
#[no_mangle]
pub extern "C" fn rt_resolve(kind: i32, acc: u32, b: u32, w: u32) {
    let n = limbs(w);
    let (d, s) = (value_mut(acc, w), value(b, w));
    for i in 0..n {
        let (a, bv) = resolve_limb(kind, d[i], d[n + i], s[i], s[n + i]);
        d[i] = a;
        d[n + i] = bv;
    }
}

/// `rt_resolve_finish(kind, acc, w)`: tri0/tri1 pull undriven (z) bits.
#[no_mangle]
pub extern "C" fn rt_resolve_finish(kind: i32, acc: u32, w: u32) {
    let n = limbs(w);
    let d = value_mut(acc, w);
    for i in 0..n {
        let z = !d[i] & d[n + i];
        match kind {
            op::RES_TRI0 => d[n + i] &= !z,
            op::RES_TRI1 => {
                d[i] |= z;
                d[n + i] &= !z;
            }
            _ => {}
        }
    }
}
