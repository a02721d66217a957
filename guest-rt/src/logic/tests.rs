//! Unit tests of the 4-state value operations against hand-computed values
//! and, for widths up to 128 bits, against native u128/i128 arithmetic.

use super::*;

/// A value from a 0/1/x/z string, most significant bit first (`_` ignored),
/// zero-padded on the left to `w` bits.
fn val(w: u32, s: &str) -> Vec<u64> {
    let n = limbs(w);
    let mut v = vec![0u64; 2 * n];
    let bits: Vec<char> = s.chars().filter(|&c| c != '_').collect();
    for (i, c) in bits.iter().rev().enumerate() {
        let (a, b) = match c {
            '0' => (0, 0),
            '1' => (1, 0),
            'z' => (0, 1),
            'x' => (1, 1),
            _ => panic!("bad digit"),
        };
        v[i / 64] |= a << (i % 64);
        v[n + i / 64] |= b << (i % 64);
    }
    v
}

/// A known value from a u128 (truncated to `w`).
fn num(w: u32, x: u128) -> Vec<u64> {
    let n = limbs(w);
    let mut v = vec![0u64; 2 * n];
    v[0] = x as u64;
    if n > 1 {
        v[1] = (x >> 64) as u64;
    }
    mask_planes(&mut v, w);
    v
}

/// A known value from a hex string (for wide values).
fn hexv(w: u32, s: &str) -> Vec<u64> {
    let n = limbs(w);
    let mut v = vec![0u64; 2 * n];
    for (i, c) in s.chars().filter(|&c| c != '_').rev().enumerate() {
        let d = c.to_digit(16).unwrap() as u64;
        v[i / 16] |= d << ((i % 16) * 4);
    }
    v
}

/// Binary text of a value, most significant bit first.
fn show(v: &[u64], w: u32) -> String {
    let n = limbs(w);
    (0..w)
        .rev()
        .map(|i| {
            let a = plane_bit(&v[..n], i);
            let b = plane_bit(&v[n..], i);
            match (a, b) {
                (false, false) => '0',
                (true, false) => '1',
                (false, true) => 'z',
                (true, true) => 'x',
            }
        })
        .collect()
}

fn as_u128(v: &[u64], w: u32) -> u128 {
    let n = limbs(w);
    assert!(is_known(v, w), "value has X/Z: {}", show(v, w));
    let mut x = v[0] as u128;
    if n > 1 {
        x |= (v[1] as u128) << 64;
    }
    x
}

fn mask128(w: u32) -> u128 {
    if w >= 128 {
        !0
    } else {
        (1u128 << w) - 1
    }
}

fn sext128(x: u128, w: u32) -> i128 {
    if w >= 128 {
        x as i128
    } else {
        ((x << (128 - w)) as i128) >> (128 - w)
    }
}

fn ar(opc: i32, a: &[u64], b: &[u64], w: u32, signed: bool) -> Vec<u64> {
    let mut d = vec![0xdead_beefu64; 2 * limbs(w)];
    arith(opc, &mut d, a, b, w, signed);
    d
}

fn bit1(v: &[u64]) -> char {
    show(v, 1).chars().next().unwrap()
}

/// Deterministic pseudo-random u128 stream for oracle tests.
fn stream() -> impl Iterator<Item = u128> {
    let mut s: u128 = 0x1234_5678_9abc_def0_0fed_cba9_8765_4321;
    core::iter::from_fn(move || {
        s = s
            .wrapping_mul(0x2360_ed05_1fc6_5da4_4385_df64_9fcc_f645)
            .wrapping_add(0x5851_f42d_4c95_7f2d_1405_7b7e_f767_814f);
        // Mix in some small and edge values.
        let r = s ^ (s >> 67);
        Some(match (r >> 3) % 8 {
            0 => r % 7,
            1 => !0u128 - (r % 3),
            _ => r,
        })
    })
}

#[test]
fn limbs_counts_64_bit_words() {
    assert_eq!(limbs(1), 1);
    assert_eq!(limbs(64), 1);
    assert_eq!(limbs(65), 2);
    assert_eq!(limbs(128), 2);
    assert_eq!(limbs(1000), 16);
}

