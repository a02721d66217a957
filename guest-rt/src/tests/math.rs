//! Tests of `$dist_*`, the real math functions and `$writemem`, against
//! what vvp prints for the same calls.

use crate::host::native;
use crate::mem::rd32;
use crate::testkit::Machine;
use wsim_abi::{dist, real_op, value_bytes};

fn machine() -> Machine {
    Machine::new(1, 0, |_, _| 0)
}

/// `n` calls of `$dist_*(seed, a, b)` on an `integer seed = start`;
/// returns the results and the final seed.
fn dist_seq(m: &mut Machine, kind: i32, start: i32, a: i32, b: i32, n: usize) -> (Vec<i32>, i32) {
    let seed = m.num(32, start as u32 as u64);
    let got = (0..n).map(|_| crate::dist::rt_dist(kind, seed, 32, a, b)).collect();
    (got, rd32(seed) as i32)
}

#[test]
fn dist_sequences_match_vvp() {
    let mut m = machine();
    // tests/sim/random_dist.v and random_dist_all.v, as vvp prints them.
    assert_eq!(dist_seq(&mut m, dist::UNIFORM, 1, 0, 99, 4).0, [0, 11, 76, 17]);
    assert_eq!(dist_seq(&mut m, dist::NORMAL, 5, 100, 10, 4).0, [96, 104, 96, 102]);
    assert_eq!(dist_seq(&mut m, dist::EXPONENTIAL, 7, 50, 0, 6), (vec![455, 13, 19, 19, 71, 10], -809111543));
    assert_eq!(dist_seq(&mut m, dist::POISSON, 3, 4, 0, 6), (vec![0, 2, 7, 5, 2, 6], 959070503));
    assert_eq!(dist_seq(&mut m, dist::CHI_SQUARE, -11, 5, 0, 6), (vec![14, 4, 6, 3, 4, 1], -532494131));
    assert_eq!(dist_seq(&mut m, dist::T, 100, 3, 0, 6), (vec![1, 0, -2, 0, 1, -1], 512359376));
    assert_eq!(dist_seq(&mut m, dist::ERLANG, 42, 3, 20, 6), (vec![56, 20, 20, 28, 26, 13], 1547846200));
    let (v, s) = dist_seq(&mut m, dist::NORMAL, 0xdeadbeefu32 as i32, -50, 30, 6);
    assert_eq!((v, s as u32), (vec![-20, -60, -37, -108, -5, -75], 0xbe04c029));
}

#[test]
fn dist_bad_parameters_warn_and_keep_the_seed() {
    let mut m = machine();
    native::state().output.clear();
    let (v, s) = dist_seq(&mut m, dist::EXPONENTIAL, 9, 0, 0, 1);
    assert_eq!((v, s), (vec![0], 9));
    assert_eq!(dist_seq(&mut m, dist::UNIFORM, 9, 9, 2, 1), (vec![9], 9));
    assert_eq!(m.stdout(), "WARNING: Exponential distribution must have a positive mean\n");
}

#[test]
fn dist_seed_with_x_bits_reads_them_as_zero() {
    let mut m = machine();
    // integer seed = 32'bx (aval and bval all ones) behaves like seed 0.
    let xs = m.value(32, &[0xffff_ffff, 0xffff_ffff]);
    let zero = m.num(32, 0);
    let a = crate::dist::rt_dist(dist::UNIFORM, xs, 32, 0, 1000);
    let b = crate::dist::rt_dist(dist::UNIFORM, zero, 32, 0, 1000);
    assert_eq!(a, b);
    assert_eq!(rd32(xs), rd32(zero));
    assert_eq!(crate::mem::value(xs, 32)[1], 0, "the seed is written back 2-state");
}

#[test]
fn real_math_is_libm() {
    let f = crate::realmath::rt_real_math;
    let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
    assert_eq!(f(real_op::POW, 2.0, 10.0), 1024.0);
    assert!(close(f(real_op::LN, 2.0, 0.0), core::f64::consts::LN_2));
    assert_eq!(f(real_op::LOG10, 1000.0, 0.0), 3.0);
    assert!(close(f(real_op::ATAN2, 1.0, -1.0), 3.0 * core::f64::consts::FRAC_PI_4));
    assert_eq!(f(real_op::HYPOT, 3.0, 4.0), 5.0);
    assert!(close(f(real_op::ACOSH, 1.0, 0.0), 0.0));
    assert!(f(real_op::ASIN, 2.0, 0.0).is_nan());
    assert_eq!(f(real_op::LN, 0.0, 0.0), f64::NEG_INFINITY);
    assert!(f(99, 1.0, 1.0).is_nan());
}

#[test]
fn writememh_text_like_vvp() {
    let mut m = machine();
    // reg [11:0] mem [0:19]: mem[i] = i * 201, mem[3] = 12'hx5z,
    // mem[4] = 12'b1x00_zzzz_0101; $writememh("o.hex", mem, 2, 18)
    let stride = value_bytes(12);
    let base = m.alloc(stride * 20);
    for i in 0..20u32 {
        let v: [u64; 2] = match i {
            3 => [0xf50, 0xf0f],
            4 => [0xc05, 0x4f0],
            _ => [(i * 201) as u64, 0],
        };
        crate::mem::value_mut(base + i * stride, 12).copy_from_slice(&v);
    }
    let (name, nw) = m.string("o.hex");
    native::state().output.clear();
    crate::writemem::rt_writemem(name, nw, base, 12, 20, 0, 19, 2, 18, 1, 0);
    let fd = native::state().opened.last().unwrap().0;
    let text = native::output_of(fd);
    let want = "// 0x00000000\n192\nx5z\nXz5\n3ed\n4b6\n57f\n648\n711\n7da\n8a3\n96c\na35\nafe\nbc7\nc90\nd59\n\
                // 0x00000010\ne22\n";
    assert_eq!(text, want);
    assert_eq!(native::state().closed.last(), Some(&fd));
    // reg [4:0] b [7:4]; $writememb("o.bin", b, 6, 4): descending addresses.
    let bs = value_bytes(5);
    let b = m.alloc(bs * 4);
    for i in 0..4u32 {
        crate::mem::value_mut(b + i * bs, 5).copy_from_slice(&[(i + 4) as u64 * 3, 0]);
    }
    crate::mem::value_mut(b + bs, 5).copy_from_slice(&[0b11001, 0b01010]);
    let (name, nw) = m.string("o.bin");
    crate::writemem::rt_writemem(name, nw, b, 5, 4, 7, 4, 6, 4, 0, 0);
    let fd = native::state().opened.last().unwrap().0;
    assert_eq!(native::output_of(fd), "// 0x00000000\n10010\n1x0z1\n01100\n");
    assert_eq!(m.stdout(), "");
}

#[test]
fn writemem_out_of_bounds_is_an_error() {
    let mut m = machine();
    let base = m.alloc(64);
    let (name, nw) = m.string("o.hex");
    native::state().output.clear();
    let opened = native::state().opened.len();
    crate::writemem::rt_writemem(name, nw, base, 8, 4, 0, 3, 1, 9, 1, 0);
    assert_eq!(m.stdout(), "ERROR: $writememh: Finish address 9 is out of bounds for memory [0:3]!\n");
    assert_eq!(native::state().opened.len(), opened, "no file is opened");
}
