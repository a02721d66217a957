//! Signal strengths (IEEE 1364-2005 7.8-7.13) for the nets that need them.
//!
//! Plain nets stay 4-state (resolved by `resolve_drivers`). A net with a
//! driver of non-default strength, a pull, a MOS switch driver, a
//! bidirectional switch, or of kind tri0/tri1/supply0/supply1 gets a hidden
//! companion: its *strength vector* (one byte per bit, see
//! `wsim_ir::STRENGTH_FUNCS`). Its resolver process computes the companion
//! from every driver's strength vector and the net's value from the
//! companion; `%v` prints the companion. A port connection that copies a
//! strength net passes the strengths on (a continuous assignment does not).
//!
//! Bidirectional switches (`tran`, `tranif0/1` and their resistive forms)
//! join bits of nets into channels: each net's own drivers are resolved
//! into a hidden `$own` vector, and one process per channel computes every
//! member's final strengths from all of them and the switch controls.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use wsim_diag::Span;
use wsim_ir::{
    BinOp, Const, Edge, Event, ExprId, ExprKind, NetKind, ProcId, ProcKind, Process, SignalId, SignalKind, StmtId,
    StmtKind, Type,
};

use crate::ctx::Elab;
use crate::types::DataTy;

/// Strength level of the `pull` drive (1364-2005 table 7-7).
const PULL: u8 = 5;

/// How a continuous driver sets strengths.
#[derive(Clone, Copy, Debug)]
struct Drive {
    /// The driver process's body (process ids change when ports collapse).
    body: StmtId,
    /// `(strength0, strength1)` of the driven value.
    levels: (u8, u8),
    gate: Option<GateDrive>,
}

/// A driver whose strength is more than its value's: a MOS switch or a
/// three-state buffer (an unknown control drives L or H).
#[derive(Clone, Copy, Debug)]
pub struct GateDrive {
    /// `wsim_ir::STRENGTH_FUNCS` `$strength$gate` kind.
    pub kind: u32,
    /// The data input: for a MOS switch its strengths pass through; for a
    /// buffer it is the value driven at the gate's strengths.
    pub data: ExprId,
    pub passes_strength: bool,
    pub ctrl: ExprId,
    pub pctrl: Option<ExprId>,
}

/// A bidirectional switch between two terminals (constant bits of nets).
#[derive(Clone, Debug)]
pub struct Switch {
    /// 0 tran, 1 tranif0, 2 tranif1.
    pub kind: u8,
    pub resistive: bool,
    /// An inout port joining its net to the parent's bits: no reduction.
    pub port: bool,
    pub a: (SignalId, u32, u32),
    pub b: (SignalId, u32, u32),
    pub ctrl: Option<ExprId>,
    pub span: Span,
}

/// Per-design strength state.
#[derive(Default)]
pub struct StrengthState {
    /// By the `Signal` node of the net inside a driver's lvalue.
    drives: HashMap<ExprId, Drive>,
    /// Per-bit pull strength bytes of nets under pullup/pulldown.
    pulls: HashMap<SignalId, Vec<u8>>,
    pub switches: Vec<Switch>,
    /// Net -> its strength vector.
    companions: HashMap<SignalId, SignalId>,
    /// `wire (weak0, weak1) w = e;`: strengths of declaration assignments.
    pub decl: HashMap<SignalId, wsim_syntax::ast::Strength>,
    /// Lvalue nodes of port connections that copy a whole signal.
    port_copies: Vec<ExprId>,
    /// The same, kept: only a port passes strengths on (a continuous
    /// assignment drives at its own strength, 1364-2005 7.8).
    port_copy_nodes: std::collections::HashSet<ExprId>,
}

/// The strength byte of a value driven at `(s0, s1)` (guest-rt encoding).
fn byte(code: u8, levels: (u8, u8)) -> u8 {
    wsim_guest_rt::strength::drive(code, levels.0, levels.1)
}

fn strength_const(bytes: &[u8]) -> Const {
    let mut c = Const::zero(8 * bytes.len() as u32, false);
    for (i, &b) in bytes.iter().enumerate() {
        c.words[i / 8] |= u64::from(b) << ((i % 8) * 8);
    }
    c
}

fn vector_ty(w: u32) -> Type {
    Type::bits(8 * w, false)
}

impl<'a> Elab<'a> {
    /// Remember the process that drives the nets of `lhs` (every continuous
    /// driver, at strong strength until told otherwise).
    pub fn strength_note_proc(&mut self, proc: ProcId, lhs: ExprId) {
        for node in self.net_nodes(lhs) {
            let body = self.d.procs[proc].body;
            self.strength.drives.insert(node, Drive { body, levels: (6, 6), gate: None });
        }
    }

    /// The drive strength of the driver of `lhs`.
    pub fn strength_note_levels(&mut self, lhs: ExprId, st: Option<wsim_syntax::ast::Strength>) {
        let Some(st) = st else { return };
        if st.s0 == 0 && st.s1 == 0 {
            self.error(wsim_diag::codes::elab::TYPE_ERROR, st.span, "a drive strength cannot be (highz0, highz1)");
            return;
        }
        for node in self.net_nodes(lhs) {
            if let Some(d) = self.strength.drives.get_mut(&node) {
                d.levels = (st.s0, st.s1);
            }
        }
    }

    /// The driver of `lhs` is a switch or three-state buffer.
    pub fn strength_note_gate(&mut self, lhs: ExprId, gate: GateDrive) {
        for node in self.net_nodes(lhs) {
            if let Some(d) = self.strength.drives.get_mut(&node) {
                d.gate = Some(gate);
            }
        }
    }

