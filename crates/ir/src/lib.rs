//! wsim IR: one elaborated, flattened design.
//!
//! Elaboration (`wsim-elab`) produces a [`Design`]; passes may rewrite it;
//! backends (`wsim-codegen` for wasm, later `gpu`) consume it. This doc is the
//! specification every producer and consumer relies on.
//!
//! # Entities
//! Every entity lives in an [`Arena`] inside [`Design`] and is named by a
//! typed `u32` handle ([`SignalId`], [`ExprId`], [`StmtId`], [`ProcId`],
//! [`SubrId`], [`ScopeId`]). Handles print as the text spells them (`s12`,
//! `e3`, `st7`, `p2`, `f1`, `sc0`).
//!
//! - A **scope** is a level of the instance hierarchy: a module instance, a
//!   generate block, a named block, a task/function, a package. `%m` and
//!   hierarchical signal names are built from scopes.
//! - A **signal** is one storage location the design can read and write: a
//!   variable, a net, a named event, or an unpacked array of those (`dims`).
//!   Parameters are not signals: elaboration folds them into constants.
//! - A **process** is an `initial`, `always*`, `final` block or a continuous
//!   assignment. Its body is a statement tree.
//! - A **subroutine** is a function or task of one instance.
//!
//! # Values and types
//! An integral value of width `w` has two planes of `ceil(w/64)` 64-bit limbs,
//! `aval` then `bval`, least significant limb first: 0=(0,0) 1=(1,0) z=(0,1)
//! x=(1,1). Bits above `w` are zero in both planes (every producer keeps this
//! invariant). Two-state types are stored the same way with `bval` all zero.
//! Reals are IEEE doubles. See [`Type`].
//!
//! # Expression typing (IEEE 1364-2005 5.4-5.5 is applied by elaboration)
//! Every [`Expr`] has its final [`Type`]; operands are already converted so a
//! consumer never has to size anything:
//! - `Add Sub Mul Div Mod BitAnd BitOr BitXor BitXnor`, `Neg BitNot`: operands
//!   have exactly the result width; the operation is signed iff `ty.signed`.
//! - `Pow`: `lhs` has the result width; `rhs` is self-determined (its own type).
//! - `Shl Shr AShr`: `lhs` has the result width; `rhs` is self-determined and
//!   always read as unsigned. `AShr` on an unsigned type is never produced
//!   (elaboration emits `Shr`).
//! - comparisons (`Eq Ne CaseEq CaseNe WildEq WildNe Lt Le Gt Ge`): both
//!   operands have the same width and the same signedness (signed compare iff
//!   `lhs.ty.signed`); result is 1 bit unsigned.
//! - `LogAnd LogOr LogNot` and reductions: operands self-determined, result 1
//!   bit. `LogAnd`/`LogOr` short-circuit (IEEE 1800-2017 11.4.7).
//! - `Cond`: both branches have the result type; `cond` is self-determined. An
//!   unknown condition merges the branches bit by bit (1364-2005 5.1.13).
//! - `Concat`, `Replicate`: operands self-determined; widths add up.
//! - `Convert`: resize (sign-extend iff the *operand* is signed; truncate when
//!   narrower), change signedness, turn X/Z into 0 when the target is
//!   two-state, and convert between integral and real (real to integral
//!   rounds half away from zero, 1364-2005 4.8.2).
//! - any operation on real operands has `TypeKind::Real` operands and result
//!   (except comparisons and logical ops, whose result is 1-bit integral).
//!
//! # Statements and time
//! Delays are already in **ticks** of the design's global precision
//! ([`Design::precision`]): a `Delay` or `NonBlocking` delay expression is an
//! unsigned 64-bit integral expression. Events in `WaitEvent` list an edge and
//! an expression; a plain signal is the common case. `always @*` and
//! `always_comb` have their sensitivity computed by elaboration: an `always`
//! process body is `[WaitEvent(sens), user body]` (for `@*`) or
//! `[user body, WaitEvent(sens)]` (for `always_comb`, which runs once at time
//! zero). A continuous assignment is a `ContAssign` process whose body is
//! `[Assign, WaitEvent(inputs)]`, repeated forever.
//!
//! Regions (IEEE 1800-2017 4.4): blocking assignments and process wake-ups are
//! active events; `#0` resumes in the inactive region; nonblocking
//! assignments update in the NBA region; `$strobe` and `$monitor` run in the
//! postponed region.

use std::fmt;
use std::marker::PhantomData;

pub mod print;
pub mod validate;

pub use print::print;
pub use validate::{validate, Entity, ValidationError};

pub use wsim_diag::Span;

// ---------------------------------------------------------------- arenas

/// A typed index into an [`Arena`].
pub struct Id<T> {
    raw: u32,
    _marker: PhantomData<fn() -> T>,
}

impl<T> Id<T> {
    pub const fn from_raw(raw: u32) -> Self {
        Id { raw, _marker: PhantomData }
    }
    pub const fn index(self) -> usize {
        self.raw as usize
    }
    pub const fn raw(self) -> u32 {
        self.raw
    }
}
impl<T> Clone for Id<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Id<T> {}
impl<T> PartialEq for Id<T> {
    fn eq(&self, o: &Self) -> bool {
        self.raw == o.raw
    }
}
impl<T> Eq for Id<T> {}
impl<T> std::hash::Hash for Id<T> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.raw.hash(h)
    }
}
impl<T> PartialOrd for Id<T> {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl<T> Ord for Id<T> {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.raw.cmp(&o.raw)
    }
}

/// How each entity's handle prints.
pub trait EntityName {
    const PREFIX: &'static str;
}
impl<T: EntityName> fmt::Debug for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", T::PREFIX, self.raw)
    }
}
impl<T: EntityName> fmt::Display for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", T::PREFIX, self.raw)
    }
}

/// A dense vector of entities addressed by typed handles.
#[derive(Clone, Debug)]
pub struct Arena<T> {
    items: Vec<T>,
}

impl<T> Default for Arena<T> {
    fn default() -> Self {
        Arena { items: Vec::new() }
    }
}

impl<T> Arena<T> {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn push(&mut self, item: T) -> Id<T> {
        self.items.push(item);
        Id::from_raw(self.items.len() as u32 - 1)
    }
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (Id<T>, &T)> {
        self.items.iter().enumerate().map(|(i, t)| (Id::from_raw(i as u32), t))
    }
    pub fn ids(&self) -> impl Iterator<Item = Id<T>> {
        (0..self.items.len() as u32).map(Id::from_raw)
    }
}

impl<T> std::ops::Index<Id<T>> for Arena<T> {
    type Output = T;
    fn index(&self, id: Id<T>) -> &T {
        &self.items[id.index()]
    }
}
impl<T> std::ops::IndexMut<Id<T>> for Arena<T> {
    fn index_mut(&mut self, id: Id<T>) -> &mut T {
        &mut self.items[id.index()]
    }
}