#[test]
fn add_sub_mul_wrap_at_8_bits() {
    let w = 8;
    assert_eq!(as_u128(&ar(op::ADD, &num(w, 200), &num(w, 100), w, false), w), 44);
    assert_eq!(as_u128(&ar(op::SUB, &num(w, 3), &num(w, 5), w, false), w), 254);
    assert_eq!(as_u128(&ar(op::MUL, &num(w, 16), &num(w, 17), w, false), w), 16);
}

#[test]
fn arithmetic_matches_u128_oracle_at_many_widths() {
    for w in [1u32, 2, 31, 32, 33, 63, 64, 65, 100, 127, 128] {
        let m = mask128(w);
        let mut it = stream();
        for _ in 0..300 {
            let (x, y) = (it.next().unwrap() & m, it.next().unwrap() & m);
            let (a, b) = (num(w, x), num(w, y));
            let get = |o| as_u128(&ar(o, &a, &b, w, false), w);
            assert_eq!(get(op::ADD), x.wrapping_add(y) & m, "add w={w}");
            assert_eq!(get(op::SUB), x.wrapping_sub(y) & m, "sub w={w}");
            assert_eq!(get(op::MUL), x.wrapping_mul(y) & m, "mul w={w}");
            if let Some(q) = x.checked_div(y) {
                assert_eq!(get(op::DIV), q, "div w={w} {x} {y}");
                assert_eq!(get(op::MOD), x % y, "mod w={w}");
                // Signed: truncation toward zero, remainder sign of dividend.
                let (sx, sy) = (sext128(x, w), sext128(y, w));
                let sget = |o| as_u128(&ar(o, &a, &b, w, true), w);
                assert_eq!(sget(op::DIV), (sx.wrapping_div(sy) as u128) & m, "sdiv w={w} {sx}/{sy}");
                assert_eq!(sget(op::MOD), (sx.wrapping_rem(sy) as u128) & m, "smod w={w}");
            }
        }
    }
}

#[test]
fn signed_division_truncates_toward_zero() {
    let w = 8;
    let d = |x: i64, y: i64, o| {
        let mut a = vec![0; 2];
        let mut b = vec![0; 2];
        from_i64(&mut a, w, x);
        from_i64(&mut b, w, y);
        to_i64(&ar(o, &a, &b, w, true), w, true)
    };
    assert_eq!(d(-7, 2, op::DIV), -3);
    assert_eq!(d(-7, 2, op::MOD), -1);
    assert_eq!(d(7, -2, op::DIV), -3);
    assert_eq!(d(7, -2, op::MOD), 1);
    assert_eq!(d(-128, -1, op::DIV), -128);
    assert_eq!(d(-128, -1, op::MOD), 0);
}

#[test]
fn wide_1000_bit_multiply_and_divide() {
    let w = 1000;
    // a = 2^500 + 7, b = 2^400 + 3, a*b = 2^900 + 3*2^500 + 7*2^400 + 21.
    let mut a = num(w, 7);
    a[500 / 64] |= 1 << (500 % 64);
    let mut b = num(w, 3);
    b[400 / 64] |= 1 << (400 % 64);
    let p = ar(op::MUL, &a, &b, w, false);
    let mut expect = num(w, 21);
    expect[900 / 64] |= 1 << (900 % 64);
    // 3*2^500 = 2^501 + 2^500; 7*2^400 = 2^402 + 2^401 + 2^400.
    for bit in [501, 500, 402, 401, 400] {
        expect[bit / 64] |= 1 << (bit % 64);
    }
    assert_eq!(p, expect);
    assert_eq!(ar(op::DIV, &p, &b, w, false), a);
    assert_eq!(ar(op::MOD, &p, &b, w, false), num(w, 0));
    let p5 = ar(op::ADD, &p, &num(w, 5), w, false);
    assert_eq!(ar(op::MOD, &p5, &b, w, false), num(w, 5));
    assert_eq!(ar(op::DIV, &p5, &a, w, false), b);
    // Signed: (-p) / b = -a.
    let mut neg_p = vec![0; 32];
    unary(op::NEG, &mut neg_p, &p, w);
    let mut neg_a = vec![0; 32];
    unary(op::NEG, &mut neg_a, &a, w);
    assert_eq!(ar(op::DIV, &neg_p, &b, w, true), neg_a);
    // all-ones / all-ones = 1 (exercises the carry out of the remainder shift)
    let all = hexv(w, &"f".repeat(250));
    assert_eq!(ar(op::DIV, &all, &all, w, false), num(w, 1));
    assert_eq!(ar(op::SUB, &num(w, 0), &num(w, 1), w, false), all);
}