    /// A pullup (`up`) or pulldown on bits `off..off+width` of `net`.
    pub fn strength_note_pull(&mut self, net: SignalId, off: u32, width: u32, up: bool, level: u8) {
        let w = self.d.signals[net].ty.width;
        let bits = self.strength.pulls.entry(net).or_insert_with(|| vec![0; w as usize]);
        let b = byte(u8::from(up), (level, level));
        for i in off..(off + width).min(w) {
            bits[i as usize] = wsim_guest_rt::strength::resolve(bits[i as usize], b);
        }
    }

    /// A port connection copying a whole signal into the net of `lhs`.
    pub fn strength_note_port_copy(&mut self, lhs: ExprId) {
        self.strength.port_copies.push(lhs);
        self.strength.port_copy_nodes.insert(lhs);
    }

    /// A port between two nets whose receiving net has other drivers too
    /// (an output driven from outside as well, an input driven inside) is
    /// one node in Verilog, not a one-way copy: as Icarus does ("port
    /// coerced to inout"), the copy becomes a non-reducing switch.
    fn coerce_port_copies(&mut self) {
        let nodes = std::mem::take(&mut self.strength.port_copies);
        for node in nodes {
            let ExprKind::Signal(n) = self.d.exprs[node].kind else { continue };
            let Some(drivers) = self.drivers.get(&n) else { continue };
            if drivers.len() < 2 || !drivers.iter().any(|d| d.lhs_node == node) {
                continue;
            }
            let Some(m) = self.copied_net(node) else { continue };
            let plain = |k| matches!(k, Some(NetKind::Wire | NetKind::Tri));
            if m == n || !plain(self.is_net(n)) || !plain(self.is_net(m)) || !self.d.signals[m].dims.is_empty() {
                continue;
            }
            let w = self.d.signals[n].ty.width;
            if let Some(ds) = self.drivers.get_mut(&n) {
                ds.retain(|d| d.lhs_node != node);
            }
            let span = self.d.exprs[node].span;
            let dt = self.sig_ty[n.index()].clone();
            let name = format!("{}$port", self.d.signals[n].name);
            let dead = self.add_signal(self.unit_lex, &name, &dt, vec![], SignalKind::Var, None, true, span);
            self.d.exprs[node].kind = ExprKind::Signal(dead);
            let sw = Switch { kind: 0, resistive: false, port: true, a: (n, 0, w), b: (m, 0, w), ctrl: None, span };
            self.strength.switches.push(sw);
        }
    }

    /// `force` gave `net`'s drivers to `drv`: its pulls go along; a forced
    /// net on a bidirectional switch is not supported.
    pub fn strength_forced(&mut self, net: SignalId, drv: SignalId) {
        if let Some(sw) = self.strength.switches.iter().find(|s| s.a.0 == net || s.b.0 == net) {
            let span = sw.span;
            self.unsupported("`force` on a net connected to a bidirectional switch", span);
            return;
        }
        self.strength_rename(net, drv, 0);
    }

    /// Whether no strength feature touches `sig` (pulls, switches,
    /// declared strengths, drivers not at strong strength): then its value
    /// is its drivers' plain value and it may be merged into another net's
    /// storage.
    pub fn strength_plain(&self, sig: SignalId) -> bool {
        let st = &self.strength;
        let driven = self.drivers.get(&sig).into_iter().flatten().any(|d| !self.drive_is_plain(d.lhs_node));
        !st.pulls.contains_key(&sig)
            && !st.switches.iter().any(|sw| sw.a.0 == sig || sw.b.0 == sig)
            && !st.decl.contains_key(&sig)
            && !st.companions.contains_key(&sig)
            && !driven
    }

    /// Whether the continuous driver whose lvalue node is `node` drives at
    /// strong strength through no gate (its value alone says what it drives).
    pub(crate) fn drive_is_plain(&self, node: ExprId) -> bool {
        self.strength.drives.get(&node).is_none_or(|d| d.levels == (6, 6) && d.gate.is_none())
    }

    /// `from` became bits `off..` of `to` (an inout port bound to a
    /// parent's net, a collapsed port): its pulls and switch ends move.
    pub fn strength_rename(&mut self, from: SignalId, to: SignalId, off: u32) {
        if let Some(bits) = self.strength.pulls.remove(&from) {
            let w = self.d.signals[to].ty.width as usize;
            let dst = self.strength.pulls.entry(to).or_insert_with(|| vec![0; w]);
            for (i, b) in bits.into_iter().enumerate() {
                if let Some(d) = dst.get_mut(i + off as usize) {
                    *d = wsim_guest_rt::strength::resolve(*d, b);
                }
            }
        }
        for sw in &mut self.strength.switches {
            for end in [&mut sw.a, &mut sw.b] {
                if end.0 == from {
                    *end = (to, end.1 + off, end.2);
                }
            }
        }
    }

