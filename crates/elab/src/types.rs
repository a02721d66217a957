//! Elaboration data types: what the IR [`Type`] flattens away (packed
//! dimensions, struct members, enum members) and the conversion from
//! `ast::DataType`.

use std::rc::Rc;

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{Const, Dim, Type, TypeKind};
use wsim_syntax::ast;

use crate::ctx::{Elab, LexId, Sym, Value};

#[derive(Clone, Debug, PartialEq)]
pub enum Base {
    /// One bit of `logic`/`reg` (four-state) or `bit` (two-state).
    Logic {
        four_state: bool,
    },
    Real,
    Event,
    /// A SystemVerilog `string` (1800-2017 6.16): not packed, no packed
    /// dimensions; its IR type is `Type::STRING`.
    String,
    Struct(Rc<StructInfo>),
    Enum(Rc<EnumInfo>),
    /// A dynamic array, queue or associative array (`containers.rs`): a
    /// 64-bit handle whose IR type is `TypeKind::Container`.
    Container(Rc<crate::containers::ContainerInfo>),
    /// A class handle (1800-2017 8.4): index into the elaborator's class
    /// table (`classes.rs`); the value is a 32-bit two-state object address,
    /// 0 for `null`.
    Class(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct StructInfo {
    pub members: Vec<Member>,
    pub width: u32,
    pub four_state: bool,
    /// An unpacked struct's initial value when it is not all X: members'
    /// default values (`int a = 5;`, 1800-2017 7.2.2) and 0 for two-state
    /// members (unpacked structs use the flat layout of a packed one).
    pub default: Option<Const>,
    /// A tagged union (7.3.2): the tag's width (0 for other structs and
    /// unions). The tag, the member's index, sits above the member bits;
    /// members are left-justified below it.
    pub tag_width: u32,
    /// Which members are `void` (tagged unions only; they hold no value).
    pub void_members: Vec<bool>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub name: String,
    pub ty: DataTy,
    /// Bit offset of the member's LSB inside the struct.
    pub offset: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EnumInfo {
    pub base: DataTy,
    pub members: Vec<(String, Const)>,
}

/// A packed type: a base element with packed dimensions (outermost first).
#[derive(Clone, Debug, PartialEq)]
pub struct DataTy {
    pub base: Base,
    pub signed: bool,
    pub packed: Vec<(i64, i64)>,
    /// Unpacked dimensions a typedef carries (`typedef T mem_t [4];`): a
    /// declaration of this type moves them into its signal's dimensions.
    pub unpacked: Vec<Dim>,
}

fn dim_size(d: (i64, i64)) -> u64 {
    d.0.abs_diff(d.1).saturating_add(1)
}

impl DataTy {
    pub fn logic(width: u32, signed: bool) -> DataTy {
        DataTy::vector(width, signed, true)
    }
    pub fn vector(width: u32, signed: bool, four_state: bool) -> DataTy {
        let packed = if width > 1 || signed { vec![(width as i64 - 1, 0)] } else { vec![] };
        DataTy { base: Base::Logic { four_state }, signed, packed, unpacked: vec![] }
    }
    pub fn real() -> DataTy {
        DataTy { base: Base::Real, signed: true, packed: vec![], unpacked: vec![] }
    }
    pub fn event() -> DataTy {
        DataTy { base: Base::Event, signed: false, packed: vec![], unpacked: vec![] }
    }
    pub fn string() -> DataTy {
        DataTy { base: Base::String, signed: false, packed: vec![], unpacked: vec![] }
    }
    pub fn is_string(&self) -> bool {
        matches!(self.base, Base::String)
    }
    /// A handle of class `idx` (see [`Base::Class`]).
    pub fn class(idx: usize) -> DataTy {
        DataTy { base: Base::Class(idx), signed: false, packed: vec![], unpacked: vec![] }
    }
    /// The class of a handle type.
    pub fn class_idx(&self) -> Option<usize> {
        match self.base {
            Base::Class(c) if self.packed.is_empty() => Some(c),
            _ => None,
        }
    }
    pub fn from_ir(t: Type) -> DataTy {
        match t.kind {
            TypeKind::String => DataTy::string(),
            TypeKind::Real => DataTy::real(),
            TypeKind::Event => DataTy::event(),
            TypeKind::Integral => DataTy::vector(t.width, t.signed, t.four_state),
            // Only elaboration makes container types, and it keeps their
            // `DataTy`; a bare handle reads as a 64-bit value.
            TypeKind::Container(_) => DataTy::vector(64, false, false),
        }
    }
    fn base_width(&self) -> u32 {
        match &self.base {
            Base::Logic { .. } => 1,
            Base::Real => 64,
            Base::Event => 1,
            Base::String | Base::Container(_) => 64,
            Base::Struct(s) => s.width,
            Base::Enum(e) => e.base.width(),
            Base::Class(_) => crate::classes::HANDLE_BITS,
        }
    }
    pub fn width(&self) -> u32 {
        let n: u64 = self.packed.iter().map(|&d| dim_size(d)).product();
        (self.base_width() as u64 * n).min(u32::MAX as u64) as u32
    }
    pub fn four_state(&self) -> bool {
        match &self.base {
            Base::Logic { four_state } => *four_state,
            Base::Real | Base::Event | Base::String | Base::Container(_) | Base::Class(_) => false,
            Base::Struct(s) => s.four_state,
            Base::Enum(e) => e.base.four_state(),
        }
    }
    pub fn is_real(&self) -> bool {
        matches!(self.base, Base::Real)
    }
    pub fn ir_type(&self) -> Type {
        match &self.base {
            Base::Real => Type::REAL,
            Base::Event => Type::EVENT,
            Base::String => Type::STRING,
            Base::Container(c) => c.ir,
            _ => Type {
                kind: TypeKind::Integral,
                width: self.width(),
                signed: self.signed,
                four_state: self.four_state(),
            },
        }
    }
    /// Declared `[msb:lsb]` for waves: the single packed range, or `width-1:0`.
    pub fn outer_range(&self) -> (i64, i64) {
        match (self.packed.len(), &self.base) {
            (1, Base::Logic { .. }) => self.packed[0],
            _ => (self.width() as i64 - 1, 0),
        }
    }
    /// The range that an index into this type selects from, and the type of
    /// one element. Vectors without packed dimensions (a struct, an enum, a
    /// scalar) index their bits `[width-1:0]`.
    pub fn select_dim(&self) -> ((i64, i64), DataTy) {
        if let Some((&first, rest)) = self.packed.split_first() {
            return (first, DataTy { base: self.base.clone(), signed: false, packed: rest.to_vec(), unpacked: vec![] });
        }
        if let Base::Enum(e) = &self.base {
            return e.base.select_dim();
        }
        let fs = self.four_state();
        (
            (self.width() as i64 - 1, 0),
            DataTy { base: Base::Logic { four_state: fs }, signed: false, packed: vec![], unpacked: vec![] },
        )
    }
    pub fn enum_info(&self) -> Option<&Rc<EnumInfo>> {
        match &self.base {
            Base::Enum(e) if self.packed.is_empty() => Some(e),
            _ => None,
        }
    }
    pub fn struct_info(&self) -> Option<&Rc<StructInfo>> {
        match &self.base {
            Base::Struct(s) if self.packed.is_empty() => Some(s),
            _ => None,
        }
    }
}

/// Position of declared index `i` in a dimension `(left, right)`, counted
/// from the right (least significant) end.
pub fn dim_pos(d: (i64, i64), i: i64) -> i64 {
    // Saturating: hostile constant indices near i64::MIN/MAX must not
    // overflow; such positions are out of range either way.
    if d.0 >= d.1 {
        i.saturating_sub(d.1)
    } else {
        d.1.saturating_sub(i)
    }
}

impl<'a> Elab<'a> {
    /// Convert a syntactic data type; binds enum member names in `lex`.
    pub fn data_type(&mut self, lex: LexId, t: &'a ast::DataType) -> DataTy {
        let dt = self.data_type_unchecked(lex, t);
        // Saturating: `[99999999999999999999:0][4:0]` must not overflow u64.
        let w: u64 = dt.packed.iter().fold(dt.base_width() as u64, |acc, &d| acc.saturating_mul(dim_size(d)));
        if w > crate::expr::MAX_WIDTH as u64 {
            self.error(
                code::TYPE_ERROR,
                t.span(),
                format!("a packed type of {w} bits is wider than wsim's limit of {} bits", crate::expr::MAX_WIDTH),
            );
            return DataTy::logic(1, false);
        }
        dt
    }

    fn data_type_unchecked(&mut self, lex: LexId, t: &'a ast::DataType) -> DataTy {
        match t {
            ast::DataType::Implicit { signed, packed, .. } => {
                let packed = self.packed_dims(lex, packed);
                DataTy { base: Base::Logic { four_state: true }, signed: *signed, packed, unpacked: vec![] }
            }
            ast::DataType::Vector { kind, signed, packed, .. } => {
                let packed = self.packed_dims(lex, packed);
                DataTy {
                    base: Base::Logic { four_state: *kind != ast::VectorKind::Bit },
                    signed: *signed,
                    packed,
                    unpacked: vec![],
                }
            }
            ast::DataType::Atom { atom, signed, .. } => {
                let (w, s, fs) = match atom {
                    ast::IntAtom::Byte => (8, true, false),
                    ast::IntAtom::Shortint => (16, true, false),
                    ast::IntAtom::Int => (32, true, false),
                    ast::IntAtom::Longint => (64, true, false),
                    ast::IntAtom::Integer => (32, true, true),
                    ast::IntAtom::Time => (64, false, true),
                };
                DataTy {
                    base: Base::Logic { four_state: fs },
                    signed: signed.unwrap_or(s),
                    packed: vec![(w - 1, 0)],
                    unpacked: vec![],
                }
            }
            ast::DataType::Real { .. } | ast::DataType::Shortreal { .. } | ast::DataType::Realtime { .. } => {
                DataTy::real()
            }
            ast::DataType::Event { .. } => DataTy::event(),
            ast::DataType::String { .. } => DataTy::string(),
            ast::DataType::Void { span } => {
                self.error(code::TYPE_ERROR, *span, "`void` is not allowed here");
                DataTy::logic(1, false)
            }
            ast::DataType::Named { package, name, packed, span } => {
                let sym = match package {
                    // `C::T`: a type of a class (8.23) when no package is named `C`.
                    Some(p) => self.lookup_package(&p.name, &name.name).or_else(|| {
                        let cl = self.class_scope_lex(lex, &p.name, *span)?;
                        self.lex[cl].names.get(&name.name).cloned()
                    }),
                    None => self.lookup(lex, &name.name),
                };
                let mut ty = match sym {
                    Some(Sym::Type(t)) if t.class_idx().is_some() => {
                        let c = t.class_idx().unwrap_or(0);
                        DataTy::class(self.class_for_use(lex, c, &[], *span))
                    }
                    Some(Sym::Type(t)) => t,
                    _ => {
                        self.error(code::UNDECLARED, *span, unknown_type_message(&name.name));
                        DataTy::logic(1, false)
                    }
                };
                if !packed.is_empty() {
                    let mut dims = self.packed_dims(lex, packed);
                    // `T [3:0] x`: the new dimensions go outside T's own;
                    // struct and enum elements keep their base.
                    dims.extend(ty.packed.iter().copied());
                    ty.packed = dims;
                    ty.signed = false;
                }
                ty
            }
            ast::DataType::Enum(e) => self.enum_type(lex, e),
            ast::DataType::Struct(s) => self.struct_type(lex, s),
            ast::DataType::ClassSpec { package, name, params, span } => {
                self.class_spec_type(lex, package.as_ref(), name, params, *span)
            }
            ast::DataType::Unsupported { what, span } => {
                self.unsupported(what, *span);
                DataTy::logic(1, false)
            }
        }
    }

    pub fn packed_dims(&mut self, lex: LexId, ranges: &'a [ast::Range]) -> Vec<(i64, i64)> {
        let mut out = Vec::new();
        for r in ranges {
            match r {
                ast::Range::Bounds { msb, lsb, .. } => {
                    let m = self.eval_i64(lex, msb).unwrap_or(0);
                    let l = self.eval_i64(lex, lsb).unwrap_or(0);
                    out.push((m, l));
                }
                ast::Range::Size { size, .. } => {
                    let n = self.eval_i64(lex, size).unwrap_or(1);
                    out.push((n - 1, 0));
                }
                ast::Range::Unsized { span } | ast::Range::Queue { span, .. } | ast::Range::Assoc { span, .. } => {
                    self.unsupported("an unsized packed dimension", *span)
                }
            }
        }
        out
    }

    pub fn unpacked_dims(&mut self, lex: LexId, ranges: &'a [ast::Range]) -> Vec<Dim> {
        let mut out = Vec::new();
        for r in ranges {
            match r {
                ast::Range::Bounds { msb, lsb, .. } => {
                    let m = self.eval_i64(lex, msb).unwrap_or(0);
                    let l = self.eval_i64(lex, lsb).unwrap_or(0);
                    out.push(Dim { left: m, right: l });
                }
                ast::Range::Size { size, span } => {
                    let n = self.eval_i64(lex, size).unwrap_or(1);
                    if n < 1 {
                        self.error(code::TYPE_ERROR, *span, "array size must be positive");
                    }
                    out.push(Dim { left: 0, right: n.max(1) - 1 });
                }
                ast::Range::Unsized { span } | ast::Range::Queue { span, .. } | ast::Range::Assoc { span, .. } => {
                    self.unsupported("a dynamic array, queue or associative array dimension here", *span)
                }
            }
            self.check_array_elements(&mut out, r);
        }
        out
    }

    /// An array whose elements could not fit a 4 GiB arena is an error
    /// (E0402) now, before element counts overflow u64 further on; its last
    /// dimension becomes `[0:0]` so elaboration can go on.
    fn check_array_elements(&mut self, dims: &mut [Dim], range: &ast::Range) {
        let total = dims.iter().try_fold(1u128, |acc, d| {
            let size = u128::from(d.left.abs_diff(d.right)) + 1;
            acc.checked_mul(size).filter(|&t| t <= 1 << 32)
        });
        if total.is_some() {
            return;
        }
        let span = match range {
            ast::Range::Bounds { span, .. }
            | ast::Range::Size { span, .. }
            | ast::Range::Unsized { span }
            | ast::Range::Queue { span, .. }
            | ast::Range::Assoc { span, .. } => *span,
        };
        self.error(
            wsim_diag::codes::codegen::TOO_LARGE,
            span,
            "an array of more than 2^32 elements does not fit in a 4 GiB arena",
        );
        if let Some(last) = dims.last_mut() {
            *last = Dim { left: 0, right: 0 };
        }
    }

    fn enum_type(&mut self, lex: LexId, e: &'a ast::EnumType) -> DataTy {
        let mut base = match &e.base {
            Some(b) => self.data_type(lex, b),
            None => DataTy {
                base: Base::Logic { four_state: false },
                signed: true,
                packed: vec![(31, 0)],
                unpacked: vec![],
            },
        };
        if base.packed.is_empty() && matches!(base.base, Base::Logic { .. }) {
            base.packed = vec![(0, 0)];
        }
        let width = base.width();
        let mut next = Const::from_u64(width, base.signed, 0);
        // (name, value, span) of every member; `name[N]` / `name[a:b]`
        // ranges expand to name0.. / name_a..name_b (1800-2017 6.19.2).
        let mut members: Vec<(String, Const, Span)> = Vec::new();
        for m in &e.members {
            let names: Vec<String> = match &m.range {
                None => vec![m.name.name.clone()],
                Some(ast::Range::Size { size, .. }) => {
                    let n = self.eval_i64(lex, size).unwrap_or(0).max(0);
                    (0..n).map(|i| format!("{}{i}", m.name.name)).collect()
                }
                Some(ast::Range::Bounds { msb, lsb, .. }) => {
                    let (a, b) = (self.eval_i64(lex, msb).unwrap_or(0), self.eval_i64(lex, lsb).unwrap_or(0));
                    let step = if a <= b { 1 } else { -1 };
                    let mut v = Vec::new();
                    let mut i = a;
                    loop {
                        v.push(format!("{}{i}", m.name.name));
                        if i == b {
                            break;
                        }
                        i += step;
                    }
                    v
                }
                Some(
                    ast::Range::Unsized { span } | ast::Range::Queue { span, .. } | ast::Range::Assoc { span, .. },
                ) => {
                    self.unsupported("an unsized enum member range", *span);
                    vec![]
                }
            };
            for (k, name) in names.into_iter().enumerate() {
                if let (Some(init), 0) = (&m.init, k) {
                    self.check_enum_member_value(lex, init, &base, width);
                }
                let val = match (&m.init, k) {
                    (Some(init), 0) => match self.eval_const(lex, init) {
                        Some(Value::Int(c)) => crate::consteval::resize_const(&c, width, base.signed),
                        Some(Value::Real(r)) => Const::from_u64(width, base.signed, r.round() as i64 as u64),
                        None => next.clone(),
                    },
                    _ => next.clone(),
                };
                if members.iter().any(|(_, v, _)| *v == val) {
                    self.error(
                        code::DUPLICATE,
                        m.name.span,
                        format!("enum member `{name}` repeats the value of another member"),
                    );
                }
                next = crate::consteval::add_const(&val, 1);
                members.push((name, val, m.name.span));
            }
        }
        let info = Rc::new(EnumInfo {
            base: base.clone(),
            members: members.iter().map(|(n, v, _)| (n.clone(), v.clone())).collect(),
        });
        let ty = DataTy { base: Base::Enum(info), signed: base.signed, packed: vec![], unpacked: vec![] };
        let mut ty = ty;
        if !e.packed.is_empty() {
            ty.packed = self.packed_dims(lex, &e.packed);
        }
        for (name, val, span) in members {
            let elem = DataTy { packed: vec![], ..ty.clone() };
            self.bind(lex, &name, Sym::Param(Value::Int(val), elem), span);
        }
        ty
    }

    fn struct_type(&mut self, lex: LexId, s: &'a ast::StructType) -> DataTy {
        let mut fields = Vec::new();
        let mut defaults = Vec::new();
        let mut void_members = Vec::new();
        for m in &s.members {
            let is_void = s.tagged && matches!(m.ty, ast::DataType::Void { .. });
            let ty = if is_void { DataTy::vector(1, false, false) } else { self.data_type(lex, &m.ty) };
            for d in &m.declarators {
                void_members.push(is_void);
                let ty = self.struct_member_type(lex, s, &ty, d);
                if let Some(init) = &d.init {
                    self.struct_member_default(lex, s, fields.len(), init, &mut defaults);
                }
                fields.push((d.name.name.clone(), ty));
            }
        }
        let four_state = fields.iter().any(|(_, t)| t.four_state());
        let mut members = Vec::new();
        let width;
        let mut tag_width = 0;
        if s.tagged {
            (width, tag_width) = tagged_layout(fields, &void_members, &mut members);
        } else if s.is_union {
            width = fields.iter().map(|(_, t)| t.width()).max().unwrap_or(1);
            for (name, ty) in fields {
                members.push(Member { name, ty, offset: 0 });
            }
        } else {
            let mut offset = 0u32;
            for (name, ty) in fields.into_iter().rev() {
                let w = ty.width();
                members.push(Member { name, ty, offset });
                offset += w;
            }
            members.reverse();
            width = offset.max(1);
        }
        let default = if s.packed { None } else { self.unpacked_struct_default(&members, width, four_state, defaults) };
        let info = Rc::new(StructInfo { members, width, four_state, default, tag_width, void_members });
        let mut ty = DataTy { base: Base::Struct(info), signed: s.signed, packed: vec![], unpacked: vec![] };
        if !s.dims.is_empty() {
            ty.packed = self.packed_dims(lex, &s.dims);
            ty.signed = false;
        }
        ty
    }
}

/// Write `src` (resized by the caller) into `dst` at bit `offset`, both
/// planes.
fn put_const_bits(dst: &mut Const, offset: u32, src: &Const) {
    let (dl, sl) = (Const::limbs(dst.width), Const::limbs(src.width));
    for i in 0..src.width {
        let (sw, sb) = ((i / 64) as usize, i % 64);
        let j = offset + i;
        if j >= dst.width {
            break;
        }
        let (dw, db) = ((j / 64) as usize, j % 64);
        for plane in 0..2 {
            let bit = (src.words[plane * sl + sw] >> sb) & 1;
            let w = &mut dst.words[plane * dl + dw];
            *w = (*w & !(1 << db)) | (bit << db);
        }
    }
}

impl<'a> Elab<'a> {
    /// A member's type: unpacked dimensions of a member of an unpacked
    /// struct become dimensions of its flat layout; members that cannot be
    /// flattened are reported.
    fn struct_member_type(
        &mut self,
        lex: LexId,
        s: &'a ast::StructType,
        ty: &DataTy,
        d: &'a ast::Declarator,
    ) -> DataTy {
        let mut ty = ty.clone();
        if !d.unpacked.is_empty() || !ty.unpacked.is_empty() {
            if s.packed {
                self.error(
                    code::TYPE_ERROR,
                    d.span,
                    "a member of a packed struct or union must be a packed type (7.2.1)",
                );
                return ty;
            }
            let mut dims = self.unpacked_dims(lex, &d.unpacked);
            dims.append(&mut ty.unpacked);
            let mut packed: Vec<(i64, i64)> = dims.iter().map(|d| (d.left, d.right)).collect();
            packed.append(&mut ty.packed);
            ty.packed = packed;
            ty.signed = false;
        }
        if !s.packed && matches!(ty.base, Base::Real | Base::String | Base::Event) {
            self.unsupported("a real, string or event member of an unpacked struct or union", d.span);
            return DataTy::logic(1, false);
        }
        ty
    }

    /// `int a = 5;` inside an unpacked struct: a constant default value
    /// (7.2.2); packed structs and unions cannot have one.
    fn struct_member_default(
        &mut self,
        lex: LexId,
        s: &'a ast::StructType,
        index: usize,
        init: &'a ast::Expr,
        out: &mut Vec<(usize, Const)>,
    ) {
        if s.packed || s.is_union {
            let what = if s.is_union { "a union" } else { "a packed struct" };
            self.error(code::TYPE_ERROR, init.span, format!("a member of {what} cannot have a default value (7.2.2)"));
            return;
        }
        match self.eval_const(lex, init) {
            Some(Value::Int(c)) => out.push((index, c)),
            Some(Value::Real(_)) => {
                self.error(code::TYPE_ERROR, init.span, "a real default value for an integral member")
            }
            None => {}
        }
    }

    /// The initial value of an unpacked struct: X for four-state members,
    /// 0 for two-state ones, then the members' defaults. None when that is
    /// all X (the plain initial value of a four-state signal).
    fn unpacked_struct_default(
        &mut self,
        members: &[Member],
        width: u32,
        four_state: bool,
        defaults: Vec<(usize, Const)>,
    ) -> Option<Const> {
        let mixed = four_state && members.iter().any(|m| !m.ty.four_state());
        if defaults.is_empty() && !mixed {
            return None;
        }
        let mut init = Const::zero(width, false);
        if four_state {
            for m in members.iter().filter(|m| m.ty.four_state()) {
                put_const_bits(&mut init, m.offset, &Const::all_x(m.ty.width(), false));
            }
        }
        for (i, c) in defaults {
            let m = &members[i];
            let mut v = crate::consteval::resize_const(&c, m.ty.width(), c.signed);
            if !m.ty.four_state() {
                wsim_guest_rt::logic::to_2state(&mut v.words, m.ty.width());
            }
            put_const_bits(&mut init, m.offset, &v);
        }
        Some(init)
    }
}

impl<'a> Elab<'a> {
    /// 1800-2017 6.19: a sized literal member value must have the base
    /// type's width, and a two-state base cannot hold x or z.
    fn check_enum_member_value(&mut self, lex: LexId, init: &'a ast::Expr, base: &DataTy, width: u32) {
        if let ast::ExprKind::Number(ast::NumberLit { size: Some(n), .. }) = &init.kind {
            if *n != width {
                self.error(
                    code::TYPE_ERROR,
                    init.span,
                    format!("a {n}-bit literal for a member of an enum whose base type has {width} bits (6.19)"),
                );
                return;
            }
        }
        if base.four_state() {
            return;
        }
        if let Some(Value::Int(c)) = self.eval_const(lex, init) {
            if !c.is_known() {
                self.error(code::TYPE_ERROR, init.span, "an x or z value for a member of a two-state enum (6.19)");
            }
        }
    }

    /// 1800-2017 6.19.3-6.19.4: an enum variable takes only values of its
    /// own type (a member, a variable of the type, a cast); arithmetic and
    /// compound assignments need an explicit cast.
    pub fn check_enum_assign(&mut self, lex: LexId, target: &DataTy, op: ast::AssignOp, rhs: &'a ast::Expr) {
        let Some(info) = target.enum_info().cloned() else { return };
        if op != ast::AssignOp::Assign {
            self.error(
                code::TYPE_ERROR,
                rhs.span,
                "a compound assignment to an enum variable needs an explicit cast of the result (6.19.4)",
            );
        } else if !self.may_be_enum_value(lex, rhs, &info) {
            self.error(
                code::TYPE_ERROR,
                rhs.span,
                "assigning a value that is not of the enum's type to an enum variable needs a cast (6.19.3)",
            );
        }
    }

    /// False only when `e` is certainly not a value of the enum type: a
    /// literal, an operator result, or a name of another type.
    fn may_be_enum_value(&mut self, lex: LexId, e: &'a ast::Expr, info: &Rc<EnumInfo>) -> bool {
        use ast::ExprKind as A;
        match &e.kind {
            A::Number(_) | A::UnbasedUnsized(_) | A::String(_) | A::Real(_) | A::Time { .. } => false,
            A::Unary { .. } | A::Binary { .. } | A::Concat(_) | A::Replicate { .. } | A::Inside { .. } => false,
            A::Cond { then_expr, else_expr, .. } => {
                self.may_be_enum_value(lex, then_expr, info) && self.may_be_enum_value(lex, else_expr, info)
            }
            A::Ident { .. } => {
                let dt = match self.lookup_hier(lex, e) {
                    Some(Sym::Param(_, dt)) => dt,
                    Some(Sym::Signal(s)) => self.sig_ty[s.index()].clone(),
                    _ => return true,
                };
                matches!(dt.enum_info(), Some(i) if **i == **info)
            }
            _ => true,
        }
    }
}

/// Tagged union layout (7.3.2): members left-justified in the width of the
/// widest non-void member, the tag (member index) above them. Returns
/// (total width, tag width).
fn tagged_layout(fields: Vec<(String, DataTy)>, void: &[bool], members: &mut Vec<Member>) -> (u32, u32) {
    let value_width =
        fields.iter().zip(void).filter(|(_, &v)| !v).map(|((_, t), _)| t.width()).max().unwrap_or(0).max(1);
    let n = fields.len().max(2) as u64;
    let tag_width = 64 - (n - 1).leading_zeros();
    for ((name, ty), &v) in fields.into_iter().zip(void) {
        let offset = if v { 0 } else { value_width - ty.width() };
        members.push(Member { name, ty, offset });
    }
    (value_width + tag_width, tag_width)
}

impl<'a> Elab<'a> {
    /// `tagged Member value` assigned to a tagged union of type `dt`:
    /// `{tag, value, zero fill}` (11.9).
    pub fn emit_tagged(
        &mut self,
        lex: LexId,
        member: &ast::Ident,
        value: Option<&'a ast::Expr>,
        dt: &DataTy,
        span: Span,
    ) -> wsim_ir::ExprId {
        let info = match dt.struct_info() {
            Some(i) if i.tag_width > 0 => i.clone(),
            _ => {
                self.error(code::TYPE_ERROR, span, "a `tagged` expression needs a tagged union type here (11.9)");
                return self.const_expr(Const::all_x(dt.width().max(1), false), true, span);
            }
        };
        let Some(index) = info.members.iter().position(|m| m.name == member.name) else {
            self.error(code::UNDECLARED, member.span, format!("the tagged union has no member `{}`", member.name));
            return self.const_expr(Const::all_x(info.width, false), true, span);
        };
        let m = info.members[index].clone();
        let value_width = info.width - info.tag_width;
        let tag = self.const_expr(Const::from_u64(info.tag_width, false, index as u64), false, span);
        let mut parts = vec![tag];
        let used = if info.void_members[index] {
            if let Some(v) = value {
                self.error(code::TYPE_ERROR, v.span, format!("the void member `{}` takes no value", member.name));
            }
            0
        } else {
            let Some(v) = value else {
                self.error(code::TYPE_ERROR, span, format!("`tagged {}` needs a value", member.name));
                return self.const_expr(Const::all_x(info.width, false), true, span);
            };
            let x = self.emit_rvalue_dt(lex, v, &m.ty);
            let t = self.ty(x);
            parts.push(self.coerce(x, wsim_ir::Type { signed: false, ..t }));
            m.ty.width()
        };
        if used < value_width {
            parts.push(self.const_expr(Const::zero(value_width - used, false), false, span));
        }
        let c = self.concat_expr(parts, span);
        self.coerce(c, dt.ir_type())
    }
}

impl<'a> Elab<'a> {
    /// Reading or writing a tagged union member other than the one its tag
    /// names is a run-time error (11.9): a check run before the statement,
    /// `if (tag !== index) $fatal(...)`. Where no statement can run first
    /// (continuous assignments, loop conditions) the access is unchecked.
    pub fn check_union_tag(&mut self, lex: LexId, base: wsim_ir::ExprId, info: &StructInfo, member: &str, span: Span) {
        if !self.side_effects_ok {
            return;
        }
        let Some(index) = info.members.iter().position(|m| m.name == member) else { return };
        let value_width = info.width - info.tag_width;
        let b = self.clone_expr(base);
        let fs = self.ty(b).four_state;
        let tag_ty =
            wsim_ir::Type { kind: wsim_ir::TypeKind::Integral, width: info.tag_width, signed: false, four_state: fs };
        let off = self.i32_const(value_width as i64, span);
        let tag = self.expr(wsim_ir::ExprKind::Select { base: b, offset: off, width: info.tag_width }, tag_ty, span);
        let want = self.const_expr(Const::from_u64(info.tag_width, false, index as u64), false, span);
        let want = self.coerce(want, tag_ty);
        let differs = self.expr(
            wsim_ir::ExprKind::Binary { op: wsim_ir::BinOp::CaseNe, lhs: tag, rhs: want },
            crate::expr::bit1(false),
            span,
        );
        let msg = format!("tagged union member `{member}` accessed while the union holds another member (11.9)");
        let text = self.d.add_string_literal(msg.as_bytes(), span);
        let scope = self.scope_of(lex);
        let fatal =
            self.stmt(wsim_ir::StmtKind::SysTask { name: "$fatal".into(), args: vec![Some(text)], scope }, span);
        let check = self.stmt(wsim_ir::StmtKind::If { cond: differs, then_stmt: fatal, else_stmt: None }, span);
        self.pre_stmts.push(check);
    }
}

/// "unknown type `T`", with the reason when `T` is a SystemVerilog keyword:
/// the file is read as Verilog (a `.v` file, or `begin_keywords` of a 1364
/// standard), where `logic` or `always_comb` is a plain name.
fn unknown_type_message(name: &str) -> String {
    match wsim_syntax::lexer::Language::systemverilog_keyword(name) {
        Some(first) => format!(
            "unknown type `{name}`: `{name}` is a SystemVerilog keyword (IEEE {}), and this file is read as Verilog; name it `.sv`, or put `begin_keywords \"1800-2017\" before it",
            first.specifier()
        ),
        None => format!("unknown type `{name}`"),
    }
}