pub type SignalId = Id<Signal>;
pub type ExprId = Id<Expr>;
pub type StmtId = Id<Stmt>;
pub type ProcId = Id<Process>;
pub type SubrId = Id<Subroutine>;
pub type ScopeId = Id<Scope>;

impl EntityName for Signal {
    const PREFIX: &'static str = "s";
}
impl EntityName for Expr {
    const PREFIX: &'static str = "e";
}
impl EntityName for Stmt {
    const PREFIX: &'static str = "st";
}
impl EntityName for Process {
    const PREFIX: &'static str = "p";
}
impl EntityName for Subroutine {
    const PREFIX: &'static str = "f";
}
impl EntityName for Scope {
    const PREFIX: &'static str = "sc";
}

// ---------------------------------------------------------------- design

/// One elaborated design.
#[derive(Clone, Debug, Default)]
pub struct Design {
    /// Names of the top-level module instances, in order.
    pub tops: Vec<ScopeId>,
    /// Global time precision as a power of ten of seconds (-12 = 1ps): one
    /// simulation tick. The minimum precision of all modules.
    pub precision: i8,
    pub scopes: Arena<Scope>,
    pub signals: Arena<Signal>,
    pub exprs: Arena<Expr>,
    pub stmts: Arena<Stmt>,
    pub procs: Arena<Process>,
    pub subrs: Arena<Subroutine>,
    /// `Const` expressions that were string literals in the source (`"a=%d"`).
    /// `$display`-family tasks treat only these as format strings; a value
    /// that merely holds characters prints as a number. Fill it with
    /// [`Design::add_string_literal`].
    pub string_literals: std::collections::HashSet<ExprId>,
    /// Expressions whose value is a SystemVerilog `string` held as an
    /// integral value (8 bits per character, right-aligned; leading NUL
    /// bytes are not part of the text), e.g. an enum's `.name()`. Display
    /// tasks pass them like string literals (printed without padding, as
    /// vvp prints a string). Fill it with [`Design::mark_string_value`].
    pub string_values: std::collections::HashSet<ExprId>,
    /// Port collapsing: `(alias, target)` means elaboration merged signal
    /// `alias` into `target` (a port connected to a whole signal of the same
    /// type). The design never reads, writes or waits on `alias` and it has
    /// no drivers; waves and VPI should show `target`'s value under
    /// `alias`'s name.
    pub aliases: Vec<(SignalId, SignalId)>,
    /// Port collapsing onto an array element: a port net connected to a
    /// constant element of a one-dimensional parent array (`.o(outs[3])`)
    /// is merged into that element. Like `aliases`, the design never reads,
    /// writes or waits on `alias`; waves and VPI show the element's value.
    pub element_aliases: Vec<ElementAlias>,
    /// Names that denote another scope's signal without a signal of their
    /// own (an inout port bound to a whole parent net is that net): waves
    /// and VPI show `target`'s value as `scope.name`.
    pub name_aliases: Vec<NameAlias>,
    /// The dynamic array, queue and associative array types the design
    /// uses; `TypeKind::Container(i)` is `containers[i]`. Fill it with
    /// [`Design::container_type`].
    pub containers: Vec<ContainerType>,
}

/// A dynamic array, queue or associative array type (see
/// [`TypeKind::Container`]).
///
/// # Handle and blocks
/// A container variable holds a 64-bit handle: 0 is the empty container;
/// otherwise the low 32 bits address a guest-heap header (length,
/// capacity, element and key storage; `guest-rt/src/containers.rs`) and
/// the high 32 bits count the stores of the handle, so an operation that
/// changes the block in place still changes the stored value (waiters on
/// the variable wake). Each
/// element is stored in the arena value layout of `elem` (a `string`
/// element is its 64-bit handle). Keys of associative arrays are kept
/// sorted (integral keys by value, signed iff the key type is; string keys
/// by text; wildcard keys as 64-bit unsigned values).
///
/// # Value semantics (7.6, 7.9.9)
/// Every block belongs to exactly one variable: elaboration copies a
/// container whenever a whole container value that another variable may
/// hold is assigned or passed (`$dyn_copy`), so the operations below may
/// change a block in place. The cost: a whole-container assignment copies
/// all elements; element writes, pushes and pops are O(1) amortised
/// (insertions in the middle and associative inserts move the tail).
///
/// # Operations (`ExprKind::SysFunc`, names in [`CONTAINER_FUNCS`])
/// `c` is a container expression, `lv` the same container as an lvalue.
/// Functions marked "in place" may change `c`'s block and return its
/// (possibly new) handle; elaboration only emits them as `lv = $f(lv, ..)`.
/// - `$dyn_new(n [, src])` -> container: `n` (32-bit signed, negative = 0)
///   elements of the default value, the first ones copied from `src`.
/// - `$dyn_copy(c)` -> a fresh copy (of the result type: between dynamic
///   arrays and queues of one element type; a bounded queue keeps its
///   first `bound + 1` elements).
/// - `$dyn_from(items...)` -> container: each item is an element value
///   (of the element type) or a container of the result type (spliced).
/// - `$dyn_size(c)` -> int (`size()`, `num()`).
/// - `$dyn_get(c, i)` -> element: `i` is a 32-bit signed index (dynamic,
///   queue; X/Z or out of range gives the element default: X for 4-state,
///   0 for 2-state, "" for strings, 7.4.6) or a key (associative: of the
///   key type; a missing key gives the default and a run-time warning
///   W0502, 7.9.11).
/// - `$dyn_set(c, i, v)` -> container (in place): writes element `i` (an
///   index beyond the end is ignored; for a queue `i == size` appends;
///   associative arrays insert).
/// - `$dyn_clear(c)` -> container (in place): `delete()`.
/// - `$dyn_delete(c, i)` -> container (in place): `delete(i)` of a queue
///   or an associative array.
/// - `$dyn_insert(c, i, v)`, `$dyn_push_back(c, v)`, `$dyn_push_front(c,
///   v)` -> container (in place); a bounded queue drops what exceeds its
///   bound with a warning.
/// - `$dyn_pop_back(c)`, `$dyn_pop_front(c)` -> element: removes it in
///   place (the handle is unchanged); an empty queue gives the default.
/// - `$dyn_slice(c, a, b)` -> container: elements `a..=b` clipped to the
///   queue (7.10.1).
/// - `$dyn_default(c, v)` -> container (in place): the value an
///   associative array's missing keys read as, without a warning
///   (`'{default: v}`, 7.9.11).
/// - `$dyn_exists(c, k)` -> int; `$dyn_first(c, lv)`, `$dyn_last`,
///   `$dyn_next`, `$dyn_prev` -> int (1 found, 0 not): argument 1 is the
///   key lvalue, read (next/prev) and written when a key is found.
/// - reductions `$dyn_sum $dyn_product $dyn_and $dyn_or $dyn_xor` (c) ->
///   element type (7.12.3).
/// - locators `$dyn_min $dyn_max $dyn_unique` (c) -> queue of the element
///   type; `$dyn_unique_index(c)` -> queue of int (7.12.1).
/// - ordering `$dyn_sort $dyn_rsort $dyn_reverse $dyn_shuffle` (c) ->
///   container (in place, 7.12.2; `shuffle` draws from `$urandom`'s
///   generator).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContainerType {
    pub kind: ContainerKind,
    /// The element type (integral or string).
    pub elem: Type,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContainerKind {
    /// `T name[]`
    Dynamic,
    /// `T name[$]`, or `[$:bound]` (at most `bound + 1` elements).
    Queue { bound: Option<u32> },
    /// `T name[K]`: `key` is the key type (integral or string); `None` for
    /// the wildcard `[*]`.
    Assoc { key: Option<Type> },
}

