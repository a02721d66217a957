//! End-to-end tests: hand-built IR designs compiled with guest-rt and run
//! in wasmtime. Expected outputs were checked against Icarus Verilog
//! (`iverilog -g2012`) on the equivalent Verilog, quoted above each test.

mod support;
use support::*;
use wsim_ir::*;

#[test]
fn hello_display() {
    let mut b = B::new();
    let f = b.str("hello %d");
    let v = b.c(8, 42);
    let d = b.display(vec![f, v]);
    b.initial(vec![d]);
    let r = run(&b.d);
    assert_eq!(r.stdout, "hello  42\n");
}

/// ```verilog
/// reg clk = 0; reg [3:0] cnt = 0;
/// always #5 clk = ~clk;
/// always @(posedge clk) cnt <= cnt + 1;
/// initial begin
///   repeat (3) begin @(posedge clk); #1 $display("%0t cnt=%d", $time, cnt); end
///   $finish;
/// end
/// ```
#[test]
fn counter_with_clock_nba_and_finish() {
    let mut b = B::new();
    let clk = b.reg_init("clk", 1, 0);
    let cnt = b.reg_init("cnt", 4, 0);
    let d5 = b.delay(5);
    let c1 = b.s(clk);
    let nc = b.un(UnOp::BitNot, c1);
    let c2 = b.s(clk);
    let toggle = b.assign(c2, nc);
    b.always(vec![d5, toggle]);
    let at = b.at(Edge::Pos, clk);
    let n1 = b.s(cnt);
    let one = b.c(4, 1);
    let inc = b.bin(BinOp::Add, n1, one);
    let n2 = b.s(cnt);
    let upd = b.nba(n2, inc);
    b.always(vec![at, upd]);
    let at2 = b.at(Edge::Pos, clk);
    let d1 = b.delay(1);
    let f = b.str("%0t cnt=%d");
    let t = b.time();
    let n3 = b.s(cnt);
    let disp = b.display(vec![f, t, n3]);
    let body = b.block(vec![at2, d1, disp]);
    let three = b.c(32, 3);
    let rep = b.st(StmtKind::Repeat { count: three, body });
    let fin = b.finish();
    b.initial(vec![rep, fin]);
    let r = run(&b.d);
    assert_eq!(r.stdout, "6 cnt= 1\n16 cnt= 2\n26 cnt= 3\n");
    assert_eq!(r.status, wsim_abi::run_status::FINISHED);
    assert_eq!(r.time, 26);
}

/// `a = 1; b = 2; #1; a <= b; b <= a; #1 $display("a=%0d b=%0d", a, b);`
#[test]
fn nonblocking_swap() {
    let mut b = B::new();
    let a = b.reg("a", 8);
    let bb = b.reg("b", 8);
    let (ea, eb) = (b.s(a), b.s(bb));
    let (c1, c2) = (b.c(8, 1), b.c(8, 2));
    let s1 = b.assign(ea, c1);
    let s2 = b.assign(eb, c2);
    let d1 = b.delay(1);
    let (ea, eb, ea2, eb2) = (b.s(a), b.s(bb), b.s(a), b.s(bb));
    let n1 = b.nba(ea, eb2);
    let n2 = b.nba(eb, ea2);
    let d2 = b.delay(1);
    let f = b.str("a=%0d b=%0d");
    let (ea, eb) = (b.s(a), b.s(bb));
    let disp = b.display(vec![f, ea, eb]);
    b.initial(vec![s1, s2, d1, n1, n2, d2, disp]);
    assert_eq!(run(&b.d).stdout, "a=2 b=1\n");
}

/// `fork begin #10 $display("A %0t",$time); end begin #5 $display("B %0t",$time); end join
///  $display("joined %0t", $time);`
#[test]
fn fork_join_all() {
    let mut b = B::new();
    let branch = |b: &mut B, delay: u64, name: &str| {
        let d = b.delay(delay);
        let f = b.str(&format!("{name} %0t"));
        let t = b.time();
        let disp = b.display(vec![f, t]);
        b.block(vec![d, disp])
    };
    let x = branch(&mut b, 10, "A");
    let y = branch(&mut b, 5, "B");
    let fork = b.st(StmtKind::Fork { branches: vec![x, y], join: JoinKind::All, name: None });
    let f = b.str("joined %0t");
    let t = b.time();
    let disp = b.display(vec![f, t]);
    b.initial(vec![fork, disp]);
    assert_eq!(run(&b.d).stdout, "B 5\nA 10\njoined 10\n");
}

