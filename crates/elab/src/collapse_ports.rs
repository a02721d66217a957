//! Port collapsing: a port connection that only copies a whole signal into
//! a whole net of the same type (the net driven by nothing else) is removed,
//! and the net becomes another name for the signal (`Design::aliases`).
//! Inputs alias the child's port net to the parent's signal; outputs alias
//! the parent's net to the child's port. This saves one process and one
//! delta cycle per port, and is what the standard's port collapsing allows
//! (IEEE 1364-2005 12.3.10). A port net connected to a constant element of
//! a one-dimensional parent array becomes that element the same way
//! (`Design::element_aliases`).

use std::collections::{HashMap, HashSet};

use wsim_ir::{Arena, Const, ElementAlias, ExprId, ExprKind, NetKind, ProcId, ProcKind, SignalId, StmtKind};

use crate::ctx::{Driver, Elab, PortCopy};

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
            let off = slices[&port].1;
            for drv in self.drivers.remove(&port).unwrap_or_default() {
                if let Some(&base) = moved.get(&drv.lhs_node) {
                    let width = u64::from(self.d.signals[port].ty.width);
                    let bits = drv.bits.shifted(u64::from(off), width);
                    self.drivers.entry(net).or_default().push(Driver { lhs_node: base, span: drv.span, bits });
                }
            }
        }
    }

    pub fn collapse_ports(&mut self) {
        let (elements, wholes): (Vec<PortCopy>, Vec<PortCopy>) =
            std::mem::take(&mut self.port_copies).into_iter().partition(|c| c.elem.is_some());
        let mut map: HashMap<SignalId, SignalId> = HashMap::new();
        let mut dead = HashSet::new();
        for c in wholes {
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
        if !map.is_empty() {
            self.rename_collapsed(&map);
        }
        self.collapse_element_ports(elements, &map, &mut dead);
        if dead.is_empty() {
            return;
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

    /// Every use of a collapsed net names its target instead.
    fn rename_collapsed(&mut self, map: &HashMap<SignalId, SignalId>) {
        let renamed: Vec<_> = map.keys().map(|&from| (from, find(map, from))).collect();
        for (from, to) in renamed {
            self.strength_rename(from, to, 0);
        }
        let ids: Vec<_> = self.d.exprs.ids().collect();
        for id in ids {
            match &mut self.d.exprs[id].kind {
                ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } => *s = find(map, *s),
                _ => {}
            }
        }
        let ids: Vec<_> = self.d.stmts.ids().collect();
        for id in ids {
            if let StmtKind::Trigger { event } = &mut self.d.stmts[id].kind {
                *event = find(map, *event);
            }
        }
        for a in &mut self.d.aliases {
            a.1 = find(map, a.1);
        }
    }

    /// Port connections between a whole net and a constant element of a
    /// parent array (`.mix_in(outs[2])`, `.out(outs[3])`) make the net
    /// another name for the element (`Design::element_aliases`): every use
    /// of the net becomes the element. An array of cells wired through an
    /// array of nets then runs no copy process per port, and a write of
    /// the element wakes the array's readers directly.
    fn collapse_element_ports(
        &mut self,
        copies: Vec<PortCopy>,
        map: &HashMap<SignalId, SignalId>,
        dead: &mut HashSet<ProcId>,
    ) {
        if copies.is_empty() {
            return;
        }
        let forced: HashSet<SignalId> = self.forced_signals().into_iter().map(|s| find(map, s)).collect();
        let writers = self.array_element_writers();
        let mut merged: HashMap<SignalId, (SignalId, u32)> = HashMap::new();
        for c in copies {
            let Some(elem) = c.elem else { continue };
            let (net, array) = (find(map, c.child), c.parent);
            if merged.contains_key(&net)
                || forced.contains(&net)
                || forced.contains(&array)
                || !self.element_collapsible(net, array, elem, &c, &writers)
            {
                continue;
            }
            merged.insert(net, (array, elem));
            dead.insert(c.proc);
            // The net's own drivers (an output's) now write the element,
            // its only writer: no resolver, so neither needs a record.
            self.drivers.remove(&net);
            self.element_drivers.remove(&(array, vec![u64::from(elem)]));
            self.d.element_aliases.push(ElementAlias { alias: net, array, elem });
        }
        let ids: Vec<_> = self.d.exprs.ids().collect();
        for id in ids {
            let ExprKind::Signal(s) = self.d.exprs[id].kind else { continue };
            let Some(&(array, elem)) = merged.get(&s) else { continue };
            let span = self.d.exprs[id].span;
            let index = self.const_expr(Const::from_u64(32, false, elem as u64), false, span);
            self.d.exprs[id].kind = ExprKind::ArrayElem { sig: array, indices: vec![index] };
        }
    }

    /// Whether the copy `c` between `net` and element `elem` of `array` can
    /// collapse: `net` is a plain net of the element's type (no pull, no
    /// delay, no strengths) driven only by the copy (an input) or by at
    /// most one driver of its own (an output, whose element only the copy
    /// writes).
    fn element_collapsible(
        &self,
        net: SignalId,
        array: SignalId,
        elem: u32,
        c: &PortCopy,
        writers: &HashMap<SignalId, Vec<Option<u32>>>,
    ) -> bool {
        let (n, a) = (&self.d.signals[net], &self.d.signals[array]);
        if n.ty != a.ty || !n.dims.is_empty() || a.dims.len() != 1 || !self.plain_net(net) {
            return false;
        }
        if self.net_delays.contains_key(&array) || !self.strength_plain(net) || !self.strength_plain(array) {
            return false;
        }
        if c.input {
            return self.driven_only_by(net, c.lhs_node);
        }
        let own = self.drivers.get(&net).map_or(0, |v| v.len());
        let only_writer =
            writers.get(&array).is_some_and(|w| w.iter().filter(|&&k| k.is_none_or(|k| k == elem)).count() == 1);
        own <= 1 && only_writer && self.plain_net(array)
    }

    /// Continuous writers of array elements, by array: the constant
    /// element each writes, or None for a variable index.
    fn array_element_writers(&self) -> HashMap<SignalId, Vec<Option<u32>>> {
        let mut out: HashMap<SignalId, Vec<Option<u32>>> = HashMap::new();
        for (_, p) in self.d.procs.iter() {
            if p.kind != ProcKind::ContAssign {
                continue;
            }
            let StmtKind::Block { stmts, .. } = &self.d.stmts[p.body].kind else { continue };
            for &st in stmts {
                let lhs = match &self.d.stmts[st].kind {
                    StmtKind::Assign { lhs, .. } | StmtKind::AssignAfter { lhs, .. } => *lhs,
                    _ => continue,
                };
                let mut leaves = Vec::new();
                self.lvalue_leaves(lhs, &mut leaves);
                for leaf in leaves {
                    if let ExprKind::ArrayElem { sig, indices } = &self.d.exprs[leaf].kind {
                        out.entry(*sig).or_default().push(self.const_element(*sig, indices));
                    }
                }
            }
        }
        out
    }

    /// A net whose value is exactly its drivers' (no tri0/tri1/supply, no
    /// pull, no net delay).
    fn plain_net(&self, net: SignalId) -> bool {
        let Some(kind) = self.is_net(net) else {
            return false;
        };
        !matches!(kind, NetKind::Tri0 | NetKind::Tri1 | NetKind::Supply0 | NetKind::Supply1)
            && !self.pulls.contains_key(&net)
            && !self.pull_bits.contains_key(&net)
            && !self.net_delays.contains_key(&net)
    }

    /// A net whose only driver is the given port copy, and whose value is
    /// exactly that driver's (no tri0/tri1/supply or pull).
    fn collapsible(&self, net: SignalId, lhs_node: ExprId) -> bool {
        self.plain_net(net) && self.driven_only_by(net, lhs_node)
    }

    /// Whether the driver whose lvalue node is `lhs_node` is `net`'s only one.
    fn driven_only_by(&self, net: SignalId, lhs_node: ExprId) -> bool {
        matches!(self.drivers.get(&net).map(|v| v.as_slice()), Some([d]) if d.lhs_node == lhs_node)
    }
}