#[test]
fn unknown_operands_and_zero_divisor_give_all_x() {
    for w in [4u32, 65] {
        let a = val(w, "10x1");
        let b = num(w, 3);
        for o in [op::ADD, op::SUB, op::MUL, op::DIV, op::MOD] {
            assert_eq!(show(&ar(o, &a, &b, w, false), w), "x".repeat(w as usize));
            assert_eq!(show(&ar(o, &b, &a, w, true), w), "x".repeat(w as usize));
        }
        let zero = num(w, 0);
        assert_eq!(show(&ar(op::DIV, &b, &zero, w, false), w), "x".repeat(w as usize));
        assert_eq!(show(&ar(op::MOD, &b, &zero, w, true), w), "x".repeat(w as usize));
    }
}

#[test]
fn bitwise_four_state_tables() {
    let w = 16;
    // Every pair of (0,1,z,x) x (0,1,z,x): a = 0000 1111 zzzz xxxx, b = 01zx repeated.
    let a = val(w, "0000_1111_zzzz_xxxx");
    let b = val(w, "01zx_01zx_01zx_01zx");
    assert_eq!(show(&ar(op::AND, &a, &b, w, false), w), "0000_01xx_0xxx_0xxx".replace('_', ""));
    assert_eq!(show(&ar(op::OR, &a, &b, w, false), w), "01xx_1111_x1xx_x1xx".replace('_', ""));
    assert_eq!(show(&ar(op::XOR, &a, &b, w, false), w), "01xx_10xx_xxxx_xxxx".replace('_', ""));
    assert_eq!(show(&ar(op::XNOR, &a, &b, w, false), w), "10xx_01xx_xxxx_xxxx".replace('_', ""));
    let mut d = vec![0; 2];
    unary(op::NOT, &mut d, &val(4, "01zx"), 4);
    assert_eq!(show(&d, 4), "10xx");
}

#[test]
fn bitwise_keeps_bits_above_width_zero() {
    let w = 65;
    let mut d = vec![0; 4];
    unary(op::NOT, &mut d, &num(w, 0), w);
    assert_eq!(d, vec![!0, 1, 0, 0]);
    let r = ar(op::XNOR, &num(w, 0), &num(w, 0), w, false);
    assert_eq!(r, vec![!0, 1, 0, 0]);
}

#[test]
fn negate_and_not() {
    let mut d = vec![0; 2];
    unary(op::NEG, &mut d, &num(8, 1), 8);
    assert_eq!(as_u128(&d, 8), 255);
    unary(op::NEG, &mut d, &val(8, "1z"), 8);
    assert_eq!(show(&d, 8), "xxxxxxxx");
    let mut d = vec![0; 4];
    unary(op::NEG, &mut d, &num(128, 5), 128);
    assert_eq!(as_u128(&d, 128), 5u128.wrapping_neg());
}

