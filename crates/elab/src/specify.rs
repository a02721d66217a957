//! Module path delays (IEEE 1364-2005 clause 14) and `$sdf_annotate`
//! (IEEE 1497 SDF), on with `--specify` (`ElabOptions::specify`), like
//! Icarus `-gspecify`.
//!
//! A module path delays the changes of its destination, an output port, as
//! seen from outside the instance: the parent reads the port through a
//! hidden copy (`port$path`, made when the port connection is lowered)
//! that processes built here drive, one set per output bit:
//!
//! - per path source (per bit for a vector parallel path), a process
//!   `always @(src or @posedge src...) T = $time` records when the source
//!   last changed (for an edge-sensitive path: last had that edge);
//! - an *output* process wakes on every change of the port bit. It cancels
//!   any pending change (a generation counter), and when the new value
//!   differs from the delayed copy it picks the delay: among the paths whose
//!   condition holds (`if (c)`: not 0, 14.2.4) those whose source changed
//!   last (14.4), and of those the smallest delay for this transition; the
//!   `ifnone` paths only when no other path applies or theirs changed later;
//!   no path at all means no delay. The delay is the one of the transition
//!   from the copy's value to the new one (the 12-value table of 14.3.1,
//!   the x transitions derived as 14.3.3 says), counted from the source
//!   change. It then schedules a token write that much later;
//! - a *commit* process copies the new value to the hidden copy when the
//!   token that arrives is still the current generation.
//!
//! Cancelling on every change and dropping a change back to the current
//! value is inertial delay with the standard's default pulse limits (reject
//! and error limit both equal to the delay, 14.6): a pulse shorter than the
//! path delay never reaches the output.
//!
//! `$sdf_annotate("file"[, scope])` is done while compiling: the file is
//! read (relative to the compiler's working directory) and every `IOPATH`
//! of a `CELL` sets (`ABSOLUTE`) or adds to (`INCREMENT`) the delays of the
//! matching paths of that instance before the processes are built. SDF
//! values are in the time unit of the cell's module, as Icarus reads them
//! (the file's `TIMESCALE` is checked, not applied), rounded to its
//! precision. Empty values (`()`) keep the path's delay; 1, 2, 3, 6 or
//! 12 values map to the 12 transitions like Verilog path delays (and like
//! Icarus' `vpi_put_delays`).
//!
//! Timing checks are parsed and not performed (wsim, like Icarus, checks
//! no timing): with `--specify` each specify block that has some gets one
//! W0304 warning naming them.

use std::collections::{HashMap, HashSet};

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{
    BinOp, Const, Edge, Event, ExprId, ExprKind, ProcKind, Process, SignalId, SignalKind, StmtId, StmtKind, Type,
};
use wsim_syntax::ast::{self, ExprKind as A};

use crate::ctx::{Elab, LexId, Sym, Value};
use crate::expr::bit1;
use crate::sdf::{self, Entry, PortEdge};
use crate::types::DataTy;

/// What elaboration collects for module paths and SDF annotation.
#[derive(Default)]
pub struct SpecifyState<'a> {
    /// Specify blocks by the instance scope they belong to.
    pub blocks: Vec<(LexId, &'a ast::SpecifyBlock)>,
    outputs: Vec<PathOutput>,
    annotations: Vec<Annotation>,
    warned_disabled: bool,
}

/// An output port some module path ends on, and the copy the parent reads.
struct PathOutput {
    lex: LexId,
    port: SignalId,
    delayed: SignalId,
}

/// One SDF `IOPATH` matched to an instance.
struct Annotation {
    lex: LexId,
    edge: Option<PortEdge>,
    src: String,
    dst: String,
    values: Vec<Option<f64>>,
    increment: bool,
}

/// A path source feeding one output bit.
struct Source<'a> {
    path: &'a ast::ModulePath,
    /// Its recorded change time.
    time: SignalId,
    delays: [u64; 12],
}

/// The 12 transitions in 1364-2005 14.3.1 order, as (from, to) value codes
/// (0, 1, z=2, x=3).
const TRANSITIONS: [(u8, u8); 12] =
    [(0, 1), (1, 0), (0, 2), (2, 1), (1, 2), (2, 0), (0, 3), (3, 1), (1, 3), (3, 0), (3, 2), (2, 3)];

