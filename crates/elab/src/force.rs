//! Procedural continuous assignments (IEEE 1364-2005 9.3): `force`/`release`
//! on variables and nets, `assign`/`deassign` on variables, on whole signals,
//! array elements with constant indices, and constant bit/part selects of
//! those (also inside concatenations).
//!
//! Everything is lowered to ordinary IR, and only signals that are the target
//! of one of these statements pay for it. Each statement site becomes a
//! *site* of its target `S` (a signal or one array element; names merged by
//! port collapsing are one target): a constant slice of `S`, the value
//! expression, and a hidden mask (one bit per bit of the slice) of the bits
//! the site drives now; a later site, or a `release`/`deassign` of some
//! bits, clears those bits of the masks of the sites it overlaps. One
//! *compose* sequence computes what `S` must hold:
//!
//! ```text
//! tmp = S          (variable: it keeps its value)   | tmp = S$drv (net)
//! per assign site: tmp[slice] = value where mask    (variables only)
//! per force site:  tmp[slice] = value where mask    (force wins)
//! S = tmp
//! ```
//!
//! A fully active site writes its slice directly (so a forced `z` stays
//! `z`); a partly released one merges with `(value & m) | (old & ~m)`.
//!
//! It runs (a) right where a `force`/`release`/`assign`/`deassign` changes
//! the masks, so the effect is immediate; (b) in a hidden process, started
//! with the continuous assignments and woken by the masks, the operands of
//! every value expression (the "continuous" part) and `S` itself (variables;
//! the whole array for an element, so writes through a variable index are
//! undone too) or `S$drv` (nets); and (c) after every blocking procedural
//! write to a target variable, which is redirected into `tmp` first so
//! forced bits never see the written value.
//! A net's own drivers are moved onto the hidden net `S$drv` (resolved as
//! usual) and `S` itself becomes a variable only the code here writes, so
//! releasing a net gives it back its driven value at once and the IR rule
//! "only continuous assignments write nets" still holds.
//!
//! Nonblocking writes to a target variable go to a shadow `S$nba` (kept
//! equal to `S` by every compose) with its own hidden process composing
//! `S` from it. Other writes (task outputs, `$readmem`...) land in `S` and
//! the hidden process, woken by `S`, puts forced bits back in the same time
//! step (one delta of glitch).
//!
//! Limits (reported as E0304 by name): variable-index selects and array
//! elements as targets, automatic variables as targets or in the value.

use std::collections::{HashMap, HashSet};

use wsim_diag::Span;
use wsim_ir::{Const, Edge, Event, ExprId, ExprKind, ProcKind, Process, SignalId, SignalKind, StmtId, StmtKind, Type};
use wsim_syntax::ast;

use crate::ctx::{Elab, LexId};

/// Per-design state of procedural continuous assignments.
#[derive(Default)]
pub struct ForceState {
    targets: Vec<Target>,
    by_place: HashMap<Place, usize>,
    /// Statement placeholders (empty blocks) filled in by [`Elab::finish_force`].
    pending: Vec<(StmtId, Action)>,
    /// While finishing: per original target, its merged index and the
    /// offset of its sites there; and the port-collapsing aliases.
    remap: Vec<(usize, usize)>,
    alias: HashMap<SignalId, SignalId>,
}

struct Target {
    place: Place,
    sites: Vec<Site>,
}

struct Site {
    force: bool,
    real: bool,
    lo: u32,
    width: u32,
    value: ExprId,
    /// Which bits of the slice the site drives now (1 bit for a real).
    mask: SignalId,
}

impl Site {
    fn mask_width(&self) -> u32 {
        if self.real {
            1
        } else {
            self.width
        }
    }
    fn overlaps(&self, lo: u32, width: u32) -> bool {
        self.lo < lo + width && lo < self.lo + self.width
    }
}

enum Action {
    /// Activate site `site` of target `target`.
    Enable { target: usize, site: usize },
    /// `release`/`deassign` of bits `lo..lo+width` of `sig`.
    Disable { place: Place, lo: u32, width: u32, force: bool },
}

/// What a site drives: a whole signal, or one element of an unpacked array
/// (constant zero-based indices).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Place {
    sig: SignalId,
    elem: Option<Vec<u64>>,
}

/// One slice an lvalue names: `(place, lo, width, lo in the rhs)`.
type Part = (Place, u32, u32, u32);

