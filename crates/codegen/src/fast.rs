//! Inline fast paths for values of at most 64 bits: one limb per plane, so
//! most operations are a few i64 instructions. Arithmetic and comparisons
//! run inline when both operands are known (no X/Z bits) and fall back to
//! the guest-rt helper otherwise; bitwise NOT, selects with constant
//! offsets, small concatenations, resizes and stores of unwatched signals
//! are exact 4-state formulas. Every result keeps the invariant that bits
//! above the width are zero in both planes.

use crate::func::mem;
use crate::lower::{Addr, Lower};
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_abi::op;

pub fn mask(w: u32) -> i64 {
    if w >= 64 {
        -1
    } else {
        ((1u64 << w) - 1) as i64
    }
}

impl Lower<'_, '_> {
    /// Push plane `p` (0 = aval, 1 = bval) of a value of <= 64 bits.
    pub fn ld(&mut self, a: Addr, p: u32) {
        self.push_addr(a);
        self.i(I::I64Load(mem(8 * p, 3)));
    }

    /// Store the two i64 locals as the planes of `dst`.
    pub fn st_planes(&mut self, dst: Addr, aval: u32, bval: Option<u32>) {
        self.push_addr(dst);
        self.i(I::LocalGet(aval));
        self.i(I::I64Store(mem(0, 3)));
        self.push_addr(dst);
        match bval {
            Some(b) => self.i(I::LocalGet(b)),
            None => self.i(I::I64Const(0)),
        }
        self.i(I::I64Store(mem(8, 3)));
    }

    /// Push 1 if both values (<= 64 bits) have no X/Z bit.
    fn both_known(&mut self, a: Addr, b: Addr) {
        self.ld(a, 1);
        self.ld(b, 1);
        self.i(I::I64Or);
        self.i(I::I64Eqz);
    }

    /// Sign-extend the i64 on the stack from `w` bits.
    pub fn sext_plane(&mut self, w: u32) {
        self.sext(w);
    }

    /// Push a plane sign-extended from `w` bits to 64.
    fn sext(&mut self, w: u32) {
        if w < 64 {
            let sh = (64 - w) as i64;
            self.i(I::I64Const(sh));
            self.i(I::I64Shl);
            self.i(I::I64Const(sh));
            self.i(I::I64ShrS);
        }
    }

    /// `dst = a op b` for ADD SUB MUL AND OR XOR XNOR on <= 64 bits; returns
    /// false (emitting nothing) when there is no fast path for `code`.
    pub fn fast_arith(&mut self, code: i32, dst: Addr, a: Addr, b: Addr, w: u32, signed: bool) -> bool {
        let ins = match code {
            op::ADD => I::I64Add,
            op::SUB => I::I64Sub,
            op::MUL => I::I64Mul,
            op::AND | op::OR | op::XOR | op::XNOR => return self.fast_bitwise(code, dst, a, b, w),
            _ => return false,
        };
        let r = self.f.local(ValType::I64);
        self.both_known(a, b);
        self.i(I::If(BlockType::Empty));
        self.ld(a, 0);
        self.ld(b, 0);
        self.i(ins);
        self.i(I::I64Const(mask(w)));
        self.i(I::I64And);
        self.i(I::LocalSet(r));
        self.st_planes(dst, r, None);
        self.i(I::Else);
        self.i32c(code);
        self.push_addr(dst);
        self.push_addr(a);
        self.push_addr(b);
        self.i32c(w as i32);
        self.i32c(signed as i32);
        self.rt("rt_arith");
        self.i(I::End);
        true
    }

    /// Load both planes of two <= 64-bit values into fresh i64 locals:
    /// `(a.aval, a.bval, b.aval, b.bval)`.
    fn load_planes2(&mut self, a: Addr, b: Addr) -> (u32, u32, u32, u32) {
        let locals = [(); 4].map(|_| self.f.local(ValType::I64));
        for (&l, (addr, p)) in locals.iter().zip([(a, 0), (a, 1), (b, 0), (b, 1)]) {
            self.ld(addr, p);
            self.i(I::LocalSet(l));
        }
        (locals[0], locals[1], locals[2], locals[3])
    }