/// The 12 delays from 1, 2, 3, 6 or 12 values (14.3.1, tables 14-3/14-4;
/// Icarus' vpi_put_delays does the same), with the x transitions derived
/// from the others when fewer than 12 are given (14.3.3).
fn expand_delays(v: &[u64]) -> [u64; 12] {
    let map: [usize; 6] = match v.len() {
        1 => [0; 6],
        2 => [0, 1, 0, 0, 1, 1],
        3 => [0, 1, 2, 0, 2, 1],
        _ => [0, 1, 2, 3, 4, 5],
    };
    let mut d = [0u64; 12];
    if v.len() == 12 {
        d.copy_from_slice(v);
        return d;
    }
    for (i, &m) in map.iter().enumerate() {
        d[i] = v[m];
    }
    let [t01, t10, t0z, tz1, t1z, tz0] = [d[0], d[1], d[2], d[3], d[4], d[5]];
    d[6] = t0z.min(t01);
    d[7] = tz1.max(t01);
    d[8] = t1z.min(t10);
    d[9] = tz0.max(t10);
    d[10] = t1z.max(t0z);
    d[11] = tz1.min(tz0);
    d
}

/// The name a path terminal refers to (`q`, `q[3]`, `q[3:0]`).
fn terminal_name(e: &ast::Expr) -> Option<&str> {
    match &e.kind {
        A::Ident { package: None, name } => Some(&name.name),
        A::Index { base, .. } | A::Range { base, .. } => terminal_name(base),
        _ => None,
    }
}

fn const_1bit(code: u8) -> Const {
    let (a, b) = [(0, 0), (1, 0), (0, 1), (1, 1)][code as usize];
    Const { width: 1, signed: false, words: vec![a, b] }
}

impl<'a> Elab<'a> {
    // ------------------------------------------------------------ outputs

    /// The path-delayed copy of output `port` of instance `lex`, made on
    /// first use; None when `--specify` is off or no path ends on it.
    pub fn path_output(&mut self, lex: LexId, port: SignalId) -> Option<SignalId> {
        if !self.opts.specify {
            return None;
        }
        if let Some(o) = self.specify.outputs.iter().find(|o| o.lex == lex && o.port == port) {
            return Some(o.delayed);
        }
        let paths = self.paths_of(lex);
        let ends_here = paths.iter().any(|p| p.destinations.iter().any(|d| self.terminal_signal(lex, d) == Some(port)));
        if !ends_here {
            return None;
        }
        let sig = &self.d.signals[port];
        let (name, ty, span) = (format!("{}$path", sig.name), sig.ty, sig.span);
        if ty.is_real() || !sig.dims.is_empty() {
            self.unsupported("a module path to a real or array port", span);
            return None;
        }
        let dt = DataTy::from_ir(ty);
        let delayed = self.add_signal(lex, &name, &dt, vec![], SignalKind::Var, None, true, span);
        self.specify.outputs.push(PathOutput { lex, port, delayed });
        Some(delayed)
    }

