//! Process order: the IR arena order is the order the simulator starts
//! processes at time 0. Icarus Verilog starts them scope by scope in a
//! post-order walk of the hierarchy (an instance's children, in source
//! order, before the instance itself; top modules by name), and each
//! scope's processes in source order. Race-free designs do not care; tests
//! compared with Icarus print in the same order.

use std::collections::HashMap;

use wsim_ir::{Arena, ScopeId};

use crate::ctx::Elab;

impl<'a> Elab<'a> {
    pub fn order_processes(&mut self) {
        let mut children: HashMap<ScopeId, Vec<ScopeId>> = HashMap::new();
        let mut roots = Vec::new();
        for (id, s) in self.d.scopes.iter() {
            match s.parent {
                Some(p) => children.entry(p).or_default().push(id),
                None => roots.push(id),
            }
        }
        // Packages and `$unit` first, then the tops in their (name) order.
        roots.retain(|r| !self.d.tops.contains(r));
        roots.extend(self.d.tops.iter().copied());
        let mut rank: HashMap<ScopeId, usize> = HashMap::new();
        for r in roots {
            post_order(r, &children, &mut rank);
        }
        let old = std::mem::take(&mut self.d.procs);
        let mut items: Vec<_> =
            old.iter().map(|(id, p)| (rank.get(&p.scope).copied().unwrap_or(usize::MAX), id, p.clone())).collect();
        items.sort_by_key(|(r, id, _)| (*r, *id));
        let mut procs = Arena::new();
        for (_, _, p) in items {
            procs.push(p);
        }
        self.d.procs = procs;
    }
}

fn post_order(s: ScopeId, children: &HashMap<ScopeId, Vec<ScopeId>>, rank: &mut HashMap<ScopeId, usize>) {
    // An explicit stack: hierarchies can be deep.
    let mut stack = vec![(s, 0usize)];
    while let Some((node, next)) = stack.pop() {
        let kids = children.get(&node).map(|v| v.as_slice()).unwrap_or(&[]);
        if next < kids.len() {
            stack.push((node, next + 1));
            stack.push((kids[next], 0));
        } else {
            let n = rank.len();
            rank.insert(node, n);
        }
    }
}
