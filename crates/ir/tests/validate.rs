//! `wsim_ir::validate`: the hand-built sample passes, and each rule of the
//! crate doc rejects a design that breaks it with its exact message.

mod common;

use common::*;
use wsim_ir::*;

const U8: Type = Type::logic(8, false);
const U4: Type = Type::logic(4, false);

fn expr(s: &mut Sample, kind: ExprKind, ty: Type) -> ExprId {
    s.d.add_expr(kind, ty, sp(40))
}

fn c(s: &mut Sample, width: u32, v: u64) -> ExprId {
    konst(&mut s.d, width, v)
}

#[track_caller]
fn assert_errors(s: &Sample, want: &[String]) {
    assert_eq!(errors(&s.d), want);
}

#[test]
fn valid_sample_passes() {
    let s = sample();
    assert_eq!(validate(&s.d), Ok(()));
}

#[test]
fn extra_valid_lvalues_pass() {
    let mut s = sample();
    // {a[3:0], b} = 12'h000 inside the initial: Select of an lvalue and a
    // Concat of lvalues.
    let (a, off) = (sig(&mut s.d, s.a), c(&mut s, 32, 0));
    let sel = expr(&mut s, ExprKind::Select { base: a, offset: off, width: 4 }, U4);
    let b = sig(&mut s.d, s.b);
    let lhs = expr(&mut s, ExprKind::Concat(vec![sel, b]), Type::logic(12, false));
    let rhs = c(&mut s, 12, 0);
    s.push_assign(lhs, rhs);
    assert_eq!(validate(&s.d), Ok(()));
}

// ------------------------------------------------------------ phase 1

#[test]
fn out_of_range_handle_is_reported_before_rules() {
    let mut s = sample();
    let bad = SignalId::from_raw(99);
    let e = expr(&mut s, ExprKind::Signal(bad), U8);
    s.push_use(e);
    let n = s.d.signals.len();
    assert_errors(&s, &[format!("{e}: refers to s99, but there are {n} signals")]);
}

#[test]
fn scope_parent_cycle() {
    let mut s = sample();
    s.d.scopes[s.top].parent = Some(ScopeId::from_raw(1));
    assert_errors(&s, &["sc0: scope parent chain is cyclic".into(), "sc1: scope parent chain is cyclic".into()]);
}

#[test]
fn expression_cycle() {
    let mut s = sample();
    let one = c(&mut s, 8, 1);
    let e = expr(&mut s, ExprKind::Binary { op: BinOp::Add, lhs: one, rhs: one }, U8);
    s.d.exprs[e].kind = ExprKind::Binary { op: BinOp::Add, lhs: e, rhs: one };
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: expression graph has a cycle through {e}")]);
}

#[test]
fn statement_cycle() {
    let mut s = sample();
    let block = s.initial_block;
    s.push_stmt(StmtKind::Block { stmts: vec![block], name: None });
    let inner = StmtId::from_raw(s.d.stmts.len() as u32 - 1);
    assert_errors(&s, &[format!("{inner}: statement graph has a cycle through {block}")]);
}

// ------------------------------------------------------------ expression typing

#[test]
fn add_operand_widths() {
    let mut s = sample();
    let (l, r) = (c(&mut s, 4, 1), c(&mut s, 8, 1));
    let e = bin(&mut s.d, BinOp::Add, l, r, U8);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: Add operand widths 4 and 8 differ from result width 8")]);
}

#[test]
fn bitnot_operand_width() {
    let mut s = sample();
    let arg = c(&mut s, 4, 1);
    let e = expr(&mut s, ExprKind::Unary { op: UnOp::BitNot, arg }, U8);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: BitNot operand width 4 differs from result width 8")]);
}

#[test]
fn pow_lhs_width() {
    let mut s = sample();
    let (l, r) = (c(&mut s, 4, 2), c(&mut s, 32, 3));
    let e = bin(&mut s.d, BinOp::Pow, l, r, U8);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: Pow lhs width 4 differs from result width 8")]);
}

#[test]
fn shift_lhs_width() {
    let mut s = sample();
    let (l, r) = (c(&mut s, 4, 2), c(&mut s, 32, 3));
    let e = bin(&mut s.d, BinOp::Shl, l, r, U8);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: Shl lhs width 4 differs from result width 8")]);
}

#[test]
fn ashr_on_unsigned() {
    let mut s = sample();
    let (l, r) = (c(&mut s, 8, 2), c(&mut s, 32, 3));
    let e = bin(&mut s.d, BinOp::AShr, l, r, U8);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: AShr on unsigned type 8u")]);
}

