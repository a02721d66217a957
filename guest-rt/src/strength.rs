//! Signal strengths (IEEE 1364-2005 7.9-7.13) for the nets that need them:
//! a *strength vector* holds one byte per bit of a net (bit `i` in bits
//! `8i..8i+7` of a two-state value of width `8w`).
//!
//! A byte is a range of the strength scale, as in Verilog-XL and vvp:
//! the low nibble is its 0-most end, the high nibble its 1-most end; each
//! nibble is `side << 3 | level`, `side` 1 for the 1 side, `level` 0
//! (highz) .. 7 (supply). Byte 0 is HiZ, so a zeroed vector is undriven.
//! An unambiguous value has equal ends (`St1` = `0xEE`); `StX` spans
//! `St0..St1`; `StL` (0 or z) spans `St0..HiZ1`.
//!
//! On the 16-point scale Su0 .. HiZ0 HiZ1 .. Su1 (positions 0..15) the
//! rules below are interval arithmetic: see [`resolve`].

use crate::logic::limbs;
use crate::mem::{value, value_mut};

/// Position of a nibble on the scale Su0=0 .. HiZ0=7, HiZ1=8 .. Su1=15.
fn pos(nib: u8) -> u8 {
    let level = nib & 7;
    if nib & 8 != 0 {
        8 + level
    } else {
        7 - level
    }
}

/// The nibble at a scale position.
fn nib(pos: u8) -> u8 {
    if pos >= 8 {
        8 | (pos - 8)
    } else {
        7 - pos
    }
}

fn level(pos: u8) -> u8 {
    nib(pos) & 7
}

fn ends(b: u8) -> (u8, u8) {
    (pos(b & 15), pos(b >> 4))
}

/// The byte of the range `lo..=hi`; a range of highz levels only is HiZ.
fn range(lo: u8, hi: u8) -> u8 {
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    if level(lo) == 0 && level(hi) == 0 {
        return 0;
    }
    nib(lo) | (nib(hi) << 4)
}

/// A value driven at strengths `s0`/`s1` (4-state code 0, 1, z=2, x=3).
pub fn drive(code: u8, s0: u8, s1: u8) -> u8 {
    match code {
        0 => range(7 - s0, 7 - s0),
        1 => range(8 + s1, 8 + s1),
        3 => range(7 - s0, 8 + s1),
        _ => 0,
    }
}

/// The 4-state code (0, 1, z=2, x=3) of a strength byte.
pub fn code(b: u8) -> u8 {
    let (lo, hi) = ends(b);
    if level(lo) == 0 && level(hi) == 0 {
        2
    } else if hi <= 7 {
        0
    } else if lo >= 8 {
        1
    } else {
        3
    }
}

/// Wired resolution of two drivers (1364-2005 7.10): the stronger wins; an
/// unambiguous driver sweeps the weaker ends of an ambiguous one; two
/// ambiguous drivers give the range covering both.
pub fn resolve(a: u8, b: u8) -> u8 {
    if a == 0 {
        return b;
    }
    if b == 0 || a == b {
        return a;
    }
    let ((alo, ahi), (blo, bhi)) = (ends(a), ends(b));
    let (a_single, b_single) = (alo == ahi, blo == bhi);
    if a_single && b_single {
        return match level(alo).cmp(&level(blo)) {
            core::cmp::Ordering::Greater => a,
            core::cmp::Ordering::Less => b,
            core::cmp::Ordering::Equal => range(7 - level(alo), 8 + level(alo)),
        };
    }
    if a_single || b_single {
        let stronger = |x: u8, y: u8| if level(x) > level(y) { x } else { y };
        let (p, lo, hi) = if a_single { (alo, blo, bhi) } else { (blo, alo, ahi) };
        return range(stronger(p, lo), stronger(p, hi));
    }
    range(alo.min(blo), ahi.max(bhi))
}