#[test]
fn reductions_and_logical_not() {
    let r = |o, s: &str| {
        let w = s.len() as u32;
        let mut d = vec![9; 2];
        reduce(o, &mut d, &val(w, s), w);
        bit1(&d)
    };
    assert_eq!(r(op::RED_AND, "1111"), '1');
    assert_eq!(r(op::RED_AND, "11x1"), 'x');
    assert_eq!(r(op::RED_AND, "10x1"), '0');
    assert_eq!(r(op::RED_NAND, "11z1"), 'x');
    assert_eq!(r(op::RED_NAND, "1111"), '0');
    assert_eq!(r(op::RED_OR, "00x0"), 'x');
    assert_eq!(r(op::RED_OR, "01x0"), '1');
    assert_eq!(r(op::RED_NOR, "0000"), '1');
    assert_eq!(r(op::RED_XOR, "1101"), '1');
    assert_eq!(r(op::RED_XOR, "110z"), 'x');
    assert_eq!(r(op::RED_XNOR, "1101"), '0');
    assert_eq!(r(op::LOG_NOT, "0000"), '1');
    assert_eq!(r(op::LOG_NOT, "00z0"), 'x');
    assert_eq!(r(op::LOG_NOT, "01z0"), '0');
    // Wide: a single 1 at bit 999.
    let mut v = num(1000, 0);
    v[999 / 64] |= 1 << (999 % 64);
    let mut d = vec![0; 2];
    reduce(op::RED_OR, &mut d, &v, 1000);
    assert_eq!(bit1(&d), '1');
    reduce(op::RED_AND, &mut d, &v, 1000);
    assert_eq!(bit1(&d), '0');
    reduce(op::RED_XOR, &mut d, &v, 1000);
    assert_eq!(bit1(&d), '1');
    let all = hexv(1000, &"f".repeat(250));
    reduce(op::RED_AND, &mut d, &all, 1000);
    assert_eq!(bit1(&d), '1');
}

fn cmp(o: i32, a: &[u64], b: &[u64], w: u32, signed: bool) -> char {
    let mut d = vec![7; 2];
    compare(o, &mut d, a, b, w, signed);
    bit1(&d)
}

#[test]
fn equality_with_unknowns() {
    let w = 4;
    assert_eq!(cmp(op::EQ, &val(w, "1010"), &val(w, "1010"), w, false), '1');
    assert_eq!(cmp(op::EQ, &val(w, "1x10"), &val(w, "1010"), w, false), 'x');
    assert_eq!(cmp(op::EQ, &val(w, "1x10"), &val(w, "0010"), w, false), '0');
    assert_eq!(cmp(op::NE, &val(w, "1x10"), &val(w, "0010"), w, false), '1');
    assert_eq!(cmp(op::NE, &val(w, "1z10"), &val(w, "1010"), w, false), 'x');
    assert_eq!(cmp(op::CASE_EQ, &val(w, "1x1z"), &val(w, "1x1z"), w, false), '1');
    assert_eq!(cmp(op::CASE_EQ, &val(w, "1x1z"), &val(w, "1x1x"), w, false), '0');
    assert_eq!(cmp(op::CASE_NE, &val(w, "1x1z"), &val(w, "1x1x"), w, false), '1');
}

#[test]
fn wildcard_equality_uses_rhs_unknowns_as_wildcards() {
    let w = 4;
    assert_eq!(cmp(op::WILD_EQ, &val(w, "1011"), &val(w, "10xz"), w, false), '1');
    assert_eq!(cmp(op::WILD_EQ, &val(w, "0011"), &val(w, "10xz"), w, false), '0');
    assert_eq!(cmp(op::WILD_EQ, &val(w, "1x11"), &val(w, "10xz"), w, false), 'x');
    assert_eq!(cmp(op::WILD_EQ, &val(w, "10x1"), &val(w, "10xz"), w, false), '1');
    assert_eq!(cmp(op::WILD_NE, &val(w, "0011"), &val(w, "10xz"), w, false), '1');
    assert_eq!(cmp(op::WILD_NE, &val(w, "1x11"), &val(w, "10xz"), w, false), 'x');
}

#[test]
fn relational_signed_and_unsigned() {
    let w = 8;
    let (m1, one) = (num(w, 0xff), num(w, 1));
    assert_eq!(cmp(op::LT, &m1, &one, w, true), '1');
    assert_eq!(cmp(op::LT, &m1, &one, w, false), '0');
    assert_eq!(cmp(op::GE, &m1, &one, w, false), '1');
    assert_eq!(cmp(op::LE, &one, &one, w, true), '1');
    assert_eq!(cmp(op::GT, &one, &one, w, true), '0');
    assert_eq!(cmp(op::GT, &val(w, "1x"), &one, w, true), 'x');
    for w in [33u32, 65, 128] {
        let m = mask128(w);
        let mut it = stream();
        for _ in 0..200 {
            let (x, y) = (it.next().unwrap() & m, it.next().unwrap() & m);
            let (a, b) = (num(w, x), num(w, y));
            let e = |c: bool| if c { '1' } else { '0' };
            assert_eq!(cmp(op::LT, &a, &b, w, false), e(x < y));
            assert_eq!(cmp(op::GE, &a, &b, w, false), e(x >= y));
            let (sx, sy) = (sext128(x, w), sext128(y, w));
            assert_eq!(cmp(op::LT, &a, &b, w, true), e(sx < sy), "w={w}");
            assert_eq!(cmp(op::GT, &a, &b, w, true), e(sx > sy));
            assert_eq!(cmp(op::LE, &a, &b, w, true), e(sx <= sy));
        }
    }
}

