//! A readable, stable text dump of a [`Design`] for debugging and tests.
//!
//! Sections in arena order: the header, scopes (with paths), signals,
//! aliases, subroutines and processes with their statement trees.
//! Expressions print inline in prefix form with their type after a colon:
//! `(add:8u s3 (const 8'h01))`. Types are `8u`/`8s` (4-state), `b8u`/`b8s`
//! (2-state), `real`, `event`. A `Signal` expression prints as its handle
//! and a `Const` as `(const 8'h01)` when their type is the obvious one.
//!
//! The printer never panics: it is most useful on broken designs, so
//! out-of-range handles print as `e99?` and cycles as `<cycle e5>`.

use std::fmt::Write as _;

use crate::{
    Arena, CaseKind, Const, Design, DisableTarget, Edge, EntityName, ExprId, ExprKind, Id, JoinKind, NetKind, ProcKind,
    ResolveKind, ScopeId, ScopeKind, SignalKind, StmtId, StmtKind, Storage, SubrKind, Type, TypeKind,
};

/// The whole design as text; identical designs print identically.
pub fn print(design: &Design) -> String {
    let mut p = Printer::new(design);
    p.header();
    p.scopes();
    p.signals();
    p.subroutines();
    p.processes();
    p.out
}

/// Compact type tag used in expressions and messages: `8u`, `b32s`, `real`.
pub fn type_tag(ty: Type) -> String {
    match ty.kind {
        TypeKind::Real => "real".into(),
        TypeKind::Event => "event".into(),
        TypeKind::String => "string".into(),
        TypeKind::Container(i) => format!("container{i}"),
        TypeKind::Integral => {
            let state = if ty.four_state { "" } else { "b" };
            let sign = if ty.signed { "s" } else { "u" };
            format!("{state}{}{sign}", ty.width)
        }
    }
}

/// A constant as Verilog spells it: `8'hf`, `4'sb10xz` (hex when every bit
/// is known, binary otherwise).
pub fn const_text(c: &Const) -> String {
    let sign = if c.signed { "s" } else { "" };
    let bit = |plane: usize, i: u32| {
        let word = c.words.get(plane * Const::limbs(c.width) + (i / 64) as usize).copied();
        (word.unwrap_or(0) >> (i % 64)) & 1
    };
    let mut s = String::new();
    if c.is_known() {
        let digits = c.width.div_ceil(4).max(1);
        for d in (0..digits).rev() {
            let nibble = (0..4).filter(|k| d * 4 + k < c.width).map(|k| bit(0, d * 4 + k) << k).sum::<u64>();
            s.push(char::from_digit(nibble as u32, 16).unwrap_or('?'));
        }
        // Leading zero digits only add noise; the width is already printed.
        let digits = s.trim_start_matches('0');
        let digits = if digits.is_empty() { "0" } else { digits };
        return format!("{}'{sign}h{digits}", c.width);
    }
    for i in (0..c.width).rev() {
        s.push(match (bit(0, i), bit(1, i)) {
            (0, 0) => '0',
            (1, 0) => '1',
            (0, _) => 'z',
            _ => 'x',
        });
    }
    format!("{}'{sign}b{s}", c.width)
}

/// Lower-case name of an expression's variant (`add`, `elem`, `concat`).
pub fn expr_kind_name(kind: &ExprKind) -> String {
    match kind {
        ExprKind::Const(_) => "const".into(),
        ExprKind::RealConst(_) => "real".into(),
        ExprKind::Signal(_) => "signal".into(),
        ExprKind::ArrayElem { .. } => "elem".into(),
        ExprKind::Select { .. } => "sel".into(),
        ExprKind::Unary { op, .. } => format!("{op:?}").to_lowercase(),
        ExprKind::Binary { op, .. } => format!("{op:?}").to_lowercase(),
        ExprKind::Cond { .. } => "cond".into(),
        ExprKind::Concat(_) => "concat".into(),
        ExprKind::Replicate { .. } => "repl".into(),
        ExprKind::Convert { .. } => "conv".into(),
        ExprKind::Resolve { kind, .. } => format!("resolve-{}", resolve_name(*kind)),
        ExprKind::Call { .. } => "call".into(),
        ExprKind::SysFunc { name, .. } => name.clone(),
        ExprKind::ClassProp { .. } => "prop".into(),
        ExprKind::ClassNew { .. } => "new".into(),
    }
}