    fn paths_of(&self, lex: LexId) -> Vec<&'a ast::ModulePath> {
        self.specify.blocks.iter().filter(|(l, _)| *l == lex).flat_map(|(_, b)| b.paths.iter()).collect()
    }

    fn terminal_signal(&self, lex: LexId, e: &ast::Expr) -> Option<SignalId> {
        match self.lookup(lex, terminal_name(e)?)? {
            Sym::Signal(s) => Some(s),
            _ => None,
        }
    }

    // ------------------------------------------------------------ lowering

    /// After every statement is lowered (so every `$sdf_annotate` is
    /// known): the processes of every path output.
    pub fn lower_specify_paths(&mut self) {
        self.report_timing_checks();
        if !self.opts.specify {
            return;
        }
        let outputs = std::mem::take(&mut self.specify.outputs);
        let mut delays: HashMap<(LexId, usize), [u64; 12]> = HashMap::new();
        let lexes: Vec<LexId> = outputs.iter().map(|o| o.lex).collect::<HashSet<_>>().into_iter().collect();
        for lex in lexes {
            for (i, p) in self.paths_of(lex).into_iter().enumerate() {
                if let Some(d) = self.path_delays(lex, p) {
                    delays.insert((lex, i), d);
                }
            }
        }
        for a in std::mem::take(&mut self.specify.annotations) {
            for (i, p) in self.paths_of(a.lex).into_iter().enumerate() {
                if !annotation_matches(&a, p) {
                    continue;
                }
                let ticks: Vec<Option<i128>> = a.values.iter().map(|v| v.map(|v| self.sdf_ticks(a.lex, v))).collect();
                if let Some(d) = delays.get_mut(&(a.lex, i)) {
                    *d = annotate(d, &ticks, a.increment);
                }
            }
        }
        for o in &outputs {
            self.lower_path_output(o, &delays);
        }
    }

    /// The 12 delays in ticks of a path's delay expressions.
    fn path_delays(&mut self, lex: LexId, p: &'a ast::ModulePath) -> Option<[u64; 12]> {
        if ![1, 2, 3, 6, 12].contains(&p.delays.len()) {
            let msg = format!("a module path takes 1, 2, 3, 6 or 12 delays, not {}", p.delays.len());
            self.error(code::TYPE_ERROR, p.span, msg);
            return None;
        }
        let mut v = Vec::new();
        for e in &p.delays {
            let id = self.delay_expr(lex, e);
            match &self.d.exprs[id].kind {
                ExprKind::Const(c) => v.push(c.to_u64().unwrap_or(0)),
                _ => {
                    self.error(code::NOT_CONSTANT, e.span, "a module path delay must be a constant expression");
                    return None;
                }
            }
        }
        Some(expand_delays(&v))
    }

    /// An SDF value in ticks. Like Icarus (whose tests expect it), the
    /// value is in the time unit of the cell's module, whatever the file's
    /// TIMESCALE says (IEEE 1497 would scale by it: docs/specify.md), and
    /// rounded to that module's precision like a delay written there.
    fn sdf_ticks(&self, lex: LexId, v: f64) -> i128 {
        let scope = &self.d.scopes[self.scope_of(lex)];
        let (unit, prec) = (scope.time_unit as i32, scope.time_precision as i32);
        let in_prec = (v * 10f64.powi(unit - prec)).round();
        let scale = 10i128.saturating_pow((prec - self.d.precision as i32).max(0) as u32);
        (in_prec as i128).saturating_mul(scale)
    }

    /// The processes of one path output (see the module doc).
    fn lower_path_output(&mut self, o: &PathOutput, delays: &HashMap<(LexId, usize), [u64; 12]>) {
        let lex = o.lex;
        let port = &self.d.signals[o.port];
        let (width, msb, lsb, span) = (port.ty.width, port.msb, port.lsb, port.span);
        let mut per_bit: Vec<Vec<Source<'a>>> = (0..width).map(|_| Vec::new()).collect();
        let mut times: HashMap<(usize, usize, Option<u32>), SignalId> = HashMap::new();
        for (i, p) in self.paths_of(lex).into_iter().enumerate() {
            let Some(&d) = delays.get(&(lex, i)) else { continue };
            for dst in &p.destinations {
                if self.terminal_signal(lex, dst) != Some(o.port) {
                    continue;
                }
                let Some(bits) = self.terminal_bits(lex, dst, width, msb, lsb) else { continue };
                let parallel = !p.full && p.sources.len() == 1 && p.destinations.len() == 1 && bits.len() > 1;
                if parallel && !self.parallel_widths_match(lex, p, bits.len()) {
                    continue;
                }
                for (k, &bit) in bits.iter().enumerate() {
                    for si in 0..p.sources.len() {
                        let sel = parallel.then_some(k as u32);
                        let time = match times.get(&(i, si, sel)) {
                            Some(&t) => t,
                            None => {
                                let t = self.source_time(lex, p, si, sel);
                                times.insert((i, si, sel), t);
                                t
                            }
                        };
                        per_bit[bit as usize].push(Source { path: p, time, delays: d });
                    }
                }
            }
        }
        let scratch = Scratch::new(self, lex, span);
        for (bit, sources) in per_bit.iter().enumerate() {
            self.lower_output_bit(lex, o, bit as u32, width, sources, &scratch, span);
        }
    }

    /// The port bits (offsets from the LSB) a destination terminal names.
    fn terminal_bits(&mut self, lex: LexId, dst: &'a ast::Expr, width: u32, msb: i64, lsb: i64) -> Option<Vec<u32>> {
        let offset = |i: i64| if msb >= lsb { i - lsb } else { lsb - i };
        let (lo, hi) = match &dst.kind {
            A::Ident { .. } => return Some((0..width).collect()),
            A::Index { index, .. } => {
                let i = self.eval_i64(lex, index)?;
                (offset(i), offset(i))
            }
            A::Range { kind: ast::RangeKind::Const, left, right, .. } => {
                let (l, r) = (self.eval_i64(lex, left)?, self.eval_i64(lex, right)?);
                (offset(l).min(offset(r)), offset(l).max(offset(r)))
            }
            _ => {
                self.unsupported("this kind of module path destination select", dst.span);
                return None;
            }
        };
        if lo < 0 || hi >= width as i64 {
            self.error(code::TYPE_ERROR, dst.span, "module path destination select is outside the port");
            return None;
        }
        Some((lo as u32..=hi as u32).collect())
    }

    fn parallel_widths_match(&mut self, lex: LexId, p: &'a ast::ModulePath, dst_width: usize) -> bool {
        let w = self.self_ty(lex, &p.sources[0]).width as usize;
        if w != dst_width {
            let msg = format!(
                "a parallel module path (`=>`) needs a source as wide as its destination ({w} vs {dst_width} bits)"
            );
            self.error(code::TYPE_ERROR, p.span, msg);
        }
        w == dst_width
    }

    /// `always @([edge] src) T = $time;` for source `si` of a path (its
    /// bit `bit` for a vector parallel path); returns T.
    fn source_time(&mut self, lex: LexId, p: &'a ast::ModulePath, si: usize, bit: Option<u32>) -> SignalId {
        let span = p.sources[si].span;
        let t = self.hidden_var(lex, "path_time", Type::bits(64, false), span);
        let mut src = self.emit_self(lex, &p.sources[si]);
        if let Some(b) = bit {
            src = self.path_bit_select(src, b, span);
        }
        let edge = match p.edge {
            ast::Edge::Any => Edge::Any,
            ast::Edge::Pos => Edge::Pos,
            ast::Edge::Neg => Edge::Neg,
            ast::Edge::Both => Edge::Both,
        };
        let wait = self.stmt(StmtKind::WaitEvent { events: vec![Event { edge, expr: src }] }, span);
        let now = self.now_ticks(lex, span);
        let set = self.set(t, now, span);
        let body = self.stmt(StmtKind::Block { stmts: vec![wait, set], name: None }, span);
        let scope = self.scope_of(lex);
        self.d.procs.push(Process { kind: ProcKind::Always, body, scope, span });
        t
    }

    #[allow(clippy::too_many_arguments)]
    fn lower_output_bit(
        &mut self,
        lex: LexId,
        o: &PathOutput,
        bit: u32,
        width: u32,
        sources: &[Source<'a>],
        s: &Scratch,
        span: Span,
    ) {
        let scope = self.scope_of(lex);
        let b1 = bit1(self.d.signals[o.port].ty.four_state);
        let t64 = Type::bits(64, false);
        let gen = self.hidden_var(lex, "path_gen", t64, span);
        let tok = self.hidden_var(lex, "path_token", t64, span);
        let pend = self.hidden_var(lex, "path_value", b1, span);
        // Output process: cancel, then schedule the new value if it differs.
        let g = self.sig(gen, span);
        let one = self.u64_const(1, span);
        let inc = self.bin(BinOp::Add, g, one, t64, span);
        let bump = self.set(gen, inc, span);
        let mut body = vec![];
        let q = self.port_bit(o.port, bit, width, span);
        self.set_into(&mut body, pend, q, span);
        let tr = self.transition_index(o, bit, width, span);
        self.set_into(&mut body, s.tr, tr, span);
        for v in [s.found, s.grp] {
            let z = self.zero(v, span);
            self.set_into(&mut body, v, z, span);
        }
        for v in [s.best_time, s.best_delay] {
            let z = self.u64_const(0, span);
            self.set_into(&mut body, v, z, span);
        }
        for src in sources.iter().filter(|x| !matches!(x.path.condition, ast::PathCondition::IfNone)) {
            let st = self.candidate(lex, src, s, false, span);
            body.push(st);
        }
        for src in sources.iter().filter(|x| matches!(x.path.condition, ast::PathCondition::IfNone)) {
            let st = self.candidate(lex, src, s, true, span);
            body.push(st);
        }
        let tl = self.sig(tok, span);
        let g = self.sig(gen, span);
        let dly = self.sig(s.best_delay, span);
        body.push(self.stmt(StmtKind::AssignAfter { lhs: tl, rhs: g, delay: dly }, span));
        let changed = {
            let q = self.port_bit(o.port, bit, width, span);
            let d = self.port_bit(o.delayed, bit, width, span);
            self.bin(BinOp::CaseNe, q, d, bit1(false), span)
        };
        let then_stmt = self.stmt(StmtKind::Block { stmts: body, name: None }, span);
        let test = self.stmt(StmtKind::If { cond: changed, then_stmt, else_stmt: None }, span);
        let q = self.port_bit(o.port, bit, width, span);
        let wait = self.stmt(StmtKind::WaitEvent { events: vec![Event { edge: Edge::Any, expr: q }] }, span);
        let out = self.stmt(StmtKind::Block { stmts: vec![bump, test, wait], name: None }, span);
        self.d.procs.push(Process { kind: ProcKind::Always, body: out, scope, span });
        // Commit process: the token of the current generation writes.
        let (tk, g) = (self.sig(tok, span), self.sig(gen, span));
        let current = self.bin(BinOp::Eq, tk, g, bit1(false), span);
        let lhs = self.port_bit(o.delayed, bit, width, span);
        let rhs = self.sig(pend, span);
        let write = self.stmt(StmtKind::Assign { lhs, rhs }, span);
        let test = self.stmt(StmtKind::If { cond: current, then_stmt: write, else_stmt: None }, span);
        let tk = self.sig(tok, span);
        let wait = self.stmt(StmtKind::WaitEvent { events: vec![Event { edge: Edge::Any, expr: tk }] }, span);
        let commit = self.stmt(StmtKind::Block { stmts: vec![test, wait], name: None }, span);
        self.d.procs.push(Process { kind: ProcKind::Always, body: commit, scope, span });
    }

    /// `tr` = index in [`TRANSITIONS`] of (delayed copy -> port) bit values.
    fn transition_index(&mut self, o: &PathOutput, bit: u32, width: u32, span: Span) -> ExprId {
        let t4 = Type::bits(4, false);
        let mut e = self.const_expr(Const::from_u64(4, false, 0), false, span);
        for (i, &(from, to)) in TRANSITIONS.iter().enumerate().rev() {
            let d = self.port_bit(o.delayed, bit, width, span);
            let q = self.port_bit(o.port, bit, width, span);
            let (cf, ct) = (self.const_expr(const_1bit(from), true, span), self.const_expr(const_1bit(to), true, span));
            let (d, q) = (self.coerce(d, bit1(true)), self.coerce(q, bit1(true)));
            let d_is = self.bin(BinOp::CaseEq, d, cf, bit1(false), span);
            let q_is = self.bin(BinOp::CaseEq, q, ct, bit1(false), span);
            let both = self.bin(BinOp::LogAnd, d_is, q_is, bit1(false), span);
            let k = self.const_expr(Const::from_u64(4, false, i as u64), false, span);
            e = self.expr(ExprKind::Cond { cond: both, then_expr: k, else_expr: e }, t4, span);
        }
        e
    }

    /// Offer one source as the delay: skip it when its condition is 0,
    /// take it when it changed later than the best so far (or nothing was
    /// found yet), keep the smaller delay on a tie.
    fn candidate(&mut self, lex: LexId, src: &Source<'a>, s: &Scratch, ifnone: bool, span: Span) -> StmtId {
        let t64 = Type::bits(64, false);
        // r = T + delay(tr); r = r > now ? r - now : 0
        let t = self.sig(src.time, span);
        let d = self.delay_for_transition(&src.delays, s.tr, span);
        let sum = self.bin(BinOp::Add, t, d, t64, span);
        let set_r = self.set(s.remaining, sum, span);
        let (r1, n1) = (self.sig(s.remaining, span), self.now_ticks(lex, span));
        let later = self.bin(BinOp::Gt, r1, n1, bit1(false), span);
        let (r2, n2) = (self.sig(s.remaining, span), self.now_ticks(lex, span));
        let left = self.bin(BinOp::Sub, r2, n2, t64, span);
        let zero = self.u64_const(0, span);
        let clipped = self.expr(ExprKind::Cond { cond: later, then_expr: left, else_expr: zero }, t64, span);
        let clip_r = self.set(s.remaining, clipped, span);
        // take: found = 1; best_time = T; best_delay = r (grp = ifnone)
        let mut take = vec![];
        let one = self.const_expr(Const::from_u64(1, false, 1), false, span);
        self.set_into(&mut take, s.found, one, span);
        let t = self.sig(src.time, span);
        self.set_into(&mut take, s.best_time, t, span);
        let r = self.sig(s.remaining, span);
        self.set_into(&mut take, s.best_delay, r, span);
        let g = self.const_expr(Const::from_u64(1, false, ifnone as u64), false, span);
        self.set_into(&mut take, s.grp, g, span);
        let take = self.stmt(StmtKind::Block { stmts: take, name: None }, span);
        // !found || T > best_time
        let f = self.sig(s.found, span);
        let z = self.zero(s.found, span);
        let none_yet = self.bin(BinOp::Eq, f, z, bit1(false), span);
        let (t, bt) = (self.sig(src.time, span), self.sig(s.best_time, span));
        let newer = self.bin(BinOp::Gt, t, bt, bit1(false), span);
        let wins = self.bin(BinOp::LogOr, none_yet, newer, bit1(false), span);
        // tie: T == best_time && r < best_delay (&& grp for ifnone)
        let (t, bt) = (self.sig(src.time, span), self.sig(s.best_time, span));
        let same = self.bin(BinOp::Eq, t, bt, bit1(false), span);
        let (r, bd) = (self.sig(s.remaining, span), self.sig(s.best_delay, span));
        let shorter = self.bin(BinOp::Lt, r, bd, bit1(false), span);
        let mut tie = self.bin(BinOp::LogAnd, same, shorter, bit1(false), span);
        if ifnone {
            let grp = self.sig(s.grp, span);
            tie = self.bin(BinOp::LogAnd, tie, grp, bit1(false), span);
        }
        let r = self.sig(s.remaining, span);
        let keep_shorter = self.set(s.best_delay, r, span);
        let on_tie = self.stmt(StmtKind::If { cond: tie, then_stmt: keep_shorter, else_stmt: None }, span);
        let pick = self.stmt(StmtKind::If { cond: wins, then_stmt: take, else_stmt: Some(on_tie) }, span);
        let offer = self.stmt(StmtKind::Block { stmts: vec![set_r, clip_r, pick], name: None }, span);
        match &src.path.condition {
            ast::PathCondition::If(c) => {
                let c = self.emit_cond_operand(lex, c);
                let ct = self.ty(c);
                let z = self.const_expr(Const::zero(ct.width, ct.signed), ct.four_state, span);
                self.d.exprs[z].ty = ct;
                let active = self.bin(BinOp::CaseNe, c, z, bit1(false), span);
                self.stmt(StmtKind::If { cond: active, then_stmt: offer, else_stmt: None }, span)
            }
            _ => offer,
        }
    }

    /// `tr == 0 ? d[0] : tr == 1 ? d[1] : ...` (a constant when all agree).
    fn delay_for_transition(&mut self, d: &[u64; 12], tr: SignalId, span: Span) -> ExprId {
        if d.iter().all(|&x| x == d[0]) {
            return self.u64_const(d[0], span);
        }
        let t64 = Type::bits(64, false);
        let mut e = self.u64_const(d[11], span);
        for i in (0..11).rev() {
            let trv = self.sig(tr, span);
            let k = self.const_expr(Const::from_u64(4, false, i as u64), false, span);
            let is = self.bin(BinOp::Eq, trv, k, bit1(false), span);
            let v = self.u64_const(d[i], span);
            e = self.expr(ExprKind::Cond { cond: is, then_expr: v, else_expr: e }, t64, span);
        }
        e
    }

    // ------------------------------------------------------------ helpers

    fn sig(&mut self, s: SignalId, span: Span) -> ExprId {
        self.signal_expr(s, span)
    }

    fn set(&mut self, s: SignalId, rhs: ExprId, span: Span) -> StmtId {
        let lhs = self.signal_expr(s, span);
        let rhs = self.coerce(rhs, self.d.signals[s].ty);
        self.stmt(StmtKind::Assign { lhs, rhs }, span)
    }

    fn set_into(&mut self, out: &mut Vec<StmtId>, s: SignalId, rhs: ExprId, span: Span) {
        let st = self.set(s, rhs, span);
        out.push(st);
    }

    fn zero(&mut self, s: SignalId, span: Span) -> ExprId {
        let ty = self.d.signals[s].ty;
        let z = self.const_expr(Const::zero(ty.width, ty.signed), ty.four_state, span);
        self.d.exprs[z].ty = ty;
        z
    }

    fn bin(&mut self, op: BinOp, lhs: ExprId, rhs: ExprId, ty: Type, span: Span) -> ExprId {
        self.expr(ExprKind::Binary { op, lhs, rhs }, ty, span)
    }

    fn path_bit_select(&mut self, base: ExprId, bit: u32, span: Span) -> ExprId {
        let four = self.ty(base).four_state;
        let offset = self.const_expr(Const::from_u64(32, false, bit as u64), false, span);
        self.expr(ExprKind::Select { base, offset, width: 1 }, bit1(four), span)
    }

    /// Bit `bit` of signal `s` (the signal itself when one bit wide).
    fn port_bit(&mut self, s: SignalId, bit: u32, width: u32, span: Span) -> ExprId {
        let e = self.signal_expr(s, span);
        if width == 1 {
            return e;
        }
        self.path_bit_select(e, bit, span)
    }

    /// `$time` in ticks of the design precision.
    fn now_ticks(&mut self, lex: LexId, span: Span) -> ExprId {
        let scope = self.scope_of(lex);
        let one = self.u64_const(1, span);
        let t = self.expr(ExprKind::SysFunc { name: "$time".into(), args: vec![one], scope }, Type::TIME, span);
        self.coerce(t, Type::bits(64, false))
    }

    // ------------------------------------------------------------ timing checks

    /// With `--specify`: one W0304 per specify block naming the timing
    /// checks it declares, which wsim does not perform.
    fn report_timing_checks(&mut self) {
        if !self.opts.specify {
            return;
        }
        let mut seen = HashSet::new();
        let blocks: Vec<&'a ast::SpecifyBlock> = self.specify.blocks.iter().map(|(_, b)| *b).collect();
        for b in blocks {
            if b.timing_checks.is_empty() || !seen.insert(b as *const _ as usize) {
                continue;
            }
            let mut names: Vec<&str> = vec![];
            for c in &b.timing_checks {
                if !names.contains(&c.name.as_str()) {
                    names.push(&c.name);
                }
            }
            let list = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            let msg = format!("{list} in this specify block: accepted, not performed (wsim does not check timing)");
            self.diags.warning(code::IGNORED_TASK, b.timing_checks[0].span, msg);
        }
    }

    // ------------------------------------------------------------ $sdf_annotate

    /// `$sdf_annotate("file"[, scope, ...])`: read the SDF file now and
    /// record its IOPATH delays for the paths of the instances it names.
    pub fn sdf_annotate(&mut self, lex: LexId, args: &'a [Option<ast::Expr>], span: Span) {
        let Some(file_arg) = args.first().and_then(|a| a.as_ref()) else {
            self.error(code::TYPE_ERROR, span, "`$sdf_annotate` needs an SDF file name");
            return;
        };
        let Some(path) = self.const_string(lex, file_arg) else {
            let msg = "the SDF file name of `$sdf_annotate` must be a constant string (wsim annotates while compiling)";
            self.error(code::NOT_CONSTANT, file_arg.span, msg);
            return;
        };
        let target = match args.get(1).and_then(|a| a.as_ref()) {
            None => lex,
            Some(x) => match self.lookup_hier(lex, x) {
                Some(Sym::Scope(l)) => l,
                _ => {
                    self.error(
                        code::TYPE_ERROR,
                        x.span,
                        "the second argument of `$sdf_annotate` must be a module instance",
                    );
                    return;
                }
            },
        };
        if let Some(extra) = args.iter().skip(2).flatten().next() {
            let msg = "`$sdf_annotate` uses only its first two arguments (the rest are ignored)";
            self.diags.warning(code::IGNORED_TASK, extra.span, msg);
        }
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                // The OS's words without the platform's error number.
                let why = e.to_string();
                let why = why.split(" (os error").next().unwrap_or_default().to_string();
                self.error(code::SDF, file_arg.span, format!("cannot read SDF file `{path}`: {why}"));
                return;
            }
        };
        let file = match sdf::parse(&text, self.opts.delay_selection) {
            Ok(f) => f,
            Err(e) => {
                self.error(code::SDF, file_arg.span, format!("{path}:{}: {}", e.line, e.message));
                return;
            }
        };
        if !self.opts.specify && !self.specify.warned_disabled {
            self.specify.warned_disabled = true;
            let msg = "`$sdf_annotate` has no effect without --specify (module path delays are off)";
            self.diags.warning(code::IGNORED_TASK, span, msg);
        }
        for cell in &file.cells {
            self.annotate_cell(target, &path, cell, span);
        }
    }

    /// A string literal or constant string expression's text.
    fn const_string(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<String> {
        if let A::String(s) = &e.kind {
            return Some(s.clone());
        }
        let id = self.emit_self(lex, e);
        let Value::Int(c) = self.try_fold(id)? else { return None };
        if !c.is_known() {
            return None;
        }
        let bytes = (0..c.width.div_ceil(8)).rev().map(|k| (c.aval()[(k / 8) as usize] >> (8 * (k % 8))) as u8);
        Some(bytes.filter(|&b| b != 0).map(char::from).collect())
    }

    fn annotate_cell(&mut self, target: LexId, path: &str, cell: &sdf::Cell, span: Span) {
        let warn = |e: &mut Self, line: u32, msg: String| {
            e.diags.warning(code::SDF_IGNORED, span, format!("{path}:{line}: {msg}"));
        };
        let Some(names) = &cell.instance else {
            return warn(self, cell.line, "wildcard instance `*` is not supported: cell skipped".into());
        };
        let mut lex = target;
        for name in names {
            match self.child_scope(lex, name) {
                Some(child) => lex = child,
                None => {
                    let scope = self.d.scopes[self.scope_of(lex)].name.clone();
                    return warn(self, cell.line, format!("no instance `{name}` in `{scope}`: cell skipped"));
                }
            }
        }
        let module = self.lex[lex].module.map(|m| m.name.name.clone()).unwrap_or_default();
        if module != cell.celltype {
            let msg = format!("instance is a `{module}`, not the CELLTYPE `{}`", cell.celltype);
            warn(self, cell.line, msg);
        }
        let paths = self.paths_of(lex);
        for entry in &cell.entries {
            match entry {
                Entry::Ignored { what, line } => warn(self, *line, format!("`{what}` is not applied")),
                Entry::IoPath { increment, edge, src, dst, values, line } => {
                    let a = Annotation {
                        lex,
                        edge: *edge,
                        src: src.clone(),
                        dst: dst.clone(),
                        values: values.clone(),
                        increment: *increment,
                    };
                    if !paths.iter().any(|p| annotation_matches(&a, p)) {
                        let e = match edge {
                            Some(PortEdge::Pos) => "posedge ",
                            Some(PortEdge::Neg) => "negedge ",
                            None => "",
                        };
                        warn(self, *line, format!("no module path `{e}{src}` to `{dst}` in `{module}`"));
                    }
                    self.specify.annotations.push(a);
                }
            }
        }
    }
}

