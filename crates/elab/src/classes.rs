//! Classes (IEEE 1800-2017 clause 8).
//!
//! A class object lives on the guest heap: a 16-byte header holding its
//! dynamic class id (a 32-bit two-state value), then every instance property
//! in the arena value layout, base-class properties first (so a derived
//! object starts like its base). A handle is the object's address as a
//! 32-bit two-state value, 0 for `null` (IR `ClassProp`/`ClassNew`). Objects
//! are never freed: wsim has no garbage collector.
//!
//! - Each class (and each specialisation of a parameterised class) gets one
//!   entry in [`ClassState::classes`], a lexical scope holding its members
//!   (inherited names are copied in first, own names replace them) and an IR
//!   scope for its static properties, which are ordinary static signals.
//! - Methods are subroutines, automatic unless declared `static`
//!   lifetime; non-static ones take a hidden first input `this`. A
//!   constructor returns its `this`: its body is `new = this`, the base
//!   constructor call (`super.new(...)` as written first, or implicit),
//!   the property initialisers, then the user's statements.
//! - Virtual methods dispatch on the object's class id: a dispatcher
//!   subroutine per (class, method) holds a `case` over the ids of the class
//!   and every subclass known at the end of elaboration, each arm calling the
//!   most derived implementation.

use std::collections::{HashMap, HashSet};

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{
    CaseArm, CaseKind, Const, Dir, ExprId, ExprKind, Formal, ScopeKind, SignalKind, StmtId, StmtKind, SubrId, SubrKind,
    Subroutine, Type,
};
use wsim_syntax::ast;

use crate::ctx::{Elab, LexId, SubrDecl, SubrDef, Sym, Work};
use crate::instantiate::{OverrideVal, Overrides};
use crate::types::DataTy;

/// Bits of a class handle.
pub const HANDLE_BITS: u32 = 32;
/// Bytes of the object header (the class id as a 32-bit value).
const HEADER_BYTES: u32 = 16;

/// The IR type of a class handle.
pub fn handle_type() -> Type {
    Type::bits(HANDLE_BITS, false)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Registered,
    InProgress,
    Done,
}

/// One instance property.
#[derive(Clone, Debug)]
pub struct Prop<'a> {
    pub name: String,
    pub dt: DataTy,
    pub offset: u32,
    pub init: Option<&'a ast::Expr>,
    pub rand: Option<ast::RandKind>,
    /// The class that declares it.
    pub owner: usize,
}

/// One class or class specialisation.
pub struct ClassInfo<'a> {
    pub name: String,
    pub decl: &'a ast::ClassDecl,
    /// The lexical scope the declaration is in.
    pub outer: LexId,
    /// The class's own lexical scope (after layout).
    pub lex: Option<LexId>,
    stage: Stage,
    /// Parameter values of a specialisation.
    overrides: Option<Overrides>,
    /// For a parameterised class: its specialisations by parameter values.
    specs: HashMap<String, usize>,
    pub base: Option<usize>,
    /// Every instance property, inherited ones first.
    pub props: Vec<Prop<'a>>,
    pub size: u32,
    /// Own methods by name (subroutine definitions); `new` is the constructor.
    pub methods: HashMap<String, usize>,
    /// The implicit constructor, once made.
    implicit_ctor: Option<SubrId>,
    pub has_constraints: bool,
    /// Own constraints: (name, is pure, has a body or an out-of-class one).
    constraints: Vec<(String, bool)>,
    /// Interface classes named in `implements` (or an interface class's
    /// `extends`).
    interfaces: Vec<usize>,
    /// Classes that extend or implement this one.
    pub children: Vec<usize>,
}

impl ClassInfo<'_> {
    /// The dynamic class id stored in an object's header.
    fn id(idx: usize) -> u32 {
        idx as u32 + 1
    }
}

/// What a subroutine definition is as a class method.
#[derive(Clone, Copy, Debug)]
pub struct MethodInfo {
    pub class: usize,
    pub is_static: bool,
    pub is_virtual: bool,
    pub is_pure: bool,
    pub is_ctor: bool,
}

/// A virtual-method dispatcher whose body is made at the end.
struct Dispatcher {
    class: usize,
    name: String,
    subr: SubrId,
    lex: LexId,
}

#[derive(Default)]
pub struct ClassState<'a> {
    pub classes: Vec<ClassInfo<'a>>,
    pub methods: HashMap<usize, MethodInfo>,
    /// Out-of-class method bodies by (scope, class name, method name).
    extern_bodies: HashMap<(LexId, String, String), SubrDecl<'a>>,
    /// Out-of-class constraint blocks by (scope, class name, name).
    extern_constraints: HashSet<(LexId, String, String)>,
    dispatchers: Vec<Dispatcher>,
    dispatcher_of: HashMap<(usize, String), SubrId>,
}

/// A resolved method call: the definition, the object (none for a static
/// method) and whether it dispatches on the object's class.
pub struct MethodCall {
    pub def: usize,
    pub this: Option<ExprId>,
    pub virtual_call: bool,
}

impl<'a> Elab<'a> {
    // ------------------------------------------------------------ declaration