/// ```verilog
/// task automatic wt(input [7:0] n, output [7:0] r); begin #(n) r = n + 1; end endtask
/// initial begin wt(3, r1); $display("p1 %0t %0d", $time, r1); end
/// initial begin wt(7, r2); $display("p2 %0t %0d", $time, r2); end
/// ```
#[test]
fn automatic_task_with_delay_called_from_two_processes() {
    let mut b = B::new();
    let body = b.st(StmtKind::Nop);
    let scope = b.d.scopes.push(Scope {
        name: "wt".into(),
        parent: Some(b.top),
        kind: ScopeKind::Subroutine,
        def_name: String::new(),
        time_unit: -9,
        time_precision: -9,
        span: Span::default(),
    });
    let subr = b.d.subrs.push(Subroutine {
        name: "wt".into(),
        scope,
        kind: SubrKind::Task,
        automatic: true,
        formals: vec![],
        ret: None,
        locals: vec![],
        body,
        span: Span::default(),
    });
    let n = b.signal("n", Type::logic(8, false), SignalKind::Var, vec![], None);
    let r = b.signal("r", Type::logic(8, false), SignalKind::Var, vec![], None);
    for s in [n, r] {
        b.d.signals[s].storage = Storage::Automatic(subr);
        b.d.signals[s].scope = scope;
    }
    b.d.subrs[subr].formals = vec![Formal { sig: n, dir: Dir::Input }, Formal { sig: r, dir: Dir::Output }];
    b.d.subrs[subr].locals = vec![n, r];
    let en = b.s(n);
    let ticks = b.e(ExprKind::Convert { arg: en }, Type::logic(64, false));
    let dl = b.st(StmtKind::Delay { ticks });
    let (en, er) = (b.s(n), b.s(r));
    let one = b.c(8, 1);
    let sum = b.bin(BinOp::Add, en, one);
    let asg = b.assign(er, sum);
    let tb = b.block(vec![dl, asg]);
    b.d.subrs[subr].body = tb;
    for (name, delay) in [("p1", 3), ("p2", 7)] {
        let res = b.reg(&format!("r_{name}"), 8);
        let arg = b.c(8, delay);
        let out = b.s(res);
        let call = b.st(StmtKind::Call { subr, args: vec![arg, out] });
        let f = b.str(&format!("{name} %0t %0d"));
        let t = b.time();
        let v = b.s(res);
        let disp = b.display(vec![f, t, v]);
        b.initial(vec![call, disp]);
    }
    assert_eq!(run(&b.d).stdout, "p1 3 4\np2 7 8\n");
}

/// 128-bit arithmetic (`%h` of sums, products, borrows; `%d` of 2**64).
#[test]
fn wide_arithmetic() {
    let mut b = B::new();
    let a = b.reg("a", 128);
    let bb = b.reg("b", 128);
    let c = b.reg("c", 128);
    let all = b.e(
        ExprKind::Const(Const { width: 128, signed: false, words: vec![u64::MAX, u64::MAX, 0, 0] }),
        Type::logic(128, false),
    );
    let one = b.c(128, 1);
    let (ea, eb) = (b.s(a), b.s(bb));
    let s1 = b.assign(ea, all);
    let s2 = b.assign(eb, one);
    let mut stmts = vec![s1, s2];
    let show = |b: &mut B, op: BinOp, x: SignalId, y: SignalId, fmt: &str, stmts: &mut Vec<StmtId>| {
        let (ex, ey) = (b.s(x), b.s(y));
        let r = b.bin(op, ex, ey);
        let ec = b.s(c);
        stmts.push(b.assign(ec, r));
        let f = b.str(fmt);
        let ec = b.s(c);
        stmts.push(b.display(vec![f, ec]));
    };
    show(&mut b, BinOp::Add, a, bb, "%h", &mut stmts);
    show(&mut b, BinOp::Mul, a, a, "%h", &mut stmts);
    let big =
        b.e(ExprKind::Const(Const { width: 128, signed: false, words: vec![0, 1, 0, 0] }), Type::logic(128, false));
    let ea = b.s(a);
    stmts.push(b.assign(ea, big));
    show(&mut b, BinOp::Sub, a, bb, "%h", &mut stmts);
    let f = b.str("%d");
    let ea = b.s(a);
    stmts.push(b.display(vec![f, ea]));
    b.initial(stmts);
    assert_eq!(
        run(&b.d).stdout,
        "00000000000000000000000000000000\n00000000000000000000000000000001\n0000000000000000ffffffffffffffff\n                   18446744073709551616\n"
    );
}

