//! Checks that a [`Design`] keeps the contract of the crate doc.
//!
//! Two phases, like naga's `valid/handles.rs`:
//! 1. **handles**: every handle names an existing entity, scope parents and
//!    the expression and statement graphs are acyclic. After this phase the
//!    rules below can index arenas and walk trees without panicking or
//!    looping.
//! 2. **rules**: every "Expression typing" rule and the other documented
//!    invariants (lvalues, constants, case labels, calls, system task names,
//!    automatic storage, delays).
//!
//! Every error names the offending entity in its text (`e12: Add operand
//! widths 4 and 5 differ from result width 5`) and carries its span. The
//! validator never panics, whatever the design holds.

use std::collections::HashSet;
use std::fmt;

use crate::print::type_tag;
use crate::{
    Arena, BinOp, Design, Dir, DisableTarget, Edge, EntityName, ExprId, ExprKind, Id, ProcId, ProcKind, ScopeId,
    SignalId, SignalKind, Span, StmtId, StmtKind, Storage, SubrId, SubrKind, Type, TypeKind, UnOp, SYS_FUNCS,
    SYS_TASKS,
};

/// The entity an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entity {
    Design,
    Scope(ScopeId),
    Signal(SignalId),
    Expr(ExprId),
    Stmt(StmtId),
    Proc(ProcId),
    Subr(SubrId),
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Entity::Design => f.write_str("design"),
            Entity::Scope(id) => write!(f, "{id}"),
            Entity::Signal(id) => write!(f, "{id}"),
            Entity::Expr(id) => write!(f, "{id}"),
            Entity::Stmt(id) => write!(f, "{id}"),
            Entity::Proc(id) => write!(f, "{id}"),
            Entity::Subr(id) => write!(f, "{id}"),
        }
    }
}

/// One broken invariant. Displays as `e12: <message>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    pub entity: Entity,
    pub message: String,
    pub span: Span,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.entity, self.message)
    }
}

impl std::error::Error for ValidationError {}

/// Checks `design` against the IR contract; all errors found, in a stable
/// order (handles first; then signals, expressions, statements, subroutines,
/// and finally the per-process context checks).
pub fn validate(design: &Design) -> Result<(), Vec<ValidationError>> {
    let mut sink = Sink { design, errors: Vec::new() };
    check_handles(&mut sink);
    if sink.errors.is_empty() {
        check_rules(&mut sink);
    }
    if sink.errors.is_empty() {
        Ok(())
    } else {
        Err(sink.errors)
    }
}

// ---------------------------------------------------------------- error sink

struct Sink<'d> {
    design: &'d Design,
    errors: Vec<ValidationError>,
}

impl Sink<'_> {
    fn push(&mut self, entity: Entity, span: Span, message: String) {
        let err = ValidationError { entity, message, span };
        // A subtree shared by several roots would otherwise report twice.
        if !self.errors.contains(&err) {
            self.errors.push(err);
        }
    }
    /// Only for phase 2, where every handle is known to be in range.
    fn expr(&mut self, id: ExprId, message: String) {
        let span = self.design.exprs[id].span;
        self.push(Entity::Expr(id), span, message);
    }
    fn stmt(&mut self, id: StmtId, message: String) {
        let span = self.design.stmts[id].span;
        self.push(Entity::Stmt(id), span, message);
    }
}

// ---------------------------------------------------------------- references

/// Every handle one entity holds, grouped by kind.
#[derive(Default)]
struct Refs {
    signals: Vec<SignalId>,
    exprs: Vec<ExprId>,
    stmts: Vec<StmtId>,
    subrs: Vec<SubrId>,
    scopes: Vec<ScopeId>,
}

fn expr_refs(kind: &ExprKind) -> Refs {
    let mut r = Refs::default();
    match kind {
        ExprKind::Const(_) | ExprKind::RealConst(_) => {}
        ExprKind::Signal(s) => r.signals.push(*s),
        ExprKind::ArrayElem { sig, indices } => {
            r.signals.push(*sig);
            r.exprs.extend(indices);
        }
        ExprKind::Select { base, offset, .. } => r.exprs.extend([*base, *offset]),
        ExprKind::Unary { arg, .. } | ExprKind::Replicate { arg, .. } | ExprKind::Convert { arg } => r.exprs.push(*arg),
        ExprKind::Binary { lhs, rhs, .. } => r.exprs.extend([*lhs, *rhs]),
        ExprKind::Cond { cond, then_expr, else_expr } => r.exprs.extend([*cond, *then_expr, *else_expr]),
        ExprKind::Concat(parts) => r.exprs.extend(parts),
        ExprKind::Resolve { args, .. } => r.exprs.extend(args),
        ExprKind::Call { subr, args } => {
            r.subrs.push(*subr);
            r.exprs.extend(args);
        }
        ExprKind::SysFunc { args, scope, .. } => {
            r.exprs.extend(args);
            r.scopes.push(*scope);
        }
        ExprKind::ClassProp { handle, .. } => r.exprs.push(*handle),
        ExprKind::ClassNew { src, .. } => r.exprs.extend(src),
    }
    r
}

