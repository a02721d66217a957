//! Nets with several continuous drivers (assigns, gates, output ports,
//! shared inouts) get one hidden variable per driver and a resolver process
//! `net = Resolve(kind, drivers...)`, so that every net has at most one
//! driving process (the IR invariant). `tri0`/`tri1` nets and nets with a
//! pullup/pulldown are resolved even with a single driver (Z becomes 0/1).
//! A constant element of a net array with several drivers first becomes a
//! hidden whole net copied into the element, resolved the same way.

use std::collections::HashMap;
use wsim_ir::{
    Const, Edge, Event, ExprKind, NetKind, ProcKind, Process, ResolveKind, ScopeId, SignalId, SignalKind, StmtKind,
};

use crate::ctx::Elab;
use crate::types::DataTy;

impl<'a> Elab<'a> {
    pub fn resolve_drivers(&mut self) {
        let lex_of_scope = self.lex_of_scope();
        self.split_resolved_elements(&lex_of_scope);
        self.resolve_strength_nets();
        let mut pulled: Vec<_> = std::mem::take(&mut self.pull_bits).into_iter().collect();
        pulled.sort_by_key(|(s, _)| *s);
        for (net, (up, bits, span)) in pulled {
            if bits.iter().all(|&b| b) {
                self.pulls.insert(net, up);
            } else {
                self.unsupported("a pullup/pulldown on only some bits of a net", span);
            }
        }
        let mut nets: Vec<_> = self.drivers.keys().copied().collect();
        nets.extend(self.pulls.keys().copied().filter(|s| !self.drivers.contains_key(s)));
        nets.sort();
        for net in nets {
            let drivers = self.drivers.get(&net).cloned().unwrap_or_default();
            let Some(mut kind) = self.is_net(net) else {
                continue;
            };
            if let Some(&up) = self.pulls.get(&net) {
                kind = if up { NetKind::Tri1 } else { NetKind::Tri0 };
            }
            if kind == NetKind::Uwire && drivers.len() > 1 {
                self.check_uwire_drivers(net, &drivers);
            }
            let rkind = match kind {
                NetKind::Wand => ResolveKind::Wand,
                NetKind::Wor => ResolveKind::Wor,
                NetKind::Tri0 => ResolveKind::Tri0,
                NetKind::Tri1 => ResolveKind::Tri1,
                NetKind::Supply0 | NetKind::Supply1 => continue,
                _ => ResolveKind::Wire,
            };
            let pulled = matches!(rkind, ResolveKind::Tri0 | ResolveKind::Tri1);
            let sig = self.d.signals[net].clone();
            if drivers.is_empty() {
                if pulled {
                    let c = if rkind == ResolveKind::Tri1 {
                        crate::literal::fill('1', sig.ty.width)
                    } else {
                        Const::zero(sig.ty.width, sig.ty.signed)
                    };
                    self.d.signals[net].init = Some(c);
                }
                continue;
            }
            if drivers.len() == 1 && !pulled {
                self.start_undriven_bits_at_z(net);
                continue;
            }
            let span = sig.span;
            let dt = self.sig_ty[net.index()].clone();
            let mut args = Vec::new();
            let mut events = Vec::new();
            for (i, drv) in drivers.iter().enumerate() {
                let name = format!("{}$drv{i}", sig.name);
                let hidden_dt = DataTy { ..dt.clone() };
                let scope_lex = lex_of_scope.get(&sig.scope).copied().unwrap_or(self.unit_lex);
                let h = self.add_signal(
                    scope_lex,
                    &name,
                    &hidden_dt,
                    vec![],
                    SignalKind::Var,
                    Some(drv.bits.start(sig.ty.width, sig.ty.signed)),
                    true,
                    drv.span,
                );
                self.d.exprs[drv.lhs_node].kind = ExprKind::Signal(h);
                args.push(self.signal_expr(h, span));
                let ev = self.signal_expr(h, span);
                events.push(Event { edge: Edge::Any, expr: ev });
            }
            let rhs = self.expr(ExprKind::Resolve { kind: rkind, args }, sig.ty, span);
            let lhs = self.signal_expr(net, span);
            let assign = self.stmt(StmtKind::Assign { lhs, rhs }, span);
            let wait = self.stmt(StmtKind::WaitEvent { events }, span);
            let body = self.stmt(StmtKind::Block { stmts: vec![assign, wait], name: None }, span);
            self.d.procs.push(Process { kind: ProcKind::ContAssign, body, scope: sig.scope, span });
        }
    }

