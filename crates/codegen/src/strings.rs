//! SystemVerilog `string` expressions (IEEE 1800-2017 6.16). A string value
//! is a 64-bit handle stored like any 64-bit two-state value (see
//! `wsim_ir::TypeKind::String`), so signals, array elements, assignments and
//! calls move strings with no special code; this file lowers the operations
//! that look inside a string to the `rt_str_*` helpers of
//! `guest-rt/src/strings.rs`.

use crate::lower::{Addr, Lower};
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_ir::*;

impl Lower<'_, '_> {
    /// A string operation with an integral (or string) result, or `None`
    /// when `e` is no string operation (signals, elements and calls of type
    /// string are plain 64-bit values).
    pub fn string_int(&mut self, e: ExprId) -> Option<Addr> {
        let d = self.d();
        let ex = &d.exprs[e];
        let ty = ex.ty;
        Some(match &ex.kind {
            ExprKind::Convert { arg } if ty.is_string() || self.ty(*arg).is_string() => self.string_convert(*arg, ty),
            ExprKind::Binary { op, lhs, rhs } if self.ty(*lhs).is_string() && is_comparison(*op) => {
                self.string_compare(*op, *lhs, *rhs)
            }
            ExprKind::Concat(parts) if ty.is_string() => self.string_concat(parts),
            ExprKind::Replicate { count, arg } if ty.is_string() => {
                let a = self.int(*arg);
                let dst = self.temp_value(64);
                self.push_addr(dst);
                self.push_addr(a);
                self.i32c(*count as i32);
                self.rt("rt_str_repeat");
                dst
            }
            ExprKind::Cond { cond, then_expr, else_expr } if ty.is_string() => {
                self.string_cond(*cond, *then_expr, *else_expr)
            }
            ExprKind::SysFunc { name, args, .. } if name.starts_with("$str_") => self.string_func(name, args, ty),
            _ => return None,
        })
    }

    /// `$str_atoreal(s)`: pushes the f64.
    pub fn string_real(&mut self, args: &[ExprId]) {
        let s = self.int(args[0]);
        self.push_addr(s);
        self.rt("rt_str_atoreal");
    }

    fn string_convert(&mut self, arg: ExprId, ty: Type) -> Addr {
        let aty = self.ty(arg);
        let a = self.int(arg);
        let dst = self.temp_value(ty.width);
        match (aty.is_string(), ty.is_string()) {
            (true, true) => self.copy_value(dst, a, 64),
            (false, true) => {
                self.push_addr(dst);
                self.push_addr(a);
                self.i32c(aty.width as i32);
                self.rt("rt_str_from_int");
            }
            _ => {
                self.push_addr(dst);
                self.i32c(ty.width as i32);
                self.push_addr(a);
                self.rt("rt_str_to_int");
            }
        }
        dst
    }

    /// `a op b` on two strings: `strcmp`'s sign against 0.
    fn string_compare(&mut self, op: BinOp, lhs: ExprId, rhs: ExprId) -> Addr {
        let a = self.int(lhs);
        let b = self.int(rhs);
        let dst = self.temp_value(1);
        self.push_addr(a);
        self.push_addr(b);
        self.i32c(0);
        self.rt("rt_str_compare");
        self.i32c(0);
        self.i(match op {
            BinOp::Eq | BinOp::CaseEq => I::I32Eq,
            BinOp::Ne | BinOp::CaseNe => I::I32Ne,
            BinOp::Lt => I::I32LtS,
            BinOp::Le => I::I32LeS,
            BinOp::Gt => I::I32GtS,
            _ => I::I32GeS,
        });
        self.i(I::I64ExtendI32U);
        self.store_small(dst, 1);
        dst
    }

    /// `{a, b, ...}` of strings, joined left to right.
    fn string_concat(&mut self, parts: &[ExprId]) -> Addr {
        let acc = self.temp_value(64);
        let first = self.int(parts[0]);
        self.copy_value(acc, first, 64);
        for &p in &parts[1..] {
            let v = self.int(p);
            let next = self.temp_value(64);
            self.push_addr(next);
            self.push_addr(acc);
            self.push_addr(v);
            self.rt("rt_str_concat");
            self.copy_value(acc, next, 64);
        }
        acc
    }

    /// `c ? a : b` of strings; an unknown condition gives the empty string
    /// (1800-2017 11.4.11: the default value of a non-integral type).
    fn string_cond(&mut self, cond: ExprId, then_e: ExprId, else_e: ExprId) -> Addr {
        let dst = self.temp_value(64);
        let t = self.f.local(ValType::I32);
        self.push_addr(dst);
        self.i(I::I64Const(0));
        self.store_handle();
        self.truth(cond);
        self.i(I::LocalSet(t));
        self.i(I::LocalGet(t));
        self.i32c(1);
        self.i(I::I32Eq);
        self.i(I::If(BlockType::Empty));
        let a = self.int(then_e);
        self.copy_value(dst, a, 64);
        self.i(I::End);
        self.i(I::LocalGet(t));
        self.i(I::I32Eqz);
        self.i(I::If(BlockType::Empty));
        let b = self.int(else_e);
        self.copy_value(dst, b, 64);
        self.i(I::End);
        dst
    }

    /// Store the i64 handle on the stack at the address below it.
    fn store_handle(&mut self) {
        self.i(I::I64Store(crate::func::mem(0, 3)));
    }