    /// The `Signal` and `ArrayElem` nodes of nets inside an lvalue.
    fn net_nodes(&self, lhs: ExprId) -> Vec<ExprId> {
        match &self.d.exprs[lhs].kind {
            ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } if self.is_net(*s).is_some() => vec![lhs],
            ExprKind::Select { base, .. } => self.net_nodes(*base),
            ExprKind::Concat(parts) => parts.iter().flat_map(|&p| self.net_nodes(p)).collect(),
            _ => vec![],
        }
    }

    /// The companion strength vector of `net`, if it models strengths.
    pub fn strength_companion(&self, net: SignalId) -> Option<SignalId> {
        self.strength.companions.get(&net).copied()
    }

    // ------------------------------------------------------------ resolution

    /// Resolve every net that models strengths; they leave `drivers` and
    /// the pull tables, so `resolve_drivers` handles only plain nets.
    pub fn resolve_strength_nets(&mut self) {
        self.coerce_port_copies();
        let nets = self.strength_nets();
        if nets.is_empty() {
            return;
        }
        let mut lex_of_scope = HashMap::new();
        for (i, l) in self.lex.iter().enumerate().rev() {
            lex_of_scope.insert(l.scope, i);
        }
        for &net in &nets {
            let scope = self.d.signals[net].scope;
            let lex = lex_of_scope.get(&scope).copied().unwrap_or(self.unit_lex);
            let w = self.d.signals[net].ty.width;
            let name = format!("{}$str", self.d.signals[net].name);
            let span = self.d.signals[net].span;
            let c =
                self.add_signal(lex, &name, &DataTy::from_ir(vector_ty(w)), vec![], SignalKind::Var, None, true, span);
            self.strength.companions.insert(net, c);
        }
        let channels = self.channels(&nets);
        let in_channel: HashMap<SignalId, usize> =
            channels.iter().enumerate().flat_map(|(i, ch)| ch.iter().map(move |&n| (n, i))).collect();
        let mut own = HashMap::new();
        for &net in &nets {
            let scope = self.d.signals[net].scope;
            let lex = lex_of_scope.get(&scope).copied().unwrap_or(self.unit_lex);
            let target = if in_channel.contains_key(&net) {
                let w = self.d.signals[net].ty.width;
                let name = format!("{}$own", self.d.signals[net].name);
                let span = self.d.signals[net].span;
                let ty = DataTy::from_ir(vector_ty(w));
                let o = self.add_signal(lex, &name, &ty, vec![], SignalKind::Var, None, true, span);
                own.insert(net, o);
                Some(o)
            } else {
                None
            };
            self.resolve_strength_net(net, lex, target);
        }
        for ch in &channels {
            self.channel_process(ch, &own);
        }
        for net in nets {
            self.drivers.remove(&net);
            self.pulls.remove(&net);
            self.pull_bits.remove(&net);
        }
    }

    /// The nets that model strengths, in id order.
    fn strength_nets(&mut self) -> Vec<SignalId> {
        let mut set: BTreeSet<SignalId> = self.strength.pulls.keys().copied().collect();
        for sw in &self.strength.switches {
            set.insert(sw.a.0);
            set.insert(sw.b.0);
        }
        let all: Vec<SignalId> = self.d.signals.ids().collect();
        for s in all {
            if matches!(self.is_net(s), Some(NetKind::Tri0 | NetKind::Tri1 | NetKind::Supply0 | NetKind::Supply1))
                && self.d.signals[s].dims.is_empty()
            {
                set.insert(s);
            }
        }
        let strong_copy_of = |this: &Self, node: ExprId| -> Option<SignalId> { this.copied_net(node) };
        loop {
            let before = set.len();
            for (&net, drivers) in &self.drivers {
                if set.contains(&net)
                    || !matches!(self.is_net(net), Some(NetKind::Wire | NetKind::Tri | NetKind::Uwire))
                {
                    continue;
                }
                let special = drivers.iter().any(|drv| match self.strength.drives.get(&drv.lhs_node) {
                    Some(d) => {
                        d.levels != (6, 6)
                            || d.gate.is_some()
                            || strong_copy_of(self, drv.lhs_node).is_some_and(|m| set.contains(&m))
                    }
                    None => false,
                });
                if special {
                    set.insert(net);
                }
            }
            if set.len() == before {
                break;
            }
        }
        set.retain(|&s| {
            self.is_net(s).is_some() && self.d.signals[s].dims.is_empty() && self.d.signals[s].ty.four_state
        });
        set.into_iter().collect()
    }

    /// The net a port connection copying a whole net reads, when it has no
    /// delay.
    fn copied_net(&self, node: ExprId) -> Option<SignalId> {
        if !self.strength.port_copy_nodes.contains(&node) {
            return None;
        }
        let d = self.strength.drives.get(&node)?;
        if d.gate.is_some() || d.levels != (6, 6) {
            return None;
        }
        let StmtKind::Block { stmts, .. } = &self.d.stmts[d.body].kind else { return None };
        let StmtKind::Assign { lhs, rhs } = &self.d.stmts[*stmts.first()?].kind else { return None };
        let ExprKind::Signal(m) = self.d.exprs[*rhs].kind else { return None };
        let same_width = self.d.signals[m].ty.width == self.ty(*lhs).width;
        (*lhs == node && same_width && self.is_net(m).is_some()).then_some(m)
    }

    /// The constant strength vector of a net's pulls (and tri0/tri1 pull).
    fn pull_vector(&self, net: SignalId) -> Vec<u8> {
        let w = self.d.signals[net].ty.width as usize;
        let mut v = self.strength.pulls.get(&net).cloned().unwrap_or_else(|| vec![0; w]);
        let extra = match self.is_net(net) {
            Some(NetKind::Tri0) => byte(0, (PULL, PULL)),
            Some(NetKind::Tri1) => byte(1, (PULL, PULL)),
            _ => 0,
        };
        for b in &mut v {
            *b = wsim_guest_rt::strength::resolve(*b, extra);
        }
        v
    }

    /// One strength net: its companion (or `own` vector, inside a channel)
    /// = the resolution of its drivers and pulls; its value follows.
    fn resolve_strength_net(&mut self, net: SignalId, lex: crate::ctx::LexId, own: Option<SignalId>) {
        let sig = self.d.signals[net].clone();
        let span = sig.span;
        let w = sig.ty.width;
        let comp = self.strength.companions[&net];
        let target = own.unwrap_or(comp);
        if let Some(k @ (NetKind::Supply0 | NetKind::Supply1)) = self.is_net(net) {
            let b = byte(u8::from(k == NetKind::Supply1), (7, 7));
            self.d.signals[target].init = Some(strength_const(&[b].repeat(w as usize)));
            return;
        }
        let pulls = self.pull_vector(net);
        let mut args = Vec::new();
        let mut events = Vec::new();
        if pulls.iter().any(|&b| b != 0) {
            args.push(self.const_expr(strength_const(&pulls), false, span));
        }
        let drivers = self.drivers.get(&net).cloned().unwrap_or_default();
        for (i, drv) in drivers.iter().enumerate() {
            let Some(arg) = self.driver_strength(net, lex, i, drv, &mut events) else { continue };
            args.push(arg);
        }
        if args.is_empty() || (events.is_empty() && drivers.is_empty()) {
            self.d.signals[target].init = Some(strength_const(&pulls));
            if own.is_none() {
                let value = pulls.iter().map(|&b| wsim_guest_rt::strength::code(b)).collect::<Vec<_>>();
                self.d.signals[net].init = Some(code_const(&value));
            }
            return;
        }
        let vt = vector_ty(w);
        let resolved = self.strength_call("$strength$resolve", args, vt, span);
        let lhs = self.signal_expr(target, span);
        let mut stmts = vec![self.stmt(StmtKind::Assign { lhs, rhs: resolved }, span)];
        if own.is_none() {
            stmts.push(self.value_from_companion(net, span));
        }
        stmts.push(self.stmt(StmtKind::WaitEvent { events }, span));
        let body = self.stmt(StmtKind::Block { stmts, name: None }, span);
        self.d.procs.push(Process { kind: ProcKind::ContAssign, body, scope: sig.scope, span });
    }

    /// `net = $strength$value(net$str)`.
    fn value_from_companion(&mut self, net: SignalId, span: Span) -> wsim_ir::StmtId {
        let comp = self.strength.companions[&net];
        let c = self.signal_expr(comp, span);
        let ty = self.d.signals[net].ty;
        let v = self.strength_call("$strength$value", vec![c], Type { signed: false, ..ty }, span);
        let v = if ty.signed { self.expr(ExprKind::Convert { arg: v }, ty, span) } else { v };
        let lhs = self.signal_expr(net, span);
        self.stmt(StmtKind::Assign { lhs, rhs: v }, span)
    }

    fn strength_call(&mut self, name: &str, args: Vec<ExprId>, ty: Type, span: Span) -> ExprId {
        // The scope of a strength function is unused: any valid one will do.
        let scope = wsim_ir::ScopeId::from_raw(0);
        self.expr(ExprKind::SysFunc { name: name.into(), args, scope }, ty, span)
    }

    /// The strength vector one driver contributes (an expression over a
    /// hidden per-driver variable the driver now writes), adding the
    /// events the resolver waits on.
    fn driver_strength(
        &mut self,
        net: SignalId,
        lex: crate::ctx::LexId,
        i: usize,
        drv: &crate::ctx::Driver,
        events: &mut Vec<Event>,
    ) -> Option<ExprId> {
        let (node, span) = (drv.lhs_node, drv.span);
        let sig = self.d.signals[net].clone();
        let w = sig.ty.width;
        if let Some(m) = self.copied_net(node) {
            if let Some(mc) = self.strength_companion(m) {
                // The copy process stays (writing a dead variable) so the
                // net's original process list is untouched.
                let dt = self.sig_ty[net.index()].clone();
                let name = format!("{}$cp{i}", sig.name);
                let dead = self.add_signal(lex, &name, &dt, vec![], SignalKind::Var, None, true, span);
                self.d.exprs[node].kind = ExprKind::Signal(dead);
                let e = self.signal_expr(mc, span);
                events.push(Event { edge: Edge::Any, expr: e });
                return Some(self.signal_expr(mc, span));
            }
        }
        let drive = self.strength.drives.get(&node).copied();
        match drive.and_then(|d| d.gate.map(|g| (d, g))) {
            Some((d, g)) => {
                let name = format!("{}$sdrv{i}", sig.name);
                // x at the gate's strengths on the bits it drives, until it
                // first drives them.
                let driven = drv.bits.within(w);
                let bytes: Vec<u8> =
                    (0..u64::from(w)).map(|b| if driven.contains(&b) { byte(3, d.levels) } else { 0 }).collect();
                let init = Some(strength_const(&bytes));
                let dt = DataTy::from_ir(vector_ty(w));
                let h = self.add_signal(lex, &name, &dt, vec![], SignalKind::Var, init, true, span);
                self.rewrite_gate_driver(d, g, node, h, span)?;
                let e = self.signal_expr(h, span);
                events.push(Event { edge: Edge::Any, expr: e });
                Some(self.signal_expr(h, span))
            }
            None => {
                let levels = drive.map_or((6, 6), |d| d.levels);
                let name = format!("{}$drv{i}", sig.name);
                let dt = self.sig_ty[net.index()].clone();
                let start = drv.bits.start(w, sig.ty.signed);
                let h = self.add_signal(lex, &name, &dt, vec![], SignalKind::Var, Some(start), true, span);
                self.d.exprs[node].kind = ExprKind::Signal(h);
                let e = self.signal_expr(h, span);
                events.push(Event { edge: Edge::Any, expr: e });
                let v = self.signal_expr(h, span);
                let v = self.coerce(v, Type::logic(w, false));
                let lv = self.const_expr(Const::from_u64(8, false, u64::from(levels.0 | (levels.1 << 4))), false, span);
                Some(self.strength_call("$strength$drive", vec![v, lv], vector_ty(w), span))
            }
        }
    }

    /// A switch/buffer driver now writes its strength vector into `h`: its
    /// lvalue moves to `h`'s bytes and its value becomes `$strength$gate`.
    fn rewrite_gate_driver(&mut self, d: Drive, g: GateDrive, node: ExprId, h: SignalId, span: Span) -> Option<()> {
        let body = d.body;
        let StmtKind::Block { stmts, .. } = self.d.stmts[body].kind.clone() else { return None };
        let (&first, rest) = stmts.split_first()?;
        let (lhs, delay) = match &self.d.stmts[first].kind {
            StmtKind::Assign { lhs, .. } => (*lhs, None),
            StmtKind::AssignAfter { lhs, delay, .. } => (*lhs, Some(*delay)),
            _ => return None,
        };
        let new_lhs = self.companion_lvalue(lhs, node, h)?;
        let w = self.ty(new_lhs).width / 8;
        let mut extra_events = Vec::new();
        let data = if g.passes_strength {
            self.strength_of(g.data, &mut extra_events, span)
        } else {
            let v = self.coerce(g.data, Type::logic(self.ty(g.data).width, false));
            let levels = d.levels;
            let lv = self.const_expr(Const::from_u64(8, false, u64::from(levels.0 | (levels.1 << 4))), false, span);
            let vw = self.ty(v).width;
            self.strength_call("$strength$drive", vec![v, lv], vector_ty(vw), span)
        };
        let data = self.fit_vector(data, w, span);
        let kind = self.const_expr(Const::from_u64(32, false, u64::from(g.kind)), false, span);
        let mut args = vec![kind, data, g.ctrl];
        args.extend(g.pctrl);
        let rhs = self.strength_call("$strength$gate", args, vector_ty(w), span);
        let assign = match delay {
            Some(delay) => self.stmt(StmtKind::AssignAfter { lhs: new_lhs, rhs, delay }, span),
            None => self.stmt(StmtKind::Assign { lhs: new_lhs, rhs }, span),
        };
        let mut new_stmts = vec![assign];
        for &s in rest {
            if let StmtKind::WaitEvent { events } = &self.d.stmts[s].kind {
                let mut events = events.clone();
                events.append(&mut extra_events);
                new_stmts.push(self.stmt(StmtKind::WaitEvent { events }, span));
            } else {
                new_stmts.push(s);
            }
        }
        self.d.stmts[body].kind = StmtKind::Block { stmts: new_stmts, name: None };
        Some(())
    }

    /// A strength vector of exactly `w` bits' bytes (zero-extended or cut).
    fn fit_vector(&mut self, v: ExprId, w: u32, span: Span) -> ExprId {
        if self.ty(v).width == 8 * w {
            return v;
        }
        self.expr(ExprKind::Convert { arg: v }, vector_ty(w), span)
    }

    /// The lvalue `lhs` (the net `node` or constant bits of it) moved to the
    /// strength vector `h`.
    fn companion_lvalue(&mut self, lhs: ExprId, node: ExprId, h: SignalId) -> Option<ExprId> {
        let span = self.d.exprs[lhs].span;
        if lhs == node {
            return Some(self.signal_expr(h, span));
        }
        let ExprKind::Select { base, offset, width } = self.d.exprs[lhs].kind.clone() else { return None };
        if base != node {
            return None;
        }
        let base = self.signal_expr(h, span);
        let offset = self.times_eight(offset, span);
        Some(self.expr(ExprKind::Select { base, offset, width: 8 * width }, vector_ty(width), span))
    }

    fn times_eight(&mut self, e: ExprId, span: Span) -> ExprId {
        if let ExprKind::Const(c) = &self.d.exprs[e].kind {
            if let Some(v) = c.to_u64() {
                return self.const_expr(Const::from_u64(64, false, v * 8), false, span);
            }
        }
        let e = self.coerce(e, Type::logic(64, true));
        let eight = self.const_expr(Const::from_u64(64, true, 8), false, span);
        self.expr(ExprKind::Binary { op: BinOp::Mul, lhs: e, rhs: eight }, Type::logic(64, true), span)
    }

    /// The strength vector of a value expression: a strength net's (or
    /// constant bits of one) companion, else the value at strong strength.
    fn strength_of(&mut self, e: ExprId, events: &mut Vec<Event>, span: Span) -> ExprId {
        let mut inner = e;
        while let ExprKind::Convert { arg } = self.d.exprs[inner].kind {
            if self.ty(arg).width != self.ty(inner).width {
                break;
            }
            inner = arg;
        }
        let w = self.ty(inner).width;
        match self.d.exprs[inner].kind.clone() {
            ExprKind::Signal(s) if self.strength_companion(s).is_some() => {
                let c = self.strength_companion(s).unwrap_or(s);
                let ev = self.signal_expr(c, span);
                events.push(Event { edge: Edge::Any, expr: ev });
                return self.signal_expr(c, span);
            }
            ExprKind::Select { base, offset, width } => {
                if let ExprKind::Signal(s) = self.d.exprs[base].kind {
                    if let Some(c) = self.strength_companion(s) {
                        let ev = self.signal_expr(c, span);
                        events.push(Event { edge: Edge::Any, expr: ev });
                        let b = self.signal_expr(c, span);
                        let offset = self.times_eight(offset, span);
                        return self.expr(
                            ExprKind::Select { base: b, offset, width: 8 * width },
                            vector_ty(width),
                            span,
                        );
                    }
                }
            }
            _ => {}
        }
        let v = self.coerce(inner, Type::logic(w, false));
        let lv = self.const_expr(Const::from_u64(8, false, 0x66), false, span);
        self.strength_call("$strength$drive", vec![v, lv], vector_ty(w), span)
    }

    // ------------------------------------------------------------ channels

    /// Nets joined by bidirectional switches, as groups (each sorted).
    fn channels(&self, nets: &[SignalId]) -> Vec<Vec<SignalId>> {
        let mut parent: HashMap<SignalId, SignalId> = HashMap::new();
        fn find(p: &mut HashMap<SignalId, SignalId>, s: SignalId) -> SignalId {
            let mut r = s;
            while let Some(&q) = p.get(&r) {
                if q == r {
                    break;
                }
                r = q;
            }
            p.insert(s, r);
            r
        }
        for sw in &self.strength.switches {
            if !nets.contains(&sw.a.0) || !nets.contains(&sw.b.0) {
                continue;
            }
            let (ra, rb) = (find(&mut parent, sw.a.0), find(&mut parent, sw.b.0));
            if ra != rb {
                parent.insert(ra.max(rb), ra.min(rb));
            }
        }
        let mut groups: BTreeMap<SignalId, Vec<SignalId>> = BTreeMap::new();
        let keys: Vec<SignalId> = parent.keys().copied().collect();
        for s in keys {
            let r = find(&mut parent, s);
            groups.entry(r).or_default().push(s);
        }
        groups
            .into_values()
            .map(|mut g| {
                g.sort();
                g.dedup();
                g
            })
            .collect()
    }

    /// The process of one channel: every member's companion and value from
    /// all members' own vectors and the switches' controls.
    fn channel_process(&mut self, nets: &[SignalId], own: &HashMap<SignalId, SignalId>) {
        let span = self.d.signals[nets[0]].span;
        let scope = self.d.signals[nets[0]].scope;
        // Bit offset of each member inside the concatenation (LSB first).
        let mut base = HashMap::new();
        let mut total = 0u32;
        for &n in nets {
            base.insert(n, total);
            total += self.d.signals[n].ty.width;
        }
        let switches: Vec<Switch> = self
            .strength
            .switches
            .iter()
            .filter(|s| base.contains_key(&s.a.0) && base.contains_key(&s.b.0))
            .cloned()
            .collect();
        let span = switches.first().map_or(span, |s| s.span);
        let mut desc = Vec::new();
        let mut ctrls = Vec::new();
        let mut events = Vec::new();
        for sw in &switches {
            let width = sw.a.2.min(sw.b.2);
            let ctrl_index = match sw.ctrl {
                Some(c) => {
                    ctrls.push(c);
                    ctrls.len() as u32
                }
                None => 0,
            };
            for k in 0..width {
                let a = base[&sw.a.0] + sw.a.1 + k;
                let b = base[&sw.b.0] + sw.b.1 + k;
                let reduction = match (sw.port, sw.resistive) {
                    (true, _) => 0,
                    (false, true) => 2,
                    (false, false) => 1,
                };
                let mode = u32::from(sw.kind) | (reduction << 4);
                desc.push(u64::from(mode) | (u64::from(ctrl_index) << 16) | (u64::from(a) << 32));
                desc.push(u64::from(b));
            }
        }
        // Members' own vectors, MSB first in the concatenation.
        let mut parts = Vec::new();
        for &n in nets.iter().rev() {
            let o = own[&n];
            let e = self.signal_expr(o, span);
            events.push(Event { edge: Edge::Any, expr: e });
            parts.push(self.signal_expr(o, span));
        }
        let owns = self.expr(ExprKind::Concat(parts), vector_ty(total), span);
        let mut cparts = Vec::new();
        for &c in ctrls.iter().rev() {
            let c1 = self.coerce(c, Type::LOGIC1);
            cparts.push(c1);
        }
        let zero = self.const_expr(Const::zero(1, false), true, span);
        cparts.push(zero);
        let nctrl = cparts.len() as u32;
        let ctrl_concat = self.expr(ExprKind::Concat(cparts), Type::logic(nctrl, false), span);
        for &c in &ctrls {
            let mut reads = Vec::new();
            self.collect_signal_reads(c, &mut reads);
            for s in reads {
                let e = self.signal_expr(s, span);
                events.push(Event { edge: Edge::Any, expr: e });
            }
        }
        let mut dc = Const::zero(64 * desc.len().max(1) as u32, false);
        dc.words[..desc.len()].copy_from_slice(&desc);
        let dexpr = self.const_expr(dc, false, span);
        let all = self.strength_call("$strength$tran", vec![dexpr, owns, ctrl_concat], vector_ty(total), span);
        let scope_lex = self.unit_lex;
        let tmp = self.add_signal(
            scope_lex,
            "tran$channel",
            &DataTy::from_ir(vector_ty(total)),
            vec![],
            SignalKind::Var,
            None,
            true,
            span,
        );
        let lhs = self.signal_expr(tmp, span);
        let mut stmts = vec![self.stmt(StmtKind::Assign { lhs, rhs: all }, span)];
        for &n in nets {
            let w = self.d.signals[n].ty.width;
            let comp = self.strength.companions[&n];
            let src = self.signal_expr(tmp, span);
            let off = self.const_expr(Const::from_u64(64, false, u64::from(8 * base[&n])), false, span);
            let rhs = self.expr(ExprKind::Select { base: src, offset: off, width: 8 * w }, vector_ty(w), span);
            let lhs = self.signal_expr(comp, span);
            stmts.push(self.stmt(StmtKind::Assign { lhs, rhs }, span));
            stmts.push(self.value_from_companion(n, span));
        }
        stmts.push(self.stmt(StmtKind::WaitEvent { events }, span));
        let body = self.stmt(StmtKind::Block { stmts, name: None }, span);
        self.d.procs.push(Process { kind: ProcKind::ContAssign, body, scope, span });
    }

    fn collect_signal_reads(&self, e: ExprId, out: &mut Vec<SignalId>) {
        if let ExprKind::Signal(s) = self.d.exprs[e].kind {
            out.push(s);
        }
        if let ExprKind::ArrayElem { sig, .. } = self.d.exprs[e].kind {
            out.push(sig);
        }
        for c in self.d.exprs[e].kind.children() {
            self.collect_signal_reads(c, out);
        }
    }

    // ------------------------------------------------------------ display

    /// `%v` needs the strengths: display arguments that name a strength net
    /// (or constant bits of one) become `$strength$show(value, strengths)`.
    pub fn show_strengths(&mut self) {
        if self.strength.companions.is_empty() {
            return;
        }
        let ids: Vec<_> = self.d.stmts.ids().collect();
        for id in ids {
            let StmtKind::SysTask { name, args, .. } = self.d.stmts[id].kind.clone() else { continue };
            if !is_display_task(&name) {
                continue;
            }
            let mut new_args = args.clone();
            for a in new_args.iter_mut().flatten() {
                if let Some(show) = self.show_arg(*a) {
                    *a = show;
                }
            }
            if let StmtKind::SysTask { args, .. } = &mut self.d.stmts[id].kind {
                *args = new_args;
            }
        }
    }

    fn show_arg(&mut self, a: ExprId) -> Option<ExprId> {
        let span = self.d.exprs[a].span;
        let (s, sel) = match self.d.exprs[a].kind.clone() {
            ExprKind::Select { base, offset, width } => (self.shown_net(base)?, Some((offset, width))),
            _ => (self.shown_net(a)?, None),
        };
        let c = self.strength_companion(s)?;
        let cs = self.signal_expr(c, span);
        let strengths = match sel {
            None => cs,
            Some((offset, width)) => {
                let offset = self.times_eight(offset, span);
                self.expr(ExprKind::Select { base: cs, offset, width: 8 * width }, vector_ty(width), span)
            }
        };
        let ty = self.ty(a);
        Some(self.strength_call("$strength$show", vec![a, strengths], ty, span))
    }
}

