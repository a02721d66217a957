//! Port collapsing: a port connection that only copies a whole signal into
//! a whole net of the same type (the net driven by nothing else) is removed,
//! and the net becomes another name for the signal (`Design::aliases`).
//! Inputs alias the child's port net to the parent's signal; outputs alias
//! the parent's net to the child's port. This saves one process and one
//! delta cycle per port, and is what the standard's port collapsing allows
//! (IEEE 1364-2005 12.3.10).

use std::collections::{HashMap, HashSet};

use wsim_ir::{Arena, Const, ExprKind, NetKind, SignalId, StmtKind};

use crate::ctx::{Driver, Elab};

fn find(map: &HashMap<SignalId, SignalId>, mut s: SignalId) -> SignalId {
    while let Some(&t) = map.get(&s) {
        s = t;
    }
    s
}

impl<'a> Elab<'a> {
    /// Inout ports connected to constant bits of a net: every use of the
    /// port net becomes a select of the parent net, so drivers on both
    /// sides resolve together (the port net itself is left unused).
    pub fn alias_slices(&mut self) {
        let slices: HashMap<SignalId, (SignalId, u32)> =
            std::mem::take(&mut self.slice_aliases).into_iter().map(|(p, n, o)| (p, (n, o))).collect();
        if slices.is_empty() {
            return;
        }
        for (&port, &(net, off)) in &slices {
            self.strength_rename(port, net, off);
        }
        let ids: Vec<_> = self.d.exprs.ids().collect();
        let mut moved = HashMap::new();
        for id in ids {
            let ExprKind::Signal(port) = self.d.exprs[id].kind else { continue };
            let Some(&(net, off)) = slices.get(&port) else { continue };
            let span = self.d.exprs[id].span;
            let base = self.signal_expr(net, span);
            let offset = self.const_expr(Const::from_u64(32, false, off as u64), false, span);
            let width = self.d.signals[port].ty.width;
            self.d.exprs[id].kind = ExprKind::Select { base, offset, width };
            moved.insert(id, base);
        }
        let mut ports: Vec<_> = slices.iter().map(|(p, (n, _))| (*p, *n)).collect();
        ports.sort();
        for (port, net) in ports {
            for drv in self.drivers.remove(&port).unwrap_or_default() {
                if let Some(&base) = moved.get(&drv.lhs_node) {
                    self.drivers.entry(net).or_default().push(Driver { lhs_node: base, span: drv.span });
                }
            }
        }
    }

    pub fn collapse_ports(&mut self) {
        let mut map: HashMap<SignalId, SignalId> = HashMap::new();
        let mut dead = HashSet::new();
        for c in std::mem::take(&mut self.port_copies) {
            let (from, to) = if c.input { (c.child, c.parent) } else { (c.parent, c.child) };
            let (from, to) = (find(&map, from), find(&map, to));
            if from == to || !self.collapsible(from, c.lhs_node) {
                continue;
            }
            let (f, t) = (&self.d.signals[from], &self.d.signals[to]);
            if f.ty != t.ty || !f.dims.is_empty() || !t.dims.is_empty() {
                continue;
            }
            map.insert(from, to);
            self.drivers.remove(&from);
            dead.insert(c.proc);
            self.d.aliases.push((from, to));
        }
        if map.is_empty() {
            return;
        }
        let renamed: Vec<_> = map.keys().map(|&from| (from, find(&map, from))).collect();
        for (from, to) in renamed {
            self.strength_rename(from, to, 0);
        }
        let ids: Vec<_> = self.d.exprs.ids().collect();
        for id in ids {
            match &mut self.d.exprs[id].kind {
                ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } => *s = find(&map, *s),
                _ => {}
            }
        }
        let ids: Vec<_> = self.d.stmts.ids().collect();
        for id in ids {
            if let StmtKind::Trigger { event } = &mut self.d.stmts[id].kind {
                *event = find(&map, *event);
            }
        }
        for a in &mut self.d.aliases {
            a.1 = find(&map, a.1);
        }
        let old = std::mem::take(&mut self.d.procs);
        let mut procs = Arena::new();
        for (id, p) in old.iter() {
            if !dead.contains(&id) {
                procs.push(p.clone());
            }
        }
        self.d.procs = procs;
    }

    /// A net whose only driver is the given port copy, and whose value is
    /// exactly that driver's (no tri0/tri1/supply or pull).
    fn collapsible(&self, net: SignalId, lhs_node: wsim_ir::ExprId) -> bool {
        let Some(kind) = self.is_net(net) else {
            return false;
        };
        if matches!(kind, NetKind::Tri0 | NetKind::Tri1 | NetKind::Supply0 | NetKind::Supply1)
            || self.pulls.contains_key(&net)
            || self.pull_bits.contains_key(&net)
            || self.net_delays.contains_key(&net)
        {
            return false;
        }
        matches!(self.drivers.get(&net).map(|v| v.as_slice()), Some([d]) if d.lhs_node == lhs_node)
    }
}