    /// Constant elements of net arrays with several continuous drivers (or
    /// one, on a tri0/tri1 array, or one with a drive strength or a gate)
    /// become whole nets: `w[k]`, a hidden net of the array's kind that
    /// takes over the element's drivers, and a copy `w[k] = that net`. The
    /// nets are then resolved like any other, with strengths, gates and
    /// pulls, by the code below; `%v` of the element shows the net's
    /// strengths (`split_elements`, `show_strengths`).
    fn split_resolved_elements(&mut self, lex_of_scope: &HashMap<ScopeId, usize>) {
        let elements = std::mem::take(&mut self.element_drivers);
        for ((array, indices), drivers) in elements {
            let Some(kind) = self.is_net(array) else { continue };
            let pulled = matches!(kind, NetKind::Tri0 | NetKind::Tri1);
            let strong = drivers.iter().all(|d| self.drive_is_plain(d.lhs_node));
            if drivers.len() < 2 && !pulled && strong {
                continue;
            }
            let sig = self.d.signals[array].clone();
            let (ty, span) = (sig.ty, sig.span);
            let dt = self.sig_ty[array.index()].clone();
            let scope_lex = lex_of_scope.get(&sig.scope).copied().unwrap_or(self.unit_lex);
            let suffix: String = indices.iter().map(|k| format!("[{k}]")).collect();
            let name = format!("{}{suffix}", sig.name);
            let net = self.add_signal(scope_lex, &name, &dt, vec![], SignalKind::Net(kind), None, true, span);
            for drv in &drivers {
                self.d.exprs[drv.lhs_node].kind = ExprKind::Signal(net);
                self.d.exprs[drv.lhs_node].ty = ty;
            }
            self.driven_bits.insert(net, None);
            self.drivers.insert(net, drivers);
            self.split_elements.insert((array, indices.clone()), net);
            let index_exprs = indices.iter().map(|&k| self.u64_const(k, span)).collect();
            let lhs = self.expr(ExprKind::ArrayElem { sig: array, indices: index_exprs }, ty, span);
            let rhs = self.signal_expr(net, span);
            let assign = self.stmt(StmtKind::Assign { lhs, rhs }, span);
            let ev = self.signal_expr(net, span);
            let wait = self.stmt(StmtKind::WaitEvent { events: vec![Event { edge: Edge::Any, expr: ev }] }, span);
            let body = self.stmt(StmtKind::Block { stmts: vec![assign, wait], name: None }, span);
            self.d.procs.push(Process { kind: ProcKind::ContAssign, body, scope: sig.scope, span });
        }
    }

    /// The first lexical scope of each IR scope.
    fn lex_of_scope(&self) -> HashMap<ScopeId, usize> {
        let mut out = HashMap::new();
        for (i, l) in self.lex.iter().enumerate().rev() {
            out.insert(l.scope, i);
        }
        out
    }

    /// A net's bits that no continuous driver writes (`assign w[3:0] =
    /// ...` leaves `w[7:4]`) are z (IEEE 1800-2017 6.6); the driven bits
    /// stay x until their driver first writes them (after its delay), as
    /// in Icarus.
    fn start_undriven_bits_at_z(&mut self, net: SignalId) {
        let Some(Some(ranges)) = self.driven_bits.get(&net) else { return };
        let sig = &self.d.signals[net];
        if sig.init.is_some() || !sig.ty.four_state || !sig.dims.is_empty() {
            return;
        }
        let mut init = Const::all_z(sig.ty.width, sig.ty.signed);
        for &(offset, width) in ranges {
            for bit in offset..(offset + width).min(u64::from(sig.ty.width)) {
                init.words[(bit / 64) as usize] |= 1 << (bit % 64);
            }
        }
        self.d.signals[net].init = Some(init);
    }
}
