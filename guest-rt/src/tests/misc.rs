//! Tests of `$random`, files, `$readmem`, plusargs and net resolution,
//! against what vvp does.

use crate::host::native;
use crate::mem::{self, rd32};
use crate::testkit::Machine;
use wsim_abi::{op, value_bytes};

fn machine() -> Machine {
    Machine::new(1, 0, |_, _| 0)
}

#[test]
fn random_sequences_match_vvp() {
    // for (...) $display("%0d %0d %0d", $random, $random(seed), $random(s2));
    // with seed = 0, s2 = 42.
    let mut m = machine();
    let (seed, s2) = (m.num(32, 0), m.num(32, 42));
    let mut got = Vec::new();
    for _ in 0..5 {
        got.push((crate::random::rt_random(0), crate::random::rt_random(seed), crate::random::rt_random(s2)));
    }
    assert_eq!(
        got,
        [
            (303379748, 303379748, -2144582656),
            (-1064739199, -1064739199, 646214477),
            (-2071669239, -2071669239, 38602500),
            (-1309649309, -1309649309, -975846261),
            (112818957, 112818957, 179453717),
        ]
    );
    assert_eq!(rd32(seed) as i32, -2034665166);
    assert_eq!(rd32(s2) as i32, -1968030433);
}

#[test]
fn urandom_range_stays_in_range() {
    let _m = machine();
    for _ in 0..1000 {
        let v = crate::random::rt_urandom_range(10, 3);
        assert!((3..=10).contains(&v), "{v}");
        let v = crate::random::rt_urandom_range(3, 10); // swapped bounds
        assert!((3..=10).contains(&v), "{v}");
    }
    let a = crate::random::rt_urandom(0);
    let b = crate::random::rt_urandom(0);
    assert_ne!(a, b);
}

/// Loads a memory file into a fresh all-X array; returns the elements as
/// `%h` text and the warnings printed.
fn read_mem(
    m: &mut Machine,
    file: &str,
    data: &str,
    w: u32,
    bounds: (i32, i32),
    range: (i64, i64),
    hex: bool,
) -> (Vec<String>, String) {
    let (lower, upper) = bounds;
    native::state().files.push((file.as_bytes().to_vec(), data.as_bytes().to_vec()));
    let n = (lower - upper).unsigned_abs() + 1;
    let base = m.alloc(value_bytes(w) * n);
    crate::values::rt_fill(base, w, n, 1);
    let (name, nw) = m.string(file);
    native::state().output.clear();
    crate::readmem::rt_readmem(name, nw, base, w, n, lower, upper, range.0, range.1, hex as i32, 0);
    let warnings = native::output_of(1);
    let values = (0..n)
        .map(|i| {
            let a = base + i * value_bytes(w);
            let list = [
                crate::testkit::Arg::Str { w: 16, ptr: m.string("%h").0 },
                crate::testkit::Arg::Value { w, ptr: a, signed: false },
            ];
            m.display(&list, 0, "", 0)
        })
        .collect();
    (values, warnings)
}

#[test]
fn readmemh_like_vvp() {
    let mut m = machine();
    let d = "// c\n01 02 /* x\n y */ 0x_3\n@6 a\nzz 1x\n";
    let (vals, out) = read_mem(&mut m, "d.hex", d, 8, (0, 7), (-1, -1), true);
    assert_eq!(vals, ["01", "02", "x3", "xx", "xx", "xx", "0a", "zz"]);
    assert!(out.contains("Excess hex digits (1 of '0x_3') while reading 8-bit words."), "{out}");
    assert!(out.contains("$readmemh(d.hex): Too many words in the file for the requested range [0:7]."), "{out}");
    let e = "1 2 3 4 5 6\n";
    // reg [7:0] d [7:0]: loads from the lowest address up (1364-2005).
    let (vals, out) = read_mem(&mut m, "e.hex", e, 8, (7, 0), (-1, -1), true);
    assert_eq!(vals, ["01", "02", "03", "04", "05", "06", "xx", "xx"]);
    assert!(out.contains("$readmemh: Standard inconsistency, following 1364-2005."), "{out}");
    assert!(out.contains("Not enough words in the file for the requested range [0:7]."), "{out}");
    // $readmemh("e.hex", m, 5, 2) on reg [7:0] m [0:7]
    let (vals, out) = read_mem(&mut m, "e.hex", e, 8, (0, 7), (5, 2), true);
    assert_eq!(vals, ["xx", "xx", "04", "03", "02", "01", "xx", "xx"]);
    assert!(out.contains("Too many words in the file for the requested range [5:2]."), "{out}");
    let b = "1010 1x_z0\n@3 1111\n";
    let (vals, out) = read_mem(&mut m, "b.bin", b, 4, (0, 3), (-1, -1), false);
    assert_eq!(vals, ["a", "X", "x", "f"]);
    assert_eq!(out, "");
    native::state().files.clear();
    native::state().output.clear();
    let (name, nw) = m.string("missing.hex");
    let mem16 = m.alloc(16);
    crate::readmem::rt_readmem(name, nw, mem16, 4, 1, 0, 0, -1, -1, 1, 0);
    assert_eq!(m.stdout(), "");
    assert_eq!(m.stderr(), "E0505 site=0 frame=0: $readmemh: cannot open missing.hex for reading\n");
}