/// X propagation through arithmetic, bitwise ops, `==`, `if` and the
/// logical operators' 4-state rules.
#[test]
fn x_propagation() {
    let mut b = B::new();
    let a = b.reg("a", 4);
    let bb = b.reg("b", 4);
    let c = b.reg("c", 4);
    let d = b.reg("d", 1);
    let mut st = vec![];
    let (eb, k) = (b.s(bb), b.c(4, 0b0011));
    st.push(b.assign(eb, k));
    let (ea, eb) = (b.s(a), b.s(bb));
    let sum = b.bin(BinOp::Add, ea, eb);
    let ec = b.s(c);
    st.push(b.assign(ec, sum));
    let (f, ea, ec) = (b.str("%b %b"), b.s(a), b.s(c));
    st.push(b.display(vec![f, ea, ec]));
    // a = 4'b1x01
    let ax =
        b.e(ExprKind::Const(Const { width: 4, signed: false, words: vec![0b1101, 0b0100] }), Type::logic(4, false));
    let ea = b.s(a);
    st.push(b.assign(ea, ax));
    let (ea, eb) = (b.s(a), b.s(bb));
    let and = b.bin(BinOp::BitAnd, ea, eb);
    let ec = b.s(c);
    st.push(b.assign(ec, and));
    let (f, ec) = (b.str("%b"), b.s(c));
    st.push(b.display(vec![f, ec]));
    let (ea, eb) = (b.s(a), b.s(bb));
    let eq = b.bin(BinOp::Eq, ea, eb);
    let ed = b.s(d);
    st.push(b.assign(ed, eq));
    let (f, ed) = (b.str("%b"), b.s(d));
    st.push(b.display(vec![f, ed]));
    // if (a[2]) taken else not taken
    let ea = b.s(a);
    let two = b.c(32, 2);
    let bit = b.e(ExprKind::Select { base: ea, offset: two, width: 1 }, Type::LOGIC1);
    let f1 = b.str("taken");
    let f2 = b.str("not taken");
    let t1 = b.display(vec![f1]);
    let t2 = b.display(vec![f2]);
    st.push(b.st(StmtKind::If { cond: bit, then_stmt: t1, else_stmt: Some(t2) }));
    for (op, rhs) in [(BinOp::LogOr, 1), (BinOp::LogAnd, 0), (BinOp::LogAnd, 1)] {
        let x = b.cx(1);
        let r = b.c(1, rhs);
        let v = b.bin(op, x, r);
        let ed = b.s(d);
        st.push(b.assign(ed, v));
        let (f, ed) = (b.str("%b"), b.s(d));
        st.push(b.display(vec![f, ed]));
    }
    b.initial(st);
    assert_eq!(run(&b.d).stdout, "xxxx xxxx\n0001\n0\nnot taken\n1\n0\nx\n");
}

