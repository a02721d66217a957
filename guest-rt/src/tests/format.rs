//! Formatting tests: every expected string is what Icarus Verilog 11's vvp
//! printed for the same `$display` (see the comments for the Verilog).
// 3.14159 is the literal of the Verilog tests, not an approximation of pi.
#![allow(clippy::approx_constant)]

use crate::testkit::{Arg, Machine};
use wsim_abi::fmt as af;

/// A compact argument description.
enum A<'a> {
    /// Unsigned known value.
    U(u32, u128),
    /// Signed known value.
    S(u32, i128),
    /// 4-state bits, most significant first.
    B(u32, &'a str, bool),
    R(f64),
    /// A string literal.
    T(&'a str),
    E,
}
use A::*;

fn place(m: &mut Machine, a: &A) -> Arg {
    match *a {
        U(w, x) => {
            let ptr = m.value(w, &limbs_of(w, x, 0));
            Arg::Value { w, ptr, signed: false }
        }
        S(w, x) => {
            let ptr = m.value(w, &limbs_of(w, x as u128, 0));
            Arg::Value { w, ptr, signed: true }
        }
        B(w, bits, signed) => {
            let (mut a, mut b) = (0u128, 0u128);
            for (i, c) in bits.chars().rev().enumerate() {
                let (x, y) = match c {
                    '0' => (0, 0),
                    '1' => (1, 0),
                    'z' => (0, 1),
                    _ => (1, 1),
                };
                a |= x << i;
                b |= y << i;
            }
            let mut l = limbs_of(w, a, 0);
            let n = l.len() / 2;
            let lb = limbs_of(w, b, 0);
            l[n..].copy_from_slice(&lb[..n]);
            let ptr = m.value(w, &l);
            Arg::Value { w, ptr, signed }
        }
        R(r) => Arg::Real { ptr: m.real(r) },
        T(s) => {
            let (ptr, w) = m.string(s);
            Arg::Str { w, ptr }
        }
        E => Arg::Empty,
    }
}

/// Limbs (aval from `x`, bval zero) of a `w`-bit value, masked.
fn limbs_of(w: u32, x: u128, _b: u128) -> Vec<u64> {
    let n = crate::logic::limbs(w);
    let mut v = vec![0u64; 2 * n];
    v[0] = x as u64;
    if n > 1 {
        v[1] = (x >> 64) as u64;
    } else if w < 64 {
        v[0] &= (1u64 << w) - 1;
    }
    if n == 2 && w < 128 {
        v[1] &= (1u64 << (w - 64)) - 1;
    }
    v
}

fn disp_flags(m: &mut Machine, flags: i32, args: &[A]) -> String {
    let list: Vec<Arg> = args.iter().map(|a| place(m, a)).collect();
    m.display(&list, flags, "t", -9)
}

fn disp(m: &mut Machine, args: &[A]) -> String {
    disp_flags(m, af::NEWLINE, args)
}

fn machine() -> Machine {
    // `timescale 1ns/1ps: global precision -12, caller unit -9.
    Machine::new(1, -12, |_, _| 0)
}

#[test]
fn decimal_widths_signed_and_wide() {
    let mut m = machine();
    // $display("[%d] [%d] [%d] [%d]", r8, s8, i, w65)
    let r = disp(&mut m, &[T("[%d] [%d] [%d] [%d]"), U(8, 5), S(8, -5), S(32, -42), U(65, (1 << 64) + 1)]);
    assert_eq!(r, "[  5] [  -5] [        -42] [18446744073709551617]\n");
    let r = disp(&mut m, &[T("[%0d] [%0d] [%0d] [%3d] [%1d]"), U(8, 5), S(8, -5), S(32, -42), U(8, 5), S(32, -42)]);
    assert_eq!(r, "[5] [-5] [-42] [  5] [-42]\n");
    let r = disp(&mut m, &[T("[%5d] [%-5d] [%05d] [%-05d|]"), U(8, 65), U(8, 65), U(8, 65), U(8, 65)]);
    assert_eq!(r, "[   65] [65   ] [00065] [65   |]\n");
    let r = disp(&mut m, &[T("[%d]"), U(100, 123456789012345678901234567890)]);
    assert_eq!(r, "[ 123456789012345678901234567890]\n");
    let r = disp(&mut m, &[T("[%d]"), S(100, -123456789012345678901234567890)]);
    assert_eq!(r, "[-123456789012345678901234567890]\n");
    let r = disp(&mut m, &[T("%h %d"), U(70, (1 << 70) - 1), U(70, (1 << 70) - 1)]);
    assert_eq!(r, "3fffffffffffffffff 1180591620717411303423\n");
    let r = disp(
        &mut m,
        &[
            T("[%d] [%0d] [%h] [%b] [%o] [%x]"),
            S(16, -300),
            S(16, -300),
            S(16, -300),
            S(16, -300),
            S(16, -300),
            S(16, -300),
        ],
    );
    assert_eq!(r, "[  -300] [-300] [fed4] [1111111011010100] [177324] [fed4]\n");
    let r = disp(&mut m, &[T("[%05d] [%2d]"), S(8, -5), U(8, 200)]);
    assert_eq!(r, "[-0005] [200]\n");
    let r = disp(
        &mut m,
        &[
            T("[%-d] [%-h] [%0b] [%0h] [%0o]"),
            U(8, 5),
            U(8, 5),
            B(4, "00x1", false),
            B(8, "0000xxxx", false),
            B(9, "000000zzz", false),
        ],
    );
    assert_eq!(r, "[5  ] [05] [x1] [x] [z]\n");
}

#[test]
fn radix_widths_and_padding() {
    let mut m = machine();
    let r = disp(
        &mut m,
        &[
            T("[%h] [%h] [%h] [%0h] [%o] [%b] [%0b]"),
            U(8, 5),
            S(8, -5),
            U(65, (1 << 64) + 1),
            U(8, 5),
            U(8, 5),
            U(8, 5),
            U(8, 5),
        ],
    );
    assert_eq!(r, "[05] [fb] [10000000000000001] [5] [005] [00000101] [101]\n");
    let r = disp(&mut m, &[T("[%x] [%X] [%H] [%B] [%D] [%O]"), U(8, 5), U(8, 5), U(8, 5), U(8, 5), U(8, 5), U(8, 5)]);
    assert_eq!(r, "[05] [05] [05] [00000101] [  5] [005]\n");
    let r = disp(&mut m, &[T("[%8h] [%-8h|] [%2h] [%12b]"), U(8, 0xab), U(8, 0xab), U(16, 0xabcd), U(4, 10)]);
    assert_eq!(r, "[      ab] [ab      |] [abcd] [        1010]\n");
    let b = U(8, 0x0b);
    let r = disp(
        &mut m,
        &[
            T("[%3h] [%1h] [%4b] [%10b] [%-3h|] [%03h] [%3o]"),
            U(8, 11),
            U(8, 11),
            U(8, 11),
            U(8, 11),
            U(8, 11),
            U(8, 11),
            b,
        ],
    );
    assert_eq!(r, "[ 0b] [0b] [00001011] [  00001011] [0b |] [00b] [013]\n");
    let r = disp(&mut m, &[T("%b"), U(65, (1 << 65) - 1)]);
    assert_eq!(r, format!("{}\n", "1".repeat(65)));
}

#[test]
fn unknown_digits_follow_icarus() {
    let mut m = machine();
    let r = disp(
        &mut m,
        &[T("[%b] [%h] [%d] [%o]"), B(4, "1x0z", false), B(4, "1x0z", false), B(4, "1x0z", false), B(4, "1x0z", false)],
    );
    assert_eq!(r, "[1x0z] [X] [ X] [1X]\n");
    let four =
        |s: &'static str| [T("[%d] [%h] [%o] [%b]"), B(8, s, false), B(8, s, false), B(8, s, false), B(8, s, false)];
    assert_eq!(disp(&mut m, &four("xxxxxxxx")), "[  x] [xx] [xxx] [xxxxxxxx]\n");
    assert_eq!(disp(&mut m, &four("zzzzzzzz")), "[  z] [zz] [zzz] [zzzzzzzz]\n");
    assert_eq!(disp(&mut m, &four("1010xxxx")), "[  X] [ax] [2Xx] [1010xxxx]\n");
    assert_eq!(disp(&mut m, &four("1010zzzz")), "[  Z] [az] [2Zz] [1010zzzz]\n");
    assert_eq!(disp(&mut m, &four("10z0x000")), "[  X] [ZX] [2X0] [10z0x000]\n");
    assert_eq!(disp(&mut m, &four("1z100000")), "[  Z] [Z0] [Z40] [1z100000]\n");
    let r = disp(
        &mut m,
        &[
            T("[%5d] [%05d] [%-5d|] [%5h]"),
            B(8, "xxxxxxxx", false),
            B(8, "xxxxxxxx", false),
            B(8, "zzzzzzzz", false),
            B(8, "xxxxxxxx", false),
        ],
    );
    assert_eq!(r, "[    x] [0000x] [z    |] [   xx]\n");
    let r =
        disp(&mut m, &[T("%0d|%0h|%0o"), B(8, "xxxxxxxx", false), B(8, "xxxxxxxx", false), B(8, "zzzzzzzz", false)]);
    assert_eq!(r, "x|xx|zzz\n");
    let r = disp(
        &mut m,
        &[
            T("[%5d] [%d] [%d] [%h] [%o]"),
            B(4, "xz01", false),
            B(2, "xz", false),
            B(2, "zx", false),
            B(4, "xzxz", false),
            B(3, "xz1", false),
        ],
    );
    assert_eq!(r, "[    X] [X] [X] [X] [X]\n");
    let r = disp(&mut m, &[T("%h"), B(65, &"x".repeat(65), false)]);
    assert_eq!(r, format!("{}\n", "x".repeat(17)));
    let r = disp(&mut m, &[T("%d"), B(65, &"z".repeat(65), false)]);
    assert_eq!(r, "                   z\n");
    let r = disp(&mut m, &[T("%d %d %d"), U(1, 1), B(1, "x", false), U(33, 1 << 32)]);
    assert_eq!(r, "1 x 4294967296\n");
}

#[test]
fn strings_and_chars() {
    let mut m = machine();
    let r = disp(&mut m, &[T("[%c] [%s] [%5s] [%-5s|] [%0s]"), U(8, 65), U(8, 65), U(8, 65), U(8, 65), U(8, 65)]);
    assert_eq!(r, "[A] [A] [    A] [A    |] [A]\n");
    let hi = 0x6869u128; // "hi" in a 40-bit reg
    let r = disp(&mut m, &[T("[%s] [%0s] [%10s]"), U(40, hi), U(40, hi), U(40, hi)]);
    assert_eq!(r, "[   hi] [hi] [        hi]\n");
    let r = disp(&mut m, &[T("[%s]"), U(40, 0x0041004200)]);
    assert_eq!(r, "[ A B ]\n");
    let anb = 0x610062u128;
    let r = disp(&mut m, &[T("[%s] [%0s] [%8s]"), U(40, anb), U(40, anb), U(40, anb)]);
    assert_eq!(r, "[  a b] [a b] [     a b]\n");
    let r = disp(&mut m, &[T("[%s] [%0s]"), U(40, 0), U(40, 0)]);
    assert_eq!(r, "[     ] []\n");
    let r = disp(&mut m, &[T("[%c] [%c] [%c]"), U(16, 0x4142), U(8, 0), B(8, "xxxxxxxx", false)]);
    assert_eq!(r, "[B] [\0] [\0]\n");
    let r = disp(&mut m, &[T("[%-8s|] [%08s] [%3c|]"), T("ab"), T("ab"), U(8, 0x41)]);
    assert_eq!(r, "[ab      |] [      ab] [  A|]\n");
    let r = disp(&mut m, &[T("%s"), T("abc")]);
    assert_eq!(r, "abc\n");
    let r = disp(&mut m, &[T("[%u] [%z]"), U(8, 0x41), U(8, 0x41)]);
    assert_eq!(r, "[A\0\0\0] [A\0\0\0\0\0\0\0]\n");
    let r = disp(&mut m, &[T("[%v] [%v]"), B(2, "1z", false), U(1, 1)]);
    assert_eq!(r, "[St1_HiZ] [St1]\n");
}

#[test]
fn default_arguments_and_radix_variants() {
    let mut m = machine();
    assert_eq!(disp(&mut m, &[R(3.14159)]), "3.14159\n");
    assert_eq!(disp(&mut m, &[U(8, 65), S(8, -5)]), " 65  -5\n");
    assert_eq!(disp(&mut m, &[S(32, -42), E, U(8, 65)]), "        -42  65\n");
    assert_eq!(disp(&mut m, &[T("a"), T("b")]), "ab\n");
    assert_eq!(disp(&mut m, &[T("%d"), S(32, 1), S(32, 2)]), "          1          2\n");
    assert_eq!(disp(&mut m, &[T("x=%d"), U(8, 65), T(" y=%h"), U(8, 65)]), "x= 65 y=41\n");
    assert_eq!(disp(&mut m, &[R(1.5)]), "1.50000\n");
    assert_eq!(disp(&mut m, &[R(-0.5)]), "-0.500000\n");
    assert_eq!(disp(&mut m, &[R(1e20)]), "1.00000e+20\n");
    assert_eq!(disp(&mut m, &[R(1e-20)]), "1.00000e-20\n");
    assert_eq!(disp(&mut m, &[S(8, 3), S(8, -56), S(8, -3)]), "   3 -56  -3\n");
    assert_eq!(disp(&mut m, &[U(65, (1 << 64) + 1)]), "18446744073709551617\n");
    assert_eq!(disp(&mut m, &[U(16, 0x7fff)]), "32767\n");
    assert_eq!(disp(&mut m, &[B(2, "1x", false)]), "X\n");
    assert_eq!(disp(&mut m, &[]), "\n");
    assert_eq!(disp(&mut m, &[T("%d%s"), S(32, 5), T("q")]), "          5q\n");
    assert_eq!(disp(&mut m, &[S(32, 5), T("%d"), S(32, 6)]), "          5          6\n");
    let hex = af::NEWLINE | (af::RADIX_HEX << af::RADIX_SHIFT);
    assert_eq!(disp_flags(&mut m, hex, &[U(8, 10), T(" "), S(8, -1), T(" "), R(1.5)]), "0a ff 1.50000\n");
    let bin = af::NEWLINE | (af::RADIX_BIN << af::RADIX_SHIFT);
    assert_eq!(disp_flags(&mut m, bin, &[U(4, 5)]), "0101\n");
    let oct = af::NEWLINE | (af::RADIX_OCT << af::RADIX_SHIFT);
    assert_eq!(disp_flags(&mut m, oct, &[U(9, 8)]), "010\n");
    // $write(4'd3) has no newline.
    assert_eq!(disp_flags(&mut m, 0, &[U(4, 3)]), " 3");
    assert_eq!(disp(&mut m, &[T("%%  %m")]), "%  t\n");
    assert_eq!(disp(&mut m, &[T("%l")]), "<%l>\n");
}

#[test]
fn reals_like_c_printf() {
    let mut m = machine();
    let pi = 3.14159;
    let r = disp(
        &mut m,
        &[
            T("[%f] [%e] [%g] [%0.2f] [%10.3f] [%-10.3e|] [%g] [%g]"),
            R(pi),
            R(pi),
            R(pi),
            R(pi),
            R(pi),
            R(pi),
            R(1e10),
            R(1e-5),
        ],
    );
    assert_eq!(r, "[3.141590] [3.141590e+00] [3.14159] [3.14] [     3.142] [3.142e+00 |] [1e+10] [1e-05]\n");
    let r = disp(&mut m, &[T("[%f] [%e] [%g]"), R(0.0), R(-1.5e300), R(123456789.0)]);
    assert_eq!(r, "[0.000000] [-1.500000e+300] [1.23457e+08]\n");
    assert_eq!(disp(&mut m, &[T("%e"), R(1.0)]), "1.000000e+00\n");
    assert_eq!(disp(&mut m, &[T("%g %g %g"), R(0.0001), R(100000.0), R(1e6)]), "0.0001 100000 1e+06\n");
    assert_eq!(disp(&mut m, &[T("%d"), R(pi)]), "3\n");
    let r = disp(
        &mut m,
        &[
            T("[%0d] [%0d] [%0d] [%h] [%d] [%h] [%b] [%c]"),
            R(-0.5),
            R(2.5),
            R(-1e20),
            R(1e30),
            R(1e30),
            R(-2.5),
            R(0.5),
            R(65.0),
        ],
    );
    assert_eq!(
        r,
        "[-1] [3] [-100000000000000000000] [0] [1000000000000000019884624838656] [fffffffffffffffd] [1] [A]\n"
    );
    assert_eq!(disp(&mut m, &[T("%h"), R(pi)]), "3\n");
    assert_eq!(disp(&mut m, &[T("%f"), U(8, 65)]), "65.000000\n");
    assert_eq!(disp(&mut m, &[T("%10.4g|%-12g|"), R(pi), R(2.5)]), "     3.142|2.5         |\n");
    let r = disp(&mut m, &[T("[%f] [%e] [%g]"), U(8, 3), B(8, "xxxxxxxx", false), U(16, 1000)]);
    assert_eq!(r, "[3.000000] [0.000000e+00] [1000]\n");
    assert_eq!(disp(&mut m, &[T("%5.2f|%-8.3e|"), R(-1.005), R(12345.678)]), "-1.00|1.235e+04|\n");
    let r = disp(&mut m, &[T("%g|%g|%g|%g|%g"), R(1e-4), R(1e-5), R(123456.0), R(1234567.0), R(0.5)]);
    assert_eq!(r, "0.0001|1e-05|123456|1.23457e+06|0.5\n");
    let r = disp(&mut m, &[T("%.3g|%.10g|%G|%E"), R(1234.5678), R(1.0 / 3.0), R(1e-10), R(1.5)]);
    assert_eq!(r, "1.23e+03|0.3333333333|1E-10|1.500000E+00\n");
    assert_eq!(disp(&mut m, &[T("%e"), R(1e-310)]), "1.000000e-310\n");
    assert_eq!(disp(&mut m, &[T("%f|%e"), R(f64::INFINITY), R(f64::NEG_INFINITY)]), "inf|-inf\n");
    let r = disp(&mut m, &[T("[%010.3f] [%-10.2e|] [%+f]"), R(-3.14159), R(2.5), R(1.0)]);
    assert_eq!(r, "[-00003.142] [2.50e+00  |] [+1.000000]\n");
    let r = disp(&mut m, &[T("%.1f %.1f %.1f %.2f"), R(2.25), R(0.35), R(2.35), R(1.005)]);
    assert_eq!(r, "2.2 0.3 2.4 1.00\n");
    let r = disp(&mut m, &[T("[%4.1f] [%.0f] [%.0e]"), R(2.25), R(2.5), R(2.5)]);
    assert_eq!(r, "[ 2.2] [2] [2e+00]\n");
}

#[test]
fn time_format_scales_from_the_caller_unit() {
    let mut m = machine();
    // `timescale 1ns/1ps, at time 0: "%m [%t] [%0t] [%5t]"
    let r = disp(&mut m, &[T("%m [%t] [%0t] [%5t]"), U(64, 0), U(64, 0), U(64, 0)]);
    assert_eq!(r, "t [                   0] [0] [    0]\n");
    // after #1.5: $realtime = 1.5, $time = 2
    let r = disp(&mut m, &[T("[%t] [%d] [%0t]"), R(1.5), U(64, 2), U(64, 2)]);
    assert_eq!(r, "[                1500] [                   2] [2000]\n");
    let (sfx, sw) = m.string(" ns");
    crate::format::rt_timeformat(-9, 2, sfx, sw, 12);
    assert_eq!(disp(&mut m, &[T("[%t]"), R(1.5)]), "[     1.50 ns]\n");
    assert_eq!(disp(&mut m, &[T("[%t]"), U(64, 2)]), "[     2.00 ns]\n");
    crate::format::rt_timeformat(-6, 3, 0, 0, 0);
    assert_eq!(disp(&mut m, &[T("[%t]"), U(64, 1500)]), "[1.500]\n");
    // vvp scales integral times on the digits (truncating), reals with
    // printf rounding.
    crate::format::rt_timeformat(-9, 0, 0, 0, 5);
    assert_eq!(disp(&mut m, &[T("[%t] [%t]"), U(64, 2), R(1.7)]), "[    2] [    2]\n");
    crate::format::rt_timeformat(-6, 2, 0, 0, 5);
    assert_eq!(disp(&mut m, &[T("[%t] [%t] [%t]"), U(64, 1999), R(1.7), R(1.2345)]), "[ 1.99] [ 0.00] [ 0.00]\n");
    crate::format::rt_timeformat(-15, 2, 0, 0, 5);
    let r = disp(&mut m, &[T("[%t] [%t] [%t] [%t]"), U(64, 1999), R(1.7), R(1.2345), S(8, -5)]);
    assert_eq!(r, "[1999000000.00] [1700000.00] [1234500.00] [-5000000.00]\n");
    crate::format::rt_timeformat(-12, 1, 0, 0, 5);
    assert_eq!(disp(&mut m, &[T("[%t]"), B(8, "xxxxxxxx", false)]), "[x000.0]\n");
    crate::format::rt_timeformat(-6, 0, 0, 0, 5);
    assert_eq!(disp(&mut m, &[T("[%t]"), U(64, 1500)]), "[    1]\n");
}

#[test]
fn sformat_right_aligns_into_a_value() {
    let mut m = machine();
    let (args, n) = {
        let list = [place(&mut m, &T("v=%0d")), place(&mut m, &U(8, 42))];
        m.args(&list)
    };
    let dst = m.num(64, 0);
    crate::format::rt_sformat(dst, 64, args, n, 0, 0, 0, -9);
    assert_eq!(crate::mem::value(dst, 64)[0], u64::from_be_bytes(*b"\0\0\0\0v=42"));
    let small = m.num(16, 0);
    crate::format::rt_sformat(small, 16, args, n, 0, 0, 0, -9);
    assert_eq!(crate::mem::value(small, 16)[0], 0x3432); // "42": the rightmost chars
}

#[test]
fn severity_messages_like_vvp() {
    let mut m = machine();
    let list = [place(&mut m, &T("hello %0d")), place(&mut m, &S(32, 5))];
    let (args, n) = m.args(&list);
    let (scope, sl) = m.bytes(b"t.blk");
    let (file, fl) = m.bytes(b"s.v");
    crate::format::rt_severity(0, args, n, scope, sl, -9, file, fl, 4);
    crate::format::rt_severity(1, args, 0, scope, sl, -9, file, fl, 5);
    crate::format::rt_severity(2, args, n, scope, sl, -9, file, fl, 6);
    crate::format::rt_severity(3, args, n, scope, sl, -9, file, fl, 7);
    assert_eq!(
        m.stdout(),
        "INFO: s.v:4: hello 5\n      Time: 0 Scope: t.blk\n\
         WARNING: s.v:5: \n         Time: 0 Scope: t.blk\n\
         ERROR: s.v:6: hello 5\n       Time: 0 Scope: t.blk\n\
         FATAL: s.v:7: hello 5\n       Time: 0 Scope: t.blk\n"
    );
}

// ---------------------------------------------------------------------------
// Differential cases generated from vvp (tools/gen_format_cases.py).

/// A Verilog literal of the generated cases: `[-]W'[s]<b|o|h|d>digits`, a
/// real, or a "string".
fn parse_literal(m: &mut Machine, lit: &str) -> Arg {
    if let Some(s) = lit.strip_prefix('"') {
        let s = s.strip_suffix('"').unwrap();
        let (ptr, w) = m.string(s);
        return Arg::Str { w, ptr };
    }
    let Some(q) = lit.find('\'') else {
        return Arg::Real { ptr: m.real(lit.parse().unwrap()) };
    };
    let (neg, wtext) = match lit[..q].strip_prefix('-') {
        Some(w) => (true, w),
        None => (false, &lit[..q]),
    };
    let w: u32 = wtext.parse().unwrap();
    let mut rest = &lit[q + 1..];
    let signed = rest.starts_with('s');
    if signed {
        rest = &rest[1..];
    }
    let (base, digits) = rest.split_at(1);
    let n = crate::logic::limbs(w);
    let mut v = vec![0u64; 2 * n];
    if base == "d" {
        // Decimal magnitude: repeated multiply-add on 4 limbs is enough here.
        let mut acc = vec![0u64; 2 * crate::logic::limbs(256)];
        let mut ten = vec![0u64; acc.len()];
        ten[0] = 10;
        for c in digits.chars() {
            let mut t = vec![0u64; acc.len()];
            crate::logic::arith(wsim_abi::op::MUL, &mut t, &acc, &ten, 256, false);
            let mut d = vec![0u64; acc.len()];
            d[0] = c.to_digit(10).unwrap() as u64;
            crate::logic::arith(wsim_abi::op::ADD, &mut acc, &t, &d, 256, false);
        }
        crate::logic::resize(&mut v, w, &acc, 256, false);
    } else {
        let bits = match base {
            "b" => 1,
            "o" => 3,
            _ => 4,
        };
        let dw = digits.len() as u32 * bits;
        let mut full = vec![0u64; 2 * crate::logic::limbs(dw)];
        crate::plusargs::parse_radix(digits.as_bytes(), bits, &mut full, dw);
        crate::logic::resize(&mut v, w, &full, dw, false);
    }
    if neg {
        let src = v.clone();
        crate::logic::unary(wsim_abi::op::NEG, &mut v, &src, w);
    }
    let ptr = m.value(w, &v);
    Arg::Value { w, ptr, signed }
}

#[test]
fn generated_cases_match_vvp() {
    let mut m = machine();
    let text = include_bytes!("format_cases.txt");
    // The file is latin-1: map bytes to chars one to one.
    let text: String = text.iter().map(|&b| b as char).collect();
    let mut failures = Vec::new();
    let mut total = 0;
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let arrow = fields.iter().position(|&f| f == "=>").unwrap();
        let expected = fields[arrow + 1..].join("\t");
        let radix = match fields[0] {
            "$displayh" => af::RADIX_HEX,
            "$displayb" => af::RADIX_BIN,
            "$displayo" => af::RADIX_OCT,
            _ => af::RADIX_DEC,
        };
        let mut list = Vec::new();
        if fields[1] != "-" {
            let (ptr, w) = m.string(fields[1]);
            list.push(Arg::Str { w, ptr });
        }
        for lit in &fields[2..arrow] {
            list.push(parse_literal(&mut m, lit));
        }
        let (args, n) = m.args(&list);
        crate::host::native::state().output.clear();
        let (scope, scope_len) = m.bytes(b"t");
        crate::format::rt_display(args, n, 1, radix << af::RADIX_SHIFT, scope, scope_len, -9);
        let got: String =
            crate::host::native::state().output.iter().flat_map(|(_, b)| b.iter().map(|&c| c as char)).collect();
        total += 1;
        if got != expected {
            failures.push(format!("{line}\n   got: {got}"));
        }
    }
    assert!(total > 500, "only {total} cases");
    assert!(failures.is_empty(), "{} of {total} cases differ:\n{}", failures.len(), failures.join("\n"));
}
