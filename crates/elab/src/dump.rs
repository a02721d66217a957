//! A readable text dump of a [`Design`] for tests and `--dump-ir`: scopes,
//! signals, subroutines and processes with their statement trees.

use std::fmt::Write as _;

use wsim_ir::{Design, ExprId, ExprKind, StmtId, StmtKind, TypeKind};

fn ty_text(t: wsim_ir::Type) -> String {
    match t.kind {
        TypeKind::Real => "real".into(),
        TypeKind::Event => "event".into(),
        TypeKind::String => "string".into(),
        TypeKind::Container(i) => format!("container{i}"),
        TypeKind::Integral => {
            format!("{}{}{}", if t.four_state { "l" } else { "b" }, t.width, if t.signed { "s" } else { "" })
        }
    }
}

fn const_text(c: &wsim_ir::Const) -> String {
    if c.is_known() && c.width <= 64 {
        return format!("{}'{}", c.width, c.words[0]);
    }
    let mut s = format!("{}'b", c.width);
    let n = wsim_ir::Const::limbs(c.width);
    for i in (0..c.width as usize).rev() {
        let a = (c.words[i / 64] >> (i % 64)) & 1;
        let b = (c.words[n + i / 64] >> (i % 64)) & 1;
        s.push(match (a, b) {
            (0, 0) => '0',
            (1, 0) => '1',
            (0, _) => 'z',
            _ => 'x',
        });
    }
    s
}

/// One expression in prefix form with its type: `(add:l8 a:l8 b:l8)`.
pub fn expr(d: &Design, e: ExprId) -> String {
    let x = &d.exprs[e];
    let t = ty_text(x.ty);
    let sub = |v: &[ExprId]| v.iter().map(|&c| expr(d, c)).collect::<Vec<_>>().join(" ");
    match &x.kind {
        ExprKind::Const(c) => format!("{}:{t}", const_text(c)),
        ExprKind::RealConst(r) => format!("{r}:real"),
        ExprKind::Signal(s) => format!("{}:{t}", d.signals[*s].name),
        ExprKind::ArrayElem { sig, indices } => {
            format!("({}[{}]:{t})", d.signals[*sig].name, sub(indices))
        }
        ExprKind::Select { base, offset, width } => format!("(sel{width}:{t} {} {})", expr(d, *base), expr(d, *offset)),
        ExprKind::Unary { op, arg } => format!("({op:?}:{t} {})", expr(d, *arg)).to_lowercase(),
        ExprKind::Binary { op, lhs, rhs } => {
            format!("({}:{t} {} {})", format!("{op:?}").to_lowercase(), expr(d, *lhs), expr(d, *rhs))
        }
        ExprKind::Cond { cond, then_expr, else_expr } => {
            format!("(?:{t} {} {} {})", expr(d, *cond), expr(d, *then_expr), expr(d, *else_expr))
        }
        ExprKind::Concat(v) => format!("({{}}:{t} {})", sub(v)),
        ExprKind::Replicate { count, arg } => format!("(rep{count}:{t} {})", expr(d, *arg)),
        ExprKind::Convert { arg } => format!("(cvt:{t} {})", expr(d, *arg)),
        ExprKind::Resolve { kind, args } => format!("(resolve-{kind:?}:{t} {})", sub(args)).to_lowercase(),
        ExprKind::Call { subr, args } => {
            format!("(call {}:{t} {})", d.subrs[*subr].name, sub(args))
        }
        ExprKind::SysFunc { name, args, .. } => format!("({name}:{t} {})", sub(args)),
        ExprKind::ClassProp { handle, offset } => format!("(prop+{offset}:{t} {})", expr(d, *handle)),
        ExprKind::ClassNew { class_id, size, src } => {
            let src: Vec<ExprId> = src.iter().copied().collect();
            format!("(new{class_id}/{size}:{t} {})", sub(&src))
        }
    }
}