/// Arrays (incl. an out-of-range read), a dynamic part-select write, a
/// concatenation lvalue, `case`, a recursive automatic function, a
/// continuous assignment, `disable` of the enclosing named block,
/// `$strobe` and `$monitor` (see b2.v in the test doc).
#[test]
fn procedural_mix() {
    let mut b = B::new();
    let mem = b.signal("mem", Type::logic(8, false), SignalKind::Var, vec![Dim { left: 0, right: 3 }], None);
    let i = b.signal("i", Type::INTEGER, SignalKind::Var, vec![], None);
    let w = b.reg("w", 16);
    let hi = b.reg("hi", 4);
    let lo = b.reg("lo", 4);
    let sum = b.wire("sum", 8);
    let x = b.reg("x", 8);
    let y = b.reg("y", 8);
    // assign sum = x + y;
    let (ex, ey) = (b.s(x), b.s(y));
    let add = b.bin(BinOp::Add, ex, ey);
    let es = b.s(sum);
    let ca = b.assign(es, add);
    let sens = b.sig_events(&[x, y]);
    let cab = b.block(vec![ca, sens]);
    b.proc(ProcKind::ContAssign, cab);
    // function automatic [31:0] fact(input [31:0] n)
    let (fact, fs, fret) = b.subr(
        "fact",
        SubrKind::Function,
        true,
        &[("n", Type::logic(32, false), Dir::Input)],
        Some(Type::logic(32, false)),
    );
    let (n, fret) = (fs[0], fret.unwrap());
    let en = b.s(n);
    let one32 = b.c(32, 1);
    let le = b.bin(BinOp::Le, en, one32);
    let er = b.s(fret);
    let one32b = b.c(32, 1);
    let base_case = b.assign(er, one32b);
    let (en, en2) = (b.s(n), b.s(n));
    let one32c = b.c(32, 1);
    let nm1 = b.bin(BinOp::Sub, en2, one32c);
    let rec = b.e(ExprKind::Call { subr: fact, args: vec![nm1] }, Type::logic(32, false));
    let prod = b.bin(BinOp::Mul, en, rec);
    let er = b.s(fret);
    let step = b.assign(er, prod);
    let fbody = b.st(StmtKind::If { cond: le, then_stmt: base_case, else_stmt: Some(step) });
    b.d.subrs[fact].body = fbody;

    let mut st = vec![];
    // for (i = 0; i < 4; i = i + 1) mem[i] = i * 3;
    let (ei, z) = (b.s(i), b.e(ExprKind::Const(Const::from_u64(32, true, 0)), Type::INTEGER));
    st.push(b.assign(ei, z));
    let (ei, four) = (b.s(i), b.e(ExprKind::Const(Const::from_u64(32, true, 4)), Type::INTEGER));
    let cond = b.bin(BinOp::Lt, ei, four);
    let (ei, three) = (b.s(i), b.e(ExprKind::Const(Const::from_u64(32, true, 3)), Type::INTEGER));
    let mul = b.bin(BinOp::Mul, ei, three);
    let mul8 = b.conv(mul, Type::logic(8, false));
    let ei = b.s(i);
    let lhs = b.elem(mem, ei);
    let body = b.assign(lhs, mul8);
    let (ei, one) = (b.s(i), b.e(ExprKind::Const(Const::from_u64(32, true, 1)), Type::INTEGER));
    let inc = b.bin(BinOp::Add, ei, one);
    let ei = b.s(i);
    let stepst = b.assign(ei, inc);
    st.push(b.st(StmtKind::Loop { cond: Some(cond), body, step: Some(stepst) }));
    let elems: Vec<ExprId> = (0..5)
        .map(|k| {
            let idx = b.c(32, k);
            b.elem(mem, idx)
        })
        .collect();
    st.push(b.disp("%0d %0d %0d %0d %h", elems));
    // w = 0; i = 5; w[i +: 4] = 4'hf;
    let (ew, z16) = (b.s(w), b.c(16, 0));
    st.push(b.assign(ew, z16));
    let (ei, five) = (b.s(i), b.e(ExprKind::Const(Const::from_u64(32, true, 5)), Type::INTEGER));
    st.push(b.assign(ei, five));
    let (ew, ei) = (b.s(w), b.s(i));
    let part = b.sel(ew, ei, 4);
    let f4 = b.c(4, 0xf);
    st.push(b.assign(part, f4));
    let ew = b.s(w);
    st.push(b.disp("%h", vec![ew]));
    // {hi, lo} = 8'ha5;
    let (eh, el) = (b.s(hi), b.s(lo));
    let cat = b.e(ExprKind::Concat(vec![eh, el]), Type::logic(8, false));
    let a5 = b.c(8, 0xa5);
    st.push(b.assign(cat, a5));
    let (eh, el) = (b.s(hi), b.s(lo));
    st.push(b.disp("%h %h", vec![eh, el]));
    // case (hi) 1: one; a, b: a or b; default: dflt
    let subj = b.s(hi);
    let (l1, la, lb) = (b.c(4, 1), b.c(4, 0xa), b.c(4, 0xb));
    let s_one = b.disp("one", vec![]);
    let s_ab = b.disp("a or b", vec![]);
    let s_d = b.disp("dflt", vec![]);
    st.push(b.st(StmtKind::Case {
        kind: CaseKind::Exact,
        subject: subj,
        arms: vec![CaseArm { labels: vec![l1], body: s_one }, CaseArm { labels: vec![la, lb], body: s_ab }],
        default: Some(s_d),
    }));
    let five32 = b.c(32, 5);
    let call = b.e(ExprKind::Call { subr: fact, args: vec![five32] }, Type::logic(32, false));
    st.push(b.disp("%0d", vec![call]));
    // x = 3; y = 4; #1 $display("sum=%0d", sum); x = 10; #1 ...
    for (reg, v) in [(x, 3), (y, 4)] {
        let (e, c) = (b.s(reg), b.c(8, v));
        st.push(b.assign(e, c));
    }
    st.push(b.delay(1));
    let es = b.s(sum);
    st.push(b.disp("sum=%0d", vec![es]));
    let (e, c) = (b.s(x), b.c(8, 10));
    st.push(b.assign(e, c));
    st.push(b.delay(1));
    let es = b.s(sum);
    st.push(b.disp("sum=%0d", vec![es]));
    // begin : blk forever begin i = i + 1; if (i == 9) disable blk; end end
    let blk_scope = b.d.scopes.push(Scope {
        name: "blk".into(),
        parent: Some(b.top),
        kind: ScopeKind::NamedBlock,
        def_name: String::new(),
        time_unit: -9,
        time_precision: -9,
        span: Span::default(),
    });
    let named = b.st(StmtKind::Nop);
    let (ei, one) = (b.s(i), b.e(ExprKind::Const(Const::from_u64(32, true, 1)), Type::INTEGER));
    let inc = b.bin(BinOp::Add, ei, one);
    let ei = b.s(i);
    let s_inc = b.assign(ei, inc);
    let (ei, nine) = (b.s(i), b.e(ExprKind::Const(Const::from_u64(32, true, 9)), Type::INTEGER));
    let is9 = b.bin(BinOp::Eq, ei, nine);
    let dis = b.st(StmtKind::Disable(DisableTarget::Block(named)));
    let s_if = b.st(StmtKind::If { cond: is9, then_stmt: dis, else_stmt: None });
    let lb = b.block(vec![s_inc, s_if]);
    let forever = b.st(StmtKind::Loop { cond: None, body: lb, step: None });
    b.d.stmts[named].kind = StmtKind::Block { stmts: vec![forever], name: Some(blk_scope) };
    st.push(named);
    let ei = b.s(i);
    st.push(b.disp("i=%0d", vec![ei]));
    // $strobe("strobe x=%0d", x); x = 11; #1;
    let (f, ex) = (b.str("strobe x=%0d"), b.s(x));
    st.push(b.systask("$strobe", vec![f, ex]));
    let (e, c) = (b.s(x), b.c(8, 11));
    st.push(b.assign(e, c));
    st.push(b.delay(1));
    // $monitor("mon x=%0d y=%0d", x, y); #1 x = 12; #1 y = 1; #1 y = 1; #1 $finish;
    let (f, ex, ey) = (b.str("mon x=%0d y=%0d"), b.s(x), b.s(y));
    st.push(b.systask("$monitor", vec![f, ex, ey]));
    for (reg, v) in [(x, 12), (y, 1), (y, 1)] {
        st.push(b.delay(1));
        let (e, c) = (b.s(reg), b.c(8, v));
        st.push(b.assign(e, c));
    }
    st.push(b.delay(1));
    st.push(b.finish());
    b.initial(st);
    assert_eq!(
        run(&b.d).stdout,
        "0 3 6 9 xx\n01e0\na 5\na or b\n120\nsum=7\nsum=14\ni=9\nstrobe x=11\nmon x=11 y=4\nmon x=12 y=4\nmon x=12 y=1\n"
    );
}