fn sh(o: i32, a: &[u64], w: u32, amt: u128) -> Vec<u64> {
    let mut d = vec![0x55; 2 * limbs(w)];
    shift(o, &mut d, a, w, &num(70, amt), 70);
    d
}

#[test]
fn shifts_small_and_edge_amounts() {
    let w = 8;
    assert_eq!(show(&sh(op::SHL, &val(w, "1x0z0011"), w, 2), w), "0z001100");
    assert_eq!(show(&sh(op::SHR, &val(w, "1x0z0011"), w, 3), w), "0001x0z0");
    assert_eq!(show(&sh(op::ASHR, &val(w, "1x0z0011"), w, 3), w), "1111x0z0");
    assert_eq!(show(&sh(op::ASHR, &val(w, "x0000000"), w, 2), w), "xxx00000");
    assert_eq!(show(&sh(op::ASHR, &val(w, "z0000000"), w, 9), w), "zzzzzzzz");
    assert_eq!(show(&sh(op::SHL, &val(w, "11111111"), w, 8), w), "00000000");
    assert_eq!(show(&sh(op::SHR, &val(w, "11111111"), w, 1 << 66), w), "00000000");
    assert_eq!(show(&sh(op::ASHR, &val(w, "10000000"), w, 1 << 66), w), "11111111");
    let mut d = vec![0; 2];
    shift(op::SHL, &mut d, &num(w, 1), w, &val(3, "0x1"), 3);
    assert_eq!(show(&d, w), "xxxxxxxx");
}

#[test]
fn shifts_match_u128_oracle() {
    for w in [1u32, 33, 64, 65, 127, 128] {
        let m = mask128(w);
        let mut it = stream();
        for _ in 0..100 {
            let x = it.next().unwrap() & m;
            let s = (it.next().unwrap() % (w as u128 + 3)) as u32;
            let a = num(w, x);
            let exp_shl = if s >= 128 { 0 } else { (x << s) & m };
            let exp_shr = if s >= 128 { 0 } else { x >> s };
            let sx = sext128(x, w);
            let exp_ashr = ((sx >> s.min(127)) as u128) & m;
            assert_eq!(as_u128(&sh(op::SHL, &a, w, s as u128), w), exp_shl, "shl w={w} s={s}");
            assert_eq!(as_u128(&sh(op::SHR, &a, w, s as u128), w), exp_shr, "shr w={w} s={s}");
            assert_eq!(as_u128(&sh(op::ASHR, &a, w, s as u128), w), exp_ashr, "ashr w={w} s={s}");
        }
    }
}

#[test]
fn wide_shift_1000_bits() {
    let w = 1000;
    let a = num(w, 0b1011);
    let d = sh(op::SHL, &a, w, 996);
    assert_eq!(&show(&d, w)[..4], "1011");
    let back = sh(op::SHR, &d, w, 996);
    assert_eq!(back, a);
    let s = sh(op::ASHR, &d, w, 990);
    assert_eq!(show(&s, w), format!("{}1011{}", "1".repeat(990), "0".repeat(6)));
}

fn p(a: i64, w: u32, asg: bool, b: i64, bw: u32, bsg: bool) -> String {
    let mut av = vec![0; 2 * limbs(w)];
    from_i64(&mut av, w, a);
    let mut bv = vec![0; 2 * limbs(bw)];
    from_i64(&mut bv, bw, b);
    let mut d = vec![0; 2 * limbs(w)];
    pow(&mut d, &av, w, asg, &bv, bw, bsg);
    if is_known(&d, w) {
        format!("{}", to_i64(&d, w, asg))
    } else {
        show(&d, w)
    }
}