    /// Exact 4-state AND/OR/XOR/XNOR on <= 64 bits.
    fn fast_bitwise(&mut self, code: i32, dst: Addr, a: Addr, b: Addr, w: u32) -> bool {
        // Per bit: unknown u = a.b | b.b. AND: known 0 if either known 0;
        // OR: known 1 if either known 1; XOR/XNOR: unknown if either unknown.
        let (aa, ab, ba, bb) = self.load_planes2(a, b);
        let (ra, rb) = (self.f.local(ValType::I64), self.f.local(ValType::I64));
        let get = |l: &mut Self, x: u32| l.i(I::LocalGet(x));
        match code {
            op::AND => {
                // zero = known 0 in a or b: (~aa & ~ab) | (~ba & ~bb)
                // one = known 1 in both: (aa & ~ab) & (ba & ~bb)
                // rb = ~zero & ~one (within mask); ra = one | rb
                get(self, aa);
                get(self, ab);
                self.i(I::I64Or);
                get(self, ba);
                get(self, bb);
                self.i(I::I64Or);
                self.i(I::I64And); // ~zero
                let nz = self.f.local(ValType::I64);
                self.i(I::LocalSet(nz));
                get(self, ab);
                get(self, bb);
                self.i(I::I64Or);
                get(self, nz);
                self.i(I::I64And);
                self.i(I::LocalSet(rb));
                get(self, nz);
                self.i(I::LocalSet(ra));
            }
            op::OR => {
                // one = known 1 in a or b; unknown = (ab|bb) & ~one
                get(self, aa);
                get(self, ab);
                self.i(I::I64Const(-1));
                self.i(I::I64Xor);
                self.i(I::I64And);
                get(self, ba);
                get(self, bb);
                self.i(I::I64Const(-1));
                self.i(I::I64Xor);
                self.i(I::I64And);
                self.i(I::I64Or);
                let one = self.f.local(ValType::I64);
                self.i(I::LocalSet(one));
                get(self, ab);
                get(self, bb);
                self.i(I::I64Or);
                get(self, one);
                self.i(I::I64Const(-1));
                self.i(I::I64Xor);
                self.i(I::I64And);
                self.i(I::LocalSet(rb));
                get(self, one);
                get(self, rb);
                self.i(I::I64Or);
                self.i(I::LocalSet(ra));
            }
            _ => {
                get(self, ab);
                get(self, bb);
                self.i(I::I64Or);
                self.i(I::LocalSet(rb));
                get(self, aa);
                get(self, ba);
                self.i(I::I64Xor);
                if code == op::XNOR {
                    self.i(I::I64Const(-1));
                    self.i(I::I64Xor);
                }
                get(self, rb);
                self.i(I::I64Or);
                self.i(I::I64Const(mask(w)));
                self.i(I::I64And);
                self.i(I::LocalSet(ra));
            }
        }
        self.st_planes(dst, ra, Some(rb));
        true
    }

    /// 1-bit `dst = a cmp b` on <= 64-bit operands; false if no fast path.
    pub fn fast_compare(&mut self, code: i32, dst: Addr, a: Addr, b: Addr, w: u32, signed: bool) -> bool {
        let (ins, swap) = match code {
            op::EQ | op::CASE_EQ => (I::I64Eq, false),
            op::NE | op::CASE_NE => (I::I64Ne, false),
            op::LT => (if signed { I::I64LtS } else { I::I64LtU }, false),
            op::LE => (if signed { I::I64LeS } else { I::I64LeU }, false),
            op::GT => (if signed { I::I64GtS } else { I::I64GtU }, false),
            op::GE => (if signed { I::I64GeS } else { I::I64GeU }, false),
            _ => return false,
        };
        let _ = swap;
        let r = self.f.local(ValType::I64);
        if matches!(code, op::CASE_EQ | op::CASE_NE) {
            // exact match of both planes: always decidable
            self.ld(a, 0);
            self.ld(b, 0);
            self.i(I::I64Xor);
            self.ld(a, 1);
            self.ld(b, 1);
            self.i(I::I64Xor);
            self.i(I::I64Or);
            self.i(I::I64Eqz);
            if code == op::CASE_NE {
                self.i(I::I32Eqz);
            }
            self.i(I::I64ExtendI32U);
            self.i(I::LocalSet(r));
            self.st_planes(dst, r, None);
            return true;
        }
        self.both_known(a, b);
        self.i(I::If(BlockType::Empty));
        self.ld(a, 0);
        if signed {
            self.sext(w);
        }
        self.ld(b, 0);
        if signed {
            self.sext(w);
        }
        self.i(ins);
        self.i(I::I64ExtendI32U);
        self.i(I::LocalSet(r));
        self.st_planes(dst, r, None);
        self.i(I::Else);
        self.i32c(code);
        self.push_addr(dst);
        self.push_addr(a);
        self.push_addr(b);
        self.i32c(w as i32);
        self.i32c(signed as i32);
        self.rt("rt_compare");
        self.i(I::End);
        true
    }