impl Elab<'_> {
    /// The net whose strengths a display argument shows: a signal, or the
    /// hidden net of a net-array element that several or strength drivers
    /// drive (`split_elements`).
    fn shown_net(&self, e: ExprId) -> Option<SignalId> {
        match &self.d.exprs[e].kind {
            ExprKind::Signal(s) => Some(*s),
            ExprKind::ArrayElem { sig, indices } => {
                let key = (*sig, self.const_indices(indices)?);
                self.split_elements.get(&key).copied()
            }
            _ => None,
        }
    }
}

fn is_display_task(name: &str) -> bool {
    let base = name.trim_start_matches('$');
    ["display", "write", "strobe", "monitor", "fdisplay", "fwrite", "fstrobe", "fmonitor", "sformat", "swrite"]
        .iter()
        .any(|p| base.starts_with(p))
}

/// A 4-state constant from per-bit codes (0, 1, z=2, x=3).
fn code_const(codes: &[u8]) -> Const {
    let w = codes.len() as u32;
    let mut c = Const::zero(w, false);
    let n = Const::limbs(w);
    for (i, &code) in codes.iter().enumerate() {
        c.words[i / 64] |= u64::from(code & 1) << (i % 64);
        c.words[n + i / 64] |= u64::from(code >> 1) << (i % 64);
    }
    c
}

