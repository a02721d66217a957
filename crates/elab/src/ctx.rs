//! The elaborator's state: the design being built, the lexical scopes with
//! their name tables, and the work queued for the lowering stage.
//!
//! Lexical scopes ([`Lex`]) are elaboration-only: every IR scope has one,
//! and unnamed blocks or `for (int i ...)` loops add lexical scopes that share
//! their parent's IR scope. Names resolve through a lexical scope, then its
//! imports, then its parent.

use std::collections::{HashMap, HashSet};

use wsim_diag::{codes::elab as code, Code, Diagnostics, Span};
use wsim_ir::{
    Const, Design, Dim, Expr, ExprId, ExprKind, NetKind, ScopeId, ScopeKind, Signal, SignalId, SignalKind, StmtId,
    Storage, SubrId, Type,
};
use wsim_syntax::ast;

use crate::types::DataTy;
use crate::ElabOptions;

pub type LexId = usize;

/// A constant value: parameters, genvars, enum members, folded expressions.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(Const),
    Real(f64),
}

impl Value {
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(c) => {
                if !c.is_known() {
                    return None;
                }
                let limbs = Const::limbs(c.width);
                Some(wsim_guest_rt::logic::to_i64(&c.words[..2 * limbs], c.width, c.signed))
            }
            Value::Real(r) => Some(r.round() as i64),
        }
    }
}

/// What a name means in a lexical scope.
#[derive(Clone, Debug)]
pub enum Sym {
    Signal(SignalId),
    Param(Value, DataTy),
    Type(DataTy),
    /// Index into [`Elab::subr_defs`].
    Subr(usize),
    /// A child scope: instance, generate block, named block.
    Scope(LexId),
    /// Instance array or generate-for: index -> scope.
    ScopeArray(Vec<(i64, LexId)>),
    /// An instance property of a class: (class, property) in `classes.rs`.
    Prop(usize, usize),
}

#[derive(Clone, Debug)]
pub struct Import {
    pub package: String,
    pub name: Option<String>,
}

pub struct Lex<'a> {
    pub parent: Option<LexId>,
    /// The hierarchical parent (for an instance: the scope instantiating
    /// it), used for upward name resolution.
    pub up: Option<LexId>,
    /// IR scope that owns the signals declared here and names `%m`.
    pub scope: ScopeId,
    pub names: HashMap<String, Sym>,
    pub imports: Vec<Import>,
    /// The module definition this scope is part of (None in packages).
    pub module: Option<&'a ast::ModuleDecl>,
    /// The enclosing subroutine (locals of automatic ones are automatic).
    pub subr: Option<SubrId>,
    /// The named block statement (for `disable`).
    pub block_stmt: Option<StmtId>,
}

/// A function or task declaration in one scope; its IR subroutine is made on
/// first use.
pub struct SubrDef<'a> {
    pub decl: SubrDecl<'a>,
    pub lex: LexId,
    pub id: Option<SubrId>,
    pub body_done: bool,
    /// Lexical scope of the subroutine itself (set with `id`).
    pub own_lex: Option<LexId>,
}

#[derive(Clone, Copy)]
pub enum SubrDecl<'a> {
    Function(&'a ast::FunctionDecl),
    Task(&'a ast::TaskDecl),
}

/// One driver of a net by a continuous process: the assign statement and the
/// `Signal` expression node inside its lvalue that names the net.
#[derive(Clone, Copy, Debug)]
pub struct Driver {
    pub lhs_node: ExprId,
    pub span: Span,
    pub bits: DrivenBits,
}

/// The bits of its net one driver writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DrivenBits {
    All,
    /// `[lo, hi)`: a part-select with a constant offset.
    Range(u64, u64),
    /// A part-select with a variable offset.
    Variable,
}

impl DrivenBits {
    /// The value a driver contributes before it first writes (a hidden
    /// per-driver variable's start): x on its bits, z on the others. A
    /// net with drivers takes their output values, which default to x
    /// (IEEE 1364-2005 4.2.2, 1800-2017 6.5); Icarus starts them at x too.
    pub fn start(self, width: u32, signed: bool) -> Const {
        let mut c = Const::all_z(width, signed);
        for bit in self.within(width) {
            c.words[(bit / 64) as usize] |= 1 << (bit % 64);
        }
        c
    }

    /// `[lo, hi)` of the bits written in a net of `width` bits (`hi` may
    /// pass the net's end); None for a variable part-select.
    pub fn bounds(self, width: u32) -> Option<(u64, u64)> {
        match self {
            DrivenBits::All => Some((0, u64::from(width))),
            DrivenBits::Range(lo, hi) => Some((lo, hi)),
            DrivenBits::Variable => None,
        }
    }

