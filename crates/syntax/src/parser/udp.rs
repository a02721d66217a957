//! User-defined primitives (IEEE 1364-2005 clause 8): the header with ANSI
//! or non-ANSI ports, the port and `reg` declarations, the `initial`
//! statement and the state table.
//!
//! Table rows are read from the characters of their tokens, not from the
//! tokens themselves: the lexer splits `0(01)1x` into numbers, identifiers
//! and operators in ways that carry no meaning here, while every table
//! symbol is one character (an edge is `(` two levels `)`). The table's
//! shape is checked here (E0205), so elaboration only sees well-formed rows.

use super::{op_text, Parser};
use crate::ast::{Expr, Ident, UdpDecl, UdpInput, UdpLevel, UdpOutput, UdpRow};
use crate::token::{Keyword, Op, TokenKind};
use wsim_diag::codes::parse as codes;
use wsim_diag::Span;

/// A table symbol and the span of the token it came from.
type Sym = (char, Span);

/// What the header and body declared about the ports.
#[derive(Default)]
struct UdpPorts {
    /// Port-list order (output first, by the standard).
    order: Vec<Ident>,
    output: Option<Ident>,
    inputs: Vec<Ident>,
    is_reg: bool,
    init: Option<Expr>,
}

fn level_of(c: char) -> Option<UdpLevel> {
    Some(match c {
        '0' => UdpLevel::Zero,
        '1' => UdpLevel::One,
        'x' | 'X' => UdpLevel::X,
        '?' => UdpLevel::Any,
        'b' | 'B' => UdpLevel::Bin,
        _ => return None,
    })
}

fn output_of(c: char) -> Option<UdpOutput> {
    Some(match c {
        '0' => UdpOutput::Zero,
        '1' => UdpOutput::One,
        'x' | 'X' => UdpOutput::X,
        '-' => UdpOutput::NoChange,
        _ => return None,
    })
}

fn is_edge(i: &UdpInput) -> bool {
    !matches!(i, UdpInput::Level(_))
}

