//! Walking a design: the children of an expression or statement, the roots
//! every live entity hangs from, which expression nodes are lvalues (written,
//! never read), and entity counts for `--dump-ir`.
//!
//! Passes rewrite expressions and statements *in place* (the handle stays,
//! its contents change) because a node may be referenced from several
//! places; anything a pass disconnects stays in its arena, unreachable, and
//! backends never see it. "Live" below means reachable from a process or a
//! subroutine body.

use std::collections::{HashMap, HashSet};

use wsim_ir::{Design, Dir, ExprId, ExprKind, SignalId, StmtId, StmtKind};

/// The body of every process and subroutine: everything live hangs from them.
pub fn root_stmts(d: &Design) -> Vec<StmtId> {
    d.procs.iter().map(|(_, p)| p.body).chain(d.subrs.iter().map(|(_, f)| f.body)).collect()
}

/// Which statements and expressions are reachable from [`root_stmts`].
pub struct Live {
    pub stmts: Vec<bool>,
    pub exprs: Vec<bool>,
}

impl Live {
    pub fn of(d: &Design) -> Live {
        Live::from_roots(d, &root_stmts(d))
    }

    /// What hangs from `roots` only (one process, say).
    pub fn from_roots(d: &Design, roots: &[StmtId]) -> Live {
        let mut live = Live { stmts: vec![false; d.stmts.len()], exprs: vec![false; d.exprs.len()] };
        let mut stmts = roots.to_vec();
        let mut exprs = Vec::new();
        while let Some(s) = stmts.pop() {
            if std::mem::replace(&mut live.stmts[s.index()], true) {
                continue;
            }
            let kind = &d.stmts[s].kind;
            stmts.extend(kind.children());
            exprs.extend(kind.exprs());
        }
        while let Some(e) = exprs.pop() {
            if std::mem::replace(&mut live.exprs[e.index()], true) {
                continue;
            }
            exprs.extend(d.exprs[e].kind.children());
        }
        live
    }

    /// The expressions under one statement tree, without arena-sized
    /// tables (for walking many small processes one by one).
    pub fn from_roots_sparse(d: &Design, root: StmtId) -> HashSet<ExprId> {
        let mut seen = HashSet::new();
        let mut stmts = vec![root];
        let mut exprs = Vec::new();
        while let Some(s) = stmts.pop() {
            let kind = &d.stmts[s].kind;
            stmts.extend(kind.children());
            exprs.extend(kind.exprs());
        }
        while let Some(e) = exprs.pop() {
            if seen.insert(e) {
                exprs.extend(d.exprs[e].kind.children());
            }
        }
        seen
    }

    /// Live expressions, in arena order.
    pub fn expr_ids(&self) -> impl Iterator<Item = ExprId> + '_ {
        self.exprs.iter().enumerate().filter(|(_, &l)| l).map(|(i, _)| ExprId::from_raw(i as u32))
    }

    /// Live statements, in arena order.
    pub fn stmt_ids(&self) -> impl Iterator<Item = StmtId> + '_ {
        self.stmts.iter().enumerate().filter(|(_, &l)| l).map(|(i, _)| StmtId::from_raw(i as u32))
    }
}

/// Sizes of a design as `--dump-ir` reports them after each pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Live expression nodes.
    pub exprs: usize,
    /// Live statements.
    pub stmts: usize,
    pub procs: usize,
    pub signals: usize,
}

impl Counts {
    pub fn of(d: &Design) -> Counts {
        let live = Live::of(d);
        Counts {
            exprs: live.exprs.iter().filter(|&&l| l).count(),
            stmts: live.stmts.iter().filter(|&&l| l).count(),
            procs: d.procs.len(),
            signals: d.signals.len(),
        }
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} exprs, {} stmts, {} processes, {} signals", self.exprs, self.stmts, self.procs, self.signals)
    }
}

/// System tasks whose arguments are only read as values (and printed):
/// every other task may write an argument or name a signal as a whole
/// (`$readmemh`'s memory, `$sformat`'s target, `$dumpvars`' signals), so
/// the passes leave those arguments alone.
pub fn task_only_reads_values(name: &str) -> bool {
    const PRINTERS: &[&str] = &["$display", "$write", "$strobe", "$fdisplay", "$fwrite", "$fstrobe"];
    let base = name.trim_end_matches(['b', 'h', 'o']);
    PRINTERS.contains(&base)
        || matches!(name, "$finish" | "$stop" | "$fatal" | "$error" | "$warning" | "$info" | "$fclose" | "$fflush")
}