    /// The bits written that lie inside a net of `width` bits.
    pub fn within(self, width: u32) -> std::ops::Range<u64> {
        self.bounds(width).map_or(0..0, |(lo, hi)| lo..hi.min(u64::from(width)))
    }

    /// These bits of a net that starts `offset` bits into another.
    pub fn shifted(self, offset: u64, width: u64) -> DrivenBits {
        match self {
            DrivenBits::All => DrivenBits::Range(offset, offset + width),
            DrivenBits::Range(lo, hi) => DrivenBits::Range(offset + lo, offset + hi),
            DrivenBits::Variable => DrivenBits::Variable,
        }
    }
}

/// A port connection lowered to a plain copy between a whole child signal
/// and a whole parent signal, or one constant element of a parent array.
#[derive(Clone, Copy, Debug)]
pub struct PortCopy {
    pub proc: wsim_ir::ProcId,
    /// The copy's lvalue node (identifies its driver record).
    pub lhs_node: ExprId,
    pub child: SignalId,
    pub parent: SignalId,
    /// `Some(k)`: the parent side is element `k` of the one-dimensional
    /// array `parent` (`.mix_in(outs[3])`).
    pub elem: Option<u32>,
    pub input: bool,
}

/// A named block made before its process was lowered.
pub struct PreBlock {
    pub id: StmtId,
    pub lex: LexId,
    pub scope: Option<ScopeId>,
    /// Entry initialisers of its variables.
    pub init: Vec<StmtId>,
}

/// Work deferred until the whole hierarchy exists (so that hierarchical
/// references and later declarations resolve).
pub enum Work<'a> {
    ContAssign {
        lex: LexId,
        item: &'a ast::ContAssign,
    },
    Process {
        lex: LexId,
        item: &'a ast::ProcessDecl,
    },
    Gate {
        lex: LexId,
        item: &'a ast::GateInst,
        inst: &'a ast::GateInstance,
    },
    /// A declaration initialiser that is not constant, or a net declaration
    /// assignment.
    Init {
        lex: LexId,
        sig: SignalId,
        expr: &'a ast::Expr,
        net: bool,
        delay: Option<&'a ast::Delay>,
    },
    Port(PortWork<'a>),
    SubrBody(usize),
    /// An instantiation of a user-defined primitive (`lower/udp.rs`).
    Udp {
        lex: LexId,
        udp: &'a ast::UdpDecl,
        inst: &'a ast::Instantiation,
    },
}

/// A port connection to lower.
pub struct PortWork<'a> {
    /// For instance arrays: (position from the right, count) to slice the
    /// outer expression when it is `count` times the port width.
    pub array: Option<(u32, u32)>,
    pub parent: LexId,
    pub child: LexId,
    pub dir: ast::Direction,
    /// The child's side of the port: its signal, or an expression of the
    /// child (non-ANSI port expressions).
    pub inner: PortInner<'a>,
    pub outer: Outer<'a>,
    pub span: Span,
}

/// The parent's side of a port connection.
pub enum Outer<'a> {
    Expr(&'a ast::Expr),
    /// `.*`: the parent's signal of the same name.
    Name(String, Span),
}

pub enum PortInner<'a> {
    Signal(SignalId),
    Expr(&'a ast::Expr),
}

/// A port of a module instance, in declaration order.
#[derive(Clone)]
pub struct PortInfo<'a> {
    pub dir: ast::Direction,
    pub inner: PortInnerRef<'a>,
    pub default: Option<&'a ast::Expr>,
}

#[derive(Clone)]
pub enum PortInnerRef<'a> {
    Name(String),
    Expr(Option<&'a ast::Expr>),
}

