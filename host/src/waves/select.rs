//! The catalog of dumpable variables and the `$dumpvars` selection.
//!
//! [`Catalog::new`] turns the meta's signal table into a scope tree whose
//! leaves are dumpable variables: one per plain signal and, for unpacked
//! arrays, one per element (`mem[3]`, `m[1][2]`). Hidden signals, events,
//! zero-width signals and entries whose sizes do not add up are left out
//! here; entries outside the arena are dropped later, when the arena's size
//! is known ([`crate::waves::Dumper::sample`]).
//!
//! Selection follows IEEE 1364-2005 18.1.2 as Icarus implements it: every
//! scope kind (module, named block, task, function, generate block) is one
//! level; `levels == 0` means the whole subtree, `1` the scope's own
//! variables, `n` the scope plus `n - 1` levels below it. A signal named
//! directly is dumped whatever the level (an array named directly: all its
//! elements, even without `dump_arrays`).

use super::{MetaScope, MetaSignal};
use std::collections::HashMap;

/// What kind of value a variable holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ValueKind {
    /// An integral value: `ceil(w/64)` aval limbs then as many bval limbs.
    Integral,
    /// An f64.
    Real,
}

/// One dumpable variable (a signal, or one element of an array).
#[derive(Clone, Debug)]
pub(crate) struct CatVar {
    /// Leaf name (`x`, `mem[3]`).
    pub name: String,
    pub scope: usize,
    /// Absolute arena offset and byte length of the value.
    pub offset: u64,
    pub bytes: u64,
    pub width: u32,
    pub msb: i64,
    pub lsb: i64,
    pub value: ValueKind,
    /// The VCD/FST variable type (`reg`, `wire`, `integer`, `real`...).
    pub var_type: &'static str,
    /// Part of an unpacked array.
    pub array_elem: bool,
}

/// One scope of the design.
#[derive(Clone, Debug)]
pub(crate) struct CatScope {
    pub path: String,
    pub name: String,
    /// `module`, `begin`, `task`, `function`, `generate`...
    pub kind: String,
    pub children: Vec<usize>,
    /// Catalog variable indices, in meta order.
    pub vars: Vec<usize>,
}

/// The design as the dumper sees it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Catalog {
    pub scopes: Vec<CatScope>,
    pub vars: Vec<CatVar>,
    pub roots: Vec<usize>,
    scope_by_path: HashMap<String, usize>,
    /// Full signal name -> its catalog variables (several for an array).
    vars_by_signal: HashMap<String, Vec<usize>>,
}

/// Elements of one array beyond which it is not expanded (a guard against
/// corrupt metadata asking for billions of variables).
const MAX_ARRAY_ELEMENTS: u64 = 1 << 22;

impl Catalog {
    pub fn new(signals: &[MetaSignal], scopes: &[MetaScope], tops: &[String]) -> Catalog {
        let mut cat = Catalog::default();
        for top in tops {
            cat.scope(top, "module");
        }
        for s in scopes {
            cat.scope(&s.path, &s.kind);
        }
        for sig in signals {
            cat.add_signal(sig);
        }
        cat
    }

    /// The scope at `path`, created (kind `kind`, parents as modules) when new.
    fn scope(&mut self, path: &str, kind: &str) -> usize {
        if let Some(&i) = self.scope_by_path.get(path) {
            return i;
        }
        let (parent, name) = match split_last(path) {
            Some((parent_path, leaf)) => (Some(self.scope(parent_path, "module")), leaf),
            None => (None, path),
        };
        let index = self.scopes.len();
        self.scopes.push(CatScope {
            path: path.to_string(),
            name: name.to_string(),
            kind: kind.to_string(),
            children: vec![],
            vars: vec![],
        });
        match parent {
            Some(p) => self.scopes[p].children.push(index),
            None => self.roots.push(index),
        }
        self.scope_by_path.insert(path.to_string(), index);
        index
    }

    fn add_signal(&mut self, sig: &MetaSignal) {
        let Some(shape) = value_shape(sig) else { return };
        let Some((scope_path, leaf)) = split_last(&sig.name) else { return };
        let scope = self.scope(scope_path, "module");
        let elements = sig.elements.max(1);
        let is_array = !sig.dims.is_empty() && sig.dims.iter().map(dim_size).product::<u64>() == elements;
        if !is_array && elements != 1 || elements > MAX_ARRAY_ELEMENTS {
            return; // the dims do not describe the element count: corrupt
        }
        let elem_bytes = u64::from(sig.elem_bytes);
        let mut ids = Vec::with_capacity(elements as usize);
        for k in 0..elements {
            let name = if is_array { format!("{leaf}{}", element_suffix(&sig.dims, k)) } else { leaf.to_string() };
            let Some(offset) = k.checked_mul(elem_bytes).and_then(|o| o.checked_add(u64::from(sig.offset))) else {
                return;
            };
            ids.push(self.vars.len());
            self.scopes[scope].vars.push(self.vars.len());
            self.vars.push(CatVar {
                name,
                scope,
                offset,
                bytes: shape.bytes,
                width: sig.width,
                msb: sig.msb,
                lsb: sig.lsb,
                value: shape.value,
                var_type: var_type(sig),
                array_elem: is_array,
            });
        }
        self.vars_by_signal.entry(sig.name.clone()).or_default().extend(ids);
    }