impl<'a> Elab<'a> {
    /// Lower `assign`/`deassign`/`force`/`release` at statement level: an
    /// empty block now, filled once every site of the design is known.
    pub fn lower_proc_cont(
        &mut self,
        lex: LexId,
        op: ast::ProcContOp,
        lhs: &'a ast::Expr,
        rhs: Option<&'a ast::Expr>,
        span: Span,
    ) -> StmtId {
        let placeholder = self.stmt(StmtKind::Block { stmts: vec![], name: None }, span);
        let Some((l, ldt)) = self.emit_lvalue(lex, lhs) else {
            return placeholder;
        };
        let force = matches!(op, ast::ProcContOp::Force | ast::ProcContOp::Release);
        let what = match op {
            ast::ProcContOp::Assign => "procedural assign",
            ast::ProcContOp::Deassign => "deassign",
            ast::ProcContOp::Force => "force",
            ast::ProcContOp::Release => "release",
        };
        let Some(parts) = self.proc_cont_parts(l, force, what, span) else {
            return placeholder;
        };
        match rhs {
            Some(rhs) => {
                let value = self.emit_rvalue_dt(lex, rhs, &ldt);
                if self.reads_automatic(value) {
                    self.unsupported(&format!("a {what} value that reads an automatic variable"), rhs.span);
                    return placeholder;
                }
                let whole = parts.len() == 1 && self.d.exprs[l].ty.width == parts[0].2;
                let mut actions = Vec::new();
                for (place, lo, width, rlo) in parts {
                    let v = if whole { value } else { self.const_select(value, rlo, width, span) };
                    actions.push(self.add_site(lex, place, force, lo, width, v, span));
                }
                self.placeholders(placeholder, actions, span)
            }
            None => {
                let actions =
                    parts.into_iter().map(|(place, lo, width, _)| Action::Disable { place, lo, width, force });
                let actions: Vec<_> = actions.collect();
                self.placeholders(placeholder, actions, span)
            }
        }
    }

    /// One placeholder block per action, inside `outer`.
    fn placeholders(&mut self, outer: StmtId, actions: Vec<Action>, span: Span) -> StmtId {
        let mut inner = Vec::new();
        for a in actions {
            let b = self.stmt(StmtKind::Block { stmts: vec![], name: None }, span);
            self.force.pending.push((b, a));
            inner.push(b);
        }
        self.d.stmts[outer].kind = StmtKind::Block { stmts: inner, name: None };
        outer
    }

    /// The signal slices an lvalue covers, or `None` after reporting what
    /// cannot be a target.
    fn proc_cont_parts(&mut self, l: ExprId, force: bool, what: &str, span: Span) -> Option<Vec<Part>> {
        let mut parts = Vec::new();
        self.collect_parts(l, 0, &mut parts, what, span)?;
        for (place, ..) in &parts {
            let sig = place.sig;
            if !force && self.is_net(sig).is_some() {
                let name = self.d.signals[sig].name.clone();
                self.error(
                    wsim_diag::codes::elab::BAD_ASSIGN_TARGET,
                    span,
                    format!("procedural assign to net `{name}` (use force, or declare it as a variable)"),
                );
                return None;
            }
            if matches!(self.d.signals[sig].storage, wsim_ir::Storage::Automatic(_)) {
                self.unsupported(&format!("{what} of an automatic variable"), span);
                return None;
            }
        }
        Some(parts)
    }

    fn collect_parts(&mut self, e: ExprId, rlo: u32, out: &mut Vec<Part>, what: &str, span: Span) -> Option<()> {
        match self.d.exprs[e].kind.clone() {
            ExprKind::Signal(s) if self.d.signals[s].dims.is_empty() => {
                out.push((Place { sig: s, elem: None }, 0, self.d.signals[s].ty.width, rlo));
            }
            ExprKind::ArrayElem { .. } => {
                let Some(place) = self.element_place(e, what, span)? else {
                    return Some(()); // out of range or X index: drives nothing
                };
                let w = self.d.signals[place.sig].ty.width;
                out.push((place, 0, w, rlo));
            }
            ExprKind::Select { base, offset, width } => {
                let place = match self.d.exprs[base].kind {
                    ExprKind::Signal(s) => Place { sig: s, elem: None },
                    ExprKind::ArrayElem { .. } => match self.element_place(base, what, span)? {
                        Some(p) => p,
                        None => return Some(()),
                    },
                    _ => {
                        self.unsupported(&format!("{what} of this select"), span);
                        return None;
                    }
                };
                let s = place.sig;
                let off = match &self.d.exprs[offset].kind {
                    ExprKind::Const(c) => c.to_u64(),
                    _ => None,
                };
                let Some(off) = off else {
                    self.unsupported(&format!("{what} of a variable-index bit or part select"), span);
                    return None;
                };
                let sw = self.d.signals[s].ty.width as u64;
                if off >= sw {
                    return Some(()); // wholly out of range: nothing to drive
                }
                let width = width.min((sw - off) as u32);
                out.push((place, off as u32, width, rlo));
            }
            ExprKind::Concat(items) => {
                let mut lo = rlo;
                for &p in items.iter().rev() {
                    self.collect_parts(p, lo, out, what, span)?;
                    lo += self.d.exprs[p].ty.width;
                }
            }
            _ => {
                self.unsupported(&format!("{what} of this expression"), span);
                return None;
            }
        }
        Some(())
    }

    /// The place of an array element with constant indices: `Some(None)`
    /// when an index is out of range or X/Z (IEEE 1364-2005 5.2.2: such a
    /// write does nothing), `None` after reporting a variable index.
    fn element_place(&mut self, e: ExprId, what: &str, span: Span) -> Option<Option<Place>> {
        let ExprKind::ArrayElem { sig, indices } = self.d.exprs[e].kind.clone() else {
            return Some(None);
        };
        let mut elem = Vec::new();
        for (i, &ix) in indices.iter().enumerate() {
            let ExprKind::Const(c) = &self.d.exprs[ix].kind else {
                self.unsupported(&format!("{what} of an array element with a variable index"), span);
                return None;
            };
            match c.to_u64() {
                Some(v) if v < self.d.signals[sig].dims.get(i).map_or(0, |d| d.size()) => elem.push(v),
                _ => return Some(None),
            }
        }
        Some(Some(Place { sig, elem: Some(elem) }))
    }