#[test]
fn comparison_signedness() {
    let mut s = sample();
    let l = c(&mut s, 8, 2);
    let r = s.d.add_expr(ExprKind::Const(Const::from_u64(8, true, 3)), Type::logic(8, true), sp(2));
    let e = bin(&mut s.d, BinOp::Lt, l, r, Type::LOGIC1);
    s.push_use(e);
    let want = format!("{e}: Lt operand types 8u and 8s differ in width, signedness or kind");
    assert_errors(&s, &[want]);
}

#[test]
fn comparison_result_width() {
    let mut s = sample();
    let (l, r) = (c(&mut s, 8, 2), c(&mut s, 8, 3));
    let e = bin(&mut s.d, BinOp::Eq, l, r, Type::logic(2, false));
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: Eq result type 2u is not 1-bit unsigned")]);
}

#[test]
fn logical_result_width() {
    let mut s = sample();
    let (l, r) = (c(&mut s, 8, 2), c(&mut s, 4, 3));
    let e = bin(&mut s.d, BinOp::LogAnd, l, r, Type::logic(2, false));
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: LogAnd result type 2u is not 1-bit integral")]);
}

#[test]
fn reduction_on_real() {
    let mut s = sample();
    let arg = expr(&mut s, ExprKind::RealConst(1.5), Type::REAL);
    let e = expr(&mut s, ExprKind::Unary { op: UnOp::RedOr, arg }, Type::LOGIC1);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: RedOr on a real operand")]);
}

#[test]
fn cond_branch_type() {
    let mut s = sample();
    let (cnd, t, f) = (c(&mut s, 1, 1), c(&mut s, 8, 1), c(&mut s, 4, 2));
    let kind = ExprKind::Cond { cond: cnd, then_expr: t, else_expr: f };
    let e = expr(&mut s, kind, U8);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: Cond else branch {f} type 4u differs from result type 8u")]);
}

#[test]
fn concat_width() {
    let mut s = sample();
    let (x, y) = (c(&mut s, 3, 1), c(&mut s, 4, 2));
    let e = expr(&mut s, ExprKind::Concat(vec![x, y]), U8);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: Concat type 8u differs from the sum of operand widths 7")]);
}

#[test]
fn replicate_width() {
    let mut s = sample();
    let arg = c(&mut s, 3, 1);
    let e = expr(&mut s, ExprKind::Replicate { count: 2, arg }, U8);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: Replicate width 8 differs from 2 * 3 = 6")]);
}

#[test]
fn select_width() {
    let mut s = sample();
    let (base, offset) = (sig(&mut s.d, s.a), c(&mut s, 32, 0));
    let e = expr(&mut s, ExprKind::Select { base, offset, width: 3 }, U4);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: Select width 3 differs from type width 4")]);
}

#[test]
fn array_elem_index_count() {
    let mut s = sample();
    let (i, j) = (c(&mut s, 2, 0), c(&mut s, 2, 1));
    let kind = ExprKind::ArrayElem { sig: s.mem, indices: vec![i, j] };
    let e = expr(&mut s, kind, U8);
    s.push_use(e);
    let want = format!("{e}: ArrayElem has 2 indices for the 1 dimensions of {}", s.mem);
    assert_errors(&s, &[want]);
}

#[test]
fn array_elem_of_non_array() {
    let mut s = sample();
    let i = c(&mut s, 2, 0);
    let kind = ExprKind::ArrayElem { sig: s.a, indices: vec![i] };
    let e = expr(&mut s, kind, U8);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: ArrayElem of {}, which is not an array", s.a)]);
}

#[test]
fn signal_naming_an_array() {
    let mut s = sample();
    let e = sig(&mut s.d, s.mem);
    s.push_use(e);
    let want = format!("{e}: Signal names array {}; arrays are read through ArrayElem", s.mem);
    assert_errors(&s, &[want]);
}

#[test]
fn readmem_needs_an_array() {
    let mut s = sample();
    let (file, not_mem) = (s.d.add_string_literal(b"x.hex", sp(2)), sig(&mut s.d, s.a));
    let top = s.top;
    let args = vec![Some(file), Some(not_mem)];
    let st = s.push_stmt(StmtKind::SysTask { name: "$readmemb".into(), args, scope: top });
    assert_errors(&s, &[format!("{st}: $readmemb memory argument is not a Signal of an array")]);
}

#[test]
fn real_add_with_integral_operand() {
    let mut s = sample();
    let l = expr(&mut s, ExprKind::RealConst(1.0), Type::REAL);
    let r = c(&mut s, 64, 1);
    let e = bin(&mut s.d, BinOp::Add, l, r, Type::REAL);
    s.push_use(e);
    let want = format!("{e}: Add operand kinds (real, integral) and result kind real are inconsistent");
    assert_errors(&s, &[want]);
}

