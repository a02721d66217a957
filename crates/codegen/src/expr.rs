//! Expressions. Integral expressions evaluate to an [`Addr`] holding the
//! value in the arena layout (a signal's own storage, a constant, or a temp
//! filled by a guest-rt value helper); real expressions push an f64.
//! Conditions push rt_truth's 0 / 1 / 2 (unknown).

use crate::lower::{Addr, Lower};
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_abi::op;
use wsim_ir::*;

/// An index or offset: known at compile time, unknown (X/Z constant), or
/// computed into locals (i64 value, i32 known flag).
#[derive(Clone, Copy, Debug)]
pub enum Scalar {
    Const(i64),
    Unknown,
    Dyn { v: u32, known: u32 },
}

fn arith_op(o: BinOp) -> Option<i32> {
    Some(match o {
        BinOp::Add => op::ADD,
        BinOp::Sub => op::SUB,
        BinOp::Mul => op::MUL,
        BinOp::Div => op::DIV,
        BinOp::Mod => op::MOD,
        BinOp::BitAnd => op::AND,
        BinOp::BitOr => op::OR,
        BinOp::BitXor => op::XOR,
        BinOp::BitXnor => op::XNOR,
        _ => return None,
    })
}

fn compare_op(o: BinOp) -> Option<i32> {
    Some(match o {
        BinOp::Eq => op::EQ,
        BinOp::Ne => op::NE,
        BinOp::CaseEq => op::CASE_EQ,
        BinOp::CaseNe => op::CASE_NE,
        BinOp::WildEq => op::WILD_EQ,
        BinOp::WildNe => op::WILD_NE,
        BinOp::Lt => op::LT,
        BinOp::Le => op::LE,
        BinOp::Gt => op::GT,
        BinOp::Ge => op::GE,
        _ => return None,
    })
}

impl Lower<'_, '_> {
    pub fn ty(&self, e: ExprId) -> Type {
        self.d().exprs[e].ty
    }

    /// Evaluate an integral expression.
    pub fn int(&mut self, e: ExprId) -> Addr {
        let d = self.d();
        let ex = &d.exprs[e];
        let ty = ex.ty;
        if ty.is_real() {
            // A real where a value is wanted: keep the f64 in a temp (callers
            // that accept reals check the type first).
            let t = Addr::Temp(self.f.temp(8));
            self.push_addr(t);
            self.real(e);
            self.i(I::F64Store(crate::func::mem(0, 3)));
            return t;
        }
        if let Some(a) = self.string_int(e) {
            return a;
        }
        let w = ty.width;
        match &ex.kind {
            ExprKind::Const(c) => self.const_value(c),
            ExprKind::RealConst(_) => unreachable!("real constant has a real type"),
            ExprKind::Signal(s) => self.sig_addr(*s, ex.span),
            ExprKind::ArrayElem { sig, indices } => self.elem_read(*sig, indices, ex.span),
            ExprKind::Select { base, offset, width } => self.select_read(*base, *offset, *width, ty),
            ExprKind::Unary { op: u, arg } => self.unary(*u, *arg, w),
            ExprKind::Binary { op: b, lhs, rhs } => self.binary(*b, *lhs, *rhs, ty),
            ExprKind::Cond { cond, then_expr, else_expr } => self.cond_int(*cond, *then_expr, *else_expr, w),
            ExprKind::Concat(parts) => self.concat(parts, w),
            ExprKind::Replicate { count, arg } => self.replicate(*count, *arg, w),
            ExprKind::Convert { arg } => self.convert_int(*arg, ty),
            ExprKind::Resolve { kind, args } => self.resolve(*kind, args, w),
            ExprKind::Call { subr, args } => self.call_expr(*subr, args, e),
            ExprKind::SysFunc { name, args, scope } => self.sysfunc_int(name, args, *scope, e),
        }
    }

