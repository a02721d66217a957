//! `$random` and `$urandom`, computed exactly like Icarus Verilog
//! (`vpi/sys_random.c`: the IEEE 1364-2005 `rtl_dist_uniform` code with
//! 32-bit seed arithmetic), so seeded sequences match vvp.

use crate::mem::{rd32, wr32, Global};

struct Seeds {
    /// Seed of the seedless `$random`.
    random: i64,
    /// Icarus keeps one seed for `$urandom` / `$urandom_range`.
    urandom: i64,
}

static SEEDS: Global<Seeds> = Global::new(Seeds { random: 0, urandom: 0 });

pub fn reset() {
    let s = SEEDS.get();
    s.random = 0;
    s.urandom = 0;
}

/// The standard's `uniform()`: advances the seed, returns a real in
/// `[start, end)`.
pub(crate) fn uniform(seed: &mut i64, start: i64, end: i64) -> f64 {
    let d = 0.00000011920928955078125f64; // 2^-23
    let mut oldseed = *seed as u64;
    if oldseed == 0 {
        oldseed = 259341593;
    }
    let (a, b) = if start >= end { (0.0, 2147483647.0) } else { (start as f64, end as f64) };
    let newseed = oldseed.wrapping_mul(69069).wrapping_add(1) & 0xffff_ffff;
    *seed = newseed as i64;
    let mut c = 1.0 + (newseed >> 9) as f64 * 0.00000011920928955078125;
    c += c * d;
    ((b - a) * (c - 1.0)) + a
}

/// C's `(long) r` for the two cases of `rtl_dist_uniform`.
fn to_long(r: f64) -> i64 {
    if r >= 0.0 {
        r as u64 as i64
    } else {
        -((-(r - 1.0)) as u64 as i64)
    }
}

/// The standard's `rtl_dist_uniform(seed, start, end)` with 32-bit `int`
/// bounds as in Icarus on 64-bit hosts.
pub fn dist_uniform(seed: &mut i64, start: i64, end: i64) -> i64 {
    const MAX: i64 = i32::MAX as i64;
    const MIN: i64 = i32::MIN as i64;
    if start >= end {
        return start;
    }
    if end != MAX {
        let end = end + 1;
        let mut i = to_long(uniform(seed, start, end));
        if i < start {
            i = start;
        }
        if i >= end {
            i = end - 1;
        }
        i
    } else if start != MIN {
        let start = start - 1;
        let mut i = to_long(uniform(seed, start, end) + 1.0);
        if i <= start {
            i = start + 1;
        }
        if i > end {
            i = end;
        }
        i
    } else {
        let mut r = (uniform(seed, start, end) + 2147483648.0) / 4294967295.0;
        r = r * 4294967296.0 - 2147483648.0;
        to_long(r)
    }
}

/// `$random` with an explicit seed variable (as a 32-bit integer).
pub fn random_with_seed(seed: &mut i32) -> i32 {
    let mut s = *seed as i64;
    let v = dist_uniform(&mut s, i32::MIN as i64, i32::MAX as i64);
    *seed = s as i32;
    v as i32
}

/// `rt_random(seed) -> i32`: `seed` is 0 (global seed) or the address of a
/// 32-bit seed variable, read and updated.
#[no_mangle]
pub extern "C" fn rt_random(seed: u32) -> i32 {
    if seed == 0 {
        let g = &mut SEEDS.get().random;
        let v = dist_uniform(g, i32::MIN as i64, i32::MAX as i64);
        v as i32
    } else {
        let mut s = rd32(seed) as i32;
        let v = random_with_seed(&mut s);
        wr32(seed, s as u32);
        v
    }
}

/// Icarus's `urandom(seed, max, min)`.
fn urandom(seed: Option<&mut i64>, max: u64, min: u64) -> u64 {
    let st = SEEDS.get();
    let max_i = max.wrapping_add(i32::MIN as i64 as u64) as i64;
    let min_i = min.wrapping_add(i32::MIN as i64 as u64) as i64;
    let has_seed = seed.is_some();
    let mut seed = seed;
    if let Some(s) = seed.as_deref_mut() {
        st.urandom = *s;
    }
    let r = dist_uniform(&mut st.urandom, min_i, max_i).wrapping_sub(i32::MIN as i64) as u64;
    if has_seed {
        if let Some(s) = seed {
            *s = st.urandom;
        }
    }
    r
}

/// `rt_urandom(seed) -> i32`: `$urandom`, `seed` 0 or a seed address.
#[no_mangle]
pub extern "C" fn rt_urandom(seed: u32) -> i32 {
    if seed == 0 {
        urandom(None, u32::MAX as u64, 0) as i32
    } else {
        let mut s = rd32(seed) as i32 as i64;
        let v = urandom(Some(&mut s), u32::MAX as u64, 0);
        wr32(seed, s as u32);
        v as i32
    }
}

/// `rt_urandom_range(max, min) -> i32`.
#[no_mangle]
pub extern "C" fn rt_urandom_range(max: i32, min: i32) -> i32 {
    let (mut hi, mut lo) = (max as i64 as u64, min as i64 as u64);
    if lo > hi {
        core::mem::swap(&mut hi, &mut lo);
    }
    urandom(None, hi, lo) as i32
}