fn resolve_name(k: ResolveKind) -> &'static str {
    match k {
        ResolveKind::Wire => "wire",
        ResolveKind::Wand => "wand",
        ResolveKind::Wor => "wor",
        ResolveKind::Tri0 => "tri0",
        ResolveKind::Tri1 => "tri1",
    }
}

fn net_name(k: NetKind) -> &'static str {
    match k {
        NetKind::Wire => "wire",
        NetKind::Tri => "tri",
        NetKind::Wand => "wand",
        NetKind::Wor => "wor",
        NetKind::Tri0 => "tri0",
        NetKind::Tri1 => "tri1",
        NetKind::Supply0 => "supply0",
        NetKind::Supply1 => "supply1",
        NetKind::Uwire => "uwire",
    }
}

fn scope_kind_name(k: ScopeKind) -> &'static str {
    match k {
        ScopeKind::Instance => "instance",
        ScopeKind::GenBlock => "genblock",
        ScopeKind::NamedBlock => "block",
        ScopeKind::Subroutine => "subroutine",
        ScopeKind::Package => "package",
    }
}

fn proc_kind_name(k: ProcKind) -> &'static str {
    match k {
        ProcKind::Initial => "initial",
        ProcKind::Always => "always",
        ProcKind::ContAssign => "assign",
        ProcKind::Final => "final",
    }
}

/// The handle, marked with `?` when it names nothing.
fn handle<T: EntityName>(id: Id<T>, arena: &Arena<T>) -> String {
    if id.index() < arena.len() {
        id.to_string()
    } else {
        format!("{id}?")
    }
}

struct Printer<'d> {
    d: &'d Design,
    out: String,
    /// Entities being printed right now, to cut cycles.
    open_exprs: Vec<bool>,
    open_stmts: Vec<bool>,
}

impl<'d> Printer<'d> {
    fn new(d: &'d Design) -> Self {
        Printer {
            d,
            out: String::new(),
            open_exprs: vec![false; d.exprs.len()],
            open_stmts: vec![false; d.stmts.len()],
        }
    }

    fn line(&mut self, depth: usize, text: &str) {
        let _ = writeln!(self.out, "{:width$}{text}", "", width = depth * 2);
    }

    fn header(&mut self) {
        let tops: Vec<String> = self.d.tops.iter().map(|&t| handle(t, &self.d.scopes)).collect();
        let text = format!("design precision={} tops=[{}]", self.d.precision, tops.join(" "));
        self.line(0, &text);
    }

    /// Like [`Design::scope_path`], but safe on broken parents.
    fn scope_path(&self, scope: ScopeId) -> String {
        let mut parts = Vec::new();
        let mut cur = Some(scope);
        while let Some(s) = cur {
            if s.index() >= self.d.scopes.len() {
                parts.push(format!("{s}?"));
                break;
            }
            if parts.len() > self.d.scopes.len() {
                parts.push("<cycle>".into());
                break;
            }
            parts.push(self.d.scopes[s].name.clone());
            cur = self.d.scopes[s].parent;
        }
        parts.reverse();
        parts.join(".")
    }

    fn scopes(&mut self) {
        for (id, sc) in self.d.scopes.iter() {
            let mut text = format!("{id} {} {}", scope_kind_name(sc.kind), self.scope_path(id));
            if !sc.def_name.is_empty() {
                let _ = write!(text, " def={}", sc.def_name);
            }
            let _ = write!(text, " time={}/{}", sc.time_unit, sc.time_precision);
            self.line(0, &text);
        }
    }