// ------------------------------------------------------------ gates

impl<'a> Elab<'a> {
    /// The strength form of a three-state buffer or MOS switch (`vals` are
    /// its inputs as the gate lowering made them), or None for other gates.
    pub fn gate_drive(
        &mut self,
        g: &wsim_syntax::ast::GateInst,
        vals: &[ExprId],
        ot: Type,
        span: Span,
    ) -> Option<GateDrive> {
        use wsim_syntax::ast::GateKind as G;
        let reduce = if g.resistive { 2 } else { 1 };
        let (kind, data, passes) = match g.kind {
            G::Bufif1 | G::Notif1 | G::Bufif0 | G::Notif0 => {
                let on_zero = matches!(g.kind, G::Bufif0 | G::Notif0);
                let data = if matches!(g.kind, G::Notif0 | G::Notif1) {
                    self.expr(ExprKind::Unary { op: wsim_ir::UnOp::BitNot, arg: vals[0] }, ot, span)
                } else {
                    // an enabled buffer drives x for z (1364-2005 table 7-5)
                    let zero = self.const_expr(Const::zero(ot.width, false), true, span);
                    self.expr(ExprKind::Binary { op: BinOp::BitXor, lhs: vals[0], rhs: zero }, ot, span)
                };
                (u32::from(on_zero), data, false)
            }
            G::Nmos => (reduce << 4, vals[0], true),
            G::Pmos => (1 | (reduce << 4), vals[0], true),
            G::Cmos => (2 | (reduce << 4), vals[0], true),
            _ => return None,
        };
        let ctrl = self.coerce(vals[1], Type::LOGIC1);
        let pctrl = (g.kind == G::Cmos).then(|| self.coerce(vals[2], Type::LOGIC1));
        Some(GateDrive { kind, data, passes_strength: passes, ctrl, pctrl })
    }