/// Events on expressions (`@(posedge a[3])`, `@(a[3] or a[0])`), `wait`,
/// and real arithmetic (see b3.v in the test doc).
#[test]
fn expression_events_wait_and_reals() {
    let mut b = B::new();
    let a = b.reg("a", 8);
    let go = b.reg("go", 1);
    let r = b.signal("r", Type::REAL, SignalKind::Var, vec![], None);
    // driver
    let mut st = vec![];
    let (e, c) = (b.s(a), b.c(8, 0));
    st.push(b.assign(e, c));
    let (e, c) = (b.s(go), b.c(1, 0));
    st.push(b.assign(e, c));
    for v in [1u64, 0] {
        st.push(b.delay(5));
        let (ea, k3) = (b.s(a), b.c(32, 3));
        let bit = b.sel(ea, k3, 1);
        let c = b.c(1, v);
        st.push(b.assign(bit, c));
    }
    st.push(b.delay(5));
    let (e, c) = (b.s(a), b.c(8, 0xff));
    st.push(b.assign(e, c));
    st.push(b.delay(5));
    let (e, c) = (b.s(go), b.c(1, 1));
    st.push(b.assign(e, c));
    b.initial(st);
    // watcher
    let bit = |b: &mut B, k: u64| {
        let (ea, kk) = (b.s(a), b.c(32, k));
        b.sel(ea, kk, 1)
    };
    let mut st = vec![];
    let e3 = bit(&mut b, 3);
    st.push(b.st(StmtKind::WaitEvent { events: vec![Event { edge: Edge::Pos, expr: e3 }] }));
    let t = b.time();
    st.push(b.disp("pos a3 %0t", vec![t]));
    let e3 = bit(&mut b, 3);
    st.push(b.st(StmtKind::WaitEvent { events: vec![Event { edge: Edge::Neg, expr: e3 }] }));
    let t = b.time();
    st.push(b.disp("neg a3 %0t", vec![t]));
    let (e3, e0) = (bit(&mut b, 3), bit(&mut b, 0));
    st.push(b.st(StmtKind::WaitEvent {
        events: vec![Event { edge: Edge::Any, expr: e3 }, Event { edge: Edge::Any, expr: e0 }],
    }));
    let t = b.time();
    st.push(b.disp("chg %0t", vec![t]));
    b.initial(st);
    // wait (go)
    let eg = b.s(go);
    let w = b.st(StmtKind::WaitCond { cond: eg });
    let t = b.time();
    let d = b.disp("go %0t", vec![t]);
    b.initial(vec![w, d]);
    // real r = 1.5; r = r * 2.0; $display("%f %0d", r, r > 2.5);
    let (er, c) = (b.s(r), b.e(ExprKind::RealConst(1.5), Type::REAL));
    let s1 = b.assign(er, c);
    let (er, er2, two) = (b.s(r), b.s(r), b.e(ExprKind::RealConst(2.0), Type::REAL));
    let m = b.e(ExprKind::Binary { op: BinOp::Mul, lhs: er2, rhs: two }, Type::REAL);
    let s2 = b.assign(er, m);
    let (er, er2, k) = (b.s(r), b.s(r), b.e(ExprKind::RealConst(2.5), Type::REAL));
    let gt = b.bin(BinOp::Gt, er2, k);
    let s3 = b.disp("%f %0d", vec![er, gt]);
    b.initial(vec![s1, s2, s3]);
    assert_eq!(run(&b.d).stdout, "3.000000 1\npos a3 5\nneg a3 10\nchg 15\ngo 20\n");
}