    fn unary(&mut self, u: UnOp, arg: ExprId, w: u32) -> Addr {
        let aty = self.ty(arg);
        if aty.is_real() {
            // Only LogNot yields an integral from a real operand.
            let dst = self.temp_value(1);
            self.real(arg);
            self.i(I::F64Const(0.0.into()));
            self.i(I::F64Eq);
            self.i(I::I64ExtendI32U);
            self.store_small(dst, 1);
            return dst;
        }
        let a = self.int(arg);
        let dst = self.temp_value(w);
        if w <= 64 && u == UnOp::BitNot {
            self.fast_not(dst, a, w);
            return dst;
        }
        if w <= 64 && u == UnOp::Neg {
            let zero = self.const_value(&Const::zero(w, false));
            self.fast_arith(op::SUB, dst, zero, a, w, false);
            return dst;
        }
        let (name, code, width) = match u {
            UnOp::Neg => ("rt_unary", op::NEG, w),
            UnOp::BitNot => ("rt_unary", op::NOT, w),
            UnOp::LogNot => ("rt_reduce", op::LOG_NOT, aty.width),
            UnOp::RedAnd => ("rt_reduce", op::RED_AND, aty.width),
            UnOp::RedNand => ("rt_reduce", op::RED_NAND, aty.width),
            UnOp::RedOr => ("rt_reduce", op::RED_OR, aty.width),
            UnOp::RedNor => ("rt_reduce", op::RED_NOR, aty.width),
            UnOp::RedXor => ("rt_reduce", op::RED_XOR, aty.width),
            UnOp::RedXnor => ("rt_reduce", op::RED_XNOR, aty.width),
        };
        self.i32c(code);
        self.push_addr(dst);
        self.push_addr(a);
        self.i32c(width as i32);
        self.rt(name);
        dst
    }

    fn binary(&mut self, b: BinOp, lhs: ExprId, rhs: ExprId, ty: Type) -> Addr {
        let w = ty.width;
        let lty = self.ty(lhs);
        if matches!(b, BinOp::LogAnd | BinOp::LogOr) {
            let dst = self.temp_value(1);
            self.logical(b, lhs, rhs);
            self.store_bit_code(dst);
            return dst;
        }
        if let Some(c) = compare_op(b) {
            if lty.is_real() {
                let dst = self.temp_value(1);
                self.real(lhs);
                self.real(rhs);
                self.i(match b {
                    BinOp::Eq | BinOp::CaseEq | BinOp::WildEq => I::F64Eq,
                    BinOp::Ne | BinOp::CaseNe | BinOp::WildNe => I::F64Ne,
                    BinOp::Lt => I::F64Lt,
                    BinOp::Le => I::F64Le,
                    BinOp::Gt => I::F64Gt,
                    _ => I::F64Ge,
                });
                self.i(I::I64ExtendI32U);
                self.store_small(dst, 1);
                return dst;
            }
            let a = self.int(lhs);
            let bb = self.int(rhs);
            let dst = self.temp_value(1);
            if lty.width <= 64 && self.fast_compare(c, dst, a, bb, lty.width, lty.signed) {
                return dst;
            }
            self.i32c(c);
            self.push_addr(dst);
            self.push_addr(a);
            self.push_addr(bb);
            self.i32c(lty.width as i32);
            self.i32c(lty.signed as i32);
            self.rt("rt_compare");
            return dst;
        }
        let a = self.int(lhs);
        let bb = self.int(rhs);
        let dst = self.temp_value(w);
        if let Some(c) = arith_op(b) {
            if w <= 64 && self.fast_arith(c, dst, a, bb, w, ty.signed) {
                return dst;
            }
            self.i32c(c);
            self.push_addr(dst);
            self.push_addr(a);
            self.push_addr(bb);
            self.i32c(w as i32);
            self.i32c(ty.signed as i32);
            self.rt("rt_arith");
            return dst;
        }
        let rty = self.ty(rhs);
        match b {
            BinOp::Pow => {
                self.push_addr(dst);
                self.push_addr(a);
                self.i32c(w as i32);
                self.i32c(lty.signed as i32);
                self.push_addr(bb);
                self.i32c(rty.width as i32);
                self.i32c(rty.signed as i32);
                self.rt("rt_pow");
            }
            BinOp::Shl | BinOp::Shr | BinOp::AShr => {
                let code = match b {
                    BinOp::Shl => op::SHL,
                    BinOp::Shr => op::SHR,
                    _ => op::ASHR,
                };
                if w <= 64 && self.fast_shift(code, dst, a, w, bb, rty.width) {
                    return dst;
                }
                self.i32c(code);
                self.push_addr(dst);
                self.push_addr(a);
                self.i32c(w as i32);
                self.push_addr(bb);
                self.i32c(rty.width as i32);
                self.rt("rt_shift");
            }
            _ => unreachable!("all binary operators are handled"),
        }
        dst
    }

