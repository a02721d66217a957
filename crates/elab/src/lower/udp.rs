//! User-defined primitive instances (IEEE 1364-2005 clause 8) lowered to
//! ordinary processes, so code generation needs nothing new.
//!
//! Each instance (each element of an instance array) gets:
//! - hidden variables `cur` (the inputs as sampled, z read as x), `prev`
//!   (the inputs the table last saw; sequential UDPs only) and `state` (the
//!   UDP's output value: its `reg` for sequential UDPs);
//! - evaluation processes (`ContAssign` kind, so they run at time 0 and then
//!   on input changes) that look the inputs up in the table with a `casez`
//!   whose labels hold `z` for "any value";
//! - a continuous assignment `output = state` carrying the instance delay.
//!
//! A combinational UDP has one process matching `cur` against its rows. A
//! sequential UDP has one process per input, so input changes reach the
//! table one at a time in the order they happen (as each is its own event
//! in Icarus): the case subject is `{prev, next, state}` where `next` is
//! `prev` with that input's new value. Level rows leave `prev` as
//! don't-cares and come first, so they take precedence over edge rows
//! (8.6); input `i`'s process only holds the edge rows whose edge is on
//! `i`. No matching row gives x (8.2, 8.6); `-` keeps the state.

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{BinOp, CaseArm, CaseKind, Const, Edge, Event, ExprId, ExprKind, ProcKind, Process, StmtId, StmtKind};
use wsim_ir::{SignalId, Type};
use wsim_syntax::ast::{self, UdpInput, UdpLevel, UdpOutput};

use crate::ctx::{Elab, LexId, Value};

/// One label bit: a value, or don't-care (`z` in a `casez` label).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bit {
    Zero,
    One,
    X,
    Any,
}

/// Most case labels one UDP may expand to (`b` doubles a row's labels).
const MAX_LABELS: usize = 1 << 16;

/// The values a level symbol stands for as label bits (`b` is two).
fn level_bits(l: UdpLevel) -> &'static [Bit] {
    match l {
        UdpLevel::Zero => &[Bit::Zero],
        UdpLevel::One => &[Bit::One],
        UdpLevel::X => &[Bit::X],
        UdpLevel::Any => &[Bit::Any],
        UdpLevel::Bin => &[Bit::Zero, Bit::One],
    }
}

/// `(from, to)` pairs an edge entry stands for.
fn edge_pairs(e: UdpInput) -> Vec<(UdpLevel, UdpLevel)> {
    use UdpLevel::*;
    match e {
        UdpInput::Edge(a, b) => vec![(a, b)],
        UdpInput::Posedge => vec![(Zero, One), (Zero, X), (X, One)],
        UdpInput::Negedge => vec![(One, Zero), (One, X), (X, Zero)],
        UdpInput::Level(_) => vec![],
    }
}

/// Every combination of one choice per column (MSB first), appended to
/// `out` unless that would pass [`MAX_LABELS`]. Returns false when it would.
fn expand(columns: &[Vec<Bit>], out: &mut Vec<Vec<Bit>>) -> bool {
    let mut acc: Vec<Vec<Bit>> = vec![Vec::with_capacity(columns.len())];
    for col in columns {
        if acc.len() * col.len() + out.len() > MAX_LABELS {
            return false;
        }
        acc = acc.iter().flat_map(|p| col.iter().map(move |b| [p.as_slice(), &[*b]].concat())).collect();
    }
    out.extend(acc);
    true
}

/// A label constant from bits written MSB first.
fn label_const(bits: &[Bit]) -> Const {
    let w = bits.len() as u32;
    let mut c = Const::zero(w, false);
    let limbs = Const::limbs(w);
    for (k, b) in bits.iter().enumerate() {
        let pos = bits.len() - 1 - k;
        let (a, bv) = match b {
            Bit::Zero => (false, false),
            Bit::One => (true, false),
            Bit::X => (true, true),
            Bit::Any => (false, true),
        };
        if a {
            c.words[pos / 64] |= 1 << (pos % 64);
        }
        if bv {
            c.words[limbs + pos / 64] |= 1 << (pos % 64);
        }
    }
    c
}

fn output_const(o: UdpOutput) -> Option<Const> {
    match o {
        UdpOutput::Zero => Some(Const::from_u64(1, false, 0)),
        UdpOutput::One => Some(Const::from_u64(1, false, 1)),
        UdpOutput::X => Some(Const::all_x(1, false)),
        UdpOutput::NoChange => None,
    }
}