/// The container system functions; see [`ContainerType`].
pub const CONTAINER_FUNCS: &[&str] = &[
    "$dyn_new",
    "$dyn_copy",
    "$dyn_from",
    "$dyn_size",
    "$dyn_get",
    "$dyn_set",
    "$dyn_clear",
    "$dyn_delete",
    "$dyn_insert",
    "$dyn_push_back",
    "$dyn_push_front",
    "$dyn_pop_back",
    "$dyn_pop_front",
    "$dyn_slice",
    "$dyn_exists",
    "$dyn_default",
    "$dyn_first",
    "$dyn_last",
    "$dyn_next",
    "$dyn_prev",
    "$dyn_sum",
    "$dyn_product",
    "$dyn_and",
    "$dyn_or",
    "$dyn_xor",
    "$dyn_min",
    "$dyn_max",
    "$dyn_unique",
    "$dyn_unique_index",
    "$dyn_sort",
    "$dyn_rsort",
    "$dyn_reverse",
    "$dyn_shuffle",
];

/// See [`Design::element_aliases`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElementAlias {
    pub alias: SignalId,
    pub array: SignalId,
    /// Zero-based element index.
    pub elem: u32,
}

/// See [`Design::name_aliases`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameAlias {
    pub scope: ScopeId,
    pub name: String,
    pub target: SignalId,
}

impl Design {
    /// Dotted hierarchical path of a scope: `tb.u_cpu.gen_blk[2]`.
    pub fn scope_path(&self, scope: ScopeId) -> String {
        let mut parts = Vec::new();
        let mut cur = Some(scope);
        while let Some(s) = cur {
            parts.push(self.scopes[s].name.as_str());
            cur = self.scopes[s].parent;
        }
        parts.reverse();
        parts.join(".")
    }
    /// Dotted hierarchical name of a signal: `tb.u_cpu.pc`.
    pub fn signal_path(&self, sig: SignalId) -> String {
        format!("{}.{}", self.scope_path(self.signals[sig].scope), self.signals[sig].name)
    }

    /// True if subroutine `f`'s body reads and writes only its own
    /// variables (formals, return variable, locals) and reaches nothing
    /// else: blocking assignments, branches, loops, `return`, `break` and
    /// `continue`, over operators on its variables and constants (no call,
    /// system function, class property or object, or net resolution). Its
    /// value comes from its arguments and its static variables alone, and
    /// running it touches nothing another process can see but through a
    /// hierarchical name of one of its variables (rv32_pipe's `alu_of`).
    pub fn touches_only_own_variables(&self, f: SubrId) -> bool {
        let sub = &self.subrs[f];
        let mut stmts = vec![sub.body];
        while let Some(s) = stmts.pop() {
            let kind = &self.stmts[s].kind;
            let plain = matches!(
                kind,
                StmtKind::Nop
                    | StmtKind::Block { .. }
                    | StmtKind::Assign { .. }
                    | StmtKind::If { .. }
                    | StmtKind::Case { .. }
                    | StmtKind::Loop { .. }
                    | StmtKind::DoWhile { .. }
                    | StmtKind::Repeat { .. }
                    | StmtKind::Return
                    | StmtKind::Break
                    | StmtKind::Continue
            );
            if !plain || !kind.exprs().into_iter().all(|e| self.names_only(e, &sub.locals)) {
                return false;
            }
            stmts.extend(kind.children());
        }
        true
    }

    /// True if `e` names no signal outside `own` and calls nothing (see
    /// [`Self::touches_only_own_variables`]).
    fn names_only(&self, e: ExprId, own: &[SignalId]) -> bool {
        let kind = &self.exprs[e].kind;
        let here = match kind {
            ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } => own.contains(s),
            ExprKind::Const(_)
            | ExprKind::RealConst(_)
            | ExprKind::Select { .. }
            | ExprKind::Unary { .. }
            | ExprKind::Binary { .. }
            | ExprKind::Cond { .. }
            | ExprKind::Concat(_)
            | ExprKind::Replicate { .. }
            | ExprKind::Convert { .. } => true,
            ExprKind::Resolve { .. }
            | ExprKind::Call { .. }
            | ExprKind::SysFunc { .. }
            | ExprKind::ClassProp { .. }
            | ExprKind::ClassNew { .. } => false,
        };
        here && kind.children().into_iter().all(|c| self.names_only(c, own))
    }
    pub fn add_expr(&mut self, kind: ExprKind, ty: Type, span: Span) -> ExprId {
        self.exprs.push(Expr { kind, ty, span })
    }
    pub fn add_stmt(&mut self, kind: StmtKind, span: Span) -> StmtId {
        self.stmts.push(Stmt { kind, span })
    }
    /// Add a string literal as a `Const` expression (8 bits per character,
    /// [`Const::from_str_bytes`]) and remember that it was a string.
    pub fn add_string_literal(&mut self, bytes: &[u8], span: Span) -> ExprId {
        let c = Const::from_str_bytes(bytes);
        let ty = Type::logic(c.width, false);
        let id = self.add_expr(ExprKind::Const(c), ty, span);
        self.string_literals.insert(id);
        id
    }
    /// True if `expr` was written as a string literal.
    pub fn is_string_literal(&self, expr: ExprId) -> bool {
        self.string_literals.contains(&expr)
    }
    /// Remember that `expr` is a SystemVerilog `string` value (see
    /// [`Design::string_values`]).
    pub fn mark_string_value(&mut self, expr: ExprId) {
        self.string_values.insert(expr);
    }
    /// The handle type of a container type, added to
    /// [`Design::containers`] when new.
    pub fn container_type(&mut self, c: ContainerType) -> Type {
        let i = match self.containers.iter().position(|k| *k == c) {
            Some(i) => i,
            None => {
                self.containers.push(c);
                self.containers.len() - 1
            }
        };
        Type { kind: TypeKind::Container(i as u32), width: 64, signed: false, four_state: false }
    }
    /// The container type behind a `TypeKind::Container` type.
    pub fn container_of(&self, t: Type) -> Option<ContainerType> {
        match t.kind {
            TypeKind::Container(i) => self.containers.get(i as usize).copied(),
            _ => None,
        }
    }
    /// True if `expr` is a string literal or a `string` value: display
    /// tasks treat it as text.
    pub fn is_string_value(&self, expr: ExprId) -> bool {
        self.string_literals.contains(&expr) || self.string_values.contains(&expr)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// A module instance; `def` is the module's name.
    Instance,
    GenBlock,
    NamedBlock,
    Subroutine,
    Package,
}