/// The arguments a system task writes: `$sformat`/`$swrite`'s target and
/// the memory `$readmemh`/`$readmemb` fills.
pub fn task_written_args(name: &str, args: &[Option<ExprId>]) -> Vec<ExprId> {
    let index = match name {
        "$sformat" | "$swrite" => 0,
        "$readmemh" | "$readmemb" => 1,
        _ => return Vec::new(),
    };
    args.get(index).copied().flatten().into_iter().collect()
}

/// Expression nodes that stand for a storage location rather than a value:
/// assignment targets and everything structural under them (`Signal`,
/// `ArrayElem`, a `Select`'s base, a `Concat`'s parts), output arguments of
/// calls and system functions, and whole-signal arguments of system tasks
/// that are not plain value printers. Indices and offsets inside an lvalue
/// are values and are not in the set.
pub fn lvalue_nodes(d: &Design) -> HashSet<ExprId> {
    let mut roots = Vec::new();
    for (_, st) in d.stmts.iter() {
        match &st.kind {
            StmtKind::Assign { lhs, .. } | StmtKind::NonBlocking { lhs, .. } | StmtKind::AssignAfter { lhs, .. } => {
                roots.push(*lhs)
            }
            StmtKind::Call { subr, args } => roots.extend(output_args(d, *subr, args)),
            StmtKind::SysTask { name, args, .. } if !task_only_reads_values(name) => {
                roots.extend(args.iter().flatten().copied().filter(|&a| is_storage_shaped(d, a)))
            }
            _ => {}
        }
    }
    for (_, e) in d.exprs.iter() {
        match &e.kind {
            ExprKind::Call { subr, args } => roots.extend(output_args(d, *subr, args)),
            ExprKind::SysFunc { name, args, .. } => {
                let written = args.iter().enumerate().filter(|(i, _)| wsim_ir::sys_func_writes(name, *i));
                roots.extend(written.map(|(_, &a)| a));
            }
            _ => {}
        }
    }
    let mut set = HashSet::new();
    while let Some(e) = roots.pop() {
        if !set.insert(e) {
            continue;
        }
        match &d.exprs[e].kind {
            ExprKind::Select { base, .. } => roots.push(*base),
            ExprKind::Concat(parts) => roots.extend(parts.iter().copied()),
            _ => {}
        }
    }
    set
}

/// A `Signal`, `ArrayElem`, or a select or concatenation of them: what a
/// system task could treat as a location.
fn is_storage_shaped(d: &Design, e: ExprId) -> bool {
    match &d.exprs[e].kind {
        ExprKind::Signal(_) | ExprKind::ArrayElem { .. } => true,
        ExprKind::Select { base, .. } => is_storage_shaped(d, *base),
        ExprKind::Concat(parts) => parts.iter().all(|&p| is_storage_shaped(d, p)),
        _ => false,
    }
}

/// The arguments bound to output and inout formals (written after the call).
pub fn output_args(d: &Design, subr: wsim_ir::SubrId, args: &[ExprId]) -> Vec<ExprId> {
    let formals = &d.subrs[subr].formals;
    formals.iter().zip(args).filter(|(f, _)| f.dir != Dir::Input).map(|(_, &a)| a).collect()
}

/// The signal an lvalue node names (`Signal` or `ArrayElem`), if any.
pub fn named_signal(kind: &ExprKind) -> Option<SignalId> {
    match kind {
        ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } => Some(*s),
        _ => None,
    }
}

/// The signal of a plain event control, `@(sig)`: any change of a whole
/// signal.
pub fn any_change_signal(d: &Design, ev: &wsim_ir::Event) -> Option<SignalId> {
    match d.exprs[ev.expr].kind {
        ExprKind::Signal(s) if ev.edge == wsim_ir::Edge::Any => Some(s),
        _ => None,
    }
}

/// The signals an lvalue writes (through selects and concatenations).
pub fn lvalue_signals(d: &Design, lhs: ExprId) -> Vec<SignalId> {
    let mut out = Vec::new();
    let mut todo = vec![lhs];
    while let Some(e) = todo.pop() {
        match &d.exprs[e].kind {
            ExprKind::Select { base, .. } => todo.push(*base),
            ExprKind::Concat(parts) => todo.extend(parts.iter().copied()),
            k => out.extend(named_signal(k)),
        }
    }
    out
}

/// Signals named by aliases (`Design::aliases`, `element_aliases`,
/// `name_aliases`): waves and VPI show them under other names.
pub fn aliased_signals(d: &Design) -> HashSet<SignalId> {
    let pairs = d.aliases.iter().flat_map(|&(a, t)| [a, t]);
    let elements = d.element_aliases.iter().flat_map(|a| [a.alias, a.array]);
    pairs.chain(elements).chain(d.name_aliases.iter().map(|n| n.target)).collect()
}

