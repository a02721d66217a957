//! Index the compilation unit: modules and packages by name, the global
//! time precision, and the top-level modules. Also the source rules that
//! need only the syntax tree of one module (duplicate port declarations,
//! mixed port connection styles), checked once per module rather than per
//! instance.

use std::collections::HashSet;

use wsim_diag::{codes::elab as code, Diagnostic};
use wsim_syntax::ast::{self, ModuleItem as I};

use crate::ctx::Elab;
use crate::types::DataTy;

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
                    self.check_module_source_rules(m);
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
                ast::Item::Primitive(u) => self.check_udp_name(u),
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
        // A unit of declarations only (classes, packages; no module at
        // all) elaborates to an empty design, as Verilator accepts it.
        let declarations_only = self.unit.items.iter().all(|i| !matches!(i, ast::Item::Module(_)))
            && self.unit.items.iter().any(|i| matches!(i, ast::Item::Unit(_) | ast::Item::Package(_)));
        if tops.is_empty() && !declarations_only {
            self.diags.push(Diagnostic::error(code::TOP_NOT_FOUND, None, "no top-level module found"));
        }
        tops
    }
}

impl<'a> Elab<'a> {
    /// Rules of IEEE 1364-2005 12.3 that a module's syntax tree shows.
    fn check_module_source_rules(&mut self, m: &ast::ModuleDecl) {
        self.check_duplicate_port_decls(m);
        let mut instances = Vec::new();
        instances_in(&m.items, &mut instances);
        for inst in instances {
            self.check_connection_style(inst);
        }
    }

    /// 1364-2005 12.3.3: a port's direction is declared once. A second
    /// `input a;` (or an ANSI port declared again in the body) is an error,
    /// though a later net or variable declaration may complete the port.
    fn check_duplicate_port_decls(&mut self, m: &ast::ModuleDecl) {
        let mut declared: HashSet<&str> = HashSet::new();
        if let ast::PortList::Ansi(ports) = &m.ports {
            declared.extend(ports.iter().map(|p| p.name.name.as_str()));
        }
        for item in &m.items {
            let I::PortDecl(p) = item else { continue };
            for d in &p.names {
                if !declared.insert(d.name.name.as_str()) {
                    let msg = format!("port `{}` has its direction declared twice", d.name.name);
                    let diag = Diagnostic::error(code::DUPLICATE, Some(d.name.span), msg)
                        .with_note("a port is declared once with its direction (IEEE 1364-2005 12.3.3)");
                    self.diags.push(diag);
                }
            }
        }
    }

    /// 1364-2005 12.3.6: the connections of one instance are either all by
    /// position or all by name (`.*` counts as by name, 1800-2017 23.3.2).
    fn check_connection_style(&mut self, inst: &ast::Instance) {
        let by_name = inst.conns.iter().any(|c| matches!(c, ast::PortConn::Named { .. } | ast::PortConn::Wildcard(_)));
        let by_position = inst.conns.iter().find_map(|c| match c {
            ast::PortConn::Ordered(Some(_), span) => Some(*span),
            _ => None,
        });
        if let (true, Some(span)) = (by_name, by_position) {
            let msg = format!("instance `{}` mixes connections by position and by name", inst.name.name);
            let diag = Diagnostic::error(code::BAD_PORT, Some(span), msg)
                .with_note("connect every port by position or every port by name (IEEE 1364-2005 12.3.6)");
            self.diags.push(diag);
        }
    }
}

impl Elab<'_> {
    /// 1364-2005 12.3.3: when a port declared without a type (`output a;`)
    /// is completed by a vector net or variable declaration, both give the
    /// same range. `port` is the port declaration's type, `decl` the net or
    /// variable declaration's (`decl_syntax` as written). Only a range
    /// written in the declaration counts: one without a range inherits the
    /// port's (wsim and Icarus accept that), and `integer`/`time` have no
    /// range specification to compare.
    pub(crate) fn check_port_redeclared_range(
        &mut self,
        name: &ast::Ident,
        port: &DataTy,
        decl: &DataTy,
        decl_syntax: Option<&ast::DataType>,
    ) {
        let ranged = matches!(decl_syntax,
            Some(ast::DataType::Implicit { packed, .. } | ast::DataType::Vector { packed, .. }) if !packed.is_empty());
        if !ranged || decl.packed == port.packed {
            return;
        }
        let msg = format!(
            "port `{}` is declared with {} but its net or variable declaration has {}",
            name.name,
            range_text(&port.packed),
            range_text(&decl.packed)
        );
        let diag = Diagnostic::error(code::BAD_PORT, Some(name.span), msg)
            .with_note("both declarations of a port give the same range (IEEE 1364-2005 12.3.3)");
        self.diags.push(diag);
    }
}

impl Elab<'_> {
    /// IEEE 1364-2005 4.6.2 (`uwire`): no bit of a uwire net may have more than
    /// one driver. A driver covers the whole net or a constant part select
    /// of it; drivers through a select with a variable offset are left out
    /// (the bits they drive are not known here).
    pub(crate) fn check_uwire_drivers(&mut self, net: wsim_ir::SignalId, drivers: &[crate::ctx::Driver]) {
        let width = self.d.signals[net].ty.width;
        let mut seen: Vec<(u64, u64)> = Vec::new();
        for drv in drivers {
            let Some((lo, hi)) = drv.bits.bounds(width) else { continue };
            if seen.iter().any(|&(l, h)| lo < h && l < hi) {
                let name = &self.d.signals[net].name;
                let msg = format!("uwire `{name}` has more than one driver");
                let diag = Diagnostic::error(code::BAD_ASSIGN_TARGET, Some(drv.span), msg)
                    .with_note("a bit of a uwire net may have only one driver (IEEE 1364-2005 4.6.2, 1800-2017 6.6.2)");
                self.diags.push(diag);
                return;
            }
            seen.push((lo, hi));
        }
    }
}