#[derive(Clone, Debug)]
pub struct Scope {
    /// The local name (`u_cpu`, `gen_blk[2]`, `genblk1`).
    pub name: String,
    pub parent: Option<ScopeId>,
    pub kind: ScopeKind,
    /// For instances: the module definition name.
    pub def_name: String,
    /// Time unit and precision of the module this scope is in (powers of ten
    /// of seconds); `%t`, `$time` and `$printtimescale` use them.
    pub time_unit: i8,
    pub time_precision: i8,
    pub span: Span,
}

// ---------------------------------------------------------------- types

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    /// A packed bit vector (reg, logic, bit, integer, int, enums, packed
    /// structs...).
    Integral,
    /// IEEE 754 double (`real`, `realtime`; `shortreal` is stored as real).
    Real,
    /// A named event (`event e;`): width 1, holds no meaningful value; `->`
    /// triggers it.
    Event,
    /// A SystemVerilog `string` (IEEE 1800-2017 6.16): width 64, two-state,
    /// unsigned. The stored 64-bit value is a handle: the low 32 bits point
    /// to an immutable guest-heap block holding the text as an integral
    /// value of `8 * len` bits (arena value layout, last character in the
    /// low byte, zero `bval` plane); the high 32 bits are `len`. The empty
    /// string is handle 0. Copying the handle copies the string; every
    /// operation makes a new block (`guest-rt/src/strings.rs`).
    ///
    /// Operations on strings: `Convert` integral<->string (integral to
    /// string drops NUL bytes, 6.16; string to integral right-aligns the text
    /// and truncates or zero-extends); comparisons with two string operands;
    /// `Concat`/`Replicate` whose type is string (string operands); `Cond`
    /// with string branches (an unknown condition gives the empty string);
    /// the methods as `SysFunc`s named in [`STRING_FUNCS`].
    String,
    /// A dynamic array, queue or associative array (IEEE 1800-2017 7.5,
    /// 7.8, 7.10): width 64, two-state, unsigned, stored like a `String`
    /// handle. The number indexes [`Design::containers`], which gives the
    /// kind and the element type. See [`ContainerType`] for the handle, the
    /// value semantics and the operations.
    Container(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Type {
    pub kind: TypeKind,
    /// Bits; 64 for reals, 1 for events.
    pub width: u32,
    pub signed: bool,
    /// May hold X/Z (reg, logic, wire, integer, time). Two-state types (bit,
    /// int, byte, ...) have `false`; writes to them turn X/Z into 0.
    pub four_state: bool,
}

impl Type {
    pub const fn logic(width: u32, signed: bool) -> Type {
        Type { kind: TypeKind::Integral, width, signed, four_state: true }
    }
    pub const fn bits(width: u32, signed: bool) -> Type {
        Type { kind: TypeKind::Integral, width, signed, four_state: false }
    }
    pub const REAL: Type = Type { kind: TypeKind::Real, width: 64, signed: true, four_state: false };
    pub const EVENT: Type = Type { kind: TypeKind::Event, width: 1, signed: false, four_state: false };
    /// `string`: see [`TypeKind::String`].
    pub const STRING: Type = Type { kind: TypeKind::String, width: 64, signed: false, four_state: false };
    pub fn is_string(&self) -> bool {
        self.kind == TypeKind::String
    }
    /// A dynamic array, queue or associative array handle.
    pub fn is_container(&self) -> bool {
        matches!(self.kind, TypeKind::Container(_))
    }
    /// `integer`: 32-bit signed 4-state.
    pub const INTEGER: Type = Type::logic(32, true);
    /// `int`: 32-bit signed 2-state.
    pub const INT: Type = Type::bits(32, true);
    /// `time`: 64-bit unsigned 4-state.
    pub const TIME: Type = Type::logic(64, false);
    pub const BIT1: Type = Type::bits(1, false);
    pub const LOGIC1: Type = Type::logic(1, false);
    pub fn is_real(&self) -> bool {
        self.kind == TypeKind::Real
    }
    /// Number of 64-bit limbs in one plane.
    pub fn limbs(&self) -> u32 {
        self.width.div_ceil(64).max(1)
    }
}

/// A 4-state constant: `words` holds the aval limbs then the bval limbs
/// (`2 * ceil(width/64)` words, bits above `width` zero).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Const {
    pub width: u32,
    pub signed: bool,
    pub words: Vec<u64>,
}

impl Const {
    pub fn limbs(width: u32) -> usize {
        width.div_ceil(64).max(1) as usize
    }
    pub fn zero(width: u32, signed: bool) -> Const {
        Const { width, signed, words: vec![0; 2 * Self::limbs(width)] }
    }
    /// All bits X.
    pub fn all_x(width: u32, signed: bool) -> Const {
        let n = Self::limbs(width);
        let mut words = vec![u64::MAX; 2 * n];
        let top = width % 64;
        if top != 0 {
            words[n - 1] = (1u64 << top) - 1;
            words[2 * n - 1] = (1u64 << top) - 1;
        }
        Const { width, signed, words }
    }
    /// All bits Z.
    pub fn all_z(width: u32, signed: bool) -> Const {
        let mut c = Const::all_x(width, signed);
        let n = Self::limbs(width);
        for w in &mut c.words[..n] {
            *w = 0;
        }
        c
    }
    /// A known value from the low bits of `v` (truncated to `width`).
    pub fn from_u64(width: u32, signed: bool, v: u64) -> Const {
        let mut c = Const::zero(width, signed);
        c.words[0] = if width >= 64 { v } else { v & ((1u64 << width) - 1) };
        c
    }
    /// A string literal: 8 bits per character, last character in the low byte.
    pub fn from_str_bytes(s: &[u8]) -> Const {
        let width = (s.len() as u32 * 8).max(8);
        let mut c = Const::zero(width, false);
        for (i, &b) in s.iter().rev().enumerate() {
            c.words[i / 8] |= (b as u64) << ((i % 8) * 8);
        }
        c
    }
    pub fn aval(&self) -> &[u64] {
        &self.words[..Self::limbs(self.width)]
    }
    pub fn bval(&self) -> &[u64] {
        &self.words[Self::limbs(self.width)..]
    }
    pub fn is_known(&self) -> bool {
        self.bval().iter().all(|&w| w == 0)
    }
    /// The value as u64 if it is known and fits (the low 64 bits otherwise).
    pub fn to_u64(&self) -> Option<u64> {
        if !self.is_known() {
            return None;
        }
        Some(self.words[0])
    }
}