    /// Push 0/1/2 for `lhs && rhs` / `lhs || rhs`, evaluating `rhs` only when needed.
    fn logical(&mut self, b: BinOp, lhs: ExprId, rhs: ExprId) {
        let t = self.f.local(ValType::I32);
        let u = self.f.local(ValType::I32);
        self.truth(lhs);
        self.i(I::LocalSet(t));
        let short = if b == BinOp::LogAnd { 0 } else { 1 };
        self.i(I::LocalGet(t));
        self.i32c(short);
        self.i(I::I32Eq);
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.i32c(short);
        self.i(I::Else);
        self.truth(rhs);
        self.i(I::LocalSet(u));
        self.i(I::LocalGet(u));
        self.i32c(short);
        self.i(I::I32Eq);
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.i32c(short);
        self.i(I::Else);
        // both operands are in {1,2} (and) or {0,2} (or): the larger wins
        self.i(I::LocalGet(t));
        self.i(I::LocalGet(u));
        self.i(I::LocalGet(t));
        self.i(I::LocalGet(u));
        self.i(I::I32GtU);
        self.i(I::Select);
        self.i(I::End);
        self.i(I::End);
    }

    /// Push 0 (false), 1 (true) or 2 (unknown) for a condition.
    pub fn truth(&mut self, e: ExprId) {
        let ty = self.ty(e);
        if ty.is_real() {
            self.real(e);
            self.i(I::F64Const(0.0.into()));
            self.i(I::F64Ne);
            return;
        }
        let d = self.d();
        if let ExprKind::Binary { op: b @ (BinOp::LogAnd | BinOp::LogOr), lhs, rhs } = &d.exprs[e].kind {
            self.logical(*b, *lhs, *rhs);
            return;
        }
        let a = self.int(e);
        if ty.width <= 64 {
            self.fast_truth(a);
            return;
        }
        self.push_addr(a);
        self.i32c(ty.width as i32);
        self.rt("rt_truth");
    }

    /// `cond ? a : b`. Each branch is emitted once (a nested `?:` chain
    /// stays linear in code size): the then-branch runs when the condition
    /// is true or unknown, the else-branch when it is false or unknown, and
    /// an unknown condition merges the two bit by bit (1364-2005 5.1.13).
    fn cond_int(&mut self, cond: ExprId, then_e: ExprId, else_e: ExprId, w: u32) -> Addr {
        let dst = self.temp_value(w);
        let then_v = self.temp_value(w);
        let t = self.f.local(ValType::I32);
        self.truth(cond);
        self.i(I::LocalSet(t));
        self.i(I::LocalGet(t));
        self.i(I::If(BlockType::Empty));
        let a = self.int(then_e);
        self.if_truth_is(t, 1);
        self.copy_value(dst, a, w);
        self.i(I::Else);
        self.copy_value(then_v, a, w);
        self.i(I::End);
        self.i(I::End);
        self.i(I::LocalGet(t));
        self.i32c(1);
        self.i(I::I32Ne);
        self.i(I::If(BlockType::Empty));
        let b = self.int(else_e);
        self.if_truth_is(t, 0);
        self.copy_value(dst, b, w);
        self.i(I::Else);
        self.push_addr(dst);
        self.push_addr(then_v);
        self.push_addr(b);
        self.i32c(w as i32);
        self.rt("rt_cond_merge");
        self.i(I::End);
        self.i(I::End);
        dst
    }