    /// Make the classes and out-of-class method bodies among `items` known
    /// in `lex` (before any declaration of the scope uses them).
    pub fn register_classes(&mut self, lex: LexId, items: &[&'a ast::ModuleItem]) {
        for it in items {
            match it {
                ast::ModuleItem::Class(c) => {
                    self.register_class(lex, c);
                }
                ast::ModuleItem::Function(f) if f.class_scope.is_some() => {
                    let class = f.class_scope.as_ref().map(|c| c.name.clone()).unwrap_or_default();
                    self.cls.extern_bodies.insert((lex, class, f.name.name.clone()), SubrDecl::Function(f));
                }
                ast::ModuleItem::ClassConstraint { class, name, .. } => {
                    self.cls.extern_constraints.insert((lex, class.name.clone(), name.name.clone()));
                }
                ast::ModuleItem::Task(t) if t.class_scope.is_some() => {
                    let class = t.class_scope.as_ref().map(|c| c.name.clone()).unwrap_or_default();
                    self.cls.extern_bodies.insert((lex, class, t.name.name.clone()), SubrDecl::Task(t));
                }
                _ => {}
            }
        }
    }

    fn register_class(&mut self, lex: LexId, decl: &'a ast::ClassDecl) -> usize {
        let idx = self.cls.classes.len();
        self.cls.classes.push(ClassInfo {
            name: decl.name.name.clone(),
            decl,
            outer: lex,
            lex: None,
            stage: Stage::Registered,
            overrides: None,
            specs: HashMap::new(),
            base: None,
            props: Vec::new(),
            size: HEADER_BYTES,
            methods: HashMap::new(),
            implicit_ctor: None,
            has_constraints: false,
            constraints: Vec::new(),
            interfaces: Vec::new(),
            children: Vec::new(),
        });
        self.bind(lex, &decl.name.name, Sym::Type(DataTy::class(idx)), decl.name.span);
        idx
    }

    /// A class declaration item: elaborate (and so check) it now, unless it
    /// is parameterised without defaults (only its specialisations are).
    pub fn declare_class(&mut self, lex: LexId, decl: &'a ast::ClassDecl) {
        let Some(Sym::Type(t)) = self.lex[lex].names.get(&decl.name.name).cloned() else { return };
        let Some(idx) = t.class_idx() else { return };
        let all_defaults = decl.params.iter().all(|p| p.assigns.iter().all(|a| a.value.is_some()));
        if all_defaults {
            let c = self.class_for_use(lex, idx, &[], decl.name.span);
            self.ensure_class(c);
        }
    }

    /// The class a use of class `idx` with parameter values `params`
    /// denotes: the class itself, or a specialisation of a parameterised one.
    pub fn class_for_use(&mut self, lex: LexId, idx: usize, params: &'a [ast::ParamConn], span: Span) -> usize {
        let decl = self.cls.classes[idx].decl;
        if decl.params.is_empty() || self.cls.classes[idx].overrides.is_some() {
            if !params.is_empty() {
                self.error(code::BAD_PARAM, span, format!("class `{}` has no parameters", decl.name.name));
            }
            return idx;
        }
        let mut ov = Overrides::default();
        let mut key = Vec::new();
        for p in params {
            match p {
                ast::ParamConn::Ordered(v) => {
                    let v = self.class_param_value(lex, v);
                    key.push(format!("{v:?}"));
                    if let Some(v) = v {
                        ov.ordered.push(v);
                    }
                }
                ast::ParamConn::Named { name, value } => {
                    let v = value.as_ref().and_then(|v| self.class_param_value(lex, v));
                    key.push(format!("{}={v:?}", name.name));
                    if let Some(v) = v {
                        ov.named.insert(name.name.clone(), v);
                    }
                }
            }
        }
        let key = key.join(",");
        if let Some(&s) = self.cls.classes[idx].specs.get(&key) {
            return s;
        }
        let s = self.cls.classes.len();
        let outer = self.cls.classes[idx].outer;
        self.cls.classes.push(ClassInfo {
            name: format!("{}#({key})", decl.name.name),
            decl,
            outer,
            lex: None,
            stage: Stage::Registered,
            overrides: Some(ov),
            specs: HashMap::new(),
            base: None,
            props: Vec::new(),
            size: HEADER_BYTES,
            methods: HashMap::new(),
            implicit_ctor: None,
            has_constraints: false,
            constraints: Vec::new(),
            interfaces: Vec::new(),
            children: Vec::new(),
        });
        self.cls.classes[idx].specs.insert(key, s);
        s
    }

    fn class_param_value(&mut self, lex: LexId, v: &'a ast::ParamValue) -> Option<OverrideVal> {
        match v {
            ast::ParamValue::Type(t) => Some(OverrideVal::Type(self.data_type(lex, t))),
            ast::ParamValue::Expr(e) => self.param_override_value(lex, e),
        }
    }

    /// `C #(...)` as a data type.
    pub fn class_spec_type(
        &mut self,
        lex: LexId,
        package: Option<&ast::Ident>,
        name: &ast::Ident,
        params: &'a [ast::ParamConn],
        span: Span,
    ) -> DataTy {
        let sym = match package {
            Some(p) => self.lookup_package(&p.name, &name.name),
            None => self.lookup(lex, &name.name),
        };
        match sym.and_then(|s| if let Sym::Type(t) = s { t.class_idx() } else { None }) {
            Some(c) => {
                let generic = self.generic_of(c);
                DataTy::class(self.class_for_use(lex, generic, params, span))
            }
            None => {
                self.error(code::UNDECLARED, span, format!("unknown class `{}`", name.name));
                DataTy::logic(1, false)
            }
        }
    }

    /// The parameterised class a specialisation was made from (itself
    /// otherwise).
    fn generic_of(&self, c: usize) -> usize {
        let decl = self.cls.classes[c].decl;
        (0..self.cls.classes.len())
            .find(|&i| std::ptr::eq(self.cls.classes[i].decl, decl) && self.cls.classes[i].overrides.is_none())
            .unwrap_or(c)
    }

    // ------------------------------------------------------------ layout

    /// Lay a class out and declare its members (once).
    pub fn ensure_class(&mut self, idx: usize) {
        match self.cls.classes[idx].stage {
            Stage::Done => return,
            Stage::InProgress => {
                let d = self.cls.classes[idx].decl;
                self.error(code::TYPE_ERROR, d.name.span, format!("class `{}` extends itself", d.name.name));
                return;
            }
            Stage::Registered => {}
        }
        self.cls.classes[idx].stage = Stage::InProgress;
        let decl = self.cls.classes[idx].decl;
        let outer = self.cls.classes[idx].outer;
        let name = self.cls.classes[idx].name.clone();
        let parent_scope = self.scope_of(outer);
        let scope = self.new_scope(&decl.name.name, Some(parent_scope), ScopeKind::NamedBlock, &name, decl.span);
        let lex = self.new_lex(Some(outer), scope, None);
        self.lex[lex].subr = None;
        self.cls.classes[idx].lex = Some(lex);
        let ov = self.cls.classes[idx].overrides.clone();
        if let Some(ov) = ov {
            self.overrides.insert(lex, ov);
            // Inside a specialisation its own name means the specialisation.
            self.lex[lex].names.insert(decl.name.name.clone(), Sym::Type(DataTy::class(idx)));
        }
        for p in &decl.params {
            self.declare_params(lex, p, Some(lex));
        }
        let mut inherited = HashSet::new();
        if let Some(b) = &decl.extends {
            self.inherit(idx, lex, b, &mut inherited);
        }
        for i in &decl.implements {
            let t = self.data_type(lex, i);
            match t.class_idx() {
                Some(c) if self.cls.classes[c].decl.is_interface => {
                    self.ensure_class(c);
                    self.cls.classes[c].children.push(idx);
                    self.cls.classes[idx].interfaces.push(c);
                }
                _ => self.error(code::TYPE_ERROR, i.span(), "only an interface class can be implemented"),
            }
        }
        self.inherit_interface_types(idx, lex, &mut inherited);
        self.declare_class_items(idx, lex, &mut inherited);
        self.cls.classes[idx].stage = Stage::Done;
        self.check_interface_conflicts(idx);
        if !decl.is_virtual && !decl.is_interface {
            self.check_implemented(idx);
        }
    }

    /// Every interface class `c` implements, directly or through its base
    /// classes and the interfaces' own `extends`.
    fn interfaces_of(&self, c: usize) -> Vec<usize> {
        let mut todo: Vec<usize> = Vec::new();
        let mut cur = Some(c);
        while let Some(k) = cur {
            todo.extend(&self.cls.classes[k].interfaces);
            cur = self.cls.classes[k].base;
        }
        let mut out = Vec::new();
        while let Some(i) = todo.pop() {
            if !out.contains(&i) {
                out.push(i);
                todo.extend(&self.cls.classes[i].interfaces);
            }
        }
        out
    }

    /// Type and parameter names an interface class declares itself.
    fn own_type_names(&self, c: usize) -> Vec<String> {
        let decl = self.cls.classes[c].decl;
        let mut out: Vec<String> =
            decl.params.iter().flat_map(|p| p.assigns.iter().map(|a| a.name.name.clone())).collect();
        for it in &decl.items {
            match it {
                ast::ClassItem::Param(p) => out.extend(p.assigns.iter().map(|a| a.name.name.clone())),
                ast::ClassItem::Typedef(t) => out.push(t.name.name.clone()),
                _ => {}
            }
        }
        out
    }

    /// Types and parameters of the implemented interface classes are
    /// visible in the class (8.26.3).
    fn inherit_interface_types(&mut self, idx: usize, lex: LexId, inherited: &mut HashSet<String>) {
        for i in self.cls.classes[idx].interfaces.clone() {
            let Some(il) = self.cls.classes[i].lex else { continue };
            for name in self.own_type_names(i) {
                if self.lex[lex].names.contains_key(&name) && !inherited.contains(&name) {
                    continue;
                }
                if let Some(sym) = self.lex[il].names.get(&name).cloned() {
                    inherited.insert(name.clone());
                    self.lex[lex].names.insert(name, sym);
                }
            }
        }
    }

    /// Names inherited from several interface classes must not conflict
    /// (8.26.6): a type or parameter from two of them needs a declaration in
    /// the class; a method declared by two of them needs one prototype.
    fn check_interface_conflicts(&mut self, idx: usize) {
        let decl = self.cls.classes[idx].decl;
        let own = self.own_type_names(idx);
        let mut types: HashMap<String, usize> = HashMap::new();
        let mut methods: HashMap<String, (usize, usize)> = HashMap::new();
        for i in self.interfaces_of(idx) {
            for name in self.own_type_names(i) {
                match types.get(&name) {
                    Some(&j) if j != i && !own.contains(&name) => {
                        let (a, b) = (self.cls.classes[j].name.clone(), self.cls.classes[i].name.clone());
                        self.error(
                            code::TYPE_ERROR,
                            decl.name.span,
                            format!(
                                "`{name}` is inherited from both `{a}` and `{b}`; declare it in `{}` (8.26.6.2)",
                                decl.name.name
                            ),
                        );
                    }
                    _ => {
                        types.insert(name, i);
                    }
                }
            }
            let own_methods: Vec<(String, usize)> =
                self.cls.classes[i].methods.iter().map(|(k, v)| (k.clone(), *v)).collect();
            for (name, def) in own_methods {
                match methods.get(&name).copied() {
                    Some((j, other)) if j != i && !self.same_prototype(def, other) => {
                        let (a, b) = (self.cls.classes[j].name.clone(), self.cls.classes[i].name.clone());
                        self.error(
                            code::TYPE_ERROR,
                            decl.name.span,
                            format!("method `{name}` has different prototypes in `{a}` and `{b}` (8.26.6.1)"),
                        );
                    }
                    _ => {
                        methods.insert(name, (i, def));
                    }
                }
            }
        }
    }

    /// Whether two method definitions have the same return and argument types.
    fn same_prototype(&mut self, a: usize, b: usize) -> bool {
        let (sa, sb) = (self.ensure_subr(a), self.ensure_subr(b));
        let sig = |e: &Self, s: SubrId| -> Vec<(Option<wsim_ir::Dir>, DataTy)> {
            let f = &e.d.subrs[s];
            let mut v: Vec<(Option<wsim_ir::Dir>, DataTy)> =
                f.formals.iter().skip(1).map(|x| (Some(x.dir), e.sig_ty[x.sig.index()].clone())).collect();
            v.push((None, f.ret.map(|r| e.sig_ty[r.index()].clone()).unwrap_or_else(DataTy::event)));
            v
        };
        sig(self, sa) == sig(self, sb)
    }

    /// A class that can be instantiated implements every pure virtual
    /// method and pure constraint it inherits (8.21, 8.26.7, 18.5.2).
    fn check_implemented(&mut self, idx: usize) {
        let decl = self.cls.classes[idx].decl;
        let mut pure_methods: Vec<String> = Vec::new();
        let mut pure_constraints: Vec<String> = Vec::new();
        let mut concrete_constraints: Vec<String> = Vec::new();
        let mut cur = Some(idx);
        let mut sources: Vec<usize> = Vec::new();
        while let Some(k) = cur {
            sources.push(k);
            cur = self.cls.classes[k].base;
        }
        sources.extend(self.interfaces_of(idx));
        for k in sources {
            for (name, def) in &self.cls.classes[k].methods {
                if self.cls.methods[def].is_pure {
                    pure_methods.push(name.clone());
                }
            }
            for (name, pure) in &self.cls.classes[k].constraints {
                if *pure {
                    pure_constraints.push(name.clone())
                } else {
                    concrete_constraints.push(name.clone())
                }
            }
        }
        for m in pure_methods {
            if self.implementation(idx, &m).is_none() {
                self.error(
                    code::TYPE_ERROR,
                    decl.name.span,
                    format!(
                        "class `{}` does not implement the pure virtual method `{m}` (declare the class `virtual`)",
                        decl.name.name
                    ),
                );
            }
        }
        for c in pure_constraints {
            if !concrete_constraints.contains(&c) {
                self.error(
                    code::TYPE_ERROR,
                    decl.name.span,
                    format!("class `{}` does not implement the pure constraint `{c}`", decl.name.name),
                );
            }
        }
    }

    /// Take over the base class's members.
    fn inherit(&mut self, idx: usize, lex: LexId, base: &'a ast::DataType, inherited: &mut HashSet<String>) {
        let t = self.data_type(lex, base);
        let Some(b) = t.class_idx() else {
            self.error(code::TYPE_ERROR, base.span(), "a class can only extend a class");
            return;
        };
        self.ensure_class(b);
        if self.cls.classes[b].decl.is_interface && !self.cls.classes[idx].decl.is_interface {
            self.error(code::TYPE_ERROR, base.span(), "a class implements an interface class; it cannot extend one");
        }
        let Some(bl) = self.cls.classes[b].lex else { return };
        let names: Vec<(String, Sym)> = self.lex[bl].names.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let own_name = &self.cls.classes[b].decl.name.name;
        for (k, v) in names {
            if &k == own_name || k == "this" {
                continue;
            }
            inherited.insert(k.clone());
            self.lex[lex].names.insert(k, v);
        }
        self.cls.classes[idx].base = Some(b);
        self.cls.classes[idx].props = self.cls.classes[b].props.clone();
        self.cls.classes[idx].size = self.cls.classes[b].size;
        self.cls.classes[b].children.push(idx);
    }

    /// Forget an inherited name the class declares again.
    fn shadow(&mut self, lex: LexId, name: &str, inherited: &mut HashSet<String>) {
        if inherited.remove(name) {
            self.lex[lex].names.remove(name);
        }
    }

    fn declare_class_items(&mut self, idx: usize, lex: LexId, inherited: &mut HashSet<String>) {
        let decl = self.cls.classes[idx].decl;
        for item in &decl.items {
            match item {
                ast::ClassItem::Param(p) => {
                    for a in &p.assigns {
                        self.shadow(lex, &a.name.name, inherited);
                    }
                    self.declare_params(lex, p, Some(lex));
                }
                ast::ClassItem::Typedef(t) => {
                    self.shadow(lex, &t.name.name, inherited);
                    self.declare_typedef(lex, t);
                }
                ast::ClassItem::Class(c) => {
                    self.shadow(lex, &c.name.name, inherited);
                    self.register_class(lex, c);
                }
                _ => {}
            }
        }
        for item in &decl.items {
            match item {
                ast::ClassItem::Property { quals, decl: v } => self.declare_property(idx, lex, quals, v, inherited),
                ast::ClassItem::Function { quals, decl: f } => {
                    self.declare_method(idx, lex, quals, SubrDecl::Function(f), inherited)
                }
                ast::ClassItem::Task { quals, decl: t } => {
                    self.declare_method(idx, lex, quals, SubrDecl::Task(t), inherited)
                }
                ast::ClassItem::Constraint { name, quals, has_body, span, .. } => {
                    self.declare_constraint(idx, name, quals, *has_body, *span)
                }
                ast::ClassItem::Unsupported { what, span } => self.unsupported(what, *span),
                ast::ClassItem::Class(c) => self.declare_class(lex, c),
                ast::ClassItem::Param(_) | ast::ClassItem::Typedef(_) => {}
            }
        }
        self.check_randc_uses(idx);
    }

    fn declare_constraint(
        &mut self,
        idx: usize,
        name: &ast::Ident,
        quals: &ast::ClassQuals,
        has_body: bool,
        span: Span,
    ) {
        let c = &self.cls.classes[idx];
        let key = (c.outer, c.decl.name.name.clone(), name.name.clone());
        let defined = has_body || self.cls.extern_constraints.contains(&key);
        if quals.is_extern && !defined {
            let class = &self.cls.classes[idx].decl.name.name;
            let msg = format!("extern constraint `{class}::{}` has no constraint block (18.5.1)", name.name);
            self.error(code::UNDECLARED, span, msg);
        }
        if quals.is_pure && !self.cls.classes[idx].decl.is_virtual {
            self.error(code::TYPE_ERROR, span, "a pure constraint is only allowed in an abstract (virtual) class");
        }
        let c = &mut self.cls.classes[idx];
        c.has_constraints = true;
        c.constraints.push((name.name.clone(), quals.is_pure));
    }

    /// `randc` variables may not appear in `soft`, `dist` or `solve ...
    /// before` constraints (18.5.4, 18.5.10, 18.5.14).
    fn check_randc_uses(&mut self, idx: usize) {
        let decl = self.cls.classes[idx].decl;
        for item in &decl.items {
            let ast::ClassItem::Constraint { no_randc, .. } = item else { continue };
            for n in no_randc {
                let randc = self.cls.classes[idx]
                    .props
                    .iter()
                    .any(|p| p.name == n.name && p.rand == Some(ast::RandKind::Randc));
                if randc {
                    self.error(
                        code::TYPE_ERROR,
                        n.span,
                        format!("`randc` variable `{}` is not allowed in `soft`, `dist` or `solve ... before`", n.name),
                    );
                }
            }
        }
    }

    fn declare_property(
        &mut self,
        idx: usize,
        lex: LexId,
        quals: &ast::ClassQuals,
        v: &'a ast::VarDecl,
        inherited: &mut HashSet<String>,
    ) {
        for d in &v.vars {
            self.shadow(lex, &d.name.name, inherited);
        }
        if quals.is_static {
            self.declare_vars(lex, v, false);
            return;
        }
        let dt = self.data_type(lex, &v.ty);
        for d in &v.vars {
            let dims = self.unpacked_dims(lex, &d.unpacked);
            if !dims.is_empty() || !dt.unpacked.is_empty() {
                self.unsupported("an unpacked array as a class property", d.span);
                continue;
            }
            if dt.ir_type().kind == wsim_ir::TypeKind::Event {
                self.unsupported("an event as a class property", d.span);
                continue;
            }
            let c = &mut self.cls.classes[idx];
            let offset = c.size;
            c.size += prop_bytes(&dt);
            let p = c.props.len();
            c.props.push(Prop {
                name: d.name.name.clone(),
                dt: dt.clone(),
                offset,
                init: d.init.as_ref(),
                rand: quals.rand,
                owner: idx,
            });
            self.bind(lex, &d.name.name, Sym::Prop(idx, p), d.name.span);
        }
    }

    fn declare_method(
        &mut self,
        idx: usize,
        lex: LexId,
        quals: &ast::ClassQuals,
        decl: SubrDecl<'a>,
        inherited: &mut HashSet<String>,
    ) {
        let (name, span) = match decl {
            SubrDecl::Function(f) => (f.name.clone(), f.span),
            SubrDecl::Task(t) => (t.name.clone(), t.span),
        };
        let mut body = decl;
        if quals.is_extern {
            let key = (self.cls.classes[idx].outer, self.cls.classes[idx].decl.name.name.clone(), name.name.clone());
            match self.cls.extern_bodies.get(&key) {
                Some(b) => body = *b,
                None => {
                    let class = &self.cls.classes[idx].decl.name.name;
                    self.error(code::UNDECLARED, span, format!("extern method `{class}::{}` has no body", name.name));
                    return;
                }
            }
        }
        if matches!(name.name.as_str(), "randomize" | "rand_mode" | "constraint_mode") {
            self.error(
                code::TYPE_ERROR,
                name.span,
                format!("the built-in method `{}` cannot be overridden (18.6, 18.8, 18.9)", name.name),
            );
        }
        let is_ctor = name.name == "new";
        if is_ctor && (quals.is_static || quals.is_virtual) {
            self.error(code::TYPE_ERROR, span, "a constructor cannot be static or virtual");
        }
        let def = self.subr_defs.len();
        self.subr_defs.push(SubrDef { decl: body, lex, id: None, body_done: false, own_lex: None });
        let is_pure = quals.is_pure;
        self.cls.methods.insert(
            def,
            MethodInfo {
                class: idx,
                is_static: quals.is_static,
                is_virtual: quals.is_virtual || is_pure,
                is_pure,
                is_ctor,
            },
        );
        if is_pure && !self.cls.classes[idx].decl.is_virtual && !self.cls.classes[idx].decl.is_interface {
            self.error(code::TYPE_ERROR, span, "a pure virtual method is only allowed in an abstract (virtual) class");
        }
        self.cls.classes[idx].methods.insert(name.name.clone(), def);
        if is_ctor {
            if !is_pure {
                self.work.push(Work::SubrBody(def));
            }
            return;
        }
        self.shadow(lex, &name.name, inherited);
        self.bind(lex, &name.name, Sym::Subr(def), name.span);
        if !is_pure {
            self.work.push(Work::SubrBody(def));
        }
    }

    // ------------------------------------------------------------ members

    /// Whether method `name` is virtual in class `c` (declared virtual there
    /// or in an ancestor, or declared by an interface class it implements).
    fn is_virtual(&self, c: usize, name: &str) -> bool {
        let mut cur = Some(c);
        while let Some(k) = cur {
            if let Some(def) = self.cls.classes[k].methods.get(name) {
                if self.cls.methods[def].is_virtual {
                    return true;
                }
            }
            cur = self.cls.classes[k].base;
        }
        (0..self.cls.classes.len()).any(|i| {
            let k = &self.cls.classes[i];
            k.decl.is_interface && k.methods.contains_key(name) && self.descendants_of(i).contains(&c)
        })
    }

    /// Class `c` and every class that extends or implements it, transitively.
    fn descendants_of(&self, c: usize) -> Vec<usize> {
        let mut out = vec![c];
        let mut i = 0;
        while i < out.len() {
            for &k in &self.cls.classes[out[i]].children {
                if !out.contains(&k) {
                    out.push(k);
                }
            }
            i += 1;
        }
        out
    }

    /// The implementation of method `name` an object of class `c` runs.
    fn implementation(&self, c: usize, name: &str) -> Option<usize> {
        let mut cur = Some(c);
        while let Some(k) = cur {
            if let Some(&def) = self.cls.classes[k].methods.get(name) {
                if !self.cls.methods[&def].is_pure {
                    return Some(def);
                }
            }
            cur = self.cls.classes[k].base;
        }
        None
    }

    /// `this` where the code at `lex` may use it (a non-static method).
    pub fn this_expr(&mut self, lex: LexId, span: Span) -> Option<(ExprId, DataTy)> {
        match self.lookup(lex, "this") {
            Some(Sym::Signal(s)) => Some((self.signal_expr(s, span), self.sig_ty[s.index()].clone())),
            _ => None,
        }
    }

    /// The value of a property symbol at `lex` (through `this`).
    pub fn prop_value(&mut self, lex: LexId, c: usize, p: usize, span: Span) -> (ExprId, DataTy) {
        match self.this_expr(lex, span) {
            Some((this, _)) => self.prop_of(this, c, p, span),
            None => {
                let name = self.cls.classes[c].props[p].name.clone();
                self.error(
                    code::TYPE_ERROR,
                    span,
                    format!(
                        "non-static property `{name}` used without an object (in a static method or outside the class)"
                    ),
                );
                self.bad_leaf(span)
            }
        }
    }

    /// Property `p` of class `c` of the object `handle` refers to.
    pub fn prop_of(&mut self, handle: ExprId, c: usize, p: usize, span: Span) -> (ExprId, DataTy) {
        let prop = &self.cls.classes[c].props[p];
        let dt = prop.dt.clone();
        let offset = prop.offset;
        let e = self.expr(ExprKind::ClassProp { handle, offset }, dt.ir_type(), span);
        if dt.is_string() {
            self.d.mark_string_value(e);
        }
        (e, dt)
    }

    /// `obj.name` where `obj` is a handle of class `c`: a property, a static
    /// property, a parameter or a method called without parentheses.
    pub fn class_member(
        &mut self,
        lex: LexId,
        handle: ExprId,
        c: usize,
        name: &ast::Ident,
        span: Span,
    ) -> Option<(ExprId, DataTy)> {
        self.ensure_class(c);
        let cl = self.cls.classes[c].lex?;
        match self.lex[cl].names.get(&name.name).cloned() {
            Some(Sym::Prop(k, p)) => Some(self.prop_of(handle, k, p, span)),
            Some(Sym::Signal(s)) => Some((self.signal_expr(s, span), self.sig_ty[s.index()].clone())),
            Some(Sym::Param(v, dt)) => Some((self.value_expr(&v, &dt, span), dt)),
            Some(Sym::Subr(def)) => {
                let call = MethodCall { def, this: Some(handle), virtual_call: self.is_virtual(c, &name.name) };
                self.method_call_expr(lex, call, &[], span)
            }
            _ => {
                let cname = self.cls.classes[c].name.clone();
                self.error(code::UNDECLARED, name.span, format!("class `{cname}` has no member `{}`", name.name));
                None
            }
        }
    }

    /// The class of a handle expression, found from its syntax without
    /// emitting anything (so a call through it can be recognised).
    pub fn probe_class(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<usize> {
        match &e.kind {
            ast::ExprKind::Ident { package: None, name } if name.name == "super" => {
                let (_, dt) = self.this_expr_probe(lex)?;
                let c = dt.class_idx()?;
                self.cls.classes[c].base
            }
            ast::ExprKind::Ident { .. } => match self.lookup_hier(lex, e)? {
                Sym::Signal(s) => self.sig_ty[s.index()].class_idx(),
                Sym::Prop(c, p) => self.cls.classes[c].props[p].dt.class_idx(),
                _ => None,
            },
            ast::ExprKind::Member { base, name } => {
                if let Some(Sym::Signal(s)) = self.lookup_hier(lex, e) {
                    return self.sig_ty[s.index()].class_idx();
                }
                let c = self.probe_class(lex, base)?;
                self.ensure_class(c);
                let cl = self.cls.classes[c].lex?;
                match self.lex[cl].names.get(&name.name)? {
                    Sym::Prop(k, p) => self.cls.classes[*k].props[*p].dt.class_idx(),
                    Sym::Signal(s) => self.sig_ty[s.index()].class_idx(),
                    _ => None,
                }
            }
            ast::ExprKind::Index { base, .. } => match self.lookup_hier(lex, base)? {
                Sym::Signal(s) => self.sig_ty[s.index()].class_idx(),
                _ => None,
            },
            _ => None,
        }
    }

    fn this_expr_probe(&self, lex: LexId) -> Option<(wsim_ir::SignalId, DataTy)> {
        match self.lookup(lex, "this") {
            Some(Sym::Signal(s)) => Some((s, self.sig_ty[s.index()].clone())),
            _ => None,
        }
    }

    /// The class lexical scope named by `C` in `C::name` (a class type
    /// visible at `lex`).
    pub fn class_scope_lex(&mut self, lex: LexId, class: &str, span: Span) -> Option<LexId> {
        let Some(Sym::Type(t)) = self.lookup(lex, class) else { return None };
        let c = t.class_idx()?;
        let decl = self.cls.classes[c].decl;
        if !decl.params.is_empty() && self.cls.classes[c].overrides.is_none() && !self.inside_class(lex, decl) {
            let msg =
                format!("`{class}::` names a parameterised class without parameters; write `{class}#(...)::` (8.25.1)");
            self.error(code::BAD_PARAM, span, msg);
        }
        let c = self.class_for_use(lex, c, &[], span);
        self.ensure_class(c);
        self.cls.classes[c].lex
    }

    /// Whether `lex` is inside (a specialisation of) the class `decl`.
    fn inside_class(&self, lex: LexId, decl: &ast::ClassDecl) -> bool {
        let mut cur = Some(lex);
        while let Some(l) = cur {
            if self.cls.classes.iter().any(|c| c.lex == Some(l) && std::ptr::eq(c.decl, decl)) {
                return true;
            }
            cur = self.lex[l].parent;
        }
        false
    }

    // ------------------------------------------------------------ calls

    /// Recognise a call of a class method: `obj.f(...)`, `super.f(...)`,
    /// `f(...)` inside a class (implicit `this`), `C::f(...)`.
    pub fn resolve_method_call(&mut self, lex: LexId, name: &'a ast::Expr) -> Option<MethodCall> {
        match &name.kind {
            ast::ExprKind::Member { base, name: m } => {
                if let Some(Sym::Subr(_)) = self.lookup_hier(lex, name) {
                    return self.method_from_sym(lex, name);
                }
                self.member_method(lex, base, m)
            }
            ast::ExprKind::Ident { .. } => self.method_from_sym(lex, name),
            _ => None,
        }
    }

    /// `base.m(...)` where `base` is a class handle (or `super`).
    fn member_method(&mut self, lex: LexId, base: &'a ast::Expr, m: &ast::Ident) -> Option<MethodCall> {
        {
            {
                let is_super =
                    matches!(&base.kind, ast::ExprKind::Ident { package: None, name } if name.name == "super");
                let c = self.probe_class(lex, base)?;
                self.ensure_class(c);
                let cl = self.cls.classes[c].lex?;
                let Some(Sym::Subr(def)) = self.lex[cl].names.get(&m.name).cloned() else { return None };
                let info = *self.cls.methods.get(&def)?;
                let this = if info.is_static {
                    None
                } else if is_super {
                    Some(self.this_expr(lex, base.span)?.0)
                } else {
                    Some(self.leaf(lex, base))
                };
                let virtual_call = !is_super && !info.is_static && self.is_virtual(c, &m.name);
                Some(MethodCall { def, this, virtual_call })
            }
        }
    }

    /// `base.method(args)` parsed as a built-in method call (`x.size()`,
    /// `obj.randomize()`) where `base` is a class handle: the class's own
    /// method of that name, or the built-in `randomize()`.
    pub fn class_builtin_named_call(
        &mut self,
        lex: LexId,
        base: &'a ast::Expr,
        method: &ast::Ident,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> Option<(ExprId, DataTy)> {
        let c = self.probe_class(lex, base)?;
        self.ensure_class(c);
        let cl = self.cls.classes[c].lex?;
        if method.name == "randomize" && !self.lex[cl].names.contains_key("randomize") {
            return self.randomize_call(lex, base, span);
        }
        let Some(call) = self.member_method(lex, base, method) else {
            let cname = self.cls.classes[c].name.clone();
            self.error(code::UNDECLARED, method.span, format!("class `{cname}` has no method `{}`", method.name));
            return Some(self.bad_leaf(span));
        };
        Some(self.method_call_expr(lex, call, args, span).unwrap_or_else(|| self.bad_leaf(span)))
    }

    /// `f(...)` / `C::f(...)` naming a method directly.
    fn method_from_sym(&mut self, lex: LexId, name: &'a ast::Expr) -> Option<MethodCall> {
        let Some(Sym::Subr(def)) = self.lookup_callable(lex, name) else { return None };
        let info = *self.cls.methods.get(&def)?;
        if info.is_static {
            return Some(MethodCall { def, this: None, virtual_call: false });
        }
        let scoped = matches!(&name.kind, ast::ExprKind::Ident { package: Some(_), .. });
        let Some((this, tdt)) = self.this_expr(lex, name.span) else {
            let m = crate::expr::ident_text(name);
            self.error(code::TYPE_ERROR, name.span, format!("non-static method `{m}` called without an object"));
            return Some(MethodCall { def, this: None, virtual_call: false });
        };
        let mname = crate::expr::ident_text(name);
        let short = mname.rsplit("::").next().unwrap_or(&mname).to_string();
        let virtual_call = !scoped && tdt.class_idx().is_some_and(|c| self.is_virtual(c, &short));
        Some(MethodCall { def, this: Some(this), virtual_call })
    }

    /// The subroutine a resolved call runs (a dispatcher for a virtual call)
    /// and its arguments.
    fn method_target(
        &mut self,
        lex: LexId,
        call: &MethodCall,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> (SubrId, Vec<ExprId>) {
        let info = self.cls.methods[&call.def];
        let this = if info.is_static { None } else { Some(call.this.unwrap_or_else(|| self.null_handle(span))) };
        let (subr, args) = self.call_args_this(lex, call.def, this, args, span);
        if !call.virtual_call {
            if info.is_pure {
                self.error(code::TYPE_ERROR, span, "a pure virtual method has no implementation to call");
            }
            return (subr, args);
        }
        let name = self.d.subrs[subr].name.clone();
        (self.dispatcher(info.class, &name, call.def), args)
    }

    /// A method call as an expression (a function with a value).
    pub fn method_call_expr(
        &mut self,
        lex: LexId,
        call: MethodCall,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> Option<(ExprId, DataTy)> {
        if matches!(self.subr_defs[call.def].decl, SubrDecl::Task(_)) {
            self.error(code::TYPE_ERROR, span, "a task cannot be called in an expression");
            return None;
        }
        let (subr, args) = self.method_target(lex, &call, args, span);
        let def_subr = self.ensure_subr(call.def);
        let Some(ret) = self.d.subrs[def_subr].ret else {
            self.error(code::TYPE_ERROR, span, "a void function has no value");
            return None;
        };
        let dt = self.sig_ty[ret.index()].clone();
        Some((self.expr(ExprKind::Call { subr, args }, dt.ir_type(), span), dt))
    }

    /// A method call as a statement.
    pub fn method_call_stmt(
        &mut self,
        lex: LexId,
        call: MethodCall,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> StmtId {
        let (subr, args) = self.method_target(lex, &call, args, span);
        self.stmt(StmtKind::Call { subr, args }, span)
    }

    fn null_handle(&mut self, span: Span) -> ExprId {
        self.const_expr(Const::zero(HANDLE_BITS, false), false, span)
    }

    // ------------------------------------------------------------ dispatch

    /// The dispatcher of virtual method `name` for handles of class `c`
    /// (its body is made at the end, when every subclass is known).
    fn dispatcher(&mut self, c: usize, name: &str, def: usize) -> SubrId {
        if let Some(&s) = self.cls.dispatcher_of.get(&(c, name.to_string())) {
            return s;
        }
        let proto = self.ensure_subr(def);
        let p = self.d.subrs[proto].clone();
        let cl = self.cls.classes[c].lex.unwrap_or(self.unit_lex);
        let parent = self.scope_of(cl);
        let scope = self.new_scope(&format!("{name}$dispatch"), Some(parent), ScopeKind::Subroutine, "", p.span);
        let body = self.stmt(StmtKind::Nop, p.span);
        let id = self.d.subrs.push(Subroutine {
            name: format!("{name}$dispatch"),
            scope,
            kind: p.kind,
            automatic: true,
            formals: vec![],
            ret: None,
            locals: vec![],
            body,
            span: p.span,
        });
        let own = self.new_lex(Some(cl), scope, None);
        self.lex[own].subr = Some(id);
        for f in &p.formals {
            let dt = self.sig_ty[f.sig.index()].clone();
            let n = self.d.signals[f.sig].name.clone();
            let s = self.add_signal(own, &n, &dt, vec![], SignalKind::Var, None, true, p.span);
            self.d.subrs[id].formals.push(Formal { sig: s, dir: f.dir });
        }
        if let Some(r) = p.ret {
            let dt = self.sig_ty[r.index()].clone();
            let s = self.add_signal(own, name, &dt, vec![], SignalKind::Var, None, true, p.span);
            self.d.subrs[id].ret = Some(s);
        }
        self.cls.dispatcher_of.insert((c, name.to_string()), id);
        self.cls.dispatchers.push(Dispatcher { class: c, name: name.to_string(), subr: id, lex: own });
        id
    }

    /// Fill every dispatcher's body: `case (this.class_id)` over the class
    /// and its subclasses, each calling the implementation it runs.
    pub fn finish_classes(&mut self) {
        let mut done = 0;
        while done < self.cls.dispatchers.len() {
            let (c, name, subr, lex) = {
                let d = &self.cls.dispatchers[done];
                (d.class, d.name.clone(), d.subr, d.lex)
            };
            done += 1;
            self.dispatcher_body(c, &name, subr, lex);
            self.lower_all();
        }
    }

    fn dispatcher_body(&mut self, c: usize, name: &str, subr: SubrId, lex: LexId) {
        let f = self.d.subrs[subr].clone();
        let span = f.span;
        let this = self.signal_expr(f.formals[0].sig, span);
        let subject = self.expr(ExprKind::ClassProp { handle: this, offset: 0 }, handle_type(), span);
        let mut arms = Vec::new();
        for k in self.descendants_of(c) {
            if self.cls.classes[k].decl.is_virtual || self.cls.classes[k].decl.is_interface {
                continue; // never instantiated
            }
            if self.cls.classes[k].stage != Stage::Done {
                continue;
            }
            let Some(imp) = self.implementation(k, name) else { continue };
            let callee = self.ensure_subr(imp);
            if !self.subr_defs[imp].body_done {
                self.work.push(Work::SubrBody(imp));
            }
            let args: Vec<ExprId> = f.formals.iter().map(|x| self.signal_expr(x.sig, span)).collect();
            let call = match f.ret {
                Some(r) => {
                    let rt = self.d.signals[r].ty;
                    let ret_ty = self.d.subrs[callee].ret.map(|s| self.d.signals[s].ty).unwrap_or(rt);
                    let v = self.expr(ExprKind::Call { subr: callee, args }, ret_ty, span);
                    let v = self.coerce(v, rt);
                    let lhs = self.signal_expr(r, span);
                    self.stmt(StmtKind::Assign { lhs, rhs: v }, span)
                }
                None => self.stmt(StmtKind::Call { subr: callee, args }, span),
            };
            let label = self.const_expr(Const::from_u64(HANDLE_BITS, false, ClassInfo::id(k) as u64), false, span);
            arms.push(CaseArm { labels: vec![label], body: call });
        }
        let _ = lex;
        let case = self.stmt(StmtKind::Case { kind: CaseKind::Exact, subject, arms, default: None }, span);
        self.d.stmts[f.body] = wsim_ir::Stmt { kind: StmtKind::Block { stmts: vec![case], name: None }, span };
    }

    // ------------------------------------------------------------ construction

    /// `new(args)` for a target of class `c`.
    pub fn construct(&mut self, lex: LexId, c: usize, args: &'a [Option<ast::Expr>], span: Span) -> ExprId {
        self.ensure_class(c);
        let decl = self.cls.classes[c].decl;
        if decl.is_virtual || decl.is_interface {
            let what = if decl.is_interface { "an interface class" } else { "an abstract (virtual) class" };
            self.error(code::TYPE_ERROR, span, format!("`{}` is {what} and cannot be instantiated", decl.name.name));
        }
        let size = self.cls.classes[c].size;
        let obj = self.expr(ExprKind::ClassNew { class_id: ClassInfo::id(c), size, src: None }, handle_type(), span);
        match self.cls.classes[c].methods.get("new").copied() {
            Some(def) => {
                let (subr, args) = self.call_args_this(lex, def, Some(obj), args, span);
                self.expr(ExprKind::Call { subr, args }, handle_type(), span)
            }
            None => {
                if args.iter().any(|a| a.is_some()) {
                    self.error(
                        code::BAD_PORT,
                        span,
                        format!("class `{}` has no constructor arguments", decl.name.name),
                    );
                }
                let subr = self.implicit_ctor(c);
                self.expr(ExprKind::Call { subr, args: vec![obj] }, handle_type(), span)
            }
        }
    }

    /// `new src`: a shallow copy.
    pub fn shallow_copy(&mut self, lex: LexId, src: &'a ast::Expr, span: Span) -> (ExprId, DataTy) {
        let (s, dt) = self.leaf_dt(lex, src);
        let Some(c) = dt.class_idx() else {
            self.error(code::TYPE_ERROR, src.span, "`new` copies a class object; this is not a class handle");
            return self.bad_leaf(span);
        };
        self.ensure_class(c);
        let size = self.cls.classes[c].size;
        let e = self.expr(ExprKind::ClassNew { class_id: ClassInfo::id(c), size, src: Some(s) }, handle_type(), span);
        (e, dt)
    }

    /// The constructor of a class without a `new`: base constructor, then
    /// the property initialisers.
    fn implicit_ctor(&mut self, c: usize) -> SubrId {
        if let Some(s) = self.cls.classes[c].implicit_ctor {
            return s;
        }
        let cl = self.cls.classes[c].lex.unwrap_or(self.unit_lex);
        let span = self.cls.classes[c].decl.span;
        let parent = self.scope_of(cl);
        let scope = self.new_scope("new", Some(parent), ScopeKind::Subroutine, "", span);
        let body = self.stmt(StmtKind::Nop, span);
        let id = self.d.subrs.push(Subroutine {
            name: "new".into(),
            scope,
            kind: SubrKind::Function,
            automatic: true,
            formals: vec![],
            ret: None,
            locals: vec![],
            body,
            span,
        });
        self.cls.classes[c].implicit_ctor = Some(id);
        let own = self.new_lex(Some(cl), scope, None);
        self.lex[own].subr = Some(id);
        let dt = DataTy::class(c);
        let this = self.add_signal(own, "this", &dt, vec![], SignalKind::Var, None, true, span);
        self.lex[own].names.insert("this".into(), Sym::Signal(this));
        self.d.subrs[id].formals.push(Formal { sig: this, dir: Dir::Input });
        let ret = self.add_signal(own, "new", &dt, vec![], SignalKind::Var, None, true, span);
        self.d.subrs[id].ret = Some(ret);
        let stmts = self.ctor_prologue(c, own, None, span);
        self.d.stmts[body] = wsim_ir::Stmt { kind: StmtKind::Block { stmts, name: None }, span };
        id
    }

    /// Whether a subroutine definition is a constructor; its class.
    pub fn ctor_class(&self, def: usize) -> Option<usize> {
        self.cls.methods.get(&def).filter(|m| m.is_ctor).map(|m| m.class)
    }

    /// The start of a constructor body: `new = this`, the base constructor
    /// call (`super_call`: the `super.new(...)` statement written first, if
    /// any) and this class's property initialisers.
    pub fn ctor_prologue(
        &mut self,
        c: usize,
        own: LexId,
        super_call: Option<&'a [Option<ast::Expr>]>,
        span: Span,
    ) -> Vec<StmtId> {
        let mut out = Vec::new();
        let Some((this, _)) = self.this_expr(own, span) else { return out };
        let Some(wsim_ir::Subroutine { ret: Some(ret), .. }) = self.lex[own].subr.map(|s| self.d.subrs[s].clone())
        else {
            return out;
        };
        let lhs = self.signal_expr(ret, span);
        out.push(self.stmt(StmtKind::Assign { lhs, rhs: this }, span));
        if let Some(b) = self.cls.classes[c].base {
            let args = super_call.or(self.cls.classes[c].decl.extends_args.as_deref()).unwrap_or(&[]);
            let this = self.clone_expr(this);
            let call = match self.cls.classes[b].methods.get("new").copied() {
                Some(def) => {
                    let (subr, args) = self.call_args_this(own, def, Some(this), args, span);
                    StmtKind::Call { subr, args }
                }
                None => StmtKind::Call { subr: self.implicit_ctor(b), args: vec![this] },
            };
            out.push(self.stmt(call, span));
        } else if super_call.is_some() {
            self.error(code::TYPE_ERROR, span, "`super.new` in a class that extends no class");
        }
        let props: Vec<Prop<'a>> = self.cls.classes[c].props.iter().filter(|p| p.owner == c).cloned().collect();
        for p in props {
            let t = p.dt.ir_type();
            let rhs = match p.init {
                Some(e) => self.emit_rvalue_dt(own, e, &p.dt),
                None if t.four_state => self.const_expr(Const::all_x(t.width, t.signed), true, span),
                None => continue, // the object starts zeroed
            };
            let h = self.clone_expr(this);
            let lhs = self.expr(ExprKind::ClassProp { handle: h, offset: p.offset }, t, span);
            out.push(self.stmt(StmtKind::Assign { lhs, rhs }, span));
        }
        out
    }

    /// `super.new(args)` as the first statement of a constructor body.
    pub fn leading_super_new(stmts: &'a [ast::Stmt]) -> Option<&'a [Option<ast::Expr>]> {
        let first = stmts.first()?;
        let ast::StmtKind::Call { name, args } = &first.kind else { return None };
        let ast::ExprKind::Member { base, name: m } = &name.kind else { return None };
        let is_super = matches!(&base.kind, ast::ExprKind::Ident { package: None, name } if name.name == "super");
        (is_super && m.name == "new").then_some(args.as_slice())
    }

    /// `obj.randomize()`: random values for the `rand` properties of a
    /// class without constraints (an error on one with constraints).
    pub fn randomize_call(&mut self, lex: LexId, base: &'a ast::Expr, span: Span) -> Option<(ExprId, DataTy)> {
        let c = self.probe_class(lex, base)?;
        self.ensure_class(c);
        let mut cur = Some(c);
        while let Some(k) = cur {
            if self.cls.classes[k].has_constraints {
                let name = self.cls.classes[c].name.clone();
                self.error(
                    code::UNSUPPORTED,
                    span,
                    format!(
                        "constraint solving is not supported (`randomize()` on class `{name}`, which has constraints)"
                    ),
                );
                return Some(self.bad_leaf(span));
            }
            cur = self.cls.classes[k].base;
        }
        if !self.side_effects_ok {
            self.unsupported("`randomize()` in this expression", span);
            return Some(self.bad_leaf(span));
        }
        let handle = self.leaf(lex, base);
        let props: Vec<Prop<'a>> = self.cls.classes[c].props.iter().filter(|p| p.rand.is_some()).cloned().collect();
        for p in props {
            if p.rand == Some(ast::RandKind::Randc) {
                self.unsupported("`randc` (cyclic random) properties", span);
                continue;
            }
            let t = p.dt.ir_type();
            if t.kind != wsim_ir::TypeKind::Integral {
                self.unsupported("a `rand` property that is not integral", span);
                continue;
            }
            let words = t.width.div_ceil(32);
            let scope = self.scope_of(lex);
            let parts: Vec<ExprId> = (0..words)
                .map(|_| {
                    self.expr(
                        ExprKind::SysFunc { name: "$urandom".into(), args: vec![], scope },
                        Type::bits(32, false),
                        span,
                    )
                })
                .collect();
            let v = self.concat_expr(parts, span);
            let v = self.coerce(v, t);
            let h = self.clone_expr(handle);
            let lhs = self.expr(ExprKind::ClassProp { handle: h, offset: p.offset }, t, span);
            let st = self.stmt(StmtKind::Assign { lhs, rhs: v }, span);
            self.pre_stmts.push(st);
        }
        Some((self.i32_const(1, span), DataTy::vector(32, true, false)))
    }
}

/// Bytes a property of this type takes in an object.
fn prop_bytes(dt: &DataTy) -> u32 {
    let t = dt.ir_type();
    match t.kind {
        wsim_ir::TypeKind::Real => 8,
        _ => wsim_abi::value_bytes(t.width),
    }
}

impl<'a> Elab<'a> {
    /// `super` as a value: `this`, seen as a handle of the base class.
    pub fn super_value(&mut self, lex: LexId, span: Span) -> (ExprId, DataTy) {
        let base = self.this_expr_probe(lex).and_then(|(_, dt)| dt.class_idx()).and_then(|c| self.cls.classes[c].base);
        match (self.this_expr(lex, span), base) {
            (Some((this, _)), Some(b)) => (this, DataTy::class(b)),
            _ => {
                self.error(code::TYPE_ERROR, span, "`super` outside a method of a class that extends another");
                self.bad_leaf(span)
            }
        }
    }

    /// `C#(..)::name`: a static member or parameter of a specialisation.
    pub fn class_scoped_value(
        &mut self,
        lex: LexId,
        class: &'a ast::DataType,
        name: &ast::Ident,
        span: Span,
    ) -> (ExprId, DataTy) {
        let dt = self.data_type(lex, class);
        let Some(c) = dt.class_idx() else { return self.bad_leaf(span) };
        self.ensure_class(c);
        let sym = self.cls.classes[c].lex.and_then(|cl| self.lex[cl].names.get(&name.name).cloned());
        match sym {
            Some(Sym::Signal(s)) => (self.signal_expr(s, span), self.sig_ty[s.index()].clone()),
            Some(Sym::Param(v, dt)) => (self.value_expr(&v, &dt, span), dt),
            Some(Sym::Prop(k, p)) => self.prop_value(lex, k, p, span),
            _ => {
                let cname = self.cls.classes[c].name.clone();
                self.error(
                    code::UNDECLARED,
                    name.span,
                    format!("class `{cname}` has no static member `{}`", name.name),
                );
                self.bad_leaf(span)
            }
        }
    }

    /// A call statement that is a class method call (or `randomize()`).
    pub fn class_call_stmt(
        &mut self,
        lex: LexId,
        name: &'a ast::Expr,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> Option<StmtId> {
        if let Some(base) = self.randomize_base(lex, name) {
            self.randomize_call(lex, base, span)?;
            return Some(self.stmt(StmtKind::Nop, span));
        }
        let call = self.resolve_method_call(lex, name)?;
        Some(self.method_call_stmt(lex, call, args, span))
    }

    /// A function call expression that is a class method call.
    pub fn class_call_expr(
        &mut self,
        lex: LexId,
        name: &'a ast::Expr,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> Option<(ExprId, DataTy)> {
        if let Some(base) = self.randomize_base(lex, name) {
            return self.randomize_call(lex, base, span);
        }
        let call = self.resolve_method_call(lex, name)?;
        Some(self.method_call_expr(lex, call, args, span).unwrap_or_else(|| self.bad_leaf(span)))
    }

    /// `obj.randomize` (the built-in method: the class does not declare
    /// one): the object expression.
    fn randomize_base(&mut self, lex: LexId, name: &'a ast::Expr) -> Option<&'a ast::Expr> {
        let ast::ExprKind::Member { base, name: m } = &name.kind else { return None };
        if m.name != "randomize" {
            return None;
        }
        let c = self.probe_class(lex, base)?;
        self.ensure_class(c);
        let cl = self.cls.classes[c].lex?;
        (!self.lex[cl].names.contains_key("randomize")).then_some(&**base)
    }
}