/// ```verilog
/// initial begin : wd #100 $display("timeout"); end
/// initial begin #10 disable wd; $display("disabled %0t", $time); end
/// initial #200 $display("end %0t", $time);
/// ```
#[test]
fn disable_block_of_another_process() {
    let mut b = B::new();
    let scope = b.d.scopes.push(Scope {
        name: "wd".into(),
        parent: Some(b.top),
        kind: ScopeKind::NamedBlock,
        def_name: String::new(),
        time_unit: -9,
        time_precision: -9,
        span: Span::default(),
    });
    let d100 = b.delay(100);
    let msg = b.disp("timeout", vec![]);
    let wd = b.st(StmtKind::Block { stmts: vec![d100, msg], name: Some(scope) });
    b.proc(ProcKind::Initial, wd);
    let d10 = b.delay(10);
    let dis = b.st(StmtKind::Disable(DisableTarget::Block(wd)));
    let t = b.time();
    let m = b.disp("disabled %0t", vec![t]);
    b.initial(vec![d10, dis, m]);
    let d200 = b.delay(200);
    let t = b.time();
    let m = b.disp("end %0t", vec![t]);
    b.initial(vec![d200, m]);
    assert_eq!(run(&b.d).stdout, "disabled 10\nend 200\n");
}

/// ```verilog
/// task w; begin #100 $display("not reached"); end endtask
/// initial begin w; $display("c1 %0t", $time); end
/// initial begin #2 w; $display("c2 %0t", $time); end
/// initial begin #5 disable w; $display("disabled %0t", $time); #1 disable w; end
/// ```
/// Both calls end and both callers resume at 5, after the disabler goes on
/// (their order is not defined by 1364-2005; Icarus's depends on its thread
/// tree); disabling an idle task does nothing.
#[test]
fn disable_task_from_another_process() {
    let mut b = B::new();
    let (w, _, _) = b.subr("w", SubrKind::Task, false, &[], None);
    let d100 = b.delay(100);
    let msg = b.disp("not reached", vec![]);
    b.d.subrs[w].body = b.block(vec![d100, msg]);
    for (name, start) in [("c1", 0), ("c2", 2)] {
        let d = b.delay(start);
        let call = b.st(StmtKind::Call { subr: w, args: vec![] });
        let t = b.time();
        let m = b.disp(&format!("{name} %0t"), vec![t]);
        b.initial(vec![d, call, m]);
    }
    let d5 = b.delay(5);
    let dis = b.st(StmtKind::Disable(DisableTarget::Task(w)));
    let t = b.time();
    let m = b.disp("disabled %0t", vec![t]);
    let d1 = b.delay(1);
    let again = b.st(StmtKind::Disable(DisableTarget::Task(w)));
    b.initial(vec![d5, dis, m, d1, again]);
    let out = run(&b.d).stdout;
    let mut lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.first(), Some(&"disabled 5"), "{out}");
    lines[1..].sort_unstable();
    assert_eq!(lines[1..], ["c1 5", "c2 5"], "{out}");
}