/// Strength reduction through a switch (1364-2005 7.12, table 7-14):
/// `mode` 0 passes every level, 1 (nmos/pmos/cmos) turns supply into
/// strong, 2 (the resistive forms) weakens as the table says.
pub fn reduce(b: u8, mode: u8) -> u8 {
    const RESISTIVE: [u8; 8] = [0, 1, 1, 2, 2, 3, 5, 5];
    let map = |p: u8| {
        let l = level(p);
        let l = match mode {
            1 => l.min(6),
            2 => RESISTIVE[l as usize],
            _ => l,
        };
        if p >= 8 {
            8 + l
        } else {
            7 - l
        }
    };
    let (lo, hi) = ends(b);
    if b == 0 {
        return 0;
    }
    range(map(lo), map(hi))
}

/// What a switch or three-state buffer outputs for data `b` when its
/// control says on (1), off (0) or unknown (x/z: the range of both).
pub fn gate(b: u8, conducts: u8) -> u8 {
    match conducts {
        1 => b,
        0 => 0,
        _ if b == 0 => 0,
        _ => {
            let (lo, hi) = ends(b);
            range(lo.min(7), hi.max(8))
        }
    }
}

fn get(v: &[u64], i: u32) -> u8 {
    (v[(i / 8) as usize] >> ((i % 8) * 8)) as u8
}

fn put(v: &mut [u64], i: u32, b: u8) {
    let (k, sh) = ((i / 8) as usize, (i % 8) * 8);
    v[k] = (v[k] & !(0xff << sh)) | (u64::from(b) << sh);
}

fn code_at(v: &[u64], w: u32, i: u32) -> u8 {
    let n = limbs(w);
    let (k, sh) = ((i / 64) as usize, i % 64);
    (((v[k] >> sh) & 1) | (((v[n + k] >> sh) & 1) << 1)) as u8
}

/// `rt_strength_drive(dst, val, w, levels)`: strength vector of a `w`-bit value
/// driven at `levels & 7` for 0 and `levels >> 4` for 1.
#[no_mangle]
pub extern "C" fn rt_strength_drive(dst: u32, val: u32, w: u32, levels: u32) {
    let (s0, s1) = ((levels & 7) as u8, ((levels >> 4) & 7) as u8);
    let v = value(val, w);
    let d = value_mut(dst, 8 * w);
    d.fill(0);
    for i in 0..w {
        let c = code_at(v, w, i);
        // 4-state code is (aval | bval << 1): 0, 1, z=2, x=3
        put(d, i, drive(c, s0, s1));
    }
}

/// `rt_strength_resolve(acc, b, w)`: `acc = resolve(acc, b)` bit by bit.
#[no_mangle]
pub extern "C" fn rt_strength_resolve(acc: u32, b: u32, w: u32) {
    let s = value(b, 8 * w);
    let d = value_mut(acc, 8 * w);
    for i in 0..w {
        put(d, i, resolve(get(d, i), get(s, i)));
    }
}

/// `rt_strength_value(dst, s, w)`: the 4-state value of a strength vector.
#[no_mangle]
pub extern "C" fn rt_strength_value(dst: u32, s: u32, w: u32) {
    let sv = value(s, 8 * w);
    let n = limbs(w);
    let d = value_mut(dst, w);
    d.fill(0);
    for i in 0..w {
        let c = u64::from(code(get(sv, i)));
        let (k, sh) = ((i / 64) as usize, i % 64);
        d[k] |= (c & 1) << sh;
        d[n + k] |= (c >> 1) << sh;
    }
}

/// Whether a 1-bit control conducts: 1, 0, or 2 for unknown.
fn conducts(ctrl: u32, on_one: bool) -> u8 {
    let c = code_at(value(ctrl, 1), 1, 0);
    match (c, on_one) {
        (0, false) | (1, true) => 1,
        (0, true) | (1, false) => 0,
        _ => 2,
    }
}