    fn signals(&mut self) {
        for (id, sig) in self.d.signals.iter() {
            let ty = match sig.ty.kind {
                TypeKind::Real => "real".to_string(),
                TypeKind::Event => "event".to_string(),
                TypeKind::String => "string".to_string(),
                TypeKind::Container(i) => format!("container{i}"),
                TypeKind::Integral => {
                    let base = if sig.ty.four_state { "logic" } else { "bit" };
                    let sign = if sig.ty.signed { " signed" } else { "" };
                    let declared = sig.msb.abs_diff(sig.lsb) + 1;
                    let width = if declared == u64::from(sig.ty.width) {
                        String::new()
                    } else {
                        format!(" width={}", sig.ty.width)
                    };
                    format!("{base}[{}:{}]{sign}{width}", sig.msb, sig.lsb)
                }
            };
            let dims: String = sig.dims.iter().map(|dm| format!("[{}:{}]", dm.left, dm.right)).collect();
            let path = format!("{}.{}", self.scope_path(sig.scope), sig.name);
            let mut text = format!("{id} {ty} {path}{dims}");
            let kind = match sig.kind {
                SignalKind::Var => "var",
                SignalKind::Net(n) => net_name(n),
                SignalKind::Event => "event",
            };
            let _ = write!(text, " {kind}");
            if let Storage::Automatic(f) = sig.storage {
                let _ = write!(text, " automatic({})", handle(f, &self.d.subrs));
            }
            if let Some(init) = &sig.init {
                let _ = write!(text, " = {}", const_text(init));
            }
            if sig.hidden {
                text.push_str(" hidden");
            }
            self.line(0, &text);
        }
        for &(alias, target) in &self.d.aliases {
            let text = format!("alias {} -> {}", handle(alias, &self.d.signals), handle(target, &self.d.signals));
            self.line(0, &text);
        }
        for a in &self.d.element_aliases {
            let text = format!(
                "alias {} -> {}[{}]",
                handle(a.alias, &self.d.signals),
                handle(a.array, &self.d.signals),
                a.elem
            );
            self.line(0, &text);
        }
    }

    fn subroutines(&mut self) {
        for (id, f) in self.d.subrs.iter() {
            let kind = match f.kind {
                SubrKind::Function => "function",
                SubrKind::Task => "task",
            };
            let life = if f.automatic { " automatic" } else { "" };
            let scope = handle(f.scope, &self.d.scopes);
            self.line(0, &format!("{id} {kind}{life} {} {scope}", f.name));
            let formals: Vec<String> = f
                .formals
                .iter()
                .map(|x| format!("{:?} {}", x.dir, handle(x.sig, &self.d.signals)).to_lowercase())
                .collect();
            self.line(1, &format!("formals: {}", formals.join(", ")));
            if let Some(ret) = f.ret {
                self.line(1, &format!("ret: {}", handle(ret, &self.d.signals)));
            }
            let locals: Vec<String> = f.locals.iter().map(|&s| handle(s, &self.d.signals)).collect();
            self.line(1, &format!("locals: {}", locals.join(" ")));
            self.stmt(1, f.body);
        }
    }

    fn processes(&mut self) {
        for (id, p) in self.d.procs.iter() {
            let scope = handle(p.scope, &self.d.scopes);
            self.line(0, &format!("{id} {} {scope}", proc_kind_name(p.kind)));
            self.stmt(1, p.body);
        }
    }

    // ------------------------------------------------------------ statements

    fn stmt(&mut self, depth: usize, id: StmtId) {
        if id.index() >= self.d.stmts.len() {
            self.line(depth, &format!("{id}?"));
            return;
        }
        if self.open_stmts[id.index()] {
            self.line(depth, &format!("<cycle {id}>"));
            return;
        }
        self.open_stmts[id.index()] = true;
        self.stmt_body(depth, id);
        self.open_stmts[id.index()] = false;
    }