impl Elab<'_> {
    /// The instance or generate scope `name` right below `lex`; `u[3]`
    /// names an element of an instance array or generate loop.
    fn child_scope(&self, lex: LexId, name: &str) -> Option<LexId> {
        match self.lex[lex].names.get(name) {
            Some(Sym::Scope(child)) => return Some(*child),
            Some(_) => return None,
            None => {}
        }
        let (base, index) = name.strip_suffix(']')?.split_once('[')?;
        let index: i64 = index.trim().parse().ok()?;
        match self.lex[lex].names.get(base)? {
            Sym::ScopeArray(elems) => elems.iter().find(|(i, _)| *i == index).map(|(_, l)| *l),
            _ => None,
        }
    }
}

/// Does an SDF IOPATH name this path (input and output port names; an
/// IOPATH edge must equal the path's, no edge matches any path)?
fn annotation_matches(a: &Annotation, p: &ast::ModulePath) -> bool {
    let edge_ok = match a.edge {
        None => true,
        Some(PortEdge::Pos) => p.edge == ast::Edge::Pos,
        Some(PortEdge::Neg) => p.edge == ast::Edge::Neg,
    };
    edge_ok
        && p.sources.iter().any(|s| terminal_name(s) == Some(a.src.as_str()))
        && p.destinations.iter().any(|d| terminal_name(d) == Some(a.dst.as_str()))
}

