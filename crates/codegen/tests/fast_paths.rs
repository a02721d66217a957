//! The inline code for values of <= 64 bits (`src/fast.rs`) agrees with
//! the guest-rt helpers on operands read from signals at run time: each
//! operation runs on 40-bit values (inline, in wasm locals) and on the same
//! values sign-extended to 100 bits (helpers), over four-state operands with
//! X/Z bits, two-state operands (whose unknown plane the inline code never
//! reads) and the two mixed.

mod support;
use support::*;
use wsim_ir::*;

const W: u32 = 40;
const WIDE: u32 = 100;

/// (aval, bval) operand values: known, with X/Z bits, all ones.
const VALS: [(u64, u64); 6] =
    [(0x12_3456_789a, 0), (0xff_ffff_fff0, 0), (5, 0), (0x80_0000_0001, 0), (0x1, 0x10), (0x0, 0x3)];

/// A 40-bit signed signal holding `v`; two-state signals get the known
/// values only.
fn operand(b: &mut B, name: &str, v: (u64, u64), four_state: bool) -> SignalId {
    let ty = Type { four_state, ..Type::logic(W, true) };
    let init = Const { width: W, signed: true, words: vec![v.0, v.1] };
    b.signal(name, ty, SignalKind::Var, vec![], Some(init))
}

/// A read of `s` as a 40-bit value of type `ty` (a conversion when the
/// signal's own type differs: the two-state to four-state case).
fn read(b: &mut B, s: SignalId, ty: Type) -> ExprId {
    let e = b.s(s);
    if b.d.signals[s].ty == ty {
        e
    } else {
        b.conv(e, ty)
    }
}

/// `$display("%b %b", narrow, wide[low bits])` for one operation built by
/// `make` on narrow (40-bit) and wide (100-bit) operands.
fn compare_line(b: &mut B, rw: u32, narrow: ExprId, wide: ExprId) -> StmtId {
    let low = b.conv(wide, Type::logic(rw, false));
    b.disp("%b %b", vec![narrow, low])
}

/// Every line printed as `narrow wide` must have equal halves.
fn assert_halves_equal(out: &str, lines: usize) {
    for line in out.lines() {
        let (l, r) = line.split_once(' ').unwrap();
        assert_eq!(l, r, "{out}");
    }
    assert_eq!(out.lines().count(), lines, "{out}");
}

#[test]
fn binary_operators_on_signals_match_helpers() {
    let ops = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::BitAnd,
        BinOp::BitOr,
        BinOp::BitXor,
        BinOp::BitXnor,
        BinOp::Lt,
        BinOp::Le,
        BinOp::Gt,
        BinOp::Ge,
        BinOp::Eq,
        BinOp::Ne,
        BinOp::CaseEq,
        BinOp::CaseNe,
    ];
    let mut b = B::new();
    // four-state operands (every value) and two-state ones (known values)
    let mut sigs = vec![];
    for (k, &v) in VALS.iter().enumerate() {
        sigs.push(operand(&mut b, &format!("f{k}"), v, true));
        if v.1 == 0 {
            sigs.push(operand(&mut b, &format!("t{k}"), v, false));
        }
    }
    let mut st = vec![];
    for &x in &sigs {
        for &y in &sigs {
            let both_two_state = !b.d.signals[x].ty.four_state && !b.d.signals[y].ty.four_state;
            let ty = Type { four_state: !both_two_state, ..Type::logic(W, true) };
            for &op in &ops {
                let (l, r) = (read(&mut b, x, ty), read(&mut b, y, ty));
                let narrow = b.bin(op, l, r);
                let (l, r) = (read(&mut b, x, ty), read(&mut b, y, ty));
                let (wl, wr) = (b.conv(l, Type::logic(WIDE, true)), b.conv(r, Type::logic(WIDE, true)));
                let wide = b.bin(op, wl, wr);
                let rw = b.d.exprs[narrow].ty.width;
                st.push(compare_line(&mut b, rw, narrow, wide));
            }
        }
    }
    let lines = st.len();
    b.initial(st);
    assert_halves_equal(&run(&b.d).stdout, lines);
}