fn stmt_refs(kind: &StmtKind) -> Refs {
    let mut r = Refs::default();
    match kind {
        StmtKind::Nop
        | StmtKind::DisableFork
        | StmtKind::WaitFork
        | StmtKind::Return
        | StmtKind::Break
        | StmtKind::Continue => {}
        StmtKind::Block { stmts, name } => {
            r.stmts.extend(stmts);
            r.scopes.extend(name);
        }
        StmtKind::Fork { branches, name, .. } => {
            r.stmts.extend(branches);
            r.scopes.extend(name);
        }
        StmtKind::Assign { lhs, rhs } => r.exprs.extend([*lhs, *rhs]),
        StmtKind::NonBlocking { lhs, rhs, delay } => {
            r.exprs.extend([*lhs, *rhs]);
            r.exprs.extend(delay);
        }
        StmtKind::AssignAfter { lhs, rhs, delay } => r.exprs.extend([*lhs, *rhs, *delay]),
        StmtKind::If { cond, then_stmt, else_stmt } => {
            r.exprs.push(*cond);
            r.stmts.push(*then_stmt);
            r.stmts.extend(else_stmt);
        }
        StmtKind::Case { subject, arms, default, .. } => {
            r.exprs.push(*subject);
            for arm in arms {
                r.exprs.extend(&arm.labels);
                r.stmts.push(arm.body);
            }
            r.stmts.extend(default);
        }
        StmtKind::Loop { cond, body, step } => {
            r.exprs.extend(cond);
            r.stmts.push(*body);
            r.stmts.extend(step);
        }
        StmtKind::DoWhile { body, cond } => {
            r.stmts.push(*body);
            r.exprs.push(*cond);
        }
        StmtKind::Repeat { count, body } => {
            r.exprs.push(*count);
            r.stmts.push(*body);
        }
        StmtKind::Delay { ticks } => r.exprs.push(*ticks),
        StmtKind::WaitEvent { events } => r.exprs.extend(events.iter().map(|e| e.expr)),
        StmtKind::WaitCond { cond } => r.exprs.push(*cond),
        StmtKind::Trigger { event } => r.signals.push(*event),
        StmtKind::Disable(DisableTarget::Block(st)) => r.stmts.push(*st),
        StmtKind::Disable(DisableTarget::Task(f)) => r.subrs.push(*f),
        StmtKind::Call { subr, args } => {
            r.subrs.push(*subr);
            r.exprs.extend(args);
        }
        StmtKind::SysTask { args, scope, .. } => {
            r.exprs.extend(args.iter().flatten());
            r.scopes.push(*scope);
        }
    }
    r
}

// ---------------------------------------------------------------- phase 1: handles

fn check_handles(sink: &mut Sink) {
    let d = sink.design;
    for &top in &d.tops {
        range(sink, Entity::Design, Span::default(), top, &d.scopes, "scopes");
    }
    for (id, sc) in d.scopes.iter() {
        if let Some(p) = sc.parent {
            range(sink, Entity::Scope(id), sc.span, p, &d.scopes, "scopes");
        }
    }
    for (id, sig) in d.signals.iter() {
        range(sink, Entity::Signal(id), sig.span, sig.scope, &d.scopes, "scopes");
        if let Storage::Automatic(f) = sig.storage {
            range(sink, Entity::Signal(id), sig.span, f, &d.subrs, "subroutines");
        }
    }
    for (id, e) in d.exprs.iter() {
        refs_in_range(sink, Entity::Expr(id), e.span, &expr_refs(&e.kind));
    }
    for (id, st) in d.stmts.iter() {
        refs_in_range(sink, Entity::Stmt(id), st.span, &stmt_refs(&st.kind));
    }
    for (id, p) in d.procs.iter() {
        range(sink, Entity::Proc(id), p.span, p.body, &d.stmts, "statements");
        range(sink, Entity::Proc(id), p.span, p.scope, &d.scopes, "scopes");
    }
    for (id, f) in d.subrs.iter() {
        let mut r = Refs::default();
        r.scopes.push(f.scope);
        r.stmts.push(f.body);
        r.signals.extend(f.formals.iter().map(|x| x.sig));
        r.signals.extend(f.ret);
        r.signals.extend(&f.locals);
        refs_in_range(sink, Entity::Subr(id), f.span, &r);
    }
    let mut literals: Vec<ExprId> = d.string_literals.iter().copied().collect();
    literals.sort();
    for e in literals {
        range(sink, Entity::Design, Span::default(), e, &d.exprs, "expressions");
    }
    for &(alias, target) in &d.aliases {
        range(sink, Entity::Design, Span::default(), alias, &d.signals, "signals");
        range(sink, Entity::Design, Span::default(), target, &d.signals, "signals");
    }
    for a in &d.element_aliases {
        range(sink, Entity::Design, Span::default(), a.alias, &d.signals, "signals");
        range(sink, Entity::Design, Span::default(), a.array, &d.signals, "signals");
    }
    if !sink.errors.is_empty() {
        return;
    }
    check_scope_cycles(sink);
    check_graph_cycles(sink);
}