// ---------------------------------------------------------------- signals

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetKind {
    Wire,
    Tri,
    Wand,
    Wor,
    Tri0,
    Tri1,
    Supply0,
    Supply1,
    Uwire,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignalKind {
    /// A variable (reg, logic, integer, real, ...): keeps the last value
    /// written.
    Var,
    /// A net: its value is the resolution of its drivers. Elaboration gives
    /// every net at most one driving process: nets with several drivers get
    /// one hidden variable per driver plus a resolver `ContAssign` using
    /// `ExprKind::Resolve`.
    Net(NetKind),
    /// A named event.
    Event,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// One location for the whole simulation.
    Static,
    /// A local of an automatic subroutine: lives in the subroutine's frame,
    /// one copy per activation.
    Automatic(SubrId),
}

#[derive(Clone, Debug)]
pub struct Signal {
    pub name: String,
    pub scope: ScopeId,
    /// The element type (for an array, the type of one element).
    pub ty: Type,
    /// Unpacked dimensions, outermost first. Indices in `ArrayElem` are
    /// already zero-based for each dimension (declared index minus the
    /// dimension's lower bound). Empty for a plain variable or net.
    pub dims: Vec<Dim>,
    pub kind: SignalKind,
    pub storage: Storage,
    /// Constant initial value from the declaration (`reg [3:0] r = 4'd5;`),
    /// applied before time 0. `None`: X for 4-state, 0 for 2-state and reals,
    /// Z for nets without drivers (X for driven nets until they are driven).
    /// For arrays, the value of every element.
    pub init: Option<Const>,
    /// The declared packed range `[msb:lsb]` of a vector (for waves and
    /// `%m`-style tools); `(width-1, 0)` when not declared.
    pub msb: i64,
    pub lsb: i64,
    /// True for signals elaboration made up (per-driver copies, temporaries);
    /// they are left out of waves.
    pub hidden: bool,
    pub span: Span,
}

impl Signal {
    /// Number of elements (1 for a non-array).
    pub fn elements(&self) -> u64 {
        self.dims.iter().map(|d| d.size()).product()
    }
}

/// One unpacked dimension as declared: `[left:right]` (`[N]` is `[0:N-1]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dim {
    pub left: i64,
    pub right: i64,
}

impl Dim {
    pub fn size(&self) -> u64 {
        self.left.abs_diff(self.right) + 1
    }
    /// The declared index that zero-based index 0 stands for.
    pub fn lower(&self) -> i64 {
        self.left.min(self.right)
    }
}

// ---------------------------------------------------------------- expressions

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    BitNot,
    LogNot,
    RedAnd,
    RedNand,
    RedOr,
    RedNor,
    RedXor,
    RedXnor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    BitXnor,
    Shl,
    Shr,
    AShr,
    Eq,
    Ne,
    CaseEq,
    CaseNe,
    WildEq,
    WildNe,
    Lt,
    Le,
    Gt,
    Ge,
    LogAnd,
    LogOr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResolveKind {
    /// wire/tri/uwire: equal values keep, differing known values give X, Z
    /// yields to the other driver.
    Wire,
    Wand,
    Wor,
    /// tri0/tri1: like wire, then Z bits become 0 / 1.
    Tri0,
    Tri1,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Const(Const),
    RealConst(f64),
    /// A whole signal (never an array: arrays are read through `ArrayElem`,
    /// except as the memory argument of `$readmem*`/`$writemem*`, a
    /// `$dumpvars` argument, and in a `WaitEvent`, where an array stands for
    /// "any element changed": elaboration puts arrays read by an `@*` or
    /// `always_comb` body in its sensitivity that way; the expression's type
    /// is the element type).
    Signal(SignalId),
    /// One element of an unpacked array; one zero-based index per dimension.
    /// Reading out of range (or with an X/Z index) gives X (0 for two-state
    /// elements); writing out of range does nothing.
    ArrayElem {
        sig: SignalId,
        indices: Vec<ExprId>,
    },
    /// `width` bits of `base` starting at bit `offset` (zero-based from the
    /// LSB; `offset` is any integral expression, read as signed iff its type
    /// is signed). Bits outside `base` read as X (0 when `base` is two-state);
    /// an X/Z offset reads all X. As an lvalue, bits outside are not written.
    Select {
        base: ExprId,
        offset: ExprId,
        width: u32,
    },
    Unary {
        op: UnOp,
        arg: ExprId,
    },
    Binary {
        op: BinOp,
        lhs: ExprId,
        rhs: ExprId,
    },
    Cond {
        cond: ExprId,
        then_expr: ExprId,
        else_expr: ExprId,
    },
    /// MSB first.
    Concat(Vec<ExprId>),
    Replicate {
        count: u32,
        arg: ExprId,
    },
    /// See the crate doc: resize, re-sign, 4->2 state, int<->real.
    Convert {
        arg: ExprId,
    },
    /// Resolution of several drivers of one net (`args` all have `ty`).
    Resolve {
        kind: ResolveKind,
        args: Vec<ExprId>,
    },
    /// A function call (no timing control inside). `args` match the
    /// subroutine's formals one to one: value expressions for inputs
    /// (converted to the formal's type), lvalue expressions for outputs and
    /// inouts (written back after the call).
    Call {
        subr: SubrId,
        args: Vec<ExprId>,
    },
    /// A system function; see [`SYS_FUNCS`] for the names and argument rules.
    SysFunc {
        name: String,
        args: Vec<ExprId>,
        scope: ScopeId,
    },
    /// A property of a class object (IEEE 1800-2017 8.5): the value of the
    /// expression's type stored `offset` bytes into the object `handle`
    /// points to, in the arena value layout (reals: 8 bytes). `handle` is a
    /// class handle: a 32-bit two-state unsigned value, the object's address
    /// on the guest heap, 0 for `null`. An lvalue when written; a write
    /// notifies no waiter (objects are not signals). Reading or writing
    /// through a null handle stops the run with error E0511 at this
    /// expression's span. Offset 0 holds the object's dynamic class id as a
    /// 32-bit two-state value (see `ClassNew`).
    ClassProp {
        handle: ExprId,
        offset: u32,
    },
    /// A new class object (8.7): `size` zeroed bytes on the guest heap whose
    /// first 16 bytes hold `class_id` (a 32-bit two-state value, never 0).
    /// With `src`, a shallow copy (8.12): the first `size` bytes of the
    /// object `src` points to (null: E0511), header then set to `class_id`.
    /// The type is a class handle (32-bit two-state unsigned). Constructors
    /// are ordinary subroutines elaboration calls on the result. Objects are
    /// never freed (no garbage collection).
    ClassNew {
        class_id: u32,
        size: u32,
        src: Option<ExprId>,
    },
}

