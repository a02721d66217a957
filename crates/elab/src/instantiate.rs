//! Walk the hierarchy: packages, module instances (and instance arrays),
//! parameters with their overrides (`#(...)`, `defparam`, `-G`/`-P`),
//! generate constructs, declarations, ports and implicit nets.
//!
//! Order inside one scope: function/task names first (calls may precede
//! declarations), then declarations in source order, then implicit nets,
//! then generate constructs and instances (so their port connections and
//! aliases see every declaration of the parent). Processes, continuous
//! assignments and port connections are queued as [`Work`] for `lower`.

use std::collections::{HashMap, HashSet};

use wsim_diag::{codes::elab as code, Span};
use wsim_guest_rt::logic;
use wsim_ir::{Const, NetKind, ScopeKind, SignalId, SignalKind, StmtId, StmtKind};
use wsim_syntax::ast::{self, ExprKind as A, ModuleItem as I};

use crate::ctx::{
    Elab, Import, LexId, Outer, PortInfo, PortInner, PortInnerRef, PortWork, SubrDecl, SubrDef, Sym, Value, Work,
};
use crate::types::DataTy;

const MAX_DEPTH: u32 = 256;
const MAX_GEN_ITERATIONS: u32 = 1_000_000;
/// Instances plus generate blocks in one design: without it a tree of
/// modules that each instantiate the next twice asks for 2^depth instances,
/// and `for (i = 0; i < 2147483647; ...)` runs for hours. Elaboration costs
/// about 0.1 ms (release) to 1 ms (debug) and 9 KiB per generate block.
const MAX_SCOPES: usize = 1 << 14;

/// A parameter override value.
#[derive(Clone, Debug)]
pub enum OverrideVal {
    Value(Value, Span),
    Type(DataTy),
}

/// Parameter overrides of one instance.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub ordered: Vec<OverrideVal>,
    pub named: HashMap<String, OverrideVal>,
    /// Non-local parameters seen so far (the index for `ordered`).
    pub next: usize,
    pub used: HashSet<String>,
}

/// Convert a constant to a parameter's declared type (assignment rules).
pub fn convert_value(v: &Value, dt: &DataTy) -> Value {
    // A string parameter keeps its text as an integral constant; strings.rs
    // turns each use into a string.
    if dt.is_string() {
        return match v {
            Value::Int(c) => Value::Int(c.clone()),
            Value::Real(_) => Value::Int(Const::zero(8, false)),
        };
    }
    if dt.is_real() {
        return match v {
            Value::Real(r) => Value::Real(*r),
            Value::Int(c) => Value::Real(logic::to_real(&c.words, c.width, c.signed)),
        };
    }
    let t = dt.ir_type();
    let mut out = Const::zero(t.width, t.signed);
    match v {
        Value::Int(c) => logic::resize(&mut out.words, t.width, &c.words, c.width, c.signed),
        Value::Real(r) => logic::from_real(&mut out.words, t.width, *r),
    }
    if !t.four_state {
        logic::to_2state(&mut out.words, t.width);
    }
    Value::Int(out)
}

/// The type an untyped parameter takes from its value.
pub fn type_of_value(v: &Value) -> DataTy {
    match v {
        Value::Real(_) => DataTy::real(),
        Value::Int(c) => {
            let mut dt = DataTy::logic(c.width, c.signed);
            if c.width == 1 {
                dt.packed = vec![(0, 0)];
            }
            dt
        }
    }
}

/// Parse the value of a `-G`/`-P` override: a Verilog number, real or
/// string literal, optionally negated.
pub fn parse_literal_value(text: &str) -> Result<Value, String> {
    let t = text.trim();
    if let Some(s) = t.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        return Ok(Value::Int(Const::from_str_bytes(s.as_bytes())));
    }
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b.trim()),
        None => (false, t.strip_prefix('+').unwrap_or(t).trim()),
    };
    let is_real = !body.contains('\'') && (body.contains('.') || body.contains('e') || body.contains('E'));
    if is_real {
        let r: f64 = body.replace('_', "").parse().map_err(|_| format!("`{text}` is not a number"))?;
        return Ok(Value::Real(if neg { -r } else { r }));
    }
    let lit = match body.find('\'') {
        None => {
            if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '_') {
                return Err(format!("`{text}` is not a Verilog literal"));
            }
            ast::NumberLit { size: None, signed: false, base: None, digits: body.replace('_', "") }
        }
        Some(q) => {
            let size = body[..q].trim();
            let size = if size.is_empty() {
                None
            } else {
                Some(size.parse::<u32>().map_err(|_| format!("bad size in `{text}`"))?)
            };
            let mut rest = body[q + 1..].chars().peekable();
            let mut signed = false;
            if matches!(rest.peek(), Some('s' | 'S')) {
                signed = true;
                rest.next();
            }
            let base = match rest.next().map(|c| c.to_ascii_lowercase()) {
                Some('b') => ast::Base::Binary,
                Some('o') => ast::Base::Octal,
                Some('d') => ast::Base::Decimal,
                Some('h') => ast::Base::Hex,
                _ => return Err(format!("bad base in `{text}`")),
            };
            let digits: String =
                rest.filter(|c| *c != '_' && !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            ast::NumberLit { size, signed, base: Some(base), digits }
        }
    };
    let l = crate::literal::number(&lit)?;
    let mut c = l.value;
    if neg {
        let mut out = Const::zero(c.width, c.signed);
        logic::unary(wsim_abi::op::NEG, &mut out.words, &c.words, c.width);
        c = out;
    }
    Ok(Value::Int(c))
}

/// Module items with `generate` regions flattened (they add no scope).
fn flatten<'a>(items: &'a [ast::ModuleItem], out: &mut Vec<&'a ast::ModuleItem>) {
    for it in items {
        match it {
            I::GenerateRegion(inner, _) => flatten(inner, out),
            _ => out.push(it),
        }
    }
}

fn net_kind(n: ast::NetType) -> NetKind {
    match n {
        ast::NetType::Wire | ast::NetType::Trireg => NetKind::Wire,
        ast::NetType::Tri => NetKind::Tri,
        ast::NetType::Wand | ast::NetType::Triand => NetKind::Wand,
        ast::NetType::Wor | ast::NetType::Trior => NetKind::Wor,
        ast::NetType::Tri0 => NetKind::Tri0,
        ast::NetType::Tri1 => NetKind::Tri1,
        ast::NetType::Supply0 => NetKind::Supply0,
        ast::NetType::Supply1 => NetKind::Supply1,
        ast::NetType::Uwire => NetKind::Uwire,
    }
}

impl<'a> Elab<'a> {
    // ------------------------------------------------------------ unit, packages

