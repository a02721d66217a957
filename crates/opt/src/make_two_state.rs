//! `--two-state`: every four-state type becomes two-state, so X and Z read
//! as 0 (IEEE 1800-2017 6.11.2: a four-state value written to a two-state
//! variable maps X and Z to 0), the semantics Verilator simulates. Runs
//! even with `-O0`: it is a semantic choice, not an optimisation.
//!
//! What changes (docs/two-state.md says it for users):
//! - Signals: `Type.four_state = false`; an initial value's X/Z bits become
//!   0 and a signal without one starts at 0 (so do undriven nets).
//! - Expressions: every integral type becomes two-state; X/Z bits of
//!   constants become 0. `===`, `!==`, `$isunknown` need no rewrite: on
//!   two-state operands the runtime already gives `==`, `!=` and 0.
//! - Constants that are compared bit for bit keep their X/Z bits, which
//!   gives what Verilator prints: the labels of `casez` and `casex` (`?`,
//!   `z`, `x` are don't-care bits there, not values) and of `case` (an X/Z
//!   bit never matches a two-state subject), the right operand of
//!   `==?`/`!=?`; the operands of `===`/`!==` keep their X bits (never
//!   equal) while Z bits become 0.
//! - Nets with several drivers (and `tri0`/`tri1`, pulled nets): Z is what
//!   makes a tri-state bus work, so the resolution stays four-state. The
//!   per-driver variables of a resolver (the arguments of its `Resolve`)
//!   and the processes that drive them keep their four-state types, reading
//!   the rest of the (now two-state) design through conversions; the
//!   resolved value is converted to two-state as it reaches the net. So a
//!   bus with one enabled driver reads that driver, and with none it reads
//!   0 (or its pull). Two enabled drivers that disagree give X, read as 0
//!   (Verilator ORs them instead: contention is a design bug either way).
//!
//! Where a four-state node meets a two-state one (in those driver cones, or
//! for a pattern constant) a `Convert` goes between them, so the IR stays
//! exactly typed and no X/Z bit ever reaches two-state storage.

use std::collections::{HashMap, HashSet};

use wsim_ir::{BinOp, Const, Design, ExprId, ExprKind, ProcId, SignalId, StmtId, StmtKind, Type, TypeKind};

use crate::visit::{lvalue_nodes, lvalue_signals, named_signal};

pub fn run(d: &mut Design) {
    let plan = Plan::of(d);
    // Container elements (dynamic arrays, queues...) become two-state too,
    // so their default value is 0.
    for c in &mut d.containers {
        c.elem.four_state = false;
    }
    retype_signals(d, &plan.four_state_signals);
    retype_exprs(d, &plan.four_state_exprs, &plan.patterns);
    convert_mismatched_operands(d, &plan);
    convert_mismatched_statements(d, &plan);
}

/// What stays four-state.
struct Plan {
    /// The per-driver variables of resolved nets.
    four_state_signals: HashSet<SignalId>,
    /// Driver cones, `Resolve` nodes, reads of the signals above, and
    /// pattern constants.
    four_state_exprs: Vec<bool>,
    /// Lvalue nodes: typed by their signal, never wrapped.
    lvalues: HashSet<ExprId>,
    /// The statements of driver processes (all of them stay four-state).
    driver_stmts: HashSet<StmtId>,
    /// Pattern constants: never converted where they are used.
    patterns: HashMap<ExprId, Pattern>,
}

impl Plan {
    fn of(d: &Design) -> Plan {
        let four_state_signals = resolver_inputs(d);
        let lvalues = lvalue_nodes(d);
        let patterns = pattern_constants(d);
        let mut four_state_exprs = vec![false; d.exprs.len()];
        for (id, e) in d.exprs.iter() {
            let reads_kept = named_signal(&e.kind).is_some_and(|s| four_state_signals.contains(&s));
            let kept = reads_kept || may_make_unknowns(d, &e.kind) || patterns.contains_key(&id);
            if kept || matches!(e.kind, ExprKind::Resolve { .. }) || is_strength_func(&e.kind) {
                four_state_exprs[id.index()] = true;
            }
        }
        let mut driver_stmts = HashSet::new();
        if !four_state_signals.is_empty() {
            for p in driver_processes(d, &four_state_signals) {
                let body = d.procs[p].body;
                mark_driver_cone(d, body, &four_state_signals, &mut four_state_exprs, &mut driver_stmts);
            }
        }
        // A select or concatenation written to has its signal's state, so
        // an assignment to a two-state signal converts its value first.
        for &lv in &lvalues {
            if matches!(d.exprs[lv].kind, ExprKind::Select { .. } | ExprKind::Concat(_)) {
                let sigs = lvalue_signals(d, lv);
                four_state_exprs[lv.index()] = sigs.iter().all(|s| four_state_signals.contains(s));
            }
        }
        Plan { four_state_signals, four_state_exprs, lvalues, driver_stmts, patterns }
    }
}

