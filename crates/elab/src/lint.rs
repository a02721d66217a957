//! The `-Wall` lint pass: warnings that are off by default
//! (`wsim_diag::codes::elab::OFF_BY_DEFAULT`), computed on the elaborated
//! design after elaboration. It only runs when the command line asks, so
//! a plain compile pays nothing for it.
//!
//! - `W0305` unused: a variable or net nothing reads (Verilator
//!   UNUSEDSIGNAL). Output ports count as read (the parent may use them).
//! - `W0306` undriven: a variable or net that is read but nothing assigns,
//!   drives or initialises (Verilator UNDRIVEN). Input ports count as
//!   driven; `$readmem*`, `$sformat`, `$swrite`, `$value$plusargs` and
//!   seed arguments count as writes; a declaration initialiser and
//!   `supply`/`tri0`/`tri1` nets count as drivers.
//! - `W0301` width truncation: an assignment (blocking, nonblocking,
//!   continuous, port connection) whose right-hand side is wider than its
//!   target. Elaboration sizes the right side to the wider of both and then
//!   converts it, so a narrowing `Convert` at the top of an assignment's
//!   right side is exactly a truncation. Unsized constants are measured by
//!   the bits their value needs, so `c <= c + 1` is quiet (as in Verilator);
//!   constants elaboration folded to the target width cannot be seen.
//!
//! Signals are judged per declaration: a declaration in a module with many
//! instances is reported once, and only if every instance's copy has the
//! problem. Subroutine formals and return variables, hidden signals,
//! events and port-collapse aliases are not judged.
//!
//! - `W0302` implicit net: a net elaboration created for an undeclared
//!   identifier (1364-2005 6.5). The IR does not mark them, but an implicit
//!   net's span is the identifier where it was used (an assignment target,
//!   a port connection, a gate terminal), while a declared signal's span is
//!   its declarator: so a signal whose span is one of those uses is exactly
//!   an implicit net (Verilator IMPLICIT).

use std::collections::{HashMap, HashSet};

use wsim_diag::codes::elab as codes;
use wsim_diag::{Diagnostic, Diagnostics, Span};
use wsim_ir::{
    Design, Dir, ExprId, ExprKind, NetKind, ScopeId, ScopeKind, SignalId, SignalKind, StmtId, StmtKind, TypeKind,
};
use wsim_syntax::ast;

/// Run every lint on `design` (elaborated from `unit`).
pub fn lint(unit: &ast::SourceUnit, design: &Design) -> Diagnostics {
    let mut usage = Usage::new(design);
    for (_, p) in design.procs.iter() {
        usage.stmt(p.body);
    }
    for (_, s) in design.subrs.iter() {
        usage.stmt(s.body);
    }
    usage.mark_ports(unit);
    let mut diags = Diagnostics::default();
    unused_and_undriven(design, &usage, &mut diags);
    truncations(design, &mut diags);
    implicit_nets(unit, design, &mut diags);
    // Source order, like every other stage's output.
    diags.list.sort_by_key(|d| d.span.map(|s| (s.file, s.start, s.end)));
    diags
}

// ---------------------------------------------------------------- usage

/// Which signals are read and which are written, over the whole design.
struct Usage<'d> {
    d: &'d Design,
    read: Vec<bool>,
    written: Vec<bool>,
}