/// `rt_strength_gate(dst, data, w, ctrl, pctrl, kind)`: a MOS switch or
/// three-state buffer on a strength vector `data`: `kind & 3` is 0
/// (conducts on control 1), 1 (on 0) or 2 (cmos: `ctrl` on 1, `pctrl` on
/// 0, the two resolved); `kind >> 4` the reduction mode of [`reduce`].
#[no_mangle]
pub extern "C" fn rt_strength_gate(dst: u32, data: u32, w: u32, ctrl: u32, pctrl: u32, kind: u32) {
    let mode = (kind >> 4) as u8;
    let (n_on, p_on) = match kind & 3 {
        0 => (conducts(ctrl, true), None),
        1 => (conducts(ctrl, false), None),
        _ => (conducts(ctrl, true), Some(conducts(pctrl, false))),
    };
    let s = value(data, 8 * w);
    let d = value_mut(dst, 8 * w);
    d.fill(0);
    for i in 0..w {
        let b = reduce(get(s, i), mode);
        let mut out = gate(b, n_on);
        if let Some(p) = p_on {
            out = resolve(out, gate(b, p));
        }
        put(d, i, out);
    }
}

/// `rt_strength_tran(dst, desc, pairs, owns, total, ctrls, nctrl)`: the
/// strength vectors of the `total` bits of a channel of nets joined by
/// bidirectional switches. `owns` holds each bit's own drivers' resolution;
/// `desc` has `pairs` switch bits as two u64 words: word 0 = kind (bits
/// 0-3: 0 tran, 1 tranif0, 2 tranif1) | reduction mode << 4 | control bit
/// index in `ctrls` << 16 | bit `a` << 32; word 1 = bit `b`. Every source's
/// strength spreads over the conducting switches (reduced by resistive ones,
/// widened to HiZ by unknown controls, 1364-2005 7.13); each bit gets the
/// resolution of all that reaches it.
#[no_mangle]
pub extern "C" fn rt_strength_tran(dst: u32, desc: u32, pairs: u32, owns: u32, total: u32, ctrls: u32, nctrl: u32) {
    let ov = value(owns, 8 * total);
    let own: alloc::vec::Vec<u8> = (0..total).map(|i| get(ov, i)).collect();
    let dv = value(desc, 128 * pairs.max(1));
    let cv = value(ctrls, nctrl.max(1));
    let mut edges = alloc::vec::Vec::new();
    for k in 0..pairs as usize {
        let (w0, w1) = (dv[2 * k], dv[2 * k + 1]);
        let kind = (w0 & 15) as u8;
        let mode = ((w0 >> 4) & 3) as u8;
        let ci = ((w0 >> 16) & 0xffff) as u32;
        let state = match kind {
            0 => 1,
            _ => {
                let c = if ci < nctrl { code_at(cv, nctrl, ci) } else { 3 };
                match (c, kind) {
                    (1, 2) | (0, 1) => 1,
                    (0, 2) | (1, 1) => 0,
                    _ => 2,
                }
            }
        };
        let (a, b) = ((w0 >> 32) as usize, w1 as usize);
        if state != 0 && a < own.len() && b < own.len() {
            edges.push((a, b, mode, state));
        }
    }
    let d = value_mut(dst, 8 * total);
    d.fill(0);
    // Each source counts once at every bit (resolution of ambiguous
    // strengths is not idempotent: `resolve(resolve(a, b), a)` may widen).
    let mut result = alloc::vec![0u8; own.len()];
    for (src, &o) in own.iter().enumerate() {
        if o == 0 {
            continue;
        }
        let reached = spread(&own, src, &edges);
        for (r, v) in result.iter_mut().zip(reached) {
            *r = resolve(*r, v);
        }
    }
    for (i, &r) in result.iter().enumerate() {
        put(d, i as u32, r);
    }
}