/// The signals `Resolve` expressions read: elaboration's per-driver copies.
fn resolver_inputs(d: &Design) -> HashSet<SignalId> {
    let mut set = HashSet::new();
    for (_, e) in d.exprs.iter() {
        let args = match &e.kind {
            ExprKind::Resolve { args, .. } => Some(args),
            ExprKind::SysFunc { name, args, .. } if name == "$strength$resolve" => Some(args),
            _ => None,
        };
        if let Some(args) = args {
            let mut todo = args.clone();
            while let Some(a) = todo.pop() {
                set.extend(named_signal(&d.exprs[a].kind));
                todo.extend(d.exprs[a].kind.children());
            }
        }
    }
    set
}

/// The strength functions of nets that model strengths
/// (`wsim_ir::STRENGTH_FUNCS`): resolution with strengths, like `Resolve`,
/// stays four-state.
fn is_strength_func(k: &ExprKind) -> bool {
    matches!(k, ExprKind::SysFunc { name, .. } if name.starts_with("$strength$"))
}

/// Processes with a statement that writes one of `targets`.
fn driver_processes(d: &Design, targets: &HashSet<SignalId>) -> Vec<ProcId> {
    d.procs.iter().filter(|(_, p)| writes_any(d, p.body, targets)).map(|(id, _)| id).collect()
}

fn writes_any(d: &Design, body: StmtId, targets: &HashSet<SignalId>) -> bool {
    let mut todo = vec![body];
    while let Some(s) = todo.pop() {
        let kind = &d.stmts[s].kind;
        if let StmtKind::Assign { lhs, .. } | StmtKind::NonBlocking { lhs, .. } | StmtKind::AssignAfter { lhs, .. } =
            kind
        {
            if lvalue_signals(d, *lhs).iter().any(|s| targets.contains(s)) {
                return true;
            }
        }
        todo.extend(kind.children());
    }
    false
}

/// Everything a driver process computes stays four-state, down to (not
/// into) its reads of two-state signals and its function calls, which
/// become two-state leaves.
fn mark_driver_cone(
    d: &Design,
    body: StmtId,
    kept: &HashSet<SignalId>,
    marks: &mut [bool],
    driver_stmts: &mut HashSet<StmtId>,
) {
    let mut stmts = vec![body];
    let mut exprs = Vec::new();
    while let Some(s) = stmts.pop() {
        driver_stmts.insert(s);
        stmts.extend(d.stmts[s].kind.children());
        exprs.extend(d.stmts[s].kind.exprs());
    }
    while let Some(e) = exprs.pop() {
        let kind = &d.exprs[e].kind;
        let two_state_leaf = match kind {
            ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } => !kept.contains(s),
            // Heap values keep their declared state.
            ExprKind::Call { .. } | ExprKind::ClassProp { .. } | ExprKind::ClassNew { .. } => true,
            _ => false,
        };
        if two_state_leaf || std::mem::replace(&mut marks[e.index()], true) {
            continue;
        }
        exprs.extend(kind.children());
    }
}

/// How a constant compared with `===`-like operators keeps its bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pattern {
    /// Labels of `casez`/`casex` (X/Z are don't-care marks there) and of
    /// `case` (an X/Z bit never matches a two-state subject), the right
    /// operand of `==?`/`!=?`: every X and Z bit stays.
    KeepAll,
    /// `===`/`!==` operands: Z bits become 0 as everywhere, X bits stay
    /// and so never match (Verilator 5.006: `r === 8'bx` is false for
    /// every two-state `r`, `r === 8'bz` is `r === 0`).
    KeepX,
}