fn range<T: EntityName>(sink: &mut Sink, owner: Entity, span: Span, id: Id<T>, arena: &Arena<T>, plural: &str) {
    if id.index() >= arena.len() {
        sink.push(owner, span, format!("refers to {id}, but there are {} {plural}", arena.len()));
    }
}

fn refs_in_range(sink: &mut Sink, owner: Entity, span: Span, r: &Refs) {
    let d = sink.design;
    for &s in &r.signals {
        range(sink, owner, span, s, &d.signals, "signals");
    }
    for &e in &r.exprs {
        range(sink, owner, span, e, &d.exprs, "expressions");
    }
    for &st in &r.stmts {
        range(sink, owner, span, st, &d.stmts, "statements");
    }
    for &f in &r.subrs {
        range(sink, owner, span, f, &d.subrs, "subroutines");
    }
    for &sc in &r.scopes {
        range(sink, owner, span, sc, &d.scopes, "scopes");
    }
}

/// A scope is on a cycle if following parents from it comes back to it.
fn check_scope_cycles(sink: &mut Sink) {
    let d = sink.design;
    for (id, sc) in d.scopes.iter() {
        let mut cur = sc.parent;
        for _ in 0..d.scopes.len() {
            match cur {
                Some(p) if p == id => {
                    sink.push(Entity::Scope(id), sc.span, "scope parent chain is cyclic".into());
                    break;
                }
                Some(p) => cur = d.scopes[p].parent,
                None => break,
            }
        }
    }
}

fn check_graph_cycles(sink: &mut Sink) {
    let d = sink.design;
    let expr_kids = |i: usize| expr_refs(&d.exprs[ExprId::from_raw(i as u32)].kind).exprs;
    for (from, to) in back_edges(d.exprs.len(), expr_kids, |e| e.index()) {
        let (from, to) = (ExprId::from_raw(from as u32), ExprId::from_raw(to as u32));
        sink.expr(from, format!("expression graph has a cycle through {to}"));
    }
    let stmt_kids = |i: usize| d.stmts[StmtId::from_raw(i as u32)].kind.children();
    for (from, to) in back_edges(d.stmts.len(), stmt_kids, |s| s.index()) {
        let (from, to) = (StmtId::from_raw(from as u32), StmtId::from_raw(to as u32));
        sink.stmt(from, format!("statement graph has a cycle through {to}"));
    }
}

/// Iterative depth-first search (designs can nest deeper than the stack
/// allows): every edge `(from, to)` that closes a cycle.
fn back_edges<C>(n: usize, children: impl Fn(usize) -> Vec<C>, index: impl Fn(&C) -> usize) -> Vec<(usize, usize)> {
    const WHITE: u8 = 0;
    const GRAY: u8 = 1;
    const BLACK: u8 = 2;
    let mut color = vec![WHITE; n];
    let mut found = Vec::new();
    for root in 0..n {
        if color[root] != WHITE {
            continue;
        }
        color[root] = GRAY;
        let mut stack: Vec<(usize, Vec<usize>, usize)> = vec![(root, children(root).iter().map(&index).collect(), 0)];
        while let Some((node, kids, next)) = stack.last_mut() {
            if *next == kids.len() {
                color[*node] = BLACK;
                stack.pop();
                continue;
            }
            let (node, kid) = (*node, kids[*next]);
            *next += 1;
            match color[kid] {
                WHITE => {
                    color[kid] = GRAY;
                    stack.push((kid, children(kid).iter().map(&index).collect(), 0));
                }
                GRAY => found.push((node, kid)),
                _ => {}
            }
        }
    }
    found
}

// ---------------------------------------------------------------- phase 2: rules

fn check_rules(sink: &mut Sink) {
    let d = sink.design;
    let array_args = memory_arguments(d);
    for (id, sig) in d.signals.iter() {
        check_signal(sink, id, sig);
    }
    for id in d.exprs.ids() {
        check_expr(sink, id, &array_args);
    }
    for id in d.stmts.ids() {
        check_stmt(sink, id);
    }
    for (id, f) in d.subrs.iter() {
        for sig in f.formals.iter().map(|x| x.sig).chain(f.ret) {
            if !f.locals.contains(&sig) {
                sink.push(Entity::Subr(id), f.span, format!("{sig} is not listed in locals"));
            }
        }
    }
    for (id, p) in d.procs.iter() {
        let ctx = Ctx { nets_writable: p.kind == ProcKind::ContAssign, subr: None, root: id.to_string() };
        walk(sink, p.body, &ctx);
    }
    for (id, f) in d.subrs.iter() {
        let ctx = Ctx { nets_writable: false, subr: Some(id), root: id.to_string() };
        walk(sink, f.body, &ctx);
    }
}

