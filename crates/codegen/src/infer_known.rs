//! Known variables: four-state variables that can never hold an X or Z
//! bit, stored without their unknown plane (`fast::two_state_storage`).
//!
//! A testbench's `reg clk = 0;` toggled by `clk = ~clk`, or its
//! `reg resetn = 0;` later set to 1, is four-state by type, so every read
//! of it paid for the unknown plane: the clock's edge test decoded both
//! planes, and picorv32 tested `resetn` for X in most of its blocks.
//! Verilator drops the unknown plane everywhere; here only where nothing
//! can put an X or Z into the variable. A variable is known when
//! - it is a static, scalar (not an array), integral variable of at most
//!   64 bits, with a declaration initializer of known bits (no initializer
//!   is X), and not an array element's or an inout's other name;
//! - every write of it is a whole-variable assignment (`=`, `<=`, delayed or
//!   not) of an expression that is known when the known variables are:
//!   constants of known bits, known or two-state variables, operators that
//!   make known bits of known operands (not `/`, `%` or `**`, whose zero
//!   divisor gives X), `?:`, concatenations, constant in-range
//!   part-selects; no call, array element, net, or system function but
//!   `$signed` and `$unsigned`. Any other write (a part-select, a task's
//!   output, `$readmemh`, `$sscanf`, `force` lowered to a net) leaves it
//!   four-state.
//!
//! The largest such set is a fixed point: a variable stays known while all
//! its values are, so a ring of known variables (`a <= b; b <= a;`) stays
//! known. The IR keeps every type as declared (`$typename`, `%p`), and the
//! stored value is the same: its unknown plane would always be 0.
//!
//! Nothing outside the design writes signals (waves and `$monitor` only
//! read them); host writes, a VPI `vpi_put_value` for one, would have to
//! make their targets unknown here.

use crate::analysis::{output_args, written_signals};
use std::collections::HashMap;
use wsim_ir::{BinOp, Design, ExprId, ExprKind, SignalId, SignalKind, StmtKind, Storage, TypeKind};

/// By SignalId: a four-state variable that never holds X or Z (see the
/// module doc).
pub fn known_variables(d: &Design) -> Vec<bool> {
    // (an array element's other name names an array: never a candidate)
    let mut known: Vec<bool> = d.signals.iter().map(|(id, _)| candidate(d, id)).collect();
    for n in &d.name_aliases {
        known[n.target.index()] = false;
    }
    let values = whole_values(d, &mut known);
    loop {
        let mut changed = false;
        for (s, exprs) in &values {
            if known[s.index()] && !exprs.iter().all(|&e| known_expr(d, &known, e)) {
                known[s.index()] = false;
                changed = true;
            }
        }
        if !changed {
            return known;
        }
    }
}

/// A variable that could be known: see the module doc.
fn candidate(d: &Design, id: SignalId) -> bool {
    let s = &d.signals[id];
    s.kind == SignalKind::Var
        && s.storage == Storage::Static
        && s.dims.is_empty()
        && s.ty.kind == TypeKind::Integral
        && s.ty.four_state
        && s.ty.width <= 64
        && s.init.as_ref().is_some_and(|c| c.is_known())
}

/// The values the whole-variable assignments of the design store in each
/// variable; a variable written any other way is marked not known. (Every
/// statement and expression of the design is looked at, live or not.)
fn whole_values(d: &Design, known: &mut [bool]) -> HashMap<SignalId, Vec<ExprId>> {
    let mut values: HashMap<SignalId, Vec<ExprId>> = HashMap::new();
    let mut other = vec![];
    for (_, st) in d.stmts.iter() {
        match &st.kind {
            StmtKind::Assign { lhs, rhs } | StmtKind::NonBlocking { lhs, rhs, .. } => match d.exprs[*lhs].kind {
                ExprKind::Signal(s) => values.entry(s).or_default().push(*rhs),
                _ => other.push(*lhs),
            },
            StmtKind::AssignAfter { lhs, .. } => other.push(*lhs),
            StmtKind::Call { subr, args } => other.extend(output_args(d, *subr, args)),
            StmtKind::SysTask { name, args, .. } if !wsim_ir::sys_task_reads_only(name) => {
                other.extend(args.iter().flatten().copied());
            }
            _ => {}
        }
    }
    for (_, e) in d.exprs.iter() {
        match &e.kind {
            ExprKind::Call { subr, args } => other.extend(output_args(d, *subr, args)),
            ExprKind::SysFunc { name, args, .. } => {
                other.extend(
                    args.iter().enumerate().filter(|(i, _)| wsim_ir::sys_func_writes(name, *i)).map(|(_, &a)| a),
                );
            }
            _ => {}
        }
    }
    for lhs in other {
        let mut ws = vec![];
        written_signals(d, lhs, &mut ws);
        for s in ws {
            known[s.index()] = false;
        }
    }
    values
}