#[test]
fn bitwise_on_reals() {
    let mut s = sample();
    let l = expr(&mut s, ExprKind::RealConst(1.0), Type::REAL);
    let r = expr(&mut s, ExprKind::RealConst(2.0), Type::REAL);
    let e = bin(&mut s.d, BinOp::BitAnd, l, r, Type::REAL);
    s.push_use(e);
    let want = format!("{e}: BitAnd operand kinds (real, real) and result kind real are inconsistent");
    assert_errors(&s, &[want]);
}

#[test]
fn real_const_with_integral_type() {
    let mut s = sample();
    let e = expr(&mut s, ExprKind::RealConst(1.0), U8);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: RealConst has non-real type 8u")]);
}

// ------------------------------------------------------------ constants

#[test]
fn const_word_count() {
    let mut s = sample();
    let k = Const { width: 8, signed: false, words: vec![1] };
    let e = expr(&mut s, ExprKind::Const(k), U8);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: Const has 1 words, expected 2 for width 8")]);
}

#[test]
fn const_bits_above_width_in_either_plane() {
    for words in [vec![0x100, 0], vec![0, 0x100]] {
        let mut s = sample();
        let k = Const { width: 8, signed: false, words };
        let e = expr(&mut s, ExprKind::Const(k), U8);
        s.push_use(e);
        assert_errors(&s, &[format!("{e}: Const has bits set above width 8")]);
    }
}

#[test]
fn signal_init_bits_above_width() {
    let mut s = sample();
    s.d.signals[s.a].init = Some(Const { width: 8, signed: false, words: vec![0x1ff, 0] });
    assert_errors(&s, &[format!("{}: init has bits set above width 8", s.a)]);
}

// ------------------------------------------------------------ statements

#[test]
fn lvalue_must_be_assignable() {
    let mut s = sample();
    let (x, y) = (c(&mut s, 8, 1), c(&mut s, 8, 2));
    let lhs = bin(&mut s.d, BinOp::Add, x, y, U8);
    let rhs = c(&mut s, 8, 3);
    let st = s.push_assign(lhs, rhs);
    let want = format!("{st}: lvalue {lhs} contains {lhs} (add), which is not assignable");
    assert_errors(&s, &[want]);
}

#[test]
fn procedural_write_to_net() {
    let mut s = sample();
    let (lhs, rhs) = (sig(&mut s.d, s.w), c(&mut s, 8, 3));
    let st = s.push_assign(lhs, rhs);
    let want = format!("{st}: lvalue {lhs} writes net {} outside a continuous assignment", s.w);
    assert_errors(&s, &[want]);
}

#[test]
fn assignment_rhs_type() {
    let mut s = sample();
    let (lhs, rhs) = (sig(&mut s.d, s.a), c(&mut s, 4, 3));
    let st = s.push_stmt(StmtKind::NonBlocking { lhs, rhs, delay: None });
    let want = format!("{st}: assignment rhs {rhs} type 4u differs from lhs {lhs} type 8u");
    assert_errors(&s, &[want]);
}

#[test]
fn case_label_width() {
    let mut s = sample();
    let (subject, good, bad) = (sig(&mut s.d, s.a), c(&mut s, 8, 1), c(&mut s, 4, 2));
    let body = s.d.add_stmt(StmtKind::Nop, sp(2));
    let arms = vec![CaseArm { labels: vec![good, bad], body }];
    let kind = StmtKind::Case { kind: CaseKind::Exact, subject, arms, default: None };
    let st = s.push_stmt(kind);
    let want = format!("{st}: Case label {bad} width 4 differs from subject {subject} width 8");
    assert_errors(&s, &[want]);
}

#[test]
fn call_argument_count() {
    let mut s = sample();
    let st = s.push_stmt(StmtKind::Call { subr: s.f, args: vec![] });
    assert_errors(&s, &[format!("{st}: Call of {} has 0 arguments for 1 formals", s.f)]);
}

#[test]
fn call_input_argument_type() {
    let mut s = sample();
    let arg = c(&mut s, 4, 1);
    let kind = ExprKind::Call { subr: s.f, args: vec![arg] };
    let e = expr(&mut s, kind, U8);
    s.push_use(e);
    let want = format!("{e}: Call of {} argument 0 ({arg}) type 4u differs from formal {} type 8u", s.f, s.f_in);
    assert_errors(&s, &[want]);
}

#[test]
fn disable_needs_a_named_block() {
    let mut s = sample();
    let target = s.initial_block;
    let st = s.push_stmt(StmtKind::Disable(DisableTarget::Block(target)));
    assert_errors(&s, &[format!("{st}: Disable target {target} is not a named Block")]);
}