/// Expressions that may name a whole array: the memory argument (index 1)
/// of `$readmem*` / `$writemem*`, and an any-change event (elaboration's
/// `@*` sensitivity waits on a memory as a whole; the runtime wakes the
/// process on a write to any element).
fn memory_arguments(d: &Design) -> HashSet<ExprId> {
    let mut set = HashSet::new();
    for (_, st) in d.stmts.iter() {
        match &st.kind {
            StmtKind::SysTask { name, args, .. } if is_memory_task(name) => {
                if let Some(Some(mem)) = args.get(1) {
                    set.insert(*mem);
                }
            }
            StmtKind::WaitEvent { events } => {
                let any_change = events.iter().filter(|ev| ev.edge == Edge::Any);
                set.extend(any_change.map(|ev| ev.expr));
            }
            _ => {}
        }
    }
    // `$fread(mem, fd, ...)` fills a whole memory too.
    for (_, e) in d.exprs.iter() {
        if let ExprKind::SysFunc { name, args, .. } = &e.kind {
            set.extend(args.first().filter(|_| name == "$fread"));
        }
    }
    set
}

fn is_memory_task(name: &str) -> bool {
    name.starts_with("$readmem") || name.starts_with("$writemem")
}

fn kind_name(k: TypeKind) -> &'static str {
    match k {
        TypeKind::Integral => "integral",
        TypeKind::Real => "real",
        TypeKind::Event => "event",
        TypeKind::String => "string",
        TypeKind::Container(_) => "container",
    }
}

/// The constant's own shape: plane sizes and zero bits above the width.
fn const_shape_error(width: u32, words: &[u64]) -> Option<String> {
    let limbs = crate::Const::limbs(width);
    if words.len() != 2 * limbs {
        return Some(format!("{} words, expected {} for width {width}", words.len(), 2 * limbs));
    }
    let top = width % 64;
    if width == 0 || top == 0 {
        return None;
    }
    let mask = !((1u64 << top) - 1);
    let dirty = words[limbs - 1] & mask != 0 || words[2 * limbs - 1] & mask != 0;
    dirty.then(|| format!("bits set above width {width}"))
}

fn check_type(ty: Type) -> Option<String> {
    match ty.kind {
        TypeKind::Integral if ty.width == 0 => Some("integral type has width 0".into()),
        TypeKind::Real if ty.width != 64 => Some(format!("real type has width {}, not 64", ty.width)),
        TypeKind::Event if ty.width != 1 => Some(format!("event type has width {}, not 1", ty.width)),
        TypeKind::String if ty != Type::STRING => Some("string type is not Type::STRING".into()),
        _ => None,
    }
}

fn check_signal(sink: &mut Sink, id: SignalId, sig: &crate::Signal) {
    let entity = Entity::Signal(id);
    if let Some(msg) = check_type(sig.ty) {
        sink.push(entity, sig.span, msg);
    }
    if let Some(init) = &sig.init {
        if let Some(msg) = const_shape_error(init.width, &init.words) {
            sink.push(entity, sig.span, format!("init has {msg}"));
        }
        if sig.ty.kind == TypeKind::Integral && init.width != sig.ty.width {
            let msg = format!("init width {} differs from type width {}", init.width, sig.ty.width);
            sink.push(entity, sig.span, msg);
        }
    }
}