impl Parser<'_> {
    /// `primitive name (ports); declarations [initial] table ... endtable
    /// endprimitive` (`primitive` current).
    pub(crate) fn udp_decl(&mut self) -> UdpDecl {
        let start = self.span();
        let timescale = self.timescale;
        self.bump();
        let name = self.expect_ident("primitive name");
        let mut ports = UdpPorts::default();
        if self.expect_op(Op::LParen) {
            self.udp_port_list(&mut ports);
        }
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        let mut rows = Vec::new();
        while !self.at_kw(Keyword::Endprimitive) && !self.at_eof() {
            let before = self.pos();
            self.skip_attrs();
            match self.keyword() {
                Some(Keyword::Input | Keyword::Output | Keyword::Reg) => self.udp_body_decl(&mut ports),
                Some(Keyword::Initial) => self.udp_initial(&mut ports),
                Some(Keyword::Table) => rows = self.udp_table(),
                Some(Keyword::Module | Keyword::Endmodule | Keyword::Primitive) => break,
                _ => {
                    self.error_expected("a port declaration, `initial` or `table`");
                    self.sync_item();
                }
            }
            self.progress_or_bump(before);
        }
        if self.expect_kw(Keyword::Endprimitive) {
            self.end_label(Some(&name));
        }
        let span = self.span_from(start);
        self.finish_udp(name, ports, rows, timescale, span)
    }

    /// Check the ports and the table against each other and build the decl.
    fn finish_udp(
        &mut self,
        name: Ident,
        ports: UdpPorts,
        rows: Vec<UdpRow>,
        timescale: Option<crate::ast::Timescale>,
        span: Span,
    ) -> UdpDecl {
        let output = ports.output.clone().unwrap_or_else(|| {
            self.error_at(codes::BAD_UDP, name.span, format!("primitive `{}` declares no output", name.name));
            Ident { name: String::new(), span: name.span }
        });
        if let Some(first) = ports.order.first() {
            if !output.name.is_empty() && first.name != output.name {
                self.error_at(codes::BAD_UDP, first.span, "the first port of a primitive must be its output");
            }
        }
        for p in &ports.order {
            if p.name != output.name && !ports.inputs.iter().any(|i| i.name == p.name) {
                self.error_at(codes::BAD_UDP, p.span, format!("port `{}` has no direction", p.name));
            }
        }
        if ports.inputs.is_empty() {
            self.error_at(codes::BAD_UDP, name.span, format!("primitive `{}` has no inputs", name.name));
        }
        if ports.init.is_some() && !ports.is_reg {
            self.error_at(codes::BAD_UDP, name.span, "only a sequential primitive (output `reg`) has an initial value");
        }
        if rows.is_empty() {
            self.error_at(codes::BAD_UDP, name.span, format!("primitive `{}` has no table rows", name.name));
        }
        let mut udp = UdpDecl {
            name,
            output,
            inputs: ports.inputs,
            sequential: ports.is_reg,
            init: ports.init,
            rows,
            timescale,
            span,
        };
        self.check_udp_rows(&mut udp);
        udp
    }

    /// The port list after `(`: plain names, or ANSI declarations
    /// (`output reg q = 0, input a, b`). Consumes the `)`.
    fn udp_port_list(&mut self, ports: &mut UdpPorts) {
        loop {
            self.skip_attrs();
            match self.keyword() {
                Some(Keyword::Output) => {
                    self.bump();
                    self.udp_output_names(ports);
                }
                Some(Keyword::Input) => {
                    self.bump();
                    // `input a, b` continues until the next direction.
                    loop {
                        let id = self.expect_ident("input name");
                        if !id.name.is_empty() {
                            ports.order.push(id.clone());
                            ports.inputs.push(id);
                        }
                        if !(self.at_op(Op::Comma) && self.peek(1) == TokenKind::Ident) {
                            break;
                        }
                        self.bump();
                    }
                }
                _ => {
                    let id = self.expect_ident("port name");
                    if id.name.is_empty() {
                        break;
                    }
                    ports.order.push(id);
                }
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
    }

    /// After `output`: `[reg] q [= init]` (one name: a UDP has one output).
    fn udp_output_names(&mut self, ports: &mut UdpPorts) {
        if self.eat_kw(Keyword::Reg) {
            ports.is_reg = true;
        }
        let id = self.expect_ident("output name");
        if id.name.is_empty() {
            return;
        }
        if let Some(prev) = &ports.output {
            if prev.name != id.name {
                self.error_at(codes::BAD_UDP, id.span, "a primitive has exactly one output");
            }
        }
        if !ports.order.iter().any(|p| p.name == id.name) {
            ports.order.push(id.clone());
        }
        ports.output = Some(id);
        if self.eat_op(Op::Assign) {
            ports.init = Some(self.expr());
        }
    }

    /// `output [reg] q [= v];`, `input a, b;`, `reg q;` in the body.
    fn udp_body_decl(&mut self, ports: &mut UdpPorts) {
        match self.keyword() {
            Some(Keyword::Output) => {
                self.bump();
                self.udp_output_names(ports);
            }
            Some(Keyword::Reg) => {
                self.bump();
                let id = self.expect_ident("output name");
                match &ports.output {
                    Some(o) if o.name == id.name => ports.is_reg = true,
                    _ if id.name.is_empty() => {}
                    _ => self.error_at(codes::BAD_UDP, id.span, "only the output of a primitive can be a `reg`"),
                }
                if self.eat_op(Op::Assign) {
                    ports.init = Some(self.expr());
                }
            }
            _ => {
                self.bump();
                loop {
                    let id = self.expect_ident("input name");
                    if id.name.is_empty() {
                        break;
                    }
                    if !ports.order.iter().any(|p| p.name == id.name) {
                        self.error_at(codes::BAD_UDP, id.span, format!("`{}` is not in the port list", id.name));
                    } else if !ports.inputs.iter().any(|p| p.name == id.name) {
                        ports.inputs.push(id);
                    }
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                // Inputs take the port-list order (the table's columns).
                let order = &ports.order;
                ports.inputs.sort_by_key(|i| order.iter().position(|p| p.name == i.name));
            }
        }
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
    }

    /// `initial q = 1'b0;`
    fn udp_initial(&mut self, ports: &mut UdpPorts) {
        self.bump();
        let id = self.expect_ident("output name");
        if !id.name.is_empty() && ports.output.as_ref().is_some_and(|o| o.name != id.name) {
            self.error_at(codes::BAD_UDP, id.span, "a primitive's `initial` statement must assign its output");
        }
        if self.expect_op(Op::Assign) {
            ports.init = Some(self.expr());
        }
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
    }

    /// `table rows endtable` (`table` current): the rows, checked against
    /// the ports later (see [`Self::check_udp_rows`]).
    fn udp_table(&mut self) -> Vec<UdpRow> {
        self.bump();
        let mut rows = Vec::new();
        while !self.at_kw(Keyword::Endtable) && !self.at_eof() && !self.at_kw(Keyword::Endprimitive) {
            let before = self.pos();
            let (fields, span) = self.udp_row_fields();
            if let Some(row) = self.udp_row(&fields, span) {
                rows.push(row);
            }
            self.progress_or_bump(before);
        }
        self.expect_kw(Keyword::Endtable);
        rows
    }

    /// The characters of one row's tokens up to its `;`, split at `:`.
    fn udp_row_fields(&mut self) -> (Vec<Vec<Sym>>, Span) {
        let start = self.span();
        let mut fields: Vec<Vec<Sym>> = vec![Vec::new()];
        loop {
            if self.at_kw(Keyword::Endtable) || self.at_kw(Keyword::Endprimitive) || self.at_eof() {
                self.error_expected("`;` at the end of the table row");
                break;
            }
            if self.eat_op(Op::Semi) {
                break;
            }
            let span = self.span();
            // Operators carry no text; `::` and `-:` hold separators too.
            let text = match self.kind() {
                TokenKind::Op(op) => op_text(op),
                _ => self.text(),
            };
            for c in text.chars() {
                match (c, fields.last_mut()) {
                    (':', _) => fields.push(Vec::new()),
                    (_, Some(f)) => f.push((c, span)),
                    _ => {}
                }
            }
            self.bump();
        }
        (fields, self.span_from(start))
    }

    /// One row from its fields; reports a malformed row and returns None.
    fn udp_row(&mut self, fields: &[Vec<Sym>], span: Span) -> Option<UdpRow> {
        if fields.len() != 2 && fields.len() != 3 {
            self.error_at(codes::BAD_UDP, span, "a table row is `inputs : output;` or `inputs : state : next;`");
            return None;
        }
        let inputs = self.udp_inputs(&fields[0], span)?;
        let state = match fields.len() {
            3 => Some(self.udp_single(&fields[1], span, "current state", level_of)?),
            _ => None,
        };
        let output = self.udp_single(fields.last()?, span, "output", output_of)?;
        Some(UdpRow { inputs, state, output, span })
    }

    /// The input field: level symbols, edge letters and `(vw)` edges.
    fn udp_inputs(&mut self, syms: &[Sym], row: Span) -> Option<Vec<UdpInput>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < syms.len() {
            let (c, sp) = syms[i];
            let entry = match c {
                '(' => {
                    let edge = match syms.get(i + 1..i + 4) {
                        Some([(a, _), (b, _), (')', _)]) => level_of(*a).zip(level_of(*b)),
                        _ => None,
                    };
                    let Some((a, b)) = edge else {
                        self.error_at(codes::BAD_UDP, sp, "an edge is `(vw)` with two of `0 1 x ? b`");
                        return None;
                    };
                    i += 3;
                    UdpInput::Edge(a, b)
                }
                'r' | 'R' => UdpInput::Edge(UdpLevel::Zero, UdpLevel::One),
                'f' | 'F' => UdpInput::Edge(UdpLevel::One, UdpLevel::Zero),
                'p' | 'P' => UdpInput::Posedge,
                'n' | 'N' => UdpInput::Negedge,
                '*' => UdpInput::Edge(UdpLevel::Any, UdpLevel::Any),
                _ => match level_of(c) {
                    Some(l) => UdpInput::Level(l),
                    None => {
                        self.error_at(codes::BAD_UDP, sp, format!("`{c}` is not a table input symbol"));
                        return None;
                    }
                },
            };
            out.push(entry);
            i += 1;
        }
        if out.is_empty() {
            self.error_at(codes::BAD_UDP, row, "a table row has no input entries");
            return None;
        }
        Some(out)
    }

    /// A one-symbol column (current state or output).
    fn udp_single<T>(&mut self, syms: &[Sym], row: Span, what: &str, conv: fn(char) -> Option<T>) -> Option<T> {
        match syms {
            [(c, sp)] => match conv(*c) {
                Some(v) => Some(v),
                None => {
                    self.error_at(codes::BAD_UDP, *sp, format!("`{c}` is not allowed as the {what}"));
                    None
                }
            },
            [] => {
                self.error_at(codes::BAD_UDP, row, format!("the {what} column is empty"));
                None
            }
            [_, (_, sp), ..] => {
                self.error_at(codes::BAD_UDP, *sp, format!("the {what} column takes one symbol"));
                None
            }
        }
    }

    /// Rows against the ports: one entry per input, a state column exactly
    /// in sequential UDPs, edges (at most one per row) and `-` only there.
    fn check_udp_rows(&mut self, udp: &mut UdpDecl) {
        let n = udp.inputs.len();
        let mut rows = std::mem::take(&mut udp.rows);
        rows.retain(|r| self.udp_row_ok(r, n, udp.sequential));
        udp.rows = rows;
    }

    fn udp_row_ok(&mut self, r: &UdpRow, n: usize, sequential: bool) -> bool {
        if r.inputs.len() != n {
            let msg = format!("this table row has {} input entries; the primitive has {n} inputs", r.inputs.len());
            self.error_at(codes::BAD_UDP, r.span, msg);
            return false;
        }
        if sequential != r.state.is_some() {
            let msg = if sequential {
                "a sequential primitive's row needs a current-state column (`inputs : state : next;`)"
            } else {
                "a combinational primitive's row has no current-state column (`inputs : output;`)"
            };
            self.error_at(codes::BAD_UDP, r.span, msg);
            return false;
        }
        let edges = r.inputs.iter().filter(|i| is_edge(i)).count();
        if edges > 0 && !sequential {
            self.error_at(codes::BAD_UDP, r.span, "an edge is only allowed in a sequential primitive's table");
            return false;
        }
        if edges > 1 {
            self.error_at(codes::BAD_UDP, r.span, "a table row may have at most one edge");
            return false;
        }
        if r.output == UdpOutput::NoChange && !sequential {
            self.error_at(codes::BAD_UDP, r.span, "`-` (no change) is only allowed in a sequential primitive");
            return false;
        }
        true
    }
}
