//! Data types, dimensions, declarators and the declarations built from
//! them: variables, parameters (body and `#( ... )` header lists), typedefs.

use super::Parser;
use crate::ast::{
    DataType, Declarator, EnumMember, EnumType, Ident, IntAtom, Lifetime, ParamAssign, ParamDecl, ParamValue, Range,
    StructMember, StructType, Typedef, VarDecl, VectorKind,
};
use crate::token::{Keyword, Op, TokenKind};

impl Parser<'_> {
    /// Whether the current token is a keyword that starts a data type.
    pub(crate) fn starts_type_keyword(&self) -> bool {
        use Keyword::*;
        matches!(
            self.keyword(),
            Some(
                Logic
                    | Reg
                    | Bit
                    | Byte
                    | Shortint
                    | Int
                    | Longint
                    | Integer
                    | Time
                    | Real
                    | Shortreal
                    | Realtime
                    | String
                    | Event
                    | Enum
                    | Struct
                    | Union
                    | Chandle
                    | Type
            )
        )
    }

    /// Whether an identifier at the current position names a type that a
    /// declaration starts with: `t x`, `p::t x`, `p::t [3:0] x`.
    pub(crate) fn ident_starts_decl(&self) -> bool {
        if self.kind() != TokenKind::Ident {
            return false;
        }
        let mut i = 1;
        if self.peek_is_op(1, Op::ColonColon) && self.peek(2) == TokenKind::Ident {
            i = 3;
        }
        if self.peek_is_op(i, Op::Hash) && self.peek_is_op(i + 1, Op::LParen) {
            // Parameterised class type: `cls #(8) obj`.
            match self.skip_parens_ahead(i + 1) {
                Some(j) => i = j,
                None => return false,
            }
        }
        match self.skip_brackets_ahead(i) {
            Some(i) => self.peek(i) == TokenKind::Ident,
            None => false,
        }
    }

    /// Lookahead index just past the balanced `(...)` group starting `i`
    /// tokens ahead.
    pub(crate) fn skip_parens_ahead(&self, mut i: usize) -> Option<usize> {
        let mut depth = 0u32;
        loop {
            match self.peek(i) {
                TokenKind::Eof | TokenKind::Op(Op::Semi) => return None,
                TokenKind::Op(Op::LParen) => depth += 1,
                TokenKind::Op(Op::RParen) => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// Lookahead index just past any balanced `[...]` groups starting `i`
    /// tokens ahead (None if the input ends inside one).
    pub(crate) fn skip_brackets_ahead(&self, mut i: usize) -> Option<usize> {
        while self.peek_is_op(i, Op::LBracket) {
            let mut depth = 0u32;
            loop {
                match self.peek(i) {
                    // A `;` never occurs inside: stop (bounds the lookahead).
                    TokenKind::Eof | TokenKind::Op(Op::Semi) => return None,
                    TokenKind::Op(Op::LBracket) => depth += 1,
                    TokenKind::Op(Op::RBracket) => {
                        depth -= 1;
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        Some(i)
    }

    /// Whether a data type (explicit or a typedef name) starts here.
    pub(crate) fn starts_data_type(&self) -> bool {
        self.starts_type_keyword() || self.ident_starts_decl()
    }

    /// An explicit data type: a type keyword with its signing and packed
    /// dimensions, an enum/struct/union, or a (package-scoped) typedef name.
    pub(crate) fn data_type(&mut self) -> DataType {
        let start = self.span();
        let Some(kw) = self.keyword() else {
            return self.named_type();
        };
        let atom = |a| Some(a);
        let int_atom = match kw {
            Keyword::Byte => atom(IntAtom::Byte),
            Keyword::Shortint => atom(IntAtom::Shortint),
            Keyword::Int => atom(IntAtom::Int),
            Keyword::Longint => atom(IntAtom::Longint),
            Keyword::Integer => atom(IntAtom::Integer),
            Keyword::Time => atom(IntAtom::Time),
            _ => None,
        };
        if let Some(atom) = int_atom {
            self.bump();
            let signed = self.signing();
            return DataType::Atom { atom, signed, span: self.span_from(start) };
        }
        let vector = match kw {
            Keyword::Logic => Some(VectorKind::Logic),
            Keyword::Reg => Some(VectorKind::Reg),
            Keyword::Bit => Some(VectorKind::Bit),
            _ => None,
        };
        if let Some(kind) = vector {
            self.bump();
            let signed = self.signing() == Some(true);
            let packed = self.packed_dims();
            return DataType::Vector { kind, signed, packed, span: self.span_from(start) };
        }
        let simple = match kw {
            Keyword::Real => Some(DataType::Real { span: start }),
            Keyword::Shortreal => Some(DataType::Shortreal { span: start }),
            Keyword::Realtime => Some(DataType::Realtime { span: start }),
            Keyword::String => Some(DataType::String { span: start }),
            Keyword::Event => Some(DataType::Event { span: start }),
            Keyword::Void => Some(DataType::Void { span: start }),
            _ => None,
        };
        if let Some(ty) = simple {
            self.bump();
            return ty;
        }
        match kw {
            Keyword::Enum | Keyword::Struct | Keyword::Union => {
                if !self.enter() {
                    self.sync_item();
                    return DataType::Unsupported { what: "too deeply nested type".into(), span: start };
                }
                let ty = if kw == Keyword::Enum { self.enum_type() } else { self.struct_type() };
                self.leave();
                ty
            }
            Keyword::Chandle => {
                self.bump();
                DataType::Unsupported { what: "chandle type".into(), span: start }
            }
            Keyword::Type => {
                self.bump();
                self.skip_parens();
                DataType::Unsupported { what: "type reference `type(...)`".into(), span: self.span_from(start) }
            }
            Keyword::Virtual => {
                self.bump();
                self.eat_kw(Keyword::Interface);
                self.eat_ident();
                if self.at_op(Op::Hash) && self.peek_is_op(1, Op::LParen) {
                    self.bump();
                    self.skip_parens();
                }
                if self.at_op(Op::Dot) && self.peek(1) == TokenKind::Ident {
                    self.bump();
                    self.bump();
                }
                DataType::Unsupported { what: "virtual interface".into(), span: self.span_from(start) }
            }
            Keyword::Signed | Keyword::Unsigned => self.implicit_type(),
            _ => {
                self.error_expected("data type");
                DataType::Unsupported { what: "missing data type".into(), span: start }
            }
        }
    }

    /// A data type, or an implicit one (`signed`, `[3:0]`, or nothing).
    pub(crate) fn data_type_or_implicit(&mut self) -> DataType {
        if self.starts_data_type() {
            self.data_type()
        } else {
            self.implicit_type()
        }
    }

    /// `[signed|unsigned] {[m:l]}` with no type keyword.
    pub(crate) fn implicit_type(&mut self) -> DataType {
        let start = self.span();
        let signed = self.signing() == Some(true);
        let packed = self.packed_dims();
        let span = if packed.is_empty() && !signed { start } else { self.span_from(start) };
        DataType::Implicit { signed, packed, span }
    }

    /// Whether the current token begins an implicit type (signing or range).
    pub(crate) fn starts_implicit_type(&self) -> bool {
        self.at_kw(Keyword::Signed) || self.at_kw(Keyword::Unsigned) || self.at_op(Op::LBracket)
    }

    /// Optional `signed` / `unsigned`.
    fn signing(&mut self) -> Option<bool> {
        if self.eat_kw(Keyword::Signed) {
            Some(true)
        } else if self.eat_kw(Keyword::Unsigned) {
            Some(false)
        } else {
            None
        }
    }

    /// `t`, `p::t`, then packed dimensions.
    fn named_type(&mut self) -> DataType {
        let start = self.span();
        let first = self.expect_ident("data type");
        let (package, name) = if self.at_op(Op::ColonColon) {
            self.bump();
            (Some(first), self.expect_ident("type name"))
        } else {
            (None, first)
        };
        if self.at_op(Op::Hash) && self.peek_is_op(1, Op::LParen) {
            // `cls #(T)` / `pkg::cls #(8)`: a parameterised class.
            let params = self.param_conns();
            if self.at_op(Op::ColonColon) && self.peek(1) == TokenKind::Ident {
                // `cls #(T)::type_t`: a type inside a specialisation.
                while self.at_op(Op::ColonColon) && self.peek(1) == TokenKind::Ident {
                    self.bump();
                    self.bump();
                }
                let what = format!("a type inside the parameterised class `{}`", name.name);
                return DataType::Unsupported { what, span: self.span_from(start) };
            }
            return DataType::ClassSpec { package, name, params, span: self.span_from(start) };
        }
        let packed = self.packed_dims();
        DataType::Named { package, name, packed, span: self.span_from(start) }
    }

    pub(crate) fn packed_dims(&mut self) -> Vec<Range> {
        let mut dims = Vec::new();
        while self.at_op(Op::LBracket) {
            dims.push(self.dimension());
        }
        dims
    }

    /// Unpacked dimensions after a declared name.
    pub(crate) fn unpacked_dims(&mut self) -> Vec<Range> {
        self.packed_dims()
    }

    /// `[m:l]`, `[n]`, `[]`, `[$]`, `[$:n]`, `[*]`, `[type]`.
    fn dimension(&mut self) -> Range {
        let start = self.span();
        self.bump(); // [
        if self.eat_op(Op::RBracket) {
            return Range::Unsized { span: self.span_from(start) };
        }
        if self.kind() == TokenKind::SystemIdent && self.text() == "$" {
            self.bump();
            let bound = if self.eat_op(Op::Colon) { Some(Box::new(self.expr())) } else { None };
            self.expect_op(Op::RBracket);
            return Range::Queue { bound, span: self.span_from(start) };
        }
        if self.at_op(Op::Star) && self.peek_is_op(1, Op::RBracket) {
            self.bump();
            self.bump();
            return Range::Assoc { key: None, span: self.span_from(start) };
        }
        if self.starts_type_keyword() {
            let key = self.data_type();
            self.expect_op(Op::RBracket);
            return Range::Assoc { key: Some(Box::new(key)), span: self.span_from(start) };
        }
        let first = self.expr();
        if self.eat_op(Op::Colon) {
            let lsb = self.expr();
            self.expect_op(Op::RBracket);
            Range::Bounds { msb: first, lsb, span: self.span_from(start) }
        } else {
            self.expect_op(Op::RBracket);
            Range::Size { size: first, span: self.span_from(start) }
        }
    }

    /// `enum [base] { A, B = 2, C[3] } [dims]`.
    fn enum_type(&mut self) -> DataType {
        let start = self.span();
        self.bump(); // enum
        let base = if self.at_op(Op::LBrace) {
            None
        } else if self.starts_implicit_type() {
            Some(self.implicit_type())
        } else {
            Some(self.data_type())
        };
        let mut members = Vec::new();
        if self.expect_op(Op::LBrace) {
            loop {
                let name = self.expect_ident("enum member name");
                let range = if self.at_op(Op::LBracket) { Some(self.dimension()) } else { None };
                let init = if self.eat_op(Op::Assign) { Some(self.expr()) } else { None };
                if !name.name.is_empty() {
                    members.push(EnumMember { name, range, init });
                }
                if !self.eat_op(Op::Comma) {
                    break;
                }
            }
            if !self.expect_op(Op::RBrace) {
                self.skip_to_close(Op::LBrace, Op::RBrace);
            }
        }
        let packed = self.packed_dims();
        DataType::Enum(Box::new(EnumType { base, members, packed, span: self.span_from(start) }))
    }

    /// `struct|union [packed [signed]] { members } [dims]`.
    fn struct_type(&mut self) -> DataType {
        let start = self.span();
        let is_union = self.at_kw(Keyword::Union);
        self.bump();
        let tagged = is_union && self.eat_kw(Keyword::Tagged);
        let packed = self.eat_kw(Keyword::Packed);
        let signed = packed && self.signing() == Some(true);
        let mut members = Vec::new();
        if self.expect_op(Op::LBrace) {
            while !self.at_op(Op::RBrace) && !self.at_eof() {
                let before = self.pos();
                self.skip_attrs();
                let _ = self.eat_kw(Keyword::Rand) || self.eat_kw(Keyword::Randc);
                if self.starts_data_type() || self.at_kw(Keyword::Void) {
                    let ty = self.data_type();
                    let declarators = self.declarators();
                    self.expect_op(Op::Semi);
                    members.push(StructMember { ty, declarators });
                } else {
                    self.error_expected("struct member declaration");
                    self.skip_to_semi_or(Op::RBrace);
                }
                self.progress_or_bump(before);
            }
            self.expect_op(Op::RBrace);
        }
        let dims = self.packed_dims();
        DataType::Struct(Box::new(StructType {
            is_union,
            tagged,
            packed,
            signed,
            members,
            dims,
            span: self.span_from(start),
        }))
    }

    /// Skip past the next `;`, or up to (not past) `stop`, at depth zero.
    fn skip_to_semi_or(&mut self, stop: Op) {
        while !self.at_eof() && !self.at_op(stop) {
            if self.eat_op(Op::Semi) {
                return;
            }
            self.bump();
        }
    }

    /// Skip to and past the `close` matching an already-consumed `open`.
    pub(crate) fn skip_to_close(&mut self, open: Op, close: Op) {
        let mut depth = 0u32;
        while !self.at_eof() {
            if self.at_op(open) {
                depth += 1;
            } else if self.at_op(close) {
                self.bump();
                if depth == 0 {
                    return;
                }
                depth -= 1;
                continue;
            }
            self.bump();
        }
    }

    /// `a`, `b[3:0] = 1`, ... separated by commas.
    pub(crate) fn declarators(&mut self) -> Vec<Declarator> {
        let mut v = Vec::new();
        loop {
            let start = self.span();
            let name = self.expect_ident("identifier");
            if name.name.is_empty() {
                break;
            }
            let unpacked = self.unpacked_dims();
            let init = if self.eat_op(Op::Assign) { Some(self.expr()) } else { None };
            v.push(Declarator { name, unpacked, init, span: self.span_from(start) });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        v
    }

    /// A variable declaration after its qualifiers:
    /// `[var] [lifetime] type a, b = 1;` (`;` consumed).
    pub(crate) fn var_decl(&mut self) -> VarDecl {
        let start = self.span();
        let mut is_const = false;
        let mut lifetime = None;
        let mut has_var = false;
        loop {
            match self.keyword() {
                Some(Keyword::Const) => is_const = true,
                Some(Keyword::Var) => has_var = true,
                Some(Keyword::Static) => lifetime = Some(Lifetime::Static),
                Some(Keyword::Automatic) => lifetime = Some(Lifetime::Automatic),
                _ => break,
            }
            self.bump();
        }
        let ty = if has_var { self.data_type_or_implicit() } else { self.data_type() };
        let vars = self.declarators();
        if !self.expect_op(Op::Semi) {
            self.sync_stmt();
        }
        VarDecl { ty, is_const, lifetime, vars, span: self.span_from(start) }
    }

    /// Whether a variable declaration (with optional qualifiers) starts here.
    pub(crate) fn starts_var_decl(&self) -> bool {
        match self.keyword() {
            Some(Keyword::Const | Keyword::Var) => true,
            Some(Keyword::Static | Keyword::Automatic | Keyword::Virtual) => true,
            _ => self.starts_data_type(),
        }
    }

    /// `typedef type name [dims];` (`typedef` is current).
    pub(crate) fn typedef(&mut self) -> Option<Typedef> {
        let start = self.span();
        self.bump();
        if self.at_kw(Keyword::Class) || self.at_kw(Keyword::Interface) {
            // `typedef class C;` (8.27): a forward declaration; classes are
            // collected before any use, so there is nothing to record.
            self.skip_past_semi();
            return None;
        }
        let forward_kind = matches!(self.keyword(), Some(Keyword::Enum | Keyword::Struct | Keyword::Union))
            && self.peek(1) == TokenKind::Ident
            && self.peek_is_op(2, Op::Semi);
        if forward_kind {
            // `typedef struct name;`: a forward declaration, nothing to record.
            self.bump();
        }
        if self.kind() == TokenKind::Ident && self.peek_is_op(1, Op::Semi) {
            // Forward typedef `typedef name;`: checked at the end of input.
            let name = Ident { name: self.text().to_string(), span: self.span() };
            self.forward_typedefs.push(name);
            self.bump();
            self.bump();
            return None;
        }
        let ty = self.data_type();
        let name = self.expect_ident("type name");
        let unpacked = self.unpacked_dims();
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        Some(Typedef { name, ty, unpacked, span: self.span_from(start) })
    }

    /// `parameter ...;` / `localparam ...;` in a body (keyword current).
    /// `force_local` makes a `parameter` local (module with a header list).
    pub(crate) fn param_decl(&mut self, force_local: bool) -> ParamDecl {
        let start = self.span();
        let local = self.at_kw(Keyword::Localparam) || force_local;
        self.bump();
        let (is_type, ty) = self.param_type_part();
        let mut assigns = Vec::new();
        loop {
            assigns.push(self.param_assign(is_type));
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::Semi) {
            self.sync_item();
        }
        ParamDecl { local, is_type, ty, assigns, span: self.span_from(start) }
    }

    /// `type` or an optional data type before a parameter's name.
    fn param_type_part(&mut self) -> (bool, Option<DataType>) {
        if self.eat_kw(Keyword::Type) {
            return (true, None);
        }
        if self.starts_data_type() {
            return (false, Some(self.data_type()));
        }
        if self.starts_implicit_type() {
            return (false, Some(self.implicit_type()));
        }
        (false, None)
    }

    /// `name [dims] [= value]`.
    fn param_assign(&mut self, is_type: bool) -> ParamAssign {
        let start = self.span();
        let name = self.expect_ident("parameter name");
        let unpacked = self.unpacked_dims();
        let value = if self.eat_op(Op::Assign) {
            Some(if is_type { ParamValue::Type(self.data_type()) } else { ParamValue::Expr(self.mintypmax_expr()) })
        } else {
            None
        };
        ParamAssign { name, unpacked, value, span: self.span_from(start) }
    }

    /// The `#( ... )` parameter port list of a module header (`#` current).
    pub(crate) fn param_port_list(&mut self) -> Vec<ParamDecl> {
        let mut decls: Vec<ParamDecl> = Vec::new();
        self.bump(); // #
        if !self.expect_op(Op::LParen) {
            return decls;
        }
        if self.eat_op(Op::RParen) {
            return decls;
        }
        loop {
            self.skip_attrs();
            let start = self.span();
            let new_decl = match self.keyword() {
                Some(Keyword::Parameter | Keyword::Localparam) => {
                    let local = self.at_kw(Keyword::Localparam);
                    self.bump();
                    Some(local)
                }
                _ if self.starts_data_type() || self.starts_implicit_type() || self.at_kw(Keyword::Type) => {
                    Some(decls.last().is_some_and(|d| d.local))
                }
                _ => None,
            };
            let needs_decl = new_decl.is_some() || decls.is_empty();
            if needs_decl {
                let (is_type, ty) = self.param_type_part();
                let local = new_decl.unwrap_or(false);
                decls.push(ParamDecl { local, is_type, ty, assigns: Vec::new(), span: start });
            }
            let Some(decl) = decls.last_mut() else { break };
            let assign = self.param_assign(decl.is_type);
            decl.span = decl.span.to(assign.span);
            decl.assigns.push(assign);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.expect_op(Op::RParen) {
            self.skip_to_rparen();
        }
        decls
    }
}