impl Elab<'_> {
    /// IEEE 1364-2005 9.7.3: a named event holds no value, so it has no
    /// edges; `@(posedge ev)` is an error (`@(ev)` waits for a trigger).
    pub(crate) fn check_event_edge(&mut self, edge: ast::Edge, expr: wsim_ir::ExprId, span: wsim_diag::Span) {
        if edge == ast::Edge::Any || self.d.exprs[expr].ty.kind != wsim_ir::TypeKind::Event {
            return;
        }
        let keyword = match edge {
            ast::Edge::Pos => "posedge",
            ast::Edge::Neg => "negedge",
            _ => "edge",
        };
        let msg = format!("`{keyword}` of a named event: an event has no value, so it has no edges");
        let diag = Diagnostic::error(code::TYPE_ERROR, Some(span), msg)
            .with_note("wait for the event with `@(name)` (IEEE 1364-2005 9.7.3)");
        self.diags.push(diag);
    }
}

impl<'a> Elab<'a> {
    /// IEEE 1364-2005 10.2.1 (1800-2017 6.21): an automatic variable is not
    /// written by a nonblocking assignment (the update would outlive the
    /// variable's frame) and not named in the intra-assignment event control
    /// of one. `lhs` is the lowered target.
    pub(crate) fn check_nonblocking_automatic(
        &mut self,
        lex: crate::ctx::LexId,
        lhs: wsim_ir::ExprId,
        timing: Option<&'a ast::TimingControl>,
        span: wsim_diag::Span,
    ) {
        let mut roots = Vec::new();
        self.written_roots(lhs, &mut roots);
        if let Some(&sig) = roots.iter().find(|&&s| self.is_automatic(s)) {
            let msg = format!("nonblocking assignment to automatic variable `{}`", self.d.signals[sig].name);
            let diag = Diagnostic::error(code::BAD_ASSIGN_TARGET, Some(span), msg).with_note(
                "an automatic variable cannot be written by a nonblocking assignment (IEEE 1364-2005 10.2.1)",
            );
            self.diags.push(diag);
            return;
        }
        let event = match timing {
            Some(ast::TimingControl::Event(ev) | ast::TimingControl::RepeatEvent { event: ev, .. }) => ev,
            _ => return,
        };
        let ast::EventControl::List(items, _) = event else { return };
        for it in items {
            if let Some(crate::ctx::Sym::Signal(sig)) = self.lookup_hier(lex, &it.expr) {
                if self.is_automatic(sig) {
                    let msg = format!(
                        "automatic variable `{}` in the event control of a nonblocking assignment",
                        self.d.signals[sig].name
                    );
                    let diag = Diagnostic::error(code::TYPE_ERROR, Some(it.expr.span), msg).with_note(
                        "an intra-assignment event control of a nonblocking assignment cannot name an automatic \
                         variable (IEEE 1364-2005 10.2.1)",
                    );
                    self.diags.push(diag);
                    return;
                }
            }
        }
    }

    fn is_automatic(&self, sig: wsim_ir::SignalId) -> bool {
        matches!(self.d.signals[sig].storage, wsim_ir::Storage::Automatic(_))
    }

    /// The signals an lvalue writes.
    fn written_roots(&self, e: wsim_ir::ExprId, out: &mut Vec<wsim_ir::SignalId>) {
        match &self.d.exprs[e].kind {
            wsim_ir::ExprKind::Signal(s) | wsim_ir::ExprKind::ArrayElem { sig: s, .. } => out.push(*s),
            wsim_ir::ExprKind::Select { base, .. } => self.written_roots(*base, out),
            wsim_ir::ExprKind::Concat(parts) => {
                for &p in parts {
                    self.written_roots(p, out);
                }
            }
            _ => {}
        }
    }
}

/// `[7:0][3:0]`, or `no range`.
fn range_text(packed: &[(i64, i64)]) -> String {
    if packed.is_empty() {
        return "no range".to_string();
    }
    packed.iter().map(|(msb, lsb)| format!("[{msb}:{lsb}]")).collect()
}

/// Every instance (of a module, program or interface) in `items`,
/// generate blocks included.
fn instances_in<'a>(items: &'a [ast::ModuleItem], out: &mut Vec<&'a ast::Instance>) {
    for it in items {
        match it {
            I::Instance(i) => out.extend(&i.instances),
            I::GenerateRegion(inner, _) => instances_in(inner, out),
            I::GenFor { block, .. } | I::GenBlock(block) => instances_in(&block.items, out),
            I::GenIf { then_block, else_block, .. } => {
                instances_in(&then_block.items, out);
                if let Some(b) = else_block {
                    instances_in(&b.items, out);
                }
            }
            I::GenCase { items, .. } => {
                for c in items {
                    instances_in(&c.block.items, out);
                }
            }
            _ => {}
        }
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