/// New delays from SDF values in ticks: the first `n` current values,
/// replaced (or, for INCREMENT, increased) where given, then expanded
/// like `n` Verilog values. A negative result is 0 (1364-2005 14.3.1).
fn annotate(current: &[u64; 12], values: &[Option<i128>], increment: bool) -> [u64; 12] {
    let v: Vec<u64> = values
        .iter()
        .enumerate()
        .map(|(i, v)| match v {
            None => current[i],
            Some(t) if increment => (current[i] as i128 + t).max(0) as u64,
            Some(t) => (*t).max(0) as u64,
        })
        .collect();
    expand_delays(&v)
}

/// Scratch variables shared by the output processes of one port (no
/// process waits while it uses them).
struct Scratch {
    tr: SignalId,
    found: SignalId,
    grp: SignalId,
    best_time: SignalId,
    best_delay: SignalId,
    remaining: SignalId,
}

impl Scratch {
    fn new(e: &mut Elab<'_>, lex: LexId, span: Span) -> Scratch {
        let t64 = Type::bits(64, false);
        Scratch {
            tr: e.hidden_var(lex, "path_transition", Type::bits(4, false), span),
            found: e.hidden_var(lex, "path_found", Type::bits(1, false), span),
            grp: e.hidden_var(lex, "path_ifnone", Type::bits(1, false), span),
            best_time: e.hidden_var(lex, "path_best_time", t64, span),
            best_delay: e.hidden_var(lex, "path_delay", t64, span),
            remaining: e.hidden_var(lex, "path_left", t64, span),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_expand_like_the_standard_tables() {
        assert_eq!(expand_delays(&[7]), [7; 12]);
        // (rise, fall): 0->z takes rise, 1->z fall; x->z the larger.
        assert_eq!(expand_delays(&[2, 3]), [2, 3, 2, 2, 3, 3, 2, 2, 3, 3, 3, 2]);
        // (rise, fall, turn-off)
        assert_eq!(expand_delays(&[2, 3, 4]), [2, 3, 4, 2, 4, 3, 2, 2, 3, 3, 4, 2]);
        let six = expand_delays(&[1, 2, 3, 4, 5, 6]);
        assert_eq!(six[6..], [1, 4, 2, 6, 5, 4]);
    }

    #[test]
    fn sdf_values_replace_add_or_keep() {
        let cur = expand_delays(&[1, 1]);
        assert_eq!(annotate(&cur, &[None, Some(3)], false)[..2], [1, 3]);
        assert_eq!(annotate(&cur, &[Some(2)], true), [3; 12]);
        assert_eq!(annotate(&cur, &[Some(-5)], true), [0; 12]);
    }
}