    /// `tran (a, b)`, `tranif1 (a, b, c)`...: a bidirectional switch
    /// between two nets (or constant bits of them).
    pub fn switch_instance(
        &mut self,
        lex: crate::ctx::LexId,
        g: &'a wsim_syntax::ast::GateInst,
        t: &'a [wsim_syntax::ast::Expr],
        array: Option<(u32, u32)>,
        span: Span,
    ) {
        use wsim_syntax::ast::GateKind as G;
        let (kind, need) = match g.kind {
            G::Tran => (0, 2),
            G::Tranif0 => (1, 3),
            _ => (2, 3),
        };
        if t.len() != need {
            let what = format!("wrong number of terminals for a `{:?}` switch", g.kind).to_lowercase();
            self.error(wsim_diag::codes::elab::BAD_PORT, span, what);
            return;
        }
        if g.delay.is_some() && kind == 0 {
            self.error(wsim_diag::codes::elab::TYPE_ERROR, span, "a `tran` switch takes no delay");
            return;
        }
        let mut ends = Vec::new();
        for term in &t[..2] {
            let Some((l, _)) = self.emit_lvalue(lex, term) else { return };
            let Some(l) = self.slice_for_array(l, 1, array, term.span) else { return };
            match self.net_bits(l) {
                Some(end) => ends.push(end),
                None => {
                    let what = "a switch terminal that is not a net or constant bits of a net";
                    self.unsupported(what, term.span);
                    return;
                }
            }
        }
        if ends[0].2 != ends[1].2 {
            self.error(wsim_diag::codes::elab::BAD_PORT, span, "the terminals of a switch differ in width");
            return;
        }
        let ctrl = match t.get(2) {
            Some(c) => {
                let v = match array {
                    None => self.emit_rvalue(lex, c, Type::LOGIC1),
                    Some(_) => {
                        let v = self.emit_self(lex, c);
                        let Some(v) = self.slice_for_array(v, 1, array, c.span) else { return };
                        self.coerce(v, Type::LOGIC1)
                    }
                };
                Some(self.coerce(v, Type::LOGIC1))
            }
            None => None,
        };
        // `tranif1 #(on, off)`: the control takes effect after the delay
        // (a hidden copy of it, X until then); for tranif1 the rise delay
        // is the turn-on delay.
        let ctrl = match (ctrl, &g.delay) {
            (Some(c), Some(d)) => {
                let dt = DataTy::from_ir(Type::LOGIC1);
                let h = self.add_signal(lex, "tranif$ctrl", &dt, vec![], SignalKind::Var, None, true, span);
                let lhs = self.signal_expr(h, span);
                let delay = self.delay_ticks(lex, d);
                self.cont_process(lex, lhs, c, Some(delay), span);
                Some(self.signal_expr(h, span))
            }
            (c, _) => c,
        };
        let sw = Switch { kind, resistive: g.resistive, port: false, a: ends[0], b: ends[1], ctrl, span };
        self.strength.switches.push(sw);
    }

