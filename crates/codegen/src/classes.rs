//! Class objects (IEEE 1800-2017 clause 8): `ClassProp` reads and writes
//! address the object the handle points to (after a null check that
//! reports E0511 at the expression), `ClassNew` allocates or copies one
//! through guest-rt (`guest-rt/src/classes.rs`).

use crate::func::mem;
use crate::lower::{Addr, Lower};
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_ir::{ExprId, ExprKind, ScopeId};

impl Lower<'_, '_> {
    /// The scope a run-time error site in this function belongs to.
    fn site_scope(&self) -> ScopeId {
        let d = self.d();
        match (self.proc, self.subr) {
            (Some(p), _) => d.procs[p].scope,
            (None, Some(s)) => d.subrs[s].scope,
            _ => d.tops.first().copied().unwrap_or(ScopeId::from_raw(0)),
        }
    }

    /// The object address a handle expression holds, in a new i32 local;
    /// a null handle reports E0511 at `e`'s span and yields a zeroed
    /// scratch block of `bytes` bytes instead.
    fn object_pointer(&mut self, handle: ExprId, e: ExprId, bytes: u32) -> u32 {
        let h = self.int(handle);
        let p = self.f.local(ValType::I32);
        self.push_addr(h);
        self.i(I::I32Load(mem(0, 2)));
        self.i(I::LocalTee(p));
        self.i(I::I32Eqz);
        self.i(I::If(BlockType::Empty));
        let scope = self.site_scope();
        let site = self.cx.site(self.espan(e), scope);
        self.i32c(site as i32);
        self.i32c(bytes as i32);
        self.rt("rt_class_null");
        self.i(I::LocalSet(p));
        self.i(I::End);
        p
    }

    /// Where the property `e` (a `ClassProp`) lies.
    pub fn class_prop_addr(&mut self, e: ExprId) -> Addr {
        let d = self.d();
        let ex = &d.exprs[e];
        let ExprKind::ClassProp { handle, offset } = ex.kind else { unreachable!("class_prop_addr of a non-property") };
        let bytes = offset + wsim_layout::elem_bytes(&ex.ty);
        let p = self.object_pointer(handle, e, bytes);
        Addr::Base(p, offset)
    }

    /// A new object (or a shallow copy): its handle as a 32-bit value.
    pub fn class_new(&mut self, e: ExprId) -> Addr {
        let d = self.d();
        let ExprKind::ClassNew { class_id, size, src } = d.exprs[e].kind else {
            unreachable!("class_new of a non-allocation")
        };
        let dst = self.temp_value(32);
        self.push_addr(dst);
        match src {
            None => {
                self.i32c(size as i32);
                self.i32c(class_id as i32);
                self.rt("rt_class_new");
            }
            Some(s) => {
                let h = self.int(s);
                self.push_addr(h);
                self.i(I::I32Load(mem(0, 2)));
                self.i32c(size as i32);
                self.i32c(class_id as i32);
                let scope = self.site_scope();
                let site = self.cx.site(self.espan(e), scope);
                self.i32c(site as i32);
                self.rt("rt_class_copy");
            }
        }
        self.i(I::I64ExtendI32U);
        self.i(I::I64Store(mem(0, 3)));
        self.push_addr(dst);
        self.i(I::I64Const(0));
        self.i(I::I64Store(mem(8, 3)));
        dst
    }
}