fn pattern_constants(d: &Design) -> HashMap<ExprId, Pattern> {
    let is_const = |e: ExprId| matches!(d.exprs[e].kind, ExprKind::Const(_));
    let mut map = HashMap::new();
    for (_, st) in d.stmts.iter() {
        if let StmtKind::Case { arms, .. } = &st.kind {
            let labels = arms.iter().flat_map(|a| a.labels.iter().copied()).filter(|&l| is_const(l));
            map.extend(labels.map(|l| (l, Pattern::KeepAll)));
        }
    }
    for (_, e) in d.exprs.iter() {
        match e.kind {
            ExprKind::Binary { op: BinOp::WildEq | BinOp::WildNe, rhs, .. } if is_const(rhs) => {
                map.insert(rhs, Pattern::KeepAll);
            }
            ExprKind::Binary { op: BinOp::CaseEq | BinOp::CaseNe, lhs, rhs } => {
                for side in [lhs, rhs].into_iter().filter(|&x| is_const(x)) {
                    map.entry(side).or_insert(Pattern::KeepX);
                }
            }
            _ => {}
        }
    }
    map
}

/// Operations that give X from known operands: division and modulus by
/// zero, `0 ** -1`, a real NaN converted to an integer. They compute in
/// four-state and their result is converted, so the X reads as 0 (as in
/// Verilator) instead of reaching two-state storage.
fn may_make_unknowns(d: &Design, kind: &ExprKind) -> bool {
    match kind {
        ExprKind::Binary { op: BinOp::Div | BinOp::Mod | BinOp::Pow, .. } => true,
        ExprKind::Convert { arg } => d.exprs[*arg].ty.is_real(),
        _ => false,
    }
}

fn two_state(ty: Type) -> Type {
    Type { four_state: false, ..ty }
}

/// The constant as a two-state value: X and Z bits become 0.
fn const_two_state(c: &mut Const) {
    wsim_guest_rt::logic::to_2state(&mut c.words, c.width);
}

/// Z bits (aval 0, bval 1) become 0; X bits stay.
fn z_bits_to_zero(c: &mut Const) {
    let n = Const::limbs(c.width);
    for i in 0..n {
        c.words[n + i] &= c.words[i];
    }
}

fn retype_signals(d: &mut Design, kept: &HashSet<SignalId>) {
    for id in d.signals.ids() {
        let sig = &mut d.signals[id];
        if sig.ty.kind != TypeKind::Integral || kept.contains(&id) {
            continue;
        }
        sig.ty = two_state(sig.ty);
        // Undriven nets would start at Z and driven ones at X: both read 0.
        let init = sig.init.get_or_insert_with(|| Const::zero(sig.ty.width, sig.ty.signed));
        const_two_state(init);
    }
}

fn retype_exprs(d: &mut Design, four_state: &[bool], patterns: &HashMap<ExprId, Pattern>) {
    for id in d.exprs.ids() {
        let e = &mut d.exprs[id];
        if let (Some(Pattern::KeepX), ExprKind::Const(c)) = (patterns.get(&id), &mut e.kind) {
            z_bits_to_zero(c);
        }
        if e.ty.kind != TypeKind::Integral || four_state[id.index()] {
            continue;
        }
        e.ty = two_state(e.ty);
        if let ExprKind::Const(c) = &mut e.kind {
            const_two_state(c);
        }
    }
}

/// A `Convert` of `arg` to `ty`, as a new node.
fn convert(d: &mut Design, arg: ExprId, ty: Type) -> ExprId {
    let span = d.exprs[arg].span;
    d.add_expr(ExprKind::Convert { arg }, ty, span)
}

/// Where an operand's state differs from its parent's, convert the operand
/// to the parent's state (same width and signedness). Lvalue structure,
/// pattern constants and the operands of `Convert` (which converts
/// anything) are left alone; call arguments follow their formal's type.
fn convert_mismatched_operands(d: &mut Design, plan: &Plan) {
    for id in d.exprs.ids().collect::<Vec<_>>() {
        let parent = d.exprs[id].ty;
        if parent.kind != TypeKind::Integral
            || plan.lvalues.contains(&id)
            || matches!(d.exprs[id].kind, ExprKind::Convert { .. })
            || is_strength_func(&d.exprs[id].kind)
        {
            // (strength functions read either kind of operand as it is)
            continue;
        }
        let slots = d.exprs[id].kind.children();
        let formals = match &d.exprs[id].kind {
            ExprKind::Call { subr, .. } => Some(d.subrs[*subr].formals.clone()),
            _ => None,
        };
        for (i, child) in slots.into_iter().enumerate() {
            if plan.lvalues.contains(&child) || plan.patterns.contains_key(&child) {
                continue;
            }
            let want = match &formals {
                Some(f) => d.signals[f[i].sig].ty.four_state,
                None => parent.four_state,
            };
            let have = d.exprs[child].ty;
            if have.kind != TypeKind::Integral || have.four_state == want {
                continue;
            }
            let new = convert(d, child, Type { four_state: want, ..have });
            set_expr_child(&mut d.exprs[id].kind, i, new);
        }
    }
}