    /// Shifts on <= 64 bits with a known value and amount (<= 64 bits).
    pub fn fast_shift(&mut self, code: i32, dst: Addr, a: Addr, w: u32, amt: Addr, amt_w: u32) -> bool {
        if amt_w > 64 {
            return false;
        }
        let (r, n) = (self.f.local(ValType::I64), self.f.local(ValType::I64));
        self.both_known(a, amt);
        self.i(I::If(BlockType::Empty));
        self.ld(amt, 0);
        self.i(I::LocalSet(n));
        // amounts >= w shift everything out (sign fill for ASHR)
        self.i(I::LocalGet(n));
        self.i(I::I64Const(w as i64));
        self.i(I::I64GeU);
        self.i(I::If(BlockType::Result(ValType::I64)));
        if code == op::ASHR {
            self.ld(a, 0);
            self.sext(w);
            self.i(I::I64Const(63));
            self.i(I::I64ShrS);
        } else {
            self.i(I::I64Const(0));
        }
        self.i(I::Else);
        self.ld(a, 0);
        if code == op::ASHR {
            self.sext(w);
        }
        self.i(I::LocalGet(n));
        self.i(match code {
            op::SHL => I::I64Shl,
            op::SHR => I::I64ShrU,
            _ => I::I64ShrS,
        });
        self.i(I::End);
        self.i(I::I64Const(mask(w)));
        self.i(I::I64And);
        self.i(I::LocalSet(r));
        self.st_planes(dst, r, None);
        self.i(I::Else);
        self.i32c(code);
        self.push_addr(dst);
        self.push_addr(a);
        self.i32c(w as i32);
        self.push_addr(amt);
        self.i32c(amt_w as i32);
        self.rt("rt_shift");
        self.i(I::End);
        true
    }

    /// Exact 4-state `~a` on <= 64 bits: x and z give x.
    pub fn fast_not(&mut self, dst: Addr, a: Addr, w: u32) {
        let (ra, rb) = (self.f.local(ValType::I64), self.f.local(ValType::I64));
        self.ld(a, 1);
        self.i(I::LocalSet(rb));
        self.ld(a, 0);
        self.i(I::I64Const(-1));
        self.i(I::I64Xor);
        self.i(I::LocalGet(rb));
        self.i(I::I64Or);
        self.i(I::I64Const(mask(w)));
        self.i(I::I64And);
        self.i(I::LocalSet(ra));
        self.st_planes(dst, ra, Some(rb));
    }

    /// Push rt_truth's 0/1/2 for a value of <= 64 bits.
    pub fn fast_truth(&mut self, a: Addr) {
        let (va, vb) = (self.f.local(ValType::I64), self.f.local(ValType::I64));
        self.ld(a, 0);
        self.i(I::LocalSet(va));
        self.ld(a, 1);
        self.i(I::LocalSet(vb));
        // known one: aval & ~bval != 0 -> 1; else bval != 0 -> 2; else 0
        self.i32c(1);
        self.i(I::LocalGet(vb));
        self.i(I::I64Const(0));
        self.i(I::I64Ne);
        self.i32c(1);
        self.i(I::I32Shl);
        self.i(I::LocalGet(va));
        self.i(I::LocalGet(vb));
        self.i(I::I64Const(-1));
        self.i(I::I64Xor);
        self.i(I::I64And);
        self.i(I::I64Const(0));
        self.i(I::I64Ne);
        self.i(I::Select);
    }

    /// `dst[0 +: dw] = src[off +: dw]` for a constant in-range offset of a
    /// <= 64-bit value (both planes shifted and masked).
    pub fn fast_get_bits(&mut self, dst: Addr, dw: u32, src: Addr, off: u32) {
        let (ra, rb) = (self.f.local(ValType::I64), self.f.local(ValType::I64));
        for (p, l) in [(0, ra), (1, rb)] {
            self.ld(src, p);
            if off > 0 {
                self.i(I::I64Const(off as i64));
                self.i(I::I64ShrU);
            }
            self.i(I::I64Const(mask(dw)));
            self.i(I::I64And);
            self.i(I::LocalSet(l));
        }
        self.st_planes(dst, ra, Some(rb));
    }

    /// Like [`Self::fast_get_bits`] with the offset in an i64 local
    /// (already checked to be in range).
    pub fn fast_get_bits_dyn(&mut self, dst: Addr, dw: u32, src: Addr, off: u32) {
        let (ra, rb) = (self.f.local(ValType::I64), self.f.local(ValType::I64));
        for (p, l) in [(0, ra), (1, rb)] {
            self.ld(src, p);
            self.i(I::LocalGet(off));
            self.i(I::I64ShrU);
            self.i(I::I64Const(mask(dw)));
            self.i(I::I64And);
            self.i(I::LocalSet(l));
        }
        self.st_planes(dst, ra, Some(rb));
    }