fn check_expr(sink: &mut Sink, id: ExprId, array_args: &HashSet<ExprId>) {
    let d = sink.design;
    let e = &d.exprs[id];
    if let Some(msg) = check_type(e.ty) {
        sink.expr(id, msg);
    }
    let result = match &e.kind {
        ExprKind::Const(c) => check_const(e.ty, c),
        ExprKind::RealConst(_) if !e.ty.is_real() => Err(format!("RealConst has non-real type {}", type_tag(e.ty))),
        ExprKind::RealConst(_) => Ok(()),
        ExprKind::Signal(s) => check_signal_ref(d, e.ty, *s, array_args.contains(&id)),
        ExprKind::ArrayElem { sig, indices } => check_array_elem(d, e.ty, *sig, indices),
        ExprKind::Select { base, offset, width } => check_select(d, e.ty, *base, *offset, *width),
        ExprKind::Unary { op, arg } => check_unary(e.ty, *op, d.exprs[*arg].ty),
        ExprKind::Binary { op, lhs, rhs } => check_binary(e.ty, *op, d.exprs[*lhs].ty, d.exprs[*rhs].ty),
        ExprKind::Cond { cond, then_expr, else_expr } => check_cond(d, e.ty, *cond, *then_expr, *else_expr),
        ExprKind::Concat(parts) => check_concat(d, e.ty, parts),
        ExprKind::Replicate { count, arg } => check_replicate(e.ty, *count, d.exprs[*arg].ty),
        ExprKind::Convert { arg } => {
            let from = d.exprs[*arg].ty;
            if from.kind == TypeKind::Event || e.ty.kind == TypeKind::Event {
                Err(format!("Convert between {} and {}", type_tag(from), type_tag(e.ty)))
            } else {
                Ok(())
            }
        }
        ExprKind::Resolve { args, .. } => match args.iter().find(|&&a| d.exprs[a].ty != e.ty) {
            Some(&a) => Err(format!(
                "Resolve argument {a} type {} differs from result type {}",
                type_tag(d.exprs[a].ty),
                type_tag(e.ty)
            )),
            None => Ok(()),
        },
        ExprKind::Call { subr, args } => check_call(d, *subr, args, true),
        ExprKind::SysFunc { name, .. }
            if !SYS_FUNCS.contains(&name.as_str())
                && !crate::STRING_FUNCS.contains(&name.as_str())
                && !crate::STRENGTH_FUNCS.contains(&name.as_str())
                && !crate::CONTAINER_FUNCS.contains(&name.as_str()) =>
        {
            Err(format!("unknown system function {name}"))
        }
        ExprKind::SysFunc { .. } => Ok(()),
        ExprKind::ClassProp { handle, offset } => check_class_prop(d, *handle, *offset),
        ExprKind::ClassNew { src, .. } => check_class_new(d, e.ty, *src),
    };
    if let Err(msg) = result {
        sink.expr(id, msg);
    }
}

/// A class handle: 32-bit two-state unsigned integral.
fn is_class_handle(ty: Type) -> bool {
    ty == Type::bits(32, false)
}

fn check_class_prop(d: &Design, handle: ExprId, offset: u32) -> Result<(), String> {
    if !is_class_handle(d.exprs[handle].ty) {
        return Err(format!("ClassProp handle {handle} is not a 32-bit two-state handle"));
    }
    if !offset.is_multiple_of(8) {
        return Err(format!("ClassProp offset {offset} is not 8-aligned"));
    }
    Ok(())
}

fn check_class_new(d: &Design, ty: Type, src: Option<ExprId>) -> Result<(), String> {
    if !is_class_handle(ty) {
        return Err(format!("ClassNew has type {}, not a class handle", type_tag(ty)));
    }
    match src {
        Some(s) if !is_class_handle(d.exprs[s].ty) => Err(format!("ClassNew source {s} is not a class handle")),
        _ => Ok(()),
    }
}

fn check_const(ty: Type, c: &crate::Const) -> Result<(), String> {
    if ty.kind != TypeKind::Integral {
        return Err(format!("Const has non-integral type {}", type_tag(ty)));
    }
    if c.width != ty.width {
        return Err(format!("Const width {} differs from type width {}", c.width, ty.width));
    }
    match const_shape_error(c.width, &c.words) {
        Some(msg) => Err(format!("Const has {msg}")),
        None => Ok(()),
    }
}

fn check_signal_ref(d: &Design, ty: Type, s: SignalId, may_be_array: bool) -> Result<(), String> {
    let sig = &d.signals[s];
    if !sig.dims.is_empty() && !may_be_array {
        return Err(format!("Signal names array {s}; arrays are read through ArrayElem"));
    }
    if sig.ty != ty {
        return Err(format!("Signal type {} differs from {s}'s type {}", type_tag(ty), type_tag(sig.ty)));
    }
    Ok(())
}

fn check_array_elem(d: &Design, ty: Type, s: SignalId, indices: &[ExprId]) -> Result<(), String> {
    let sig = &d.signals[s];
    if sig.dims.is_empty() {
        return Err(format!("ArrayElem of {s}, which is not an array"));
    }
    if indices.len() != sig.dims.len() {
        return Err(format!("ArrayElem has {} indices for the {} dimensions of {s}", indices.len(), sig.dims.len()));
    }
    if let Some(&i) = indices.iter().find(|&&i| d.exprs[i].ty.kind != TypeKind::Integral) {
        return Err(format!("ArrayElem index {i} is not integral"));
    }
    if sig.ty != ty {
        let (have, want) = (type_tag(ty), type_tag(sig.ty));
        return Err(format!("ArrayElem type {have} differs from {s}'s element type {want}"));
    }
    Ok(())
}

fn check_select(d: &Design, ty: Type, base: ExprId, offset: ExprId, width: u32) -> Result<(), String> {
    if width != ty.width {
        return Err(format!("Select width {width} differs from type width {}", ty.width));
    }
    for (what, x) in [("base", base), ("offset", offset)] {
        if d.exprs[x].ty.kind != TypeKind::Integral {
            return Err(format!("Select {what} {x} is not integral"));
        }
    }
    if ty.kind != TypeKind::Integral {
        return Err(format!("Select has non-integral type {}", type_tag(ty)));
    }
    Ok(())
}