/// True if `e` has only known bits whenever the `known` variables do.
fn known_expr(d: &Design, known: &[bool], e: ExprId) -> bool {
    let all = |es: &[ExprId]| es.iter().all(|&x| known_expr(d, known, x));
    match &d.exprs[e].kind {
        ExprKind::Const(c) => c.is_known(),
        ExprKind::Signal(s) => {
            let sig = &d.signals[*s];
            known[s.index()] || (sig.kind == SignalKind::Var && sig.ty.kind == TypeKind::Integral && !sig.ty.four_state)
        }
        ExprKind::Unary { arg, .. } => known_expr(d, known, *arg),
        ExprKind::Binary { op, lhs, rhs } => !matches!(op, BinOp::Div | BinOp::Mod | BinOp::Pow) && all(&[*lhs, *rhs]),
        ExprKind::Cond { cond, then_expr, else_expr } => all(&[*cond, *then_expr, *else_expr]),
        ExprKind::Concat(parts) => all(parts),
        ExprKind::Replicate { arg, .. } => known_expr(d, known, *arg),
        ExprKind::Select { base, offset, width } => {
            let end = constant_offset(d, *offset).and_then(|o| o.checked_add(u64::from(*width)));
            end.is_some_and(|end| end <= u64::from(d.exprs[*base].ty.width)) && known_expr(d, known, *base)
        }
        ExprKind::Convert { arg } => {
            d.exprs[*arg].ty.kind == TypeKind::Integral
                && d.exprs[e].ty.kind == TypeKind::Integral
                && known_expr(d, known, *arg)
        }
        ExprKind::SysFunc { name, args, .. } if matches!(name.as_str(), "$signed" | "$unsigned") => all(args),
        _ => false,
    }
}

/// The value of a select's offset when it is a known, non-negative
/// constant of at most 64 bits.
fn constant_offset(d: &Design, offset: ExprId) -> Option<u64> {
    let ExprKind::Const(c) = &d.exprs[offset].kind else { return None };
    let ty = d.exprs[offset].ty;
    let v = c.to_u64().filter(|_| ty.width <= 64)?;
    let negative = ty.signed && ty.width > 0 && (v >> (ty.width - 1)) & 1 == 1;
    (!negative).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::known_variables;
    use crate::schedule::tests::elaborate;

    /// The known variables of `src`, by name.
    fn known(src: &str) -> Vec<String> {
        let d = elaborate(src);
        let k = known_variables(&d);
        d.signals.iter().filter(|(s, _)| k[s.index()]).map(|(_, s)| s.name.clone()).collect()
    }

    #[test]
    fn a_clock_and_a_reset_with_known_starts_are_known() {
        let src = "module t; reg clk = 0, rst = 1; reg [7:0] n = 0; integer i;
            always #5 clk = ~clk;
            always @(posedge clk) begin rst <= 0; n <= rst ? 8'd0 : {n[6:0], n[7] ^ n[3]}; end
            endmodule\n";
        assert_eq!(known(src), ["clk", "rst", "n"]);
    }

    #[test]
    fn what_may_put_an_x_or_z_in_leaves_a_variable_four_state() {
        let four_state = |decl: &str, body: &str| {
            let src = format!("module t; reg clk = 0; reg [7:0] a = 1, k = 3; {decl}\n always @(posedge clk) begin {body} end endmodule\n");
            !known(&src).contains(&"a".to_string())
        };
        assert!(!four_state("", "a <= a + k;"));
        assert!(!four_state("bit [7:0] b;", "a <= b ^ k;"), "a two-state operand");
        assert!(four_state("reg [7:0] u;", "a <= u;"), "a variable with no initializer starts X");
        assert!(four_state("", "a <= a / k;"), "a zero divisor gives X");
        assert!(four_state("", "a <= 8'bx;"));
        assert!(four_state("", "a[3:0] <= 4'd1;"), "a part-select write");
        assert!(four_state("wire [7:0] w = k;", "a <= w;"), "a net is X until driven");
        assert!(four_state("reg [7:0] m [0:3];", "a <= m[k[1:0]];"), "an array element");
        assert!(four_state("", "a <= a[k[2:0] +: 2];"), "a select that may fall outside");
        assert!(four_state("", "a <= {a[6:0], k[8]};"), "a select outside: X");
        assert!(four_state("integer f;", "f = $fopen(\"x\"); $fscanf(f, \"%d\", a);"), "a system function's output");
        assert!(four_state("", "$sformat(a, \"%d\", k);"), "a system task's output");
        assert!(four_state("reg [7:0] u;", "a <= k; u <= a; a <= u;"), "a ring with an unknown start");
    }

    #[test]
    fn a_ring_of_known_variables_stays_known() {
        let src = "module t; reg clk = 0; reg [3:0] a = 1, b = 2;
            always #5 clk = ~clk;
            always @(posedge clk) begin a <= b; b <= a; end endmodule\n";
        assert_eq!(known(src), ["clk", "a", "b"]);
    }
}