    /// Push rt_case_match's result for values of <= 64 bits.
    pub fn fast_case_match(&mut self, kind: i32, a: Addr, b: Addr) {
        let (aa, ab, ba, bb) = self.load_planes2(a, b);
        // differing bits of either plane
        self.i(I::LocalGet(aa));
        self.i(I::LocalGet(ba));
        self.i(I::I64Xor);
        self.i(I::LocalGet(ab));
        self.i(I::LocalGet(bb));
        self.i(I::I64Xor);
        self.i(I::I64Or);
        if kind != op::CASE_EXACT {
            // don't-care bits: z in either (casez), x or z in either (casex)
            if kind == op::CASE_Z {
                self.i(I::LocalGet(ab));
                self.i(I::LocalGet(aa));
                self.i(I::I64Const(-1));
                self.i(I::I64Xor);
                self.i(I::I64And);
                self.i(I::LocalGet(bb));
                self.i(I::LocalGet(ba));
                self.i(I::I64Const(-1));
                self.i(I::I64Xor);
                self.i(I::I64And);
                self.i(I::I64Or);
            } else {
                self.i(I::LocalGet(ab));
                self.i(I::LocalGet(bb));
                self.i(I::I64Or);
            }
            self.i(I::I64Const(-1));
            self.i(I::I64Xor);
            self.i(I::I64And);
        }
        self.i(I::I64Eqz);
    }

    /// Resize a <= 64-bit value to <= 64 bits (sign extension copies the
    /// top bit of each plane, as rt_resize does).
    pub fn fast_resize(&mut self, dst: Addr, dw: u32, src: Addr, sw: u32, sign_extend: bool) {
        let (ra, rb) = (self.f.local(ValType::I64), self.f.local(ValType::I64));
        for (p, l) in [(0, ra), (1, rb)] {
            self.ld(src, p);
            if sign_extend && dw > sw {
                self.sext(sw);
            }
            self.i(I::I64Const(mask(dw)));
            self.i(I::I64And);
            self.i(I::LocalSet(l));
        }
        self.st_planes(dst, ra, Some(rb));
    }

    /// Concatenation of parts whose total is <= 64 bits.
    pub fn fast_concat(&mut self, dst: Addr, parts: &[(Addr, u32)]) {
        let (ra, rb) = (self.f.local(ValType::I64), self.f.local(ValType::I64));
        for (p, l) in [(0, ra), (1, rb)] {
            self.i(I::I64Const(0));
            let mut off = 0;
            for &(v, w) in parts.iter().rev() {
                self.ld(v, p);
                if off > 0 {
                    self.i(I::I64Const(off as i64));
                    self.i(I::I64Shl);
                }
                self.i(I::I64Or);
                off += w;
            }
            self.i(I::LocalSet(l));
        }
        self.st_planes(dst, ra, Some(rb));
    }

    /// `rt_store` of a <= 64-bit value to a watched signal: store and
    /// notify (with the LSB codes for edges) only when the value changes.
    pub fn fast_store_notify(&mut self, dst: Addr, src: Addr, sig: i32) {
        let (oa, ob, na, nb) = self.load_planes2(dst, src);
        self.i(I::LocalGet(oa));
        self.i(I::LocalGet(na));
        self.i(I::I64Ne);
        self.i(I::LocalGet(ob));
        self.i(I::LocalGet(nb));
        self.i(I::I64Ne);
        self.i(I::I32Or);
        self.i(I::If(BlockType::Empty));
        self.st_planes(dst, na, Some(nb));
        self.i32c(sig);
        for (a, b) in [(oa, ob), (na, nb)] {
            self.i(I::LocalGet(a));
            self.i(I::I64Const(1));
            self.i(I::I64And);
            self.i(I::LocalGet(b));
            self.i(I::I64Const(1));
            self.i(I::I64And);
            self.i(I::I64Const(1));
            self.i(I::I64Shl);
            self.i(I::I64Or);
            self.i(I::I32WrapI64);
        }
        self.rt("rt_notify");
        self.i(I::End);
    }

    /// Copy a <= 64-bit value (both planes).
    pub fn fast_copy(&mut self, dst: Addr, src: Addr) {
        let (ra, rb) = (self.f.local(ValType::I64), self.f.local(ValType::I64));
        self.ld(src, 0);
        self.i(I::LocalSet(ra));
        self.ld(src, 1);
        self.i(I::LocalSet(rb));
        self.st_planes(dst, ra, Some(rb));
    }
}