    /// Push an index argument as i64; an unknown index is `i64::MIN`, which
    /// every string helper treats as out of range.
    fn push_string_index(&mut self, e: ExprId) {
        match self.scalar(e) {
            crate::expr::Scalar::Const(v) => self.i(I::I64Const(v)),
            crate::expr::Scalar::Unknown => self.i(I::I64Const(i64::MIN)),
            crate::expr::Scalar::Dyn { v, known } => {
                self.i(I::LocalGet(v));
                self.i(I::I64Const(i64::MIN));
                self.i(I::LocalGet(known));
                self.i(I::Select);
            }
        }
    }

    /// Push the low 32 bits of an integral value as i32.
    fn push_low_i32(&mut self, e: ExprId) {
        let a = self.int(e);
        self.push_addr(a);
        self.i(I::I32Load(crate::func::mem(0, 2)));
    }

    /// The `$str_*` methods (see `wsim_ir::STRING_FUNCS`).
    fn string_func(&mut self, name: &str, args: &[ExprId], ty: Type) -> Addr {
        let dst = self.temp_value(ty.width);
        match name {
            "$str_len" => {
                let s = self.int(args[0]);
                self.push_addr(s);
                self.rt("rt_str_len");
                self.i(I::I64ExtendI32U);
                self.store_small(dst, ty.width);
            }
            "$str_getc" => {
                let s = self.int(args[0]);
                self.push_addr(s);
                self.push_string_index(args[1]);
                self.rt("rt_str_getc");
                self.i(I::I64ExtendI32U);
                self.store_small(dst, ty.width);
            }
            "$str_putc" => {
                let s = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(s);
                self.push_string_index(args[1]);
                self.push_low_i32(args[2]);
                self.rt("rt_str_putc");
            }
            "$str_toupper" | "$str_tolower" => {
                let s = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(s);
                self.i32c((name == "$str_toupper") as i32);
                self.rt("rt_str_case");
            }
            "$str_compare" | "$str_icompare" => {
                let a = self.int(args[0]);
                let b = self.int(args[1]);
                self.push_addr(a);
                self.push_addr(b);
                self.i32c((name == "$str_icompare") as i32);
                self.rt("rt_str_compare");
                self.i(I::I64ExtendI32S);
                self.store_small(dst, ty.width);
            }
            "$str_substr" => {
                let s = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(s);
                self.push_string_index(args[1]);
                self.push_string_index(args[2]);
                self.rt("rt_str_substr");
            }
            "$str_atoi" | "$str_atohex" | "$str_atooct" | "$str_atobin" => {
                let s = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(s);
                self.i32c(radix_of(name));
                self.rt("rt_str_atoi");
            }
            "$str_itoa" | "$str_hextoa" | "$str_octtoa" | "$str_bintoa" => {
                let vty = self.ty(args[0]);
                let v = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(v);
                self.i32c(vty.width as i32);
                self.i32c(vty.signed as i32);
                self.i32c(radix_of(name));
                self.rt("rt_str_itoa");
            }
            "$str_realtoa" => {
                self.push_addr(dst);
                self.real(args[0]);
                self.rt("rt_str_realtoa");
            }
            _ => {
                let span = self.d().exprs[args[0]].span;
                self.cx.unsupported(span, format!("string function `{name}`"));
            }
        }
        dst
    }

    /// A display argument record for a string value (`rec` is the record's
    /// address): the guest fills it from the handle at run time, since the
    /// text's length is only known then.
    pub fn string_fmt_record(&mut self, e: ExprId, rec: Addr) {
        let s = self.int(e);
        self.push_addr(rec);
        self.push_addr(s);
        self.rt("rt_str_fmt_arg");
    }

    /// Push `(ptr, width)` of a string's text as an integral value (a
    /// string-literal argument: the empty string is one NUL byte).
    pub fn push_string_text(&mut self, e: ExprId) {
        let rec = Addr::Temp(self.f.temp(wsim_abi::fmt::ARG_SIZE));
        self.string_fmt_record(e, rec);
        self.push_addr(rec);
        self.i(I::I32Load(crate::func::mem(8, 2)));
        self.push_addr(rec);
        self.i(I::I32Load(crate::func::mem(4, 2)));
    }

    /// Width of the buffer a system task writes text into for `target`: its
    /// own width, or [`STRING_TEXT_BITS`] for a string.
    pub fn text_width(&self, target: ExprId) -> u32 {
        let t = self.ty(target);
        if t.is_string() {
            STRING_TEXT_BITS
        } else {
            t.width
        }
    }

    /// Write a text buffer of `w` bits (from [`Lower::text_width`]) to
    /// `target`: converted to a string when `target` is one.
    pub fn write_text(&mut self, target: ExprId, t: Addr, w: u32) {
        if self.ty(target).is_string() {
            let h = self.temp_value(64);
            self.push_addr(h);
            self.push_addr(t);
            self.i32c(w as i32);
            self.rt("rt_str_from_int");
            self.write(target, h, crate::stmt::Mode::Blocking);
        } else {
            self.write(target, t, crate::stmt::Mode::Blocking);
        }
    }
}

/// The operators elaboration gives string operands (see `TypeKind::String`).
fn is_comparison(op: BinOp) -> bool {
    use BinOp::*;
    matches!(op, Eq | Ne | CaseEq | CaseNe | Lt | Le | Gt | Ge)
}

/// The radix a conversion method reads or writes.
fn radix_of(name: &str) -> i32 {
    if name.contains("hex") {
        16
    } else if name.contains("oct") {
        8
    } else if name.contains("bin") {
        2
    } else {
        10
    }
}