impl<'d> Usage<'d> {
    fn new(d: &'d Design) -> Usage<'d> {
        Usage { d, read: vec![false; d.signals.len()], written: vec![false; d.signals.len()] }
    }

    fn stmt(&mut self, id: StmtId) {
        let d = self.d;
        match &d.stmts[id].kind {
            StmtKind::Block { stmts, .. } => stmts.iter().for_each(|&s| self.stmt(s)),
            StmtKind::Fork { branches, .. } => branches.iter().for_each(|&s| self.stmt(s)),
            StmtKind::Assign { lhs, rhs } => {
                self.lvalue(*lhs);
                self.read(*rhs);
            }
            StmtKind::NonBlocking { lhs, rhs, delay } => {
                self.lvalue(*lhs);
                self.read(*rhs);
                delay.iter().for_each(|&e| self.read(e));
            }
            StmtKind::AssignAfter { lhs, rhs, delay } => {
                self.lvalue(*lhs);
                self.read(*rhs);
                self.read(*delay);
            }
            StmtKind::If { cond, then_stmt, else_stmt } => {
                self.read(*cond);
                self.stmt(*then_stmt);
                else_stmt.iter().for_each(|&s| self.stmt(s));
            }
            StmtKind::Case { subject, arms, default, .. } => {
                self.read(*subject);
                for arm in arms {
                    arm.labels.iter().for_each(|&e| self.read(e));
                    self.stmt(arm.body);
                }
                default.iter().for_each(|&s| self.stmt(s));
            }
            StmtKind::Loop { cond, body, step } => {
                cond.iter().for_each(|&e| self.read(e));
                self.stmt(*body);
                step.iter().for_each(|&s| self.stmt(s));
            }
            StmtKind::DoWhile { body, cond } => {
                self.stmt(*body);
                self.read(*cond);
            }
            StmtKind::Repeat { count, body } => {
                self.read(*count);
                self.stmt(*body);
            }
            StmtKind::Delay { ticks } => self.read(*ticks),
            StmtKind::WaitEvent { events } => events.iter().for_each(|ev| self.read(ev.expr)),
            StmtKind::WaitCond { cond } => self.read(*cond),
            StmtKind::Trigger { event } => self.written[event.index()] = true,
            StmtKind::Call { subr, args } => self.call_args(*subr, args),
            StmtKind::SysTask { name, args, .. } => self.sys_task(name, args),
            StmtKind::Nop
            | StmtKind::Disable(_)
            | StmtKind::DisableFork
            | StmtKind::WaitFork
            | StmtKind::Return
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
    }

    /// A value expression: every signal in it is read.
    fn read(&mut self, id: ExprId) {
        let d = self.d;
        match &d.exprs[id].kind {
            ExprKind::Const(_) | ExprKind::RealConst(_) => {}
            ExprKind::Signal(s) => self.read[s.index()] = true,
            ExprKind::ArrayElem { sig, indices } => {
                self.read[sig.index()] = true;
                indices.iter().for_each(|&e| self.read(e));
            }
            ExprKind::Select { base, offset, .. } => {
                self.read(*base);
                self.read(*offset);
            }
            ExprKind::Unary { arg, .. } | ExprKind::Convert { arg } | ExprKind::Replicate { arg, .. } => {
                self.read(*arg)
            }
            ExprKind::Binary { lhs, rhs, .. } => {
                self.read(*lhs);
                self.read(*rhs);
            }
            ExprKind::Cond { cond, then_expr, else_expr } => {
                self.read(*cond);
                self.read(*then_expr);
                self.read(*else_expr);
            }
            ExprKind::Concat(items) | ExprKind::Resolve { args: items, .. } => items.iter().for_each(|&e| self.read(e)),
            ExprKind::Call { subr, args } => self.call_args(*subr, args),
            ExprKind::SysFunc { name, args, .. } => self.sys_func(name, args),
            ExprKind::ClassProp { handle, .. } => self.read(*handle),
            ExprKind::ClassNew { src, .. } => src.iter().for_each(|&e| self.read(e)),
        }
    }

    /// An lvalue: its signals are written, its indices and offsets read.
    fn lvalue(&mut self, id: ExprId) {
        let d = self.d;
        match &d.exprs[id].kind {
            ExprKind::Signal(s) => self.written[s.index()] = true,
            ExprKind::ArrayElem { sig, indices } => {
                self.written[sig.index()] = true;
                indices.iter().for_each(|&e| self.read(e));
            }
            ExprKind::Select { base, offset, .. } => {
                self.lvalue(*base);
                self.read(*offset);
            }
            ExprKind::Concat(items) => items.iter().for_each(|&e| self.lvalue(e)),
            ExprKind::ClassProp { handle, .. } => self.read(*handle),
            _ => self.read(id),
        }
    }

    /// Arguments match the formals: inputs are read, outputs written back.
    fn call_args(&mut self, subr: wsim_ir::SubrId, args: &[ExprId]) {
        let formals = &self.d.subrs[subr].formals;
        for (i, &arg) in args.iter().enumerate() {
            match formals.get(i).map(|f| f.dir) {
                Some(Dir::Output) => self.lvalue(arg),
                Some(Dir::Inout) => {
                    self.lvalue(arg);
                    self.read(arg);
                }
                Some(Dir::Input) | None => self.read(arg),
            }
        }
    }

    /// `$readmem*(file, mem, ...)` fills `mem`; `$sformat`/`$swrite` write
    /// their first argument; everything else only reads.
    fn sys_task(&mut self, name: &str, args: &[Option<ExprId>]) {
        let written_arg = match name {
            "$readmemh" | "$readmemb" => Some(1),
            "$sformat" | "$swrite" => Some(0),
            _ => None,
        };
        for (i, arg) in args.iter().enumerate() {
            let Some(arg) = *arg else { continue };
            if Some(i) == written_arg {
                self.lvalue(arg);
            } else {
                self.read(arg);
            }
        }
    }

    /// Seeds of `$random`/`$urandom`/`$dist_*` are read and updated;
    /// `$value$plusargs(fmt, var)` writes `var`.
    fn sys_func(&mut self, name: &str, args: &[ExprId]) {
        for (i, &arg) in args.iter().enumerate() {
            let seed = i == 0 && (matches!(name, "$random" | "$urandom") || name.starts_with("$dist_"));
            let plusarg_target = i == 1 && name == "$value$plusargs";
            if seed || plusarg_target || wsim_ir::sys_func_writes(name, i) {
                self.lvalue(arg);
            }
            if !plusarg_target {
                self.read(arg);
            }
        }
    }

    /// Module ports, judged as Verilator does, one module at a time: an
    /// input is driven from outside, an output is used outside.
    fn mark_ports(&mut self, unit: &ast::SourceUnit) {
        let modules: HashMap<&str, &ast::ModuleDecl> = unit
            .items
            .iter()
            .filter_map(|it| match it {
                ast::Item::Module(m) => Some((m.name.name.as_str(), m)),
                _ => None,
            })
            .collect();
        let mut port_dirs: HashMap<ScopeId, HashMap<String, ast::Direction>> = HashMap::new();
        for (id, scope) in self.d.scopes.iter() {
            if scope.kind == ScopeKind::Instance {
                if let Some(m) = modules.get(scope.def_name.as_str()) {
                    port_dirs.insert(id, port_directions(m));
                }
            }
        }
        for (id, sig) in self.d.signals.iter() {
            let Some(dir) = port_dirs.get(&sig.scope).and_then(|ports| ports.get(&sig.name)) else { continue };
            let (driven, used) = match dir {
                ast::Direction::Input => (true, false),
                ast::Direction::Output => (false, true),
                ast::Direction::Inout | ast::Direction::Ref => (true, true),
            };
            self.written[id.index()] |= driven;
            self.read[id.index()] |= used;
        }
    }
}

/// Port name -> direction, from the ANSI header or the body's port
/// declarations.
fn port_directions(m: &ast::ModuleDecl) -> HashMap<String, ast::Direction> {
    let mut dirs = HashMap::new();
    if let ast::PortList::Ansi(ports) = &m.ports {
        for p in ports {
            dirs.insert(p.name.name.clone(), p.dir);
        }
    }
    collect_port_decls(&m.items, &mut dirs);
    dirs
}

fn collect_port_decls(items: &[ast::ModuleItem], dirs: &mut HashMap<String, ast::Direction>) {
    for it in items {
        match it {
            ast::ModuleItem::PortDecl(p) => {
                for decl in &p.names {
                    dirs.insert(decl.name.name.clone(), p.dir);
                }
            }
            ast::ModuleItem::GenerateRegion(inner, _) => collect_port_decls(inner, dirs),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------- unused / undriven

/// What is wrong with one signal.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Finding {
    Fine,
    /// Never read (`driven`: but written).
    Unused {
        driven: bool,
    },
    /// Read, never written.
    Undriven,
}

fn unused_and_undriven(d: &Design, usage: &Usage, diags: &mut Diagnostics) {
    let not_judged = signals_not_judged(d);
    // Declaration span -> finding of every instance's copy, in signal order.
    let mut by_decl: Vec<(Span, SignalId, Finding)> = Vec::new();
    let mut index: HashMap<Span, usize> = HashMap::new();
    for (id, sig) in d.signals.iter() {
        if sig.hidden || not_judged.contains(&id) || matches!(sig.kind, SignalKind::Event) {
            continue;
        }
        if sig.ty.kind == TypeKind::Event {
            continue;
        }
        let finding = finding_of(d, usage, id);
        match index.get(&sig.span) {
            Some(&i) if by_decl[i].2 != finding => by_decl[i].2 = Finding::Fine,
            Some(_) => {}
            None => {
                index.insert(sig.span, by_decl.len());
                by_decl.push((sig.span, id, finding));
            }
        }
    }
    for (span, id, finding) in by_decl {
        let name = &d.signals[id].name;
        let diag = match finding {
            Finding::Fine => continue,
            Finding::Unused { driven: true } => {
                Diagnostic::warning(codes::UNUSED, Some(span), format!("signal `{name}` is never read"))
            }
            Finding::Unused { driven: false } => {
                Diagnostic::warning(codes::UNUSED, Some(span), format!("signal `{name}` is never read nor driven"))
            }
            Finding::Undriven => Diagnostic::warning(
                codes::UNDRIVEN,
                Some(span),
                format!("signal `{name}` is read but never assigned or driven"),
            ),
        };
        diags.push(diag);
    }
}

fn finding_of(d: &Design, usage: &Usage, id: SignalId) -> Finding {
    let sig = &d.signals[id];
    let driven = usage.written[id.index()]
        || sig.init.is_some()
        || matches!(sig.kind, SignalKind::Net(NetKind::Supply0 | NetKind::Supply1 | NetKind::Tri0 | NetKind::Tri1));
    match (usage.read[id.index()], driven) {
        (false, driven) => Finding::Unused { driven },
        (true, false) => Finding::Undriven,
        (true, true) => Finding::Fine,
    }
}

/// Formals and return variables (the call reads and writes them) and the
/// names port collapsing merged into another signal.
fn signals_not_judged(d: &Design) -> HashSet<SignalId> {
    let mut set: HashSet<SignalId> = d.aliases.iter().map(|&(alias, _)| alias).collect();
    for (_, s) in d.subrs.iter() {
        set.extend(s.formals.iter().map(|f| f.sig));
        set.extend(s.ret);
    }
    set
}

// ---------------------------------------------------------------- width

/// Every assignment whose right side is narrowed to fit its target.
fn truncations(d: &Design, diags: &mut Diagnostics) {
    let mut seen: HashSet<(Span, u32, u32)> = HashSet::new();
    for (_, st) in d.stmts.iter() {
        let (lhs, rhs) = match &st.kind {
            StmtKind::Assign { lhs, rhs }
            | StmtKind::NonBlocking { lhs, rhs, .. }
            | StmtKind::AssignAfter { lhs, rhs, .. } => (*lhs, *rhs),
            _ => continue,
        };
        let ExprKind::Convert { arg } = d.exprs[rhs].kind else { continue };
        let (target, value) = (&d.exprs[lhs].ty, &d.exprs[arg].ty);
        if target.kind != TypeKind::Integral || value.kind != TypeKind::Integral {
            continue;
        }
        let needed = natural_width(d, arg);
        if needed <= target.width {
            continue;
        }
        let span = d.exprs[arg].span;
        if !seen.insert((span, needed, target.width)) {
            continue;
        }
        let message = format!(
            "{needed}-bit value assigned to {} {}-bit target: the upper {} bits are lost",
            target_name(d, lhs),
            target.width,
            needed - target.width
        );
        diags.push(Diagnostic::warning(codes::WIDTH_TRUNC, Some(span), message));
    }
}

/// `` `r` `` for a whole signal, `` a part of `r` `` for selects and
/// elements, `a concatenation` otherwise.
fn target_name(d: &Design, lhs: ExprId) -> String {
    match &d.exprs[lhs].kind {
        ExprKind::Signal(s) => format!("`{}`,", d.signals[*s].name),
        ExprKind::ArrayElem { sig, .. } => format!("an element of `{}`,", d.signals[*sig].name),
        ExprKind::Select { base, .. } => match &d.exprs[*base].kind {
            ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } => {
                format!("a part of `{}`,", d.signals[*s].name)
            }
            _ => "a part select,".to_string(),
        },
        _ => "a concatenation,".to_string(),
    }
}

/// The self-determined width of an expression (IEEE 1364-2005 table
/// 5-22), except that constants count only the bits their value needs
/// (elaboration cannot tell `1` from `32'd1`, and `c + 1` into `c` is not a
/// truncation anyone wants to hear about).
fn natural_width(d: &Design, id: ExprId) -> u32 {
    let e = &d.exprs[id];
    let w = |x: ExprId| natural_width(d, x);
    match &e.kind {
        ExprKind::Const(c) => const_width(c),
        ExprKind::Convert { arg } if d.exprs[*arg].ty.kind == TypeKind::Integral => w(*arg).min(e.ty.width),
        ExprKind::Unary { op: wsim_ir::UnOp::Neg | wsim_ir::UnOp::BitNot, arg } => w(*arg),
        ExprKind::Unary { .. } => 1,
        ExprKind::Binary { op, lhs, rhs } => {
            use wsim_ir::BinOp::*;
            match op {
                Add | Sub | Mul | Div | Mod | BitAnd | BitOr | BitXor | BitXnor => w(*lhs).max(w(*rhs)),
                Pow | Shl | Shr | AShr => w(*lhs),
                _ => 1,
            }
        }
        ExprKind::Cond { then_expr, else_expr, .. } => w(*then_expr).max(w(*else_expr)),
        _ => e.ty.width,
    }
}

/// Bits a constant needs: leading digits equal to the top digit (0, x, z,
/// or 1 of a signed value) are an extension and do not count.
fn const_width(c: &wsim_ir::Const) -> u32 {
    let n = wsim_ir::Const::limbs(c.width);
    let digit = |i: u32| {
        let (limb, bit) = ((i / 64) as usize, i % 64);
        ((c.words[limb] >> bit) & 1, (c.words[n + limb] >> bit) & 1)
    };
    let top = digit(c.width - 1);
    if top == (1, 0) && !c.signed {
        return c.width;
    }
    let mut i = c.width - 1;
    while i > 0 && digit(i - 1) == top {
        i -= 1;
    }
    // Digits i.. are all `top`; one of them stays unless it is a plain 0.
    if top == (0, 0) {
        i.max(1)
    } else {
        i + 1
    }
}

// ---------------------------------------------------------------- implicit nets

/// One warning per signal (declaration) whose span is an identifier in a
/// position where elaboration declares implicit nets.
fn implicit_nets(unit: &ast::SourceUnit, d: &Design, diags: &mut Diagnostics) {
    let mut uses = HashSet::new();
    for item in &unit.items {
        if let ast::Item::Module(m) = item {
            implicit_net_sites(&m.items, &mut uses);
        }
    }
    let mut reported = HashSet::new();
    for (_, sig) in d.signals.iter() {
        if sig.hidden || !matches!(sig.kind, SignalKind::Net(_)) || !uses.contains(&sig.span) {
            continue;
        }
        if reported.insert(sig.span) {
            let message = format!("`{}` is not declared: an implicit 1-bit net was created for it", sig.name);
            diags.push(Diagnostic::warning(codes::IMPLICIT_NET, Some(sig.span), message));
        }
    }
}

/// Spans of plain identifiers on the left of continuous assignments, in
/// port connections and in gate terminals (also inside generate blocks).
fn implicit_net_sites(items: &[ast::ModuleItem], out: &mut HashSet<Span>) {
    use ast::ModuleItem as I;
    for it in items {
        match it {
            I::ContAssign(c) => c.assigns.iter().for_each(|(lhs, _)| plain_idents(lhs, out)),
            I::Instance(inst) => {
                for conn in inst.instances.iter().flat_map(|i| &i.conns) {
                    if let ast::PortConn::Ordered(Some(e), _) | ast::PortConn::Named { expr: Some(e), .. } = conn {
                        plain_idents(e, out);
                    }
                }
            }
            I::Gate(g) => g.instances.iter().flat_map(|i| &i.terminals).for_each(|t| plain_idents(t, out)),
            I::GenerateRegion(inner, _) => implicit_net_sites(inner, out),
            I::GenFor { block, .. } | I::GenBlock(block) => implicit_net_sites(&block.items, out),
            I::GenIf { then_block, else_block, .. } => {
                implicit_net_sites(&then_block.items, out);
                if let Some(b) = else_block {
                    implicit_net_sites(&b.items, out);
                }
            }
            I::GenCase { items, .. } => items.iter().for_each(|c| implicit_net_sites(&c.block.items, out)),
            _ => {}
        }
    }
}

fn plain_idents(e: &ast::Expr, out: &mut HashSet<Span>) {
    match &e.kind {
        ast::ExprKind::Ident { package: None, name } => {
            out.insert(name.span);
        }
        ast::ExprKind::Concat(items) => items.iter().for_each(|i| plain_idents(i, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use wsim_diag::{render, SourceMap};

    /// Everything the lint says about one file `t.v`, rendered.
    fn lint_text(src: &str) -> String {
        let mut sm = SourceMap::new();
        let f = sm.add("t.v", src);
        let (toks, d1) = wsim_syntax::preprocess(&mut sm, &[f], &Default::default(), &wsim_syntax::FsLoader);
        let (unit, d2) = wsim_syntax::parse(&toks);
        assert!(!d1.has_errors() && !d2.has_errors());
        let (design, d3) = crate::elaborate(&unit, &Default::default());
        assert!(!d3.has_errors(), "{:?}", d3.list);
        super::lint(&unit, &design.unwrap()).list.iter().map(|d| render(&sm, d)).collect()
    }

    #[test]
    fn unused_signal_is_w0305() {
        let src = "module t;\n  reg [3:0] r, m;\n  initial r = 4'd1;\nendmodule\n";
        assert_eq!(
            lint_text(src),
            "t.v:2:13: warning[W0305]: signal `r` is never read\n 2 |   reg [3:0] r, m;\n   |             ^\n\
             t.v:2:16: warning[W0305]: signal `m` is never read nor driven\n 2 |   reg [3:0] r, m;\n   |                ^\n"
        );
    }

    #[test]
    fn undriven_signal_is_w0306() {
        let src = "module t;\n  wire w;\n  reg r;\n  initial $display(w, r);\nendmodule\n";
        assert_eq!(
            lint_text(src),
            "t.v:2:8: warning[W0306]: signal `w` is read but never assigned or driven\n 2 |   wire w;\n   |        ^\n\
             t.v:3:7: warning[W0306]: signal `r` is read but never assigned or driven\n 3 |   reg r;\n   |       ^\n"
        );
    }

    #[test]
    fn ports_initialisers_readmem_and_pullups_count_as_drivers_and_users() {
        // Inputs are driven and outputs used from outside (also in a
        // submodule); `$readmemh` fills `mem`; `seed` is updated by
        // `$random`; `tri1` and initialised variables are driven.
        let src = "module sub(input a, output y);\n  assign y = a;\nendmodule\n\
                   module t(input clk, output reg q);\n\
                   \x20 reg [7:0] mem [0:3];\n  integer seed = 1, k;\n  tri1 pull;\n  reg [7:0] s;\n\
                   \x20 wire o;\n  sub u(.a(clk), .y(o));\n\
                   \x20 initial begin $readmemh(\"m.hex\", mem); k = $random(seed); $sformat(s, \"%d\", k); end\n\
                   \x20 always @(posedge clk) q <= mem[0][0] ^ pull ^ o ^ s[0];\nendmodule\n";
        assert_eq!(lint_text(src), "");
    }

    #[test]
    fn one_warning_per_declaration_and_only_when_every_instance_agrees() {
        // `u1.x` is read (through the hierarchical reference), `u2.x` is
        // not: no warning for `x`. `z` is unused in both: one warning.
        let src = "module leaf;\n  reg x, z;\n  initial begin x = 0; z = 0; end\nendmodule\n\
                   module t;\n  leaf u1(), u2();\n  initial #1 $display(u1.x);\nendmodule\n";
        assert_eq!(
            lint_text(src),
            "t.v:2:10: warning[W0305]: signal `z` is never read\n 2 |   reg x, z;\n   |          ^\n"
        );
    }

    #[test]
    fn truncating_assignments_are_w0301() {
        let src = "module t(input [7:0] a, input clk);\n  wire [3:0] y;\n  reg [3:0] r;\n\
                   \x20 assign y = a + 1;\n  always @(posedge clk) r <= {a, a};\n\
                   \x20 always @(y, r) $display(y, r);\nendmodule\n";
        assert_eq!(
            lint_text(src),
            "t.v:4:14: warning[W0301]: 8-bit value assigned to `y`, 4-bit target: the upper 4 bits are lost\n\
             \x204 |   assign y = a + 1;\n   |              ^^^^^\n\
             t.v:5:30: warning[W0301]: 16-bit value assigned to `r`, 4-bit target: the upper 12 bits are lost\n\
             \x205 |   always @(posedge clk) r <= {a, a};\n   |                              ^^^^^^\n"
        );
    }

    #[test]
    fn small_constants_and_same_width_arithmetic_are_not_truncations() {
        // As Verilator: `c + 1`, `-1` and a fitting constant are quiet.
        let src = "module t(input clk, output reg [3:0] c, output reg [3:0] d, output reg [1:0] e);\n\
                   \x20 always @(posedge clk) begin c <= c + 1; d <= -1; e <= c[1:0] * 2'd3; end\nendmodule\n";
        assert_eq!(lint_text(src), "");
    }

    #[test]
    fn truncation_into_a_part_select_element_and_port() {
        let src = "module sub(input [1:0] p);\n  always @(p) $display(p);\nendmodule\n\
                   module t(input [7:0] a);\n  reg [7:0] m [0:1];\n  reg [7:0] v;\n  sub u(.p(a));\n\
                   \x20 always @(a) begin m[0] = a * a; v[3:0] = a; $display(m[0], v); end\nendmodule\n";
        let text = lint_text(src);
        assert_eq!(
            text,
            "t.v:7:12: warning[W0301]: 8-bit value assigned to `p`, 2-bit target: the upper 6 bits are lost\n\
             \x207 |   sub u(.p(a));\n   |            ^\n\
             t.v:8:44: warning[W0301]: 8-bit value assigned to a part of `v`, 4-bit target: the upper 4 bits are lost\n\
             \x208 |   always @(a) begin m[0] = a * a; v[3:0] = a; $display(m[0], v); end\n   |                                            ^\n"
        );
    }

    #[test]
    fn implicit_nets_are_w0302_once_per_use_site() {
        // `n` (a port connection) and `g` (a gate output) are implicit;
        // `y` is declared; the generate copy of `m` warns once.
        let src = "module sub(output o);\n  assign o = 1'b1;\nendmodule\n\
                   module t;\n  wire y;\n  sub u(.o(n));\n  and a1(g, n, n);\n  assign y = g;\n\
                   \x20 for (genvar i = 0; i < 2; i = i + 1) begin : b\n    assign m = y;\n  end\n\
                   \x20 initial #1 $display(y, b[0].m, b[1].m);\nendmodule\n";
        assert_eq!(
            lint_text(src),
            "t.v:6:12: warning[W0302]: `n` is not declared: an implicit 1-bit net was created for it\n\
             \x206 |   sub u(.o(n));\n   |            ^\n\
             t.v:7:10: warning[W0302]: `g` is not declared: an implicit 1-bit net was created for it\n\
             \x207 |   and a1(g, n, n);\n   |          ^\n\
             t.v:10:12: warning[W0302]: `m` is not declared: an implicit 1-bit net was created for it\n\
             \x2010 |     assign m = y;\n    |            ^\n"
        );
    }

    #[test]
    fn constant_widths_ignore_extension_digits() {
        let c = |width, signed, v| super::const_width(&wsim_ir::Const::from_u64(width, signed, v));
        assert_eq!(c(32, false, 1), 1);
        assert_eq!(c(32, false, 0), 1);
        assert_eq!(c(32, true, 5), 3);
        assert_eq!(c(32, true, 0xFFFF_FFFF), 1, "-1");
        assert_eq!(c(32, true, 0xFFFF_FFF0), 5, "-16");
        assert_eq!(c(8, false, 0xFF), 8);
        assert_eq!(super::const_width(&wsim_ir::Const::all_x(32, false)), 1);
    }
}

#[cfg(test)]
mod survey {
    /// Not a test: prints what the lint says about every golden design
    /// (`cargo test -p wsim-elab lint::survey -- --ignored --nocapture`),
    /// then about the files in `WSIM_LINT_FILES` (`:`-separated, one design).
    #[test]
    #[ignore]
    fn golden_designs() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/sim");
        let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "v" || e == "sv")) {
            let mut sm = wsim_diag::SourceMap::new();
            let f = sm.add(path.file_name().unwrap().to_string_lossy(), std::fs::read_to_string(path).unwrap());
            let opts = wsim_syntax::PpOptions {
                include_dirs: vec![dir.join("include").display().to_string()],
                ..Default::default()
            };
            let (toks, d1) = wsim_syntax::preprocess(&mut sm, &[f], &opts, &wsim_syntax::FsLoader);
            let (unit, d2) = wsim_syntax::parse(&toks);
            if d1.has_errors() || d2.has_errors() {
                continue;
            }
            let (Some(d), _) = crate::elaborate(&unit, &Default::default()) else { continue };
            for diag in super::lint(&unit, &d).list {
                print!("{}", wsim_diag::render(&sm, &diag));
            }
        }
        if let Ok(list) = std::env::var("WSIM_LINT_FILES") {
            lint_one_design(&list.split(':').collect::<Vec<_>>());
        }
    }

    fn lint_one_design(paths: &[&str]) {
        let mut sm = wsim_diag::SourceMap::new();
        let ids: Vec<_> = paths.iter().map(|p| sm.add(*p, std::fs::read_to_string(p).unwrap())).collect();
        let (toks, _) = wsim_syntax::preprocess(&mut sm, &ids, &Default::default(), &wsim_syntax::FsLoader);
        let (unit, _) = wsim_syntax::parse(&toks);
        let (Some(d), _) = crate::elaborate(&unit, &Default::default()) else { return };
        let started = std::time::Instant::now();
        let diags = super::lint(&unit, &d);
        println!("lint took {:?}", started.elapsed());
        for diag in diags.list {
            print!("{}", wsim_diag::render(&sm, &diag));
        }
    }
}
