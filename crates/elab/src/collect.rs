//! Index the compilation unit: modules and packages by name, the global
//! time precision, and the top-level modules.

use std::collections::HashSet;

use wsim_diag::{codes::elab as code, Diagnostic};
use wsim_syntax::ast::{self, ModuleItem as I};

use crate::ctx::Elab;

impl<'a> Elab<'a> {
    /// Index modules and packages; report duplicates and interfaces.
    pub fn collect(&mut self) {
        let unit = self.unit;
        let mut precision: Option<i8> = None;
        for item in &unit.items {
            match item {
                ast::Item::Module(m) => {
                    if self.modules.contains_key(&m.name.name) {
                        self.error(code::DUPLICATE, m.name.span, format!("module `{}` is defined twice", m.name.name));
                        continue;
                    }
                    if m.kind == ast::ModuleKind::Interface {
                        self.unsupported("interfaces", m.name.span);
                    }
                    let p = m.timescale.map(|t| t.precision.min(t.unit)).unwrap_or(0);
                    precision = Some(precision.map_or(p, |q| q.min(p)));
                    self.modules.insert(m.name.name.clone(), m);
                }
                ast::Item::Package(p) => {
                    if self.package_decls.insert(p.name.name.clone(), p).is_some() {
                        self.error(code::DUPLICATE, p.name.span, format!("package `{}` is defined twice", p.name.name));
                    }
                }
                ast::Item::Unit(_) => {}
            }
        }
        self.d.precision = precision.unwrap_or(0);
    }

    /// The top modules: those named by the options, else every module that
    /// no other module instantiates, sorted by name (as Icarus does).
    pub fn pick_tops(&mut self) -> Vec<&'a ast::ModuleDecl> {
        if !self.opts.tops.is_empty() {
            let mut out = Vec::new();
            for t in &self.opts.tops.clone() {
                match self.modules.get(t) {
                    Some(&m) => out.push(m),
                    None => self.diags.push(Diagnostic::error(
                        code::TOP_NOT_FOUND,
                        None,
                        format!("top module `{t}` not found"),
                    )),
                }
            }
            return out;
        }
        let mut used = HashSet::new();
        for item in &self.unit.items {
            if let ast::Item::Module(m) = item {
                instantiated(&m.items, &mut used);
            }
        }
        let mut tops = Vec::new();
        let mut seen = HashSet::new();
        for item in &self.unit.items {
            if let ast::Item::Module(m) = item {
                if !used.contains(m.name.name.as_str())
                    && m.kind != ast::ModuleKind::Interface
                    && seen.insert(m.name.name.as_str())
                {
                    tops.push(m);
                }
            }
        }
        // Icarus elaborates (and starts the processes of) root modules in
        // name order; matching it keeps time-0 output order the same.
        tops.sort_by(|a, b| a.name.name.cmp(&b.name.name));
        if tops.is_empty() {
            self.diags.push(Diagnostic::error(code::TOP_NOT_FOUND, None, "no top-level module found"));
        }
        tops
    }
}

/// Names of modules instantiated anywhere in `items`.
fn instantiated<'a>(items: &'a [ast::ModuleItem], out: &mut HashSet<&'a str>) {
    for it in items {
        match it {
            I::Instance(i) => {
                out.insert(i.module.name.as_str());
            }
            I::GenerateRegion(inner, _) => instantiated(inner, out),
            I::GenFor { block, .. } | I::GenBlock(block) => instantiated(&block.items, out),
            I::GenIf { then_block, else_block, .. } => {
                instantiated(&then_block.items, out);
                if let Some(b) = else_block {
                    instantiated(&b.items, out);
                }
            }
            I::GenCase { items, .. } => {
                for c in items {
                    instantiated(&c.block.items, out);
                }
            }
            _ => {}
        }
    }
}