    /// `$unit` items and packages, in source order.
    pub fn elaborate_packages(&mut self) {
        let unit = self.unit;
        // Unit-level classes and out-of-class bodies first: any later item
        // (or an earlier forward typedef) may name them.
        let unit_items: Vec<&ast::ModuleItem> =
            unit.items.iter().filter_map(|i| if let ast::Item::Unit(mi) = i { Some(mi) } else { None }).collect();
        let ul = self.unit_lex;
        self.register_classes(ul, &unit_items);
        for item in &unit.items {
            match item {
                ast::Item::Unit(mi) => {
                    let ul = self.unit_lex;
                    self.register_subrs(ul, &[mi]);
                    self.declare_item(ul, mi);
                }
                ast::Item::Package(p) => {
                    let sc = self.new_scope(&p.name.name, None, ScopeKind::Package, &p.name.name, p.span);
                    let ul = self.unit_lex;
                    let l = self.new_lex(Some(ul), sc, None);
                    self.packages.insert(p.name.name.clone(), l);
                    let mut items = Vec::new();
                    flatten(&p.items, &mut items);
                    self.register_classes(l, &items);
                    self.register_subrs(l, &items);
                    for it in items {
                        self.declare_item(l, it);
                    }
                }
                ast::Item::Module(_) | ast::Item::Primitive(_) => {}
            }
        }
    }

    // ------------------------------------------------------------ instances

    pub fn instantiate_top(&mut self, m: &'a ast::ModuleDecl) {
        let mut ov = Overrides::default();
        for (name, value) in &self.opts.param_overrides {
            let param = match name.split_once('.') {
                Some((top, p)) if top == m.name.name => p,
                Some(_) => continue,
                None => name.as_str(),
            };
            match parse_literal_value(value) {
                Ok(v) => {
                    ov.named.insert(param.to_string(), OverrideVal::Value(v, m.name.span));
                }
                Err(msg) => {
                    self.error(code::BAD_PARAM, m.name.span, format!("bad value for parameter override {name}: {msg}"))
                }
            }
        }
        let l = self.instantiate_module(m, &m.name.name, None, ov, HashMap::new(), m.span);
        if let Some(ov) = self.overrides.remove(&l) {
            let mut names: Vec<&String> = ov.named.keys().collect();
            names.sort();
            for name in names {
                if !ov.used.contains(name) {
                    self.diags.push(wsim_diag::Diagnostic::error(
                        code::BAD_PARAM,
                        None,
                        format!("parameter override `{name}`: top module `{}` has no parameter `{name}`", m.name.name),
                    ));
                }
            }
        }
        self.tops.push(l);
        let sc = self.scope_of(l);
        self.d.tops.push(sc);
    }

    fn instantiate_module(
        &mut self,
        m: &'a ast::ModuleDecl,
        name: &str,
        parent: Option<LexId>,
        ov: Overrides,
        aliases: HashMap<String, SignalId>,
        span: Span,
    ) -> LexId {
        let parent_scope = parent.map(|p| self.scope_of(p));
        let scope = self.new_scope(name, parent_scope, ScopeKind::Instance, &m.name.name, span);
        let (unit, prec) = m.timescale.map(|t| (t.unit, t.precision)).unwrap_or((0, 0));
        self.d.scopes[scope].time_unit = unit;
        self.d.scopes[scope].time_precision = prec;
        let ul = self.unit_lex;
        let lex = self.new_lex(Some(ul), scope, Some(m));
        self.lex[lex].up = parent;
        for imp in &m.imports {
            self.add_import(lex, imp);
        }
        self.overrides.insert(lex, ov);
        self.aliases.insert(lex, aliases);
        if self.over_scope_limit(span) {
            return lex;
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.error(
                code::RECURSION,
                span,
                format!("instantiation of `{}` nests too deep (recursive instantiation?)", m.name.name),
            );
            self.depth -= 1;
            return lex;
        }
        for p in &m.params {
            self.declare_params(lex, p, Some(lex));
        }
        if let ast::PortList::Ansi(ports) = &m.ports {
            for p in ports {
                self.declare_ansi_port(lex, p);
            }
        }
        self.elaborate_scope(lex, &m.items);
        self.collect_ports(lex, m);
        self.depth -= 1;
        lex
    }

    fn add_import(&mut self, lex: LexId, imp: &ast::ImportItem) {
        if !self.packages.contains_key(&imp.package.name) {
            self.error(code::UNDECLARED, imp.package.span, format!("unknown package `{}`", imp.package.name));
            return;
        }
        self.lex[lex]
            .imports
            .push(Import { package: imp.package.name.clone(), name: imp.name.as_ref().map(|n| n.name.clone()) });
    }

    /// Elaborate the items of one scope (module body or generate block).
    pub fn elaborate_scope(&mut self, lex: LexId, items: &'a [ast::ModuleItem]) {
        let mut flat = Vec::new();
        flatten(items, &mut flat);
        self.register_classes(lex, &flat);
        self.register_subrs(lex, &flat);
        let mut deferred = Vec::new();
        for it in &flat {
            match it {
                I::Instance(_) | I::GenFor { .. } | I::GenIf { .. } | I::GenCase { .. } | I::GenBlock(_) => {
                    deferred.push(*it)
                }
                _ => self.declare_item(lex, it),
            }
        }
        self.declare_implicit_nets(lex, &flat);
        // Named blocks of processes, after every declaration and defparam
        // of the scope (their parameters may be defparam targets).
        for it in &flat {
            if let I::Process(p) = it {
                self.predeclare_blocks(lex, &p.body);
            }
        }
        for it in deferred {
            if let I::Instance(inst) = it {
                self.instantiate(lex, inst);
                continue;
            }
            let n = genblk_number(&flat, it);
            self.generate(lex, it, n);
        }
    }

    fn genblk_name(&self, lex: LexId, n: u32) -> String {
        let mut name = format!("genblk{n}");
        let mut zeros = String::new();
        while self.lex[lex].names.contains_key(&name) {
            zeros.push('0');
            name = format!("genblk{zeros}{n}");
        }
        name
    }