    /// `sig` or `sig[i]...` for a place.
    fn place_expr(&mut self, place: &Place, span: Span) -> ExprId {
        match &place.elem {
            None => self.signal_expr(place.sig, span),
            Some(elem) => {
                let indices = elem.iter().map(|&v| self.u64_const(v, span)).collect();
                let ty = self.d.signals[place.sig].ty;
                self.expr(ExprKind::ArrayElem { sig: place.sig, indices }, ty, span)
            }
        }
    }

    /// The place an lvalue leaf names when it is a whole signal or an
    /// element with constant indices.
    fn leaf_place(&self, e: ExprId) -> Option<Place> {
        match &self.d.exprs[e].kind {
            ExprKind::Signal(s) => Some(Place { sig: *s, elem: None }),
            ExprKind::ArrayElem { sig, indices } => {
                let elem: Option<Vec<u64>> = indices
                    .iter()
                    .map(|&ix| match &self.d.exprs[ix].kind {
                        ExprKind::Const(c) => c.to_u64(),
                        _ => None,
                    })
                    .collect();
                Some(Place { sig: *sig, elem: Some(elem?) })
            }
            _ => None,
        }
    }

    fn reads_automatic(&self, e: ExprId) -> bool {
        let k = &self.d.exprs[e].kind;
        let own = match k {
            ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } => {
                matches!(self.d.signals[*s].storage, wsim_ir::Storage::Automatic(_))
            }
            _ => false,
        };
        own || k.children().into_iter().any(|c| self.reads_automatic(c))
    }

    fn const_select(&mut self, base: ExprId, lo: u32, width: u32, span: Span) -> ExprId {
        let four_state = self.d.exprs[base].ty.four_state;
        let offset = self.const_expr(Const::from_u64(32, false, lo as u64), false, span);
        let ty = Type { kind: wsim_ir::TypeKind::Integral, width, signed: false, four_state };
        self.expr(ExprKind::Select { base, offset, width }, ty, span)
    }

    #[allow(clippy::too_many_arguments)]
    fn add_site(
        &mut self,
        lex: LexId,
        place: Place,
        force: bool,
        lo: u32,
        width: u32,
        value: ExprId,
        span: Span,
    ) -> Action {
        let sig = place.sig;
        let target = match self.force.by_place.get(&place) {
            Some(&t) => t,
            None => {
                self.force.targets.push(Target { place: place.clone(), sites: Vec::new() });
                self.force.by_place.insert(place, self.force.targets.len() - 1);
                self.force.targets.len() - 1
            }
        };
        let lex = self.static_lex(lex);
        let name = format!("{}${}", self.d.signals[sig].name, if force { "force" } else { "assign" });
        let sty = self.d.signals[sig].ty;
        let real = sty.kind != wsim_ir::TypeKind::Integral;
        let mask_w = if real { 1 } else { width };
        let mask_ty =
            Type { kind: wsim_ir::TypeKind::Integral, width: mask_w, signed: false, four_state: sty.four_state };
        let mask_dt = crate::types::DataTy::from_ir(mask_ty);
        let init = Some(Const::zero(mask_w, false));
        let mask = self.add_signal(lex, &name, &mask_dt, vec![], SignalKind::Var, init, true, span);
        let sites = &mut self.force.targets[target].sites;
        sites.push(Site { force, real, lo, width, value, mask });
        Action::Enable { target, site: sites.len() - 1 }
    }

    /// Hidden signals must be static even when the statement sits in an
    /// automatic task: use the nearest enclosing lexical scope outside
    /// any subroutine.
    fn static_lex(&self, mut lex: LexId) -> LexId {
        while self.lex[lex].subr.is_some() {
            match self.lex[lex].parent {
                Some(p) => lex = p,
                None => return self.unit_lex,
            }
        }
        lex
    }

    // ------------------------------------------------------------ post-pass

    /// Build every compose sequence, the hidden processes, and redirect net
    /// drivers and blocking writes of target variables. Runs after
    /// `collapse_ports` and before `resolve_drivers`.
    pub fn finish_force(&mut self) {
        if self.force.targets.is_empty() && self.force.pending.is_empty() {
            return;
        }
        let user_stmts = self.d.stmts.len();
        let nba_written = self.nonblocking_roots(user_stmts);
        let targets = self.merge_aliased_targets();
        // Before any array turns into a variable (several of its elements
        // may be targets).
        let kinds: Vec<SignalKind> = targets.iter().map(|t| self.d.signals[t.place.sig].kind).collect();
        let mut lowered = Vec::new();
        for (t, kind) in targets.into_iter().zip(kinds) {
            let shadow = nba_written.contains(&t.place);
            lowered.push(self.prepare_target(t, kind, shadow, user_stmts));
        }
        let pending = std::mem::take(&mut self.force.pending);
        let pending = self.canonical_actions(pending);
        for (stmt, action) in pending {
            let body = self.action_stmts(&lowered, action);
            self.d.stmts[stmt].kind = StmtKind::Block { stmts: body, name: None };
        }
        self.redirect_blocking_writes(&lowered, user_stmts);
        self.redirect_nonblocking_writes(&lowered, user_stmts);
        for t in &lowered {
            self.arbiter_process(t, None);
            if let Some(nb) = t.nb {
                self.arbiter_process(t, Some(nb));
            }
        }
    }

    /// Signals some `force`/`assign` targets (port collapsing leaves them
    /// alone where it would change what the target names).
    pub fn forced_signals(&self) -> Vec<SignalId> {
        self.force.targets.iter().map(|t| t.place.sig).collect()
    }

    /// Port collapsing made some signals other names of one net
    /// (`Design::aliases`): forcing any of the names forces that net (as in
    /// Icarus), so their targets merge. Fills `force.remap` for the
    /// pending actions.
    fn merge_aliased_targets(&mut self) -> Vec<Target> {
        let alias: HashMap<SignalId, SignalId> = self.d.aliases.iter().copied().collect();
        let mut merged: Vec<Target> = Vec::new();
        let mut index: HashMap<Place, usize> = HashMap::new();
        for t in std::mem::take(&mut self.force.targets) {
            let place = Place { sig: alias.get(&t.place.sig).copied().unwrap_or(t.place.sig), elem: t.place.elem };
            let i = *index.entry(place.clone()).or_insert_with(|| {
                merged.push(Target { place, sites: Vec::new() });
                merged.len() - 1
            });
            self.force.remap.push((i, merged[i].sites.len()));
            merged[i].sites.extend(t.sites);
        }
        self.force.alias = alias;
        merged
    }

    fn canonical_actions(&mut self, pending: Vec<(StmtId, Action)>) -> Vec<(StmtId, Action)> {
        let remap = std::mem::take(&mut self.force.remap);
        let alias = std::mem::take(&mut self.force.alias);
        let fix = |a: Action| match a {
            Action::Enable { target, site } => Action::Enable { target: remap[target].0, site: remap[target].1 + site },
            Action::Disable { place, lo, width, force } => {
                let sig = alias.get(&place.sig).copied().unwrap_or(place.sig);
                Action::Disable { place: Place { sig, elem: place.elem }, lo, width, force }
            }
        };
        pending.into_iter().map(|(st, a)| (st, fix(a))).collect()
    }

    /// Root signals of the nonblocking assignments among the user's statements.
    fn nonblocking_roots(&self, user_stmts: usize) -> HashSet<Place> {
        let mut out = HashSet::new();
        for raw in 0..user_stmts {
            if let StmtKind::NonBlocking { lhs, .. } = self.d.stmts[StmtId::from_raw(raw as u32)].kind {
                self.lvalue_places(lhs, &mut out);
            }
        }
        out
    }

    fn prepare_target(&mut self, t: Target, kind: SignalKind, shadow: bool, user_stmts: usize) -> Lowered {
        let net = matches!(kind, SignalKind::Net(_));
        let sig = self.d.signals[t.place.sig].clone();
        let lex = self.lex_of_signal(t.place.sig);
        let tmp = self.hidden_var(lex, &sig.name, sig.ty, sig.span);
        let drv = match (net, &t.place.elem) {
            (false, _) => None,
            (true, None) => Some(self.move_net_drivers(t.place.sig, lex)),
            (true, Some(_)) => Some(self.move_element_drivers(&t.place, kind, lex, user_stmts)),
        };
        let nb = (shadow && drv.is_none() && t.place.elem.is_none()).then(|| {
            let dt = self.sig_ty[t.place.sig.index()].clone();
            let name = format!("{}$nba", sig.name);
            self.add_signal(lex, &name, &dt, vec![], SignalKind::Var, sig.init.clone(), true, sig.span)
        });
        Lowered { sig: t.place.sig, place: t.place, sites: t.sites, tmp, drv, nb }
    }

    /// An element of a net array: its continuous drivers (which write it
    /// with constant indices) now write a hidden net; the array becomes a
    /// variable the other elements' drivers and the hidden process write.
    fn move_element_drivers(&mut self, place: &Place, kind: SignalKind, lex: LexId, user_stmts: usize) -> SignalId {
        let sig = self.d.signals[place.sig].clone();
        let dt = self.sig_ty[place.sig.index()].clone();
        let name = format!("{}$drv", sig.name);
        let init = sig.ty.four_state.then(|| Const::all_z(sig.ty.width, sig.ty.signed));
        let drv = self.add_signal(lex, &name, &dt, vec![], kind, init, true, sig.span);
        for raw in 0..user_stmts {
            let (StmtKind::Assign { lhs, .. } | StmtKind::AssignAfter { lhs, .. }) =
                self.d.stmts[StmtId::from_raw(raw as u32)].kind
            else {
                continue;
            };
            let mut leaves = Vec::new();
            self.lvalue_leaves(lhs, &mut leaves);
            for leaf in leaves {
                if self.leaf_place(leaf).as_ref() == Some(place) {
                    self.d.exprs[leaf].kind = ExprKind::Signal(drv);
                }
            }
        }
        self.d.signals[place.sig].kind = SignalKind::Var;
        drv
    }

    /// The `Signal`/`ArrayElem` nodes an lvalue writes.
    pub fn lvalue_leaves(&self, e: ExprId, out: &mut Vec<ExprId>) {
        match &self.d.exprs[e].kind {
            ExprKind::Signal(_) | ExprKind::ArrayElem { .. } => out.push(e),
            ExprKind::Select { base, .. } => self.lvalue_leaves(*base, out),
            ExprKind::Concat(parts) => {
                for &p in parts {
                    self.lvalue_leaves(p, out);
                }
            }
            _ => {}
        }
    }

    fn lex_of_signal(&self, sig: SignalId) -> LexId {
        let scope = self.d.signals[sig].scope;
        let found = self.lex.iter().position(|l| l.scope == scope && l.subr.is_none());
        found.unwrap_or(self.unit_lex)
    }

    /// Give net `net`'s drivers to a new hidden net of the same kind; the
    /// hidden process becomes `net`'s only writer.
    fn move_net_drivers(&mut self, net: SignalId, lex: LexId) -> SignalId {
        let sig = self.d.signals[net].clone();
        let dt = self.sig_ty[net.index()].clone();
        let name = format!("{}$drv", sig.name);
        let drv = self.add_signal(lex, &name, &dt, vec![], sig.kind, sig.init.clone(), true, sig.span);
        let driven = self.drivers.contains_key(&net);
        if let Some(ds) = self.drivers.remove(&net) {
            for d in &ds {
                self.d.exprs[d.lhs_node].kind = ExprKind::Signal(drv);
            }
            self.drivers.insert(drv, ds);
        }
        if let Some(p) = self.pulls.remove(&net) {
            self.pulls.insert(drv, p);
        }
        if let Some(p) = self.pull_bits.remove(&net) {
            self.pull_bits.insert(drv, p);
        }
        self.strength_forced(net, drv);
        // Before the hidden process first runs, a driven net reads X (what
        // its drivers compute from unset variables, without an event), an
        // undriven one Z.
        if sig.init.is_none() && sig.ty.four_state {
            let (w, signed) = (sig.ty.width, sig.ty.signed);
            let init = if driven { Const::all_x(w, signed) } else { Const::all_z(w, signed) };
            self.d.signals[net].init = Some(init);
        }
        // Procedural code (force/release) now writes it directly: it is a
        // variable from here on, and `drv` is the net.
        self.d.signals[net].kind = SignalKind::Var;
        drv
    }

    fn action_stmts(&mut self, lowered: &[Lowered], action: Action) -> Vec<StmtId> {
        let (t, force, lo, width, own) = match action {
            Action::Enable { target, site } => {
                let t = &lowered[target];
                let s = &t.sites[site];
                (t, s.force, s.lo, s.width, Some(site))
            }
            Action::Disable { place, lo, width, force } => match lowered.iter().find(|t| t.place == place) {
                Some(t) => (t, force, lo, width, None),
                None => return vec![], // never forced/assigned: nothing to undo
            },
        };
        let span = self.d.signals[t.sig].span;
        let mut out = Vec::new();
        // A newer site replaces older ones of its kind on the bits it
        // covers; a release/deassign ends them there.
        for (i, s) in t.sites.iter().enumerate() {
            if Some(i) == own || s.force != force || !s.overlaps(lo, width) {
                continue;
            }
            out.push(self.clear_mask_bits(s, lo, width, span));
        }
        if let Some(i) = own {
            let s = &t.sites[i];
            let ones = crate::literal::fill('1', s.mask_width());
            out.push(self.set_mask(s, ones, span));
        }
        out.extend(self.compose(t, true));
        out
    }

    /// `mask &= ~bits` for the bits `lo..lo+width` of the signal.
    fn clear_mask_bits(&mut self, s: &Site, lo: u32, width: u32, span: Span) -> StmtId {
        if s.real {
            return self.set_mask(s, Const::zero(1, false), span);
        }
        let mut keep = crate::literal::fill('1', s.width);
        let from = lo.max(s.lo) - s.lo;
        let to = (lo + width).min(s.lo + s.width) - s.lo;
        for b in from..to {
            let limb = (b / 64) as usize;
            keep.words[limb] &= !(1u64 << (b % 64));
        }
        let ty = self.d.signals[s.mask].ty;
        let m = self.signal_expr(s.mask, span);
        let k = self.const_expr(keep, ty.four_state, span);
        let rhs = self.expr(ExprKind::Binary { op: wsim_ir::BinOp::BitAnd, lhs: m, rhs: k }, ty, span);
        let lhs = self.signal_expr(s.mask, span);
        self.stmt(StmtKind::Assign { lhs, rhs }, span)
    }

    fn set_mask(&mut self, s: &Site, value: Const, span: Span) -> StmtId {
        let four_state = self.d.signals[s.mask].ty.four_state;
        let lhs = self.signal_expr(s.mask, span);
        let rhs = self.const_expr(value, four_state, span);
        self.stmt(StmtKind::Assign { lhs, rhs }, span)
    }

    /// The compose sequence of `t` (see the module doc); `from_base` loads
    /// `tmp` first (otherwise the caller already did).
    fn compose(&mut self, t: &Lowered, from_base: bool) -> Vec<StmtId> {
        let span = self.d.signals[t.sig].span;
        let mut out = Vec::new();
        if from_base {
            let lhs = self.signal_expr(t.tmp, span);
            let rhs = match t.drv {
                Some(drv) => self.signal_expr(drv, span),
                None => self.place_expr(&t.place, span),
            };
            out.push(self.stmt(StmtKind::Assign { lhs, rhs }, span));
        }
        for force in [false, true] {
            for s in t.sites.iter().filter(|s| s.force == force) {
                let st = self.apply_site(t, s, span);
                out.push(st);
            }
        }
        let lhs = self.place_expr(&t.place, span);
        let rhs = self.signal_expr(t.tmp, span);
        out.push(self.stmt(StmtKind::Assign { lhs, rhs }, span));
        if let Some(nb) = t.nb {
            out.push(self.copy(nb, t.tmp, span));
        }
        out
    }

    /// `if (mask == '1) slice = value; else if (mask) slice = merge;`
    fn apply_site(&mut self, t: &Lowered, s: &Site, span: Span) -> StmtId {
        let whole = s.real || s.width == self.d.signals[t.sig].ty.width;
        let slice = |e: &mut Self| {
            let base = e.signal_expr(t.tmp, span);
            if whole {
                base
            } else {
                e.const_select(base, s.lo, s.width, span)
            }
        };
        let lhs = slice(self);
        let full = self.stmt(StmtKind::Assign { lhs, rhs: s.value }, span);
        let any = self.signal_expr(s.mask, span);
        if s.real || s.width == 1 {
            return self.stmt(StmtKind::If { cond: any, then_stmt: full, else_stmt: None }, span);
        }
        let mty = self.d.signals[s.mask].ty;
        let vty = self.d.exprs[s.value].ty;
        let m = self.signal_expr(s.mask, span);
        let ones = self.const_expr(crate::literal::fill('1', s.width), mty.four_state, span);
        let bit = Type { kind: wsim_ir::TypeKind::Integral, width: 1, signed: false, four_state: false };
        let all = self.expr(ExprKind::Binary { op: wsim_ir::BinOp::CaseEq, lhs: m, rhs: ones }, bit, span);
        // Partly active: value where the mask is 1, the old bits elsewhere.
        let ty = Type { signed: false, ..vty };
        let value = if vty.signed { self.coerce(s.value, ty) } else { s.value };
        let m = self.signal_expr(s.mask, span);
        let m = self.coerce(m, ty);
        let keep = self.expr(ExprKind::Unary { op: wsim_ir::UnOp::BitNot, arg: m }, ty, span);
        let old = slice(self);
        let old = self.coerce(old, ty);
        let new_bits = self.expr(ExprKind::Binary { op: wsim_ir::BinOp::BitAnd, lhs: value, rhs: m }, ty, span);
        let old_bits = self.expr(ExprKind::Binary { op: wsim_ir::BinOp::BitAnd, lhs: old, rhs: keep }, ty, span);
        let merged = self.expr(ExprKind::Binary { op: wsim_ir::BinOp::BitOr, lhs: new_bits, rhs: old_bits }, ty, span);
        let lhs = slice(self);
        let lty = self.d.exprs[lhs].ty;
        let merged = self.coerce(merged, lty);
        let part = self.stmt(StmtKind::Assign { lhs, rhs: merged }, span);
        let partial = self.stmt(StmtKind::If { cond: any, then_stmt: part, else_stmt: None }, span);
        self.stmt(StmtKind::If { cond: all, then_stmt: full, else_stmt: Some(partial) }, span)
    }

    fn copy(&mut self, to: SignalId, from: SignalId, span: Span) -> StmtId {
        let lhs = self.signal_expr(to, span);
        let rhs = self.signal_expr(from, span);
        self.stmt(StmtKind::Assign { lhs, rhs }, span)
    }

    /// `S... = rhs` on a target variable becomes
    /// `tmp = S; tmp... = rhs; <compose without base>`, so forced and
    /// assigned bits keep their value and watchers see one change.
    fn redirect_blocking_writes(&mut self, lowered: &[Lowered], user_stmts: usize) {
        let by_place: HashMap<Place, usize> =
            lowered.iter().enumerate().filter(|(_, t)| t.drv.is_none()).map(|(i, t)| (t.place.clone(), i)).collect();
        if by_place.is_empty() {
            return;
        }
        for raw in 0..user_stmts {
            let id = StmtId::from_raw(raw as u32);
            let StmtKind::Assign { lhs, rhs } = self.d.stmts[id].kind else {
                continue;
            };
            let mut places = HashSet::new();
            self.lvalue_places(lhs, &mut places);
            let mut hit: Vec<usize> = places.iter().filter_map(|p| by_place.get(p).copied()).collect();
            if hit.is_empty() {
                continue;
            }
            hit.sort();
            let span = self.d.stmts[id].span;
            let map: HashMap<Place, SignalId> =
                hit.iter().map(|&i| (lowered[i].place.clone(), lowered[i].tmp)).collect();
            let mut body = Vec::new();
            for &i in &hit {
                let tmp = self.signal_expr(lowered[i].tmp, span);
                let cur = self.place_expr(&lowered[i].place, span);
                body.push(self.stmt(StmtKind::Assign { lhs: tmp, rhs: cur }, span));
            }
            let new_lhs = self.retarget_lvalue(lhs, &map);
            body.push(self.stmt(StmtKind::Assign { lhs: new_lhs, rhs }, span));
            for &i in &hit {
                body.extend(self.compose(&lowered[i], false));
            }
            self.d.stmts[id].kind = StmtKind::Block { stmts: body, name: None };
        }
    }

    /// `S... <= rhs` on a target variable lands in its shadow `S$nba`
    /// (kept equal to `S`), whose own hidden process then composes `S`:
    /// forced bits never show the written value, not even for a delta.
    fn redirect_nonblocking_writes(&mut self, lowered: &[Lowered], user_stmts: usize) {
        let map: HashMap<Place, SignalId> = lowered.iter().filter_map(|t| Some((t.place.clone(), t.nb?))).collect();
        if map.is_empty() {
            return;
        }
        for raw in 0..user_stmts {
            let id = StmtId::from_raw(raw as u32);
            let StmtKind::NonBlocking { lhs, rhs, delay } = self.d.stmts[id].kind else {
                continue;
            };
            let mut places = HashSet::new();
            self.lvalue_places(lhs, &mut places);
            if places.iter().any(|p| map.contains_key(p)) {
                let lhs = self.retarget_lvalue(lhs, &map);
                self.d.stmts[id].kind = StmtKind::NonBlocking { lhs, rhs, delay };
            }
        }
    }

    /// The places (whole signals, constant-index elements) an lvalue writes.
    fn lvalue_places(&self, e: ExprId, out: &mut HashSet<Place>) {
        let mut leaves = Vec::new();
        self.lvalue_leaves(e, &mut leaves);
        out.extend(leaves.into_iter().filter_map(|l| self.leaf_place(l)));
    }

    /// A copy of lvalue `e` writing the places in `map` to their stand-ins.
    fn retarget_lvalue(&mut self, e: ExprId, map: &HashMap<Place, SignalId>) -> ExprId {
        let x = self.d.exprs[e].clone();
        let kind = match x.kind {
            ExprKind::Signal(_) | ExprKind::ArrayElem { .. } => match self.leaf_place(e).and_then(|p| map.get(&p)) {
                Some(&to) => ExprKind::Signal(to),
                None => return e,
            },
            ExprKind::Select { base, offset, width } => {
                ExprKind::Select { base: self.retarget_lvalue(base, map), offset, width }
            }
            ExprKind::Concat(parts) => ExprKind::Concat(parts.iter().map(|&p| self.retarget_lvalue(p, map)).collect()),
            _ => return e,
        };
        self.expr(kind, x.ty, x.span)
    }

    /// `forever begin <compose> @(...); end`, woken by the masks, the value
    /// operands and the place (`S`, the whole array of an element, or
    /// `S$drv`); with `shadow`, composing from `S$nba` and woken by it only.
    fn arbiter_process(&mut self, t: &Lowered, shadow: Option<SignalId>) {
        let sig = self.d.signals[t.sig].clone();
        let span = sig.span;
        let mut stmts = Vec::new();
        let watched = match shadow {
            Some(nb) => {
                stmts.push(self.copy(t.tmp, nb, span));
                stmts.extend(self.compose(t, false));
                vec![nb]
            }
            None => {
                stmts.extend(self.compose(t, true));
                let mut watched = vec![t.drv.unwrap_or(t.sig)];
                watched.extend(t.sites.iter().map(|s| s.mask));
                let mut subrs = HashSet::new();
                for s in &t.sites {
                    self.value_reads(s.value, &mut watched, &mut subrs);
                }
                watched
            }
        };
        let mut seen = HashSet::new();
        let watched: Vec<SignalId> =
            watched.into_iter().filter(|s| seen.insert(*s) && self.d.signals[*s].kind != SignalKind::Event).collect();
        let events = watched.into_iter().map(|s| Event { edge: Edge::Any, expr: self.signal_expr(s, span) }).collect();
        stmts.push(self.stmt(StmtKind::WaitEvent { events }, span));
        let body = self.stmt(StmtKind::Block { stmts, name: None }, span);
        // Started with the continuous assignments, so time-0 code already
        // sees a net's driven value through it.
        self.d.procs.push(Process { kind: ProcKind::ContAssign, body, scope: sig.scope, span });
    }

    fn value_reads(&self, e: ExprId, out: &mut Vec<SignalId>, subrs: &mut HashSet<wsim_ir::SubrId>) {
        let k = &self.d.exprs[e].kind;
        match k {
            ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } => out.push(*s),
            ExprKind::Call { subr, .. } if subrs.insert(*subr) => {
                // Reads inside the function body count too (like `@*`).
                let mut inner = Vec::new();
                self.stmt_signal_reads(self.d.subrs[*subr].body, &mut inner, subrs);
                let locals: HashSet<_> = self.d.subrs[*subr].locals.iter().copied().collect();
                out.extend(inner.into_iter().filter(|s| !locals.contains(s)));
            }
            _ => {}
        }
        for c in k.children() {
            self.value_reads(c, out, subrs);
        }
    }

    fn stmt_signal_reads(&self, st: StmtId, out: &mut Vec<SignalId>, subrs: &mut HashSet<wsim_ir::SubrId>) {
        let k = &self.d.stmts[st].kind;
        let (es, ss) = (k.exprs(), k.children());
        for e in es {
            self.value_reads(e, out, subrs);
        }
        for s in ss {
            self.stmt_signal_reads(s, out, subrs);
        }
    }
}