    /// Mark the variables `$dumpvars(levels, items)` selects in `chosen`.
    /// Returns the items that name neither a scope nor a signal.
    pub fn select(&self, levels: u32, items: &[String], dump_arrays: bool, chosen: &mut [bool]) -> Vec<String> {
        let mut unknown = Vec::new();
        if items.is_empty() {
            for &root in &self.roots {
                self.select_scope(root, levels, dump_arrays, chosen);
            }
            return unknown;
        }
        for item in items {
            if let Some(&scope) = self.scope_by_path.get(item.as_str()) {
                self.select_scope(scope, levels, dump_arrays, chosen);
            } else if let Some(vars) = self.vars_by_signal.get(item.as_str()) {
                for &v in vars {
                    chosen[v] = true;
                }
            } else {
                unknown.push(item.clone());
            }
        }
        unknown
    }

    /// The variables of `scope` and of `levels - 1` levels below (0: all).
    fn select_scope(&self, scope: usize, levels: u32, dump_arrays: bool, chosen: &mut [bool]) {
        let mut stack = vec![(scope, 1u32)];
        while let Some((s, depth)) = stack.pop() {
            for &v in &self.scopes[s].vars {
                if dump_arrays || !self.vars[v].array_elem {
                    chosen[v] = true;
                }
            }
            if levels == 0 || depth < levels {
                stack.extend(self.scopes[s].children.iter().map(|&c| (c, depth + 1)));
            }
        }
    }

    /// Is `path` a known scope?
    pub fn has_scope(&self, path: &str) -> bool {
        self.scope_by_path.contains_key(path)
    }

    /// Is `scope` inside (or equal to) the scope at `path`?
    pub fn within(&self, scope: usize, path: &str) -> bool {
        let own = &self.scopes[scope].path;
        own == path || (own.starts_with(path) && own.as_bytes().get(path.len()) == Some(&b'.'))
    }
}

/// Byte size and kind of one element, or None when the entry is unusable.
struct Shape {
    bytes: u64,
    value: ValueKind,
}

fn value_shape(sig: &MetaSignal) -> Option<Shape> {
    if sig.hidden || sig.width == 0 {
        return None;
    }
    let shape = match sig.ty.as_str() {
        "real" => Shape { bytes: 8, value: ValueKind::Real },
        "integral" => Shape { bytes: 16 * u64::from(sig.width.div_ceil(64)), value: ValueKind::Integral },
        _ => return None, // events hold no value in the arena
    };
    // The element stride must hold the value, or reads would run into the
    // neighbour (corrupt metadata).
    (u64::from(sig.elem_bytes) >= shape.bytes).then_some(shape)
}

fn var_type(sig: &MetaSignal) -> &'static str {
    if sig.ty == "real" {
        return "real";
    }
    match sig.kind.as_str() {
        "var" if sig.signed && sig.four_state && sig.width == 32 && sig.msb == 31 && sig.lsb == 0 => "integer",
        "wire" | "uwire" => "wire",
        "tri" => "tri",
        "wand" => "wand",
        "wor" => "wor",
        "triand" => "triand",
        "trior" => "trior",
        "tri0" => "tri0",
        "tri1" => "tri1",
        "trireg" => "trireg",
        "supply0" => "supply0",
        "supply1" => "supply1",
        _ => "reg",
    }
}

/// `("tb.u1", "x")` for `tb.u1.x`; None for a name without a scope.
fn split_last(path: &str) -> Option<(&str, &str)> {
    path.rsplit_once('.')
}

fn dim_size(d: &(i64, i64)) -> u64 {
    d.0.abs_diff(d.1) + 1
}

/// `[i][j]` of flat (row-major, zero-based) element `k`: each zero-based
/// index stands for the declared index `lower + z` (wsim_ir `Dim::lower`).
fn element_suffix(dims: &[(i64, i64)], mut k: u64) -> String {
    let mut zs = vec![0u64; dims.len()];
    for (slot, d) in zs.iter_mut().zip(dims).rev() {
        let size = dim_size(d);
        *slot = k % size;
        k /= size;
    }
    zs.iter().zip(dims).map(|(z, d)| format!("[{}]", i128::from(d.0.min(d.1)) + *z as i128)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_suffix_is_row_major_from_the_lower_bound() {
        let dims = [(1, 3), (2, 1)];
        let names: Vec<String> = (0..6).map(|k| element_suffix(&dims, k)).collect();
        assert_eq!(names, ["[1][1]", "[1][2]", "[2][1]", "[2][2]", "[3][1]", "[3][2]"]);
        assert_eq!(element_suffix(&[(7, 0)], 0), "[0]");
    }

    #[test]
    fn within_respects_name_boundaries() {
        let sig = |name: &str| MetaSignal {
            name: name.into(),
            width: 1,
            elem_bytes: 16,
            elements: 1,
            ty: "integral".into(),
            kind: "var".into(),
            ..MetaSignal::default()
        };
        let cat = Catalog::new(&[sig("tb.u1.x"), sig("tb.u10.y")], &[], &[]);
        let u10 = cat.scope_by_path["tb.u10"];
        assert!(cat.within(u10, "tb"));
        assert!(!cat.within(u10, "tb.u1"));
    }
}