pub struct Elab<'a> {
    pub unit: &'a ast::SourceUnit,
    pub opts: &'a ElabOptions,
    pub d: Design,
    pub diags: Diagnostics,
    pub modules: HashMap<String, &'a ast::ModuleDecl>,
    pub package_decls: HashMap<String, &'a ast::PackageDecl>,
    pub packages: HashMap<String, LexId>,
    pub lex: Vec<Lex<'a>>,
    pub unit_lex: LexId,
    /// Elaboration type of every signal (parallel to `d.signals`).
    pub sig_ty: Vec<DataTy>,
    pub subr_defs: Vec<SubrDef<'a>>,
    pub work: Vec<Work<'a>>,
    /// `defparam` values by absolute parameter path.
    pub defparams: HashMap<String, (Value, Span, bool)>,
    pub drivers: HashMap<SignalId, Vec<Driver>>,
    /// Continuous drivers of constant elements of net arrays, by array and
    /// zero-based indices (resolved like whole nets' drivers).
    pub element_drivers: std::collections::BTreeMap<(SignalId, Vec<u64>), Vec<Driver>>,
    /// Elements of net arrays that `resolve_drivers` turned into hidden
    /// whole nets (several drivers, a pull net kind, or a driver with
    /// strength): the net, whose strengths `%v` shows for the element.
    pub split_elements: HashMap<(SignalId, Vec<u64>), SignalId>,
    /// Nets with a pullup/pulldown on them (resolved as tri1/tri0).
    pub pulls: HashMap<SignalId, bool>,
    /// The constant `(offset, width)` bit ranges continuous drivers write
    /// in each net; `None` when a driver writes the whole net (or a
    /// variable part of it).
    pub driven_bits: HashMap<SignalId, Option<Vec<(u64, u64)>>>,
    /// Bits of nets under a pullup (true) / pulldown (false).
    pub pull_bits: HashMap<SignalId, (bool, Vec<bool>, Span)>,
    /// Signal names already used per IR scope.
    pub used_names: HashMap<ScopeId, HashSet<String>>,
    /// Per scope and declared name: the `$n` suffix to try first for the
    /// next signal of that name (every lower one is taken), so that many
    /// signals of one name (an instance array's connections) do not each
    /// try every suffix from 1.
    next_suffix: HashMap<(ScopeId, String), usize>,
    pub depth: u32,
    /// The scope limit was reported: instantiate nothing more.
    pub too_many_scopes: bool,
    /// Emitted leaves cached between sizing and emission, by AST node.
    pub leaf_cache: HashMap<(usize, LexId), ExprId>,
    pub ports: HashMap<LexId, Vec<PortInfo<'a>>>,
    /// Lexical scopes of the top-level instances.
    pub tops: Vec<LexId>,
    pub hidden_counter: u32,
    /// Entry initialisers of subroutines, placed before their bodies.
    pub subr_init: HashMap<SubrId, Vec<StmtId>>,
    /// `force`/`assign` sites and pending statements (see `force`).
    pub force: crate::force::ForceState,
    /// Drive strengths, pulls and switches (see `strength`).
    pub strength: crate::strength::StrengthState,
    /// Parameter overrides of module instances being elaborated.
    pub overrides: HashMap<LexId, crate::instantiate::Overrides>,
    /// Inout ports of an instance bound to the parent's net (by port name).
    pub aliases: HashMap<LexId, HashMap<String, SignalId>>,
    pub port_copies: Vec<PortCopy>,
    /// Updates from `i++` / `(a = b)` inside the statement being lowered.
    pub pre_stmts: Vec<StmtId>,
    /// Whether the statement being lowered may hold such updates.
    pub side_effects_ok: bool,
    /// `wire #5 w;`: the delay every continuous driver of the net gets.
    pub net_delays: HashMap<SignalId, (LexId, &'a ast::Delay)>,
    /// Inout ports that are bits of a parent net: (port net, net, offset).
    pub slice_aliases: Vec<(SignalId, SignalId, u32)>,
    /// `disable` statements whose target block is lowered after them.
    pub pending_disables: Vec<(StmtId, LexId, &'a ast::Expr)>,
    /// Blocks made ahead of lowering, by (statement address, lexical scope).
    pub pre_blocks: HashMap<(usize, LexId), PreBlock>,
    /// Directions of non-ANSI and ANSI ports by (module scope, name).
    pub port_dirs: HashMap<(LexId, String), ast::Direction>,
    /// Non-ANSI ports whose signal was made from the body's declaration.
    pub port_decl_pending: HashMap<(LexId, String), bool>,
    /// User-defined primitives by name (`collect`).
    pub udps: HashMap<String, &'a ast::UdpDecl>,
    /// `always`/`always_ff` processes checked for a timing control once
    /// every body is lowered (`untimed_always`).
    pub untimed_candidates: Vec<crate::untimed_always::UntimedCandidate>,
    /// Self-determined types of operator expressions met in a real context
    /// (`Elab::integral_in_real_context`), by (AST node address, scope).
    pub real_ctx_types: HashMap<(usize, LexId), Type>,
    /// Specify blocks, path outputs and SDF annotations (`specify`).
    pub specify: crate::specify::SpecifyState<'a>,
    /// The queues whose index is being elaborated: `$` is the last index
    /// of the innermost (`containers.rs`).
    pub dollar: Vec<ExprId>,
    /// Elaboration view of every container type, by its index in
    /// `Design::containers` (`containers.rs`).
    pub container_infos: HashMap<u32, std::rc::Rc<crate::containers::ContainerInfo>>,
    /// Classes, their methods and dispatchers (`classes.rs`).
    pub cls: crate::classes::ClassState<'a>,
    /// Continuous and procedural writers of variables (`var_drivers`).
    pub var_writers: crate::var_drivers::VarWriters,
}

impl<'a> Elab<'a> {
    pub fn new(unit: &'a ast::SourceUnit, opts: &'a ElabOptions) -> Elab<'a> {
        let mut e = Elab {
            unit,
            opts,
            d: Design::default(),
            diags: Diagnostics::default(),
            modules: HashMap::new(),
            package_decls: HashMap::new(),
            packages: HashMap::new(),
            lex: Vec::new(),
            unit_lex: 0,
            sig_ty: Vec::new(),
            subr_defs: Vec::new(),
            work: Vec::new(),
            defparams: HashMap::new(),
            drivers: HashMap::new(),
            element_drivers: std::collections::BTreeMap::new(),
            split_elements: HashMap::new(),
            pulls: HashMap::new(),
            driven_bits: HashMap::new(),
            pull_bits: HashMap::new(),
            used_names: HashMap::new(),
            next_suffix: HashMap::new(),
            depth: 0,
            too_many_scopes: false,
            leaf_cache: HashMap::new(),
            ports: HashMap::new(),
            tops: Vec::new(),
            hidden_counter: 0,
            subr_init: HashMap::new(),
            force: Default::default(),
            strength: Default::default(),
            overrides: HashMap::new(),
            aliases: HashMap::new(),
            port_dirs: HashMap::new(),
            port_copies: Vec::new(),
            pre_stmts: Vec::new(),
            side_effects_ok: false,
            net_delays: HashMap::new(),
            slice_aliases: Vec::new(),
            pending_disables: Vec::new(),
            pre_blocks: HashMap::new(),
            port_decl_pending: HashMap::new(),
            udps: HashMap::new(),
            untimed_candidates: Vec::new(),
            real_ctx_types: HashMap::new(),
            specify: Default::default(),
            dollar: Vec::new(),
            container_infos: HashMap::new(),
            cls: Default::default(),
            var_writers: Default::default(),
        };
        let unit_scope = e.new_scope("$unit", None, ScopeKind::Package, "$unit", Span::default());
        e.unit_lex = e.new_lex(None, unit_scope, None);
        e
    }

    // ------------------------------------------------------------ diagnostics

    pub fn error(&mut self, code: Code, span: Span, msg: impl Into<String>) {
        self.diags.error(code, span, msg);
    }
    pub fn unsupported(&mut self, what: &str, span: Span) {
        self.error(code::UNSUPPORTED, span, format!("{what} is not supported"));
    }

    // ------------------------------------------------------------ scopes

    pub fn new_scope(
        &mut self,
        name: &str,
        parent: Option<ScopeId>,
        kind: ScopeKind,
        def: &str,
        span: Span,
    ) -> ScopeId {
        let (time_unit, time_precision) = match parent {
            Some(p) => (self.d.scopes[p].time_unit, self.d.scopes[p].time_precision),
            None => (0, 0),
        };
        self.d.scopes.push(wsim_ir::Scope {
            name: name.to_string(),
            parent,
            kind,
            def_name: def.to_string(),
            time_unit,
            time_precision,
            span,
        })
    }

    pub fn new_lex(&mut self, parent: Option<LexId>, scope: ScopeId, module: Option<&'a ast::ModuleDecl>) -> LexId {
        let subr = parent.and_then(|p| self.lex[p].subr);
        self.lex.push(Lex {
            parent,
            up: parent,
            scope,
            names: HashMap::new(),
            imports: Vec::new(),
            module,
            subr,
            block_stmt: None,
        });
        self.lex.len() - 1
    }

    /// Bind a name in a lexical scope; reports E0308 on a duplicate.
    pub fn bind(&mut self, lex: LexId, name: &str, sym: Sym, span: Span) {
        if self.lex[lex].names.contains_key(name) {
            self.error(code::DUPLICATE, span, format!("`{name}` is already declared in this scope"));
            return;
        }
        self.lex[lex].names.insert(name.to_string(), sym);
    }

    /// Look a simple name up lexically: local names, imports, then parents.
    pub fn lookup(&self, lex: LexId, name: &str) -> Option<Sym> {
        let mut cur = Some(lex);
        while let Some(l) = cur {
            if let Some(s) = self.lex[l].names.get(name) {
                return Some(s.clone());
            }
            if let Some(s) = self.lookup_imports(l, name) {
                return Some(s);
            }
            cur = self.lex[l].parent;
        }
        None
    }

    fn lookup_imports(&self, lex: LexId, name: &str) -> Option<Sym> {
        for imp in &self.lex[lex].imports {
            let Some(&pl) = self.packages.get(&imp.package) else {
                continue;
            };
            match &imp.name {
                Some(n) if n != name => continue,
                _ => {}
            }
            if let Some(s) = self.lex[pl].names.get(name) {
                return Some(s.clone());
            }
        }
        None
    }

    pub fn lookup_package(&self, pkg: &str, name: &str) -> Option<Sym> {
        let pl = *self.packages.get(pkg)?;
        self.lex[pl].names.get(name).cloned()
    }

    /// The module definition a lexical scope belongs to.
    pub fn module_of(&self, lex: LexId) -> Option<&'a ast::ModuleDecl> {
        let mut cur = Some(lex);
        while let Some(l) = cur {
            if let Some(m) = self.lex[l].module {
                return Some(m);
            }
            cur = self.lex[l].parent;
        }
        None
    }

    pub fn scope_of(&self, lex: LexId) -> ScopeId {
        self.lex[lex].scope
    }

    // ------------------------------------------------------------ signals

    #[allow(clippy::too_many_arguments)]
    pub fn add_signal(
        &mut self,
        lex: LexId,
        name: &str,
        ty: &DataTy,
        dims: Vec<Dim>,
        kind: SignalKind,
        init: Option<Const>,
        hidden: bool,
        span: Span,
    ) -> SignalId {
        // A typedef's unpacked dimensions go inside the declared ones.
        let mut dims = dims;
        dims.extend(ty.unpacked.iter().copied());
        let elem_ty = DataTy { unpacked: vec![], ..ty.clone() };
        let ty = &elem_ty;
        let scope = self.lex[lex].scope;
        let storage = match self.lex[lex].subr {
            Some(s) if self.d.subrs.len() > s.index() && self.d.subrs[s].automatic => Storage::Automatic(s),
            _ => Storage::Static,
        };
        let used = self.used_names.entry(scope).or_default();
        let mut ir_name = name.to_string();
        if used.contains(&ir_name) {
            let next = self.next_suffix.entry((scope, name.to_string())).or_insert(1);
            while used.contains(&ir_name) {
                ir_name = format!("{name}${next}");
                *next += 1;
            }
        }
        used.insert(ir_name.clone());
        let ir_ty = ty.ir_type();
        let (msb, lsb) = ty.outer_range();
        let id = self.d.signals.push(Signal {
            name: ir_name,
            scope,
            ty: ir_ty,
            dims,
            kind,
            storage,
            init,
            msb,
            lsb,
            hidden,
            span,
        });
        self.sig_ty.push(ty.clone());
        if let Some(s) = self.lex[lex].subr {
            if self.d.subrs.len() > s.index() {
                self.d.subrs[s].locals.push(id);
            }
        }
        id
    }

    /// A hidden variable (temporaries, per-driver copies).
    pub fn hidden_var(&mut self, lex: LexId, base: &str, ty: Type, span: Span) -> SignalId {
        self.hidden_counter += 1;
        let name = format!("{base}$tmp{}", self.hidden_counter);
        let dt = DataTy::from_ir(ty);
        self.add_signal(lex, &name, &dt, vec![], SignalKind::Var, None, true, span)
    }

    pub fn is_net(&self, sig: SignalId) -> Option<NetKind> {
        match self.d.signals[sig].kind {
            SignalKind::Net(k) => Some(k),
            _ => None,
        }
    }

    // ------------------------------------------------------------ expressions

    pub fn expr(&mut self, kind: ExprKind, ty: Type, span: Span) -> ExprId {
        self.d.exprs.push(Expr { kind, ty, span })
    }
    pub fn ty(&self, e: ExprId) -> Type {
        self.d.exprs[e].ty
    }
    pub fn const_expr(&mut self, c: Const, four_state: bool, span: Span) -> ExprId {
        let ty = Type { kind: wsim_ir::TypeKind::Integral, width: c.width, signed: c.signed, four_state };
        self.expr(ExprKind::Const(c), ty, span)
    }
    pub fn u64_const(&mut self, v: u64, span: Span) -> ExprId {
        self.const_expr(Const::from_u64(64, false, v), false, span)
    }
    pub fn i32_const(&mut self, v: i64, span: Span) -> ExprId {
        self.const_expr(Const::from_u64(32, true, v as u64), false, span)
    }
    pub fn signal_expr(&mut self, sig: SignalId, span: Span) -> ExprId {
        let ty = self.d.signals[sig].ty;
        self.expr(ExprKind::Signal(sig), ty, span)
    }
}
