//! Compilation-unit items (modules, packages, unsupported top-level
//! constructs) and module items: declarations, ports, processes,
//! instantiations, gate primitives, functions and tasks, generate constructs.

use super::exprs::binary;
use super::Parser;
use crate::ast::{
    AnsiPort, BinaryOp, ContAssign, DataType, Direction, Expr, ExprKind, FunctionDecl, GateInst, GateInstance,
    GateKind, GenBlock, GenCaseItem, Ident, ImportItem, Instance, Instantiation, Item, Lifetime, ModuleDecl,
    ModuleItem, ModuleKind, NetDecl, NetType, NonAnsiPort, NumberLit, PackageDecl, ParamConn, ParamValue, PortConn,
    PortDecl, PortList, ProcessDecl, ProcessKind, Stmt, Strength, TaskDecl, TfPort, Timescale, VectorKind,
};
use crate::timescale::parse_time_unit;
use crate::token::{Keyword, Op, TokenKind};
use wsim_diag::codes::parse as codes;
use wsim_diag::Span;

/// What the enclosing scope changes about module items.
#[derive(Clone, Copy)]
pub(crate) struct ItemCtx {
    /// A body `parameter` is local (the module had a `#( ... )` list).
    params_local: bool,
}

impl ItemCtx {
    /// Compilation-unit and package scope, and generate blocks: a
    /// `parameter` there is a local parameter (IEEE 1800-2017 6.20.1).
    const LOCAL: ItemCtx = ItemCtx { params_local: true };
}

fn net_type_of(kw: Keyword) -> Option<NetType> {
    Some(match kw {
        Keyword::Wire => NetType::Wire,
        Keyword::Tri => NetType::Tri,
        Keyword::Wand => NetType::Wand,
        Keyword::Wor => NetType::Wor,
        Keyword::Triand => NetType::Triand,
        Keyword::Trior => NetType::Trior,
        Keyword::Tri0 => NetType::Tri0,
        Keyword::Tri1 => NetType::Tri1,
        Keyword::Supply0 => NetType::Supply0,
        Keyword::Supply1 => NetType::Supply1,
        Keyword::Uwire => NetType::Uwire,
        Keyword::Trireg => NetType::Trireg,
        _ => return None,
    })
}

fn direction_of(kw: Keyword) -> Option<Direction> {
    Some(match kw {
        Keyword::Input => Direction::Input,
        Keyword::Output => Direction::Output,
        Keyword::Inout => Direction::Inout,
        Keyword::Ref => Direction::Ref,
        _ => return None,
    })
}

fn gate_of(kw: Keyword) -> Option<GateKind> {
    Some(match kw {
        Keyword::And => GateKind::And,
        Keyword::Nand => GateKind::Nand,
        Keyword::Or => GateKind::Or,
        Keyword::Nor => GateKind::Nor,
        Keyword::Xor => GateKind::Xor,
        Keyword::Xnor => GateKind::Xnor,
        Keyword::Buf => GateKind::Buf,
        Keyword::Not => GateKind::Not,
        Keyword::Bufif0 => GateKind::Bufif0,
        Keyword::Bufif1 => GateKind::Bufif1,
        Keyword::Notif0 => GateKind::Notif0,
        Keyword::Notif1 => GateKind::Notif1,
        Keyword::Pullup => GateKind::Pullup,
        Keyword::Pulldown => GateKind::Pulldown,
        Keyword::Nmos | Keyword::Rnmos => GateKind::Nmos,
        Keyword::Pmos | Keyword::Rpmos => GateKind::Pmos,
        Keyword::Cmos | Keyword::Rcmos => GateKind::Cmos,
        Keyword::Tran | Keyword::Rtran => GateKind::Tran,
        Keyword::Tranif0 | Keyword::Rtranif0 => GateKind::Tranif0,
        Keyword::Tranif1 | Keyword::Rtranif1 => GateKind::Tranif1,
        _ => return None,
    })
}

/// The resistive switches (1364-2005 7.12).
fn is_resistive(kw: Keyword) -> bool {
    use Keyword::*;
    matches!(kw, Rnmos | Rpmos | Rcmos | Rtran | Rtranif0 | Rtranif1)
}

/// A strength keyword's side (`Some(true)` for a 1 strength, `None` for a
/// charge strength) and level (0 highz .. 7 supply).
fn strength_level(kw: Keyword) -> Option<(Option<bool>, u8)> {
    use Keyword::*;
    Some(match kw {
        Supply0 => (Some(false), 7),
        Supply1 => (Some(true), 7),
        Strong0 => (Some(false), 6),
        Strong1 => (Some(true), 6),
        Pull0 => (Some(false), 5),
        Pull1 => (Some(true), 5),
        Weak0 => (Some(false), 3),
        Weak1 => (Some(true), 3),
        Highz0 => (Some(false), 0),
        Highz1 => (Some(true), 0),
        Large => (None, 4),
        Medium => (None, 2),
        Small => (None, 1),
        _ => return None,
    })
}

fn is_strength_keyword(kind: TokenKind) -> bool {
    use Keyword::*;
    matches!(
        kind,
        TokenKind::Keyword(
            Strong0
                | Strong1
                | Weak0
                | Weak1
                | Pull0
                | Pull1
                | Highz0
                | Highz1
                | Supply0
                | Supply1
                | Small
                | Medium
                | Large
        )
    )
}

/// Whether a port of this type (without an explicit net type) is a
/// variable: `reg` always, `logic`/`bit` only as outputs, implicit never,
/// other data types (int, real, structs, typedef names...) always.
fn type_is_var(ty: &DataType, dir: Direction) -> bool {
    match ty {
        DataType::Implicit { .. } => false,
        DataType::Vector { kind: VectorKind::Reg, .. } => true,
        DataType::Vector { .. } => dir == Direction::Output,
        _ => true,
    }
}