/// The hidden signals and terminals of one instance (element).
struct UdpInst {
    inputs: Vec<ExprId>,
    cur: SignalId,
    state: SignalId,
    span: Span,
}

impl<'a> Elab<'a> {
    /// The primitive named `name`, if the compilation unit declares one.
    pub(crate) fn find_udp(&self, name: &str) -> Option<&'a ast::UdpDecl> {
        self.udps.get(name).copied()
    }

    /// Index a primitive; it may not share its name with a module or
    /// another primitive.
    pub(crate) fn check_udp_name(&mut self, u: &'a ast::UdpDecl) {
        // The first definition is the one instances use.
        let first = !self.udps.contains_key(&u.name.name);
        if first {
            self.udps.insert(u.name.name.clone(), u);
        }
        let module = self.unit.items.iter().any(|i| matches!(i, ast::Item::Module(m) if m.name.name == u.name.name));
        if module || !first {
            self.error(code::DUPLICATE, u.name.span, format!("primitive `{}` is defined twice", u.name.name));
        }
    }

    /// `udp #(rise, fall) u1 (out, a, b), u2 [3:0] (...);`
    pub(crate) fn lower_udp_instantiation(&mut self, lex: LexId, udp: &'a ast::UdpDecl, inst: &'a ast::Instantiation) {
        let Some(delays) = self.udp_delays(inst) else {
            return;
        };
        for i in &inst.instances {
            let Some(terms) = self.udp_terminals(udp, i) else {
                continue;
            };
            if i.unpacked.is_empty() {
                self.udp_element(lex, udp, &terms, &delays, None, i.span);
                continue;
            }
            let dims = self.unpacked_dims(lex, &i.unpacked);
            if dims.len() != 1 {
                self.unsupported("multi-dimensional arrays of primitive instances", i.span);
                continue;
            }
            const MAX_ARRAY: u64 = 1 << 14;
            if dims[0].size() > MAX_ARRAY {
                let msg =
                    format!("an array of {} primitives is larger than wsim's limit of {MAX_ARRAY}", dims[0].size());
                self.error(code::RECURSION, i.span, msg);
                continue;
            }
            let n = dims[0].size() as u32;
            for pos in 0..n {
                self.udp_element(lex, udp, &terms, &delays, Some((pos, n)), i.span);
            }
        }
    }

    /// The instance's `#(...)` values: at most rise and fall delays (a
    /// primitive has no parameters and drives no z, 8.1).
    fn udp_delays(&mut self, inst: &'a ast::Instantiation) -> Option<Vec<&'a ast::Expr>> {
        let mut out = Vec::new();
        for pc in &inst.params {
            match pc {
                ast::ParamConn::Ordered(ast::ParamValue::Expr(e)) => out.push(e),
                _ => {
                    let msg = format!("primitive `{}` takes delays, not parameters", inst.module.name);
                    self.error(code::BAD_PARAM, inst.span, msg);
                    return None;
                }
            }
        }
        if out.len() > 2 {
            self.error(code::BAD_PARAM, inst.span, "a primitive instance takes at most two delays (rise, fall)");
            return None;
        }
        Some(out)
    }

    /// Connections in port order (output first); `None` for an empty one.
    fn udp_terminals(&mut self, udp: &'a ast::UdpDecl, i: &'a ast::Instance) -> Option<Vec<Option<&'a ast::Expr>>> {
        let names: Vec<&str> =
            std::iter::once(udp.output.name.as_str()).chain(udp.inputs.iter().map(|p| p.name.as_str())).collect();
        let mut terms: Vec<Option<&'a ast::Expr>> = vec![None; names.len()];
        let mut ordered = 0;
        for c in &i.conns {
            match c {
                ast::PortConn::Ordered(e, span) => {
                    if ordered >= names.len() {
                        let msg = format!("too many connections for primitive `{}`", udp.name.name);
                        self.error(code::BAD_PORT, *span, msg);
                        return None;
                    }
                    terms[ordered] = e.as_ref();
                    ordered += 1;
                }
                ast::PortConn::Named { name, expr, .. } => match names.iter().position(|n| *n == name.name) {
                    Some(k) => terms[k] = expr.as_ref(),
                    None => {
                        let msg = format!("primitive `{}` has no port `{}`", udp.name.name, name.name);
                        self.error(code::BAD_PORT, name.span, msg);
                        return None;
                    }
                },
                ast::PortConn::Wildcard(span) => {
                    self.unsupported("`.*` connections to a primitive", *span);
                    return None;
                }
            }
        }
        let all_ordered = i.conns.iter().all(|c| matches!(c, ast::PortConn::Ordered(..)));
        if all_ordered && ordered < names.len() {
            let msg = format!("primitive `{}` has {} ports; {ordered} connected", udp.name.name, names.len());
            self.error(code::BAD_PORT, i.span, msg);
            return None;
        }
        Some(terms)
    }

    /// One primitive: hidden signals, the evaluation process(es) and the
    /// output's continuous assignment.
    fn udp_element(
        &mut self,
        lex: LexId,
        udp: &'a ast::UdpDecl,
        terms: &[Option<&'a ast::Expr>],
        delays: &[&'a ast::Expr],
        array: Option<(u32, u32)>,
        span: Span,
    ) {
        let Some(inputs) = self.udp_inputs(lex, &terms[1..], array, span) else {
            return;
        };
        let n = inputs.len() as u32;
        let cur = self.hidden_var(lex, "udp_in", Type::logic(n, false), span);
        let state = self.hidden_var(lex, "udp_out", Type::LOGIC1, span);
        if let Some(init) = udp.init.as_ref() {
            self.d.signals[state].init = self.udp_init_value(lex, init);
        }
        let u = UdpInst { inputs, cur, state, span };
        if udp.sequential {
            for (i, step) in self.udp_seq_steps(lex, udp, &u).into_iter().enumerate() {
                self.udp_process(lex, &u, step, &u.inputs[i..=i]);
            }
        } else {
            let step = self.udp_comb_body(udp, &u);
            self.udp_process(lex, &u, step, &u.inputs);
        }
        if let Some(out) = terms[0] {
            self.udp_drive_output(lex, out, state, delays, array, span);
        }
    }

    /// `forever begin cur = inputs; step; @(wake_on); end` (`ContAssign`
    /// kind: it also runs once at time 0).
    fn udp_process(&mut self, lex: LexId, u: &UdpInst, step: StmtId, wake_on: &[ExprId]) {
        let events = wake_on.iter().map(|&e| Event { edge: Edge::Any, expr: e }).collect();
        let wait = self.stmt(StmtKind::WaitEvent { events }, u.span);
        let stmts = vec![self.udp_sample(u), step, wait];
        let body = self.stmt(StmtKind::Block { stmts, name: None }, u.span);
        let scope = self.scope_of(lex);
        self.d.procs.push(Process { kind: ProcKind::ContAssign, body, scope, span: u.span });
    }

    /// The input terminals as 1-bit values (an empty one reads z).
    fn udp_inputs(
        &mut self,
        lex: LexId,
        terms: &[Option<&'a ast::Expr>],
        array: Option<(u32, u32)>,
        span: Span,
    ) -> Option<Vec<ExprId>> {
        let mut out = Vec::new();
        for t in terms {
            let v = match t {
                None => self.const_expr(Const::all_z(1, false), true, span),
                Some(e) if array.is_none() => self.emit_rvalue(lex, e, Type::LOGIC1),
                Some(e) => {
                    let v = self.emit_self(lex, e);
                    let v = self.slice_for_array(v, 1, array, e.span)?;
                    self.coerce(v, Type::LOGIC1)
                }
            };
            out.push(v);
        }
        Some(out)
    }

    /// `initial q = 1'b1;`: a constant 0, 1 or x (8.5).
    fn udp_init_value(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<Const> {
        let v = match self.eval_const(lex, e)? {
            Value::Int(c) => c,
            Value::Real(_) => {
                self.error(code::TYPE_ERROR, e.span, "a primitive's initial value is 0, 1 or x");
                return None;
            }
        };
        let limbs = Const::limbs(v.width);
        let (a, b) = (v.words[0] & 1, v.words[limbs] & 1);
        Some(match (a, b) {
            (0, 0) => Const::from_u64(1, false, 0),
            (1, 0) => Const::from_u64(1, false, 1),
            _ => Const::all_x(1, false),
        })
    }

    /// `cur = {in0 ^ 0, in1 ^ 0, ...}`: the XOR turns z into x (8.1.6: a
    /// z input is read as x), which keeps it from matching `casez`'s
    /// don't-care bits.
    fn udp_sample(&mut self, u: &UdpInst) -> StmtId {
        let zero = self.const_expr(Const::from_u64(1, false, 0), true, u.span);
        let parts: Vec<ExprId> = u
            .inputs
            .iter()
            .map(|&i| self.expr(ExprKind::Binary { op: BinOp::BitXor, lhs: i, rhs: zero }, Type::LOGIC1, u.span))
            .collect();
        let w = parts.len() as u32;
        let rhs = self.expr(ExprKind::Concat(parts), Type::logic(w, false), u.span);
        let lhs = self.signal_expr(u.cur, u.span);
        self.stmt(StmtKind::Assign { lhs, rhs }, u.span)
    }

    /// `casez (cur)` over the rows; no match gives x.
    fn udp_comb_body(&mut self, udp: &'a ast::UdpDecl, u: &UdpInst) -> StmtId {
        let mut rows = Vec::new();
        for r in &udp.rows {
            let cols: Vec<Vec<Bit>> = r
                .inputs
                .iter()
                .map(|i| match i {
                    UdpInput::Level(l) => level_bits(*l).to_vec(),
                    _ => vec![Bit::Any], // rejected by the parser
                })
                .collect();
            rows.push((cols, r.output));
        }
        let subject = self.signal_expr(u.cur, u.span);
        self.udp_case(subject, rows, u)
    }

    /// Sequential: per input, the step its own process runs (when that
    /// input changed): look up `{prev, next, state}` and move `prev` on.
    fn udp_seq_steps(&mut self, lex: LexId, udp: &'a ast::UdpDecl, u: &UdpInst) -> Vec<StmtId> {
        let n = u.inputs.len();
        let w = n as u32;
        let vt = Type::logic(w, false);
        let prev = self.hidden_var(lex, "udp_prev", vt, u.span);
        self.d.signals[prev].init = Some(Const::all_x(w, false));
        let next = self.hidden_var(lex, "udp_next", vt, u.span);
        let mut out = Vec::new();
        for i in 0..n {
            let rows = self.udp_seq_rows(udp, i);
            let offset = (n - 1 - i) as i64;
            let cur_i = self.udp_bit(u.cur, offset, u.span);
            let prev_i = self.udp_bit(prev, offset, u.span);
            let changed =
                self.expr(ExprKind::Binary { op: BinOp::CaseNe, lhs: cur_i, rhs: prev_i }, Type::LOGIC1, u.span);
            let copy = self.udp_copy(next, prev, u.span);
            let next_i = self.udp_bit(next, offset, u.span);
            let set = self.stmt(StmtKind::Assign { lhs: next_i, rhs: cur_i }, u.span);
            let parts =
                vec![self.signal_expr(prev, u.span), self.signal_expr(next, u.span), self.signal_expr(u.state, u.span)];
            let subject = self.expr(ExprKind::Concat(parts), Type::logic(2 * w + 1, false), u.span);
            let case = self.udp_case(subject, rows, u);
            let advance = self.udp_copy(prev, next, u.span);
            let then_stmt = self.stmt(StmtKind::Block { stmts: vec![copy, set, case, advance], name: None }, u.span);
            out.push(self.stmt(StmtKind::If { cond: changed, then_stmt, else_stmt: None }, u.span));
        }
        out
    }

    /// The label columns of every row for a change of input `changed`:
    /// `[prev (n), next (n), state (1)]`: the level rows (first), and the
    /// edge rows whose edge is on `changed`.
    fn udp_seq_rows(&self, udp: &ast::UdpDecl, changed: usize) -> Vec<(Vec<Vec<Bit>>, UdpOutput)> {
        let n = udp.inputs.len();
        let mut level_rows = Vec::new();
        let mut edge_rows = Vec::new();
        for r in &udp.rows {
            let state = r.state.map_or(vec![Bit::Any], |s| level_bits(s).to_vec());
            let edge_col = r.inputs.iter().position(|i| !matches!(i, UdpInput::Level(_)));
            let Some(col) = edge_col else {
                let mut cols = vec![vec![Bit::Any]; n];
                cols.extend(r.inputs.iter().map(|i| match i {
                    UdpInput::Level(l) => level_bits(*l).to_vec(),
                    _ => vec![Bit::Any],
                }));
                cols.push(state);
                level_rows.push((cols, r.output));
                continue;
            };
            if col != changed {
                continue;
            }
            for (from, to) in edge_pairs(r.inputs[col]) {
                let mut cols: Vec<Vec<Bit>> =
                    (0..n).map(|k| if k == col { level_bits(from).to_vec() } else { vec![Bit::Any] }).collect();
                cols.extend(r.inputs.iter().enumerate().map(|(k, i)| match i {
                    UdpInput::Level(l) => level_bits(*l).to_vec(),
                    _ if k == col => level_bits(to).to_vec(),
                    _ => vec![Bit::Any],
                }));
                cols.push(state.clone());
                edge_rows.push((cols, r.output));
            }
        }
        level_rows.extend(edge_rows);
        level_rows
    }

    /// `casez (subject)`: one arm per row (its expanded labels), `-` arms
    /// do nothing, the default sets x.
    fn udp_case(&mut self, subject: ExprId, rows: Vec<(Vec<Vec<Bit>>, UdpOutput)>, u: &UdpInst) -> StmtId {
        let span = u.span;
        let mut arms = Vec::new();
        let mut total = 0;
        for (cols, output) in rows {
            let mut labels = Vec::new();
            if !expand(&cols, &mut labels) || total + labels.len() > MAX_LABELS {
                self.unsupported(&format!("a primitive table with more than {MAX_LABELS} expanded rows"), span);
                break;
            }
            total += labels.len();
            let labels = labels.iter().map(|l| self.const_expr(label_const(l), true, span)).collect();
            let body = self.udp_set_state(u, output_const(output));
            arms.push(CaseArm { labels, body });
        }
        let default = Some(self.udp_set_state(u, Some(Const::all_x(1, false))));
        self.stmt(StmtKind::Case { kind: CaseKind::Z, subject, arms, default }, span)
    }

    fn udp_set_state(&mut self, u: &UdpInst, v: Option<Const>) -> StmtId {
        let Some(v) = v else {
            return self.stmt(StmtKind::Nop, u.span);
        };
        let lhs = self.signal_expr(u.state, u.span);
        let rhs = self.const_expr(v, true, u.span);
        self.stmt(StmtKind::Assign { lhs, rhs }, u.span)
    }

    fn udp_bit(&mut self, sig: SignalId, offset: i64, span: Span) -> ExprId {
        let base = self.signal_expr(sig, span);
        let off = self.i32_const(offset, span);
        self.expr(ExprKind::Select { base, offset: off, width: 1 }, Type::LOGIC1, span)
    }

    fn udp_copy(&mut self, to: SignalId, from: SignalId, span: Span) -> StmtId {
        let lhs = self.signal_expr(to, span);
        let rhs = self.signal_expr(from, span);
        self.stmt(StmtKind::Assign { lhs, rhs }, span)
    }

    /// `assign #(rise, fall) out = state;` (the instance's delays, in the
    /// instantiating module's time unit; a change to x takes the smaller).
    fn udp_drive_output(
        &mut self,
        lex: LexId,
        out: &'a ast::Expr,
        state: SignalId,
        delays: &[&'a ast::Expr],
        array: Option<(u32, u32)>,
        span: Span,
    ) {
        let Some((l, _)) = self.emit_lvalue(lex, out) else {
            return;
        };
        let Some(l) = self.slice_for_array(l, 1, array, out.span) else {
            return;
        };
        let lt = self.ty(l);
        let v = self.signal_expr(state, span);
        let rhs = self.coerce(v, lt);
        let delay = match delays {
            [] => None,
            [d] => Some(self.delay_expr(lex, d)),
            [rise, fall, ..] => Some(self.udp_rise_fall(lex, state, rise, fall, span)),
        };
        self.cont_process(lex, l, rhs, delay, span);
    }

    /// `state === 1 ? rise : state === 0 ? fall : min(rise, fall)` in ticks.
    fn udp_rise_fall(
        &mut self,
        lex: LexId,
        state: SignalId,
        rise: &'a ast::Expr,
        fall: &'a ast::Expr,
        span: Span,
    ) -> ExprId {
        let r = self.delay_expr(lex, rise);
        let f = self.delay_expr(lex, fall);
        let t64 = self.ty(r);
        let is = |e: &mut Self, v: u64| {
            let s = e.signal_expr(state, span);
            let c = e.const_expr(Const::from_u64(1, false, v), true, span);
            e.expr(ExprKind::Binary { op: BinOp::CaseEq, lhs: s, rhs: c }, Type::LOGIC1, span)
        };
        let r_lt_f = self.expr(ExprKind::Binary { op: BinOp::Lt, lhs: r, rhs: f }, Type::LOGIC1, span);
        let min = self.expr(ExprKind::Cond { cond: r_lt_f, then_expr: r, else_expr: f }, t64, span);
        let is0 = is(self, 0);
        let to0 = self.expr(ExprKind::Cond { cond: is0, then_expr: f, else_expr: min }, t64, span);
        let is1 = is(self, 1);
        self.expr(ExprKind::Cond { cond: is1, then_expr: r, else_expr: to0 }, t64, span)
    }
}