/// Replace the `index`-th child (in [`ExprKind::children`] order).
fn set_expr_child(kind: &mut ExprKind, index: usize, new: ExprId) {
    let slot = match kind {
        ExprKind::Const(_) | ExprKind::RealConst(_) | ExprKind::Signal(_) => None,
        ExprKind::ArrayElem { indices: v, .. }
        | ExprKind::Concat(v)
        | ExprKind::Resolve { args: v, .. }
        | ExprKind::Call { args: v, .. }
        | ExprKind::SysFunc { args: v, .. } => v.get_mut(index),
        ExprKind::Select { base, offset, .. } => [base, offset].into_iter().nth(index),
        ExprKind::Unary { arg, .. } | ExprKind::Convert { arg } | ExprKind::Replicate { arg, .. } => {
            (index == 0).then_some(arg)
        }
        ExprKind::Binary { lhs, rhs, .. } => [lhs, rhs].into_iter().nth(index),
        ExprKind::Cond { cond, then_expr, else_expr } => [cond, then_expr, else_expr].into_iter().nth(index),
        ExprKind::ClassProp { handle, .. } => (index == 0).then_some(handle),
        ExprKind::ClassNew { src, .. } => src.as_mut().filter(|_| index == 0),
    };
    if let Some(slot) = slot {
        *slot = new;
    }
}

/// Assignments whose sides now differ in state get their right side
/// converted to the target's type; task arguments follow their formals;
/// outside driver processes, printed values and `case` subjects that are
/// still four-state (a division, say) are converted to two-state.
fn convert_mismatched_statements(d: &mut Design, plan: &Plan) {
    for id in d.stmts.ids().collect::<Vec<_>>() {
        let outside_drivers = !plan.driver_stmts.contains(&id);
        match d.stmts[id].kind.clone() {
            StmtKind::SysTask { name, mut args, scope } if outside_drivers && task_prints_values(&name) => {
                for arg in args.iter_mut().flatten() {
                    if is_four_state_value(d, plan, *arg) {
                        *arg = convert(d, *arg, two_state(d.exprs[*arg].ty));
                    }
                }
                d.stmts[id].kind = StmtKind::SysTask { name, args, scope };
            }
            StmtKind::Case { subject, .. } if outside_drivers && is_four_state_value(d, plan, subject) => {
                let new = convert(d, subject, two_state(d.exprs[subject].ty));
                if let StmtKind::Case { subject, .. } = &mut d.stmts[id].kind {
                    *subject = new;
                }
            }
            StmtKind::Assign { lhs, rhs }
            | StmtKind::NonBlocking { lhs, rhs, .. }
            | StmtKind::AssignAfter { lhs, rhs, .. } => {
                let (lt, rt) = (d.exprs[lhs].ty, d.exprs[rhs].ty);
                if lt.kind == TypeKind::Integral && rt.kind == TypeKind::Integral && lt.four_state != rt.four_state {
                    let new = convert(d, rhs, Type { four_state: lt.four_state, ..rt });
                    set_assign_rhs(&mut d.stmts[id].kind, new);
                }
            }
            StmtKind::Call { subr, args } => {
                let formals = d.subrs[subr].formals.clone();
                let mut args = args.clone();
                for (arg, f) in args.iter_mut().zip(&formals) {
                    let (at, ft) = (d.exprs[*arg].ty, d.signals[f.sig].ty);
                    let input = f.dir == wsim_ir::Dir::Input;
                    if input && at.kind == TypeKind::Integral && at.four_state != ft.four_state {
                        *arg = convert(d, *arg, Type { four_state: ft.four_state, ..at });
                    }
                }
                if let StmtKind::Call { args: slot, .. } = &mut d.stmts[id].kind {
                    *slot = args;
                }
            }
            _ => {}
        }
    }
}

/// An integral four-state value that is no pattern, string or location.
fn is_four_state_value(d: &Design, plan: &Plan, e: ExprId) -> bool {
    let ty = d.exprs[e].ty;
    let special = plan.patterns.contains_key(&e) || plan.lvalues.contains(&e) || d.is_string_value(e);
    ty.kind == TypeKind::Integral && ty.four_state && !special
}