fn check_unary(ty: Type, op: UnOp, arg: Type) -> Result<(), String> {
    match op {
        UnOp::Neg | UnOp::BitNot => {
            if arg.width != ty.width {
                return Err(format!("{op:?} operand width {} differs from result width {}", arg.width, ty.width));
            }
            let real_ok = op == UnOp::Neg;
            same_kinds(&format!("{op:?}"), ty, &[arg], real_ok)
        }
        UnOp::LogNot => one_bit_result(&format!("{op:?}"), ty, &[arg], true),
        _ => one_bit_result(&format!("{op:?}"), ty, &[arg], false),
    }
}

fn check_binary(ty: Type, op: BinOp, l: Type, r: Type) -> Result<(), String> {
    use BinOp::*;
    let name = format!("{op:?}");
    match op {
        Add | Sub | Mul | Div | Mod | BitAnd | BitOr | BitXor | BitXnor => {
            if l.width != ty.width || r.width != ty.width {
                return Err(format!(
                    "{name} operand widths {} and {} differ from result width {}",
                    l.width, r.width, ty.width
                ));
            }
            same_kinds(&name, ty, &[l, r], matches!(op, Add | Sub | Mul | Div))
        }
        Pow => {
            if l.width != ty.width {
                return Err(format!("Pow lhs width {} differs from result width {}", l.width, ty.width));
            }
            same_kinds(&name, ty, &[l], true)?;
            if r.is_real() && !ty.is_real() {
                return Err("Pow has a real rhs but a non-real result".into());
            }
            not_event(&name, r)
        }
        Shl | Shr | AShr => {
            if l.width != ty.width {
                return Err(format!("{name} lhs width {} differs from result width {}", l.width, ty.width));
            }
            same_kinds(&name, ty, &[l], false)?;
            if r.kind != TypeKind::Integral {
                return Err(format!("{name} rhs is {}, not integral", kind_name(r.kind)));
            }
            if op == AShr && !ty.signed {
                return Err(format!("AShr on unsigned type {}", type_tag(ty)));
            }
            Ok(())
        }
        Eq | Ne | CaseEq | CaseNe | WildEq | WildNe | Lt | Le | Gt | Ge => {
            if l.width != r.width || l.signed != r.signed || l.kind != r.kind {
                return Err(format!(
                    "{name} operand types {} and {} differ in width, signedness or kind",
                    type_tag(l),
                    type_tag(r)
                ));
            }
            not_event(&name, l)?;
            if ty.width != 1 || ty.signed || ty.kind != TypeKind::Integral {
                return Err(format!("{name} result type {} is not 1-bit unsigned", type_tag(ty)));
            }
            Ok(())
        }
        LogAnd | LogOr => one_bit_result(&name, ty, &[l, r], true),
    }
}

/// Operands and result share one kind; `real_ok` says whether that kind may
/// be real (arithmetic) or must be integral (bitwise, `%`, shifts).
fn same_kinds(name: &str, ty: Type, operands: &[Type], real_ok: bool) -> Result<(), String> {
    let all = || std::iter::once(ty).chain(operands.iter().copied());
    let allowed = |k: TypeKind| k == TypeKind::Integral || (real_ok && k == TypeKind::Real);
    if all().all(|t| t.kind == ty.kind) && allowed(ty.kind) {
        return Ok(());
    }
    let kinds: Vec<&str> = operands.iter().map(|t| kind_name(t.kind)).collect();
    Err(format!("{name} operand kinds ({}) and result kind {} are inconsistent", kinds.join(", "), kind_name(ty.kind)))
}

fn not_event(name: &str, t: Type) -> Result<(), String> {
    if t.kind == TypeKind::Event {
        return Err(format!("{name} on an event operand"));
    }
    Ok(())
}

/// Logical and reduction operators: 1-bit integral result; reductions also
/// need integral operands.
fn one_bit_result(name: &str, ty: Type, operands: &[Type], real_ok: bool) -> Result<(), String> {
    if ty.width != 1 || ty.kind != TypeKind::Integral {
        return Err(format!("{name} result type {} is not 1-bit integral", type_tag(ty)));
    }
    for &t in operands {
        not_event(name, t)?;
        if t.is_real() && !real_ok {
            return Err(format!("{name} on a real operand"));
        }
    }
    Ok(())
}

fn check_cond(d: &Design, ty: Type, cond: ExprId, then_e: ExprId, else_e: ExprId) -> Result<(), String> {
    not_event("Cond", d.exprs[cond].ty)?;
    for (what, x) in [("then", then_e), ("else", else_e)] {
        let t = d.exprs[x].ty;
        if t != ty {
            let (have, want) = (type_tag(t), type_tag(ty));
            return Err(format!("Cond {what} branch {x} type {have} differs from result type {want}"));
        }
    }
    Ok(())
}