/// The strength that source bit `src` gives every bit of its channel.
fn spread(own: &[u8], src: usize, edges: &[(usize, usize, u8, u8)]) -> alloc::vec::Vec<u8> {
    let mut val = alloc::vec![0u8; own.len()];
    val[src] = own[src];
    for _ in 0..=4 * (edges.len() + 1) {
        let mut changed = false;
        for &(a, b, mode, state) in edges {
            for (x, y) in [(a, b), (b, a)] {
                if val[x] == 0 || y == src {
                    continue;
                }
                let r = resolve(val[y], gate(reduce(val[x], mode), state));
                if r != val[y] {
                    val[y] = r;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    val
}

/// `%v` text of one strength byte, as vvp prints it: `St0`, `Pu1`,
/// `HiZ`, `StX`, `StL`/`PuH` (value or z), `65X` (levels of an ambiguous
/// value with different ends), `530` (a 0 spanning levels 5 down to 3).
pub fn text(b: u8) -> [u8; 3] {
    const NAMES: [&[u8; 2]; 8] = [b"Hi", b"Sm", b"Me", b"We", b"La", b"Pu", b"St", b"Su"];
    let (lo, hi) = ends(b);
    let (l0, l1) = (level(lo), level(hi));
    let c = code(b);
    match c {
        2 => *b"HiZ",
        0 | 1 => {
            let digit = if c == 0 { b'0' } else { b'1' };
            if l0 == l1 {
                let n = NAMES[l0 as usize];
                [n[0], n[1], digit]
            } else {
                let (big, small) = (l0.max(l1), l0.min(l1));
                [b'0' + big, b'0' + small, digit]
            }
        }
        _ => {
            if l0 == 0 {
                let n = NAMES[l1 as usize];
                [n[0], n[1], b'H']
            } else if l1 == 0 {
                let n = NAMES[l0 as usize];
                [n[0], n[1], b'L']
            } else if l0 == l1 {
                let n = NAMES[l0 as usize];
                [n[0], n[1], b'X']
            } else {
                [b'0' + l0, b'0' + l1, b'X']
            }
        }
    }
}

/// `%v` of a `w`-bit strength vector: MSB first, bits joined by `_`.
pub fn strength_text(s: &[u64], w: u32) -> alloc::vec::Vec<u8> {
    let mut out = alloc::vec::Vec::new();
    for i in (0..w).rev() {
        out.extend_from_slice(&text(get(s, i)));
        if i > 0 {
            out.push(b'_');
        }
    }
    out
}

#[cfg(test)]
mod unit {
    use super::*;

    const ST0: u8 = 0x66;
    const ST1: u8 = 0xEE;
    const PU0: u8 = 0x55;
    const PU1: u8 = 0xDD;

    #[test]
    fn drive_and_value() {
        assert_eq!(drive(0, 6, 6), ST0);
        assert_eq!(drive(1, 5, 5), PU1);
        assert_eq!(drive(2, 6, 6), 0);
        assert_eq!(code(drive(3, 6, 6)), 3);
        assert_eq!(drive(0, 0, 6), 0, "highz0 drives z for 0");
        assert_eq!(&text(drive(3, 6, 6)), b"StX");
        assert_eq!(&text(PU1), b"Pu1");
    }

    #[test]
    fn stronger_wins_and_equal_gives_x() {
        assert_eq!(resolve(ST0, PU1), ST0);
        assert_eq!(resolve(PU0, ST1), ST1);
        assert_eq!(&text(resolve(ST0, ST1)), b"StX");
        assert_eq!(resolve(0, PU1), PU1);
    }

    #[test]
    fn ambiguous_strengths() {
        let l = gate(ST0, 2);
        assert_eq!(&text(l), b"StL");
        assert_eq!(code(l), 3);
        // a pull of the same value settles an L
        assert_eq!(code(resolve(l, PU0)), 0);
        assert_eq!(&text(resolve(l, PU1)), b"65X");
        assert_eq!(&text(gate(PU1, 2)), b"PuH");
        assert_eq!(resolve(l, ST1), drive(3, 6, 6));
    }

    #[test]
    fn resistive_reduction() {
        assert_eq!(reduce(drive(1, 7, 7), 1), ST1);
        assert_eq!(reduce(ST1, 2), PU1);
        assert_eq!(&text(reduce(PU0, 2)), b"We0");
        assert_eq!(reduce(0, 2), 0);
    }
}