    /// Open an `if` on the truth value in local `t` being `value`.
    fn if_truth_is(&mut self, t: u32, value: i32) {
        self.i(I::LocalGet(t));
        self.i32c(value);
        self.i(I::I32Eq);
        self.i(I::If(BlockType::Empty));
    }

    fn concat(&mut self, parts: &[ExprId], w: u32) -> Addr {
        let vals: Vec<(Addr, u32)> = parts.iter().map(|&p| (self.int(p), self.ty(p).width)).collect();
        let dst = self.temp_value(w);
        if w <= 64 {
            self.fast_concat(dst, &vals);
            return dst;
        }
        self.fill(dst, w, 1, 0);
        let mut off = 0;
        for (v, pw) in vals.into_iter().rev() {
            self.set_bits(dst, w, off, v, pw);
            off += pw;
        }
        dst
    }

    fn set_bits(&mut self, dst: Addr, dw: u32, off: u32, src: Addr, sw: u32) {
        self.push_addr(dst);
        self.i32c(dw as i32);
        self.i32c(off as i32);
        self.push_addr(src);
        self.i32c(sw as i32);
        self.rt("rt_set_bits");
        self.i(I::Drop);
    }

    fn replicate(&mut self, count: u32, arg: ExprId, w: u32) -> Addr {
        let v = self.int(arg);
        let aw = self.ty(arg).width;
        let dst = self.temp_value(w.max(1));
        self.fill(dst, w.max(1), 1, 0);
        for k in 0..count {
            self.set_bits(dst, w, k * aw, v, aw);
        }
        dst
    }

    fn convert_int(&mut self, arg: ExprId, ty: Type) -> Addr {
        let aty = self.ty(arg);
        let w = ty.width;
        if aty.is_real() {
            let dst = self.temp_value(w);
            self.push_addr(dst);
            self.i32c(w as i32);
            self.real(arg);
            self.rt("rt_from_real");
            return dst;
        }
        let a = self.int(arg);
        let to_2state = aty.four_state && !ty.four_state;
        if aty.width == w && !to_2state {
            return a;
        }
        let dst = self.temp_value(w);
        if aty.width == w {
            self.copy_value(dst, a, w);
        } else if w <= 64 && aty.width <= 64 {
            self.fast_resize(dst, w, a, aty.width, aty.signed);
        } else {
            self.push_addr(dst);
            self.i32c(w as i32);
            self.push_addr(a);
            self.i32c(aty.width as i32);
            self.i32c(aty.signed as i32);
            self.rt("rt_resize");
        }
        if to_2state {
            self.make_2state(dst, w);
        }
        dst
    }

    /// In place: X/Z bits become 0.
    pub fn make_2state(&mut self, dst: Addr, w: u32) {
        if w <= 64 {
            let ra = self.f.local(ValType::I64);
            self.ld(dst, 0);
            self.ld(dst, 1);
            self.i(I::I64Const(-1));
            self.i(I::I64Xor);
            self.i(I::I64And);
            self.i(I::LocalSet(ra));
            self.st_planes(dst, ra, None);
            return;
        }
        self.push_addr(dst);
        self.i32c(w as i32);
        self.rt("rt_to_2state");
    }

    fn resolve(&mut self, kind: ResolveKind, args: &[ExprId], w: u32) -> Addr {
        let code = match kind {
            ResolveKind::Wire => op::RES_WIRE,
            ResolveKind::Wand => op::RES_WAND,
            ResolveKind::Wor => op::RES_WOR,
            ResolveKind::Tri0 => op::RES_TRI0,
            ResolveKind::Tri1 => op::RES_TRI1,
        };
        let dst = self.temp_value(w);
        for (k, &a) in args.iter().enumerate() {
            let v = self.int(a);
            if k == 0 {
                self.copy_value(dst, v, w);
            } else {
                self.i32c(code);
                self.push_addr(dst);
                self.push_addr(v);
                self.i32c(w as i32);
                self.rt("rt_resolve");
            }
        }
        self.i32c(code);
        self.push_addr(dst);
        self.i32c(w as i32);
        self.rt("rt_resolve_finish");
        dst
    }