#[test]
fn power_table_5_6() {
    // Positive exponents.
    assert_eq!(p(3, 8, false, 4, 8, false), "81");
    assert_eq!(p(2, 8, false, 8, 8, false), "0");
    assert_eq!(p(0, 8, false, 0, 8, false), "1");
    assert_eq!(p(0, 8, false, 5, 8, false), "0");
    assert_eq!(p(-2, 8, true, 3, 8, true), "-8");
    assert_eq!(p(-1, 8, true, 3, 8, true), "-1");
    // Negative exponents (signed exponent).
    assert_eq!(p(0, 8, true, -1, 8, true), "xxxxxxxx");
    assert_eq!(p(1, 8, true, -3, 8, true), "1");
    assert_eq!(p(-1, 8, true, -3, 8, true), "-1");
    assert_eq!(p(-1, 8, true, -2, 8, true), "1");
    assert_eq!(p(2, 8, true, -1, 8, true), "0");
    assert_eq!(p(-2, 8, true, -1, 8, true), "0");
    // Unsigned exponent is never negative: 2 ** 8'hff is 2^255 mod 256 = 0.
    assert_eq!(p(2, 8, false, -1, 8, false), "0");
    // An unsigned all-ones base acts as -1, as in Icarus (vvp prints 255).
    assert_eq!(p(255, 8, false, -1, 8, true), "255");
    // X operand.
    let mut d = vec![0; 2];
    pow(&mut d, &val(4, "1x"), 4, false, &num(4, 2), 4, false);
    assert_eq!(show(&d, 4), "xxxx");
}

#[test]
fn power_wide_values() {
    // 3 ** 80 at 128 bits equals the u128 value.
    let mut d = vec![0; 4];
    pow(&mut d, &num(128, 3), 128, false, &num(8, 80), 8, false);
    assert_eq!(as_u128(&d, 128), 3u128.pow(80));
    // 2 ** 999 at 1000 bits sets only bit 999.
    let mut d = vec![0; 32];
    pow(&mut d, &num(1000, 2), 1000, false, &num(16, 999), 16, false);
    let mut e = num(1000, 0);
    e[999 / 64] |= 1 << (999 % 64);
    assert_eq!(d, e);
    // 7 ** 65 at 65 bits.
    let mut d = vec![0; 4];
    pow(&mut d, &num(65, 7), 65, false, &num(7, 65), 7, false);
    assert_eq!(as_u128(&d, 65), 7u128.wrapping_pow(65) & mask128(65));
}

#[test]
fn truth_values() {
    assert_eq!(truth(&val(4, "0000"), 4), 0);
    assert_eq!(truth(&val(4, "0010"), 4), 1);
    assert_eq!(truth(&val(4, "0x00"), 4), 2);
    assert_eq!(truth(&val(4, "1x00"), 4), 1);
    assert_eq!(truth(&val(4, "z000"), 4), 2);
}

#[test]
fn conditional_merge() {
    let mut d = vec![0; 2];
    cond_merge(&mut d, &val(8, "0101zzxx"), &val(8, "0011z0x1"), 8);
    assert_eq!(show(&d, 8), "0xx1xxxx");
}

#[test]
fn get_bits_inside_and_outside() {
    let src = val(8, "1010_z1x0");
    let mut d = vec![0; 2];
    get_bits(&mut d, 4, &src, 8, 2, false);
    assert_eq!(show(&d, 4), "10z1");
    get_bits(&mut d, 4, &src, 8, -2, false);
    assert_eq!(show(&d, 4), "x0xx");
    get_bits(&mut d, 4, &src, 8, 6, false);
    assert_eq!(show(&d, 4), "xx10");
    get_bits(&mut d, 4, &src, 8, 6, true);
    assert_eq!(show(&d, 4), "0010");
    get_bits(&mut d, 4, &src, 8, i64::MAX, false);
    assert_eq!(show(&d, 4), "xxxx");
    get_bits(&mut d, 4, &src, 8, i64::MIN, true);
    assert_eq!(show(&d, 4), "0000");
    // Across limbs: 70 bits from offset 60 of a 200-bit value.
    let mut wide = num(200, 0);
    wide[1] = 0xabcd;
    let mut d = vec![0; 4];
    get_bits(&mut d, 70, &wide, 200, 60, false);
    assert_eq!(as_u128(&d, 70), 0xabcd << 4);
}