#[test]
fn fopen_descriptors_and_mcd_writes() {
    let mut m = machine();
    let (n1, w1) = m.string("o1.txt");
    let (n2, w2) = m.string("o2.txt");
    let (mode, mw) = m.string("w");
    let f = crate::files::rt_fopen(n1, w1, 0, 0);
    let g = crate::files::rt_fopen(n2, w2, mode, mw);
    assert_eq!(f, 2);
    assert_eq!(g as u32, 0x8000_0003);
    let host_f = native::state().opened[0].0;
    let host_g = native::state().opened[1].0;
    crate::files::write_mcd((f | 1) as u32, b"to mcd\n");
    crate::files::write_mcd(g as u32, b"to fd\n");
    crate::files::write_mcd(0x8000_0002, b"err\n");
    assert_eq!(native::output_of(1), "to mcd\n");
    assert_eq!(native::output_of(host_f), "to mcd\n");
    assert_eq!(native::output_of(host_g), "to fd\n");
    assert_eq!(native::output_of(2), "err\n");
    crate::files::rt_fclose(f);
    crate::files::rt_fclose(g);
    assert_eq!(native::state().closed, [host_f, host_g]);
    // Closed descriptors write nowhere and are reused.
    crate::files::write_mcd(f as u32, b"lost");
    assert_eq!(native::output_of(host_f), "to mcd\n");
    assert_eq!(crate::files::rt_fopen(n1, w1, 0, 0), 2);
    // Reading a file that does not exist fails with 0.
    let (r, rw) = m.string("r");
    assert_eq!(crate::files::rt_fopen(n1, w1, r, rw), 0);
}

#[test]
fn plusargs_like_vvp() {
    // vvp a.out +foo +n=-42 +h=dEaD_x +r=2.5e1 +s=hello
    let mut m = machine();
    native::state().plusargs = b"foo\0n=-42\0h=dEaD_x\0r=2.5e1\0s=hello\0".to_vec();
    let test = |m: &mut Machine, s: &str| {
        let (p, w) = m.string(s);
        crate::plusargs::rt_test_plusargs(p, w)
    };
    assert_eq!(test(&mut m, "fo"), 1);
    assert_eq!(test(&mut m, "bar"), 0);
    let value = |m: &mut Machine, f: &str, w: u32, real: bool| {
        let (p, fw) = m.string(f);
        let dst = m.alloc(value_bytes(w).max(8));
        let found = crate::plusargs::rt_value_plusargs(p, fw, dst, w, real as i32);
        (found, dst)
    };
    let (ok, i) = value(&mut m, "n=%d", 32, false);
    assert_eq!((ok, crate::logic::to_i64(mem::value(i, 32), 32, true)), (1, -42));
    let (ok, h) = value(&mut m, "h=%h", 64, false);
    assert_eq!(ok, 1);
    assert_eq!(mem::value(h, 64), &[0xdeadf, 0xf]); // "deadx": low digit x
    let (ok, r) = value(&mut m, "r=%f", 64, true);
    assert_eq!((ok, mem::rdf64(r)), (1, 25.0));
    let (ok, s) = value(&mut m, "s=%s", 64, false);
    assert_eq!((ok, mem::value(s, 64)[0]), (1, u64::from_be_bytes(*b"\0\0\0hello")));
    assert_eq!(value(&mut m, "q=%d", 32, false).0, 0);
}

#[test]
fn net_resolution_tables() {
    let mut m = machine();
    // Every pair of 0 1 z x: acc = 0000 1111 zzzz xxxx, b = 01zx repeated.
    let bits = |s: &str| {
        let (mut a, mut b) = (0u64, 0u64);
        for (i, c) in s.chars().rev().enumerate() {
            let (x, y) = match c {
                '0' => (0, 0),
                '1' => (1, 0),
                'z' => (0, 1),
                _ => (1, 1),
            };
            a |= x << i;
            b |= y << i;
        }
        [a, b]
    };
    let run = |m: &mut Machine, kind: i32| {
        let acc = m.value(16, &bits("00001111zzzzxxxx"));
        let b = m.value(16, &bits("01zx01zx01zx01zx"));
        crate::values::rt_resolve(kind, acc, b, 16);
        let v = mem::value(acc, 16);
        (0..16)
            .rev()
            .map(|i| match ((v[0] >> i) & 1, (v[1] >> i) & 1) {
                (0, 0) => '0',
                (1, 0) => '1',
                (0, 1) => 'z',
                _ => 'x',
            })
            .collect::<String>()
    };
    assert_eq!(run(&mut m, op::RES_WIRE), "0x0xx11x01zxxxxx");
    assert_eq!(run(&mut m, op::RES_WAND), "0000011x01zx0xxx");
    assert_eq!(run(&mut m, op::RES_WOR), "010x111101zxx1xx");
    let t = m.value(4, &bits("z1z0"));
    crate::values::rt_resolve_finish(op::RES_TRI1, t, 4);
    assert_eq!(mem::value(t, 4), &[0b1110, 0]);
    let t = m.value(4, &bits("z1z0"));
    crate::values::rt_resolve_finish(op::RES_TRI0, t, 4);
    assert_eq!(mem::value(t, 4), &[0b0100, 0]);
}

#[test]
fn fill_initialises_arrays() {
    let mut m = machine();
    let base = m.alloc(3 * value_bytes(65));
    crate::values::rt_fill(base, 65, 3, 2);
    for i in 0..3 {
        assert_eq!(mem::value(base + i * 32, 65), &[0, 0, !0, 1]);
    }
    crate::values::rt_fill(base, 65, 2, 1);
    assert_eq!(mem::value(base, 65), &[!0, 1, !0, 1]);
    assert_eq!(mem::value(base + 64, 65), &[0, 0, !0, 1]);
}