    fn stmt_body(&mut self, depth: usize, id: StmtId) {
        let d = self.d;
        let head = |text: String| format!("{id} {text}");
        match &d.stmts[id].kind {
            StmtKind::Nop => self.line(depth, &head("nop".into())),
            StmtKind::Block { stmts, name } => {
                let name = name.map(|s| format!(" {}", handle(s, &d.scopes))).unwrap_or_default();
                self.line(depth, &head(format!("block{name}")));
                for &s in stmts {
                    self.stmt(depth + 1, s);
                }
            }
            StmtKind::Fork { branches, join, name } => {
                let join = match join {
                    JoinKind::All => "join",
                    JoinKind::Any => "join_any",
                    JoinKind::None => "join_none",
                };
                let name = name.map(|s| format!(" {}", handle(s, &d.scopes))).unwrap_or_default();
                self.line(depth, &head(format!("fork {join}{name}")));
                for &s in branches {
                    self.stmt(depth + 1, s);
                }
            }
            StmtKind::Assign { lhs, rhs } => {
                let text = format!("assign {} = {}", self.expr(*lhs), self.expr(*rhs));
                self.line(depth, &head(text));
            }
            StmtKind::NonBlocking { lhs, rhs, delay } => {
                let delay = delay.map(|e| format!("#{} ", self.expr(e))).unwrap_or_default();
                let text = format!("nonblocking {} <= {delay}{}", self.expr(*lhs), self.expr(*rhs));
                self.line(depth, &head(text));
            }
            StmtKind::AssignAfter { lhs, rhs, delay } => {
                let (l, dl, r) = (self.expr(*lhs), self.expr(*delay), self.expr(*rhs));
                self.line(depth, &head(format!("assign-after {l} = #{dl} {r}")));
            }
            StmtKind::If { cond, then_stmt, else_stmt } => {
                let text = format!("if {}", self.expr(*cond));
                self.line(depth, &head(text));
                self.stmt(depth + 1, *then_stmt);
                if let Some(e) = else_stmt {
                    self.line(depth, "else");
                    self.stmt(depth + 1, *e);
                }
            }
            StmtKind::Case { kind, subject, arms, default } => {
                let kind = match kind {
                    CaseKind::Exact => "case",
                    CaseKind::Z => "casez",
                    CaseKind::X => "casex",
                };
                let text = format!("{kind} {}", self.expr(*subject));
                self.line(depth, &head(text));
                for arm in arms {
                    let labels: Vec<String> = arm.labels.iter().map(|&l| self.expr(l)).collect();
                    self.line(depth + 1, &format!("{}:", labels.join(", ")));
                    self.stmt(depth + 2, arm.body);
                }
                if let Some(s) = default {
                    self.line(depth + 1, "default:");
                    self.stmt(depth + 2, *s);
                }
            }
            StmtKind::Loop { cond, body, step } => {
                let text = match cond {
                    Some(c) => format!("while {}", self.expr(*c)),
                    None => "forever".into(),
                };
                self.line(depth, &head(text));
                self.stmt(depth + 1, *body);
                if let Some(s) = step {
                    self.line(depth, "step");
                    self.stmt(depth + 1, *s);
                }
            }
            StmtKind::DoWhile { body, cond } => {
                let text = format!("do-while {}", self.expr(*cond));
                self.line(depth, &head(text));
                self.stmt(depth + 1, *body);
            }
            StmtKind::Repeat { count, body } => {
                let text = format!("repeat {}", self.expr(*count));
                self.line(depth, &head(text));
                self.stmt(depth + 1, *body);
            }
            StmtKind::Delay { ticks } => {
                let text = format!("delay #{}", self.expr(*ticks));
                self.line(depth, &head(text));
            }
            StmtKind::WaitEvent { events } => {
                let evs: Vec<String> = events
                    .iter()
                    .map(|ev| {
                        let edge = match ev.edge {
                            Edge::Any => "",
                            Edge::Pos => "posedge ",
                            Edge::Neg => "negedge ",
                            Edge::Both => "edge ",
                        };
                        format!("{edge}{}", self.expr(ev.expr))
                    })
                    .collect();
                self.line(depth, &head(format!("wait-event @({})", evs.join(", "))));
            }
            StmtKind::WaitCond { cond } => {
                let text = format!("wait {}", self.expr(*cond));
                self.line(depth, &head(text));
            }
            StmtKind::Trigger { event } => self.line(depth, &head(format!("trigger {}", handle(*event, &d.signals)))),
            StmtKind::Disable(DisableTarget::Block(s)) => {
                self.line(depth, &head(format!("disable {}", handle(*s, &d.stmts))))
            }
            StmtKind::Disable(DisableTarget::Task(f)) => {
                self.line(depth, &head(format!("disable {}", handle(*f, &d.subrs))))
            }
            StmtKind::DisableFork => self.line(depth, &head("disable fork".into())),
            StmtKind::WaitFork => self.line(depth, &head("wait fork".into())),
            StmtKind::Call { subr, args } => {
                let args: Vec<String> = args.iter().map(|&a| self.expr(a)).collect();
                let text = format!("call {}({})", handle(*subr, &d.subrs), args.join(", "));
                self.line(depth, &head(text));
            }
            StmtKind::SysTask { name, args, scope } => {
                let args: Vec<String> =
                    args.iter().map(|a| a.map(|e| self.expr(e)).unwrap_or_else(|| "_".into())).collect();
                let text = format!("{name}@{}({})", handle(*scope, &d.scopes), args.join(", "));
                self.line(depth, &head(text));
            }
            StmtKind::Return => self.line(depth, &head("return".into())),
            StmtKind::Break => self.line(depth, &head("break".into())),
            StmtKind::Continue => self.line(depth, &head("continue".into())),
        }
    }

