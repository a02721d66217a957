//! Dynamic arrays, queues and associative arrays (IEEE 1800-2017 7.5-7.12):
//! the `$dyn_*` system functions (see `wsim_ir::ContainerType`) lowered to
//! the `rt_dyn_*` / `rt_assoc_*` helpers of `guest-rt/src/containers.rs`.
//! A container value is a 64-bit handle stored like any 64-bit two-state
//! value, so signals, assignments and calls move handles with no special
//! code; this file only lowers the operations that look inside one.

use crate::lower::{Addr, Lower};
use wasm_encoder::Instruction as I;
use wsim_abi::{op, value_bytes};
use wsim_ir::*;

/// Element and key kinds of `guest-rt/src/containers.rs`.
const KIND_UNSIGNED: i32 = 0;
const KIND_SIGNED: i32 = 1;
const KIND_STRING: i32 = 2;

fn kind_of(t: Type) -> i32 {
    if t.is_string() {
        KIND_STRING
    } else if t.signed {
        KIND_SIGNED
    } else {
        KIND_UNSIGNED
    }
}

impl Lower<'_, '_> {
    /// A container operation, or `None` when `e` is none.
    pub fn container_int(&mut self, e: ExprId) -> Option<Addr> {
        let d = self.d();
        let ex = &d.exprs[e];
        let ExprKind::SysFunc { name, args, scope } = &ex.kind else {
            return None;
        };
        if !name.starts_with("$dyn_") {
            return None;
        }
        let (name, args, scope, ty, span) = (name.clone(), args.clone(), *scope, ex.ty, ex.span);
        let dst = self.temp_value(ty.width);
        // The container the operation works on: the first argument, or the
        // result for the functions that make one.
        let on = match args.first() {
            Some(&a) if self.ty(a).is_container() => self.ty(a),
            _ => ty,
        };
        let Some(ct) = d.container_of(on) else {
            self.cx.unsupported(span, format!("`{name}` without a container type"));
            return Some(dst);
        };
        let elem = ct.elem;
        let stride = value_bytes(elem.width) as i32;
        let site = self.cx.site(span, scope) as i32;
        match name.as_str() {
            "$dyn_size" => {
                let h = self.int(args[0]);
                self.push_addr(h);
                self.rt("rt_dyn_size");
                self.i(I::I64ExtendI32U);
                self.store_small(dst, ty.width);
            }
            "$dyn_new" => {
                let dflt = self.elem_default(elem);
                self.push_addr(dst);
                self.push_index(args[0]);
                self.i(I::I32WrapI64);
                self.i32c(stride);
                self.push_addr(dflt);
                match args.get(1) {
                    Some(&src) => {
                        let h = self.int(src);
                        self.push_addr(h);
                        self.i32c(1);
                    }
                    None => {
                        self.i32c(0);
                        self.i32c(0);
                    }
                }
                self.rt("rt_dyn_new");
            }
            "$dyn_copy" => {
                let limit = match self.d().container_of(ty).map(|c| c.kind) {
                    Some(ContainerKind::Queue { bound: Some(b) }) => b.saturating_add(1).min(i32::MAX as u32) as i32,
                    _ => -1,
                };
                let h = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(h);
                self.i32c(stride);
                self.i32c(limit);
                self.rt("rt_dyn_copy");
            }
            "$dyn_from" => {
                self.fill(dst, 64, 1, 0);
                for &a in &args {
                    let splice = self.ty(a).is_container();
                    let v = self.int(a);
                    self.push_addr(dst);
                    self.push_addr(v);
                    self.i32c(stride);
                    self.rt(if splice { "rt_dyn_append_all" } else { "rt_dyn_append" });
                }
            }
            "$dyn_get" => {
                let dflt = self.elem_default(elem);
                let h = self.int(args[0]);
                if let ContainerKind::Assoc { .. } = ct.kind {
                    let k = self.int(args[1]);
                    self.push_addr(dst);
                    self.push_addr(h);
                    self.push_addr(k);
                    self.push_addr(dflt);
                    self.i32c(stride);
                    self.i32c(site);
                    self.rt("rt_assoc_get");
                    self.i(I::Drop);
                } else {
                    self.push_addr(dst);
                    self.push_addr(h);
                    self.push_index(args[1]);
                    self.push_addr(dflt);
                    self.i32c(stride);
                    self.rt("rt_dyn_get");
                }
            }
            "$dyn_set" => {
                let h = self.int(args[0]);
                if let ContainerKind::Assoc { key } = ct.kind {
                    let kt = key.unwrap_or(Type::bits(64, false));
                    let k = self.int(args[1]);
                    let v = self.int(args[2]);
                    self.push_addr(dst);
                    self.push_addr(h);
                    self.push_addr(k);
                    self.push_addr(v);
                    self.i32c(stride);
                    self.i32c(value_bytes(kt.width) as i32);
                    self.i32c(kind_of(kt));
                    self.i32c(kt.width as i32);
                    self.rt("rt_assoc_set");
                } else {
                    let v = self.int(args[2]);
                    self.push_addr(dst);
                    self.push_addr(h);
                    self.push_index(args[1]);
                    self.push_addr(v);
                    self.i32c(stride);
                    self.i32c(matches!(ct.kind, ContainerKind::Queue { .. }) as i32);
                    self.rt("rt_dyn_set");
                }
            }
            "$dyn_default" => {
                let kt = match ct.kind {
                    ContainerKind::Assoc { key } => key.unwrap_or(Type::bits(64, false)),
                    _ => Type::bits(64, false),
                };
                let h = self.int(args[0]);
                let v = self.int(args[1]);
                self.push_addr(dst);
                self.push_addr(h);
                self.push_addr(v);
                self.i32c(stride);
                self.i32c(value_bytes(kt.width) as i32);
                self.i32c(kind_of(kt));
                self.i32c(kt.width as i32);
                self.rt("rt_assoc_default");
            }
            "$dyn_clear" => {
                let h = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(h);
                self.rt("rt_dyn_clear");
            }
            "$dyn_delete" => {
                let h = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(h);
                if let ContainerKind::Assoc { .. } = ct.kind {
                    let k = self.int(args[1]);
                    self.push_addr(k);
                    self.rt("rt_assoc_delete");
                } else {
                    self.push_index(args[1]);
                    self.i32c(site);
                    self.rt("rt_dyn_delete");
                }
            }
            "$dyn_insert" | "$dyn_push_back" | "$dyn_push_front" => {
                let bound = match ct.kind {
                    ContainerKind::Queue { bound: Some(b) } => b.min(i32::MAX as u32) as i32,
                    _ => -1,
                };
                let h = self.int(args[0]);
                let v = self.int(*args.last().unwrap());
                self.push_addr(dst);
                self.push_addr(h);
                match name.as_str() {
                    "$dyn_insert" => self.push_index(args[1]),
                    "$dyn_push_front" => self.i(I::I64Const(0)),
                    _ => {
                        self.push_addr(h);
                        self.rt("rt_dyn_size");
                        self.i(I::I64ExtendI32U);
                    }
                }
                self.push_addr(v);
                self.i32c(stride);
                self.i32c(bound);
                self.i32c(site);
                self.rt("rt_dyn_insert");
            }
            "$dyn_pop_back" | "$dyn_pop_front" => {
                let dflt = self.elem_default(elem);
                let h = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(h);
                self.i32c((name == "$dyn_pop_front") as i32);
                self.push_addr(dflt);
                self.i32c(stride);
                self.i32c(site);
                self.rt("rt_dyn_pop");
            }
            "$dyn_slice" => {
                let h = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(h);
                self.push_index(args[1]);
                self.push_index(args[2]);
                self.i32c(stride);
                self.rt("rt_dyn_slice");
            }
            "$dyn_exists" => {
                let h = self.int(args[0]);
                let k = self.int(args[1]);
                self.push_addr(h);
                self.push_addr(k);
                self.rt("rt_assoc_exists");
                self.i(I::I64ExtendI32U);
                self.store_small(dst, ty.width);
            }
            "$dyn_first" | "$dyn_last" | "$dyn_next" | "$dyn_prev" => {
                let step = match name.as_str() {
                    "$dyn_first" => 0,
                    "$dyn_last" => 1,
                    "$dyn_next" => 2,
                    _ => 3,
                };
                let kw = self.ty(args[1]).width;
                let h = self.int(args[0]);
                let cur = self.int(args[1]);
                let k = self.temp_value(kw);
                self.copy_value(k, cur, kw);
                self.push_addr(h);
                self.push_addr(k);
                self.i32c(step);
                self.rt("rt_assoc_step");
                self.i(I::I64ExtendI32U);
                self.store_small(dst, ty.width);
                self.write(args[1], k, crate::stmt::Mode::Blocking);
            }
            "$dyn_sum" | "$dyn_product" | "$dyn_and" | "$dyn_or" | "$dyn_xor" => {
                let code = match name.as_str() {
                    "$dyn_sum" => op::ADD,
                    "$dyn_product" => op::MUL,
                    "$dyn_and" => op::AND,
                    "$dyn_or" => op::OR,
                    _ => op::XOR,
                };
                let h = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(h);
                self.i32c(code);
                self.i32c(elem.width as i32);
                self.i32c(elem.signed as i32);
                self.rt("rt_dyn_reduce");
            }
            "$dyn_min" | "$dyn_max" => {
                let h = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(h);
                self.i32c((name == "$dyn_max") as i32);
                self.i32c(kind_of(elem));
                self.i32c(elem.width as i32);
                self.rt("rt_dyn_minmax");
            }
            "$dyn_unique" | "$dyn_unique_index" => {
                let h = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(h);
                self.i32c((name == "$dyn_unique_index") as i32);
                self.i32c(kind_of(elem));
                self.i32c(elem.width as i32);
                self.rt("rt_dyn_unique");
            }
            "$dyn_sort" | "$dyn_rsort" | "$dyn_reverse" | "$dyn_shuffle" => {
                let code = match name.as_str() {
                    "$dyn_sort" => 0,
                    "$dyn_rsort" => 1,
                    "$dyn_reverse" => 2,
                    _ => 3,
                };
                let h = self.int(args[0]);
                self.push_addr(h);
                self.i32c(code);
                self.i32c(kind_of(elem));
                self.i32c(elem.width as i32);
                self.rt("rt_dyn_order");
                self.copy_value(dst, h, 64);
            }
            _ => self.cx.unsupported(span, format!("container function `{name}`")),
        }
        Some(dst)
    }

    /// The default value of an element (7.4.6, Table 7-1): X for 4-state,
    /// 0 for 2-state, "" (handle 0) for strings.
    fn elem_default(&mut self, elem: Type) -> Addr {
        let c = if elem.four_state { Const::all_x(elem.width, false) } else { Const::zero(elem.width, false) };
        self.const_value(&c)
    }

    /// Push an index as i64; an unknown index is `i64::MIN` (out of range).
    fn push_index(&mut self, e: ExprId) {
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
}