    /// Evaluate an index/offset expression.
    pub fn scalar(&mut self, e: ExprId) -> Scalar {
        let d = self.d();
        let ty = d.exprs[e].ty;
        if let ExprKind::Const(c) = &d.exprs[e].kind {
            if !c.is_known() {
                return Scalar::Unknown;
            }
            let mut v = c.words[0] as i64;
            if c.signed && c.width < 64 && (v >> (c.width - 1)) & 1 == 1 {
                v |= -1i64 << c.width;
            }
            return Scalar::Const(v);
        }
        let v = self.f.local(ValType::I64);
        let known = self.f.local(ValType::I32);
        if ty.is_real() {
            self.real(e);
            self.i(I::I64TruncSatF64S);
            self.i(I::LocalSet(v));
            self.i32c(1);
            self.i(I::LocalSet(known));
            return Scalar::Dyn { v, known };
        }
        let a = self.int(e);
        if ty.width <= 64 {
            self.ld(a, 0);
            if ty.signed {
                self.sext_plane(ty.width);
            }
            self.i(I::LocalSet(v));
            self.ld(a, 1);
            self.i(I::I64Eqz);
            self.i(I::LocalSet(known));
            return Scalar::Dyn { v, known };
        }
        self.push_addr(a);
        self.i32c(ty.width as i32);
        self.i32c(ty.signed as i32);
        self.rt("rt_to_i64");
        self.i(I::LocalSet(v));
        self.push_addr(a);
        self.i32c(ty.width as i32);
        self.rt("rt_is_known");
        self.i(I::LocalSet(known));
        Scalar::Dyn { v, known }
    }

    /// Push an i64 scalar clamped into i32 range (offsets far outside any
    /// value stay outside).
    pub fn push_clamped_i32(&mut self, v: u32) {
        let lim = 1i64 << 30;
        self.i(I::LocalGet(v));
        self.i(I::I64Const(lim));
        self.i(I::LocalGet(v));
        self.i(I::I64Const(lim));
        self.i(I::I64LtS);
        self.i(I::Select);
        let t = self.f.local(ValType::I64);
        self.i(I::LocalTee(t));
        self.i(I::I64Const(-lim));
        self.i(I::LocalGet(t));
        self.i(I::I64Const(-lim));
        self.i(I::I64GtS);
        self.i(I::Select);
        self.i(I::I32WrapI64);
    }

    fn select_read(&mut self, base: ExprId, offset: ExprId, width: u32, ty: Type) -> Addr {
        let bty = self.ty(base);
        let src = self.int(base);
        let off = self.scalar(offset);
        let dst = self.temp_value(width);
        let unknown_kind = if ty.four_state { 1 } else { 0 };
        match off {
            Scalar::Unknown => self.fill(dst, width, 1, unknown_kind),
            Scalar::Const(o) if o >= 0 && o as u64 + width as u64 <= bty.width as u64 && bty.width <= 64 => {
                self.fast_get_bits(dst, width, src, o as u32);
            }
            Scalar::Const(o) => {
                let o = o.clamp(-(1 << 30), 1 << 30) as i32;
                self.get_bits(dst, width, src, bty, |l| l.i32c(o));
            }
            Scalar::Dyn { v, known } if bty.width <= 64 && width <= bty.width => {
                // in range: shift both planes; otherwise the helper (X/0 fill)
                self.i(I::LocalGet(known));
                self.i(I::LocalGet(v));
                self.i(I::I64Const((bty.width - width) as i64));
                self.i(I::I64LeU);
                self.i(I::I32And);
                self.i(I::If(BlockType::Empty));
                self.fast_get_bits_dyn(dst, width, src, v);
                self.i(I::Else);
                self.i(I::LocalGet(known));
                self.i(I::If(BlockType::Empty));
                self.get_bits(dst, width, src, bty, |l| l.push_clamped_i32(v));
                self.i(I::Else);
                self.fill(dst, width, 1, unknown_kind);
                self.i(I::End);
                self.i(I::End);
            }
            Scalar::Dyn { v, known } => {
                self.i(I::LocalGet(known));
                self.i(I::If(BlockType::Empty));
                self.get_bits(dst, width, src, bty, |l| l.push_clamped_i32(v));
                self.i(I::Else);
                self.fill(dst, width, 1, unknown_kind);
                self.i(I::End);
            }
        }
        dst
    }