    /// `(net, offset, width)` of an lvalue naming a whole net or constant
    /// bits of one.
    fn net_bits(&self, l: ExprId) -> Option<(SignalId, u32, u32)> {
        match &self.d.exprs[l].kind {
            ExprKind::Signal(s) if self.is_net(*s).is_some() && self.d.signals[*s].dims.is_empty() => {
                Some((*s, 0, self.d.signals[*s].ty.width))
            }
            ExprKind::Select { base, offset, width } => {
                // `c[1:0]` sliced again for an array of switches nests selects.
                let (s, base_off, base_w) = self.net_bits(*base)?;
                let ExprKind::Const(c) = &self.d.exprs[*offset].kind else { return None };
                let off = c.to_u64()? as u32;
                (off + width <= base_w).then_some((s, base_off + off, *width))
            }
            _ => None,
        }
    }
}

// ------------------------------------------------------------ inout ports

impl<'a> Elab<'a> {
    /// An inout port connected to a concatenation of nets and constant bits
    /// of nets (`.io({a, b[2]})`): each port bit and its outer bit become
    /// one node, as port connection merges them (1364-2005 12.3.10), by a
    /// switch that never reduces strength. False when the outer expression
    /// is something else.
    pub fn inout_switches(&mut self, p: &crate::ctx::PortWork<'a>) -> bool {
        use crate::ctx::{Outer, PortInner};
        let (PortInner::Signal(port), Outer::Expr(e)) = (&p.inner, &p.outer) else {
            return false;
        };
        let port = *port;
        if self.is_net(port).is_none() || !self.d.signals[port].dims.is_empty() {
            return false;
        }
        let Some((l, _)) = self.emit_lvalue(p.parent, e) else { return true };
        let w = self.d.signals[port].ty.width;
        let Some(l) = self.slice_for_array(l, w, p.array, p.span) else { return true };
        let mut bits = Vec::new();
        if !self.lvalue_bits(l, &mut bits) {
            return false;
        }
        for (i, &(net, bit)) in bits.iter().enumerate().take(w as usize) {
            let a = (port, i as u32, 1);
            let sw = Switch { kind: 0, resistive: false, port: true, a, b: (net, bit, 1), ctrl: None, span: p.span };
            self.strength.switches.push(sw);
        }
        true
    }

    /// The `(net, bit)` pairs of an lvalue made of nets, constant bits of
    /// nets and concatenations of them, LSB first.
    fn lvalue_bits(&self, l: ExprId, out: &mut Vec<(SignalId, u32)>) -> bool {
        match &self.d.exprs[l].kind {
            ExprKind::Concat(parts) => return parts.iter().rev().all(|&p| self.lvalue_bits(p, out)),
            ExprKind::Select { base, offset, width } => {
                let ExprKind::Const(c) = &self.d.exprs[*offset].kind else { return false };
                let mut inner = Vec::new();
                let Some(off) = c.to_u64().filter(|_| self.lvalue_bits(*base, &mut inner)) else { return false };
                let (off, end) = (off as usize, off as usize + *width as usize);
                if end > inner.len() {
                    return false;
                }
                out.extend_from_slice(&inner[off..end]);
                return true;
            }
            _ => {}
        }
        match self.net_bits(l) {
            Some((net, off, width)) => {
                out.extend((off..off + width).map(|b| (net, b)));
                true
            }
            None => false,
        }
    }
}