/// A target after the post-pass created its stand-ins.
struct Lowered {
    sig: SignalId,
    place: Place,
    sites: Vec<Site>,
    /// Where compose builds the new value.
    tmp: SignalId,
    /// Nets: the hidden net now holding the drivers' value.
    drv: Option<SignalId>,
    /// Variables written by nonblocking assignments: their shadow.
    nb: Option<SignalId>,
}

#[cfg(test)]
mod tests {
    use wsim_diag::SourceMap;
    use wsim_ir::{Design, SignalKind, StmtKind};

    use crate::{elaborate, ElabOptions};

    /// Elaborate `src`, which must be free of errors and satisfy the IR
    /// contract (elaboration's own checks and `wsim_ir::validate`).
    fn ok(src: &str) -> Design {
        let mut sm = SourceMap::new();
        let f = sm.add("t.v", src);
        let (toks, _) = wsim_syntax::preprocess(&mut sm, &[f], &Default::default(), &wsim_syntax::FsLoader);
        let (unit, _) = wsim_syntax::parse(&toks);
        let (d, diags) = elaborate(&unit, &ElabOptions::default());
        assert!(!diags.has_errors(), "{:?}", diags.list);
        let d = d.unwrap();
        let mut bad = crate::validate::check(&d);
        if let Err(errs) = wsim_ir::validate::validate(&d) {
            bad.extend(errs.iter().map(|e| e.to_string()));
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        d
    }

    fn signal<'d>(d: &'d Design, name: &str) -> &'d wsim_ir::Signal {
        d.signals.iter().map(|(_, s)| s).find(|s| s.name == name).unwrap_or_else(|| panic!("no signal {name}"))
    }

    #[test]
    fn only_targets_pay_for_force() {
        let d = ok("module t; reg [3:0] v, u, a; \
                    initial begin u = 1; v = 2; u <= 3; force v = a; #1 release v; assign u[0] = 1'b1; end endmodule");
        let hidden: Vec<&str> = d.signals.iter().filter(|(_, s)| s.hidden).map(|(_, s)| s.name.as_str()).collect();
        // v: a mask for its force site and a compose temporary; u: an
        // assign mask, a temporary and the shadow of its nonblocking write.
        assert_eq!(hidden.len(), 5, "{hidden:?}");
        assert!(hidden.iter().all(|n| n.starts_with("v$") || n.starts_with("u$")), "{hidden:?}");
        let d2 = ok("module t; reg [3:0] v, u, a; initial begin u = 1; v = 2; u <= 3; end endmodule");
        assert!(d2.signals.iter().all(|(_, s)| !s.hidden));
        // Without force, blocking writes stay plain assignments.
        let plain = d2.stmts.iter().filter(|(_, s)| matches!(s.kind, StmtKind::Assign { .. })).count();
        assert_eq!(plain, 2);
    }

    #[test]
    fn forced_net_hands_its_drivers_to_a_hidden_net() {
        let d = ok("module t; reg a, b; wire w; assign w = a; assign w = b; \
                    initial begin force w = 1'b0; #1 release w; end endmodule");
        assert_eq!(signal(&d, "w").kind, SignalKind::Var);
        assert!(matches!(signal(&d, "w$drv").kind, SignalKind::Net(_)));
        // The two drivers are resolved onto w$drv, not w.
        assert!(d.signals.iter().any(|(_, s)| s.name == "w$drv$drv0"));
    }

    #[test]
    fn array_elements_and_port_aliases_satisfy_the_ir_contract() {
        let d = ok("module c(input [1:0] i); endmodule \
                    module t; wire [1:0] n [0:1]; reg [1:0] m [0:1]; wire [1:0] p; c u(.i(p)); \
                    assign n[0] = 2'd1; assign n[1] = 2'd2; \
                    initial begin force n[1] = 2'd3; force m[0][1] = 1'b1; force u.i = 2'd0; \
                    m[0] = 2'd0; #1 release n[1]; release m[0]; release p; end endmodule");
        // One hidden net for the forced element; the array is now written
        // procedurally, so it is a variable.
        assert!(matches!(signal(&d, "n$drv").kind, SignalKind::Net(_)));
        assert_eq!(signal(&d, "n").kind, SignalKind::Var);
        // u.i is another name of p: one target, whose hidden net is p's.
        assert!(d.signals.iter().any(|(_, s)| s.name == "p$drv"));
        assert!(!d.signals.iter().any(|(_, s)| s.name == "i$drv"));
    }

    #[test]
    fn concat_targets_split_into_sites() {
        let d = ok("module t; reg [1:0] a; reg [2:0] b; initial begin assign {a, b[1:0]} = 4'b1001; deassign {a, b[1:0]}; end endmodule");
        assert_eq!(signal(&d, "a$assign").ty.width, 2);
        assert_eq!(signal(&d, "b$assign").ty.width, 2);
    }
}