    fn get_bits(&mut self, dst: Addr, dw: u32, src: Addr, sty: Type, push_off: impl FnOnce(&mut Self)) {
        self.push_addr(dst);
        self.i32c(dw as i32);
        self.push_addr(src);
        self.i32c(sty.width as i32);
        push_off(self);
        self.i32c(!sty.four_state as i32);
        self.rt("rt_get_bits");
    }

    /// Compute the address of an array element into a local, with an
    /// in-range flag local (`None` flag: always in range). `None` overall:
    /// constant indices out of range.
    pub fn elem_addr(
        &mut self,
        sig: SignalId,
        indices: &[ExprId],
        span: wsim_diag::Span,
    ) -> Option<(Addr, Option<u32>)> {
        let d = self.d();
        let s = &d.signals[sig];
        let eb = self.cx.lay.signals[sig.index()].elem_bytes;
        let base = self.sig_addr(sig, span);
        let scalars: Vec<Scalar> = indices.iter().map(|&i| self.scalar(i)).collect();
        if scalars.iter().all(|x| matches!(x, Scalar::Const(_))) {
            let mut flat: u64 = 0;
            for (k, sc) in scalars.iter().enumerate() {
                let Scalar::Const(v) = sc else { unreachable!() };
                let size = s.dims.get(k).map(|x| x.size()).unwrap_or(1);
                if *v < 0 || *v as u64 >= size {
                    return None;
                }
                flat = flat * size + *v as u64;
            }
            let off = flat * eb as u64;
            return Some((self.offset_addr(base, off as u32), None));
        }
        if scalars.iter().any(|x| matches!(x, Scalar::Unknown)) {
            return None;
        }
        let flat = self.f.local(ValType::I64);
        let ok = self.f.local(ValType::I32);
        self.i(I::I64Const(0));
        self.i(I::LocalSet(flat));
        self.i32c(1);
        self.i(I::LocalSet(ok));
        for (k, sc) in scalars.iter().enumerate() {
            let size = s.dims.get(k).map(|x| x.size()).unwrap_or(1) as i64;
            self.i(I::LocalGet(flat));
            self.i(I::I64Const(size));
            self.i(I::I64Mul);
            match *sc {
                Scalar::Const(v) => {
                    if v < 0 || v >= size {
                        self.i32c(0);
                        self.i(I::LocalSet(ok));
                    }
                    self.i(I::I64Const(v));
                }
                Scalar::Dyn { v, known } => {
                    self.i(I::LocalGet(ok));
                    self.i(I::LocalGet(known));
                    self.i(I::I32And);
                    self.i(I::LocalGet(v));
                    self.i(I::I64Const(size));
                    self.i(I::I64LtU);
                    self.i(I::I32And);
                    self.i(I::LocalSet(ok));
                    self.i(I::LocalGet(v));
                }
                Scalar::Unknown => unreachable!(),
            }
            self.i(I::I64Add);
            self.i(I::LocalSet(flat));
        }
        let p = self.f.local(ValType::I32);
        self.push_addr(base);
        self.i(I::LocalGet(flat));
        self.i(I::I32WrapI64);
        self.i32c(eb as i32);
        self.i(I::I32Mul);
        self.i(I::I32Add);
        self.i(I::LocalSet(p));
        Some((Addr::Base(p, 0), Some(ok)))
    }

    fn offset_addr(&mut self, a: Addr, off: u32) -> Addr {
        match a {
            Addr::Abs(o) => Addr::Abs(o + off),
            Addr::Temp(o) => Addr::Temp(o + off),
            Addr::Const(o) => Addr::Const(o + off),
            Addr::Base(l, o) => Addr::Base(l, o + off),
        }
    }