    /// Make function/task names known before anything in the scope uses them.
    fn register_subrs(&mut self, lex: LexId, items: &[&'a ast::ModuleItem]) {
        for it in items {
            let (decl, name) = match it {
                // Out-of-class method bodies belong to their class.
                I::Function(f) if f.class_scope.is_some() => continue,
                I::Task(t) if t.class_scope.is_some() => continue,
                I::Function(f) => (SubrDecl::Function(f), &f.name),
                I::Task(t) => (SubrDecl::Task(t), &t.name),
                _ => continue,
            };
            let idx = self.subr_defs.len();
            self.subr_defs.push(SubrDef { decl, lex, id: None, body_done: false, own_lex: None });
            self.bind(lex, &name.name, Sym::Subr(idx), name.span);
            self.work.push(Work::SubrBody(idx));
        }
    }

    /// One declaration or process-like item.
    fn declare_item(&mut self, lex: LexId, it: &'a ast::ModuleItem) {
        match it {
            I::PortDecl(p) => self.declare_port_decl(lex, p),
            I::Net(n) => self.declare_nets(lex, n),
            I::Var(v) => {
                self.declare_vars(lex, v, false);
            }
            I::Param(p) => {
                let ov = self.lex[lex].module.map(|_| lex);
                self.declare_params(lex, p, ov);
            }
            I::Typedef(t) => self.declare_typedef(lex, t),
            I::Genvar(_) | I::Timeunits(_) | I::Function(_) | I::Task(_) => {}
            I::ContAssign(c) => self.work.push(Work::ContAssign { lex, item: c }),
            I::Process(p) => self.work.push(Work::Process { lex, item: p }),
            I::Gate(g) => {
                for inst in &g.instances {
                    self.work.push(Work::Gate { lex, item: g, inst });
                }
            }
            I::Import(items) => {
                for imp in items {
                    self.add_import(lex, imp);
                }
            }
            I::Defparam(list, _) => {
                for (path, value) in list {
                    self.register_defparam(lex, path, value);
                }
            }
            I::Unsupported { what, span } => self.unsupported(what, *span),
            I::Specify(block) => self.specify.blocks.push((lex, block)),
            I::Class(c) => self.declare_class(lex, c),
            I::ClassConstraint { .. } => {}
            I::GenerateRegion(..)
            | I::Instance(_)
            | I::GenFor { .. }
            | I::GenIf { .. }
            | I::GenCase { .. }
            | I::GenBlock(_) => {}
        }
    }

    fn register_defparam(&mut self, lex: LexId, path: &'a ast::Expr, value: &'a ast::Expr) {
        let Some(v) = self.eval_const(lex, value) else {
            return;
        };
        let Some(text) = self.hier_text(lex, path) else {
            self.error(code::BAD_PARAM, path.span, "defparam target must be a hierarchical name with constant indices");
            return;
        };
        let here = self.defparam_base(lex, &text);
        self.defparams.insert(format!("{here}.{text}"), (v.clone(), path.span, false));
        // An absolute path (from a top module) names the same parameter.
        self.defparams.entry(text).or_insert((v, path.span, false));
    }

    /// The scope a defparam path is relative to: where its first name is
    /// declared (looking outward), or an enclosing scope of that name.
    fn defparam_base(&self, lex: LexId, text: &str) -> String {
        let first = text.split('.').next().unwrap_or("");
        let first_name = first.split('[').next().unwrap_or("");
        let mut cur = Some(lex);
        while let Some(l) = cur {
            if self.lex[l].names.contains_key(first_name) {
                return self.d.scope_path(self.scope_of(l));
            }
            cur = self.lex[l].parent;
        }
        let mut sc = Some(self.scope_of(lex));
        while let Some(s) = sc {
            if self.d.scopes[s].name == first {
                if let Some(p) = self.d.scopes[s].parent {
                    return self.d.scope_path(p);
                }
            }
            sc = self.d.scopes[s].parent;
        }
        self.d.scope_path(self.scope_of(lex))
    }

    /// The `a.b[2].c` text of a hierarchical path (indices evaluated).
    fn hier_text(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<String> {
        match &e.kind {
            A::Ident { name, package: None } => Some(name.name.clone()),
            A::Member { base, name } => Some(format!("{}.{}", self.hier_text(lex, base)?, name.name)),
            A::Index { base, index } => {
                let b = self.hier_text(lex, base)?;
                Some(format!("{b}[{}]", self.eval_i64(lex, index)?))
            }
            _ => None,
        }
    }

    /// Report defparams that named no parameter.
    pub fn check_defparams(&mut self) {
        let mut unused: Vec<(String, Span)> = Vec::new();
        let mut used_spans = HashSet::new();
        for (k, (_, span, used)) in &self.defparams {
            if *used {
                used_spans.insert((span.file, span.start));
            } else {
                unused.push((k.clone(), *span));
            }
        }
        unused.retain(|(_, s)| !used_spans.contains(&(s.file, s.start)));
        unused.sort_by_key(|(_, s)| (s.file, s.start));
        unused.dedup_by_key(|(_, s)| (s.file, s.start));
        for (_, span) in unused {
            self.error(code::BAD_PARAM, span, "defparam names no parameter of any instance");
        }
    }

    // ------------------------------------------------------------ parameters

    /// Declare parameters; `ov` is the module lexical scope whose instance
    /// overrides apply (None for blocks and packages).
    pub fn declare_params(&mut self, lex: LexId, p: &'a ast::ParamDecl, ov: Option<LexId>) {
        for a in &p.assigns {
            let name = &a.name.name;
            let mut over = None;
            if let Some(ml) = ov.filter(|_| !p.local) {
                if let Some(o) = self.overrides.get_mut(&ml) {
                    let idx = o.next;
                    o.next += 1;
                    if let Some(v) = o.named.get(name).cloned() {
                        o.used.insert(name.clone());
                        over = Some(v);
                    } else if let Some(v) = o.ordered.get(idx).cloned() {
                        over = Some(v);
                    }
                }
            }
            if !p.local {
                let path = format!("{}.{}", self.d.scope_path(self.scope_of(lex)), name);
                if let Some((v, span, used)) = self.defparams.get_mut(&path) {
                    *used = true;
                    over = Some(OverrideVal::Value(v.clone(), *span));
                }
            }
            if p.is_type {
                let t = match (over, &a.value) {
                    (Some(OverrideVal::Type(t)), _) => t,
                    (_, Some(ast::ParamValue::Type(t))) => self.data_type(lex, t),
                    _ => {
                        self.error(code::BAD_PARAM, a.span, format!("type parameter `{name}` has no type"));
                        DataTy::logic(1, false)
                    }
                };
                self.bind(lex, name, Sym::Type(t), a.name.span);
                continue;
            }
            if !a.unpacked.is_empty() {
                self.unsupported("parameter arrays", a.span);
                let dt = DataTy::logic(1, false);
                self.bind(lex, name, Sym::Param(Value::Int(Const::all_x(1, false)), dt), a.name.span);
                continue;
            }
            let value = match over {
                Some(OverrideVal::Value(v, _)) => Some(v),
                Some(OverrideVal::Type(_)) => {
                    self.error(code::BAD_PARAM, a.span, format!("`{name}` is a value parameter, not a type"));
                    None
                }
                None => match &a.value {
                    Some(ast::ParamValue::Expr(e)) => {
                        if let Some(t) = &p.ty {
                            // A typed parameter's default is sized like an assignment.
                            let dt = self.data_type(lex, t);
                            if has_explicit_type(t) && !dt.is_real() && !dt.is_string() {
                                let id = self.emit_rvalue_dt(lex, e, &dt);
                                self.fold_expr(id)
                            } else {
                                self.eval_const(lex, e)
                            }
                        } else {
                            self.eval_const(lex, e)
                        }
                    }
                    Some(ast::ParamValue::Type(_)) => {
                        self.error(code::BAD_PARAM, a.span, format!("`{name}` is a value parameter, not a type"));
                        None
                    }
                    None => {
                        self.error(code::BAD_PARAM, a.span, format!("parameter `{name}` has no value"));
                        None
                    }
                },
            };
            let Some(value) = value else {
                let dt = DataTy::logic(32, true);
                self.bind(lex, name, Sym::Param(Value::Int(Const::all_x(32, true)), dt), a.name.span);
                continue;
            };
            let (value, dt) = match &p.ty {
                Some(t) if has_explicit_type(t) => {
                    let mut dt = self.data_type(lex, t);
                    if !dt.unpacked.is_empty() {
                        self.unsupported("parameter arrays", a.span);
                        dt.unpacked.clear();
                    }
                    (convert_value(&value, &dt), dt)
                }
                Some(ast::DataType::Implicit { signed: true, .. }) => {
                    // `parameter signed P = v`: keeps the value's width.
                    let mut dt = type_of_value(&value);
                    dt.signed = true;
                    (convert_value(&value, &dt), dt)
                }
                _ => {
                    let dt = type_of_value(&value);
                    (value, dt)
                }
            };
            self.bind(lex, name, Sym::Param(value, dt), a.name.span);
        }
    }

    pub fn declare_typedef(&mut self, lex: LexId, t: &'a ast::Typedef) {
        let dt = self.data_type(lex, &t.ty);
        // `typedef T name [2];` of an array type: declared dims outermost
        // (`typedef T name [$]`: a container type, containers.rs).
        let (mut dt, mut dims) = self.var_type(lex, &dt, &t.unpacked);
        dims.append(&mut dt.unpacked);
        dt.unpacked = dims;
        self.bind(lex, &t.name.name, Sym::Type(dt), t.name.span);
    }

    // ------------------------------------------------------------ signals

    /// Variables; returns entry-initialisation statements (for blocks).
    pub fn declare_vars(&mut self, lex: LexId, v: &'a ast::VarDecl, in_block: bool) -> Vec<StmtId> {
        let dt = self.data_type(lex, &v.ty);
        let kind = if matches!(dt.base, crate::types::Base::Event) { SignalKind::Event } else { SignalKind::Var };
        let automatic = self.lex[lex].subr.map(|s| self.d.subrs[s].automatic).unwrap_or(false)
            || v.lifetime == Some(ast::Lifetime::Automatic);
        let mut out = Vec::new();
        for d in &v.vars {
            if self.redeclares_port(lex, &d.name.name) {
                // `output q; reg q = 1;`: the port's variable gets the value.
                if let Some(init) = &d.init {
                    self.init_port_signal(lex, &d.name.name, init, false);
                }
                continue;
            }
            let (dt, dims) = self.var_type(lex, &dt, &d.unpacked);
            let sig = self.add_signal(lex, &d.name.name, &dt, dims.clone(), kind, None, false, d.name.span);
            self.bind(lex, &d.name.name, Sym::Signal(sig), d.name.span);
            // Unpacked struct member defaults (7.2.2), for every element.
            self.d.signals[sig].init = dt.struct_info().and_then(|i| i.default.clone());
            let Some(init) = &d.init else { continue };
            self.check_enum_assign(lex, &dt, ast::AssignOp::Assign, init);
            if !self.d.signals[sig].dims.is_empty() {
                // `mem = '{...}` initialisers: one assignment per element.
                let arr_stmt = self.lower_array_assign(lex, sig, init, false, d.span);
                if in_block {
                    out.push(arr_stmt);
                } else {
                    let scope = self.scope_of(lex);
                    self.d.procs.push(wsim_ir::Process {
                        kind: wsim_ir::ProcKind::Initial,
                        body: arr_stmt,
                        scope,
                        span: d.span,
                    });
                }
                continue;
            }
            if matches!(dt.base, crate::types::Base::Container(_)) {
                // containers.rs: a run-time value, assigned on entry (blocks)
                // or at time 0 before later processes (like array patterns).
                let r = self.emit_rvalue_dt(lex, init, &dt);
                let l = self.signal_expr(sig, d.span);
                let st = self.stmt(StmtKind::Assign { lhs: l, rhs: r }, d.span);
                if in_block {
                    out.push(st);
                } else {
                    let scope = self.scope_of(lex);
                    self.d.procs.push(wsim_ir::Process {
                        kind: wsim_ir::ProcKind::Initial,
                        body: st,
                        scope,
                        span: d.span,
                    });
                }
                continue;
            }
            if !automatic {
                let id = self.emit_rvalue_dt(lex, init, &dt);
                match self.try_fold(id) {
                    Some(Value::Int(c)) => {
                        self.d.signals[sig].init = Some(c);
                        continue;
                    }
                    // A real's initial value: its IEEE bits in the first word.
                    Some(Value::Real(r)) => {
                        self.d.signals[sig].init = Some(Const::from_u64(64, false, r.to_bits()));
                        continue;
                    }
                    None => {}
                }
                if in_block {
                    let l = self.signal_expr(sig, d.span);
                    out.push(self.stmt(StmtKind::Assign { lhs: l, rhs: id }, d.span));
                    continue;
                }
            }
            if in_block {
                let r = self.emit_rvalue_dt(lex, init, &dt);
                let l = self.signal_expr(sig, d.span);
                out.push(self.stmt(StmtKind::Assign { lhs: l, rhs: r }, d.span));
            } else {
                self.work.push(Work::Init { lex, sig, expr: init, net: false, delay: None });
            }
        }
        out
    }

    fn declare_nets(&mut self, lex: LexId, n: &'a ast::NetDecl) {
        if n.net_type == ast::NetType::Trireg {
            self.unsupported("`trireg` nets (charge storage)", n.span);
        }
        let dt = self.data_type(lex, &n.ty);
        let kind = net_kind(n.net_type);
        for d in &n.nets {
            if self.redeclares_port(lex, &d.name.name) {
                if let (Some(Sym::Signal(s)), Some(init)) = (self.lex[lex].names.get(&d.name.name).cloned(), &d.init) {
                    if let Some(st) = n.strength {
                        self.strength.decl.insert(s, st);
                    }
                    self.work.push(Work::Init { lex, sig: s, expr: init, net: true, delay: n.delay.as_ref() });
                }
                continue;
            }
            let dims = self.unpacked_dims(lex, &d.unpacked);
            let init = match kind {
                NetKind::Supply0 => Some(Const::zero(dt.width(), dt.signed)),
                NetKind::Supply1 | NetKind::Tri1 => Some(crate::literal::fill('1', dt.width())),
                NetKind::Tri0 => Some(Const::zero(dt.width(), dt.signed)),
                _ => None,
            };
            let sig = self.add_signal(lex, &d.name.name, &dt, dims, SignalKind::Net(kind), init, false, d.name.span);
            self.bind(lex, &d.name.name, Sym::Signal(sig), d.name.span);
            match &d.init {
                Some(e) => {
                    if let Some(st) = n.strength {
                        self.strength.decl.insert(sig, st);
                    }
                    self.work.push(Work::Init { lex, sig, expr: e, net: true, delay: n.delay.as_ref() })
                }
                None => {
                    // A net delay applies to every driver of the net.
                    if let Some(dl) = &n.delay {
                        self.net_delays.insert(sig, (lex, dl));
                    }
                }
            }
        }
    }

    /// A `wire`/`reg` declaration of a name already declared by a non-ANSI
    /// port declaration (`output q; reg q;`) completes that port.
    fn redeclares_port(&mut self, lex: LexId, name: &str) -> bool {
        matches!(self.port_decl_pending.get(&(lex, name.to_string())), Some(true))
    }

    fn declare_port_decl(&mut self, lex: LexId, p: &'a ast::PortDecl) {
        let module = self.lex[lex].module;
        for d in &p.names {
            self.port_dirs.insert((lex, d.name.name.clone()), p.dir);
            // `integer x; output x;`: the type came first and made the signal.
            if matches!(self.lex[lex].names.get(&d.name.name), Some(Sym::Signal(_))) {
                continue;
            }
            // If the body also declares this name as a variable or net, that
            // declaration makes the signal (with the port's range if it has none).
            let redeclared = module.map(|m| body_declares(&m.items, &d.name.name)).unwrap_or(false);
            let dt = self.data_type(lex, &p.ty);
            let (is_var, net) = if redeclared {
                let (is_var, net, decl_ty) =
                    module.and_then(|m| body_decl(&m.items, &d.name.name)).unwrap_or((false, None, None));
                let mut dt2 = match decl_ty {
                    Some(t) => self.data_type(lex, t),
                    None => dt.clone(),
                };
                self.check_port_redeclared_range(&d.name, &dt, &dt2, decl_ty);
                if dt2.packed.is_empty()
                    && !dt.packed.is_empty()
                    && matches!(dt2.base, crate::types::Base::Logic { .. })
                {
                    dt2.packed = dt.packed.clone();
                    dt2.signed |= dt.signed;
                }
                self.make_port_signal(lex, &d.name, &dt2, is_var || p.is_var, net.or(p.net_type), &d.unpacked);
                self.port_decl_pending.insert((lex, d.name.name.clone()), true);
                continue;
            } else {
                (p.is_var, p.net_type)
            };
            self.make_port_signal(lex, &d.name, &dt, is_var, net, &d.unpacked);
            if let Some(init) = &d.init {
                self.init_port_signal(lex, &d.name.name, init, !is_var);
            }
        }
    }

    fn declare_ansi_port(&mut self, lex: LexId, p: &'a ast::AnsiPort) {
        self.port_dirs.insert((lex, p.name.name.clone()), p.dir);
        let dt = self.data_type(lex, &p.ty);
        self.make_port_signal(lex, &p.name, &dt, p.is_var, p.net_type, &p.unpacked);
        // An input's `= expr` is its default when left unconnected
        // (`collect_ports`); on an output or inout it initialises the
        // variable (`output reg q = 0`) or is the net's declaration
        // assignment, as in a body declaration.
        if let (Some(init), false) = (&p.default, p.dir == ast::Direction::Input) {
            self.init_port_signal(lex, &p.name.name, init, !p.is_var);
        }
    }

    /// Queues the initialiser of a port's variable, or the continuous
    /// assignment of a port net's declaration assignment.
    fn init_port_signal(&mut self, lex: LexId, name: &str, init: &'a ast::Expr, net: bool) {
        if let Some(Sym::Signal(sig)) = self.lex[lex].names.get(name).cloned() {
            self.work.push(Work::Init { lex, sig, expr: init, net, delay: None });
        }
    }

    fn make_port_signal(
        &mut self,
        lex: LexId,
        name: &ast::Ident,
        dt: &DataTy,
        is_var: bool,
        net: Option<ast::NetType>,
        unpacked: &'a [ast::Range],
    ) {
        let dims = self.unpacked_dims(lex, unpacked);
        if let Some(&s) = self.aliases.get(&lex).and_then(|a| a.get(&name.name)) {
            if self.d.signals[s].ty == dt.ir_type() && self.d.signals[s].dims.is_empty() && dims.is_empty() {
                self.bind(lex, &name.name, Sym::Signal(s), name.span);
                let scope = self.scope_of(lex);
                self.d.name_aliases.push(wsim_ir::NameAlias { scope, name: name.name.clone(), target: s });
                return;
            }
        }
        let kind = if is_var {
            SignalKind::Var
        } else {
            let default = self.module_of(lex).and_then(|m| m.default_nettype).unwrap_or(ast::NetType::Wire);
            SignalKind::Net(net_kind(net.unwrap_or(default)))
        };
        let sig = self.add_signal(lex, &name.name, dt, dims, kind, None, false, name.span);
        self.bind(lex, &name.name, Sym::Signal(sig), name.span);
    }

    /// Implicit nets (1364-2005 6.5): undeclared identifiers on the left of
    /// a continuous assignment or in a port connection or gate terminal.
    fn declare_implicit_nets(&mut self, lex: LexId, items: &[&'a ast::ModuleItem]) {
        let Some(nettype) = self.module_of(lex).and_then(|m| m.default_nettype) else {
            return;
        };
        let mut names: Vec<&'a ast::Ident> = Vec::new();
        for it in items {
            match it {
                I::ContAssign(c) => {
                    for (l, _) in &c.assigns {
                        collect_lhs_idents(l, &mut names);
                    }
                }
                I::Instance(inst) => {
                    for i in &inst.instances {
                        for c in &i.conns {
                            match c {
                                ast::PortConn::Ordered(Some(e), _) | ast::PortConn::Named { expr: Some(e), .. } => {
                                    collect_lhs_idents(e, &mut names)
                                }
                                _ => {}
                            }
                        }
                    }
                }
                I::Gate(g) => {
                    for i in &g.instances {
                        for t in &i.terminals {
                            collect_lhs_idents(t, &mut names);
                        }
                    }
                }
                _ => {}
            }
        }
        let dt = DataTy::logic(1, false);
        for n in names {
            if self.lookup(lex, &n.name).is_some() {
                continue;
            }
            let sig =
                self.add_signal(lex, &n.name, &dt, vec![], SignalKind::Net(net_kind(nettype)), None, false, n.span);
            self.bind(lex, &n.name, Sym::Signal(sig), n.span);
        }
    }

    // ------------------------------------------------------------ generate

    fn generate(&mut self, lex: LexId, it: &'a ast::ModuleItem, n: u32) {
        match it {
            I::GenFor { var, init, cond, step, block, span } => {
                self.generate_for(lex, var, init, cond, step, block, n, *span)
            }
            I::GenIf { cond, then_block, else_block, .. } => {
                let Some(c) = self.eval_const(lex, cond) else {
                    return;
                };
                let taken = match c {
                    Value::Real(r) => r != 0.0,
                    Value::Int(k) => logic::truth(&k.words, k.width) == 1,
                };
                let block = if taken { Some(then_block) } else { else_block.as_ref() };
                if let Some(b) = block {
                    self.generate_block(lex, b, n);
                }
            }
            I::GenCase { expr, items, .. } => {
                let Some(v) = self.eval_const(lex, expr) else {
                    return;
                };
                let mut chosen = None;
                let mut default = None;
                'outer: for item in items {
                    if item.exprs.is_empty() {
                        default = Some(&item.block);
                        continue;
                    }
                    for e in &item.exprs {
                        if let Some(x) = self.eval_const(lex, e) {
                            if values_equal(&v, &x) {
                                chosen = Some(&item.block);
                                break 'outer;
                            }
                        }
                    }
                }
                if let Some(b) = chosen.or(default) {
                    self.generate_block(lex, b, n);
                }
            }
            I::GenBlock(b) => self.generate_block(lex, b, n),
            _ => {}
        }
    }

    /// A generate block: a new scope named by its label or `genblk<n>`; an
    /// unlabelled block holding only a nested if/case (`else if`) adds none.
    fn generate_block(&mut self, lex: LexId, b: &'a ast::GenBlock, n: u32) {
        if b.label.is_none() && b.items.len() == 1 && matches!(b.items[0], I::GenIf { .. } | I::GenCase { .. }) {
            self.generate(lex, &b.items[0], n);
            return;
        }
        let name = match &b.label {
            Some(l) => l.name.clone(),
            None => self.genblk_name(lex, n),
        };
        let parent = self.scope_of(lex);
        let sc = self.new_scope(&name, Some(parent), ScopeKind::GenBlock, "", b.span);
        let l = self.new_lex(Some(lex), sc, None);
        let span = b.label.as_ref().map(|l| l.span).unwrap_or(b.span);
        self.bind(lex, &name, Sym::Scope(l), span);
        self.elaborate_scope(l, &b.items);
    }

    #[allow(clippy::too_many_arguments)]
    fn generate_for(
        &mut self,
        lex: LexId,
        var: &'a ast::Ident,
        init: &'a ast::Expr,
        cond: &'a ast::Expr,
        step: &'a ast::Expr,
        block: &'a ast::GenBlock,
        n: u32,
        span: Span,
    ) {
        let Some(mut v) = self.eval_const(lex, init).and_then(|v| v.as_i64()) else {
            return;
        };
        let name = match &block.label {
            Some(l) => l.name.clone(),
            None => self.genblk_name(lex, n),
        };
        let parent = self.scope_of(lex);
        let int = DataTy {
            base: crate::types::Base::Logic { four_state: true },
            signed: true,
            packed: vec![(31, 0)],
            unpacked: vec![],
        };
        let mut list = Vec::new();
        let mut count = 0u32;
        let mut seen = HashSet::new();
        loop {
            count += 1;
            if count > MAX_GEN_ITERATIONS {
                self.error(code::RECURSION, span, "generate loop runs too many iterations");
                break;
            }
            if self.over_scope_limit(span) {
                break;
            }
            let probe = self.new_lex(Some(lex), parent, None);
            let val = Value::Int(Const::from_u64(32, true, v as u64));
            self.lex[probe].names.insert(var.name.clone(), Sym::Param(val.clone(), int.clone()));
            let Some(c) = self.eval_const(probe, cond) else {
                break;
            };
            let go = match c {
                Value::Real(r) => r != 0.0,
                Value::Int(k) => logic::truth(&k.words, k.width) == 1,
            };
            if !go {
                break;
            }
            if !seen.insert(v) {
                self.error(code::RECURSION, span, format!("generate loop visits `{}` = {v} twice", var.name));
                break;
            }
            let sc = self.new_scope(&format!("{name}[{v}]"), Some(parent), ScopeKind::GenBlock, "", block.span);
            let l = self.new_lex(Some(lex), sc, None);
            self.lex[l].names.insert(var.name.clone(), Sym::Param(val, int.clone()));
            self.elaborate_scope(l, &block.items);
            list.push((v, l));
            let Some(next) = self.eval_const(l, step).and_then(|x| x.as_i64()) else {
                break;
            };
            v = next;
        }
        let bind_span = block.label.as_ref().map(|l| l.span).unwrap_or(span);
        self.bind(lex, &name, Sym::ScopeArray(list), bind_span);
    }

    // ------------------------------------------------------------ instances

    fn instantiate(&mut self, lex: LexId, inst: &'a ast::Instantiation) {
        let Some(&m) = self.modules.get(&inst.module.name) else {
            if let Some(udp) = self.find_udp(&inst.module.name) {
                self.work.push(Work::Udp { lex, udp, inst });
                return;
            }
            self.error(code::UNKNOWN_MODULE, inst.module.span, format!("unknown module `{}`", inst.module.name));
            return;
        };
        if m.kind == ast::ModuleKind::Interface {
            self.unsupported("interfaces", inst.span);
            return;
        }
        if let Some(i) = inst.instances.iter().find(|i| i.name.name.is_empty()) {
            let what = &m.name.name;
            let msg =
                format!("expected an instance name: only primitive instances may be unnamed (`{what}` is a module)");
            self.error(wsim_diag::codes::parse::EXPECTED, i.name.span, msg);
            return;
        }
        // Overrides are evaluated once in the parent.
        let mut ov = Overrides::default();
        for pc in &inst.params {
            let (name, value) = match pc {
                ast::ParamConn::Ordered(v) => (None, Some(v)),
                ast::ParamConn::Named { name, value } => (Some(name), value.as_ref()),
            };
            let Some(value) = value else { continue };
            let o = match value {
                ast::ParamValue::Expr(e) => match self.param_override_value(lex, e) {
                    Some(v) => v,
                    None => continue,
                },
                ast::ParamValue::Type(t) => OverrideVal::Type(self.data_type(lex, t)),
            };
            match name {
                None => ov.ordered.push(o),
                Some(n) => {
                    ov.named.insert(n.name.clone(), o);
                }
            }
        }
        let ports = module_ports(m);
        for i in &inst.instances {
            let conns = self.match_connections(m, &ports, i);
            if i.unpacked.is_empty() {
                self.instantiate_one(lex, m, &i.name.name, &i.name, ov.clone(), &conns, None, i.span);
                continue;
            }
            let dims = self.unpacked_dims(lex, &i.unpacked);
            if dims.len() != 1 {
                self.unsupported("multi-dimensional instance arrays", i.span);
                continue;
            }
            let d = dims[0];
            let count = d.size() as u32;
            let mut list = Vec::new();
            let step: i64 = if d.left <= d.right { 1 } else { -1 };
            let mut idx = d.left;
            loop {
                let pos = idx.abs_diff(d.right) as u32;
                let name = format!("{}[{idx}]", i.name.name);
                let l = self.instantiate_one(lex, m, &name, &i.name, ov.clone(), &conns, Some((pos, count)), i.span);
                list.push((idx, l));
                // `g[2147483647:0]` stops at the scope limit, not 2^31 later.
                if idx == d.right || self.over_scope_limit(i.span) {
                    break;
                }
                idx += step;
            }
            self.bind(lex, &i.name.name, Sym::ScopeArray(list), i.name.span);
        }
    }

    pub fn param_override_value(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<OverrideVal> {
        // `#(T)` with a type name is a type override.
        if let A::Ident { .. } = &e.kind {
            if let Some(Sym::Type(t)) = self.lookup_hier(lex, e) {
                return Some(OverrideVal::Type(t));
            }
        }
        self.eval_const(lex, e).map(|v| OverrideVal::Value(v, e.span))
    }

    #[allow(clippy::too_many_arguments)]
    fn instantiate_one(
        &mut self,
        lex: LexId,
        m: &'a ast::ModuleDecl,
        name: &str,
        ident: &ast::Ident,
        ov: Overrides,
        conns: &[(usize, Outer<'a>, Span)],
        array: Option<(u32, u32)>,
        span: Span,
    ) -> LexId {
        let ports = module_ports(m);
        // Inout ports bound to a whole parent net become the same signal.
        let mut aliases = HashMap::new();
        for (pi, outer, _) in conns {
            let Some((pname, _)) = ports.get(*pi) else {
                continue;
            };
            let Some(pname) = pname else { continue };
            if module_port_dir(m, pname) != Some(ast::Direction::Inout) || array.is_some() {
                continue;
            }
            let sym = match outer {
                Outer::Expr(e) if matches!(e.kind, A::Ident { .. } | A::Member { .. }) => self.lookup_hier(lex, e),
                Outer::Name(n, _) => self.lookup(lex, n),
                _ => None,
            };
            if let Some(Sym::Signal(s)) = sym {
                if self.is_net(s).is_some() && self.d.signals[s].dims.is_empty() {
                    aliases.insert(pname.clone(), s);
                }
            }
        }
        let child = self.instantiate_module(m, name, Some(lex), ov, aliases, span);
        if array.is_none() {
            self.bind(lex, name, Sym::Scope(child), ident.span);
        }
        if let Some(o) = self.overrides.remove(&child) {
            let mut named: Vec<_> = o.named.iter().collect();
            named.sort_by_key(|(n, _)| n.as_str());
            for (n, v) in named {
                if !o.used.contains(n) {
                    let sp = match v {
                        OverrideVal::Value(_, s) => *s,
                        OverrideVal::Type(_) => span,
                    };
                    self.error(code::BAD_PARAM, sp, format!("module `{}` has no parameter `{n}`", m.name.name));
                }
            }
            if o.ordered.len() > o.next {
                self.error(code::BAD_PARAM, span, format!("too many parameter values for module `{}`", m.name.name));
            }
        }
        let infos = self.ports.get(&child).cloned().unwrap_or_default();
        let mut connected = HashSet::new();
        for (pi, outer, cspan) in conns {
            let Some(info) = infos.get(*pi) else { continue };
            connected.insert(*pi);
            let inner = match &info.inner {
                PortInnerRef::Name(n) => match self.lex[child].names.get(n) {
                    Some(Sym::Signal(s)) => {
                        let s = *s;
                        // Aliased inout: nothing to connect.
                        if info.dir == ast::Direction::Inout {
                            if let Some(&a) = self.aliases.get(&child).and_then(|al| al.get(n)) {
                                if a == s {
                                    continue;
                                }
                            }
                        }
                        PortInner::Signal(s)
                    }
                    _ => {
                        self.error(
                            code::BAD_PORT,
                            *cspan,
                            format!("port `{n}` of module `{}` has no declaration", m.name.name),
                        );
                        continue;
                    }
                },
                PortInnerRef::Expr(Some(e)) => PortInner::Expr(e),
                PortInnerRef::Expr(None) => continue,
            };
            let outer = match outer {
                Outer::Expr(e) => Outer::Expr(e),
                Outer::Name(n, s) => Outer::Name(n.clone(), *s),
            };
            self.work.push(Work::Port(PortWork {
                array,
                parent: lex,
                child,
                dir: info.dir,
                inner,
                outer,
                span: *cspan,
            }));
        }
        // Unconnected inputs with a default value get it.
        for (pi, info) in infos.iter().enumerate() {
            if connected.contains(&pi) || info.dir != ast::Direction::Input {
                continue;
            }
            if let (Some(d), PortInnerRef::Name(n)) = (info.default, &info.inner) {
                if let Some(Sym::Signal(s)) = self.lex[child].names.get(n).cloned() {
                    self.work.push(Work::Port(PortWork {
                        array: None,
                        parent: child,
                        child,
                        dir: ast::Direction::Input,
                        inner: PortInner::Signal(s),
                        outer: Outer::Expr(d),
                        span: d.span,
                    }));
                }
            }
        }
        self.aliases.remove(&child);
        child
    }

    /// Match an instance's connections to port indices.
    fn match_connections(
        &mut self,
        m: &'a ast::ModuleDecl,
        ports: &[(Option<String>, PortInnerRef<'a>)],
        i: &'a ast::Instance,
    ) -> Vec<(usize, Outer<'a>, Span)> {
        let mut out = Vec::new();
        let mut named = HashSet::new();
        let mut wildcard = None;
        let mut pos = 0usize;
        for c in &i.conns {
            match c {
                ast::PortConn::Ordered(e, span) => {
                    if pos >= ports.len() {
                        if !(ports.is_empty() && e.is_none() && i.conns.len() == 1) {
                            self.error(
                                code::BAD_PORT,
                                *span,
                                format!(
                                    "too many port connections: module `{}` has {} ports",
                                    m.name.name,
                                    ports.len()
                                ),
                            );
                        }
                        break;
                    }
                    if let Some(e) = e {
                        out.push((pos, Outer::Expr(e), *span));
                    }
                    pos += 1;
                }
                ast::PortConn::Named { name, expr, span } => {
                    let Some(idx) = ports.iter().position(|(n, _)| n.as_deref() == Some(name.name.as_str())) else {
                        self.error(
                            code::BAD_PORT,
                            name.span,
                            format!("module `{}` has no port `{}`", m.name.name, name.name),
                        );
                        continue;
                    };
                    if !named.insert(idx) {
                        self.error(code::BAD_PORT, name.span, format!("port `{}` is connected twice", name.name));
                        continue;
                    }
                    if let Some(e) = expr {
                        out.push((idx, Outer::Expr(e), *span));
                    }
                }
                ast::PortConn::Wildcard(span) => wildcard = Some(*span),
            }
        }
        if let Some(span) = wildcard {
            for (idx, (n, _)) in ports.iter().enumerate() {
                if let Some(n) = n {
                    if !named.contains(&idx) {
                        out.push((idx, Outer::Name(n.clone(), span), span));
                    }
                }
            }
        }
        out
    }

    /// Port list of an elaborated instance, in declaration order.
    fn collect_ports(&mut self, lex: LexId, m: &'a ast::ModuleDecl) {
        let mut infos = Vec::new();
        match &m.ports {
            ast::PortList::None => {}
            ast::PortList::Ansi(ports) => {
                for p in ports {
                    infos.push(PortInfo {
                        dir: p.dir,
                        inner: PortInnerRef::Name(p.name.name.clone()),
                        default: p.default.as_ref(),
                    });
                }
            }
            ast::PortList::NonAnsi(ports) => {
                for p in ports {
                    let name = p.name.as_ref().map(|n| n.name.clone()).unwrap_or_default();
                    let (inner, dir_name) = match &p.expr {
                        Some(ast::Expr { kind: A::Ident { name: n, package: None }, .. }) => {
                            (PortInnerRef::Name(n.name.clone()), Some(n.name.clone()))
                        }
                        Some(e) => (PortInnerRef::Expr(Some(e)), first_ident(e)),
                        None => (PortInnerRef::Expr(None), None),
                    };
                    let dir = match dir_name.and_then(|n| self.port_dirs.get(&(lex, n)).copied()) {
                        Some(d) => d,
                        None => {
                            if p.expr.is_some() {
                                self.error(
                                    code::BAD_PORT,
                                    p.span,
                                    format!("port `{name}` has no direction declaration"),
                                );
                            }
                            ast::Direction::Inout
                        }
                    };
                    infos.push(PortInfo { dir, inner, default: None });
                }
            }
        }
        self.ports.insert(lex, infos);
    }
}

/// 1800-2017 27.6: constructs are numbered in source order within
/// their scope.
fn genblk_number(flat: &[&ast::ModuleItem], it: &ast::ModuleItem) -> u32 {
    let mut n = 0;
    for x in flat {
        if matches!(x, I::GenFor { .. } | I::GenIf { .. } | I::GenCase { .. } | I::GenBlock(_)) {
            n += 1;
        }
        if std::ptr::eq(*x, it) {
            return n;
        }
    }
    n
}

fn has_explicit_type(t: &ast::DataType) -> bool {
    !matches!(t, ast::DataType::Implicit { packed, .. } if packed.is_empty())
}

fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let w = x.width.max(y.width);
            let xa = crate::consteval::resize_const(x, w, x.signed && y.signed);
            let ya = crate::consteval::resize_const(y, w, x.signed && y.signed);
            xa.words == ya.words
        }
        _ => a.as_i64() == b.as_i64(),
    }
}

/// The `a.b[2].c` text of a defparam path.
/// Plain identifiers that may become implicit nets.
fn collect_lhs_idents<'a>(e: &'a ast::Expr, out: &mut Vec<&'a ast::Ident>) {
    match &e.kind {
        A::Ident { package: None, name } => out.push(name),
        A::Concat(items) => {
            for i in items {
                collect_lhs_idents(i, out);
            }
        }
        _ => {}
    }
}

fn first_ident(e: &ast::Expr) -> Option<String> {
    match &e.kind {
        A::Ident { name, .. } => Some(name.name.clone()),
        A::Index { base, .. } | A::Range { base, .. } => first_ident(base),
        A::Concat(items) => items.iter().find_map(first_ident),
        _ => None,
    }
}

/// Port names and inner references of a module definition.
pub fn module_ports(m: &ast::ModuleDecl) -> Vec<(Option<String>, PortInnerRef<'_>)> {
    match &m.ports {
        ast::PortList::None => vec![],
        ast::PortList::Ansi(ps) => {
            ps.iter().map(|p| (Some(p.name.name.clone()), PortInnerRef::Name(p.name.name.clone()))).collect()
        }
        ast::PortList::NonAnsi(ps) => ps
            .iter()
            .map(|p| {
                let inner = match &p.expr {
                    Some(ast::Expr { kind: A::Ident { name, package: None }, .. }) => {
                        PortInnerRef::Name(name.name.clone())
                    }
                    other => PortInnerRef::Expr(other.as_ref()),
                };
                (p.name.as_ref().map(|n| n.name.clone()), inner)
            })
            .collect(),
    }
}

/// Direction of a port by name, from the definition.
fn module_port_dir(m: &ast::ModuleDecl, name: &str) -> Option<ast::Direction> {
    if let ast::PortList::Ansi(ps) = &m.ports {
        return ps.iter().find(|p| p.name.name == name).map(|p| p.dir);
    }
    let mut items = Vec::new();
    flatten(&m.items, &mut items);
    items.iter().find_map(|it| match it {
        I::PortDecl(p) if p.names.iter().any(|d| d.name.name == name) => Some(p.dir),
        _ => None,
    })
}

fn body_declares(items: &[ast::ModuleItem], name: &str) -> bool {
    body_decl(items, name).is_some()
}

/// A variable or net declaration of `name` in a module body:
/// (is_var, net type, declared type).
fn body_decl<'a>(
    items: &'a [ast::ModuleItem],
    name: &str,
) -> Option<(bool, Option<ast::NetType>, Option<&'a ast::DataType>)> {
    for it in items {
        match it {
            I::Var(v) if v.vars.iter().any(|d| d.name.name == name) => return Some((true, None, Some(&v.ty))),
            I::Net(n) if n.nets.iter().any(|d| d.name.name == name) => {
                return Some((false, Some(n.net_type), Some(&n.ty)))
            }
            I::GenerateRegion(inner, _) => {
                if let Some(r) = body_decl(inner, name) {
                    return Some(r);
                }
            }
            _ => {}
        }
    }
    None
}

impl Elab<'_> {
    /// True once the design has more than [`MAX_SCOPES`] scopes; the first
    /// time, reported at `span` (the instance or loop that passed it).
    fn over_scope_limit(&mut self, span: Span) -> bool {
        if self.too_many_scopes {
            return true;
        }
        if self.d.scopes.len() <= MAX_SCOPES {
            return false;
        }
        self.too_many_scopes = true;
        self.error(
            code::RECURSION,
            span,
            format!("the design has more than {MAX_SCOPES} instances and generate blocks, wsim's limit"),
        );
        true
    }
}