fn check_concat(d: &Design, ty: Type, parts: &[ExprId]) -> Result<(), String> {
    if ty.is_string() {
        return match parts.iter().find(|&&p| !d.exprs[p].ty.is_string()) {
            Some(p) => Err(format!("string Concat operand {p} is not a string")),
            None => Ok(()),
        };
    }
    if let Some(&p) = parts.iter().find(|&&p| d.exprs[p].ty.kind != TypeKind::Integral) {
        return Err(format!("Concat operand {p} is not integral"));
    }
    let sum: u64 = parts.iter().map(|&p| u64::from(d.exprs[p].ty.width)).sum();
    if sum != u64::from(ty.width) || ty.kind != TypeKind::Integral {
        return Err(format!("Concat type {} differs from the sum of operand widths {sum}", type_tag(ty)));
    }
    Ok(())
}

fn check_replicate(ty: Type, count: u32, arg: Type) -> Result<(), String> {
    if ty.is_string() {
        return if arg.is_string() { Ok(()) } else { Err("string Replicate of a non-string value".into()) };
    }
    if arg.kind != TypeKind::Integral || ty.kind != TypeKind::Integral {
        return Err("Replicate of a non-integral value".into());
    }
    let want = u64::from(count) * u64::from(arg.width);
    if want != u64::from(ty.width) {
        return Err(format!("Replicate width {} differs from {count} * {} = {want}", ty.width, arg.width));
    }
    Ok(())
}

/// Argument count and input argument types; lvalue-ness of output and inout
/// arguments is checked by the walk, which knows the process context.
fn check_call(d: &Design, subr: SubrId, args: &[ExprId], in_expr: bool) -> Result<(), String> {
    let f = &d.subrs[subr];
    if in_expr && f.kind == SubrKind::Task {
        return Err(format!("Call of task {subr} in an expression"));
    }
    if args.len() != f.formals.len() {
        return Err(format!("Call of {subr} has {} arguments for {} formals", args.len(), f.formals.len()));
    }
    for (i, (formal, &arg)) in f.formals.iter().zip(args).enumerate() {
        let (at, ft) = (d.exprs[arg].ty, d.signals[formal.sig].ty);
        if formal.dir == Dir::Input && (at.width != ft.width || at.kind != ft.kind) {
            return Err(format!(
                "Call of {subr} argument {i} ({arg}) type {} differs from formal {} type {}",
                type_tag(at),
                formal.sig,
                type_tag(ft)
            ));
        }
    }
    Ok(())
}

fn check_stmt(sink: &mut Sink, id: StmtId) {
    let d = sink.design;
    let ty = |e: ExprId| d.exprs[e].ty;
    let mut errors: Vec<String> = Vec::new();
    match &d.stmts[id].kind {
        StmtKind::Assign { lhs, rhs }
        | StmtKind::NonBlocking { lhs, rhs, .. }
        | StmtKind::AssignAfter { lhs, rhs, .. } => {
            let (l, r) = (ty(*lhs), ty(*rhs));
            if l.width != r.width || l.kind != r.kind {
                errors.push(format!(
                    "assignment rhs {rhs} type {} differs from lhs {lhs} type {}",
                    type_tag(r),
                    type_tag(l)
                ));
            }
        }
        StmtKind::Case { subject, arms, .. } => {
            let w = ty(*subject).width;
            for &label in arms.iter().flat_map(|a| &a.labels) {
                if ty(label).width != w {
                    errors.push(format!(
                        "Case label {label} width {} differs from subject {subject} width {w}",
                        ty(label).width
                    ));
                }
            }
        }
        StmtKind::Disable(DisableTarget::Block(target))
            if !matches!(d.stmts[*target].kind, StmtKind::Block { name: Some(_), .. }) =>
        {
            errors.push(format!("Disable target {target} is not a named Block"));
        }
        StmtKind::Trigger { event } if d.signals[*event].kind != SignalKind::Event => {
            errors.push(format!("Trigger of {event}, which is not an event"));
        }
        StmtKind::Call { subr, args } => errors.extend(check_call(d, *subr, args, false).err()),
        StmtKind::SysTask { name, args, .. } => errors.extend(check_sys_task(d, name, args)),
        _ => {}
    }
    if let Some(delay) = stmt_delay(&d.stmts[id].kind) {
        let t = ty(delay);
        if t.kind != TypeKind::Integral || t.width != 64 || t.signed {
            errors.push(format!("delay {delay} type {} is not unsigned 64-bit integral", type_tag(t)));
        }
    }
    for msg in errors {
        sink.stmt(id, msg);
    }
}

fn stmt_delay(kind: &StmtKind) -> Option<ExprId> {
    match kind {
        StmtKind::Delay { ticks } => Some(*ticks),
        StmtKind::NonBlocking { delay, .. } => *delay,
        StmtKind::AssignAfter { delay, .. } => Some(*delay),
        _ => None,
    }
}