/// The artifact exports exactly the ABI's functions, imports only `env`,
/// and carries a `wsim.meta` section with the signal table.
#[test]
fn artifact_exports_imports_and_meta() {
    let mut b = B::new();
    let _x = b.reg("x", 12);
    let m = b.disp("hi", vec![]);
    b.initial(vec![m]);
    let bytes = compile(&b.d);
    let mut exports = vec![];
    let mut imports = vec![];
    let mut meta = None;
    for p in wasmparser::Parser::new(0).parse_all(&bytes) {
        match p.unwrap() {
            wasmparser::Payload::ExportSection(r) => exports.extend(r.into_iter().map(|e| e.unwrap().name.to_string())),
            wasmparser::Payload::ImportSection(r) => {
                imports.extend(r.into_imports().map(|i| i.unwrap()).map(|i| format!("{}.{}", i.module, i.name)))
            }
            wasmparser::Payload::CustomSection(c) if c.name() == wsim_abi::META_SECTION => {
                meta = Some(serde_json::from_slice::<serde_json::Value>(c.data()).unwrap())
            }
            _ => {}
        }
    }
    exports.sort();
    assert_eq!(
        exports,
        [
            "wsim_exit_code",
            "wsim_final",
            "wsim_init",
            "wsim_observe",
            "wsim_run",
            "wsim_stat",
            "wsim_step_mode",
            "wsim_time"
        ]
    );
    assert!(imports.iter().all(|i| i.starts_with("env.")), "{imports:?}");
    assert!(imports.contains(&"env.memory".to_string()));
    let meta = meta.expect("wsim.meta");
    assert_eq!(meta["abi_version"], wsim_abi::ABI_VERSION);
    assert_eq!(meta["signals"][0]["name"], "t.x");
    assert_eq!(meta["signals"][0]["width"], 12);
    assert_eq!(meta["processes"][0]["kind"], "initial");
    assert!(meta["heap_start"].as_u64().unwrap() > meta["arena_base"].as_u64().unwrap());
}

/// Unsupported constructs are reported with E0401, never skipped.
#[test]
fn unsupported_construct_is_reported() {
    // `disable` names a function: only tasks and named blocks can be disabled
    let mut b = B::new();
    let (f, _, _) = b.subr("fn", SubrKind::Function, false, &[], None);
    let dis = b.st(StmtKind::Disable(DisableTarget::Task(f)));
    b.initial(vec![dis]);
    let err = wsim_codegen::compile(&b.d, &Default::default()).unwrap_err();
    assert_eq!(err.list[0].code.id, "E0401");
    assert!(err.list[0].message.contains("`disable` of a function"), "{}", err.list[0].message);
}