#[test]
fn set_bits_clips_and_reports_change() {
    let mut d = val(8, "00000000");
    assert!(set_bits(&mut d, 8, 2, &val(3, "1xz"), 3));
    assert_eq!(show(&d, 8), "0001xz00");
    assert!(!set_bits(&mut d, 8, 2, &val(3, "1xz"), 3));
    assert!(set_bits(&mut d, 8, -1, &val(3, "111"), 3));
    assert_eq!(show(&d, 8), "0001xz11");
    assert!(set_bits(&mut d, 8, 7, &val(3, "101"), 3));
    assert_eq!(show(&d, 8), "1001xz11");
    assert!(!set_bits(&mut d, 8, 8, &val(3, "111"), 3));
    assert!(!set_bits(&mut d, 8, -3, &val(3, "111"), 3));
    assert!(!set_bits(&mut d, 8, i64::MIN, &val(3, "111"), 3));
    // Wide: write 100 ones at offset 950 of a 1000-bit value.
    let mut d = num(1000, 0);
    let ones100 = hexv(100, &"f".repeat(25));
    assert!(set_bits(&mut d, 1000, 950, &ones100, 100));
    let s = show(&d, 1000);
    assert_eq!(s, format!("{}{}", "1".repeat(50), "0".repeat(950)));
    assert_eq!(d[32 - 1], 0); // bval top limb untouched
}

#[test]
fn resize_extends_and_truncates() {
    let mut d = vec![0; 4];
    resize(&mut d, 8, &val(4, "x101"), 4, true);
    assert_eq!(show(&d, 8), "xxxxx101");
    resize(&mut d, 8, &val(4, "1101"), 4, false);
    assert_eq!(show(&d, 8), "00001101");
    resize(&mut d, 3, &val(8, "z1100101"), 8, true);
    assert_eq!(show(&d, 3), "101");
    resize(&mut d, 100, &val(4, "1000"), 4, true);
    assert_eq!(as_u128(&d, 100), mask128(100) - 7);
    let mut d = vec![0; 32];
    resize(&mut d, 1000, &num(65, 1 << 64), 65, true);
    assert_eq!(show(&d, 1000), format!("{}{}", "1".repeat(936), "0".repeat(64)));
}

#[test]
fn two_state_and_known() {
    let mut v = val(4, "1xz0");
    assert!(!is_known(&v, 4));
    to_2state(&mut v, 4);
    assert_eq!(show(&v, 4), "1000");
    assert!(is_known(&v, 4));
}

#[test]
fn i64_conversions() {
    let mut d = vec![0; 4];
    from_i64(&mut d, 100, -2);
    assert_eq!(as_u128(&d, 100), mask128(100) - 1);
    assert_eq!(to_i64(&d, 100, true), -2);
    from_i64(&mut d, 4, -1);
    assert_eq!(to_i64(&d, 4, true), -1);
    assert_eq!(to_i64(&d, 4, false), 15);
    from_i64(&mut d, 64, i64::MIN);
    assert_eq!(to_i64(&d, 64, true), i64::MIN);
}

#[test]
fn real_conversions() {
    let mut d = vec![0; 4];
    let r = |d: &mut Vec<u64>, w, x| {
        from_real(d, w, x);
        to_i64(d, w, true)
    };
    assert_eq!(r(&mut d, 32, 2.5), 3);
    assert_eq!(r(&mut d, 32, -2.5), -3);
    assert_eq!(r(&mut d, 32, 2.4999), 2);
    assert_eq!(r(&mut d, 32, -0.5), -1);
    assert_eq!(r(&mut d, 32, 0.49), 0);
    assert_eq!(r(&mut d, 8, 300.0), 44);
    // 2^70 + 2^20 modulo 2^65 is 2^20.
    from_real(&mut d, 65, 2f64.powi(70) + 2f64.powi(20));
    assert_eq!(as_u128(&d, 65), 1 << 20);
    from_real(&mut d, 128, -1e30);
    assert_eq!(sext128(as_u128(&d, 128), 128), -1_000_000_000_000_000_019_884_624_838_656);
    assert_eq!(to_real(&num(8, 0xff), 8, true), -1.0);
    assert_eq!(to_real(&num(8, 0xff), 8, false), 255.0);
    assert_eq!(to_real(&val(4, "1x1z"), 4, false), 10.0);
    assert_eq!(to_real(&num(128, 1u128 << 100), 128, false), 1267650600228229401496703205376.0);
    // Round to nearest even at 2^64 + 2^11 + 1 (just above the half-way point).
    let x = (1u128 << 64) + (1 << 11) + 1;
    assert_eq!(to_real(&num(128, x), 128, false), 18446744073709555712.0);
    // No integer value: all X.
    for bad in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
        from_real(&mut d, 70, bad);
        assert_eq!(show(&d, 70), "x".repeat(70));
    }
    let mut big = vec![0; 32];
    from_real(&mut big, 1000, -1e30);
    assert_eq!(to_real(&big, 1000, true), -1e30);
}