#[test]
fn unary_operators_and_shifts_on_signals_match_helpers() {
    let unary = [
        UnOp::Neg,
        UnOp::BitNot,
        UnOp::LogNot,
        UnOp::RedAnd,
        UnOp::RedNand,
        UnOp::RedOr,
        UnOp::RedNor,
        UnOp::RedXor,
        UnOp::RedXnor,
    ];
    // 60 extra copies of the top bit keep every reduction's result
    let mut vals = VALS.to_vec();
    vals.extend([(0xff_ffff_ffff, 0), (0xff_ffff_ffff, 0x100), (0, 0), (0x0f, 0xf0_0000_0000)]);
    let mut b = B::new();
    let mut st = vec![];
    let amounts: Vec<SignalId> = [(0u64, 0u64), (1, 0), (39, 0), (40, 0), (100, 0), (3, 4)]
        .iter()
        .enumerate()
        .map(|(k, &(a, x))| {
            let init = Const { width: 7, signed: false, words: vec![a, x] };
            b.signal(&format!("n{k}"), Type::logic(7, false), SignalKind::Var, vec![], Some(init))
        })
        .collect();
    for (k, &v) in vals.iter().enumerate() {
        for four_state in [true, false] {
            if !four_state && v.1 != 0 {
                continue;
            }
            let s = operand(&mut b, &format!("v{k}{four_state}"), v, four_state);
            let ty = b.d.signals[s].ty;
            for &op in &unary {
                let a = b.s(s);
                let narrow = b.un(op, a);
                let a = b.s(s);
                let wa = b.conv(a, Type::logic(WIDE, true));
                let wide = b.un(op, wa);
                let rw = b.d.exprs[narrow].ty.width;
                st.push(compare_line(&mut b, rw, narrow, wide));
            }
            for &n in &amounts {
                for op in [BinOp::Shl, BinOp::Shr, BinOp::AShr] {
                    // a logical right shift widens with zeros; the wide
                    // shift keeps the operand's state (an X amount gives 0
                    // in a two-state result)
                    let (nty, wty) = if op == BinOp::Shr {
                        (Type { signed: false, ..ty }, Type::logic(WIDE, false))
                    } else {
                        (ty, Type::logic(WIDE, true))
                    };
                    let wty = Type { four_state: ty.four_state, ..wty };
                    let a = read(&mut b, s, nty);
                    let amt = b.s(n);
                    let narrow = b.e(ExprKind::Binary { op, lhs: a, rhs: amt }, nty);
                    let a = read(&mut b, s, nty);
                    let wa = b.conv(a, wty);
                    let amt = b.s(n);
                    let wide = b.e(ExprKind::Binary { op, lhs: wa, rhs: amt }, wty);
                    st.push(compare_line(&mut b, W, narrow, wide));
                }
            }
        }
    }
    let lines = st.len();
    b.initial(st);
    assert_halves_equal(&run(&b.d).stdout, lines);
}

/// `?:` with known, X and Z conditions and dynamic part-selects (in range,
/// partly and wholly out of range, X offset) of four- and two-state bases.
#[test]
fn conditions_and_selects_on_signals_match_helpers() {
    let mut b = B::new();
    let mut st = vec![];
    let conds: Vec<SignalId> = [(1u64, 0u64), (0, 0), (1, 1), (0, 1)]
        .iter()
        .enumerate()
        .map(|(k, &(a, x))| {
            let init = Const { width: 1, signed: false, words: vec![a, x] };
            b.signal(&format!("c{k}"), Type::LOGIC1, SignalKind::Var, vec![], Some(init))
        })
        .collect();
    let x = operand(&mut b, "x", (0x12_3456_789a, 0x0f), true);
    let y = operand(&mut b, "y", (0x12_3456_0000, 0), true);
    let z = operand(&mut b, "z", (0xff_0000_789a, 0), false);
    for &c in &conds {
        for (p, q) in [(x, y), (y, z), (z, z)] {
            let ty = Type::logic(W, true);
            let (cn, a, bb) = (b.s(c), read(&mut b, p, ty), read(&mut b, q, ty));
            let narrow = b.e(ExprKind::Cond { cond: cn, then_expr: a, else_expr: bb }, ty);
            let (cn, a, bb) = (b.s(c), read(&mut b, p, ty), read(&mut b, q, ty));
            let wty = Type::logic(WIDE, true);
            let (wa, wb) = (b.conv(a, wty), b.conv(bb, wty));
            let wide = b.e(ExprKind::Cond { cond: cn, then_expr: wa, else_expr: wb }, wty);
            st.push(compare_line(&mut b, W, narrow, wide));
        }
    }
    let cond_lines = st.len();
    let offsets = [(0u64, 0u64), (13, 0), (32, 0), (35, 0), (39, 0), (64, 0), (127, 0), (8, 1)];
    let mut expected = vec![];
    for (k, &(o, ox)) in offsets.iter().enumerate() {
        let init = Const { width: 8, signed: false, words: vec![o, ox] };
        let osig = b.signal(&format!("o{k}"), Type::logic(8, false), SignalKind::Var, vec![], Some(init));
        for (base, (va, vb)) in [(x, (0x12_3456_789a_u64, 0x0f_u64)), (z, (0xff_0000_789a, 0))] {
            let bty = b.d.signals[base].ty;
            for w in [1, 8] {
                let (s, off) = (b.s(base), b.s(osig));
                let sel = b.e(ExprKind::Select { base: s, offset: off, width: w }, Type { width: w, ..bty });
                st.push(b.disp("%b", vec![sel]));
                expected.push(select_bits(va, vb, bty.four_state, o, ox != 0, w));
            }
        }
    }
    b.initial(st);
    let out = run(&b.d).stdout;
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), cond_lines + expected.len(), "{out}");
    assert_halves_equal(&lines[..cond_lines].join("\n"), cond_lines);
    assert_eq!(lines[cond_lines..], expected.iter().map(String::as_str).collect::<Vec<_>>()[..], "{out}");
}

/// `%b` of `v[o +: w]` for a 40-bit value (IEEE 1364-2005 5.2.1): bits
/// outside the value, or any bit when the offset is unknown, read X for a
/// four-state value and 0 for a two-state one.
fn select_bits(aval: u64, bval: u64, four_state: bool, o: u64, o_unknown: bool, w: u32) -> String {
    let outside = if four_state { 'x' } else { '0' };
    (0..w as u64)
        .rev()
        .map(|i| {
            let pos = o + i;
            if o_unknown || pos >= W as u64 {
                return outside;
            }
            match ((aval >> pos) & 1, (bval >> pos) & 1) {
                (0, 0) => '0',
                (1, 0) => '1',
                (0, _) => 'z',
                _ => 'x',
            }
        })
        .collect()
}
