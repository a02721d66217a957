//! `$dist_uniform`, `$dist_normal`, `$dist_exponential`, `$dist_poisson`,
//! `$dist_chi_square`, `$dist_t` and `$dist_erlang`: the C code of IEEE
//! 1364-2005 17.9.3, as Icarus Verilog runs it (`vpi/sys_random.c`, 32-bit
//! seeds and results), so a seeded sequence is the one vvp prints.
//!
//! The seed argument is read (X/Z bits as 0, like a VPI `vpiIntVal` read)
//! and written back as a 32-bit integer; the other arguments arrive as
//! 32-bit integers already.

use crate::host;
use crate::logic::limbs;
use crate::mem;
use crate::random::{dist_uniform, uniform};
use wsim_abi::dist;

/// The standard's `normal()`: polar Box-Muller over `uniform(-1, 1)`.
fn normal(seed: &mut i64, mean: i32, deviation: i32) -> f64 {
    let (mut v1, mut s) = (0.0, 1.0);
    while s >= 1.0 || s == 0.0 {
        v1 = uniform(seed, -1, 1);
        let v2 = uniform(seed, -1, 1);
        s = v1 * v1 + v2 * v2;
    }
    s = v1 * libm::sqrt(-2.0 * libm::log(s) / s);
    s * deviation as f64 + mean as f64
}

/// The standard's `exponential()`.
fn exponential(seed: &mut i64, mean: i32) -> f64 {
    let n = uniform(seed, 0, 1);
    if n != 0.0 {
        -libm::log(n) * mean as f64
    } else {
        n
    }
}

/// The standard's `poisson()`: multiply uniforms until below `e^-mean`.
fn poisson(seed: &mut i64, mean: i32) -> i32 {
    let p = libm::exp(-(mean as f64));
    let mut q = uniform(seed, 0, 1);
    let mut n: i32 = 0;
    while p < q {
        n = n.wrapping_add(1);
        q *= uniform(seed, 0, 1);
    }
    n
}

/// The standard's `chi_square()`.
fn chi_square(seed: &mut i64, deg_of_free: i32) -> f64 {
    let mut x = if deg_of_free % 2 != 0 {
        let n = normal(seed, 0, 1);
        n * n
    } else {
        0.0
    };
    let mut k = 2;
    while k <= deg_of_free {
        x += 2.0 * exponential(seed, 1);
        k += 2;
    }
    x
}

/// The standard's `t()`.
fn t(seed: &mut i64, deg_of_free: i32) -> f64 {
    let chi2 = chi_square(seed, deg_of_free);
    let root = libm::sqrt(chi2 / deg_of_free as f64);
    normal(seed, 0, 1) / root
}

/// The standard's `erlangian()`.
fn erlangian(seed: &mut i64, k: i32, mean: i32) -> f64 {
    let mut x = 1.0;
    for _ in 0..k.max(0) {
        x *= uniform(seed, 0, 1);
    }
    -(mean as f64) * libm::log(x) / k as f64
}

/// The `rtl_dist_*` rounding: to nearest, halves away from zero, as a C
/// `(int32_t)` conversion of `|r| + 0.5` with the sign put back.
fn round_away(r: f64) -> i32 {
    if r >= 0.0 {
        (r + 0.5) as i32
    } else {
        ((-r + 0.5) as i32).wrapping_neg()
    }
}

/// Icarus's warning for a parameter out of range (the result is then 0).
fn warn(msg: &str) -> i32 {
    host::write(1, msg.as_bytes());
    0
}

/// One `rtl_dist_*` call of the standard; `a`/`b` as in `rt_dist`.
pub fn dist_value(kind: i32, seed: &mut i64, a: i32, b: i32) -> i32 {
    match kind {
        dist::UNIFORM => dist_uniform(seed, a as i64, b as i64) as i32,
        dist::NORMAL => round_away(normal(seed, a, b)),
        dist::EXPONENTIAL if a > 0 => round_away(exponential(seed, a)),
        dist::EXPONENTIAL => warn("WARNING: Exponential distribution must have a positive mean\n"),
        dist::POISSON if a > 0 => poisson(seed, a),
        dist::POISSON => warn("WARNING: Poisson distribution must have a positive mean\n"),
        dist::CHI_SQUARE if a > 0 => round_away(chi_square(seed, a)),
        dist::CHI_SQUARE => warn("WARNING: Chi_square distribution must have a positive degree of freedom\n"),
        dist::T if a > 0 => round_away(t(seed, a)),
        dist::T => warn("WARNING: t distribution must have a positive degree of freedom\n"),
        dist::ERLANG if a > 0 => round_away(erlangian(seed, a, b)),
        dist::ERLANG => warn("WARNING: K-stage erlangian distribution must have a positive k\n"),
        _ => 0,
    }
}

/// `rt_dist(kind, seed, seed_w, a, b) -> i32`: `$dist_*` (`abi::dist`
/// kinds); `seed` is the address of the seed variable (`seed_w` bits),
/// read as a 32-bit integer and written back (sign-extended, 2-state).
#[no_mangle]
pub extern "C" fn rt_dist(kind: i32, seed: u32, seed_w: u32, a: i32, b: i32) -> i32 {
    let v = mem::value(seed, seed_w);
    let known_low = v[0] & !v[limbs(seed_w)];
    let mut s = known_low as u32 as i32 as i64;
    let r = dist_value(kind, &mut s, a, b);
    crate::logic::from_i64(mem::value_mut(seed, seed_w), seed_w, s as u32 as i32 as i64);
    r
}