impl ExprKind {
    /// The expressions directly under this one, in order (the tree every
    /// walk over expressions follows).
    pub fn children(&self) -> Vec<ExprId> {
        match self {
            ExprKind::Const(_) | ExprKind::RealConst(_) | ExprKind::Signal(_) => vec![],
            ExprKind::ArrayElem { indices, .. } => indices.clone(),
            ExprKind::Select { base, offset, .. } => vec![*base, *offset],
            ExprKind::Unary { arg, .. } | ExprKind::Convert { arg } | ExprKind::Replicate { arg, .. } => vec![*arg],
            ExprKind::Binary { lhs, rhs, .. } => vec![*lhs, *rhs],
            ExprKind::Cond { cond, then_expr, else_expr } => vec![*cond, *then_expr, *else_expr],
            ExprKind::Concat(parts) | ExprKind::Resolve { args: parts, .. } => parts.clone(),
            ExprKind::Call { args, .. } | ExprKind::SysFunc { args, .. } => args.clone(),
            ExprKind::ClassProp { handle, .. } => vec![*handle],
            ExprKind::ClassNew { src, .. } => src.iter().copied().collect(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Type,
    pub span: Span,
}

// ---------------------------------------------------------------- statements

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Edge {
    /// Any change.
    Any,
    Pos,
    Neg,
    /// `edge`: posedge or negedge.
    Both,
}

#[derive(Clone, Debug)]
pub struct Event {
    pub edge: Edge,
    /// Usually `ExprKind::Signal`; any expression is allowed (the process
    /// wakes when its value changes, or its LSB has the edge).
    pub expr: ExprId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseKind {
    /// `case`: labels match with `===`.
    Exact,
    /// `casez`: Z (and `?`) bits in subject or label are don't-care.
    Z,
    /// `casex`: X and Z bits are don't-care.
    X,
}

#[derive(Clone, Debug)]
pub struct CaseArm {
    /// Labels converted to the subject's width (elaboration sizes the subject
    /// and all labels to the widest of them).
    pub labels: Vec<ExprId>,
    pub body: StmtId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinKind {
    All,
    Any,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisableTarget {
    /// A named block (a `Block` statement with `name: Some(..)`).
    Block(StmtId),
    /// Every active call of a task.
    Task(SubrId),
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Nop,
    /// Sequential block. `name` is set for named blocks (disable targets and
    /// `%m` scopes).
    Block {
        stmts: Vec<StmtId>,
        name: Option<ScopeId>,
    },
    /// `fork ... join*`: each branch runs as its own child thread.
    Fork {
        branches: Vec<StmtId>,
        join: JoinKind,
        name: Option<ScopeId>,
    },
    /// Blocking assignment. `lhs` is an lvalue expression: `Signal`,
    /// `ArrayElem`, `ClassProp`, `Select` of an lvalue, or `Concat` of
    /// lvalues. `rhs` has
    /// exactly `lhs`'s type.
    Assign {
        lhs: ExprId,
        rhs: ExprId,
    },
    /// Nonblocking assignment, optionally delayed by `delay` ticks. The rhs
    /// and the lvalue's indices are evaluated now; the update happens in the
    /// NBA region of the current (or the delayed) time step.
    NonBlocking {
        lhs: ExprId,
        rhs: ExprId,
        delay: Option<ExprId>,
    },
    /// Evaluate `rhs` now, write it to `lhs` as an active event `delay` ticks
    /// later (continuous assignments with a delay; transport semantics).
    AssignAfter {
        lhs: ExprId,
        rhs: ExprId,
        delay: ExprId,
    },
    If {
        cond: ExprId,
        then_stmt: StmtId,
        else_stmt: Option<StmtId>,
    },
    /// `unique`/`priority` checks are not modelled; `default` runs when no
    /// label matches.
    Case {
        kind: CaseKind,
        subject: ExprId,
        arms: Vec<CaseArm>,
        default: Option<StmtId>,
    },
    /// `while (cond) body`; `for` puts its step in `step` (run after the body
    /// and on `continue`); `forever` has no `cond`.
    Loop {
        cond: Option<ExprId>,
        body: StmtId,
        step: Option<StmtId>,
    },
    DoWhile {
        body: StmtId,
        cond: ExprId,
    },
    /// `repeat (count) body`: count evaluated once; X/Z or negative = 0 times.
    Repeat {
        count: ExprId,
        body: StmtId,
    },
    /// `#ticks`: resume `ticks` later (0 = inactive region of this step).
    Delay {
        ticks: ExprId,
    },
    /// `@(...)`: resume when any event fires.
    WaitEvent {
        events: Vec<Event>,
    },
    /// `wait (cond)`: continue at once if true, else when it becomes true.
    WaitCond {
        cond: ExprId,
    },
    /// `-> e`
    Trigger {
        event: SignalId,
    },
    Disable(DisableTarget),
    DisableFork,
    WaitFork,
    /// Task call, or a function called as a statement (result discarded).
    /// `args` as in `ExprKind::Call`.
    Call {
        subr: SubrId,
        args: Vec<ExprId>,
    },
    /// A system task; see [`SYS_TASKS`]. `None` is an empty argument
    /// (`$display(a,,b)`).
    SysTask {
        name: String,
        args: Vec<Option<ExprId>>,
        scope: ScopeId,
    },
    /// Leave the enclosing subroutine (a function's value is assigned to its
    /// return variable first by elaboration).
    Return,
    Break,
    Continue,
}

impl StmtKind {
    /// The expressions directly under a statement (conditions, both sides of
    /// assignments, case labels after the subject, arguments, event
    /// expressions), in order.
    pub fn exprs(&self) -> Vec<ExprId> {
        match self {
            StmtKind::Assign { lhs, rhs } => vec![*lhs, *rhs],
            StmtKind::NonBlocking { lhs, rhs, delay } => {
                [Some(*lhs), Some(*rhs), *delay].into_iter().flatten().collect()
            }
            StmtKind::AssignAfter { lhs, rhs, delay } => vec![*lhs, *rhs, *delay],
            StmtKind::If { cond, .. } => vec![*cond],
            StmtKind::Case { subject, arms, .. } => {
                std::iter::once(*subject).chain(arms.iter().flat_map(|a| a.labels.iter().copied())).collect()
            }
            StmtKind::Loop { cond, .. } => cond.iter().copied().collect(),
            StmtKind::DoWhile { cond, .. } => vec![*cond],
            StmtKind::Repeat { count, .. } => vec![*count],
            StmtKind::Delay { ticks } => vec![*ticks],
            StmtKind::WaitEvent { events } => events.iter().map(|e| e.expr).collect(),
            StmtKind::WaitCond { cond } => vec![*cond],
            StmtKind::Call { args, .. } => args.clone(),
            StmtKind::SysTask { args, .. } => args.iter().flatten().copied().collect(),
            StmtKind::Nop
            | StmtKind::Block { .. }
            | StmtKind::Fork { .. }
            | StmtKind::Trigger { .. }
            | StmtKind::Disable(_)
            | StmtKind::DisableFork
            | StmtKind::WaitFork
            | StmtKind::Return
            | StmtKind::Break
            | StmtKind::Continue => vec![],
        }
    }

    /// The statements directly under a statement, in execution order (a
    /// `disable` target is a reference, not a child).
    pub fn children(&self) -> Vec<StmtId> {
        match self {
            StmtKind::Block { stmts, .. } => stmts.clone(),
            StmtKind::Fork { branches, .. } => branches.clone(),
            StmtKind::If { then_stmt, else_stmt, .. } => std::iter::once(*then_stmt).chain(*else_stmt).collect(),
            StmtKind::Case { arms, default, .. } => arms.iter().map(|a| a.body).chain(*default).collect(),
            StmtKind::Loop { body, step, .. } => std::iter::once(*body).chain(*step).collect(),
            StmtKind::DoWhile { body, .. } | StmtKind::Repeat { body, .. } => vec![*body],
            _ => vec![],
        }
    }
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

// ---------------------------------------------------------------- processes

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcKind {
    /// Runs its body once from time 0.
    Initial,
    /// Runs its body forever (`always`, `always_ff`, `always_latch`,
    /// `always_comb`, `always @*`).
    Always,
    /// A continuous assignment or gate: runs its body forever.
    ContAssign,
    /// Runs once when the simulation ends.
    Final,
}

#[derive(Clone, Debug)]
pub struct Process {
    pub kind: ProcKind,
    pub body: StmtId,
    pub scope: ScopeId,
    pub span: Span,
}

// ---------------------------------------------------------------- subroutines

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubrKind {
    Function,
    Task,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Input,
    Output,
    Inout,
}

#[derive(Clone, Debug)]
pub struct Formal {
    pub sig: SignalId,
    pub dir: Dir,
}

#[derive(Clone, Debug)]
pub struct Subroutine {
    pub name: String,
    /// The subroutine's own scope (parent: the instance it is declared in).
    pub scope: ScopeId,
    pub kind: SubrKind,
    pub automatic: bool,
    pub formals: Vec<Formal>,
    /// The return variable of a non-void function.
    pub ret: Option<SignalId>,
    /// Every local variable, including formals and the return variable.
    pub locals: Vec<SignalId>,
    pub body: StmtId,
    pub span: Span,
}

// ---------------------------------------------------------------- system tasks

/// System tasks elaboration accepts (argument rules in the comments).
/// `$display`-family arguments: format strings are `Const` string
/// expressions; `%t`/`%m` use the statement's scope.
pub const SYS_TASKS: &[&str] = &[
    "$display",
    "$displayb",
    "$displayh",
    "$displayo", // (args...)
    "$write",
    "$writeb",
    "$writeh",
    "$writeo",
    "$strobe",
    "$strobeb",
    "$strobeh",
    "$strobeo",
    "$monitor",
    "$monitorb",
    "$monitorh",
    "$monitoro",
    "$fdisplay",
    "$fdisplayb",
    "$fdisplayh",
    "$fdisplayo", // (fd, args...)
    "$fwrite",
    "$fwriteb",
    "$fwriteh",
    "$fwriteo",
    "$fstrobe",
    "$fstrobeb",
    "$fstrobeh",
    "$fstrobeo",
    "$fmonitor",
    "$fmonitorb",
    "$fmonitorh",
    "$fmonitoro",
    "$monitoron",
    "$monitoroff",
    "$finish",
    "$stop",  // ([verbosity])
    "$fatal", // ([finish_number, ] args...)
    "$error",
    "$warning",
    "$info",       // (args...)
    "$timeformat", // (units, precision, suffix, min_width)
    "$printtimescale",
    "$readmemh",
    "$readmemb", // (filename, mem [, start [, end]]): mem is Signal of an array
    "$writememh",
    "$writememb",
    "$fclose",
    "$fflush",
    "$sformat", // (lvalue, fmt, args...)
    "$swrite",  // (lvalue, args...)
    "$dumpfile",
    "$dumpvars",
    "$dumpoff",
    "$dumpon",
    "$dumpall",
    "$dumpflush",
    "$dumplimit",
    // `$dumpvars(levels, scope_or_signal...)`: a scope argument is a string
    // `Const` holding its hierarchical path (`"tb.dut"`).
    // `$printtimescale(scope)`: elaboration drops the argument and sets the
    // statement's `scope` to the named scope.
];

/// Bits of the text buffer a system task that writes text into a variable
/// (`$sformat`, `$sscanf %s`, `$fgets`, ...) gets when that variable is a
/// `string`, and the width `$sformatf` counts for a string argument: texts
/// longer than `STRING_TEXT_BITS / 8` characters are cut to their end.
pub const STRING_TEXT_BITS: u32 = 8 * 4096;

/// Internal system functions of nets that model strengths (made by
/// elaboration only, never named by a design). A *strength vector* of a
/// `w`-bit net is a two-state value of `8 * w` bits, one byte per bit, as
/// guest-rt `strength.rs` encodes it (0 = HiZ).
/// - `$strength$drive(v, levels)`: the strength vector of the `w`-bit value
///   `v` driven at 0-strength `levels & 7` and 1-strength `levels >> 4`
///   (`levels` a `Const`, 0 highz .. 7 supply).
/// - `$strength$resolve(s...)`: wired resolution of strength vectors (all
///   the result's width).
/// - `$strength$value(s)`: the `w`-bit 4-state value of a strength vector.
/// - `$strength$gate(kind, data, ctrl [, pctrl])`: a MOS switch or
///   three-state buffer on the strength vector `data` with 1-bit controls;
///   `kind` a `Const`: bits 0-1 = 0 conducts on 1, 1 on 0, 2 cmos (`ctrl`
///   on 1, `pctrl` on 0); bits 4-5 = reduction (0 none, 1 supply->strong,
///   2 resistive, 1364-2005 table 7-14).
/// - `$strength$tran(desc, owns, ctrls)`: the strength vectors of a channel
///   of nets joined by bidirectional switches (result: `owns`' width);
///   `owns` concatenates the members' own resolved vectors, `ctrls` the
///   switch controls (bit 0 unused); `desc` a `Const` of two 64-bit words
///   per switched bit, as guest-rt `rt_strength_tran` reads them.
/// - `$strength$show(v, s)`: display argument: the value `v` (the result,
///   of `v`'s type) whose `%v` prints the strength vector `s`.
pub const STRENGTH_FUNCS: &[&str] =
    &["$strength$drive", "$strength$resolve", "$strength$value", "$strength$gate", "$strength$tran", "$strength$show"];

/// The `string` methods (IEEE 1800-2017 6.16) as `ExprKind::SysFunc`s; the
/// first argument is the string (`TypeKind::String`) except for the `*toa`
/// conversions. Results never modify their operands: `s.putc(i, c)` is
/// elaborated as `s = $str_putc(s, i, c)`, `s.itoa(v)` as `s = $str_itoa(v)`.
/// - `$str_len(s)` -> int; `$str_getc(s, i)` -> byte (0 when out of range;
///   also `s[i]`); `$str_putc(s, i, c)` -> string (`c` a byte; unchanged
///   when `i` is out of range or `c` is 0).
/// - `$str_toupper(s)`, `$str_tolower(s)` -> string; `$str_compare(s, t)`,
///   `$str_icompare(s, t)` -> int (<0, 0, >0 like C `strcmp`);
///   `$str_substr(s, i, j)` -> string (empty when out of range).
/// - `$str_atoi $str_atohex $str_atooct $str_atobin` (s) -> integer;
///   `$str_atoreal(s)` -> real.
/// - `$str_itoa $str_hextoa $str_octtoa $str_bintoa` (v: any integral,
///   self-determined) -> string; `$str_realtoa(r: real)` -> string.
pub const STRING_FUNCS: &[&str] = &[
    "$str_len",
    "$str_getc",
    "$str_putc",
    "$str_toupper",
    "$str_tolower",
    "$str_compare",
    "$str_icompare",
    "$str_substr",
    "$str_atoi",
    "$str_atohex",
    "$str_atooct",
    "$str_atobin",
    "$str_atoreal",
    "$str_itoa",
    "$str_hextoa",
    "$str_octtoa",
    "$str_bintoa",
    "$str_realtoa",
];

/// True for a system task that only reads its arguments (prints, ends or
/// dumps): any other one (`$readmemh`, `$sformat`...) counts as writing
/// the signals it is passed.
pub fn sys_task_reads_only(task: &str) -> bool {
    const FAMILIES: [&str; 9] =
        ["$display", "$write", "$strobe", "$monitor", "$fdisplay", "$fwrite", "$fstrobe", "$fmonitor", "$writemem"];
    FAMILIES.iter().any(|f| task.starts_with(f))
        || matches!(task, "$finish" | "$stop" | "$info" | "$warning" | "$error" | "$fatal" | "$dumpvars")
}

/// Whether argument `arg` of system function `name` is an lvalue the call
/// writes (`$random`'s seed, `$fscanf`'s variables, `$fread`'s target...).
pub fn sys_func_writes(name: &str, arg: usize) -> bool {
    match name {
        "$random" | "$urandom" | "$fgets" | "$fread" => arg == 0,
        n if n.starts_with("$dist_") => arg == 0,
        "$value$plusargs" | "$ferror" => arg == 1,
        "$fscanf" | "$sscanf" => arg >= 2,
        "$dyn_first" | "$dyn_last" | "$dyn_next" | "$dyn_prev" => arg == 1,
        _ => false,
    }
}

/// System functions elaboration accepts, with the result type it gives:
/// - `$time` `$stime` `$realtime`: arg 0 is a `Const` = ticks per time unit of
///   the calling scope; result 64-bit unsigned / 32-bit unsigned / real.
/// - `$random` (32-bit signed), `$urandom` (32-bit unsigned): optional seed
///   lvalue (read and updated). `$urandom_range(max [, min])`.
/// - `$clog2(x)`: 32-bit; `$countones`, `$onehot`, `$onehot0`, `$isunknown`.
/// - `$test$plusargs(str)`: 32-bit; `$value$plusargs(fmt, lvalue)`: 32-bit.
/// - `$fopen(name [, mode])`: 32-bit.
/// - `$sformatf(fmt, args...)`: integral string of the width elaboration
///   chose (8 bits per character, right-aligned).
/// - `$dist_uniform(seed, start, end)`, `$dist_normal(seed, mean, sd)`,
///   `$dist_exponential(seed, mean)`, `$dist_poisson(seed, mean)`,
///   `$dist_chi_square(seed, df)`, `$dist_t(seed, df)`,
///   `$dist_erlang(seed, k, mean)` (1364-2005 17.9.2): `seed` is an integral
///   lvalue (read and updated), the other arguments are converted to
///   32-bit signed; result 32-bit signed.
/// - File reads (1364-2005 17.2.4-17.2.7), all 32-bit signed (`integer`):
///   `$fgetc(fd)`, `$ungetc(c, fd)`, `$fgets(lvalue, fd)`, `$ftell(fd)`,
///   `$fseek(fd, offset, whence)`, `$rewind(fd)`, `$feof(fd)`,
///   `$ferror(fd, lvalue)`; `$fscanf(fd, fmt, lvalues...)` and
///   `$sscanf(str, fmt, lvalues...)`; `$fread(target, fd [, start
///   [, count]])` where `target` is an lvalue or the `Signal` of a whole
///   memory, `start`/`count` 32-bit signed (an all-X `start` = not given).
/// - `$countbits(x, mask)`: `mask` is a `Const` (bit 0: count 0 bits,
///   1: ones, 2: X, 3: Z); 32-bit signed 2-state.
/// - `$itor` `$rtoi` `$realtobits` `$bitstoreal` `$sqrt` `$ln` `$log10` `$exp`
///   `$pow` `$floor` `$ceil` `$sin` `$cos` `$tan` `$atan` `$atan2` `$hypot`...
///   (real math).
pub const SYS_FUNCS: &[&str] = &[
    "$time",
    "$stime",
    "$realtime",
    "$random",
    "$urandom",
    "$urandom_range",
    "$clog2",
    "$countones",
    "$onehot",
    "$onehot0",
    "$isunknown",
    "$test$plusargs",
    "$value$plusargs",
    "$fopen",
    "$sformatf",
    "$itor",
    "$rtoi",
    "$realtobits",
    "$bitstoreal",
    "$shortrealtobits",
    "$bitstoshortreal",
    "$sqrt",
    "$ln",
    "$log10",
    "$exp",
    "$pow",
    "$floor",
    "$ceil",
    "$sin",
    "$cos",
    "$tan",
    "$asin",
    "$acos",
    "$atan",
    "$atan2",
    "$hypot",
    "$sinh",
    "$cosh",
    "$tanh",
    "$asinh",
    "$acosh",
    "$atanh",
    "$feof",
    "$fgetc",
    "$ungetc",
    "$fgets",
    "$fscanf",
    "$sscanf",
    "$fread",
    "$ftell",
    "$fseek",
    "$rewind",
    "$ferror",
    "$countbits",
    "$dist_uniform",
    "$dist_normal",
    "$dist_exponential",
    "$dist_poisson",
    "$dist_chi_square",
    "$dist_t",
    "$dist_erlang",
];