#[test]
fn automatic_variable_outside_its_subroutine() {
    let mut s = sample();
    let e = sig(&mut s.d, s.f_ret);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: automatic {} of {} referenced from p0", s.f_ret, s.f)]);
}

#[test]
fn unknown_system_task_and_function() {
    let mut s = sample();
    let top = s.top;
    let st = s.push_stmt(StmtKind::SysTask { name: "$bogus".into(), args: vec![], scope: top });
    let kind = ExprKind::SysFunc { name: "$nope".into(), args: vec![], scope: top };
    let e = expr(&mut s, kind, Type::INTEGER);
    s.push_use(e);
    assert_errors(&s, &[format!("{e}: unknown system function $nope"), format!("{st}: unknown system task $bogus")]);
}

#[test]
fn delay_must_be_unsigned_64_bit() {
    let mut s = sample();
    let ticks = c(&mut s, 32, 5);
    let st = s.push_stmt(StmtKind::Delay { ticks });
    assert_errors(&s, &[format!("{st}: delay {ticks} type 32u is not unsigned 64-bit integral")]);
}

#[test]
fn trigger_needs_an_event() {
    let mut s = sample();
    let st = s.push_stmt(StmtKind::Trigger { event: s.a });
    assert_errors(&s, &[format!("{st}: Trigger of {}, which is not an event", s.a)]);
}

#[test]
fn formal_missing_from_locals() {
    let mut s = sample();
    s.d.subrs[s.f].locals.retain(|&l| l != s.f_in);
    assert_errors(&s, &[format!("{}: {} is not listed in locals", s.f, s.f_in)]);
}

#[test]
fn error_carries_the_entity_and_span() {
    let mut s = sample();
    let (l, r) = (c(&mut s, 4, 1), c(&mut s, 8, 1));
    let e = s.d.add_expr(ExprKind::Binary { op: BinOp::Sub, lhs: l, rhs: r }, U8, sp(77));
    s.push_use(e);
    let errs = validate(&s.d).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].entity, Entity::Expr(e));
    assert_eq!(errs[0].span, sp(77));
    assert_eq!(errs[0].message, "Sub operand widths 4 and 8 differ from result width 8");
}

#[test]
fn deep_expression_chains_do_not_overflow_the_stack() {
    let mut s = sample();
    let mut e = c(&mut s, 8, 1);
    for _ in 0..200_000 {
        let one = c(&mut s, 8, 1);
        e = bin(&mut s.d, BinOp::Add, e, one, U8);
    }
    s.push_use(e);
    assert_eq!(validate(&s.d), Ok(()));
}

#[test]
fn every_broken_handle_kind_is_reported_without_panicking() {
    let mut s = sample();
    let (bad_e, bad_st) = (ExprId::from_raw(500), StmtId::from_raw(600));
    s.d.tops.push(ScopeId::from_raw(9));
    s.d.signals[s.a].storage = Storage::Automatic(SubrId::from_raw(4));
    s.d.procs.push(Process { kind: ProcKind::Initial, body: bad_st, scope: s.top, span: sp(1) });
    s.d.subrs[s.f].ret = Some(SignalId::from_raw(300));
    s.push_stmt(StmtKind::Delay { ticks: bad_e });
    s.push_stmt(StmtKind::Disable(DisableTarget::Task(SubrId::from_raw(3))));
    let (ns, ne, nst, nf, nsc) =
        (s.d.signals.len(), s.d.exprs.len(), s.d.stmts.len(), s.d.subrs.len(), s.d.scopes.len());
    let st = nst - 1;
    assert_errors(
        &s,
        &[
            format!("design: refers to sc9, but there are {nsc} scopes"),
            format!("s0: refers to f4, but there are {nf} subroutines"),
            format!("st{}: refers to e500, but there are {ne} expressions", st - 1),
            format!("st{st}: refers to f3, but there are {nf} subroutines"),
            format!("p2: refers to st600, but there are {nst} statements"),
            format!("f0: refers to s300, but there are {ns} signals"),
        ],
    );
}

#[test]
fn any_change_wait_on_a_whole_memory_is_allowed_but_not_an_edge() {
    let mut s = sample();
    let any = sig(&mut s.d, s.mem);
    s.push_stmt(StmtKind::WaitEvent { events: vec![Event { edge: Edge::Any, expr: any }] });
    assert_eq!(validate(&s.d), Ok(()));
    let pos = sig(&mut s.d, s.mem);
    s.push_stmt(StmtKind::WaitEvent { events: vec![Event { edge: Edge::Pos, expr: pos }] });
    let want = format!("{pos}: Signal names array {}; arrays are read through ArrayElem", s.mem);
    assert_errors(&s, &[want]);
}