    /// The value read for an out-of-range element.
    fn oob_value(&mut self, ty: Type) -> Addr {
        if ty.is_real() {
            let o = self.cx.consts.f64(0.0);
            return Addr::Const(o);
        }
        let c = if ty.four_state { Const::all_x(ty.width, false) } else { Const::zero(ty.width, false) };
        self.const_value(&c)
    }

    fn elem_read(&mut self, sig: SignalId, indices: &[ExprId], span: wsim_diag::Span) -> Addr {
        let ety = self.d().signals[sig].ty;
        match self.elem_addr(sig, indices, span) {
            None => self.oob_value(ety),
            Some((a, None)) => a,
            Some((a, Some(ok))) => {
                let oob = self.oob_value(ety);
                let p = self.f.local(ValType::I32);
                self.push_addr(a);
                self.push_addr(oob);
                self.i(I::LocalGet(ok));
                self.i(I::Select);
                self.i(I::LocalSet(p));
                Addr::Base(p, 0)
            }
        }
    }

    /// Evaluate a real expression: push an f64.
    pub fn real(&mut self, e: ExprId) {
        let d = self.d();
        let ex = &d.exprs[e];
        if !ex.ty.is_real() {
            // an integral where a real is wanted
            let a = self.int(e);
            self.push_addr(a);
            self.i32c(ex.ty.width as i32);
            self.i32c(ex.ty.signed as i32);
            self.rt("rt_to_real");
            return;
        }
        match &ex.kind {
            ExprKind::RealConst(v) => self.i(I::F64Const((*v).into())),
            ExprKind::Const(c) => self.i(I::F64Const(f64::from_bits(c.words[0]).into())),
            ExprKind::Signal(s) => {
                let a = self.sig_addr(*s, ex.span);
                self.push_addr(a);
                self.i(I::F64Load(crate::func::mem(0, 3)));
            }
            ExprKind::ArrayElem { sig, indices } => {
                let a = self.elem_read(*sig, indices, ex.span);
                self.push_addr(a);
                self.i(I::F64Load(crate::func::mem(0, 3)));
            }
            ExprKind::Unary { op: UnOp::Neg, arg } => {
                self.real(*arg);
                self.i(I::F64Neg);
            }
            ExprKind::Binary { op: b, lhs, rhs } if matches!(b, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div) => {
                self.real(*lhs);
                self.real(*rhs);
                self.i(match b {
                    BinOp::Add => I::F64Add,
                    BinOp::Sub => I::F64Sub,
                    BinOp::Mul => I::F64Mul,
                    _ => I::F64Div,
                });
            }
            ExprKind::Binary { op: BinOp::Pow, lhs, rhs } => {
                self.i32c(wsim_abi::real_op::POW);
                self.real(*lhs);
                self.real(*rhs);
                self.rt("rt_real_math");
            }
            ExprKind::Cond { cond, then_expr, else_expr } => {
                self.truth(*cond);
                self.i32c(1);
                self.i(I::I32Eq);
                self.i(I::If(BlockType::Result(ValType::F64)));
                self.real(*then_expr);
                self.i(I::Else);
                self.real(*else_expr);
                self.i(I::End);
            }
            ExprKind::Convert { arg } => self.real(*arg),
            ExprKind::Call { subr, args } => {
                let a = self.call_expr(*subr, args, e);
                self.push_addr(a);
                self.i(I::F64Load(crate::func::mem(0, 3)));
            }
            ExprKind::SysFunc { name, args, .. } if name == "$str_atoreal" => self.string_real(args),
            ExprKind::SysFunc { name, args, scope } => self.sysfunc_real(name, args, *scope, e),
            other => {
                let what = match other {
                    ExprKind::Binary { op, .. } => format!("real operator {op:?}"),
                    _ => "this real expression".to_string(),
                };
                self.cx.unsupported(ex.span, what);
                self.i(I::F64Const(0.0.into()));
            }
        }
    }
}
