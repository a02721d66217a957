//! Checks that a design satisfies the typing contract of the IR doc
//! (`wsim_ir` crate doc, "Expression typing"): every consumer relies on it,
//! so tests run it on everything elaboration produces.

use wsim_ir::{BinOp, Design, ExprId, ExprKind, StmtKind, TypeKind, UnOp};

/// Every violation found, as `e12 (add): why` lines.
pub fn check(d: &Design) -> Vec<String> {
    let mut out = Vec::new();
    for (id, _) in d.exprs.iter() {
        if let Err(msg) = check_expr(d, id) {
            out.push(format!("{id} {}: {msg}", crate::dump::expr(d, id)));
        }
    }
    for (id, s) in d.stmts.iter() {
        match &s.kind {
            StmtKind::Assign { lhs, rhs }
            | StmtKind::NonBlocking { lhs, rhs, .. }
            | StmtKind::AssignAfter { lhs, rhs, .. }
                if d.exprs[*lhs].ty != d.exprs[*rhs].ty =>
            {
                out.push(format!("{id}: assignment rhs type differs from lhs"));
            }
            StmtKind::Case { subject, arms, .. } => {
                let w = d.exprs[*subject].ty.width;
                if arms.iter().flat_map(|a| &a.labels).any(|&l| d.exprs[l].ty.width != w) {
                    out.push(format!("{id}: case label width differs from the subject"));
                }
            }
            _ => {}
        }
        let delay = match &s.kind {
            StmtKind::Delay { ticks } => Some(*ticks),
            StmtKind::NonBlocking { delay, .. } => *delay,
            StmtKind::AssignAfter { delay, .. } => Some(*delay),
            _ => None,
        };
        if let Some(t) = delay {
            let ty = d.exprs[t].ty;
            if ty.kind != TypeKind::Integral || ty.width != 64 || ty.signed {
                out.push(format!("{id}: delay is not unsigned 64-bit"));
            }
        }
    }
    out
}

fn check_expr(d: &Design, id: ExprId) -> Result<(), String> {
    let e = &d.exprs[id];
    let t = e.ty;
    let ty = |x: ExprId| d.exprs[x].ty;
    match &e.kind {
        ExprKind::Const(c) if c.width != t.width => {
            return Err("constant width differs from its type".into());
        }
        ExprKind::Unary { op, arg } => match op {
            UnOp::Neg | UnOp::BitNot => {
                if ty(*arg).width != t.width || (ty(*arg).signed != t.signed && !t.is_real()) {
                    return Err("operand type differs from the result".into());
                }
            }
            _ => {
                if t.width != 1 || t.signed {
                    return Err("logical/reduction result is not 1-bit unsigned".into());
                }
            }
        },
        ExprKind::Binary { op, lhs, rhs } => {
            let (l, r) = (ty(*lhs), ty(*rhs));
            match op {
                BinOp::Add
                | BinOp::Sub
                | BinOp::Mul
                | BinOp::Div
                | BinOp::Mod
                | BinOp::BitAnd
                | BinOp::BitOr
                | BinOp::BitXor
                | BinOp::BitXnor => {
                    if l.kind != t.kind || r.kind != t.kind || l.width != t.width || r.width != t.width {
                        return Err("operands do not have the result width".into());
                    }
                    if !t.is_real() && (l.signed != t.signed || r.signed != t.signed) {
                        return Err("operand signedness differs from the result".into());
                    }
                }
                BinOp::Pow | BinOp::Shl | BinOp::Shr | BinOp::AShr => {
                    if l.width != t.width || l.kind != t.kind {
                        return Err("lhs does not have the result width".into());
                    }
                    if *op == BinOp::AShr && !t.signed {
                        return Err("AShr on an unsigned type".into());
                    }
                }
                BinOp::LogAnd | BinOp::LogOr => {
                    if t.width != 1 {
                        return Err("logical result is not 1 bit".into());
                    }
                }
                _ => {
                    if l.width != r.width || l.kind != r.kind || (!l.is_real() && l.signed != r.signed) {
                        return Err("comparison operands differ in width or signedness".into());
                    }
                    if t.width != 1 || t.signed || t.kind != TypeKind::Integral {
                        return Err("comparison result is not 1-bit unsigned".into());
                    }
                }
            }
        }
        ExprKind::Cond { then_expr, else_expr, .. } if ty(*then_expr) != t || ty(*else_expr) != t => {
            return Err("branches do not have the result type".into());
        }
        // A string concatenation or replication joins texts (string operands).
        ExprKind::Concat(parts) if t.is_string() && parts.iter().any(|&p| !ty(p).is_string()) => {
            return Err("string concatenation of a non-string operand".into());
        }
        ExprKind::Concat(_) if t.is_string() => {}
        ExprKind::Replicate { arg, .. } if t.is_string() && !ty(*arg).is_string() => {
            return Err("string replication of a non-string operand".into());
        }
        ExprKind::Replicate { .. } if t.is_string() => {}
        ExprKind::Concat(parts) => {
            let w: u32 = parts.iter().map(|&p| ty(p).width).sum();
            if w != t.width || parts.iter().any(|&p| ty(p).kind != TypeKind::Integral) {
                return Err("concatenation width is not the sum of its parts".into());
            }
        }
        ExprKind::Replicate { count, arg } if ty(*arg).width * count != t.width => {
            return Err("replication width is wrong".into());
        }
        ExprKind::Select { width, .. } if *width != t.width => {
            return Err("select width differs from its type".into());
        }
        ExprKind::Resolve { args, .. } if args.iter().any(|&a| ty(a) != t) => {
            return Err("resolve arguments differ from the net type".into());
        }
        ExprKind::Signal(s) if d.signals[*s].ty != t => {
            return Err("signal expression type differs from the signal".into());
        }
        ExprKind::ArrayElem { sig, indices }
            if d.signals[*sig].ty != t || indices.len() != d.signals[*sig].dims.len() =>
        {
            return Err("array element type or index count is wrong".into());
        }
        _ => {}
    }
    Ok(())
}