impl Parser<'_> {
    // ----- compilation unit ----------------------------------------------

    pub(crate) fn top_item(&mut self, items: &mut Vec<Item>) {
        self.skip_attrs();
        let start = self.span();
        match self.keyword() {
            Some(Keyword::Module | Keyword::Macromodule | Keyword::Program) => {
                let outer = std::mem::replace(&mut self.in_design_element, true);
                let m = self.module_decl();
                self.in_design_element = outer;
                items.push(Item::Module(m));
            }
            Some(Keyword::Package) => items.push(Item::Package(self.package_decl())),
            Some(Keyword::Primitive) => items.push(Item::Primitive(self.udp_decl())),
            Some(Keyword::Timeunit | Keyword::Timeprecision) => {
                let mut ts = self.timescale;
                self.timeunits(&mut ts);
                self.timescale = ts;
                items.push(Item::Unit(ModuleItem::Timeunits(self.span_from(start))));
            }
            Some(
                Keyword::Endmodule
                | Keyword::Endpackage
                | Keyword::Endprogram
                | Keyword::End
                | Keyword::Endfunction
                | Keyword::Endtask
                | Keyword::Endgenerate,
            ) => {
                self.error_expected("a module, package or declaration");
                self.bump();
            }
            _ => {
                let mut unit_items = Vec::new();
                self.module_item(&mut unit_items, ItemCtx::LOCAL);
                items.extend(unit_items.into_iter().map(Item::Unit));
            }
        }
    }

    /// `module name [import ...;] [#(...)] [(ports)]; items endmodule`.
    fn module_decl(&mut self) -> ModuleDecl {
        let start = self.span();
        let (kind, end_kw) = match self.keyword() {
            Some(Keyword::Macromodule) => (ModuleKind::Macromodule, Keyword::Endmodule),
            Some(Keyword::Program) => (ModuleKind::Program, Keyword::Endprogram),
            _ => (ModuleKind::Module, Keyword::Endmodule),
        };
        self.bump();
        self.genvars.clear();
        self.gen_loop_indices.clear();
        let _ = self.eat_kw(Keyword::Automatic) || self.eat_kw(Keyword::Static);
        let name = self.expect_ident("module name");
        let mut timescale = self.timescale;
        let default_nettype = self.default_nettype;
        let mut imports = Vec::new();
        while self.at_kw(Keyword::Import) {
            imports.extend(self.import_decl());
        }
        let has_param_port_list = self.at_op(Op::Hash);
        let params = if has_param_port_list { self.param_port_list() } else { Vec::new() };
        let ports = if self.at_op(Op::LParen) { self.port_list() } else { PortList::None };
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        let mut items = std::mem::take(&mut self.header_unsupported);
        let ctx = ItemCtx { params_local: has_param_port_list };
        while !self.at_kw(end_kw) && !self.at_eof() {
            if self.at_module_start() {
                break;
            }
            let before = self.pos();
            if self.at_kw(Keyword::Timeunit) || self.at_kw(Keyword::Timeprecision) {
                let ts_start = self.span();
                self.timeunits(&mut timescale);
                items.push(ModuleItem::Timeunits(self.span_from(ts_start)));
            } else {
                self.module_item(&mut items, ctx);
            }
            self.progress_or_bump(before);
        }
        if self.expect_kw(end_kw) {
            self.end_label(Some(&name));
        }
        self.check_gen_loop_indices_declared();
        ModuleDecl {
            kind,
            name,
            span: self.span_from(start),
            timescale,
            default_nettype,
            imports,
            params,
            ports,
            items,
            has_param_port_list,
        }
    }

    /// A `module`/`package` keyword inside a body means its `end` is missing.
    fn at_module_start(&self) -> bool {
        matches!(self.keyword(), Some(Keyword::Module | Keyword::Macromodule | Keyword::Package))
    }

    fn package_decl(&mut self) -> PackageDecl {
        let start = self.span();
        self.bump();
        let _ = self.eat_kw(Keyword::Automatic) || self.eat_kw(Keyword::Static);
        let name = self.expect_ident("package name");
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        let mut items = Vec::new();
        while !self.at_kw(Keyword::Endpackage) && !self.at_eof() && !self.at_module_start() {
            let before = self.pos();
            self.module_item(&mut items, ItemCtx::LOCAL);
            self.progress_or_bump(before);
        }
        if self.expect_kw(Keyword::Endpackage) {
            self.end_label(Some(&name));
        }
        PackageDecl { name, span: self.span_from(start), items }
    }

    /// `timeunit 1ns [/ 1ps];` or `timeprecision 1ps;` applied to `ts`.
    fn timeunits(&mut self, ts: &mut Option<Timescale>) {
        let is_unit = self.at_kw(Keyword::Timeunit);
        self.bump();
        let unit = self.time_value();
        let precision = if is_unit && self.eat_op(Op::Slash) { self.time_value() } else { None };
        let mut cur = ts.unwrap_or(Timescale { unit: 0, precision: 0 });
        if is_unit {
            if let Some(u) = unit {
                cur.unit = u;
                if ts.is_none() {
                    cur.precision = u;
                }
            }
            if let Some(p) = precision {
                cur.precision = p;
            }
        } else if let Some(p) = unit {
            cur.precision = p;
            if ts.is_none() {
                cur.unit = p;
            }
        }
        *ts = Some(cur);
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
    }

    /// A time literal that is a power of ten (`1ns`, `100ps`).
    fn time_value(&mut self) -> Option<i8> {
        if self.kind() != TokenKind::TimeLiteral {
            self.error_expected("time literal");
            return None;
        }
        let value = parse_time_unit(self.text());
        if value.is_none() {
            let span = self.span();
            self.error_at(
                codes::BAD_NUMBER,
                span,
                format!("time unit `{}` must be 1, 10 or 100 of a unit", self.text()),
            );
        }
        self.bump();
        value
    }

    /// `import p::*, q::x;` (`import` current).
    fn import_decl(&mut self) -> Vec<ImportItem> {
        self.bump();
        let mut v = Vec::new();
        loop {
            let start = self.span();
            let package = self.expect_ident("package name");
            if !self.expect_op(Op::ColonColon) {
                break;
            }
            let name = if self.eat_op(Op::Star) { None } else { Some(self.expect_ident("imported name")) };
            v.push(ImportItem { package, name, span: self.span_from(start) });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        v
    }

    // ----- module ports -------------------------------------------------

    /// `( ... )` after the module name: ANSI or non-ANSI.
    fn port_list(&mut self) -> PortList {
        self.bump(); // (
        if self.eat_op(Op::RParen) {
            return PortList::None;
        }
        self.skip_attrs();
        let ansi = match self.kind() {
            TokenKind::Keyword(kw) => {
                direction_of(kw).is_some()
                    || net_type_of(kw).is_some()
                    || kw == Keyword::Var
                    || self.starts_type_keyword()
            }
            TokenKind::Ident => {
                self.ident_starts_decl() || (self.peek_is_op(1, Op::Dot) && self.peek(3) == TokenKind::Ident)
            }
            _ => false,
        };
        let list = if ansi { PortList::Ansi(self.ansi_ports()) } else { PortList::NonAnsi(self.non_ansi_ports()) };
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        list
    }

    fn ansi_ports(&mut self) -> Vec<AnsiPort> {
        let mut ports: Vec<AnsiPort> = Vec::new();
        loop {
            self.skip_attrs();
            if let Some(port) = self.ansi_port(ports.last()) {
                ports.push(port);
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        ports
    }

    /// One ANSI port, applying IEEE 1800-2017 23.2.2.3 inheritance from
    /// `prev`: with neither direction nor type, direction and type are both
    /// inherited; with only a type, the direction is; the first port
    /// defaults to `inout`.
    fn ansi_port(&mut self, prev: Option<&AnsiPort>) -> Option<AnsiPort> {
        let start = self.span();
        let dir = self.keyword().and_then(direction_of);
        if dir.is_some() {
            self.bump();
        }
        let net_type = self.keyword().and_then(net_type_of);
        if net_type.is_some() {
            self.bump();
        }
        let has_var = self.eat_kw(Keyword::Var);
        let interface_port =
            (self.kind() == TokenKind::Ident && self.peek_is_op(1, Op::Dot)) || self.at_kw(Keyword::Interface);
        if interface_port {
            // Recorded as an unsupported item of the module, so only a
            // design that elaborates this module reports it.
            while !self.at_op(Op::Comma) && !self.at_op(Op::RParen) && !self.at_eof() {
                self.bump();
            }
            let span = self.span_from(start);
            self.header_unsupported.push(ModuleItem::Unsupported { what: "interface port".into(), span });
            return None;
        }
        let ty = if self.starts_data_type() {
            Some(self.data_type())
        } else if self.starts_implicit_type() {
            Some(self.implicit_type())
        } else {
            None
        };
        let name = self.expect_ident("port name");
        let unpacked = self.unpacked_dims();
        let default = if self.eat_op(Op::Assign) { Some(self.expr()) } else { None };
        let span = self.span_from(start);
        let nothing_given = dir.is_none() && net_type.is_none() && !has_var && ty.is_none();
        if let (true, Some(prev)) = (nothing_given, prev) {
            return Some(AnsiPort {
                dir: prev.dir,
                net_type: prev.net_type,
                is_var: prev.is_var,
                ty: prev.ty.clone(),
                name,
                unpacked,
                default,
                span,
            });
        }
        let dir = dir.or(prev.map(|p| p.dir)).unwrap_or(Direction::Inout);
        let ty = ty.unwrap_or(DataType::Implicit { signed: false, packed: Vec::new(), span: name.span });
        let is_var = has_var || (net_type.is_none() && type_is_var(&ty, dir));
        Some(AnsiPort { dir, net_type, is_var, ty, name, unpacked, default, span })
    }

    fn non_ansi_ports(&mut self) -> Vec<NonAnsiPort> {
        let mut ports = Vec::new();
        loop {
            self.skip_attrs();
            let start = self.span();
            let port = if self.at_op(Op::Comma) || self.at_op(Op::RParen) {
                NonAnsiPort { name: None, expr: None, span: start }
            } else if self.eat_op(Op::Dot) {
                let name = self.expect_ident("port name");
                let mut expr = None;
                if self.expect_op(Op::LParen) {
                    if !self.at_op(Op::RParen) {
                        expr = Some(self.postfix_expr());
                    }
                    self.expect_op(Op::RParen);
                }
                NonAnsiPort { name: Some(name), expr, span: self.span_from(start) }
            } else {
                let expr = self.postfix_expr();
                let name = match &expr.kind {
                    ExprKind::Ident { package: None, name } => Some(name.clone()),
                    _ => None,
                };
                NonAnsiPort { name, expr: Some(expr), span: self.span_from(start) }
            };
            ports.push(port);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        ports
    }

    // ----- module items -------------------------------------------------

    /// One module item (zero or more AST items: `specify` yields its
    /// specparams and the block).
    pub(crate) fn module_item(&mut self, out: &mut Vec<ModuleItem>, ctx: ItemCtx) {
        self.skip_attrs();
        // `label: assert property (...)` and friends: the label is dropped
        // (a label before `begin` names a generate block: kept there).
        while self.kind() == TokenKind::Ident
            && self.peek_is_op(1, Op::Colon)
            && self.peek(2) != TokenKind::Keyword(Keyword::Begin)
        {
            self.bump();
            self.bump();
        }
        let start = self.span();
        match self.kind() {
            TokenKind::Op(Op::Semi) => self.bump(),
            TokenKind::Keyword(
                kw @ (Keyword::Generate | Keyword::For | Keyword::If | Keyword::Case | Keyword::Begin),
            ) => out.push(self.generate_item(kw, ctx)),
            TokenKind::Keyword(kw) => self.keyword_item(kw, out, ctx, start),
            TokenKind::Ident => self.ident_item(out),
            TokenKind::SystemIdent => {
                // `$fatal(...)` / `$error(...)` elaboration system tasks,
                // usually in a generate branch that flags a bad configuration.
                let what = format!("elaboration system task `{}`", self.text());
                self.unsupported_to_semi(out, &what, start);
            }
            _ => {
                self.error_expected("module item");
                self.sync_item();
            }
        }
    }

    /// Generate constructs, kept apart from [`Self::keyword_item`] so the
    /// recursion through nested generate blocks uses small stack frames.
    fn generate_item(&mut self, kw: Keyword, ctx: ItemCtx) -> ModuleItem {
        match kw {
            Keyword::Generate => self.generate_region(ctx),
            Keyword::For => self.gen_for(),
            Keyword::If => self.gen_if(),
            Keyword::Case => self.gen_case(),
            _ => ModuleItem::GenBlock(self.gen_block()),
        }
    }

    fn keyword_item(&mut self, kw: Keyword, out: &mut Vec<ModuleItem>, ctx: ItemCtx, start: Span) {
        if direction_of(kw).is_some() {
            out.push(ModuleItem::PortDecl(self.port_decl()));
            return;
        }
        if net_type_of(kw).is_some() {
            out.push(ModuleItem::Net(self.net_decl()));
            return;
        }
        if let Some(gate) = gate_of(kw) {
            out.push(ModuleItem::Gate(self.gate_inst(gate)));
            return;
        }
        let item = match kw {
            Keyword::Parameter => ModuleItem::Param(self.param_decl(ctx.params_local)),
            Keyword::Localparam | Keyword::Specparam => ModuleItem::Param(self.param_decl(true)),
            Keyword::Typedef => match self.typedef() {
                Some(t) => ModuleItem::Typedef(t),
                None => return,
            },
            Keyword::Genvar => self.genvar_decl(),
            Keyword::Assign => ModuleItem::ContAssign(self.cont_assign()),
            Keyword::Initial => self.process(ProcessKind::Initial),
            Keyword::Final => self.process(ProcessKind::Final),
            Keyword::Always => self.process(ProcessKind::Always),
            Keyword::AlwaysComb => self.process(ProcessKind::AlwaysComb),
            Keyword::AlwaysFf => self.process(ProcessKind::AlwaysFf),
            Keyword::AlwaysLatch => self.process(ProcessKind::AlwaysLatch),
            Keyword::Function => ModuleItem::Function(self.function_decl()),
            Keyword::Task => ModuleItem::Task(self.task_decl()),
            Keyword::Import => ModuleItem::Import(self.import_decl()),
            Keyword::Defparam => self.defparam(),
            Keyword::Specify => return self.specify_block(out),
            Keyword::Virtual | Keyword::Interface if self.peek(1) == TokenKind::Keyword(Keyword::Class) => {
                ModuleItem::Class(Box::new(self.class_decl()))
            }
            Keyword::Const | Keyword::Var | Keyword::Static | Keyword::Automatic | Keyword::Virtual => {
                ModuleItem::Var(self.var_decl())
            }
            _ if self.starts_type_keyword() => ModuleItem::Var(self.var_decl()),
            Keyword::Class => ModuleItem::Class(Box::new(self.class_decl())),
            Keyword::Interface => {
                return self.unsupported_block(out, "interface declaration", Keyword::Interface, Keyword::Endinterface)
            }
            Keyword::Program => {
                return self.unsupported_block(out, "nested program", Keyword::Program, Keyword::Endprogram)
            }
            Keyword::Property => {
                return self.unsupported_block(out, "property declaration", Keyword::Property, Keyword::Endproperty)
            }
            Keyword::Clocking => {
                return self.unsupported_block(out, "clocking block", Keyword::Clocking, Keyword::Endclocking)
            }
            Keyword::Primitive => {
                // Only the compilation unit declares primitives (`top_item`).
                let what = "primitive inside a module";
                return self.unsupported_block(out, what, Keyword::Primitive, Keyword::Endprimitive);
            }
            Keyword::Config => {
                return self.unsupported_block(out, "configuration", Keyword::Config, Keyword::Endconfig)
            }
            Keyword::Covergroup => return self.unsupported_named_end(out, "covergroup", "endgroup"),
            Keyword::Sequence => return self.unsupported_named_end(out, "sequence declaration", "endsequence"),
            Keyword::Assert | Keyword::Assume | Keyword::Cover => {
                return self.concurrent_assertion(out, start);
            }
            Keyword::Modport => return self.unsupported_to_semi(out, "modport", start),
            Keyword::Bind => return self.unsupported_to_semi(out, "bind directive", start),
            Keyword::Let => return self.unsupported_to_semi(out, "let declaration", start),
            Keyword::Extern => return self.unsupported_to_semi(out, "extern declaration", start),
            Keyword::Export => return self.unsupported_to_semi(out, "package export", start),
            Keyword::Default => return self.unsupported_to_semi(out, "default clocking/disable", start),
            Keyword::Constraint => {
                // `constraint C::name { ... }`: an out-of-class constraint body.
                out.push(self.external_constraint());
                return;
            }
            _ => {
                let before = self.pos();
                self.error_expected("module item");
                self.sync_item();
                self.progress_or_bump(before);
                return;
            }
        };
        out.push(item);
    }

    /// A module item that starts with an identifier: an instantiation or a
    /// declaration whose type is a typedef name (or a labelled assertion).
    fn ident_item(&mut self, out: &mut Vec<ModuleItem>) {
        if self.text() == "restrict" && self.peek(1) == TokenKind::Keyword(Keyword::Property) {
            // `restrict` is not in the lexer's keyword table (SV-2009).
            let start = self.span();
            return self.concurrent_assertion(out, start);
        }
        if self.is_instantiation_ahead() {
            out.push(ModuleItem::Instance(self.instantiation()));
            return;
        }
        if self.ident_starts_decl() {
            out.push(ModuleItem::Var(self.var_decl()));
            return;
        }
        self.error_expected("module item");
        self.sync_item();
    }

    /// `m u (`, `m u [3:0] (`: an instantiation rather than `t x;`.
    fn is_instantiation_ahead(&self) -> bool {
        // `udp (o, a);` (unnamed) and `udp (strong0, weak1) u (o, a);`:
        // primitive instances; nothing else starts `name (` here.
        if self.peek_is_op(1, Op::LParen) {
            return true;
        }
        let mut i = 1;
        if self.peek_is_op(1, Op::Hash) {
            if !self.peek_is_op(2, Op::LParen) {
                return true; // `m #5 u (...)`
            }
            match self.skip_parens_ahead(2) {
                Some(j) => i = j,
                None => return true,
            }
        }
        if self.peek(i) != TokenKind::Ident {
            return false;
        }
        self.skip_brackets_ahead(i + 1).is_some_and(|j| self.peek_is_op(j, Op::LParen))
    }

    fn unsupported_block(&mut self, out: &mut Vec<ModuleItem>, what: &str, open: Keyword, close: Keyword) {
        let start = self.span();
        let _ = self.eat_kw(Keyword::Virtual);
        self.bump();
        self.skip_to_end_keyword(|p| p.at_kw(open), |p| p.at_kw(close));
        out.push(ModuleItem::Unsupported { what: what.into(), span: self.span_from(start) });
    }

    /// Like [`Self::unsupported_block`] for constructs whose end keyword the
    /// lexer reads as an identifier (`endgroup`, `endsequence`).
    fn unsupported_named_end(&mut self, out: &mut Vec<ModuleItem>, what: &str, end: &str) {
        let start = self.span();
        self.bump();
        self.skip_to_end_keyword(|_| false, |p| p.kind() == TokenKind::Ident && p.text() == end);
        out.push(ModuleItem::Unsupported { what: what.into(), span: self.span_from(start) });
    }

    fn unsupported_to_semi(&mut self, out: &mut Vec<ModuleItem>, what: &str, start: Span) {
        self.bump();
        self.skip_past_semi();
        out.push(ModuleItem::Unsupported { what: what.into(), span: self.span_from(start) });
    }

    /// `assert property (...) [action] [else action]` at module level
    /// (an action block may end without `;`: `else begin ... end`).
    fn concurrent_assertion(&mut self, out: &mut Vec<ModuleItem>, start: Span) {
        let _ = self.assertion();
        let span = self.span_from(start);
        out.push(ModuleItem::Unsupported { what: "concurrent assertion".into(), span });
    }

    /// `input [3:0] a, b;` in a module body.
    fn port_decl(&mut self) -> PortDecl {
        let start = self.span();
        let dir = self.keyword().and_then(direction_of).unwrap_or(Direction::Input);
        self.bump();
        let net_type = self.keyword().and_then(net_type_of);
        if net_type.is_some() {
            self.bump();
        }
        let has_var = self.eat_kw(Keyword::Var);
        let ty = self.data_type_or_implicit();
        let is_var = has_var || (net_type.is_none() && type_is_var(&ty, dir));
        let names = self.declarators();
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        PortDecl { dir, net_type, is_var, ty, names, span: self.span_from(start) }
    }

    /// `wire [strength] [vectored] [type] [#delay] a = b, c;`.
    fn net_decl(&mut self) -> NetDecl {
        let start = self.span();
        let net_type = self.keyword().and_then(net_type_of).unwrap_or(NetType::Wire);
        self.bump();
        let strength = self.strength();
        let _ = self.eat_kw(Keyword::Vectored) || self.eat_kw(Keyword::Scalared);
        let ty = self.data_type_or_implicit();
        let delay = if self.at_op(Op::Hash) { Some(self.delay()) } else { None };
        let nets = self.declarators();
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        NetDecl { net_type, ty, strength, delay, nets, span: self.span_from(start) }
    }

    /// Drive or charge strengths `(strong0, weak1)`, `(pull1)`, `(small)`
    /// (1364-2005 7.8, 4.4.1): a side not named stays strong.
    fn strength(&mut self) -> Option<Strength> {
        if !(self.at_op(Op::LParen) && is_strength_keyword(self.peek(1))) {
            return None;
        }
        let start = self.span();
        self.bump();
        let mut st = Strength { s0: 6, s1: 6, span: start };
        while let Some(kw) = self.keyword() {
            match strength_level(kw) {
                Some((Some(true), level)) => st.s1 = level,
                Some((Some(false), level)) => st.s0 = level,
                Some((None, level)) => (st.s0, st.s1) = (level, level),
                None => break,
            }
            self.bump();
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        st.span = self.span_from(start);
        Some(st)
    }

    fn genvar_decl(&mut self) -> ModuleItem {
        self.bump();
        let mut names = Vec::new();
        loop {
            let id = self.expect_ident("genvar name");
            if id.name.is_empty() {
                break;
            }
            self.genvars.push(id.name.clone());
            // A genvar declared inside a loop shadows the loop's index (its
            // implicit localparam), so a nested loop may use the new one.
            for index in self.gen_loop_vars.iter_mut().filter(|v| **v == id.name) {
                index.clear();
            }
            names.push(id);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        ModuleItem::Genvar(names)
    }

    /// `assign [strength] [#d] a = b, c = d;`.
    fn cont_assign(&mut self) -> ContAssign {
        let start = self.span();
        self.bump();
        let strength = self.strength();
        let delay = if self.at_op(Op::Hash) { Some(self.delay()) } else { None };
        let mut assigns = Vec::new();
        loop {
            let lhs = self.lvalue();
            if !self.expect_op(Op::Assign) {
                self.sync_item();
                break;
            }
            let rhs = self.expr();
            assigns.push((lhs, rhs));
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        ContAssign { strength, delay, assigns, span: self.span_from(start) }
    }

    fn process(&mut self, kind: ProcessKind) -> ModuleItem {
        let start = self.span();
        self.bump();
        let body = self.stmt();
        ModuleItem::Process(ProcessDecl { kind, body, span: self.span_from(start) })
    }

    /// `defparam a.b.P = 3, c.Q = 4;`.
    fn defparam(&mut self) -> ModuleItem {
        let start = self.span();
        self.bump();
        let mut v = Vec::new();
        loop {
            let lhs = self.lvalue();
            if !self.expect_op(Op::Assign) {
                self.sync_item();
                break;
            }
            v.push((lhs, self.expr()));
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        ModuleItem::Defparam(v, self.span_from(start))
    }

    // ----- instances and gates -----------------------------------------

    /// `m #(params) u1 (conns), u2 [1:0] (conns);`.
    fn instantiation(&mut self) -> Instantiation {
        let start = self.span();
        let module = self.expect_ident("module name");
        let strength = self.strength(); // primitive instances only (elaboration checks)
        let params = if self.at_op(Op::Hash) { self.param_conns() } else { Vec::new() };
        let mut instances = Vec::new();
        loop {
            let inst_start = self.span();
            // A primitive instance may be unnamed (1364-2005 8.1): empty name.
            let unnamed = self.at_op(Op::LParen);
            let name = if unnamed {
                Ident { name: String::new(), span: inst_start }
            } else {
                self.expect_ident("instance name")
            };
            if name.name.is_empty() && !unnamed {
                self.sync_item();
                return Instantiation { module, strength, params, instances, span: self.span_from(start) };
            }
            let unpacked = self.unpacked_dims();
            let conns = if self.at_op(Op::LParen) {
                self.port_conns()
            } else {
                self.error_expected("`(`");
                Vec::new()
            };
            instances.push(Instance { name, unpacked, conns, span: self.span_from(inst_start) });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        Instantiation { module, strength, params, instances, span: self.span_from(start) }
    }

    /// `#(8, .W(16), .T(logic [3:0]))` or `#8` (`#` current).
    pub(crate) fn param_conns(&mut self) -> Vec<ParamConn> {
        self.bump(); // #
        if !self.at_op(Op::LParen) {
            return vec![ParamConn::Ordered(ParamValue::Expr(self.delay_value()))];
        }
        self.bump();
        let mut v = Vec::new();
        if self.eat_op(Op::RParen) {
            return v;
        }
        loop {
            if self.eat_op(Op::Dot) {
                let name = self.expect_ident("parameter name");
                let mut value = None;
                if self.expect_op(Op::LParen) {
                    if !self.at_op(Op::RParen) {
                        value = Some(self.param_value());
                    }
                    if !self.expect_op(Op::RParen) {
                        self.skip_to_rparen();
                    }
                }
                v.push(ParamConn::Named { name, value });
            } else {
                v.push(ParamConn::Ordered(self.param_value()));
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        v
    }

    /// A parameter override value: a data type when it starts with a type
    /// keyword, otherwise an expression (a bare typedef name is an
    /// expression here; elaboration resolves it).
    fn param_value(&mut self) -> ParamValue {
        if self.starts_type_keyword() && !self.peek_is_op(1, Op::Apostrophe) {
            ParamValue::Type(self.data_type())
        } else {
            ParamValue::Expr(self.mintypmax_expr())
        }
    }

    /// `(a, , .b(x), .c(), .d, .*)` (`(` current).
    fn port_conns(&mut self) -> Vec<PortConn> {
        self.bump();
        let mut v = Vec::new();
        if self.eat_op(Op::RParen) {
            return v;
        }
        loop {
            self.skip_attrs();
            let start = self.span();
            if self.at_op(Op::Dot) && self.peek_is_op(1, Op::Star) {
                self.bump();
                self.bump();
                v.push(PortConn::Wildcard(self.span_from(start)));
            } else if self.eat_op(Op::Dot) {
                let name = self.expect_ident("port name");
                let expr = if self.eat_op(Op::LParen) {
                    let e = if self.at_op(Op::RParen) { None } else { Some(self.expr()) };
                    if !self.expect_op(Op::RParen) {
                        self.skip_to_rparen();
                    }
                    e
                } else {
                    let span = name.span;
                    Some(Expr { kind: ExprKind::Ident { package: None, name: name.clone() }, span })
                };
                v.push(PortConn::Named { name, expr, span: self.span_from(start) });
            } else if self.at_op(Op::Comma) || self.at_op(Op::RParen) {
                v.push(PortConn::Ordered(None, start));
            } else {
                let e = self.expr();
                v.push(PortConn::Ordered(Some(e), self.span_from(start)));
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        v
    }

    /// `and #(1,2) g1 (o, a, b), (o2, c, d);`.
    fn gate_inst(&mut self, kind: GateKind) -> GateInst {
        let start = self.span();
        let resistive = self.keyword().is_some_and(is_resistive);
        self.bump();
        let strength = self.strength();
        let delay = if self.at_op(Op::Hash) { Some(self.delay()) } else { None };
        let mut instances = Vec::new();
        loop {
            let inst_start = self.span();
            let name = self.eat_ident();
            let unpacked = if name.is_some() { self.unpacked_dims() } else { Vec::new() };
            let mut terminals = Vec::new();
            if self.expect_op(Op::LParen) {
                loop {
                    terminals.push(self.expr());
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                if !self.expect_op(Op::RParen) {
                    self.skip_to_rparen();
                }
            }
            instances.push(GateInstance { name, unpacked, terminals, span: self.span_from(inst_start) });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        GateInst { kind, resistive, strength, delay, instances, span: self.span_from(start) }
    }

    // ----- functions and tasks -------------------------------------------

    pub(crate) fn lifetime(&mut self) -> Option<Lifetime> {
        if self.eat_kw(Keyword::Automatic) {
            Some(Lifetime::Automatic)
        } else if self.eat_kw(Keyword::Static) {
            Some(Lifetime::Static)
        } else {
            None
        }
    }

    /// `function [lifetime] [type] name [(ports)]; body endfunction`.
    pub(crate) fn function_decl(&mut self) -> FunctionDecl {
        let start = self.span();
        let mut f = self.function_header();
        let (decls, body) = self.tf_body(Keyword::Endfunction, &mut f.ports);
        if self.expect_kw(Keyword::Endfunction) {
            if self.at_op(Op::Colon) && self.peek(1) == TokenKind::Keyword(Keyword::New) && f.name.name == "new" {
                // `endfunction : new` (a constructor's end label).
                self.bump();
                self.bump();
            } else {
                self.end_label(Some(&f.name));
            }
        }
        FunctionDecl { decls, body, span: self.span_from(start), ..f }
    }

    /// `function [lifetime] [type] name [(ports)];`: a declaration's header,
    /// and the whole of a prototype (`extern`, `pure virtual`).
    pub(crate) fn function_header(&mut self) -> FunctionDecl {
        let start = self.span();
        self.bump();
        let lifetime = self.lifetime();
        let ret = if self.at_kw(Keyword::Void) {
            let span = self.span();
            self.bump();
            DataType::Void { span }
        } else if self.starts_data_type() {
            self.data_type()
        } else {
            self.implicit_type()
        };
        let (class_scope, name) = self.tf_scoped_name();
        let ports = if self.at_op(Op::LParen) { self.tf_port_list() } else { Vec::new() };
        if !self.expect_op(Op::Semi) {
            self.sync_stmt();
        }
        FunctionDecl {
            name,
            lifetime,
            ret,
            ports,
            decls: vec![],
            body: vec![],
            span: self.span_from(start),
            class_scope,
        }
    }

    /// `task [lifetime] name [(ports)]; body endtask`.
    pub(crate) fn task_decl(&mut self) -> TaskDecl {
        let start = self.span();
        let mut t = self.task_header();
        let (decls, body) = self.tf_body(Keyword::Endtask, &mut t.ports);
        if self.expect_kw(Keyword::Endtask) {
            self.end_label(Some(&t.name));
        }
        TaskDecl { decls, body, span: self.span_from(start), ..t }
    }

    /// `task [lifetime] name [(ports)];`: a declaration's header, and the
    /// whole of a prototype.
    pub(crate) fn task_header(&mut self) -> TaskDecl {
        let start = self.span();
        self.bump();
        let lifetime = self.lifetime();
        let (class_scope, name) = self.tf_scoped_name();
        let ports = if self.at_op(Op::LParen) { self.tf_port_list() } else { Vec::new() };
        if !self.expect_op(Op::Semi) {
            self.sync_stmt();
        }
        TaskDecl { name, lifetime, ports, decls: vec![], body: vec![], span: self.span_from(start), class_scope }
    }

    /// `(input a, b, output int c = 0, ref x)`: direction defaults to
    /// input for the first, and direction and type are inherited when
    /// neither is given.
    pub(crate) fn tf_port_list(&mut self) -> Vec<TfPort> {
        self.bump(); // (
        let mut ports: Vec<TfPort> = Vec::new();
        if self.eat_op(Op::RParen) {
            return ports;
        }
        loop {
            self.skip_attrs();
            let start = self.span();
            let _ = self.eat_kw(Keyword::Const);
            let dir = self.keyword().and_then(direction_of);
            if dir.is_some() {
                self.bump();
            }
            let _ = self.eat_kw(Keyword::Var);
            let ty = if self.starts_data_type() {
                Some(self.data_type())
            } else if self.starts_implicit_type() {
                Some(self.implicit_type())
            } else {
                None
            };
            let name = self.expect_ident("argument name");
            let unpacked = self.unpacked_dims();
            let default = if self.eat_op(Op::Assign) { Some(self.expr()) } else { None };
            let prev = ports.last();
            let ty = match (ty, dir, prev) {
                (Some(ty), _, _) => ty,
                (None, None, Some(prev)) => prev.ty.clone(),
                (None, _, _) => DataType::Implicit { signed: false, packed: Vec::new(), span: name.span },
            };
            let dir = dir.or(prev.map(|p| p.dir)).unwrap_or(Direction::Input);
            if !name.name.is_empty() {
                ports.push(TfPort { dir, ty, name, unpacked, default, span: self.span_from(start) });
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        ports
    }

    /// Old-style port declarations, block declarations and statements up to
    /// `end_kw`.
    fn tf_body(&mut self, end_kw: Keyword, ports: &mut Vec<TfPort>) -> (Vec<crate::ast::BlockDecl>, Vec<Stmt>) {
        let mut decls = Vec::new();
        let mut body = Vec::new();
        while !self.at_kw(end_kw) && !self.at_eof() {
            let before = self.pos();
            self.skip_attrs();
            if self.keyword().and_then(direction_of).is_some() {
                self.old_style_tf_ports(ports);
            } else if let Some(decl) = self.block_decl() {
                decls.push(decl);
            } else if self.at_tf_terminator() {
                break;
            } else {
                body.push(self.stmt());
            }
            self.progress_or_bump(before);
        }
        (decls, body)
    }

    fn at_tf_terminator(&self) -> bool {
        use Keyword::*;
        matches!(
            self.keyword(),
            Some(
                Endmodule
                    | Endfunction
                    | Endtask
                    | Endpackage
                    | Module
                    | Function
                    | Task
                    | Always
                    | AlwaysComb
                    | AlwaysFf
                    | AlwaysLatch
                    | Initial
            )
        )
    }

    /// `input [7:0] a, b;` inside a function or task.
    fn old_style_tf_ports(&mut self, ports: &mut Vec<TfPort>) {
        let dir = self.keyword().and_then(direction_of).unwrap_or(Direction::Input);
        self.bump();
        let _ = self.eat_kw(Keyword::Var);
        let ty = self.data_type_or_implicit();
        loop {
            let d_start = self.span();
            let name = self.expect_ident("argument name");
            if name.name.is_empty() {
                break;
            }
            let unpacked = self.unpacked_dims();
            let default = if self.eat_op(Op::Assign) { Some(self.expr()) } else { None };
            let span = d_start.to(self.prev_span());
            ports.push(TfPort { dir, ty: ty.clone(), name, unpacked, default, span });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::Semi) {
            self.sync_stmt();
        }
    }

    // ----- generate -------------------------------------------------------

    fn generate_region(&mut self, ctx: ItemCtx) -> ModuleItem {
        let start = self.span();
        self.bump();
        let mut items = Vec::new();
        while !self.at_kw(Keyword::Endgenerate) && !self.at_eof() && !self.at_kw(Keyword::Endmodule) {
            let before = self.pos();
            self.module_item(&mut items, ctx);
            self.progress_or_bump(before);
        }
        self.expect_kw(Keyword::Endgenerate);
        ModuleItem::GenerateRegion(items, self.span_from(start))
    }

    /// A generate block: `[label:] begin [: name] items end [: name]` or a
    /// single item.
    fn gen_block(&mut self) -> GenBlock {
        let start = self.span();
        if !self.enter() {
            self.sync_item();
            return GenBlock { label: None, items: Vec::new(), span: start };
        }
        let mut label = None;
        if self.kind() == TokenKind::Ident
            && self.peek_is_op(1, Op::Colon)
            && self.peek(2) == TokenKind::Keyword(Keyword::Begin)
        {
            label = self.eat_ident();
            self.bump();
        }
        let mut items = Vec::new();
        if self.eat_kw(Keyword::Begin) {
            if self.eat_op(Op::Colon) {
                let name = self.expect_ident("block name");
                if let Some(l) = &label {
                    if l.name != name.name {
                        self.error_at(
                            codes::MISMATCHED_END,
                            name.span,
                            format!("block name `{}` does not match its label `{}`", name.name, l.name),
                        );
                    }
                }
                label = Some(name);
            }
            while !self.at_kw(Keyword::End) && !self.at_eof() && !self.at_kw(Keyword::Endmodule) {
                let before = self.pos();
                self.module_item(&mut items, ItemCtx::LOCAL);
                self.progress_or_bump(before);
            }
            if self.expect_kw(Keyword::End) {
                self.end_label(label.as_ref());
            }
        } else {
            self.module_item(&mut items, ItemCtx::LOCAL);
        }
        self.leave();
        GenBlock { label, items, span: self.span_from(start) }
    }

    /// `for ([genvar] i = 0; i < N; i = i + 1) block`.
    fn gen_for(&mut self) -> ModuleItem {
        let start = self.span();
        self.bump();
        self.expect_op(Op::LParen);
        let inline_genvar = self.eat_kw(Keyword::Genvar);
        let var = self.expect_ident("genvar name");
        self.check_gen_loop_var(&var, inline_genvar);
        self.expect_op(Op::Assign);
        let init = self.expr();
        self.expect_op(Op::Semi);
        let cond = self.expr();
        self.expect_op(Op::Semi);
        let step = self.gen_step(&var);
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        self.gen_loop_vars.push(var.name.clone());
        let block = self.gen_block();
        self.gen_loop_vars.pop();
        ModuleItem::GenFor { var, init, cond, step, block, span: self.span_from(start) }
    }

    /// IEEE 1364-2005 12.4.1: a generate loop's index is a genvar (declared
    /// before, or inline with SystemVerilog's `for (genvar i = ...)`), and
    /// nested loops do not share one (the inner loop would reassign the
    /// outer loop's index while it is in use).
    fn check_gen_loop_var(&mut self, var: &Ident, inline_genvar: bool) {
        if var.name.is_empty() || inline_genvar {
            return;
        }
        self.gen_loop_indices.push(var.clone());
        if self.gen_loop_vars.contains(&var.name) {
            let msg = format!("genvar `{}` is already the index of an enclosing generate loop", var.name);
            self.error_at(codes::NOT_ALLOWED, var.span, msg);
        }
    }

    /// At the end of a module: every generate loop index not declared
    /// inline names a genvar of the module (declared before or after).
    fn check_gen_loop_indices_declared(&mut self) {
        for var in std::mem::take(&mut self.gen_loop_indices) {
            if !self.genvars.contains(&var.name) {
                let msg = format!("the index `{}` of a generate loop is not a declared genvar", var.name);
                self.error_at(codes::NOT_ALLOWED, var.span, msg);
            }
        }
    }

    /// The step of a generate loop, normalised to the new value of `var`:
    /// `i = e` -> `e`, `i += e` -> `i + e`, `i++` / `++i` -> `i + 1`.
    fn gen_step(&mut self, var: &Ident) -> Expr {
        let var_expr = |span: Span| Expr { kind: ExprKind::Ident { package: None, name: var.clone() }, span };
        let one = |span: Span| Expr {
            kind: ExprKind::Number(NumberLit { size: None, signed: true, base: None, digits: "1".into() }),
            span,
        };
        let start = self.span();
        if self.at_op(Op::PlusPlus) || self.at_op(Op::MinusMinus) {
            let op = if self.at_op(Op::PlusPlus) { BinaryOp::Add } else { BinaryOp::Sub };
            self.bump();
            let _ = self.expect_ident("genvar name");
            return binary(op, var_expr(start), one(start));
        }
        let _ = self.expect_ident("genvar name");
        let compound = match self.kind() {
            TokenKind::Op(Op::Assign) => None,
            TokenKind::Op(Op::PlusPlus) => {
                self.bump();
                return binary(BinaryOp::Add, var_expr(start), one(start));
            }
            TokenKind::Op(Op::MinusMinus) => {
                self.bump();
                return binary(BinaryOp::Sub, var_expr(start), one(start));
            }
            TokenKind::Op(Op::PlusAssign) => Some(BinaryOp::Add),
            TokenKind::Op(Op::MinusAssign) => Some(BinaryOp::Sub),
            TokenKind::Op(Op::StarAssign) => Some(BinaryOp::Mul),
            TokenKind::Op(Op::SlashAssign) => Some(BinaryOp::Div),
            TokenKind::Op(Op::PercentAssign) => Some(BinaryOp::Mod),
            TokenKind::Op(Op::AndAssign) => Some(BinaryOp::BitAnd),
            TokenKind::Op(Op::OrAssign) => Some(BinaryOp::BitOr),
            TokenKind::Op(Op::XorAssign) => Some(BinaryOp::BitXor),
            TokenKind::Op(Op::ShlAssign) => Some(BinaryOp::Shl),
            TokenKind::Op(Op::ShrAssign) => Some(BinaryOp::Shr),
            TokenKind::Op(Op::AShlAssign) => Some(BinaryOp::AShl),
            TokenKind::Op(Op::AShrAssign) => Some(BinaryOp::AShr),
            _ => {
                self.error_expected("`=`");
                return super::error_expr(start);
            }
        };
        self.bump();
        let rhs = self.expr();
        match compound {
            Some(op) => binary(op, var_expr(start), rhs),
            None => rhs,
        }
    }

    fn gen_if(&mut self) -> ModuleItem {
        let start = self.span();
        self.bump();
        self.expect_op(Op::LParen);
        let cond = self.expr();
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        let then_block = self.gen_block();
        let else_block = if self.eat_kw(Keyword::Else) { Some(self.gen_block()) } else { None };
        ModuleItem::GenIf { cond, then_block, else_block, span: self.span_from(start) }
    }

    fn gen_case(&mut self) -> ModuleItem {
        let start = self.span();
        self.bump();
        self.expect_op(Op::LParen);
        let expr = self.expr();
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        let mut items = Vec::new();
        while !self.at_kw(Keyword::Endcase) && !self.at_eof() && !self.at_kw(Keyword::Endmodule) {
            let before = self.pos();
            let mut exprs = Vec::new();
            if self.eat_kw(Keyword::Default) {
                self.eat_op(Op::Colon);
            } else {
                loop {
                    exprs.push(self.expr());
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                self.expect_op(Op::Colon);
            }
            let block = self.gen_block();
            items.push(GenCaseItem { exprs, block });
            self.progress_or_bump(before);
        }
        self.expect_kw(Keyword::Endcase);
        ModuleItem::GenCase { expr, items, span: self.span_from(start) }
    }
}