fn stmt(d: &Design, s: StmtId, depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    match &d.stmts[s].kind {
        StmtKind::Block { stmts, name } => {
            let n = name.map(|n| format!(" {}", d.scopes[n].name)).unwrap_or_default();
            let _ = writeln!(out, "{pad}begin{n}");
            for &x in stmts {
                stmt(d, x, depth + 1, out);
            }
            let _ = writeln!(out, "{pad}end");
        }
        StmtKind::Fork { branches, join, .. } => {
            let _ = writeln!(out, "{pad}fork");
            for &x in branches {
                stmt(d, x, depth + 1, out);
            }
            let _ = writeln!(out, "{pad}join {join:?}");
        }
        StmtKind::Assign { lhs, rhs } => {
            let _ = writeln!(out, "{pad}{} = {}", expr(d, *lhs), expr(d, *rhs));
        }
        StmtKind::NonBlocking { lhs, rhs, delay } => {
            let dl = delay.map(|x| format!("#{} ", expr(d, x))).unwrap_or_default();
            let _ = writeln!(out, "{pad}{} <= {dl}{}", expr(d, *lhs), expr(d, *rhs));
        }
        StmtKind::AssignAfter { lhs, rhs, delay } => {
            let _ = writeln!(out, "{pad}{} = #{} {}", expr(d, *lhs), expr(d, *delay), expr(d, *rhs));
        }
        StmtKind::If { cond, then_stmt, else_stmt } => {
            let _ = writeln!(out, "{pad}if {}", expr(d, *cond));
            stmt(d, *then_stmt, depth + 1, out);
            if let Some(e) = else_stmt {
                let _ = writeln!(out, "{pad}else");
                stmt(d, *e, depth + 1, out);
            }
        }
        StmtKind::Case { kind, subject, arms, default } => {
            let _ = writeln!(out, "{pad}case{kind:?} {}", expr(d, *subject));
            for a in arms {
                let labels: Vec<_> = a.labels.iter().map(|&l| expr(d, l)).collect();
                let _ = writeln!(out, "{pad}  {}:", labels.join(", "));
                stmt(d, a.body, depth + 2, out);
            }
            if let Some(x) = default {
                let _ = writeln!(out, "{pad}  default:");
                stmt(d, *x, depth + 2, out);
            }
        }
        StmtKind::Loop { cond, body, step } => {
            let c = cond.map(|c| expr(d, c)).unwrap_or_else(|| "forever".into());
            let _ = writeln!(out, "{pad}loop {c}");
            stmt(d, *body, depth + 1, out);
            if let Some(st) = step {
                let _ = writeln!(out, "{pad}step");
                stmt(d, *st, depth + 1, out);
            }
        }
        StmtKind::DoWhile { body, cond } => {
            let _ = writeln!(out, "{pad}do");
            stmt(d, *body, depth + 1, out);
            let _ = writeln!(out, "{pad}while {}", expr(d, *cond));
        }
        StmtKind::Repeat { count, body } => {
            let _ = writeln!(out, "{pad}repeat {}", expr(d, *count));
            stmt(d, *body, depth + 1, out);
        }
        StmtKind::Delay { ticks } => {
            let _ = writeln!(out, "{pad}#{}", expr(d, *ticks));
        }
        StmtKind::WaitEvent { events } => {
            let ev: Vec<_> =
                events.iter().map(|e| format!("{:?} {}", e.edge, expr(d, e.expr)).to_lowercase()).collect();
            let _ = writeln!(out, "{pad}@({})", ev.join(", "));
        }
        StmtKind::WaitCond { cond } => {
            let _ = writeln!(out, "{pad}wait {}", expr(d, *cond));
        }
        StmtKind::Trigger { event } => {
            let _ = writeln!(out, "{pad}-> {}", d.signals[*event].name);
        }
        StmtKind::Call { subr, args } => {
            let a: Vec<_> = args.iter().map(|&x| expr(d, x)).collect();
            let _ = writeln!(out, "{pad}call {}({})", d.subrs[*subr].name, a.join(", "));
        }
        StmtKind::SysTask { name, args, .. } => {
            let a: Vec<_> = args.iter().map(|x| x.map(|x| expr(d, x)).unwrap_or_default()).collect();
            let _ = writeln!(out, "{pad}{name}({})", a.join(", "));
        }
        k => {
            let _ = writeln!(out, "{pad}{k:?}");
        }
    }
}

/// The whole design as text.
pub fn dump(d: &Design) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "precision {}", d.precision);
    for (id, s) in d.scopes.iter() {
        let _ = writeln!(
            out,
            "scope {id} {} {:?} {} unit={} prec={}",
            d.scope_path(id),
            s.kind,
            s.def_name,
            s.time_unit,
            s.time_precision
        );
    }
    for (id, s) in d.signals.iter() {
        let dims: String = s.dims.iter().map(|x| format!("[{}:{}]", x.left, x.right)).collect();
        let init = s.init.as_ref().map(|c| format!(" = {}", const_text(c))).unwrap_or_default();
        let hidden = if s.hidden { " hidden" } else { "" };
        let _ = writeln!(
            out,
            "signal {id} {} {}{dims} {:?} [{}:{}]{init}{hidden}",
            d.signal_path(id),
            ty_text(s.ty),
            s.kind,
            s.msb,
            s.lsb
        );
    }
    for (id, f) in d.subrs.iter() {
        let _ = writeln!(out, "subr {id} {} {:?} automatic={}", d.scope_path(f.scope), f.kind, f.automatic);
        stmt(d, f.body, 1, &mut out);
    }
    for (id, p) in d.procs.iter() {
        let _ = writeln!(out, "proc {id} {:?} {}", p.kind, d.scope_path(p.scope));
        stmt(d, p.body, 1, &mut out);
    }
    out
}