/// The inline <= 64-bit paths agree with the guest-rt helpers: each
/// operation is computed on 40-bit values (inline) and on the same values
/// widened to 100 bits (helpers), over known and X/Z operands.
#[test]
fn inline_fast_paths_match_helpers() {
    let vals: [(u64, u64); 6] =
        [(0x12_3456_789a, 0), (0xff_ffff_fff0, 0), (5, 0), (0x80_0000_0001, 0), (0x1, 0x10), (0x0, 0x3)];
    let mut b = B::new();
    let narrow = Type::logic(40, true);
    let wide = Type::logic(100, true);
    let ops = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::BitAnd,
        BinOp::BitOr,
        BinOp::BitXor,
        BinOp::BitXnor,
        BinOp::Lt,
        BinOp::Ge,
        BinOp::Eq,
        BinOp::CaseEq,
        BinOp::Shr,
        BinOp::AShr,
        BinOp::Shl,
    ];
    let k = |b: &mut B, (a, x): (u64, u64), ty: Type| {
        b.e(ExprKind::Const(Const { width: 40, signed: true, words: vec![a, x] }), ty)
    };
    let mut st = vec![];
    for &(x, y) in vals.iter().flat_map(|x| vals.iter().map(move |y| (*x, *y))).collect::<Vec<_>>().iter() {
        for &op in &ops {
            let shift = matches!(op, BinOp::Shl | BinOp::Shr | BinOp::AShr);
            // a logical right shift widens with zeros, everything else signed
            let ty = if op == BinOp::Shr { Type::logic(40, false) } else { narrow };
            let (a, bb) = (k(&mut b, x, ty), k(&mut b, if shift { (y.0 % 50, y.1) } else { y }, ty));
            let n = b.bin(op, a, bb);
            let (a, bb) = (k(&mut b, x, ty), k(&mut b, if shift { (y.0 % 50, y.1) } else { y }, ty));
            let (wa, wb) = (b.conv(a, wide), if shift { bb } else { b.conv(bb, wide) });
            let wres = b.bin(op, wa, wb);
            // compare the low 40 bits (or the 1-bit result)
            let rw = b.d.exprs[n].ty.width;
            let wt = b.conv(wres, Type::logic(rw, false));
            st.push(b.disp("%b %b", vec![n, wt]));
        }
        let a = k(&mut b, x, narrow);
        let not = b.un(UnOp::BitNot, a);
        let a = k(&mut b, x, narrow);
        let wa = b.conv(a, wide);
        let wnot = b.un(UnOp::BitNot, wa);
        let wt = b.conv(wnot, Type::logic(40, false));
        st.push(b.disp("%b %b", vec![not, wt]));
    }
    b.initial(st);
    let out = run(&b.d).stdout;
    for line in out.lines() {
        let (l, r) = line.split_once(' ').unwrap();
        assert_eq!(l, r, "{out}");
    }
    assert_eq!(out.lines().count(), vals.len() * vals.len() * (ops.len() + 1));
}

/// `join_any`, `join_none`, `wait fork` and `disable fork` (IEEE 1800-2017
/// 9.3.2, 9.6). Icarus 11 prints "none" at 8 (it runs the join_none child
/// first); the standard lets the parent go on at once.
/// ```verilog
/// fork #10 $display("A %0t", $time); #5 $display("B %0t", $time); join_any
/// $display("any %0t", $time);
/// fork #3 $display("C %0t", $time); join_none
/// $display("none %0t", $time);
/// wait fork;
/// $display("all %0t", $time);
/// fork #1 $display("D"); #20 $display("E"); join_none
/// #2 disable fork;
/// #30 $display("end %0t", $time);
/// ```
#[test]
fn fork_join_any_none_wait_and_disable_fork() {
    let mut b = B::new();
    let timed = |b: &mut B, delay: u64, msg: &str, with_time: bool| {
        let d = b.delay(delay);
        let args = if with_time { vec![b.time()] } else { vec![] };
        let m = b.disp(msg, args);
        b.block(vec![d, m])
    };
    let mut st = vec![];
    let (a, bb) = (timed(&mut b, 10, "A %0t", true), timed(&mut b, 5, "B %0t", true));
    st.push(b.st(StmtKind::Fork { branches: vec![a, bb], join: JoinKind::Any, name: None }));
    let t = b.time();
    st.push(b.disp("any %0t", vec![t]));
    let c = timed(&mut b, 3, "C %0t", true);
    st.push(b.st(StmtKind::Fork { branches: vec![c], join: JoinKind::None, name: None }));
    let t = b.time();
    st.push(b.disp("none %0t", vec![t]));
    st.push(b.st(StmtKind::WaitFork));
    let t = b.time();
    st.push(b.disp("all %0t", vec![t]));
    let (dd, e) = (timed(&mut b, 1, "D", false), timed(&mut b, 20, "E", false));
    st.push(b.st(StmtKind::Fork { branches: vec![dd, e], join: JoinKind::None, name: None }));
    st.push(b.delay(2));
    st.push(b.st(StmtKind::DisableFork));
    st.push(b.delay(30));
    let t = b.time();
    st.push(b.disp("end %0t", vec![t]));
    b.initial(st);
    assert_eq!(run(&b.d).stdout, "B 5\nany 5\nnone 5\nC 8\nA 10\nall 10\nD\nend 42\n");
}
