//! Statements and processes to IR: every `ast::StmtKind`, continuous
//! assignments, gates, port connections, timing controls (delays in ticks of
//! the design precision) and the implicit sensitivity of `@*` /
//! `always_comb`.

use std::collections::HashSet;
use std::sync::LazyLock;

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{
    BinOp, CaseArm, CaseKind, Const, DisableTarget, Edge, Event, ExprId, ExprKind, JoinKind, ProcKind, Process,
    ScopeId, ScopeKind, SignalId, SignalKind, StmtId, StmtKind, Type, TypeKind, UnOp,
};
use wsim_syntax::ast::{self, ExprKind as A, StmtKind as S};

use crate::ctx::{DrivenBits, Driver, Elab, LexId, Outer, PortInner, PortWork, Sym, Value};
use crate::expr::bit1;
use crate::types::DataTy;

mod transition_delay;
mod udp;

/// The literal `1` for `++`/`--`.
pub(crate) static ONE: LazyLock<ast::Expr> = LazyLock::new(|| ast::Expr {
    kind: A::Number(ast::NumberLit { size: None, signed: false, base: None, digits: "1".into() }),
    span: Span::default(),
});

impl<'a> Elab<'a> {
    pub fn stmt(&mut self, kind: StmtKind, span: Span) -> StmtId {
        self.d.add_stmt(kind, span)
    }
    fn block(&mut self, stmts: Vec<StmtId>, span: Span) -> StmtId {
        if stmts.len() == 1 {
            return stmts[0];
        }
        self.stmt(StmtKind::Block { stmts, name: None }, span)
    }

    // ------------------------------------------------------------ processes

    pub fn lower_process(&mut self, lex: LexId, p: &'a ast::ProcessDecl) {
        let scope = self.scope_of(lex);
        let body = self.lower_stmt(lex, &p.body);
        let (kind, body) = match p.kind {
            ast::ProcessKind::Initial => (ProcKind::Initial, body),
            ast::ProcessKind::Final => (ProcKind::Final, body),
            ast::ProcessKind::Always | ast::ProcessKind::AlwaysFf => (ProcKind::Always, body),
            ast::ProcessKind::AlwaysComb | ast::ProcessKind::AlwaysLatch => {
                let written = self.written_signals(body);
                let sens = self.sensitivity(body, &written, p.span);
                let wait = self.stmt(StmtKind::WaitEvent { events: sens }, p.span);
                (ProcKind::Always, self.stmt(StmtKind::Block { stmts: vec![body, wait], name: None }, p.span))
            }
        };
        let proc = self.d.procs.push(Process { kind, body, scope, span: p.span });
        let keyword_name = match p.kind {
            ast::ProcessKind::Always => Some("always"),
            ast::ProcessKind::AlwaysFf => Some("always_ff"),
            _ => None,
        };
        if let Some(keyword_name) = keyword_name {
            let keyword = Span::new(p.span.file, p.span.start, p.span.start + keyword_name.len() as u32);
            self.untimed_candidates.push(crate::untimed_always::UntimedCandidate { proc, keyword, keyword_name });
        }
    }

    /// A continuous process `[assign, @(inputs)]`, recording the nets it drives.
    pub fn cont_process(
        &mut self,
        lex: LexId,
        lhs: ExprId,
        rhs: ExprId,
        delay: Option<ExprId>,
        span: Span,
    ) -> wsim_ir::ProcId {
        let delay = delay.or_else(|| self.net_delay_of(lhs, rhs));
        self.record_drivers(lhs, span);
        self.note_driven_bits(lhs);
        let assign = match delay {
            Some(d) => self.stmt(StmtKind::AssignAfter { lhs, rhs, delay: d }, span),
            None => self.stmt(StmtKind::Assign { lhs, rhs }, span),
        };
        let sens = self.sensitivity(assign, &HashSet::new(), span);
        let wait = self.stmt(StmtKind::WaitEvent { events: sens }, span);
        let body = self.stmt(StmtKind::Block { stmts: vec![assign, wait], name: None }, span);
        let scope = self.scope_of(lex);
        let proc = self.d.procs.push(Process { kind: ProcKind::ContAssign, body, scope, span });
        self.strength_note_proc(proc, lhs);
        proc
    }

    pub fn lower_cont_assign(&mut self, lex: LexId, item: &'a ast::ContAssign) {
        for (l, r) in &item.assigns {
            if let Some(arr) = self.whole_array(lex, l) {
                let span = l.span.to(r.span);
                match self.whole_array(lex, r) {
                    Some(src) => self.connect_arrays(lex, arr, src, span),
                    None => {
                        for (el, er) in self.array_assign_pairs(lex, arr, r, span) {
                            self.cont_process(lex, el, er, None, span);
                        }
                    }
                }
                continue;
            }
            let Some((lhs, ldt)) = self.emit_lvalue(lex, l) else {
                continue;
            };
            self.check_net_lvalue_constant(lhs);
            self.note_continuous_var_write(lhs, l.span);
            let rhs = self.emit_rvalue_dt(lex, r, &ldt);
            let delay = item.delay.as_ref().map(|d| self.transition_delay(lex, d, rhs));
            self.cont_process(lex, lhs, rhs, delay, l.span.to(r.span));
            self.strength_note_levels(lhs, item.strength);
        }
    }

    /// The declared delay of the net an lvalue writes (`wire #5 w;`).
    fn net_delay_of(&mut self, lhs: ExprId, rhs: ExprId) -> Option<ExprId> {
        let root = match &self.d.exprs[lhs].kind {
            ExprKind::Signal(s) => *s,
            ExprKind::Select { base, .. } => match &self.d.exprs[*base].kind {
                ExprKind::Signal(s) => *s,
                _ => return None,
            },
            _ => return None,
        };
        let (lex, d) = *self.net_delays.get(&root)?;
        Some(self.transition_delay(lex, d, rhs))
    }

    /// Remember which nets a continuous process drives (for resolution).
    fn record_drivers(&mut self, lhs: ExprId, span: Span) {
        self.record_drivers_of(lhs, span, DrivenBits::All);
    }

    /// [`Self::record_drivers`] for `lhs`, of which the driver writes `bits`.
    fn record_drivers_of(&mut self, lhs: ExprId, span: Span, bits: DrivenBits) {
        match self.d.exprs[lhs].kind.clone() {
            ExprKind::Signal(s) if self.is_net(s).is_some() => {
                self.drivers.entry(s).or_default().push(Driver { lhs_node: lhs, span, bits });
            }
            ExprKind::Select { base, offset, width } => {
                let bits = match (bits, self.const_u64(offset)) {
                    (DrivenBits::All, Some(lo)) => DrivenBits::Range(lo, lo + u64::from(width)),
                    _ => DrivenBits::Variable,
                };
                self.record_drivers_of(base, span, bits)
            }
            ExprKind::Concat(parts) => {
                for p in parts {
                    self.record_drivers_of(p, span, DrivenBits::All);
                }
            }
            // Elements of a net array start at z like every net (1800-2017
            // 6.6): undriven elements and bits stay z. An element's drivers
            // are resolved like a whole net's (`resolve_drivers`); indices
            // are constant here (a variable one is E0306).
            ExprKind::ArrayElem { sig, indices } if self.is_net(sig).is_some() => {
                let s = &mut self.d.signals[sig];
                if s.init.is_none() && s.ty.four_state {
                    s.init = Some(Const::all_z(s.ty.width, s.ty.signed));
                }
                if let Some(key) = self.const_indices(&indices) {
                    self.element_drivers.entry((sig, key)).or_default().push(Driver { lhs_node: lhs, span, bits });
                }
            }
            _ => {}
        }
    }

    /// Remember which bits of a net a continuous driver writes, so the
    /// bits no driver writes can start at z ([`Self::resolve_drivers`]).
    fn note_driven_bits(&mut self, lhs: ExprId) {
        match self.d.exprs[lhs].kind.clone() {
            ExprKind::Signal(s) if self.is_net(s).is_some() => {
                self.driven_bits.insert(s, None);
            }
            ExprKind::Select { base, offset, width } => {
                let ExprKind::Signal(s) = self.d.exprs[base].kind else { return };
                if self.is_net(s).is_none() {
                    return;
                }
                let known = match &self.d.exprs[offset].kind {
                    ExprKind::Const(c) => c.to_u64(),
                    _ => None,
                };
                match (known, self.driven_bits.entry(s).or_insert_with(|| Some(Vec::new()))) {
                    (Some(off), Some(ranges)) => ranges.push((off, u64::from(width))),
                    (None, entry) => *entry = None,
                    (Some(_), None) => {}
                }
            }
            ExprKind::Concat(parts) => {
                for p in parts {
                    self.note_driven_bits(p);
                }
            }
            _ => {}
        }
    }