/// Tasks whose arguments are printed values (`$display`, `$monitor`, ...).
fn task_prints_values(name: &str) -> bool {
    crate::visit::task_only_reads_values(name) || name.starts_with("$monitor") || name.starts_with("$fmonitor")
}

fn set_assign_rhs(kind: &mut StmtKind, new: ExprId) {
    if let StmtKind::Assign { rhs, .. } | StmtKind::NonBlocking { rhs, .. } | StmtKind::AssignAfter { rhs, .. } = kind {
        *rhs = new;
    }
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::testkit::{apply, elaborate, processes, signals};

    #[test]
    fn x_and_z_constants_and_signals_become_two_state() {
        let mut d = elaborate(
            "module t; reg [3:0] r; wire [3:0] w; wire u; integer i = 'x;\n\
             initial begin r = 4'b1x0z; r = r + w; end endmodule\n",
        );
        apply(&mut d, "make_two_state", run);
        assert_eq!(
            signals(&d),
            "s0 bit[3:0] t.r var = 4'h0\n\
             s1 bit[3:0] t.w wire = 4'h0\n\
             s2 bit[0:0] t.u wire = 1'h0\n\
             s3 bit[31:0] signed t.i var = 32'sh0\n"
        );
        assert_eq!(
            processes(&d),
            "p0 initial sc1\n  st0 block\n    st1 assign s0 = (const:b4u 4'h8)\n\
             \x20   st2 assign s0 = (add:b4u s0 s1)\n"
        );
    }

    #[test]
    fn casez_labels_and_wildcard_operands_keep_their_dont_care_bits() {
        let mut d = elaborate(
            "module t; reg [3:0] a; reg q;\n\
             initial begin casez (a) 4'b1?z0: q = a ==? 4'b1x1z; 4'bx000: q = 0; endcase\n\
             case (a) 4'b10x0: q = 1; endcase end endmodule\n",
        );
        apply(&mut d, "make_two_state", run);
        let text = processes(&d);
        assert!(text.contains("casez s0\n      (const 4'b1zz0):\n"), "{text}");
        assert!(text.contains("(wildeq:b1u s0 (const 4'b1x1z))"), "{text}");
        assert!(text.contains("(const 4'bx000):"), "{text}");
        // A `case` label's X bit never matches a two-state subject.
        assert!(text.contains("case s0\n      (const 4'b10x0):"), "{text}");
    }

    #[test]
    fn divisions_stay_four_state_and_case_equality_keeps_x_bits() {
        let mut d = elaborate(
            "module t; reg [7:0] a, b, q;\n\
             initial begin q = a / b; $display(a % b, a === 8'bx1z0_0000); end endmodule\n",
        );
        apply(&mut d, "make_two_state", run);
        let text = processes(&d);
        // Division by zero gives X: computed in four-state, then converted.
        assert!(text.contains("assign s2 = (conv:b8u (div:8u (conv:8u s0) (conv:8u s1)))"), "{text}");
        assert!(text.contains("(conv:b8u (mod:8u (conv:8u s0) (conv:8u s1)))"), "{text}");
        // `===` keeps the X bit (never equal) and reads the Z bit as 0.
        assert!(text.contains("(caseeq:b1u s0 (const 8'bx1000000))"), "{text}");
    }

    #[test]
    fn a_tri_state_bus_resolves_in_four_state_and_reads_two_state() {
        let mut d = elaborate(
            "module t; reg e1, e2; reg [1:0] a, b; wire [1:0] bus;\n\
             assign bus = e1 ? a : 2'bz; assign bus = e2 ? b : 2'bz; endmodule\n",
        );
        apply(&mut d, "make_two_state", run);
        assert_eq!(
            signals(&d),
            "s0 bit[0:0] t.e1 var = 1'h0\n\
             s1 bit[0:0] t.e2 var = 1'h0\n\
             s2 bit[1:0] t.a var = 2'h0\n\
             s3 bit[1:0] t.b var = 2'h0\n\
             s4 bit[1:0] t.bus wire = 2'h0\n\
             s5 logic[1:0] t.bus$drv0 var = 2'bxx hidden\n\
             s6 logic[1:0] t.bus$drv1 var = 2'bxx hidden\n"
        );
        let text = processes(&d);
        assert!(text.contains("assign s5 = (cond:2u (conv:1u s0) (conv:2u s2) (const 2'bzz))"), "{text}");
        assert!(text.contains("assign s4 = (conv:b2u (resolve-wire:2u s5 s6))"), "{text}");
    }
}
