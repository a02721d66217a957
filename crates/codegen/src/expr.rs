//! Expressions. Integral expressions evaluate to an [`Addr`] holding the
//! value in the arena layout (a signal's own storage, a constant, or a temp
//! filled by a guest-rt value helper); real expressions push an f64.
//! Conditions push rt_truth's 0 / 1 / 2 (unknown).
//!
//! Integral expressions of at most 64 bits are computed as [`Small`] values
//! in wasm locals (see `fast.rs`): [`Lower::small`] evaluates them without
//! memory traffic, and [`Lower::int`] stores the result to a temp only when
//! a caller needs an address.

use crate::fast::{mask, Plane, Small};
use crate::lower::{Addr, Lower};
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_abi::op;
use wsim_ir::*;

/// The most expression nodes [`Lower::branchless_operand`] admits.
const BRANCHLESS_NODES: u32 = 8;

/// The most nodes of each arm of a `?:` with a known condition computed
/// without a branch.
const BRANCHLESS_ARM_NODES: u32 = 4;

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
        if let Some(a) = self.container_int(e) {
            return a; // containers.rs
        }
        let w = ty.width;
        if self.int_via_small(e) {
            let v = self.small(e);
            return self.small_addr(v, w);
        }
        match &ex.kind {
            ExprKind::Const(c) => self.const_value(c),
            ExprKind::RealConst(_) => unreachable!("real constant has a real type"),
            ExprKind::Signal(s) => self.read_addr(*s, ex.span),
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
            ExprKind::ClassProp { .. } => self.class_prop_addr(e),
            ExprKind::ClassNew { .. } => self.class_new(e),
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
            let _ = self.logical(b, lhs, rhs);
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
            self.i32c(c);
            self.push_addr(dst);
            self.push_addr(a);
            self.push_addr(bb);
            self.i32c(w as i32);
            self.i32c(ty.signed as i32);
            self.rt("rt_arith");
            if matches!(b, BinOp::Div | BinOp::Mod) {
                self.two_state_result(dst, ty);
            }
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
                self.two_state_result(dst, ty);
            }
            BinOp::Shl | BinOp::Shr | BinOp::AShr => {
                let code = match b {
                    BinOp::Shl => op::SHL,
                    BinOp::Shr => op::SHR,
                    _ => op::ASHR,
                };
                self.i32c(code);
                self.push_addr(dst);
                self.push_addr(a);
                self.i32c(w as i32);
                self.push_addr(bb);
                self.i32c(rty.width as i32);
                self.rt("rt_shift");
                self.two_state_result(dst, ty);
            }
            _ => unreachable!("all binary operators are handled"),
        }
        dst
    }

    /// Push 0/1/2 for `lhs && rhs` / `lhs || rhs`, evaluating `rhs` only
    /// when needed; returns false when the result cannot be 2 (unknown).
    ///
    /// A cheap right operand without effects is combined with no branch:
    /// skipping such an operand is unobservable (1800-2017 11.4.7 lets the
    /// evaluation short-circuit, it does not require it), and the branch
    /// that would skip it is data-dependent, mispredicted often in decoders
    /// and state machines. Operands of at most 64 bits take
    /// [`Self::sm_logical`]'s bit operations; a wider or real left operand
    /// that may be unknown keeps the branches (its codes' merge costs more
    /// than they do).
    fn logical(&mut self, b: BinOp, lhs: ExprId, rhs: ExprId) -> bool {
        if let Some(v) = self.sm_logical(b, lhs, rhs) {
            self.sm_truth_bit(v);
            return v.bval.is_some();
        }
        self.logical_by_codes(b, lhs, rhs)
    }

    /// [`Self::logical`] from the operands' truth codes, where
    /// [`Self::sm_logical`] does not apply.
    fn logical_by_codes(&mut self, b: BinOp, lhs: ExprId, rhs: ExprId) -> bool {
        let lhs_unknown = self.truth_code(lhs);
        let t = self.pop_i32();
        let short = if b == BinOp::LogAnd { 0 } else { 1 };
        if !lhs_unknown && self.branchless_operand(rhs, &mut { BRANCHLESS_NODES }) {
            let rhs_unknown = self.truth_code(rhs);
            let u = self.pop_i32();
            self.combine_truth(b, t, u, rhs_unknown);
            return rhs_unknown;
        }
        let u = self.f.local(ValType::I32);
        self.i(I::LocalGet(t));
        self.i32c(short);
        self.i(I::I32Eq);
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.i32c(short);
        self.i(I::Else);
        let rhs_unknown = self.truth_code(rhs);
        if !lhs_unknown && !rhs_unknown {
            // past the short circuit, the right operand's code is the result
            self.i(I::End);
            return false;
        }
        self.i(I::LocalSet(u));
        self.i(I::LocalGet(u));
        self.i32c(short);
        self.i(I::I32Eq);
        self.i(I::If(BlockType::Result(ValType::I32)));
        self.i32c(short);
        self.i(I::Else);
        self.push_larger(t, u);
        self.i(I::End);
        self.i(I::End);
        lhs_unknown || rhs_unknown
    }

    /// Push the truth code of `t && u` / `t || u` from the operands' codes
    /// in locals, with no branch.
    fn combine_truth(&mut self, b: BinOp, t: u32, u: u32, may_unknown: bool) {
        if !may_unknown {
            self.i(I::LocalGet(t));
            self.i(I::LocalGet(u));
            self.i(if b == BinOp::LogAnd { I::I32And } else { I::I32Or });
            return;
        }
        // the short-circuit value if either operand has it, else the
        // larger code
        let short = if b == BinOp::LogAnd { 0 } else { 1 };
        self.i32c(short);
        self.push_larger(t, u);
        for x in [t, u] {
            self.i(I::LocalGet(x));
            self.i32c(short);
            self.i(I::I32Eq);
        }
        self.i(I::I32Or);
        self.i(I::Select);
    }

    /// Push the larger of two codes: both operands of `&&` are in {1,2,3}
    /// here, both of `||` in {0,2,3}, and the larger is the result.
    fn push_larger(&mut self, t: u32, u: u32) {
        self.i(I::LocalGet(t));
        self.i(I::LocalGet(u));
        self.i(I::LocalGet(t));
        self.i(I::LocalGet(u));
        self.i(I::I32GtU);
        self.i(I::Select);
    }

    /// True when `e` is a small expression of at most `budget` nodes that
    /// the inline formulas compute with no call, no memory access but
    /// signal loads, and no branch of their own: operands worth evaluating
    /// unconditionally.
    fn branchless_operand(&self, e: ExprId, budget: &mut u32) -> bool {
        let d = self.d();
        if *budget == 0 || !self.small_native(e) {
            return false;
        }
        *budget -= 1;
        let kind = &d.exprs[e].kind;
        let admitted = match kind {
            ExprKind::Const(_) | ExprKind::Signal(_) => true,
            // a variable part select tests its range
            ExprKind::Select { offset, .. } => matches!(d.exprs[*offset].kind, ExprKind::Const(_)),
            ExprKind::Unary { .. } | ExprKind::Concat(_) | ExprKind::Convert { .. } => true,
            ExprKind::Binary { op: b, .. } => !matches!(b, BinOp::Shl | BinOp::Shr | BinOp::AShr | BinOp::Mul),
            _ => false,
        };
        admitted && kind.children().into_iter().all(|c| self.branchless_operand(c, budget))
    }

    /// Push 1 (i32) when a condition is true, else 0 (false or unknown),
    /// as an `if` tests it.
    pub fn is_true(&mut self, e: ExprId) {
        let ty = self.ty(e);
        let logical = matches!(self.d().exprs[e].kind, ExprKind::Binary { op: BinOp::LogAnd | BinOp::LogOr, .. });
        if !ty.is_real() && !logical && ty.width <= 64 {
            let v = self.small(e);
            self.sm_is_true(v);
            return;
        }
        self.truth(e);
        self.i32c(1);
        self.i(I::I32Eq);
    }

    /// Push 0 (false), 1 (true) or 2 (unknown) for a condition. A 1-bit
    /// condition gives 3 for x (see `sm_truth_bit`): every user tests the
    /// code against 0 and 1, or takes the larger of two codes.
    pub fn truth(&mut self, e: ExprId) {
        let _ = self.truth_code(e);
    }

    /// [`Self::truth`]; returns false when the code cannot be 2 (unknown).
    fn truth_code(&mut self, e: ExprId) -> bool {
        let ty = self.ty(e);
        if ty.is_real() {
            self.real(e);
            self.i(I::F64Const(0.0.into()));
            self.i(I::F64Ne);
            return false;
        }
        let d = self.d();
        if let ExprKind::Binary { op: b @ (BinOp::LogAnd | BinOp::LogOr), lhs, rhs } = &d.exprs[e].kind {
            return self.logical(*b, *lhs, *rhs);
        }
        if ty.width <= 64 {
            let v = self.small(e);
            if ty.width == 1 {
                self.sm_truth_bit(v);
            } else {
                self.sm_truth(v);
            }
            return v.bval.is_some();
        }
        let a = self.int(e);
        self.push_addr(a);
        self.i32c(ty.width as i32);
        self.rt("rt_truth");
        true
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

    /// A real `c ? a : b`. An unknown condition evaluates both; as there
    /// are no bits to merge, the result is their common value when they are
    /// equal and 0 otherwise (1364-2005 5.1.13 gives 0; vvp keeps a value
    /// both sides agree on, as the bitwise merge of integers does). Each
    /// side is generated once (nested conditionals stay linear in size).
    fn cond_real(&mut self, cond: ExprId, then_expr: ExprId, else_expr: ExprId) {
        let t = self.f.local(ValType::I32);
        let (a, b) = (self.f.local(ValType::F64), self.f.local(ValType::F64));
        self.truth(cond);
        self.i(I::LocalSet(t));
        // a = then when the condition may be true, b = else when it may be false.
        for (side, skip_when, dst) in [(then_expr, 0, a), (else_expr, 1, b)] {
            self.i(I::LocalGet(t));
            self.i32c(skip_when);
            self.i(I::I32Ne);
            self.i(I::If(BlockType::Empty));
            self.real(side);
            self.i(I::LocalSet(dst));
            self.i(I::End);
        }
        // t == 1 ? a : t == 0 ? b : (a == b ? a : 0.0)
        self.i(I::LocalGet(t));
        self.i32c(1);
        self.i(I::I32Eq);
        self.i(I::If(BlockType::Result(ValType::F64)));
        self.i(I::LocalGet(a));
        self.i(I::Else);
        self.i(I::LocalGet(t));
        self.i(I::I32Eqz);
        self.i(I::If(BlockType::Result(ValType::F64)));
        self.i(I::LocalGet(b));
        self.i(I::Else);
        self.i(I::LocalGet(a));
        self.i(I::F64Const(0.0.into()));
        self.i(I::LocalGet(a));
        self.i(I::LocalGet(b));
        self.i(I::F64Eq);
        self.i(I::Select);
        self.i(I::End);
        self.i(I::End);
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
            // A NaN or infinity converts to X, which a 2-state type reads as 0.
            if !ty.four_state {
                self.make_2state(dst, w);
            }
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

    /// Division by zero, `0 ** -1` (IEEE 1800-2017 11.4.2) and a shift
    /// or exponent with X or Z (11.4.10, 11.4.3: the right operand does
    /// not make the result four-state) give X, which a two-state result
    /// holds as 0.
    fn two_state_result(&mut self, dst: Addr, ty: Type) {
        if !ty.four_state {
            self.make_2state(dst, ty.width);
        }
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
            return Scalar::Const(crate::fast::sign_extended(c.words[0] as i64, c.width, c.signed));
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
        if ty.width <= 64 {
            let s = self.small(e);
            if let Some((c, 0)) = s.as_const() {
                return Scalar::Const(crate::fast::sign_extended(c, ty.width, ty.signed));
            }
            self.push_plane(s.aval);
            if ty.signed {
                self.sext_plane(ty.width);
            }
            self.i(I::LocalSet(v));
            match s.bval {
                Some(b) => {
                    self.push_plane(b);
                    self.i(I::I64Eqz);
                }
                None => self.i32c(1),
            }
            self.i(I::LocalSet(known));
            return Scalar::Dyn { v, known };
        }
        let a = self.int(e);
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
            Scalar::Const(o) => {
                let o = o.clamp(-(1 << 30), 1 << 30) as i32;
                self.get_bits(dst, width, src, bty, |l| l.i32c(o));
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
                    if !self.index_in_range(indices[k], size) {
                        self.i(I::LocalGet(v));
                        self.i(I::I64Const(size));
                        self.i(I::I64LtU);
                        self.i(I::I32And);
                    }
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

    /// True if index `e` of a dimension of `size` elements, when known,
    /// is always in range: an unsigned value too narrow to reach `size`
    /// (`regs[rs1]` with a 5-bit `rs1` and 32 registers), or a loop's
    /// variable whose bounds are (`Lower::ranges`). Its value then needs
    /// no compare.
    fn index_in_range(&self, e: ExprId, size: i64) -> bool {
        let ex = &self.d().exprs[e];
        let bounded = |sig| self.ranges.iter().rev().find(|r| r.0 == sig).is_some_and(|r| r.1 >= 0 && r.2 < size);
        let in_loop_bounds = matches!(ex.kind, ExprKind::Signal(sig) if bounded(sig));
        // value planes are 0 above the width (`crate::fast`)
        let narrow = !ex.ty.signed && !ex.ty.is_real() && ex.ty.width < 63 && (1i64 << ex.ty.width) <= size;
        in_loop_bounds || narrow
    }

    /// The value of a loop variable whose bounds (`Lower::ranges`) admit
    /// one value: in a body `crate::unroll` generates once per value, or
    /// in a loop that runs its body once.
    pub(crate) fn single_value(&self, sig: SignalId) -> Option<i64> {
        let &(_, lo, hi) = self.ranges.iter().rev().find(|r| r.0 == sig)?;
        (lo == hi).then_some(lo)
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
            ExprKind::Cond { cond, then_expr, else_expr } => self.cond_real(*cond, *then_expr, *else_expr),
            ExprKind::Convert { arg } => self.real(*arg),
            ExprKind::Call { subr, args } => {
                let a = self.call_expr(*subr, args, e);
                self.push_addr(a);
                self.i(I::F64Load(crate::func::mem(0, 3)));
            }
            ExprKind::ClassProp { .. } => {
                let a = self.class_prop_addr(e);
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

/// An integral type whose values fit one limb per plane.
fn is_small_int(t: Type) -> bool {
    t.kind == TypeKind::Integral && t.width <= 64
}

/// Expressions of <= 64 bits computed in locals (see `fast.rs`).
impl Lower<'_, '_> {
    /// Where the current process reads signal `s`, and whether that read
    /// takes its unknown plane: a four-state signal that a known version's
    /// guard has not found known (`Lower::known`).
    pub(crate) fn signal_read(&mut self, s: SignalId, span: wsim_diag::Span) -> (Addr, bool) {
        let a = self.read_addr(s, span);
        let known = matches!(a, Addr::Abs(o) if self.known.binary_search(&o).is_ok());
        (a, self.d().signals[s].ty.four_state && !known)
    }

    /// Whether [`Self::small`] computes `e` itself rather than reading what
    /// [`Self::int`] stored.
    pub(crate) fn small_native(&self, e: ExprId) -> bool {
        let d = self.d();
        let ex = &d.exprs[e];
        let small = |x: ExprId| is_small_int(d.exprs[x].ty);
        if !is_small_int(ex.ty) {
            return false;
        }
        match &ex.kind {
            ExprKind::Const(_) | ExprKind::Signal(_) | ExprKind::ArrayElem { .. } => true,
            ExprKind::Select { base, .. } => small(*base),
            ExprKind::Unary { arg, .. } => small(*arg),
            ExprKind::Binary { op: b, lhs, rhs } => match b {
                BinOp::LogAnd | BinOp::LogOr => true,
                BinOp::Div | BinOp::Mod | BinOp::Pow | BinOp::WildEq | BinOp::WildNe => false,
                _ => small(*lhs) && small(*rhs),
            },
            ExprKind::Cond { .. } => true,
            ExprKind::Concat(parts) => parts.iter().all(|&p| small(p)),
            ExprKind::Replicate { count, arg } => {
                *count >= 1 && small(*arg) && d.exprs[*arg].ty.width * count == ex.ty.width
            }
            ExprKind::Convert { arg } => small(*arg),
            _ => false,
        }
    }

    /// Whether [`Self::int`] should compute `e` as a small value and store
    /// it: not for leaves (their own storage is the address) nor for a
    /// conversion that changes nothing but the signedness.
    fn int_via_small(&self, e: ExprId) -> bool {
        let d = self.d();
        let ex = &d.exprs[e];
        match &ex.kind {
            ExprKind::Const(_) | ExprKind::Signal(_) | ExprKind::ArrayElem { .. } => false,
            ExprKind::Convert { arg } => {
                let aty = d.exprs[*arg].ty;
                self.small_native(e) && (aty.width != ex.ty.width || (aty.four_state && !ex.ty.four_state))
            }
            _ => self.small_native(e),
        }
    }

    /// Evaluate an expression of <= 64 bits into locals (any type of that
    /// width: kinds without an inline formula are computed by [`Self::int`]
    /// and read back).
    pub fn small(&mut self, e: ExprId) -> Small {
        // a call its statement ran first (`crate::inline_calls`): no temp
        if let Some(v) = self.hoisted_call(e) {
            return v;
        }
        if !self.small_native(e) {
            let a = self.int(e);
            return self.load_small(a, true);
        }
        let d = self.d();
        let ex = &d.exprs[e];
        let ty = ex.ty;
        match &ex.kind {
            ExprKind::Const(c) => {
                let n = Const::limbs(c.width);
                Small::constant(c.words[0] as i64, c.words[n] as i64)
            }
            ExprKind::Signal(s) => {
                if let Some(v) = self.single_value(*s) {
                    return Small::constant(v & mask(ty.width), 0);
                }
                let (a, four_state) = self.signal_read(*s, ex.span);
                self.load_small(a, four_state)
            }
            ExprKind::ArrayElem { sig, indices } => {
                let a = self.elem_read(*sig, indices, ex.span);
                // a constant element's place is fixed: a guard may test it
                let known = matches!(a, Addr::Abs(o) if self.known.binary_search(&o).is_ok());
                self.load_small(a, d.signals[*sig].ty.four_state && !known)
            }
            ExprKind::Select { base, offset, width } => self.sm_select(*base, *offset, *width, ty),
            ExprKind::Unary { op: u, arg } => self.sm_unary(*u, *arg, ty.width),
            ExprKind::Binary { op: b, lhs, rhs } => self.sm_binary(*b, *lhs, *rhs, ty),
            ExprKind::Cond { cond, then_expr, else_expr } => self.sm_cond(*cond, *then_expr, *else_expr, ty.width),
            ExprKind::Concat(parts) => {
                if let Some((x, by)) = rotation(d, parts) {
                    let v = self.small(x);
                    return self.sm_rotate_right(v, self.ty(x).width, by);
                }
                let vals: Vec<(Small, u32)> = parts.iter().map(|&p| (self.small(p), self.ty(p).width)).collect();
                self.sm_concat(&vals)
            }
            ExprKind::Replicate { count, arg } => {
                let v = self.small(*arg);
                self.sm_replicate(v, self.ty(*arg).width, *count)
            }
            ExprKind::Convert { arg } => {
                let aty = self.ty(*arg);
                let v = self.small(*arg);
                let v = if aty.width == ty.width { v } else { self.sm_resize(v, aty.width, ty.width, aty.signed) };
                if ty.four_state {
                    v
                } else {
                    self.sm_to_2state(v)
                }
            }
            _ => unreachable!("small_native admits only the kinds above"),
        }
    }

    fn sm_unary(&mut self, u: UnOp, arg: ExprId, w: u32) -> Small {
        if matches!(u, UnOp::RedOr | UnOp::RedNor | UnOp::LogNot) {
            if let ExprKind::Concat(parts) = &self.d().exprs[arg].kind {
                let width = parts.iter().map(|&p| self.ty(p).width).max().unwrap_or(1);
                let folded = self.sm_fold_concat(parts);
                let code = match u {
                    UnOp::RedOr => op::RED_OR,
                    UnOp::RedNor => op::RED_NOR,
                    _ => op::LOG_NOT,
                };
                return self.sm_reduce(code, folded, width);
            }
        }
        let aw = self.ty(arg).width;
        let a = self.small(arg);
        let code = match u {
            UnOp::Neg => return self.sm_neg(a, w),
            UnOp::BitNot => return self.sm_not(a, w),
            UnOp::LogNot => op::LOG_NOT,
            UnOp::RedAnd => op::RED_AND,
            UnOp::RedNand => op::RED_NAND,
            UnOp::RedOr => op::RED_OR,
            UnOp::RedNor => op::RED_NOR,
            UnOp::RedXor => op::RED_XOR,
            UnOp::RedXnor => op::RED_XNOR,
        };
        self.sm_reduce(code, a, aw)
    }

    /// `lhs && rhs` / `lhs || rhs` as 4-state bit operations on the
    /// operands' OR reductions, `(|lhs) & (|rhs)` / `(|lhs) | (|rhs)`: the
    /// same tables (IEEE 1800-2017 11.4.7 and table 11-16: a known 0 decides
    /// `&&`, a known 1 decides `||`, else an X or Z gives X), with no branch
    /// and no truth codes to merge (`!rst && valid` of two 1-bit signals:
    /// five instructions where the codes and their branches took twenty).
    /// Only for integral operands of at most 64 bits, the right one cheap
    /// and without effects (see [`Self::logical`] on not skipping it); None
    /// otherwise.
    fn sm_logical(&mut self, b: BinOp, lhs: ExprId, rhs: ExprId) -> Option<Small> {
        let (lty, rty) = (self.ty(lhs), self.ty(rhs));
        if !is_small_int(lty) || !is_small_int(rty) || !self.branchless_operand(rhs, &mut { BRANCHLESS_NODES }) {
            return None;
        }
        let l = self.small(lhs);
        let l = self.sm_reduce(op::RED_OR, l, lty.width);
        let r = self.small(rhs);
        let r = self.sm_reduce(op::RED_OR, r, rty.width);
        let code = if b == BinOp::LogAnd { op::AND } else { op::OR };
        Some(self.sm_bitwise(code, l, r, 1))
    }

    fn sm_binary(&mut self, b: BinOp, lhs: ExprId, rhs: ExprId, ty: Type) -> Small {
        if matches!(b, BinOp::LogAnd | BinOp::LogOr) {
            if let Some(v) = self.sm_logical(b, lhs, rhs) {
                return v;
            }
            let may_unknown = self.logical_by_codes(b, lhs, rhs);
            return self.sm_from_truth(may_unknown);
        }
        let lty = self.ty(lhs);
        let a = self.small(lhs);
        let bv = self.small(rhs);
        if let Some(c) = compare_op(b) {
            return self.sm_compare(c, a, bv, lty.width, lty.signed).expect("small_native admits only inline compares");
        }
        if let Some(c) = arith_op(b) {
            return self.sm_arith(c, a, bv, ty.width).expect("small_native admits only inline arithmetic");
        }
        let code = match b {
            BinOp::Shl => op::SHL,
            BinOp::Shr => op::SHR,
            BinOp::AShr => op::ASHR,
            _ => unreachable!("small_native admits only the operators above"),
        };
        let v = self.sm_shift(code, a, ty.width, bv);
        // an amount with X or Z gives X (IEEE 1800-2017 11.4.10), which a
        // two-state result (its left operand's type) holds as 0
        if ty.four_state {
            v
        } else {
            self.sm_to_2state(v)
        }
    }

    /// `cond ? a : b` into locals; evaluation order and the bit-by-bit
    /// merge of an unknown condition as in [`Self::cond_int`].
    fn sm_cond(&mut self, cond: ExprId, then_e: ExprId, else_e: ExprId, w: u32) -> Small {
        let d = self.d();
        let t = self.f.local(ValType::I32);
        let (ra, rb) = (self.f.local(ValType::I64), self.f.local(ValType::I64));
        let cond_unknown = self.truth_code(cond);
        self.i(I::LocalSet(t));
        self.i(I::I64Const(0));
        self.i(I::LocalSet(rb));
        let plain = |e: ExprId| matches!(d.exprs[e].kind, ExprKind::Const(_) | ExprKind::Signal(_));
        let cheap = |l: &Self, e: ExprId| l.branchless_operand(e, &mut { BRANCHLESS_ARM_NODES });
        if !cond_unknown && cheap(self, then_e) && cheap(self, else_e) {
            // both arms cost a few operations at most and cannot fail: a
            // `select` (cmov), where a branch on a data bit (an LFSR's
            // feedback tap) mispredicts half the time
            return self.select_arms(then_e, else_e, t, (ra, rb));
        }
        if !cond_unknown {
            self.i(I::LocalGet(t));
            self.i(I::If(BlockType::Empty));
            let a = self.small(then_e);
            self.sm_set(a, ra, a.bval.map(|_| rb));
            self.i(I::Else);
            let b = self.small(else_e);
            self.sm_set(b, ra, b.bval.map(|_| rb));
            self.i(I::End);
            let bval = (a.bval.is_some() || b.bval.is_some()).then_some(Plane::Local(rb));
            return Small { aval: Plane::Local(ra), bval };
        }
        let r = Small { aval: Plane::Local(ra), bval: Some(Plane::Local(rb)) };
        if plain(then_e) && plain(else_e) {
            // the unknown condition (code 2 or 3) is the rare, predictable
            // branch; a known one picks with a `select`, as above
            self.i(I::LocalGet(t));
            self.i32c(1);
            self.i(I::I32GtU);
            self.i(I::If(BlockType::Empty));
            let a = self.small(then_e);
            self.sm_set(a, ra, Some(rb));
            let b = self.small(else_e);
            let m = self.sm_merge(r, b, w);
            self.sm_set(m, ra, Some(rb));
            self.i(I::Else);
            // (`rb` stays 0 when neither arm has an unknown plane)
            self.select_arms(then_e, else_e, t, (ra, rb));
            self.i(I::End);
            return r;
        }
        // one test for a true condition, two for a false one; the rare
        // unknown one evaluates the `then` arm a second time, after the
        // `else` arm
        self.i(I::LocalGet(t));
        self.i32c(1);
        self.i(I::I32Eq);
        self.i(I::If(BlockType::Empty));
        let a = self.small(then_e);
        self.sm_set(a, ra, Some(rb));
        self.i(I::Else);
        let b = self.small(else_e);
        self.i(I::LocalGet(t));
        self.i(I::I32Eqz);
        self.i(I::If(BlockType::Empty));
        self.sm_set(b, ra, Some(rb));
        self.i(I::Else);
        let a = self.small(then_e);
        self.sm_set(a, ra, Some(rb));
        let m = self.sm_merge(r, b, w);
        self.sm_set(m, ra, Some(rb));
        self.i(I::End);
        self.i(I::End);
        r
    }

    /// `t ? then_e : else_e` of plain arms for a known truth code `t` (0
    /// or 1): both planes picked with a `select` into `ra` and `rb` (the
    /// unknown plane only when an arm has one).
    fn select_arms(&mut self, then_e: ExprId, else_e: ExprId, t: u32, (ra, rb): (u32, u32)) -> Small {
        let (a, b) = (self.small(then_e), self.small(else_e));
        let pick = |l: &mut Self, x: Plane, y: Plane, to: u32| {
            l.push_plane(x);
            l.push_plane(y);
            l.i(I::LocalGet(t));
            l.i(I::Select);
            l.i(I::LocalSet(to));
        };
        pick(self, a.aval, b.aval, ra);
        if a.bval.is_none() && b.bval.is_none() {
            return Small::known(Plane::Local(ra));
        }
        let zero = Plane::Const(0);
        pick(self, a.bval.unwrap_or(zero), b.bval.unwrap_or(zero), rb);
        Small { aval: Plane::Local(ra), bval: Some(Plane::Local(rb)) }
    }

    /// `base[offset +: width]` of a base of <= 64 bits.
    fn sm_select(&mut self, base: ExprId, offset: ExprId, width: u32, ty: Type) -> Small {
        let bty = self.ty(base);
        let src = self.small(base);
        let off = self.scalar(offset);
        let fill = if ty.four_state { Small::constant(mask(width), mask(width)) } else { Small::constant(0, 0) };
        let in_range = |o: i64| o >= 0 && o as u64 + width as u64 <= bty.width as u64;
        let (v, known) = match off {
            Scalar::Unknown => return fill,
            Scalar::Const(o) if in_range(o) => return self.sm_bits(src, bty.width, o as u32, width),
            Scalar::Const(o) => {
                let o = o.clamp(-(1 << 30), 1 << 30) as i32;
                return self.sm_get_bits(src, bty, width, |l| l.i32c(o));
            }
            Scalar::Dyn { v, known } => (v, known),
        };
        // out of range or unknown offsets (rare) go to the helper / fill
        let (ra, rb) = (self.f.local(ValType::I64), self.f.local(ValType::I64));
        let fits = width <= bty.width;
        if fits {
            self.i(I::LocalGet(known));
            self.i(I::LocalGet(v));
            self.i(I::I64Const((bty.width - width) as i64));
            self.i(I::I64LeU);
            self.i(I::I32And);
            self.i(I::If(BlockType::Empty));
            let r = self.sm_bits_dyn(src, v, width);
            self.sm_set(r, ra, Some(rb));
            self.i(I::Else);
        }
        self.i(I::LocalGet(known));
        self.i(I::If(BlockType::Empty));
        let r = self.sm_get_bits(src, bty, width, |l| l.push_clamped_i32(v));
        self.sm_set(r, ra, Some(rb));
        self.i(I::Else);
        self.sm_set(fill, ra, Some(rb));
        self.i(I::End);
        if fits {
            self.i(I::End);
        }
        let static_known = src.bval.is_none() && !bty.four_state && !ty.four_state;
        Small { aval: Plane::Local(ra), bval: (!static_known).then_some(Plane::Local(rb)) }
    }

    /// rt_get_bits on a small source (stored to a temp first).
    fn sm_get_bits(&mut self, src: Small, sty: Type, dw: u32, push_off: impl FnOnce(&mut Self)) -> Small {
        let s = self.small_addr(src, sty.width);
        let dst = self.temp_value(dw);
        self.get_bits(dst, dw, s, sty, push_off);
        self.load_small(dst, true)
    }
}

/// `{x[k-1:0], x[W-1:k]}` of a 32- or 64-bit signal `x` is `x` rotated
/// right by `k`: `(x, k)`. Written as a concat it costs two shifts, a mask
/// and an OR per plane; wasm's `rotr` is one instruction (gcc finds the
/// same idiom in Verilator's C++).
fn rotation(d: &Design, parts: &[ExprId]) -> Option<(ExprId, u32)> {
    let [hi, lo] = parts else { return None };
    let select = |e: ExprId| match &d.exprs[e].kind {
        ExprKind::Select { base, offset, width } => match &d.exprs[*offset].kind {
            ExprKind::Const(c) if c.is_known() => Some((*base, c.to_u64()?, *width)),
            _ => None,
        },
        _ => None,
    };
    let ((x, hi_off, k), (y, lo_off, rest)) = (select(*hi)?, select(*lo)?);
    let same = match (&d.exprs[x].kind, &d.exprs[y].kind) {
        (ExprKind::Signal(a), ExprKind::Signal(b)) => a == b,
        _ => false,
    };
    let w = d.exprs[x].ty.width;
    let whole = hi_off == 0 && lo_off == k as u64 && k + rest == w && k > 0 && rest > 0;
    (same && whole && matches!(w, 32 | 64)).then_some((x, k))
}