/// How many places in live code may write each signal: assignment targets,
/// output arguments, signals handed whole to a system task, event triggers.
pub fn write_counts(d: &Design, live: &Live) -> HashMap<SignalId, usize> {
    let mut roots: Vec<ExprId> = Vec::new();
    let mut counts: HashMap<SignalId, usize> = HashMap::new();
    for s in live.stmt_ids() {
        match &d.stmts[s].kind {
            StmtKind::Assign { lhs, .. } | StmtKind::NonBlocking { lhs, .. } | StmtKind::AssignAfter { lhs, .. } => {
                roots.push(*lhs)
            }
            StmtKind::Call { subr, args } => roots.extend(output_args(d, *subr, args)),
            StmtKind::SysTask { name, args, .. } => roots.extend(task_written_args(name, args)),
            StmtKind::Trigger { event } => *counts.entry(*event).or_default() += 1,
            _ => {}
        }
    }
    for e in live.expr_ids() {
        match &d.exprs[e].kind {
            ExprKind::Call { subr, args } => roots.extend(output_args(d, *subr, args)),
            ExprKind::SysFunc { name, args, .. } => {
                let written = args.iter().enumerate().filter(|(i, _)| wsim_ir::sys_func_writes(name, *i));
                roots.extend(written.map(|(_, &a)| a));
            }
            _ => {}
        }
    }
    for s in roots.into_iter().flat_map(|root| lvalue_signals(d, root)) {
        *counts.entry(s).or_default() += 1;
    }
    counts
}

/// Reads that must keep naming the signal: lvalues, event expressions,
/// arguments of tasks that watch or take whole signals.
pub fn reads_to_keep(d: &Design, live: &Live) -> HashSet<ExprId> {
    let mut keep = lvalue_nodes(d);
    let mut subtrees = Vec::new();
    for s in live.stmt_ids() {
        match &d.stmts[s].kind {
            StmtKind::WaitEvent { .. } => subtrees.extend(d.stmts[s].kind.exprs()),
            StmtKind::SysTask { name, args, .. } if watches(name) || !task_only_reads_values(name) => {
                subtrees.extend(args.iter().flatten().copied())
            }
            _ => {}
        }
    }
    while let Some(e) = subtrees.pop() {
        if keep.insert(e) {
            subtrees.extend(d.exprs[e].kind.children());
        }
    }
    keep
}

/// `$monitor` and `$fmonitor` variants print again when an argument changes.
fn watches(name: &str) -> bool {
    name.starts_with("$monitor") || name.starts_with("$fmonitor")
}

/// The signals whose one write in live code is an undelayed continuous
/// assignment of the whole signal (`whole_assignment`), with the value it
/// assigns: scalar, static, named by no alias. (A second writer, a
/// `force`, a task output or `$readmem` would change them otherwise.)
pub fn sole_drivers(d: &Design, live: &Live) -> Vec<(SignalId, ExprId)> {
    let writes = write_counts(d, live);
    let aliased = aliased_signals(d);
    let continuous = d.procs.iter().filter(|(_, p)| p.kind == wsim_ir::ProcKind::ContAssign);
    let assigned = continuous.filter_map(|(_, p)| whole_assignment(d, p.body));
    assigned
        .filter(|&(sig, _)| {
            let s = &d.signals[sig];
            let plain = s.dims.is_empty() && s.storage == wsim_ir::Storage::Static && !aliased.contains(&sig);
            plain && writes.get(&sig) == Some(&1)
        })
        .collect()
}

/// `sig = value` when a continuous assignment's body is the usual
/// `[Assign, WaitEvent]` with a whole signal on the left and a value of
/// its type.
fn whole_assignment(d: &Design, body: StmtId) -> Option<(SignalId, ExprId)> {
    let StmtKind::Block { stmts, name: None } = &d.stmts[body].kind else { return None };
    let [assign, wait] = stmts.as_slice() else { return None };
    let StmtKind::Assign { lhs, rhs } = &d.stmts[*assign].kind else { return None };
    if !matches!(d.stmts[*wait].kind, StmtKind::WaitEvent { .. }) {
        return None;
    }
    let ExprKind::Signal(sig) = d.exprs[*lhs].kind else { return None };
    (d.exprs[*lhs].ty == d.exprs[*rhs].ty).then_some((sig, *rhs))
}