#[test]
fn case_matching_kinds() {
    let w = 4;
    assert!(case_match(op::CASE_EXACT, &val(w, "1x0z"), &val(w, "1x0z"), w));
    assert!(!case_match(op::CASE_EXACT, &val(w, "1x0z"), &val(w, "1x00"), w));
    assert!(case_match(op::CASE_Z, &val(w, "1x0z"), &val(w, "1x00"), w));
    assert!(case_match(op::CASE_Z, &val(w, "1x01"), &val(w, "zx0z"), w));
    assert!(!case_match(op::CASE_Z, &val(w, "1x01"), &val(w, "1001"), w));
    assert!(case_match(op::CASE_X, &val(w, "1x01"), &val(w, "1001"), w));
    assert!(case_match(op::CASE_X, &val(w, "1101"), &val(w, "1z0x"), w));
    assert!(!case_match(op::CASE_X, &val(w, "0101"), &val(w, "1z0x"), w));
}

fn bf(o: i32, a: &[u64], w: u32) -> String {
    let mut d = vec![0; 2];
    bitfunc(o, &mut d, a, w);
    let rw = if o <= op::BF_COUNTONES { 32 } else { 1 };
    if is_known(&d, rw) {
        format!("{}", d[0])
    } else {
        show(&d, rw)
    }
}

#[test]
fn bit_vector_functions() {
    assert_eq!(bf(op::BF_CLOG2, &num(32, 0), 32), "0");
    assert_eq!(bf(op::BF_CLOG2, &num(32, 1), 32), "0");
    assert_eq!(bf(op::BF_CLOG2, &num(32, 2), 32), "1");
    assert_eq!(bf(op::BF_CLOG2, &num(32, 5), 32), "3");
    assert_eq!(bf(op::BF_CLOG2, &num(32, 8), 32), "3");
    assert_eq!(bf(op::BF_CLOG2, &num(32, 9), 32), "4");
    let mut big = num(1000, 0);
    big[999 / 64] |= 1 << (999 % 64);
    assert_eq!(bf(op::BF_CLOG2, &big, 1000), "999");
    big[0] = 1;
    assert_eq!(bf(op::BF_CLOG2, &big, 1000), "1000");
    assert_eq!(bf(op::BF_COUNTONES, &big, 1000), "2");
    assert_eq!(bf(op::BF_COUNTONES, &val(6, "1x1z01"), 6), "3");
    assert_eq!(bf(op::BF_ONEHOT, &val(6, "0x0z01"), 6), "1");
    assert_eq!(bf(op::BF_ONEHOT, &val(6, "000000"), 6), "0");
    assert_eq!(bf(op::BF_ONEHOT, &val(6, "010001"), 6), "0");
    assert_eq!(bf(op::BF_ONEHOT0, &val(6, "000000"), 6), "1");
    assert_eq!(bf(op::BF_ONEHOT0, &val(6, "010001"), 6), "0");
    assert_eq!(bf(op::BF_ISUNKNOWN, &val(6, "0000z0"), 6), "1");
    assert_eq!(bf(op::BF_ISUNKNOWN, &val(6, "000010"), 6), "0");
    assert_eq!(bf(op::BF_CLOG2, &val(6, "0000x0"), 6), "x".repeat(32));
}
