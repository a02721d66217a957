//! `wsim_ir::print`: literal dumps of the shared sample and of a design
//! using the remaining statement and expression forms.

mod common;

use common::*;
use wsim_ir::*;

#[test]
fn dump_sample() {
    let s = sample();
    let want = "\
design precision=-12 tops=[sc0]
sc0 instance tb def=tb time=-9/-12
sc1 subroutine tb.f time=-9/-12
s0 logic[7:0] tb.a var
s1 logic[7:0] tb.b var
s2 logic[7:0] tb.w wire
s3 logic[7:0] tb.mem[0:3] var
s4 event tb.ev event
s5 logic[7:0] tb.f.i var automatic(f0)
s6 logic[7:0] tb.f.f var automatic(f0)
f0 function automatic f sc1
  formals: input s5
  ret: s6
  locals: s5 s6
  st0 assign s6 = (add:8u s5 (const 8'h1))
p0 initial sc0
  st8 block
    st1 assign s0 = (add:8u s1 (const 8'h1))
    st2 $display@sc0(\"a=%d\", s0)
    st3 delay #(const 64'ha)
    st4 nonblocking s1 <= (call:8u f0 s0)
    st5 trigger s4
    st6 $readmemh@sc0(\"m.hex\", s3)
    st7 assign s0 = (elem:8u s3 (const 2'h2))
p1 assign sc0
  st11 block
    st9 assign s2 = s0
    st10 wait-event @(s0)
";
    assert_eq!(print(&s.d), want);
}

#[test]
fn dump_control_flow_and_odd_values() {
    let mut s = sample();
    let d = &mut s.d;
    let top = s.top;
    let blk = d.scopes.push(Scope {
        name: "blk".into(),
        parent: Some(top),
        kind: ScopeKind::NamedBlock,
        def_name: String::new(),
        time_unit: -9,
        time_precision: -12,
        span: sp(0),
    });
    let n = d.signals.push(Signal {
        name: "n".into(),
        scope: blk,
        ty: Type::INT,
        dims: vec![],
        kind: SignalKind::Var,
        storage: Storage::Static,
        init: Some(Const::from_u64(32, true, 5)),
        msb: 31,
        lsb: 0,
        hidden: true,
        span: sp(1),
    });
    let (a, nx) = (sig(d, s.a), sig(d, n));
    let x = d.add_expr(ExprKind::Const(Const::all_x(4, false)), Type::logic(4, false), sp(2));
    let zero = d.add_expr(ExprKind::Const(Const::from_u64(32, true, 0)), Type::INT, sp(2));
    let sel = d.add_expr(ExprKind::Select { base: a, offset: zero, width: 4 }, Type::logic(4, false), sp(2));
    let cmp = bin(d, BinOp::CaseEq, sel, x, Type::LOGIC1);
    let r = d.add_expr(ExprKind::RealConst(2.5), Type::REAL, sp(2));
    let rt = d.add_expr(ExprKind::SysFunc { name: "$realtime".into(), args: vec![], scope: blk }, Type::REAL, sp(2));
    let rsum = bin(d, BinOp::Mul, r, rt, Type::REAL);
    let conv = d.add_expr(ExprKind::Convert { arg: rsum }, Type::INT, sp(2));
    let assign = d.add_stmt(StmtKind::Assign { lhs: nx, rhs: conv }, sp(3));
    let brk = d.add_stmt(StmtKind::Break, sp(3));
    let iff = d.add_stmt(StmtKind::If { cond: cmp, then_stmt: assign, else_stmt: Some(brk) }, sp(3));
    let label = d.add_expr(ExprKind::Const(Const::from_u64(32, true, 7)), Type::INT, sp(2));
    let nop = d.add_stmt(StmtKind::Nop, sp(3));
    let dis = d.add_stmt(StmtKind::Disable(DisableTarget::Block(StmtId::from_raw(0))), sp(3));
    let nx2 = sig(d, n);
    let arms = vec![CaseArm { labels: vec![label], body: nop }];
    let case = d.add_stmt(StmtKind::Case { kind: CaseKind::Z, subject: nx2, arms, default: Some(dis) }, sp(3));
    let fork = d.add_stmt(StmtKind::Fork { branches: vec![iff, case], join: JoinKind::Any, name: None }, sp(3));
    let forever = d.add_stmt(StmtKind::Loop { cond: None, body: fork, step: None }, sp(3));
    let body = d.add_stmt(StmtKind::Block { stmts: vec![forever], name: Some(blk) }, sp(3));
    d.procs.push(Process { kind: ProcKind::Always, body, scope: top, span: sp(4) });
    d.aliases.push((s.w, s.a));
    let text = print(&s.d);
    for line in ["sc2 block tb.blk time=-9/-12", "s7 bit[31:0] signed tb.blk.n var = 32'sh5 hidden", "alias s2 -> s0"] {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
    }
    let want = "\
p2 always sc0
  st20 block sc2
    st19 forever
      st18 fork join_any
        st14 if (caseeq:1u (sel:4u s0 (const:b32s 32'sh0)) (const 4'bxxxx))
          st12 assign s7 = (conv:b32s (mul:real (real 2.5) ($realtime:real @sc2)))
        else
          st13 break
        st17 casez s7
          (const:b32s 32'sh7):
            st15 nop
          default:
            st16 disable st0
";
    let tail = &text[text.find("p2 always").expect("p2 printed")..];
    assert_eq!(tail, want);
}

#[test]
fn broken_handles_and_cycles_print_without_panicking() {
    let mut s = sample();
    let one = konst(&mut s.d, 8, 1);
    let e = bin(&mut s.d, BinOp::Add, one, one, Type::logic(8, false));
    s.d.exprs[e].kind = ExprKind::Binary { op: BinOp::Add, lhs: e, rhs: ExprId::from_raw(999) };
    let lhs = s.d.add_expr(ExprKind::Signal(SignalId::from_raw(77)), Type::logic(8, false), sp(1));
    s.push_assign(lhs, e);
    s.push_stmt(StmtKind::Block { stmts: vec![s.initial_block], name: None });
    s.d.scopes[s.top].parent = Some(ScopeId::from_raw(1));
    let text = print(&s.d);
    assert!(text.contains(&format!("assign (s77?:8u) = (add:8u <cycle {e}> e999?)")), "{text}");
    assert!(text.contains("<cycle st8>"), "{text}");
}