fn check_sys_task(d: &Design, name: &str, args: &[Option<ExprId>]) -> Option<String> {
    if !SYS_TASKS.contains(&name) {
        return Some(format!("unknown system task {name}"));
    }
    if !is_memory_task(name) {
        return None;
    }
    let is_array = match args.get(1) {
        Some(Some(mem)) => match d.exprs[*mem].kind {
            ExprKind::Signal(s) => !d.signals[s].dims.is_empty(),
            _ => false,
        },
        _ => false,
    };
    (!is_array).then(|| format!("{name} memory argument is not a Signal of an array"))
}

// ---------------------------------------------------------------- phase 2: context walk

/// What a statement tree may do, given the process or subroutine it is in.
struct Ctx {
    /// Continuous assignments (and only they) drive nets.
    nets_writable: bool,
    /// The subroutine whose automatic variables are in reach.
    subr: Option<SubrId>,
    /// `p3` or `f1`, for messages.
    root: String,
}

/// Walks one process or subroutine body: lvalues and automatic storage.
fn walk(sink: &mut Sink, body: StmtId, ctx: &Ctx) {
    let d = sink.design;
    let mut seen_stmts = HashSet::new();
    let mut seen_exprs = HashSet::new();
    let mut stack = vec![body];
    while let Some(id) = stack.pop() {
        if !seen_stmts.insert(id) {
            continue;
        }
        let kind = &d.stmts[id].kind;
        for lhs in written_lvalues(d, kind) {
            if let Err(msg) = check_lvalue(d, lhs, ctx.nets_writable) {
                sink.stmt(id, msg);
            }
        }
        check_automatic_refs(sink, &stmt_refs(kind).signals, ctx, Entity::Stmt(id));
        for e in stmt_refs(kind).exprs {
            walk_expr(sink, e, ctx, &mut seen_exprs);
        }
        stack.extend(kind.children().into_iter().rev());
    }
}

/// Expressions a statement writes: assignment targets, and output or inout
/// arguments of a task or function call.
fn written_lvalues(d: &Design, kind: &StmtKind) -> Vec<ExprId> {
    match kind {
        StmtKind::Assign { lhs, .. } | StmtKind::NonBlocking { lhs, .. } | StmtKind::AssignAfter { lhs, .. } => {
            vec![*lhs]
        }
        StmtKind::Call { subr, args } => output_args(d, *subr, args),
        _ => Vec::new(),
    }
}

fn output_args(d: &Design, subr: SubrId, args: &[ExprId]) -> Vec<ExprId> {
    let formals = &d.subrs[subr].formals;
    formals.iter().zip(args).filter(|(f, _)| f.dir != Dir::Input).map(|(_, &a)| a).collect()
}

fn walk_expr(sink: &mut Sink, root: ExprId, ctx: &Ctx, seen: &mut HashSet<ExprId>) {
    let d = sink.design;
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        let kind = &d.exprs[id].kind;
        if let ExprKind::Call { subr, args } = kind {
            for lhs in output_args(d, *subr, args) {
                if let Err(msg) = check_lvalue(d, lhs, ctx.nets_writable) {
                    sink.expr(id, msg);
                }
            }
        }
        let refs = expr_refs(kind);
        check_automatic_refs(sink, &refs.signals, ctx, Entity::Expr(id));
        stack.extend(refs.exprs);
    }
}

fn check_automatic_refs(sink: &mut Sink, signals: &[SignalId], ctx: &Ctx, owner: Entity) {
    let d = sink.design;
    for &s in signals {
        if let Storage::Automatic(f) = d.signals[s].storage {
            if ctx.subr != Some(f) {
                let span = match owner {
                    Entity::Expr(e) => d.exprs[e].span,
                    Entity::Stmt(st) => d.stmts[st].span,
                    _ => Span::default(),
                };
                let msg = format!("automatic {s} of {f} referenced from {}", ctx.root);
                sink.push(owner, span, msg);
            }
        }
    }
}

/// `Signal`, `ArrayElem`, `ClassProp`, `Select` of an lvalue or `Concat` of lvalues,
/// writing variables and events (and nets only where `nets_writable`).
fn check_lvalue(d: &Design, root: ExprId, nets_writable: bool) -> Result<(), String> {
    let mut stack = vec![root];
    while let Some(e) = stack.pop() {
        let sig = match &d.exprs[e].kind {
            ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } => *s,
            ExprKind::Select { base, .. } => {
                stack.push(*base);
                continue;
            }
            ExprKind::Concat(parts) => {
                stack.extend(parts);
                continue;
            }
            ExprKind::ClassProp { .. } => continue,
            other => {
                let what = crate::print::expr_kind_name(other);
                return Err(format!("lvalue {root} contains {e} ({what}), which is not assignable"));
            }
        };
        if matches!(d.signals[sig].kind, SignalKind::Net(_)) && !nets_writable {
            return Err(format!("lvalue {root} writes net {sig} outside a continuous assignment"));
        }
    }
    Ok(())
}