    /// Procedural assignments may not target nets (E0306).
    fn check_procedural_target(&mut self, lhs: ExprId, span: Span) {
        match self.d.exprs[lhs].kind.clone() {
            ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } if self.is_net(s).is_some() => {
                let name = self.d.signals[s].name.clone();
                self.error(
                    code::BAD_ASSIGN_TARGET,
                    span,
                    format!("procedural assignment to net `{name}` (declare it as a variable)"),
                );
            }
            ExprKind::Select { base, .. } => self.check_procedural_target(base, span),
            ExprKind::Concat(parts) => {
                for p in parts {
                    self.check_procedural_target(p, span);
                }
            }
            _ => {}
        }
    }

    // ------------------------------------------------------------ sensitivity

    /// `@*` / `always_comb` events: every signal read (arrays as a whole),
    /// including reads inside called functions, minus `exclude`.
    fn sensitivity(&mut self, body: StmtId, exclude: &HashSet<SignalId>, span: Span) -> Vec<Event> {
        let mut reads = Vec::new();
        let mut seen_subrs = HashSet::new();
        self.stmt_reads(body, &mut reads, &mut seen_subrs);
        let mut seen = HashSet::new();
        let mut events = Vec::new();
        for s in reads {
            if exclude.contains(&s) || !seen.insert(s) {
                continue;
            }
            if matches!(self.d.signals[s].storage, wsim_ir::Storage::Automatic(_)) {
                continue;
            }
            if self.d.signals[s].kind == SignalKind::Event {
                continue;
            }
            let e = self.signal_expr(s, span);
            events.push(Event { edge: Edge::Any, expr: e });
        }
        events
    }

    fn stmt_reads(&self, st: StmtId, out: &mut Vec<SignalId>, subrs: &mut HashSet<wsim_ir::SubrId>) {
        let k = &self.d.stmts[st].kind;
        match k {
            StmtKind::Assign { lhs, rhs }
            | StmtKind::NonBlocking { lhs, rhs, .. }
            | StmtKind::AssignAfter { lhs, rhs, .. } => {
                self.lvalue_reads(*lhs, out, subrs);
                self.expr_reads(*rhs, out, subrs);
                match k {
                    StmtKind::NonBlocking { delay: Some(d), .. } | StmtKind::AssignAfter { delay: d, .. } => {
                        self.expr_reads(*d, out, subrs)
                    }
                    _ => {}
                }
                return;
            }
            StmtKind::Call { subr, args } => {
                let formals = self.d.subrs[*subr].formals.clone();
                for (f, &a) in formals.iter().zip(args) {
                    if f.dir == wsim_ir::Dir::Output {
                        self.lvalue_reads(a, out, subrs);
                    } else {
                        self.expr_reads(a, out, subrs);
                    }
                }
                self.subr_reads(*subr, out, subrs);
                return;
            }
            StmtKind::SysTask { name, args, .. } if name == "$sformat" || name == "$swrite" => {
                for (i, a) in args.iter().enumerate() {
                    if let Some(a) = a {
                        if i == 0 {
                            self.lvalue_reads(*a, out, subrs);
                        } else {
                            self.expr_reads(*a, out, subrs);
                        }
                    }
                }
                return;
            }
            StmtKind::WaitEvent { .. } => return,
            _ => {}
        }
        let (es, ss) = (k.exprs(), k.children());
        for e in es {
            self.expr_reads(e, out, subrs);
        }
        for s in ss {
            self.stmt_reads(s, out, subrs);
        }
    }

    fn subr_reads(&self, subr: wsim_ir::SubrId, out: &mut Vec<SignalId>, subrs: &mut HashSet<wsim_ir::SubrId>) {
        if !subrs.insert(subr) {
            return;
        }
        let s = &self.d.subrs[subr];
        let locals: HashSet<SignalId> = s.locals.iter().copied().collect();
        let mut inner = Vec::new();
        self.stmt_reads(s.body, &mut inner, subrs);
        out.extend(inner.into_iter().filter(|x| !locals.contains(x)));
    }

    fn lvalue_reads(&self, e: ExprId, out: &mut Vec<SignalId>, subrs: &mut HashSet<wsim_ir::SubrId>) {
        match &self.d.exprs[e].kind {
            ExprKind::Signal(_) => {}
            ExprKind::ArrayElem { indices, .. } => {
                for &i in indices {
                    self.expr_reads(i, out, subrs);
                }
            }
            ExprKind::Select { base, offset, .. } => {
                self.lvalue_reads(*base, out, subrs);
                self.expr_reads(*offset, out, subrs);
            }
            ExprKind::Concat(parts) => {
                for &p in parts {
                    self.lvalue_reads(p, out, subrs);
                }
            }
            _ => self.expr_reads(e, out, subrs),
        }
    }

    fn expr_reads(&self, e: ExprId, out: &mut Vec<SignalId>, subrs: &mut HashSet<wsim_ir::SubrId>) {
        let k = &self.d.exprs[e].kind;
        match k {
            ExprKind::Signal(s) => out.push(*s),
            ExprKind::ArrayElem { sig, .. } => out.push(*sig),
            ExprKind::Call { subr, args } => {
                let formals = self.d.subrs[*subr].formals.clone();
                for (f, &a) in formals.iter().zip(args) {
                    if f.dir == wsim_ir::Dir::Output {
                        self.lvalue_reads(a, out, subrs);
                    } else {
                        self.expr_reads(a, out, subrs);
                    }
                }
                self.subr_reads(*subr, out, subrs);
                return;
            }
            _ => {}
        }
        for c in k.children() {
            self.expr_reads(c, out, subrs);
        }
    }

    /// Signals assigned anywhere in a statement (excluded from
    /// `always_comb` sensitivity, 1800-2017 9.2.2.2.1).
    fn written_signals(&self, st: StmtId) -> HashSet<SignalId> {
        let mut out = HashSet::new();
        self.collect_written(st, &mut out);
        out
    }

    fn collect_written(&self, st: StmtId, out: &mut HashSet<SignalId>) {
        let k = &self.d.stmts[st].kind;
        if let StmtKind::Assign { lhs, .. } | StmtKind::NonBlocking { lhs, .. } = k {
            self.lvalue_roots(*lhs, out);
        }
        let ss = k.children();
        for s in ss {
            self.collect_written(s, out);
        }
    }

    fn lvalue_roots(&self, e: ExprId, out: &mut HashSet<SignalId>) {
        match &self.d.exprs[e].kind {
            ExprKind::Signal(s) => {
                out.insert(*s);
            }
            ExprKind::ArrayElem { .. } => {}
            ExprKind::Select { base, .. } => self.lvalue_roots(*base, out),
            ExprKind::Concat(parts) => {
                for &p in parts {
                    self.lvalue_roots(p, out);
                }
            }
            _ => {}
        }
    }

    // ------------------------------------------------------------ timing

    /// `#d` in ticks of the design precision: rounded to the module's
    /// precision first (1364-2005 19.8), then scaled.
    pub fn delay_ticks(&mut self, lex: LexId, d: &'a ast::Delay) -> ExprId {
        match d.values.first() {
            Some(v) => self.delay_expr(lex, v),
            None => self.u64_const(0, d.span),
        }
    }

    pub fn delay_expr(&mut self, lex: LexId, e: &'a ast::Expr) -> ExprId {
        let span = e.span;
        let scope = &self.d.scopes[self.scope_of(lex)];
        let (unit, prec) = (scope.time_unit as i32, scope.time_precision as i32);
        let global = self.d.precision as i32;
        let to_mod = 10f64.powi(unit - prec);
        let to_global = 10u64.saturating_pow((prec - global).max(0) as u32);
        let v = self.emit_self(lex, e);
        let vt = self.ty(v);
        if let Some(val) = self.try_fold(v) {
            let ticks = match val {
                Value::Real(r) => ((r * to_mod).round().max(0.0) as u64).saturating_mul(to_global),
                Value::Int(c) => {
                    if !c.is_known() {
                        0
                    } else {
                        // Saturate: `#4294967296` in a 1s/1fs module is past
                        // the end of simulated time, not an overflow panic.
                        (Value::Int(c).as_i64().unwrap_or(0) as u64)
                            .saturating_mul(10u64.saturating_pow((unit - global).max(0) as u32))
                    }
                }
            };
            return self.u64_const(ticks, span);
        }
        let t64 = Type::bits(64, false);
        if vt.is_real() {
            let k = self.expr(ExprKind::RealConst(to_mod), Type::REAL, span);
            let scaled = self.expr(ExprKind::Binary { op: BinOp::Mul, lhs: v, rhs: k }, Type::REAL, span);
            let ticks = self.coerce(scaled, t64);
            if to_global == 1 {
                return ticks;
            }
            let g = self.u64_const(to_global, span);
            return self.expr(ExprKind::Binary { op: BinOp::Mul, lhs: ticks, rhs: g }, t64, span);
        }
        let x = self.coerce(v, t64);
        let factor = 10u64.saturating_pow((unit - global).max(0) as u32);
        if factor == 1 {
            return x;
        }
        let g = self.u64_const(factor, span);
        self.expr(ExprKind::Binary { op: BinOp::Mul, lhs: x, rhs: g }, t64, span)
    }

    fn event_control(
        &mut self,
        lex: LexId,
        ec: &'a ast::EventControl,
        inner: Option<&'a ast::Stmt>,
    ) -> (StmtId, Option<StmtId>) {
        match ec {
            ast::EventControl::Star(span) => {
                let body = inner.map(|s| self.lower_stmt(lex, s));
                let events = match body {
                    Some(b) => self.sensitivity(b, &HashSet::new(), *span),
                    None => vec![],
                };
                (self.stmt(StmtKind::WaitEvent { events }, *span), body)
            }
            ast::EventControl::List(items, span) => {
                let mut events = Vec::new();
                let mut guard = None;
                for it in items {
                    if let Some(iff) = &it.iff {
                        if items.len() == 1 {
                            guard = Some(iff);
                        } else {
                            self.unsupported("`iff` in an event list with several events", iff.span);
                        }
                    }
                    let expr = match self.lookup_hier(lex, &it.expr) {
                        Some(Sym::Signal(s)) if matches!(it.expr.kind, A::Ident { .. } | A::Member { .. }) => {
                            self.signal_expr(s, it.expr.span)
                        }
                        _ => self.emit_self(lex, &it.expr),
                    };
                    let edge = match it.edge {
                        ast::Edge::Any => Edge::Any,
                        ast::Edge::Pos => Edge::Pos,
                        ast::Edge::Neg => Edge::Neg,
                        ast::Edge::Both => Edge::Both,
                    };
                    self.check_event_edge(it.edge, expr, it.expr.span);
                    if it.edge != ast::Edge::Any && self.ty(expr).is_real() {
                        // 1800-2017 6.12: edge event controls do not apply to reals.
                        self.error(code::TYPE_ERROR, it.expr.span, "an edge of a real value is not defined (6.12)");
                    }
                    events.push(Event { edge, expr });
                }
                let body = inner.map(|s| self.lower_stmt(lex, s));
                let wait = self.stmt(StmtKind::WaitEvent { events }, *span);
                let Some(iff) = guard else {
                    return (wait, body);
                };
                // @(e iff c)  ==>  forever begin @(e); if (c) break; end
                let c = self.emit_cond_operand(lex, iff);
                let brk = self.stmt(StmtKind::Break, *span);
                let test = self.stmt(StmtKind::If { cond: c, then_stmt: brk, else_stmt: None }, *span);
                let once = self.stmt(StmtKind::Block { stmts: vec![wait, test], name: None }, *span);
                (self.stmt(StmtKind::Loop { cond: None, body: once, step: None }, *span), body)
            }
        }
    }

    /// A timing control as statements: delay, event wait or `repeat(n) @e`.
    fn timing(&mut self, lex: LexId, t: &'a ast::TimingControl) -> StmtId {
        match t {
            ast::TimingControl::Delay(d) => {
                let ticks = self.delay_ticks(lex, d);
                self.stmt(StmtKind::Delay { ticks }, d.span)
            }
            ast::TimingControl::Event(ec) => self.event_control(lex, ec, None).0,
            ast::TimingControl::RepeatEvent { count, event, span } => {
                let c = self.emit_self(lex, count);
                let w = self.event_control(lex, event, None).0;
                self.stmt(StmtKind::Repeat { count: c, body: w }, *span)
            }
        }
    }

    // ------------------------------------------------------------ statements

    pub fn lower_stmts(&mut self, lex: LexId, stmts: &'a [ast::Stmt]) -> Vec<StmtId> {
        stmts.iter().map(|s| self.lower_stmt(lex, s)).collect()
    }

    /// Lower one statement. Statements that evaluate their expressions
    /// once (assignments, `if`, `case`, calls) may contain `i++` or `(a = b)`:
    /// those updates run first, as statements of their own.
    pub fn lower_stmt(&mut self, lex: LexId, s: &'a ast::Stmt) -> StmtId {
        let saved = std::mem::take(&mut self.pre_stmts);
        let saved_ok = self.side_effects_ok;
        self.side_effects_ok = matches!(
            s.kind,
            S::Assign { .. }
                | S::If { .. }
                | S::Case { .. }
                | S::Call { .. }
                | S::SysCall { .. }
                | S::Return(_)
                | S::Expr(_)
        );
        let id = self.lower_stmt_once(lex, s);
        let mut pre = std::mem::replace(&mut self.pre_stmts, saved);
        self.side_effects_ok = saved_ok;
        if pre.is_empty() {
            return id;
        }
        pre.push(id);
        self.stmt(StmtKind::Block { stmts: pre, name: None }, s.span)
    }

    fn lower_stmt_once(&mut self, lex: LexId, s: &'a ast::Stmt) -> StmtId {
        let span = s.span;
        match &s.kind {
            S::Null => self.stmt(StmtKind::Nop, span),
            S::Block { kind, name, decls, stmts } => {
                let key = s as *const _ as usize;
                self.lower_block(lex, key, *kind, name.as_ref(), decls, stmts, span)
            }
            S::Assign { lhs, op, rhs, nonblocking, timing } => {
                self.lower_assign(lex, lhs, *op, rhs, *nonblocking, timing.as_ref(), span)
            }
            S::If { cond, then_stmt, else_stmt, .. } => {
                let c = self.emit_cond_operand(lex, cond);
                let t = self.lower_stmt(lex, then_stmt);
                let e = else_stmt.as_ref().map(|e| self.lower_stmt(lex, e));
                self.stmt(StmtKind::If { cond: c, then_stmt: t, else_stmt: e }, span)
            }
            S::Case { kind, inside, expr, items, .. } => self.lower_case(lex, *kind, *inside, expr, items, span),
            S::For { init, cond, step, body } => self.lower_for(lex, init, cond.as_ref(), step, body, span),
            S::While { cond, body } => {
                let c = self.emit_cond_operand(lex, cond);
                let b = self.lower_stmt(lex, body);
                self.stmt(StmtKind::Loop { cond: Some(c), body: b, step: None }, span)
            }
            S::DoWhile { body, cond } => {
                let b = self.lower_stmt(lex, body);
                let c = self.emit_cond_operand(lex, cond);
                self.stmt(StmtKind::DoWhile { body: b, cond: c }, span)
            }
            S::Repeat { count, body } => {
                let c = self.emit_self(lex, count);
                let b = self.lower_stmt(lex, body);
                self.stmt(StmtKind::Repeat { count: c, body: b }, span)
            }
            S::Forever { body } => {
                let b = self.lower_stmt(lex, body);
                self.stmt(StmtKind::Loop { cond: None, body: b, step: None }, span)
            }
            S::Foreach { array, vars, body } => self.lower_foreach(lex, array, vars, body, span),
            S::Timed { control, stmt } => {
                if let ast::TimingControl::Event(ec @ ast::EventControl::Star(_)) = control {
                    let (w, b) = self.event_control(lex, ec, Some(stmt));
                    return self.block(vec![w, b.unwrap_or(w)], span);
                }
                let t = self.timing(lex, control);
                if matches!(stmt.kind, S::Null) {
                    return t;
                }
                let b = self.lower_stmt(lex, stmt);
                self.stmt(StmtKind::Block { stmts: vec![t, b], name: None }, span)
            }
            S::Wait { cond, stmt } => {
                let c = self.emit_cond_operand(lex, cond);
                let w = self.stmt(StmtKind::WaitCond { cond: c }, span);
                if matches!(stmt.kind, S::Null) {
                    return w;
                }
                let b = self.lower_stmt(lex, stmt);
                self.stmt(StmtKind::Block { stmts: vec![w, b], name: None }, span)
            }
            S::WaitFork => self.stmt(StmtKind::WaitFork, span),
            S::DisableFork => self.stmt(StmtKind::DisableFork, span),
            S::Trigger(e) => match self.lookup_hier(lex, e) {
                Some(Sym::Signal(sig)) if self.d.signals[sig].kind == SignalKind::Event => {
                    self.stmt(StmtKind::Trigger { event: sig }, span)
                }
                _ => {
                    self.error(code::TYPE_ERROR, e.span, "`->` needs a named event");
                    self.stmt(StmtKind::Nop, span)
                }
            },
            S::Disable(e) => self.lower_disable(lex, e, span),
            S::Call { name, args } => self.lower_call_stmt(lex, name, args, span),
            S::SysCall { name, name_span, args } => {
                let k = self.lower_systask_stmt(lex, name, *name_span, args, span);
                self.stmt(k, span)
            }
            S::Return(v) => self.lower_return(lex, v.as_ref(), span),
            S::Break => self.stmt(StmtKind::Break, span),
            S::Continue => self.stmt(StmtKind::Continue, span),
            S::Expr(e) => self.lower_expr_stmt(lex, e, span),
            S::ProcCont { op, lhs, rhs } => self.lower_proc_cont(lex, *op, lhs, rhs.as_ref(), span),
            S::Unsupported { what } => {
                self.unsupported(what, span);
                self.stmt(StmtKind::Nop, span)
            }
        }
    }

    fn lower_systask_stmt(
        &mut self,
        lex: LexId,
        name: &str,
        name_span: Span,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> StmtKind {
        if !wsim_ir::SYS_TASKS.contains(&name) && wsim_ir::SYS_FUNCS.contains(&name) {
            // A system function called as a statement: keep its effects,
            // drop its value into a hidden variable.
            let (id, _) = self.emit_sysfunc(lex, name, args, span);
            let t = self.ty(id);
            let tmp = self.hidden_var(lex, "sysfunc", t, span);
            let l = self.signal_expr(tmp, span);
            return StmtKind::Assign { lhs: l, rhs: id };
        }
        self.lower_systask(lex, name, name_span, args)
    }

    #[allow(clippy::too_many_arguments)]
    fn lower_block(
        &mut self,
        lex: LexId,
        key: usize,
        kind: ast::BlockKind,
        name: Option<&'a ast::Ident>,
        decls: &'a [ast::BlockDecl],
        stmts: &'a [ast::Stmt],
        span: Span,
    ) -> StmtId {
        if let Some(pre) = self.pre_blocks.remove(&(key, lex)) {
            let mut body = pre.init;
            body.extend(self.lower_stmts(pre.lex, stmts));
            self.d.stmts[pre.id].kind = self.block_or_named_fork(kind, body, pre.scope, span);
            return pre.id;
        }
        let (id, inner, scope) = self.block_scope(lex, name, decls, span);
        let mut body = self.block_decls(inner, decls);
        body.extend(self.lower_stmts(inner, stmts));
        self.d.stmts[id].kind = self.block_or_named_fork(kind, body, scope, span);
        id
    }

    /// A named `fork : f ... join` is a named block holding the fork, so
    /// `disable f` names a block (the IR's disable target).
    fn block_or_named_fork(
        &mut self,
        kind: ast::BlockKind,
        body: Vec<StmtId>,
        scope: Option<ScopeId>,
        span: Span,
    ) -> StmtKind {
        match (kind, scope) {
            (ast::BlockKind::Par(j), Some(sc)) => {
                let fork = self.stmt(StmtKind::Fork { branches: body, join: join_kind(j), name: None }, span);
                StmtKind::Block { stmts: vec![fork], name: Some(sc) }
            }
            _ => block_kind(kind, body, scope),
        }
    }

    /// The statement slot and scope of a block: named blocks get an IR
    /// scope (bound in the enclosing scope for hierarchical names and
    /// `disable`), unnamed blocks with declarations a lexical scope.
    fn block_scope(
        &mut self,
        lex: LexId,
        name: Option<&'a ast::Ident>,
        decls: &'a [ast::BlockDecl],
        span: Span,
    ) -> (StmtId, LexId, Option<ScopeId>) {
        let id = self.stmt(StmtKind::Nop, span);
        let (inner, scope) = match name {
            Some(n) => {
                let parent = self.scope_of(lex);
                let sc = self.new_scope(&n.name, Some(parent), ScopeKind::NamedBlock, "", n.span);
                let l = self.new_lex(Some(lex), sc, None);
                self.lex[l].block_stmt = Some(id);
                if !self.lex[lex].names.contains_key(&n.name) {
                    self.lex[lex].names.insert(n.name.clone(), Sym::Scope(l));
                }
                (l, Some(sc))
            }
            None if !decls.is_empty() => {
                let sc = self.scope_of(lex);
                (self.new_lex(Some(lex), sc, None), None)
            }
            None => (lex, None),
        };
        (id, inner, scope)
    }

    /// Before any process is lowered, make the scopes and variables of the
    /// named blocks in a process body, so hierarchical references to them
    /// (`->tb.u.blk.ev`, `tb.u.blk.count`) resolve from anywhere.
    pub fn predeclare_blocks(&mut self, lex: LexId, s: &'a ast::Stmt) {
        match &s.kind {
            S::Block { name, decls, stmts, .. } => {
                let mut inner = lex;
                if name.is_some() || !decls.is_empty() {
                    let (id, l, scope) = self.block_scope(lex, name.as_ref(), decls, s.span);
                    let init = self.block_decls(l, decls);
                    self.pre_blocks
                        .insert((s as *const _ as usize, lex), crate::ctx::PreBlock { id, lex: l, scope, init });
                    inner = l;
                }
                for x in stmts {
                    self.predeclare_blocks(inner, x);
                }
            }
            S::If { then_stmt, else_stmt, .. } => {
                self.predeclare_blocks(lex, then_stmt);
                if let Some(e) = else_stmt {
                    self.predeclare_blocks(lex, e);
                }
            }
            S::Case { items, .. } => {
                for it in items {
                    self.predeclare_blocks(lex, &it.body);
                }
            }
            S::While { body, .. } | S::DoWhile { body, .. } | S::Repeat { body, .. } | S::Forever { body } => {
                self.predeclare_blocks(lex, body)
            }
            S::For { init, body, .. } if !init.iter().any(|i| matches!(i, ast::ForInit::Decl(_))) => {
                self.predeclare_blocks(lex, body)
            }
            S::Timed { stmt, .. } | S::Wait { stmt, .. } => self.predeclare_blocks(lex, stmt),
            _ => {}
        }
    }

    /// Declarations of a block or subroutine; returns the statements that
    /// initialise automatic (or non-constant) variables on entry.
    pub fn block_decls(&mut self, lex: LexId, decls: &'a [ast::BlockDecl]) -> Vec<StmtId> {
        self.block_decls_except(lex, decls, &[])
    }

    /// [`Elab::block_decls`] skipping variables named in `skip` (task and
    /// function ports whose type the body declares).
    pub fn block_decls_except(&mut self, lex: LexId, decls: &'a [ast::BlockDecl], skip: &[&str]) -> Vec<StmtId> {
        let mut init = Vec::new();
        for d in decls {
            match d {
                ast::BlockDecl::Var(v) if v.vars.iter().any(|x| skip.contains(&x.name.name.as_str())) => {
                    for x in &v.vars {
                        if !skip.contains(&x.name.name.as_str()) {
                            self.unsupported("mixing port and local names in one declaration", x.span);
                        }
                    }
                }
                ast::BlockDecl::Var(v) => init.extend(self.declare_vars(lex, v, true)),
                ast::BlockDecl::Param(p) => self.declare_params(lex, p, None),
                ast::BlockDecl::Typedef(t) => self.declare_typedef(lex, t),
            }
        }
        init
    }

    #[allow(clippy::too_many_arguments)]
    fn lower_assign(
        &mut self,
        lex: LexId,
        lhs: &'a ast::Expr,
        op: ast::AssignOp,
        rhs: &'a ast::Expr,
        nonblocking: bool,
        timing: Option<&'a ast::TimingControl>,
        span: Span,
    ) -> StmtId {
        if op == ast::AssignOp::Assign && timing.is_none() {
            if let Some(st) = self.lower_view_assign(lex, lhs, rhs, nonblocking, span) {
                return st; // array_views.rs: slices and sub-arrays
            }
        }
        if let Some(arr) = self.whole_array(lex, lhs) {
            if op != ast::AssignOp::Assign || timing.is_some() {
                self.unsupported("compound or delayed assignment to a whole array", span);
                return self.stmt(StmtKind::Nop, span);
            }
            return self.lower_array_assign(lex, arr, rhs, nonblocking, span);
        }
        if timing.is_none() {
            if let Some(st) = self.container_elem_assign(lex, lhs, op, rhs, nonblocking, span) {
                return st; // containers.rs: `q[i] = v`
            }
        }
        if let A::Stream { .. } = &lhs.kind {
            return self.lower_stream_unpack(lex, lhs, op, rhs, nonblocking, timing.is_some(), span);
        }
        if op == ast::AssignOp::Assign && timing.is_none() {
            if let Some(st) = self.string_char_assign(lex, lhs, rhs, nonblocking, span) {
                return st; // strings.rs: `s[i] = c`
            }
        }
        let Some((l, ldt)) = self.emit_lvalue(lex, lhs) else {
            return self.stmt(StmtKind::Nop, span);
        };
        self.check_procedural_target(l, span);
        self.note_procedural_var_write(l, span);
        self.check_enum_assign(lex, &ldt, op, rhs);
        if nonblocking {
            self.check_nonblocking_automatic(lex, l, timing, span);
        }
        let r = match crate::expr::compound_binop(op) {
            None => self.emit_rvalue_dt(lex, rhs, &ldt),
            Some(b) => self.emit_compound(lex, b, lhs, rhs, ldt.ir_type(), span),
        };
        let r = self.match_member_state(l, r);
        match (nonblocking, timing) {
            (false, None) => self.stmt(StmtKind::Assign { lhs: l, rhs: r }, span),
            (true, None) => self.stmt(StmtKind::NonBlocking { lhs: l, rhs: r, delay: None }, span),
            (true, Some(ast::TimingControl::Delay(d))) => {
                let t = self.delay_ticks(lex, d);
                self.stmt(StmtKind::NonBlocking { lhs: l, rhs: r, delay: Some(t) }, span)
            }
            (true, Some(t)) => {
                // a <= @(e) b  ==>  tmp = b; fork @(e) a <= tmp; join_none
                let ty = self.ty(r);
                let tmp = self.hidden_var(lex, "intra", ty, span);
                let tl = self.signal_expr(tmp, span);
                let first = self.stmt(StmtKind::Assign { lhs: tl, rhs: r }, span);
                let wait = self.timing(lex, t);
                let tr = self.signal_expr(tmp, span);
                let nba = self.stmt(StmtKind::NonBlocking { lhs: l, rhs: tr, delay: None }, span);
                let branch = self.stmt(StmtKind::Block { stmts: vec![wait, nba], name: None }, span);
                let fork = self.stmt(StmtKind::Fork { branches: vec![branch], join: JoinKind::None, name: None }, span);
                self.stmt(StmtKind::Block { stmts: vec![first, fork], name: None }, span)
            }
            (false, Some(t)) => {
                // a = #d b  ==>  tmp = b; #d; a = tmp
                let ty = self.ty(r);
                let tmp = self.hidden_var(lex, "intra", ty, span);
                let tl = self.signal_expr(tmp, span);
                let first = self.stmt(StmtKind::Assign { lhs: tl, rhs: r }, span);
                let wait = self.timing(lex, t);
                let tr = self.signal_expr(tmp, span);
                let last = self.stmt(StmtKind::Assign { lhs: l, rhs: tr }, span);
                self.stmt(StmtKind::Block { stmts: vec![first, wait, last], name: None }, span)
            }
        }
    }

    fn lower_case(
        &mut self,
        lex: LexId,
        kind: ast::CaseKind,
        inside: bool,
        expr: &'a ast::Expr,
        items: &'a [ast::CaseItem],
        span: Span,
    ) -> StmtId {
        if inside {
            return self.lower_case_inside(lex, expr, items, span);
        }
        let mut t = self.self_ty(lex, expr);
        for it in items {
            for l in &it.exprs {
                let lt = self.self_ty(lex, l);
                t = crate::expr::merge(t, lt);
            }
        }
        if t.is_real() || t.is_string() {
            // strings.rs: strings compare by text, not by handle
            return self.lower_case_real(lex, expr, items, t, span);
        }
        let subject = self.emit_ctx(lex, expr, t);
        let mut arms = Vec::new();
        let mut default = None;
        for it in items {
            let body = self.lower_stmt(lex, &it.body);
            if it.exprs.is_empty() {
                default = Some(body);
                continue;
            }
            let labels = it.exprs.iter().map(|l| self.emit_ctx(lex, l, t)).collect();
            arms.push(CaseArm { labels, body });
        }
        let kind = match kind {
            ast::CaseKind::Case => CaseKind::Exact,
            ast::CaseKind::Casez => CaseKind::Z,
            ast::CaseKind::Casex => CaseKind::X,
        };
        self.stmt(StmtKind::Case { kind, subject, arms, default }, span)
    }

    /// A `case` with a real subject or label: an if/else chain of `==`
    /// tests in real arithmetic. Every expression is converted to real on
    /// its own (1364-2005 9.5: when one is real, all are compared as real),
    /// so a signed label is sign-extended and an unsigned one is not. A
    /// `string` subject or label (1800-2017 6.16) takes the same path with
    /// string `==` (`ty` is the type every expression is converted to).
    fn lower_case_real(
        &mut self,
        lex: LexId,
        expr: &'a ast::Expr,
        items: &'a [ast::CaseItem],
        ty: Type,
        span: Span,
    ) -> StmtId {
        let mut default = None;
        let mut chain: Vec<(ExprId, StmtId)> = Vec::new();
        for it in items {
            let body = self.lower_stmt(lex, &it.body);
            if it.exprs.is_empty() {
                default = Some(body);
                continue;
            }
            let mut test: Option<ExprId> = None;
            for l in &it.exprs {
                let (subject, label) = (self.emit_ctx(lex, expr, ty), self.emit_ctx(lex, l, ty));
                let eq = self.expr(ExprKind::Binary { op: BinOp::Eq, lhs: subject, rhs: label }, Type::LOGIC1, l.span);
                test = Some(match test {
                    None => eq,
                    Some(a) => self.expr(ExprKind::Binary { op: BinOp::LogOr, lhs: a, rhs: eq }, Type::LOGIC1, span),
                });
            }
            if let Some(t) = test {
                chain.push((t, body));
            }
        }
        let mut acc = default;
        for (test, body) in chain.into_iter().rev() {
            acc = Some(self.stmt(StmtKind::If { cond: test, then_stmt: body, else_stmt: acc }, span));
        }
        acc.unwrap_or_else(|| self.stmt(StmtKind::Nop, span))
    }

    /// `case (x) inside` as an if/else chain of `inside` tests.
    fn lower_case_inside(&mut self, lex: LexId, expr: &'a ast::Expr, items: &'a [ast::CaseItem], span: Span) -> StmtId {
        let mut default = None;
        let mut chain: Vec<(ExprId, StmtId)> = Vec::new();
        for it in items {
            let body = self.lower_stmt(lex, &it.body);
            if it.exprs.is_empty() {
                default = Some(body);
                continue;
            }
            let test = self.emit_inside(lex, expr, &it.exprs, it.span);
            chain.push((test, body));
        }
        let mut acc = default;
        for (test, body) in chain.into_iter().rev() {
            acc = Some(self.stmt(StmtKind::If { cond: test, then_stmt: body, else_stmt: acc }, span));
        }
        acc.unwrap_or_else(|| self.stmt(StmtKind::Nop, span))
    }

    fn lower_for(
        &mut self,
        lex: LexId,
        init: &'a [ast::ForInit],
        cond: Option<&'a ast::Expr>,
        step: &'a [ast::Stmt],
        body: &'a ast::Stmt,
        span: Span,
    ) -> StmtId {
        let has_decl = init.iter().any(|i| matches!(i, ast::ForInit::Decl(_)));
        let inner = if has_decl {
            let sc = self.scope_of(lex);
            self.new_lex(Some(lex), sc, None)
        } else {
            lex
        };
        let mut stmts = Vec::new();
        for i in init {
            match i {
                ast::ForInit::Decl(v) => stmts.extend(self.declare_loop_vars(inner, v)),
                ast::ForInit::Assign(s) => stmts.push(self.lower_stmt(inner, s)),
            }
        }
        let c = cond.map(|c| self.emit_cond_operand(inner, c));
        let b = self.lower_stmt(inner, body);
        let st = if step.is_empty() {
            None
        } else {
            let v = self.lower_stmts(inner, step);
            Some(self.block(v, span))
        };
        stmts.push(self.stmt(StmtKind::Loop { cond: c, body: b, step: st }, span));
        self.stmt(StmtKind::Block { stmts, name: None }, span)
    }

    /// `for (int i = 0; ...)`: hidden locals in the enclosing scope.
    fn declare_loop_vars(&mut self, lex: LexId, v: &'a ast::VarDecl) -> Vec<StmtId> {
        let dt = self.data_type(lex, &v.ty);
        let mut out = Vec::new();
        for d in &v.vars {
            let sig = self.add_signal(lex, &d.name.name, &dt, vec![], SignalKind::Var, None, true, d.span);
            self.bind(lex, &d.name.name, Sym::Signal(sig), d.name.span);
            if let Some(init) = &d.init {
                let r = self.emit_rvalue_dt(lex, init, &dt);
                let l = self.signal_expr(sig, d.span);
                out.push(self.stmt(StmtKind::Assign { lhs: l, rhs: r }, d.span));
            }
        }
        out
    }

    fn lower_foreach(
        &mut self,
        lex: LexId,
        array: &'a ast::Expr,
        vars: &'a [Option<ast::Ident>],
        body: &'a ast::Stmt,
        span: Span,
    ) -> StmtId {
        if let Some(st) = self.container_foreach(lex, array, vars, body, span) {
            return st; // containers.rs
        }
        // Dimensions: unpacked first, then packed.
        let mut dims: Vec<(i64, i64)> = Vec::new();
        match self.lookup_hier(lex, array) {
            Some(Sym::Signal(s)) => {
                dims.extend(self.d.signals[s].dims.iter().map(|d| (d.left, d.right)));
                dims.extend(self.sig_ty[s.index()].packed.iter().copied());
            }
            _ => {
                self.error(code::TYPE_ERROR, array.span, "foreach needs an array variable");
                return self.stmt(StmtKind::Nop, span);
            }
        }
        let sc = self.scope_of(lex);
        let inner = self.new_lex(Some(lex), sc, None);
        let int = DataTy::vector(32, true, false);
        let mut loop_vars = Vec::new();
        for (k, v) in vars.iter().enumerate() {
            let Some(v) = v else { continue };
            if k >= dims.len() {
                self.error(code::TYPE_ERROR, v.span, "more foreach loop variables than array dimensions");
                break;
            }
            let sig = self.add_signal(inner, &v.name, &int, vec![], SignalKind::Var, None, true, v.span);
            self.bind(inner, &v.name, Sym::Signal(sig), v.span);
            loop_vars.push((sig, dims[k]));
        }
        let mut cur = self.lower_stmt(inner, body);
        for (sig, (l, r)) in loop_vars.into_iter().rev() {
            let t = Type::INT;
            let init_v = self.i32_const(l, span);
            let lhs = self.signal_expr(sig, span);
            let init = self.stmt(StmtKind::Assign { lhs, rhs: init_v }, span);
            let rd = self.signal_expr(sig, span);
            let end = self.i32_const(r, span);
            let op = if l <= r { BinOp::Le } else { BinOp::Ge };
            let cond = self.expr(ExprKind::Binary { op, lhs: rd, rhs: end }, bit1(false), span);
            let rd2 = self.signal_expr(sig, span);
            let one = self.i32_const(1, span);
            let op = if l <= r { BinOp::Add } else { BinOp::Sub };
            let next = self.expr(ExprKind::Binary { op, lhs: rd2, rhs: one }, t, span);
            let wl = self.signal_expr(sig, span);
            let step = self.stmt(StmtKind::Assign { lhs: wl, rhs: next }, span);
            let lp = self.stmt(StmtKind::Loop { cond: Some(cond), body: cur, step: Some(step) }, span);
            cur = self.stmt(StmtKind::Block { stmts: vec![init, lp], name: None }, span);
        }
        cur
    }

    fn lower_disable(&mut self, lex: LexId, e: &'a ast::Expr, span: Span) -> StmtId {
        if let Some(k) = self.disable_target(lex, e) {
            return self.stmt(k, span);
        }
        // The block may come later in the process (`fork @e disable b; begin : b ...`):
        // resolved when the whole design is lowered.
        let id = self.stmt(StmtKind::Nop, span);
        self.pending_disables.push((id, lex, e));
        id
    }

    /// Resolve `disable` statements whose target was lowered after them.
    fn resolve_pending_disables(&mut self) {
        for (id, lex, e) in std::mem::take(&mut self.pending_disables) {
            match self.disable_target(lex, e) {
                Some(k) => self.d.stmts[id].kind = k,
                None => self.error(
                    code::UNDECLARED,
                    e.span,
                    format!("`disable` target `{}` is not a named block or task", crate::expr::ident_text(e)),
                ),
            }
        }
    }

    fn disable_target(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<StmtKind> {
        match self.lookup_hier(lex, e) {
            Some(Sym::Scope(l)) if self.lex[l].block_stmt.is_some() => {
                self.lex[l].block_stmt.map(|b| StmtKind::Disable(DisableTarget::Block(b)))
            }
            Some(Sym::Subr(def)) => {
                let id = self.ensure_subr(def);
                Some(StmtKind::Disable(DisableTarget::Task(id)))
            }
            _ => {
                // Inside the block itself, its own name resolves through the
                // enclosing scope chain of named blocks.
                if let A::Ident { name, .. } = &e.kind {
                    let mut cur = Some(lex);
                    while let Some(l) = cur {
                        let sc = self.lex[l].scope;
                        if self.d.scopes[sc].name == name.name {
                            if let Some(b) = self.lex[l].block_stmt {
                                return Some(StmtKind::Disable(DisableTarget::Block(b)));
                            }
                            if let Some(s) = self.lex[l].subr {
                                return Some(StmtKind::Disable(DisableTarget::Task(s)));
                            }
                        }
                        cur = self.lex[l].parent;
                    }
                }
                None
            }
        }
    }

    fn lower_call_stmt(
        &mut self,
        lex: LexId,
        name: &'a ast::Expr,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> StmtId {
        if let Some(st) = self.class_call_stmt(lex, name, args, span) {
            return st;
        }
        if args.is_empty() {
            if let Some(st) = self.container_stmt(lex, name, span) {
                return st; // containers.rs: `q.delete;`, `a.sort;`
            }
        }
        match self.lookup_callable(lex, name) {
            Some(Sym::Subr(def)) => {
                let (subr, args) = self.call_args(lex, def, args, span);
                self.stmt(StmtKind::Call { subr, args }, span)
            }
            Some(_) => {
                self.error(
                    code::TYPE_ERROR,
                    name.span,
                    format!("`{}` is not a task or function", crate::expr::ident_text(name)),
                );
                self.stmt(StmtKind::Nop, span)
            }
            None => {
                self.error(
                    code::UNDECLARED,
                    name.span,
                    format!("undeclared task or function `{}`", crate::expr::ident_text(name)),
                );
                self.stmt(StmtKind::Nop, span)
            }
        }
    }

    fn lower_return(&mut self, lex: LexId, v: Option<&'a ast::Expr>, span: Span) -> StmtId {
        let Some(subr) = self.lex[lex].subr else {
            self.error(code::TYPE_ERROR, span, "`return` outside a task or function");
            return self.stmt(StmtKind::Nop, span);
        };
        let ret = self.d.subrs[subr].ret;
        match (v, ret) {
            (Some(e), Some(r)) => {
                let dt = self.sig_ty[r.index()].clone();
                let rhs = self.emit_rvalue_dt(lex, e, &dt);
                let lhs = self.signal_expr(r, span);
                let a = self.stmt(StmtKind::Assign { lhs, rhs }, span);
                let ret = self.stmt(StmtKind::Return, span);
                self.stmt(StmtKind::Block { stmts: vec![a, ret], name: None }, span)
            }
            (Some(e), None) => {
                self.error(code::TYPE_ERROR, e.span, "this subroutine returns no value");
                self.stmt(StmtKind::Return, span)
            }
            (None, _) => self.stmt(StmtKind::Return, span),
        }
    }

    fn lower_expr_stmt(&mut self, lex: LexId, e: &'a ast::Expr, span: Span) -> StmtId {
        if let Some(st) = self.container_stmt(lex, e, span) {
            return st; // containers.rs: `q.push_back(v);`, `a.sort;`
        }
        match &e.kind {
            A::IncDec { increment, expr, .. } => {
                let op = if *increment { ast::AssignOp::Add } else { ast::AssignOp::Sub };
                self.lower_assign(lex, expr, op, &ONE, false, None, span)
            }
            A::AssignExpr { op, lhs, rhs } => self.lower_assign(lex, lhs, *op, rhs, false, None, span),
            A::Call { name, args } => self.lower_call_stmt(lex, name, args, span),
            A::Cast { ty, expr } if matches!(&**ty, ast::CastType::Type(ast::DataType::Void { .. })) => {
                match &expr.kind {
                    A::Call { name, args } => self.lower_call_stmt(lex, name, args, span),
                    A::SysCall { name, args } => {
                        let k = self.lower_systask_stmt(lex, name, expr.span, args, span);
                        self.stmt(k, span)
                    }
                    _ => {
                        let _ = self.emit_self(lex, expr);
                        self.stmt(StmtKind::Nop, span)
                    }
                }
            }
            A::MethodCall { base, method, args } => {
                if let Some(st) = self.string_method_stmt(lex, e, base, method, args, span) {
                    return st;
                }
                if let Some((v, _)) = self.class_builtin_named_call(lex, base, method, args, span) {
                    // The call runs; its value is discarded.
                    if let ExprKind::Call { subr, args } = self.d.exprs[v].kind.clone() {
                        return self.stmt(StmtKind::Call { subr, args }, span);
                    }
                    return self.stmt(StmtKind::Nop, span);
                }
                self.unsupported("a method call used as a statement", span);
                self.stmt(StmtKind::Nop, span)
            }
            _ => {
                self.unsupported("this expression statement", span);
                self.stmt(StmtKind::Nop, span)
            }
        }
    }

    // ------------------------------------------------------------ gates

    pub fn lower_gate(&mut self, lex: LexId, g: &'a ast::GateInst, inst: &'a ast::GateInstance) {
        let span = inst.span;
        if inst.unpacked.is_empty() {
            self.gate_instance(lex, g, &inst.terminals, None, span);
            return;
        }
        // `and g[3:0] (y, a, b)`: one gate per element; a terminal as wide
        // as the array is sliced, a 1-bit one is shared (1364-2005 7.1.5).
        let dims = self.unpacked_dims(lex, &inst.unpacked);
        if dims.len() != 1 {
            self.unsupported("multi-dimensional arrays of gate instances", span);
            return;
        }
        // Each element is a process: `and g[2147483647:0]` would run for hours.
        const MAX_GATE_ARRAY: u64 = 1 << 14;
        if dims[0].size() > MAX_GATE_ARRAY {
            let msg = format!("an array of {} gates is larger than wsim's limit of {MAX_GATE_ARRAY}", dims[0].size());
            self.error(wsim_diag::codes::elab::RECURSION, span, msg);
            return;
        }
        let n = dims[0].size() as u32;
        for pos in 0..n {
            self.gate_instance(lex, g, &inst.terminals, Some((pos, n)), span);
        }
    }

    /// A MOS switch passes its data input unchanged (z included) while it
    /// conducts and drives z while it is off (1364-2005 7.7, tables 7-9 and
    /// 7-10): `nmos` conducts on control 1, `pmos` on 0, `cmos (out, data,
    /// nctrl, pctrl)` is the pair on one output. An unknown control merges
    /// both cases bit by bit: without strengths, L and H read as x.
    fn mos_switch(&mut self, kind: ast::GateKind, vals: &[ExprId], ot: Type, span: Span) -> ExprId {
        let data = vals[0];
        let z = self.const_expr(Const::all_z(ot.width, false), true, span);
        let nctrl = self.coerce(vals[1], Type::LOGIC1);
        let conducts_on_0 = |this: &mut Self, ctrl: ExprId| {
            this.expr(ExprKind::Cond { cond: ctrl, then_expr: z, else_expr: data }, ot, span)
        };
        match kind {
            ast::GateKind::Nmos => self.expr(ExprKind::Cond { cond: nctrl, then_expr: data, else_expr: z }, ot, span),
            ast::GateKind::Pmos => conducts_on_0(self, nctrl),
            _ => {
                let pctrl = self.coerce(vals[2], Type::LOGIC1);
                let p_side = conducts_on_0(self, pctrl);
                self.expr(ExprKind::Cond { cond: nctrl, then_expr: data, else_expr: p_side }, ot, span)
            }
        }
    }

    fn gate_instance(
        &mut self,
        lex: LexId,
        g: &'a ast::GateInst,
        t: &'a [ast::Expr],
        array: Option<(u32, u32)>,
        span: Span,
    ) {
        use ast::GateKind as G;
        if array.is_some_and(|(pos, _)| pos > 0) && matches!(g.kind, G::Pullup | G::Pulldown) {
            // Every element pulls the same terminals.
            return;
        }
        if matches!(g.kind, G::Pullup | G::Pulldown) {
            let up = g.kind == G::Pullup;
            // A pull drives its own value at pull strength unless told.
            let level = g.strength.map_or(5, |s| if up { s.s1 } else { s.s0 });
            for term in t {
                self.pull_terminal(lex, term, up, level);
            }
            return;
        }
        if matches!(g.kind, G::Tran | G::Tranif0 | G::Tranif1) {
            self.switch_instance(lex, g, t, array, span);
            return;
        }
        let need = match g.kind {
            G::Buf | G::Not => 2,
            G::Bufif0 | G::Bufif1 | G::Notif0 | G::Notif1 | G::Nmos | G::Pmos => 3,
            G::Cmos => 4,
            _ => 2,
        };
        let fixed_count = matches!(g.kind, G::Bufif0 | G::Bufif1 | G::Notif0 | G::Notif1 | G::Nmos | G::Pmos | G::Cmos);
        if t.len() < need || (fixed_count && t.len() != need) {
            self.error(
                code::BAD_PORT,
                span,
                format!("wrong number of terminals for a `{:?}` gate", g.kind).to_lowercase(),
            );
            return;
        }
        let (outs, ins): (&'a [ast::Expr], &'a [ast::Expr]) = match g.kind {
            G::Buf | G::Not => (&t[..t.len() - 1], &t[t.len() - 1..]),
            _ => (&t[..1], &t[1..]),
        };
        for o in outs {
            let Some((l, _)) = self.emit_lvalue(lex, o) else {
                continue;
            };
            let Some(l) = self.slice_for_array(l, 1, array, o.span) else {
                continue;
            };
            let lt = self.ty(l);
            let ot = Type { signed: false, four_state: true, ..lt };
            let mut vals: Vec<ExprId> = Vec::new();
            for i in ins {
                let v = match array {
                    None => self.emit_rvalue(lex, i, ot),
                    Some(_) => {
                        let v = self.emit_self(lex, i);
                        let Some(v) = self.slice_for_array(v, 1, array, i.span) else {
                            return;
                        };
                        self.coerce_assign(v, &DataTy::from_ir(ot))
                    }
                };
                vals.push(v);
            }
            let gate_drive = self.gate_drive(g, &vals, ot, span);
            let rhs = match g.kind {
                // A buffer drives x for a z input (1364-2005 table 7-4):
                // double inversion keeps 0, 1 and x and turns z into x.
                G::Buf => {
                    let inverted = self.expr(ExprKind::Unary { op: UnOp::BitNot, arg: vals[0] }, ot, span);
                    self.expr(ExprKind::Unary { op: UnOp::BitNot, arg: inverted }, ot, span)
                }
                G::Not => self.expr(ExprKind::Unary { op: UnOp::BitNot, arg: vals[0] }, ot, span),
                G::Bufif0 | G::Bufif1 | G::Notif0 | G::Notif1 => {
                    let ctrl = vals[1];
                    let ctrl = self.coerce(ctrl, Type::LOGIC1);
                    let mut data = vals[0];
                    if matches!(g.kind, G::Notif0 | G::Notif1) {
                        data = self.expr(ExprKind::Unary { op: UnOp::BitNot, arg: data }, ot, span);
                    } else {
                        // An enabled buffer passes z as x (1364-2005 table 7-5): `z ^ 0` is x.
                        let zero = self.const_expr(Const::zero(ot.width, false), true, span);
                        data = self.expr(ExprKind::Binary { op: BinOp::BitXor, lhs: data, rhs: zero }, ot, span);
                    }
                    let z = self.const_expr(Const::all_z(ot.width, false), true, span);
                    let (a, b) = if matches!(g.kind, G::Bufif1 | G::Notif1) { (data, z) } else { (z, data) };
                    self.expr(ExprKind::Cond { cond: ctrl, then_expr: a, else_expr: b }, ot, span)
                }
                G::Nmos | G::Pmos | G::Cmos => self.mos_switch(g.kind, &vals, ot, span),
                _ => {
                    let (op, invert) = match g.kind {
                        G::And => (BinOp::BitAnd, false),
                        G::Nand => (BinOp::BitAnd, true),
                        G::Or => (BinOp::BitOr, false),
                        G::Nor => (BinOp::BitOr, true),
                        G::Xor => (BinOp::BitXor, false),
                        _ => (BinOp::BitXor, true),
                    };
                    let mut acc = vals.remove(0);
                    for v in vals {
                        acc = self.expr(ExprKind::Binary { op, lhs: acc, rhs: v }, ot, span);
                    }
                    if invert {
                        acc = self.expr(ExprKind::Unary { op: UnOp::BitNot, arg: acc }, ot, span);
                    }
                    acc
                }
            };
            let rhs = self.coerce(rhs, lt);
            let delay = g.delay.as_ref().map(|d| self.transition_delay(lex, d, rhs));
            self.cont_process(lex, l, rhs, delay, span);
            self.strength_note_levels(l, g.strength);
            if let Some(gd) = gate_drive {
                self.strength_note_gate(l, gd);
            }
        }
    }

    /// A pullup/pulldown on a net or on constant bits of one: the bits are
    /// recorded; `resolve_drivers` turns a fully pulled net into tri1/tri0.
    fn pull_terminal(&mut self, lex: LexId, term: &'a ast::Expr, up: bool, level: u8) {
        let Some((l, _)) = self.emit_lvalue(lex, term) else {
            return;
        };
        let target = match &self.d.exprs[l].kind {
            ExprKind::Signal(s) => Some((*s, 0, self.d.signals[*s].ty.width)),
            ExprKind::Select { base, offset, width } => {
                match (&self.d.exprs[*base].kind, &self.d.exprs[*offset].kind) {
                    (ExprKind::Signal(s), ExprKind::Const(c)) => c.to_u64().map(|o| (*s, o as u32, *width)),
                    _ => None,
                }
            }
            _ => None,
        };
        let Some((net, off, width)) = target.filter(|(s, _, _)| self.is_net(*s).is_some()) else {
            self.error(code::TYPE_ERROR, term.span, "pullup/pulldown needs a net or constant bits of a net");
            return;
        };
        self.strength_note_pull(net, off, width, up, level);
    }

    // ------------------------------------------------------------ ports

    /// A port connection as a continuous assignment in the right direction.
    pub fn lower_port(&mut self, p: &PortWork<'a>) {
        if let PortInner::Signal(s) = p.inner {
            if !self.d.signals[s].dims.is_empty() {
                self.lower_array_port(p, s);
                return;
            }
        }
        match p.dir {
            ast::Direction::Input => {
                let (lhs, ldt) = match &p.inner {
                    PortInner::Signal(s) => (self.signal_expr(*s, p.span), self.sig_ty[s.index()].clone()),
                    PortInner::Expr(e) => match self.emit_lvalue(p.child, e) {
                        Some(x) => x,
                        None => return,
                    },
                };
                let rhs = match (&p.outer, p.array) {
                    (Outer::Expr(e), None) => self.emit_rvalue_dt(p.parent, e, &ldt),
                    (outer, array) => {
                        let Some(v) = self.outer_value(p.parent, outer) else {
                            return;
                        };
                        let Some(v) = self.slice_for_array(v, ldt.width(), array, p.span) else {
                            return;
                        };
                        self.coerce_assign(v, &ldt)
                    }
                };
                let proc = self.cont_process(p.child, lhs, rhs, None, p.span);
                self.note_port_copy(proc, lhs, rhs, true);
            }
            ast::Direction::Output => {
                let lhs = match &p.outer {
                    Outer::Expr(e) => self.emit_lvalue(p.parent, e).map(|x| x.0),
                    outer => self.outer_value(p.parent, outer),
                };
                let Some(lhs) = lhs else { return };
                // A port a module path ends on is read through its
                // path-delayed copy (`specify`).
                let delayed = match &p.inner {
                    PortInner::Signal(s) => self.path_output(p.child, *s),
                    PortInner::Expr(_) => None,
                };
                let rhs = match (&p.inner, delayed) {
                    (_, Some(d)) => self.signal_expr(d, p.span),
                    (PortInner::Signal(s), None) => self.signal_expr(*s, p.span),
                    (PortInner::Expr(e), None) => self.emit_self(p.child, e),
                };
                let iw = self.ty(rhs).width;
                let Some(lhs) = self.slice_for_array(lhs, iw, p.array, p.span) else {
                    return;
                };
                let ldt = DataTy::from_ir(self.ty(lhs));
                let rhs = self.coerce_assign(rhs, &ldt);
                let proc = self.cont_process(p.parent, lhs, rhs, None, p.span);
                if delayed.is_none() {
                    self.note_port_copy(proc, lhs, rhs, false);
                }
            }
            ast::Direction::Inout => {
                let span = match &p.outer {
                    Outer::Expr(e) => e.span,
                    Outer::Name(_, s) => *s,
                };
                if !self.slice_alias(p) && !self.inout_switches(p) {
                    self.error(
                        code::UNSUPPORTED,
                        span,
                        "inout port connected to an expression (only a net or a constant part of a net of the port's width is supported)",
                    );
                }
            }
            ast::Direction::Ref => self.unsupported("`ref` ports", p.span),
        }
    }

    /// An inout port connected to constant bits of a net (`.io(bus[3:0])`)
    /// becomes those bits: see `collapse_ports::alias_slices`.
    fn slice_alias(&mut self, p: &PortWork<'a>) -> bool {
        let (PortInner::Signal(port), Outer::Expr(e), None) = (&p.inner, &p.outer, p.array) else {
            return false;
        };
        let port = *port;
        if self.is_net(port).is_none() || !self.d.signals[port].dims.is_empty() {
            return false;
        }
        let Some((l, _)) = self.emit_lvalue(p.parent, e) else { return true };
        let w = self.d.signals[port].ty.width;
        let target = match &self.d.exprs[l].kind {
            ExprKind::Signal(s) => Some((*s, 0)),
            ExprKind::Select { base, offset, width } if *width == w => {
                match (&self.d.exprs[*base].kind, &self.d.exprs[*offset].kind) {
                    (ExprKind::Signal(s), ExprKind::Const(c)) => c.to_u64().map(|o| (*s, o as u32)),
                    _ => None,
                }
            }
            _ => None,
        };
        match target {
            Some((net, off))
                if self.is_net(net).is_some()
                    && self.d.signals[net].dims.is_empty()
                    && self.d.signals[net].ty.width >= off + w =>
            {
                self.slice_aliases.push((port, net, off));
                true
            }
            _ => false,
        }
    }

    /// A port connection that copies a whole signal into a whole net of the
    /// same type, or between a whole child net and a constant element of a
    /// parent array, is a candidate for port collapsing.
    fn note_port_copy(&mut self, proc: wsim_ir::ProcId, lhs: ExprId, rhs: ExprId, input: bool) {
        let (child_side, parent_side) = if input { (lhs, rhs) } else { (rhs, lhs) };
        let ExprKind::Signal(child) = self.d.exprs[child_side].kind else { return };
        let (parent, elem) = match &self.d.exprs[parent_side].kind {
            ExprKind::Signal(parent) => (*parent, None),
            ExprKind::ArrayElem { sig, indices } => match self.const_element(*sig, indices) {
                Some(k) => (*sig, Some(k)),
                None => return,
            },
            _ => return,
        };
        self.port_copies.push(crate::ctx::PortCopy { proc, lhs_node: lhs, child, parent, elem, input });
        if elem.is_none() {
            self.strength_note_port_copy(lhs);
        }
    }

    /// The value of `e` when it folds to a known constant that fits 64 bits.
    fn const_u64(&self, e: ExprId) -> Option<u64> {
        match crate::fold_constant(&self.d, e) {
            Some(ExprKind::Const(c)) if c.words.iter().skip(1).all(|&w| w == 0) => c.to_u64(),
            _ => None,
        }
    }

    /// The values of `indices` when every one is a constant that fits 64 bits.
    pub fn const_indices(&self, indices: &[ExprId]) -> Option<Vec<u64>> {
        indices.iter().map(|&index| self.const_u64(index)).collect()
    }

    /// The element of one-dimensional array `sig` that constant, in-range
    /// `indices` (zero-based) name.
    pub fn const_element(&self, sig: wsim_ir::SignalId, indices: &[ExprId]) -> Option<u32> {
        let ([index], [dim]) = (indices, self.d.signals[sig].dims.as_slice()) else { return None };
        let k = self.const_u64(*index).filter(|&k| k < dim.size())?;
        u32::try_from(k).ok()
    }

    /// A port that is an unpacked array: connected element by element to
    /// an array of the same shape.
    fn lower_array_port(&mut self, p: &PortWork<'a>, inner: SignalId) {
        let outer = match &p.outer {
            Outer::Expr(e) => self.whole_array(p.parent, e),
            Outer::Name(n, _) => match self.lookup(p.parent, n) {
                Some(Sym::Signal(s)) if !self.d.signals[s].dims.is_empty() => Some(s),
                _ => None,
            },
        };
        let Some(outer) = outer else {
            self.error(code::BAD_PORT, p.span, "an unpacked array port needs an array connected to it");
            return;
        };
        match p.dir {
            ast::Direction::Input => self.connect_arrays(p.child, inner, outer, p.span),
            ast::Direction::Output => self.connect_arrays(p.parent, outer, inner, p.span),
            _ => self.unsupported("inout or ref unpacked array ports", p.span),
        }
    }

    /// The parent's side of a connection as a value (or lvalue for `.*`).
    fn outer_value(&mut self, lex: LexId, outer: &Outer<'a>) -> Option<ExprId> {
        match outer {
            Outer::Expr(e) => Some(self.emit_self(lex, e)),
            Outer::Name(n, span) => match self.lookup(lex, n) {
                Some(Sym::Signal(s)) if self.d.signals[s].dims.is_empty() => Some(self.signal_expr(s, *span)),
                _ => {
                    self.error(
                        code::BAD_PORT,
                        *span,
                        format!("`.*` needs a signal named `{n}` in the instantiating scope"),
                    );
                    None
                }
            },
        }
    }

    /// For an instance array element: the element's slice of a connection
    /// that is `count` times the port width (1364-2005 12.1.3.3), or the
    /// whole connection when it is exactly one port wide.
    pub fn slice_for_array(&mut self, v: ExprId, port_w: u32, array: Option<(u32, u32)>, span: Span) -> Option<ExprId> {
        let Some((pos, count)) = array else {
            return Some(v);
        };
        let w = self.ty(v).width;
        if w == port_w {
            return Some(v);
        }
        if w != port_w * count {
            self.error(
                code::BAD_PORT,
                span,
                format!("connection is {w} bits wide; the instance array needs {port_w} or {}", port_w * count),
            );
            return None;
        }
        let off = self.i32_const((pos * port_w) as i64, span);
        let t = Type { kind: TypeKind::Integral, width: port_w, signed: false, four_state: self.ty(v).four_state };
        Some(self.expr(ExprKind::Select { base: v, offset: off, width: port_w }, t, span))
    }

    /// An already emitted value assigned to something of type `dt`
    /// (assignment sizing: extend by the value's own signedness).
    pub fn coerce_assign(&mut self, v: ExprId, dt: &DataTy) -> ExprId {
        let t = dt.ir_type();
        let vt = self.ty(v);
        if vt.kind == TypeKind::Integral && t.kind == TypeKind::Integral && vt.width < t.width {
            let wide = Type { width: t.width, ..vt };
            let v = self.coerce(v, wide);
            return self.coerce(v, t);
        }
        self.coerce(v, t)
    }
}

impl<'a> Elab<'a> {
    /// Lower everything `instantiate` queued, in order.
    pub fn lower_all(&mut self) {
        // Lowering may queue more work (a class method first used there).
        while !self.work.is_empty() {
            self.lower_queued();
        }
        self.resolve_pending_disables();
    }

    fn lower_queued(&mut self) {
        let work = std::mem::take(&mut self.work);
        for w in work {
            match w {
                crate::ctx::Work::ContAssign { lex, item } => self.lower_cont_assign(lex, item),
                crate::ctx::Work::Process { lex, item } => self.lower_process(lex, item),
                crate::ctx::Work::Gate { lex, item, inst } => self.lower_gate(lex, item, inst),
                crate::ctx::Work::Init { lex, sig, expr, net, delay } => self.lower_init(lex, sig, expr, net, delay),
                crate::ctx::Work::Port(p) => self.lower_port(&p),
                crate::ctx::Work::SubrBody(def) => self.lower_subr_body(def),
                crate::ctx::Work::Udp { lex, udp, inst } => self.lower_udp_instantiation(lex, udp, inst),
            }
        }
    }

    /// A declaration initialiser: a continuous assignment for nets, an
    /// assignment at time 0 for variables whose value is not constant.
    fn lower_init(&mut self, lex: LexId, sig: SignalId, expr: &'a ast::Expr, net: bool, delay: Option<&'a ast::Delay>) {
        let span = expr.span;
        let dt = self.sig_ty[sig.index()].clone();
        let rhs = self.emit_rvalue_dt(lex, expr, &dt);
        let lhs = self.signal_expr(sig, span);
        if net {
            let d = delay.map(|d| self.transition_delay(lex, d, rhs));
            self.cont_process(lex, lhs, rhs, d, span);
            let st = self.strength.decl.get(&sig).copied();
            self.strength_note_levels(lhs, st);
            return;
        }
        // A constant is the variable's value before time 0, as for a body
        // declaration's initialiser (`declare_vars`).
        if self.d.signals[sig].dims.is_empty() {
            match self.try_fold(rhs) {
                Some(Value::Int(c)) => {
                    self.d.signals[sig].init = Some(c);
                    return;
                }
                Some(Value::Real(r)) => {
                    self.d.signals[sig].init = Some(wsim_ir::Const::from_u64(64, false, r.to_bits()));
                    return;
                }
                None => {}
            }
        }
        let body = self.stmt(StmtKind::Assign { lhs, rhs }, span);
        let scope = self.scope_of(lex);
        self.d.procs.push(Process { kind: ProcKind::Initial, body, scope, span });
    }
}

fn block_kind(kind: ast::BlockKind, body: Vec<StmtId>, name: Option<ScopeId>) -> StmtKind {
    match kind {
        ast::BlockKind::Seq => StmtKind::Block { stmts: body, name },
        ast::BlockKind::Par(j) => StmtKind::Fork { branches: body, join: join_kind(j), name },
    }
}

fn join_kind(j: ast::JoinKind) -> JoinKind {
    match j {
        ast::JoinKind::All => JoinKind::All,
        ast::JoinKind::Any => JoinKind::Any,
        ast::JoinKind::None => JoinKind::None,
    }
}