    // ------------------------------------------------------------ expressions

    fn expr(&mut self, id: ExprId) -> String {
        if id.index() >= self.d.exprs.len() {
            return format!("{id}?");
        }
        if self.open_exprs[id.index()] {
            return format!("<cycle {id}>");
        }
        self.open_exprs[id.index()] = true;
        let text = self.expr_text(id);
        self.open_exprs[id.index()] = false;
        text
    }

    fn exprs(&mut self, ids: &[ExprId]) -> String {
        ids.iter().map(|&e| format!(" {}", self.expr(e))).collect()
    }

    fn expr_text(&mut self, id: ExprId) -> String {
        let d = self.d;
        let e = &d.exprs[id];
        let tag = type_tag(e.ty);
        let name = expr_kind_name(&e.kind);
        match &e.kind {
            ExprKind::Const(c) if d.is_string_literal(id) => string_text(c),
            ExprKind::Const(c) if e.ty == Type::logic(c.width, c.signed) => {
                format!("(const {})", const_text(c))
            }
            ExprKind::Const(c) => format!("(const:{tag} {})", const_text(c)),
            ExprKind::RealConst(r) => format!("(real {r:?})"),
            ExprKind::Signal(s) => {
                let known = s.index() < d.signals.len();
                if known && d.signals[*s].ty == e.ty {
                    s.to_string()
                } else {
                    format!("({}:{tag})", handle(*s, &d.signals))
                }
            }
            ExprKind::ArrayElem { sig, indices } => {
                format!("(elem:{tag} {}{})", handle(*sig, &d.signals), self.exprs(indices))
            }
            ExprKind::Select { base, offset, width } => {
                let extra = if *width == e.ty.width { String::new() } else { format!(" width={width}") };
                format!("(sel:{tag}{}{extra})", self.exprs(&[*base, *offset]))
            }
            ExprKind::Unary { arg, .. } | ExprKind::Convert { arg } => {
                format!("({name}:{tag}{})", self.exprs(&[*arg]))
            }
            ExprKind::Binary { lhs, rhs, .. } => {
                format!("({name}:{tag}{})", self.exprs(&[*lhs, *rhs]))
            }
            ExprKind::Cond { cond, then_expr, else_expr } => {
                format!("({name}:{tag}{})", self.exprs(&[*cond, *then_expr, *else_expr]))
            }
            ExprKind::Concat(parts) => format!("({name}:{tag}{})", self.exprs(parts)),
            ExprKind::Replicate { count, arg } => {
                format!("({name}:{tag} {count}{})", self.exprs(&[*arg]))
            }
            ExprKind::Resolve { args, .. } => format!("({name}:{tag}{})", self.exprs(args)),
            ExprKind::Call { subr, args } => {
                format!("(call:{tag} {}{})", handle(*subr, &d.subrs), self.exprs(args))
            }
            ExprKind::SysFunc { args, scope, .. } => {
                format!("({name}:{tag} @{}{})", handle(*scope, &d.scopes), self.exprs(args))
            }
            ExprKind::ClassProp { handle, offset } => format!("(prop:{tag} +{offset}{})", self.exprs(&[*handle])),
            ExprKind::ClassNew { class_id, size, src } => {
                let src: Vec<ExprId> = src.iter().copied().collect();
                format!("(new:{tag} class={class_id} size={size}{})", self.exprs(&src))
            }
        }
    }
}

/// A string literal back in quotes, with non-printing bytes escaped.
fn string_text(c: &Const) -> String {
    let mut bytes = Vec::new();
    for i in (0..c.width / 8).rev() {
        let word = c.words.get((i / 8) as usize).copied().unwrap_or(0);
        bytes.push((word >> ((i % 8) * 8)) as u8);
    }
    let mut s = String::from("\"");
    for b in bytes {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\t' => s.push_str("\\t"),
            0x20..=0x7e => s.push(b as char),
            _ => {
                let _ = write!(s, "\\x{b:02x}");
            }
        }
    }
    s.push('"');
    s
}
