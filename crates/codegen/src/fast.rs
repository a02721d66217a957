//! Inline code for values of at most 64 bits: one limb per plane, so most
//! operations are a few i64 instructions on wasm locals that Cranelift keeps
//! in registers.
//!
//! An expression of <= 64 bits evaluates to a [`Small`]: its `aval` plane in
//! an i64 local or a compile-time constant, and its `bval` plane likewise or
//! `None` when the value statically has no X/Z bit (a two-state type, a
//! known constant, or an operation on such operands that cannot produce X).
//! Every operation has an exact 4-state formula (IEEE 1364-2005 5.1: any X/Z
//! operand bit makes arithmetic and relational results X, bitwise operators
//! work bit by bit, shifts move the unknown plane with the value) and a
//! shorter one when the operands are statically known, so two-state designs
//! never touch an unknown plane. Every result keeps the invariant that bits
//! above the width are zero in both planes.

use crate::func::mem;
use crate::lower::{Addr, Lower};
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_abi::op;
use wsim_ir::{ExprId, ExprKind};

/// How a load spells the address of a value's plane (`at` the value's,
/// `plane` 0 or 8), for Cranelift: it replaces a load with an earlier one
/// of the same address and offset when no store comes between them, and
/// the first one's value then lives on to the second, spilled to the
/// stack across all the code between. A load of a form of its own is
/// used once, and an OR takes it as an operand (x86 `or mem, reg`).
#[derive(Clone, Copy)]
pub(crate) enum LoadForm {
    /// `i32.const at; i64.load offset=plane`: every body's.
    Body,
    /// `i32.const at+plane; i64.load`: a known version's guard
    /// (`crate::specialize`), whose loads the general version's took
    /// before. Instructions per cycle, rv32_pipe / picorv32 / ring N=16:
    /// 1540 / 1991 / 1313 -> 1511 / 1951 / 1307. (The address stays in
    /// the `i32.const`, where `crate::roll_instances` finds it.)
    Guard,
    /// `i32.const at+plane-4; i64.load offset=4`: code that runs where an
    /// X or Z was found ([`Lower::sm_fold_concat`]).
    Rare,
}

/// A part of a concatenation [`Lower::sm_fold_concat`] folds.
#[derive(Clone, Copy)]
enum FoldPart {
    /// A signal at a fixed place, read in each arm that needs it (`at`:
    /// its address; `four_state`: its value there has an unknown plane).
    Placed { at: u32, four_state: bool },
    /// Any other part, computed once for both arms.
    Computed(Small),
}

/// An OR reduction of a concatenation of at most this many parts reads
/// them once for both of [`Lower::sm_fold_concat`]'s arms: their values
/// fit in registers, and a signal another statement read before is not
/// read again. One of more parts reads its signals in each arm
/// ([`Lower::sm_fold_concat`]). Instructions per cycle of picorv32 (whose
/// one wide fold has 48 parts): 1920 with 4, 8 or 16; 1992 reading every
/// concatenation's signals in each arm.
const FOLD_IN_REGISTERS: usize = 8;

pub fn mask(w: u32) -> i64 {
    if w >= 64 {
        -1
    } else {
        ((1u64 << w) - 1) as i64
    }
}

/// `v`, a `w`-bit value, as an i64: sign-extended when `signed`.
pub fn sign_extended(v: i64, w: u32, signed: bool) -> i64 {
    if signed && w < 64 && (v >> (w - 1)) & 1 == 1 {
        v | -1i64 << w
    } else {
        v
    }
}

/// One plane of a small value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plane {
    /// An i64 local.
    Local(u32),
    Const(i64),
}

/// A value of <= 64 bits held in locals or constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Small {
    pub aval: Plane,
    /// `None`: statically known to have no X/Z bit.
    pub bval: Option<Plane>,
}

impl Small {
    pub fn known(aval: Plane) -> Small {
        Small { aval, bval: None }
    }

    pub fn constant(aval: i64, bval: i64) -> Small {
        Small { aval: Plane::Const(aval), bval: (bval != 0).then_some(Plane::Const(bval)) }
    }

    /// A constant zero unknown plane becomes `None` (statically known).
    pub fn normalized(self) -> Small {
        match self.bval {
            Some(Plane::Const(0)) => Small { bval: None, ..self },
            _ => self,
        }
    }

    /// Both planes when the value is a compile-time constant.
    pub fn as_const(&self) -> Option<(i64, i64)> {
        let Plane::Const(a) = self.aval else { return None };
        match self.bval {
            None => Some((a, 0)),
            Some(Plane::Const(b)) => Some((a, b)),
            Some(Plane::Local(_)) => None,
        }
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
        let v = Small { aval: Plane::Local(aval), bval: bval.map(Plane::Local) };
        self.store_small_value(dst, v);
    }

    /// Sign-extend the i64 on the stack from `w` bits.
    pub fn sext_plane(&mut self, w: u32) {
        self.sext(w);
    }

    /// Sign-extend the i64 on the stack from `w` bits to 64.
    fn sext(&mut self, w: u32) {
        if w < 64 {
            let sh = (64 - w) as i64;
            self.i(I::I64Const(sh));
            self.i(I::I64Shl);
            self.i(I::I64Const(sh));
            self.i(I::I64ShrS);
        }
    }

    // ------------------------------------------------------ small values

    pub fn push_plane(&mut self, p: Plane) {
        match p {
            Plane::Local(l) => self.i(I::LocalGet(l)),
            Plane::Const(c) => self.i(I::I64Const(c)),
        }
    }

    /// Push the unknown plane (0 when statically known).
    pub fn push_bval(&mut self, v: Small) {
        self.push_plane(v.bval.unwrap_or(Plane::Const(0)));
    }

    /// Pop the i64 on the stack into a fresh local.
    fn pop_plane(&mut self) -> Plane {
        let l = self.f.local(ValType::I64);
        self.i(I::LocalSet(l));
        Plane::Local(l)
    }

    /// Pop the i32 on the stack into a fresh local.
    pub(crate) fn pop_i32(&mut self) -> u32 {
        let l = self.f.local(ValType::I32);
        self.i(I::LocalSet(l));
        l
    }

    /// The value at `a` when it is in the constant pool.
    fn pool_const(&self, a: Addr) -> Option<(i64, i64)> {
        let Addr::Const(o) = a else { return None };
        let bytes = self.cx.consts.bytes.get(o as usize..o as usize + 16)?;
        let word = |k: usize| i64::from_le_bytes(bytes[k..k + 8].try_into().expect("8 bytes"));
        Some((word(0), word(8)))
    }

    /// Where the next instruction goes: (block, index in the block).
    fn code_pos(&self) -> (usize, usize) {
        (self.f.cur, self.f.blocks[self.f.cur].code.len())
    }

    /// Read a <= 64-bit value; `four_state == false` promises a zero
    /// unknown plane (two-state storage).
    pub fn load_small(&mut self, a: Addr, four_state: bool) -> Small {
        // a copy or a comparison asks for both planes of whatever it reads;
        // two-state storage has none to give
        let four_state = four_state && !matches!(a, Addr::Abs(o) if self.in_two_state_storage(o));
        if let Some((av, bv)) = self.pool_const(a) {
            return Small::constant(av, if four_state { bv } else { 0 });
        }
        // the temp `int` just stored: its locals still hold the value
        if let Some((t, pos, v)) = self.last_small {
            if t == a && pos == self.code_pos() {
                return v;
            }
        }
        if let Addr::Abs(o) = a {
            if let Some(v) = self.read_loop_local(o, four_state) {
                return v;
            }
            if let Some(v) = self.loads.lookup(self.f.cur, o, four_state) {
                return v;
            }
        }
        self.ld(a, 0);
        let aval = self.pop_plane();
        let bval = if four_state {
            self.ld(a, 1);
            Some(self.pop_plane())
        } else {
            None
        };
        let v = Small { aval, bval };
        if let Addr::Abs(o) = a {
            self.loads.stored(self.f.cur, o, v);
        }
        v
    }

    /// Write both planes of a small value to memory. The value stays known
    /// at an absolute address (`crate::load_cache`); a temp is no signal,
    /// and a store elsewhere makes the cache forget everything.
    pub fn store_small_value(&mut self, dst: Addr, v: Small) {
        let v = self.as_stored(dst, v);
        if matches!(dst, Addr::Abs(o) if self.write_loop_local(o, v)) {
            return;
        }
        self.push_addr(dst);
        self.push_plane(v.aval);
        self.f.i(I::I64Store(mem(0, 3)));
        if !(v.bval.is_none() && self.bval_stays_zero(dst)) {
            self.push_addr(dst);
            self.push_bval(v);
            self.f.i(I::I64Store(mem(8, 3)));
        }
        match dst {
            Addr::Abs(o) => self.loads.stored(self.f.cur, o, v),
            Addr::Temp(_) => {}
            Addr::Const(_) | Addr::Base(..) => self.loads.observe(self.f.cur, &I::I64Store(mem(0, 3))),
        }
    }

    /// True if the unknown plane at `dst` is 0 and no store in this run
    /// can have set it (`Lower::bval_zero`), or ever will (two-state
    /// storage).
    fn bval_stays_zero(&self, dst: Addr) -> bool {
        matches!(dst, Addr::Abs(o) if self.bval_zero.binary_search(&o).is_ok() || self.in_two_state_storage(o))
    }

    /// True if `o` lies in a two-state signal (`Ctx::two_state_storage`).
    pub(crate) fn in_two_state_storage(&self, o: u32) -> bool {
        let ranges = &self.cx.two_state_storage;
        let k = ranges.partition_point(|&(start, _)| start <= o);
        k > 0 && o < ranges[k - 1].1
    }

    /// `v` as a store to `dst` keeps it: a value going to two-state
    /// storage is of a two-state type (the IR is exactly typed), so an
    /// unknown plane it carries from memory (a temp) is 0 and is dropped.
    fn as_stored(&self, dst: Addr, v: Small) -> Small {
        match dst {
            Addr::Abs(o) if v.bval.is_some() && self.in_two_state_storage(o) => Small { bval: None, ..v },
            _ => v,
        }
    }

    /// After code that leaves `v` at `dst` on every path (a store made only
    /// when the value differs).
    fn known_after(&mut self, dst: Addr, v: Small) {
        if let Addr::Abs(o) = dst {
            self.loads.stored(self.f.cur, o, v);
        }
    }

    /// A small value in memory: the constant pool for constants, else a temp.
    pub fn small_addr(&mut self, v: Small, w: u32) -> Addr {
        if let Some((a, b)) = v.as_const() {
            let mut c = wsim_ir::Const::zero(w, false);
            c.words[0] = a as u64;
            c.words[1] = b as u64;
            return self.const_value(&c);
        }
        let t = self.temp_value(w);
        self.store_small_value(t, v);
        self.last_small = Some((t, self.code_pos(), v));
        t
    }

    /// Push the OR of the unknown planes of the operands and return true, or
    /// return false (pushing nothing) when all are statically known.
    fn push_unknown_bits(&mut self, vals: &[Small]) -> bool {
        let mut any = false;
        for b in vals.iter().filter_map(|v| v.bval) {
            self.push_plane(b);
            if any {
                self.i(I::I64Or);
            }
            any = true;
        }
        any
    }

    /// An i32 local that is 1 when an operand has an X/Z bit; `None` when
    /// all operands are statically known.
    fn unknown_flag(&mut self, vals: &[Small]) -> Option<u32> {
        if !self.push_unknown_bits(vals) {
            return None;
        }
        self.i(I::I64Const(0));
        self.i(I::I64Ne);
        Some(self.pop_i32())
    }

    /// The known result on the stack, or all X (width `w`) when `flag` says
    /// an operand was unknown.
    fn x_if(&mut self, flag: Option<u32>, w: u32) -> Small {
        let Some(flag) = flag else {
            return Small::known(self.pop_plane());
        };
        let value = self.pop_plane();
        self.i(I::I64Const(mask(w)));
        self.push_plane(value);
        self.i(I::LocalGet(flag));
        self.i(I::Select);
        let aval = self.pop_plane();
        self.i(I::I64Const(mask(w)));
        self.i(I::I64Const(0));
        self.i(I::LocalGet(flag));
        self.i(I::Select);
        let bval = self.pop_plane();
        Small { aval, bval: Some(bval) }
    }

    /// Push `aval | bval` for an operand of a bitwise formula (its aval
    /// alone when known).
    fn push_aval_or_bval(&mut self, v: Small) {
        self.push_plane(v.aval);
        if let Some(b) = v.bval {
            self.push_plane(b);
            self.i(I::I64Or);
        }
    }

    /// Push `aval & ~bval`: the bits that are a known 1.
    fn push_known_ones(&mut self, v: Small) {
        self.push_plane(v.aval);
        if let Some(b) = v.bval {
            self.push_plane(b);
            self.i(I::I64Const(-1));
            self.i(I::I64Xor);
            self.i(I::I64And);
        }
    }

    /// `a op b` for ADD SUB MUL AND OR XOR XNOR; `None` for other codes.
    pub fn sm_arith(&mut self, code: i32, a: Small, b: Small, w: u32) -> Option<Small> {
        let ins = match code {
            op::ADD => I::I64Add,
            op::SUB => I::I64Sub,
            op::MUL => I::I64Mul,
            op::AND | op::OR | op::XOR | op::XNOR => return Some(self.sm_bitwise(code, a, b, w)),
            _ => return None,
        };
        let flag = self.unknown_flag(&[a, b]);
        if w == 32 {
            self.push_plane(a.aval);
            self.i(I::I32WrapI64);
            self.push_plane(b.aval);
            self.i(I::I32WrapI64);
            self.i(match code {
                op::ADD => I::I32Add,
                op::SUB => I::I32Sub,
                _ => I::I32Mul,
            });
            self.i(I::I64ExtendI32U);
            return Some(self.x_if(flag, w));
        }
        self.push_plane(a.aval);
        self.push_plane(b.aval);
        self.i(ins);
        if w < 64 {
            self.i(I::I64Const(mask(w)));
            self.i(I::I64And);
        }
        Some(self.x_if(flag, w))
    }

    /// `-a`: all X when `a` has an X/Z bit.
    pub fn sm_neg(&mut self, a: Small, w: u32) -> Small {
        let zero = Small::constant(0, 0);
        self.sm_arith(op::SUB, zero, a, w).expect("SUB has a fast path")
    }

    /// Exact 4-state AND/OR/XOR/XNOR (bit by bit).
    pub fn sm_bitwise(&mut self, code: i32, a: Small, b: Small, w: u32) -> Small {
        let known = a.bval.is_none() && b.bval.is_none();
        match code {
            op::AND if known => {
                self.push_plane(a.aval);
                self.push_plane(b.aval);
                self.i(I::I64And);
                Small::known(self.pop_plane())
            }
            op::AND => {
                // not a known 0 in either operand; unknown where also X/Z
                self.push_aval_or_bval(a);
                self.push_aval_or_bval(b);
                self.i(I::I64And);
                let nz = self.pop_plane();
                self.push_unknown_bits(&[a, b]);
                self.push_plane(nz);
                self.i(I::I64And);
                let bval = self.pop_plane();
                Small { aval: nz, bval: Some(bval) }
            }
            op::OR if known => {
                self.push_plane(a.aval);
                self.push_plane(b.aval);
                self.i(I::I64Or);
                Small::known(self.pop_plane())
            }
            op::OR => {
                // a known 1 in either operand wins; else X/Z gives X
                self.push_known_ones(a);
                self.push_known_ones(b);
                self.i(I::I64Or);
                let one = self.pop_plane();
                self.push_unknown_bits(&[a, b]);
                self.push_plane(one);
                self.i(I::I64Const(-1));
                self.i(I::I64Xor);
                self.i(I::I64And);
                let x = self.pop_plane();
                self.push_plane(one);
                self.push_plane(x);
                self.i(I::I64Or);
                let aval = self.pop_plane();
                Small { aval, bval: Some(x) }
            }
            _ => {
                // XOR / XNOR: X wherever either operand is X/Z
                self.push_plane(a.aval);
                self.push_plane(b.aval);
                self.i(I::I64Xor);
                if code == op::XNOR {
                    self.i(I::I64Const(mask(w)));
                    self.i(I::I64Xor);
                }
                if known {
                    return Small::known(self.pop_plane());
                }
                self.push_unknown_bits(&[a, b]);
                let unk = self.pop_plane();
                self.push_plane(unk);
                self.i(I::I64Or);
                let aval = self.pop_plane();
                Small { aval, bval: Some(unk) }
            }
        }
    }

    /// Exact 4-state `~a`: x and z give x.
    pub fn sm_not(&mut self, a: Small, w: u32) -> Small {
        self.push_plane(a.aval);
        self.i(I::I64Const(mask(w)));
        self.i(I::I64Xor);
        if let Some(b) = a.bval {
            self.push_plane(b);
            self.i(I::I64Or);
        }
        Small { aval: self.pop_plane(), bval: a.bval }
    }

    /// A 1-bit result from an i32 0/1 on the stack.
    fn bit_from_i32(&mut self) -> Plane {
        self.i(I::I64ExtendI32U);
        self.pop_plane()
    }

    /// 1-bit `a cmp b` on operands of width `w`; `None` if no fast path.
    pub fn sm_compare(&mut self, code: i32, a: Small, b: Small, w: u32, signed: bool) -> Option<Small> {
        let (s, u) = match code {
            op::EQ | op::CASE_EQ => (I::I64Eq, I::I64Eq),
            op::NE | op::CASE_NE => (I::I64Ne, I::I64Ne),
            op::LT => (I::I64LtS, I::I64LtU),
            op::LE => (I::I64LeS, I::I64LeU),
            op::GT => (I::I64GtS, I::I64GtU),
            op::GE => (I::I64GeS, I::I64GeU),
            _ => return None,
        };
        let ins = if signed { s } else { u };
        let known = a.bval.is_none() && b.bval.is_none();
        if matches!(code, op::CASE_EQ | op::CASE_NE) && !known {
            // exact match of both planes: always decidable
            self.push_plane(a.aval);
            self.push_plane(b.aval);
            self.i(I::I64Xor);
            self.push_bval(a);
            self.push_bval(b);
            self.i(I::I64Xor);
            self.i(I::I64Or);
            self.i(I::I64Eqz);
            if code == op::CASE_NE {
                self.i(I::I32Eqz);
            }
            return Some(Small::known(self.bit_from_i32()));
        }
        if matches!(code, op::EQ | op::NE) && !known {
            return Some(self.sm_logical_eq(code == op::EQ, a, b));
        }
        let flag = self.unknown_flag(&[a, b]);
        let sext = signed && !matches!(code, op::EQ | op::NE | op::CASE_EQ | op::CASE_NE);
        self.push_plane(a.aval);
        if sext {
            self.sext(w);
        }
        self.push_plane(b.aval);
        if sext {
            self.sext(w);
        }
        self.i(ins);
        self.i(I::I64ExtendI32U);
        Some(self.x_if(flag, 1))
    }

    /// `==` / `!=` with unknown bits: false (true for `!=`) when a pair of
    /// known bits differs, else X when any bit is X/Z.
    fn sm_logical_eq(&mut self, eq: bool, a: Small, b: Small) -> Small {
        self.push_unknown_bits(&[a, b]);
        let unk = self.pop_plane();
        // known bits that differ
        self.push_plane(a.aval);
        self.push_plane(b.aval);
        self.i(I::I64Xor);
        self.push_plane(unk);
        self.i(I::I64Const(-1));
        self.i(I::I64Xor);
        self.i(I::I64And);
        self.i(I::I64Eqz);
        let same = self.pop_i32();
        self.push_plane(unk);
        self.i(I::I64Const(0));
        self.i(I::I64Ne);
        let any_unknown = self.pop_i32();
        // aval: EQ -> same (1 for true and for X); NE -> !same | unknown
        if eq {
            self.i(I::LocalGet(same));
        } else {
            self.i(I::LocalGet(same));
            self.i(I::I32Eqz);
            self.i(I::LocalGet(any_unknown));
            self.i(I::I32Or);
        }
        let aval = self.bit_from_i32();
        self.i(I::LocalGet(same));
        self.i(I::LocalGet(any_unknown));
        self.i(I::I32And);
        let bval = self.bit_from_i32();
        Small { aval, bval: Some(bval) }
    }

    /// SHL SHR ASHR of a `w`-bit value by an unsigned amount of <= 64 bits
    /// (an X/Z amount gives all X; ASHR fills each plane with its top bit).
    pub fn sm_shift(&mut self, code: i32, a: Small, w: u32, amt: Small) -> Small {
        if let (Plane::Const(n), None) = (amt.aval, amt.bval) {
            return self.sm_shift_const(code, a, w, n as u64);
        }
        let flag = self.unknown_flag(&[amt]);
        // in range: amount < w (anything larger shifts everything out)
        self.push_plane(amt.aval);
        self.i(I::I64Const(w as i64));
        self.i(I::I64LtU);
        let in_range = self.pop_i32();
        let aval = self.shift_plane_dyn(code, a.aval, w, amt.aval, in_range);
        let bval = a.bval.map(|b| self.shift_plane_dyn(code, b, w, amt.aval, in_range));
        let Some(flag) = flag else { return Small { aval, bval } };
        let shifted = Small { aval, bval };
        self.i(I::I64Const(mask(w)));
        self.push_plane(shifted.aval);
        self.i(I::LocalGet(flag));
        self.i(I::Select);
        let aval = self.pop_plane();
        self.i(I::I64Const(mask(w)));
        self.push_bval(shifted);
        self.i(I::LocalGet(flag));
        self.i(I::Select);
        let bval = self.pop_plane();
        Small { aval, bval: Some(bval) }
    }

    /// One plane shifted by the amount in `n` (`in_range`: n < w).
    fn shift_plane_dyn(&mut self, code: i32, p: Plane, w: u32, n: Plane, in_range: u32) -> Plane {
        self.push_plane(p);
        if code == op::ASHR {
            self.sext(w);
        }
        self.push_plane(n);
        self.i(match code {
            op::SHL => I::I64Shl,
            op::SHR => I::I64ShrU,
            _ => I::I64ShrS,
        });
        if code != op::SHR && w < 64 {
            self.i(I::I64Const(mask(w)));
            self.i(I::I64And);
        }
        // out of range: 0, or the sign bit everywhere for ASHR
        if code == op::ASHR {
            self.push_plane(p);
            self.sext(w);
            self.i(I::I64Const(63));
            self.i(I::I64ShrS);
            if w < 64 {
                self.i(I::I64Const(mask(w)));
                self.i(I::I64And);
            }
        } else {
            self.i(I::I64Const(0));
        }
        self.i(I::LocalGet(in_range));
        self.i(I::Select);
        self.pop_plane()
    }

    /// Shift by a known constant amount.
    fn sm_shift_const(&mut self, code: i32, a: Small, w: u32, n: u64) -> Small {
        let one = |l: &mut Self, p: Plane| -> Plane {
            if n == 0 {
                return p;
            }
            if n >= w as u64 && code != op::ASHR {
                return Plane::Const(0);
            }
            l.push_plane(p);
            if n >= w as u64 {
                // everything shifted out: the top bit everywhere
                l.sext(w);
                l.i(I::I64Const(63));
                l.i(I::I64ShrS);
                l.i(I::I64Const(mask(w)));
                l.i(I::I64And);
                return l.pop_plane();
            }
            match code {
                op::SHL if w == 32 => {
                    l.i(I::I32WrapI64);
                    l.i32c(n as i32);
                    l.i(I::I32Shl);
                    l.i(I::I64ExtendI32U);
                }
                op::SHL => {
                    l.i(I::I64Const(n as i64));
                    l.i(I::I64Shl);
                    l.i(I::I64Const(mask(w)));
                    l.i(I::I64And);
                }
                op::SHR => {
                    l.i(I::I64Const(n as i64));
                    l.i(I::I64ShrU);
                }
                _ => {
                    l.sext(w);
                    l.i(I::I64Const(n as i64));
                    l.i(I::I64ShrS);
                    l.i(I::I64Const(mask(w)));
                    l.i(I::I64And);
                }
            }
            l.pop_plane()
        };
        let aval = one(self, a.aval);
        let bval = a.bval.map(|b| one(self, b));
        Small { aval, bval }.normalized()
    }

    /// Reductions and `!` of a `w`-bit value: a 1-bit result.
    pub fn sm_reduce(&mut self, code: i32, a: Small, w: u32) -> Small {
        let negate = matches!(code, op::RED_NAND | op::RED_NOR | op::LOG_NOT | op::RED_XNOR);
        let base = match code {
            op::RED_AND | op::RED_NAND => op::RED_AND,
            op::RED_OR | op::RED_NOR | op::LOG_NOT => op::RED_OR,
            _ => op::RED_XOR,
        };
        let Some(b) = a.bval else {
            if w == 1 && !negate {
                return a;
            }
            if w == 1 {
                // `v ^ 1`: one x86 `xor`, where `v == 0` takes a `test`, a
                // `sete` and a zero extension
                self.push_plane(a.aval);
                self.i(I::I64Const(1));
                self.i(I::I64Xor);
                return Small::known(self.pop_plane());
            }
            self.push_plane(a.aval);
            match base {
                op::RED_AND => {
                    self.i(I::I64Const(mask(w)));
                    self.i(if negate { I::I64Ne } else { I::I64Eq });
                }
                op::RED_OR => {
                    self.i(I::I64Const(0));
                    self.i(if negate { I::I64Eq } else { I::I64Ne });
                }
                _ => {
                    self.i(I::I64Popcnt);
                    self.i(I::I32WrapI64);
                    self.i32c(1);
                    self.i(I::I32And);
                    if negate {
                        self.i32c(1);
                        self.i(I::I32Xor);
                    }
                }
            }
            return Small::known(self.bit_from_i32());
        };
        if w == 1 {
            return self.sm_reduce_bit(negate, a.aval, b);
        }
        // any X/Z bit
        self.push_plane(b);
        self.i(I::I64Const(0));
        self.i(I::I64Ne);
        let anyu = self.pop_i32();
        // (aval, bval) of the non-negated result as i32 0/1
        match base {
            op::RED_AND => {
                // a known 0 decides; else X/Z gives X
                self.push_plane(a.aval);
                self.push_plane(b);
                self.i(I::I64Or);
                self.i(I::I64Const(mask(w)));
                self.i(I::I64Eq);
                let no0 = self.pop_i32();
                self.i(I::LocalGet(no0));
                self.i(I::LocalGet(no0));
                self.i(I::LocalGet(anyu));
                self.i(I::I32And);
            }
            op::RED_OR => {
                // a known 1 decides; else X/Z gives X
                self.push_known_ones(a);
                self.i(I::I64Const(0));
                self.i(I::I64Ne);
                let any1 = self.pop_i32();
                self.i(I::LocalGet(any1));
                self.i(I::LocalGet(anyu));
                self.i(I::I32Or);
                self.i(I::LocalGet(any1));
                self.i(I::I32Eqz);
                self.i(I::LocalGet(anyu));
                self.i(I::I32And);
            }
            _ => {
                self.push_plane(a.aval);
                self.i(I::I64Popcnt);
                self.i(I::I32WrapI64);
                self.i32c(1);
                self.i(I::I32And);
                self.i(I::LocalGet(anyu));
                self.i(I::I32Or);
                self.i(I::LocalGet(anyu));
            }
        }
        let rb = self.pop_i32();
        let ra = self.pop_i32();
        // negation keeps X as X: aval' = !aval | bval
        self.i(I::LocalGet(ra));
        if negate {
            self.i32c(1);
            self.i(I::I32Xor);
            self.i(I::LocalGet(rb));
            self.i(I::I32Or);
        }
        let aval = self.bit_from_i32();
        self.i(I::LocalGet(rb));
        let bval = self.bit_from_i32();
        Small { aval, bval: Some(bval) }
    }

    /// Push 1 (i32) when a small value is true (a known 1 bit), else 0:
    /// `rt_truth(..) == 1` without the unknown case's select.
    pub fn sm_is_true(&mut self, a: Small) {
        self.push_known_ones(a);
        self.i(I::I64Const(0));
        self.i(I::I64Ne);
    }

    /// A reduction (or `!`) of one 4-state bit: the bit itself, negated
    /// when `negate`, with z read as x: `!rst` in four instructions, where
    /// the any-known-one and any-unknown tests of a wider value take twenty.
    fn sm_reduce_bit(&mut self, negate: bool, aval: Plane, bval: Plane) -> Small {
        self.push_plane(aval);
        if negate {
            self.i(I::I64Const(1));
            self.i(I::I64Xor);
        }
        self.push_plane(bval);
        self.i(I::I64Or);
        Small { aval: self.pop_plane(), bval: Some(bval) }
    }

    /// Push the truth code of a 1-bit value: its two bits as they are,
    /// `aval | bval << 1` (0, 1, z = 2, x = 3: either of the last two reads
    /// as unknown), where [`Self::sm_truth`] needs two tests and a select.
    pub fn sm_truth_bit(&mut self, a: Small) {
        self.push_plane(a.aval);
        if let Some(b) = a.bval {
            self.push_plane(b);
            self.i(I::I64Const(1));
            self.i(I::I64Shl);
            self.i(I::I64Or);
        }
        self.i(I::I32WrapI64);
    }

    /// Push rt_truth's 0/1/2 (i32) for a small value.
    pub fn sm_truth(&mut self, a: Small) {
        let Some(b) = a.bval else {
            self.sm_is_true(a);
            return;
        };
        // known one: aval & ~bval != 0 -> 1; else bval != 0 -> 2; else 0
        self.i32c(1);
        self.push_plane(b);
        self.i(I::I64Const(0));
        self.i(I::I64Ne);
        self.i32c(1);
        self.i(I::I32Shl);
        self.sm_is_true(a);
        self.i(I::Select);
    }

    /// A small value from rt_truth's i32 0/1/2 on the stack; `may_unknown`
    /// false when the code cannot be 2.
    pub fn sm_from_truth(&mut self, may_unknown: bool) -> Small {
        if !may_unknown {
            return Small::known(self.bit_from_i32());
        }
        let c = self.pop_i32();
        self.i(I::LocalGet(c));
        self.i32c(0);
        self.i(I::I32Ne);
        let aval = self.bit_from_i32();
        self.i(I::LocalGet(c));
        self.i32c(1);
        self.i(I::I32ShrU);
        let bval = self.bit_from_i32();
        Small { aval, bval: Some(bval) }
    }

    /// `src[off +: dw]` for a constant in-range offset of a `sw`-bit value.
    pub fn sm_bits(&mut self, src: Small, sw: u32, off: u32, dw: u32) -> Small {
        let one = |l: &mut Self, p: Plane| -> Plane {
            if let Plane::Const(c) = p {
                return Plane::Const(((c as u64) >> off) as i64 & mask(dw));
            }
            l.push_plane(p);
            if off > 0 {
                l.i(I::I64Const(off as i64));
                l.i(I::I64ShrU);
            }
            // bits at and above `sw` are already zero
            if off + dw < sw {
                l.i(I::I64Const(mask(dw)));
                l.i(I::I64And);
            }
            l.pop_plane()
        };
        let aval = one(self, src.aval);
        let bval = src.bval.map(|b| one(self, b));
        // a constant unknown plane may be zero in the selected bits
        Small { aval, bval }.normalized()
    }

    /// `dst` (`dw` bits) with bits `[off, off + sw)` replaced by `src`
    /// (`sw` bits), for a constant offset; bits outside `dst` are dropped,
    /// as `rt_store_bits` drops them (IEEE 1800-2017 11.5.1: writes out of
    /// range have no effect).
    pub fn sm_insert(&mut self, dst: Small, dw: u32, off: i64, src: Small, sw: u32) -> Small {
        // where the written bits land in `dst`, and how `src` moves there
        let (keep, shift_left, shift) = if off >= 0 {
            let m = if off >= 64 { 0 } else { (mask(sw) << off) & mask(dw) };
            (m, true, off)
        } else {
            let m = if -off >= sw as i64 { 0 } else { mask(sw - (-off) as u32) & mask(dw) };
            (m, false, -off)
        };
        if keep == 0 {
            return dst;
        }
        let one = |l: &mut Self, d: Plane, s: Plane| -> Plane {
            l.push_plane(d);
            l.i(I::I64Const(!keep));
            l.i(I::I64And);
            l.push_plane(s);
            if shift > 0 {
                l.i(I::I64Const(shift));
                l.i(if shift_left { I::I64Shl } else { I::I64ShrU });
            }
            l.i(I::I64Const(keep));
            l.i(I::I64And);
            l.i(I::I64Or);
            l.pop_plane()
        };
        let aval = one(self, dst.aval, src.aval);
        let bval = match (dst.bval, src.bval) {
            (None, None) => None,
            (d, s) => Some(one(self, d.unwrap_or(Plane::Const(0)), s.unwrap_or(Plane::Const(0)))),
        };
        Small { aval, bval }
    }

    /// `src[off +: dw]` with the offset in an i64 local, known in range.
    pub fn sm_bits_dyn(&mut self, src: Small, off: u32, dw: u32) -> Small {
        let one = |l: &mut Self, p: Plane| -> Plane {
            l.push_plane(p);
            l.i(I::LocalGet(off));
            l.i(I::I64ShrU);
            l.i(I::I64Const(mask(dw)));
            l.i(I::I64And);
            l.pop_plane()
        };
        let aval = one(self, src.aval);
        let bval = src.bval.map(|b| one(self, b));
        Small { aval, bval }
    }

    /// Resize from `sw` to `dw` bits (sign extension copies the top bit of
    /// each plane, as rt_resize does).
    pub fn sm_resize(&mut self, a: Small, sw: u32, dw: u32, sign_extend: bool) -> Small {
        let one = |l: &mut Self, p: Plane| -> Plane {
            let extend = sign_extend && dw > sw;
            if !extend && dw >= sw {
                return p;
            }
            l.push_plane(p);
            if extend {
                l.sext(sw);
            }
            if dw < 64 {
                l.i(I::I64Const(mask(dw)));
                l.i(I::I64And);
            }
            l.pop_plane()
        };
        let aval = one(self, a.aval);
        let bval = a.bval.map(|b| one(self, b));
        Small { aval, bval }
    }

    /// X/Z bits become 0.
    pub fn sm_to_2state(&mut self, a: Small) -> Small {
        if a.bval.is_none() {
            return a;
        }
        self.push_known_ones(a);
        Small::known(self.pop_plane())
    }

    /// `{count{v}}` of a `w`-bit value (`count * w <= 64`): each plane
    /// times `1 | 1 << w | 1 << 2w ...`, one multiply where a concat of the
    /// copies costs a shift and an or per copy. The copies cannot carry
    /// into one another: a plane has no bit at or above `w`.
    pub fn sm_replicate(&mut self, v: Small, w: u32, count: u32) -> Small {
        if count == 1 {
            return v;
        }
        let pattern = (0..count).fold(0u64, |p, k| p | 1u64 << (k * w));
        let one = |l: &mut Self, plane: Plane| -> Plane {
            if let Plane::Const(c) = plane {
                return Plane::Const((c as u64).wrapping_mul(pattern) as i64);
            }
            l.push_plane(plane);
            l.i(I::I64Const(pattern as i64));
            l.i(I::I64Mul);
            l.pop_plane()
        };
        let aval = one(self, v.aval);
        let bval = v.bval.map(|b| one(self, b));
        Small { aval, bval }
    }

    /// Push the plane `plane` bytes into the value at `at`, loaded as
    /// `form` says.
    pub(crate) fn push_plane_load(&mut self, at: u32, plane: u32, form: LoadForm) {
        let (base, offset) = match form {
            LoadForm::Body => (at, plane),
            LoadForm::Guard => (at + plane, 0),
            // (no value lies below the arena's start, far above 4)
            LoadForm::Rare => ((at + plane).saturating_sub(4), 4.min(at + plane)),
        };
        self.i32c(base as i32);
        self.i(I::I64Load(mem(offset, 3)));
    }

    /// The parts of a concatenation ORed on top of one another, unshifted,
    /// for an OR reduction (`|`, `~|`, `!`), which asks only whether some
    /// bit is a known 1 and else whether some bit is X or Z: a folded bit
    /// is 1 where some part has a known 1, else X where some part has X or
    /// Z. With no X or Z anywhere (the usual case, tested once) that is the
    /// OR of the value planes; a part costs a load and an OR per plane
    /// where the concatenation shifts it too.
    ///
    /// With more than [`FOLD_IN_REGISTERS`] parts, a part that is
    /// a signal at a fixed place is read in each arm as it needs it: its
    /// unknown plane first, for the test; its value plane in the arm with
    /// no X or Z; both planes again (of [`LoadForm::Rare`]) in the other.
    /// Read once for all (picorv32's `instr_trap`, `!{instr_lui, ...}`, 48
    /// flags), each value plane's one use was the OR in the first arm,
    /// where Cranelift placed it, and all 96 planes stayed live, spilled
    /// to the stack, from the loads to there.
    pub fn sm_fold_concat(&mut self, parts: &[ExprId]) -> Small {
        let wide = parts.len() > FOLD_IN_REGISTERS;
        let places: Vec<Option<(u32, bool)>> =
            parts.iter().map(|&p| if wide { self.fixed_place(p) } else { None }).collect();
        let parts: Vec<FoldPart> = parts
            .iter()
            .zip(places)
            .map(|(&p, place)| match place {
                Some((at, four_state)) => FoldPart::Placed { at, four_state },
                None => FoldPart::Computed(self.small(p)),
            })
            .collect();
        let mut unknown = None;
        for part in &parts {
            let b = match *part {
                FoldPart::Placed { at, four_state: true } => {
                    self.push_plane_load(at, 8, LoadForm::Body);
                    Some(self.pop_plane())
                }
                FoldPart::Placed { .. } => None,
                FoldPart::Computed(v) => v.bval,
            };
            if let Some(b) = b {
                unknown = Some(self.or_plane(unknown, b));
            }
        }
        let any = |l: &mut Self| {
            for (k, part) in parts.iter().enumerate() {
                match *part {
                    FoldPart::Placed { at, .. } => l.push_plane_load(at, 0, LoadForm::Body),
                    FoldPart::Computed(v) => l.push_plane(v.aval),
                }
                if k > 0 {
                    l.i(I::I64Or);
                }
            }
        };
        let Some(unknown) = unknown else {
            any(self);
            return Small { aval: self.pop_plane(), bval: None };
        };
        self.push_plane(unknown);
        self.i(I::I64Eqz);
        self.i(I::If(BlockType::Result(ValType::I64)));
        any(self);
        self.i(I::Else);
        // the known ones
        for (k, part) in parts.iter().enumerate() {
            let v = match *part {
                FoldPart::Placed { at, four_state } => {
                    self.push_plane_load(at, 0, LoadForm::Rare);
                    let aval = self.pop_plane();
                    let bval = four_state.then(|| {
                        self.push_plane_load(at, 8, LoadForm::Rare);
                        self.pop_plane()
                    });
                    Small { aval, bval }
                }
                FoldPart::Computed(v) => v,
            };
            self.push_known_ones(v);
            if k > 0 {
                self.i(I::I64Or);
            }
        }
        self.i(I::End);
        let ones = self.pop_plane();
        self.known_ones_or_x(ones, unknown)
    }

    /// Where a concatenation's part is a signal read from a fixed place
    /// (not a loop's constant, nor one a loop keeps in locals): that
    /// address, and whether its value there has an unknown plane.
    fn fixed_place(&mut self, p: ExprId) -> Option<(u32, bool)> {
        let d = self.d();
        let ExprKind::Signal(s) = d.exprs[p].kind else { return None };
        if !self.small_native(p) || self.single_value(s).is_some() || !self.promoted.is_empty() {
            return None;
        }
        let (Addr::Abs(at), four_state) = self.signal_read(s, d.exprs[p].span) else { return None };
        Some((at, four_state && !self.in_two_state_storage(at)))
    }

    /// `acc | p`, or `p` with no `acc`.
    fn or_plane(&mut self, acc: Option<Plane>, p: Plane) -> Plane {
        let Some(acc) = acc else { return p };
        self.push_plane(acc);
        self.push_plane(p);
        self.i(I::I64Or);
        self.pop_plane()
    }

    /// The folded value with known ones `ones` and unknown bits `unknown`:
    /// 1 where a known one is; X (aval 1, bval 1) where only unknowns are.
    fn known_ones_or_x(&mut self, ones: Plane, unknown: Plane) -> Small {
        self.push_plane(ones);
        self.push_plane(unknown);
        self.i(I::I64Or);
        let aval = self.pop_plane();
        self.push_plane(unknown);
        self.push_plane(ones);
        self.i(I::I64Const(-1));
        self.i(I::I64Xor);
        self.i(I::I64And);
        let bval = self.pop_plane();
        Small { aval, bval: Some(bval) }
    }

    /// Concatenation of parts (most significant first) totalling <= 64 bits.
    pub fn sm_concat(&mut self, parts: &[(Small, u32)]) -> Small {
        if parts.iter().all(|(v, _)| v.as_const().is_some()) {
            let (mut a, mut b, mut off) = (0u64, 0u64, 0u32);
            for (v, w) in parts.iter().rev() {
                let (va, vb) = v.as_const().expect("checked above");
                if off < 64 {
                    a |= (va as u64) << off;
                    b |= (vb as u64) << off;
                }
                off += w;
            }
            return Small::constant(a as i64, b as i64);
        }
        let one = |l: &mut Self, plane: fn(&Small) -> Option<Plane>| -> Plane {
            let mut off = 0;
            let mut first = true;
            for (v, w) in parts.iter().rev() {
                // constant zero parts add nothing
                if let Some(p) = plane(v).filter(|&p| p != Plane::Const(0)) {
                    l.push_plane(p);
                    if off > 0 {
                        l.i(I::I64Const(off as i64));
                        l.i(I::I64Shl);
                    }
                    if !first {
                        l.i(I::I64Or);
                    }
                    first = false;
                }
                off += w;
            }
            if first {
                return Plane::Const(0);
            }
            l.pop_plane()
        };
        let aval = one(self, |v| Some(v.aval));
        let bval = if parts.iter().any(|(v, _)| v.bval.is_some()) { Some(one(self, |v| v.bval)) } else { None };
        Small { aval, bval }
    }

    /// A `w`-bit value (32 or 64) rotated right by `k` bits, each plane
    /// alike (`expr::rotation`).
    pub fn sm_rotate_right(&mut self, v: Small, w: u32, k: u32) -> Small {
        let one = |l: &mut Self, p: Plane| -> Plane {
            if let Plane::Const(c) = p {
                let r = if w == 64 { (c as u64).rotate_right(k) } else { (c as u32).rotate_right(k) as u64 };
                return Plane::Const(r as i64);
            }
            l.push_plane(p);
            if w == 64 {
                l.i(I::I64Const(k as i64));
                l.i(I::I64Rotr);
            } else {
                l.i(I::I32WrapI64);
                l.i32c(k as i32);
                l.i(I::I32Rotr);
                l.i(I::I64ExtendI32U);
            }
            l.pop_plane()
        };
        let aval = one(self, v.aval);
        let bval = v.bval.map(|b| one(self, b));
        Small { aval, bval }
    }

    /// `?:` with an unknown condition: bits equal and known in both
    /// branches are kept, the others become X.
    pub fn sm_merge(&mut self, a: Small, b: Small, w: u32) -> Small {
        // same = ~(a ^ b) & ~a.b & ~b.b (within the width)
        self.push_plane(a.aval);
        self.push_plane(b.aval);
        self.i(I::I64Xor);
        self.push_unknown_bits(&[a, b]);
        self.i(I::I64Or);
        self.i(I::I64Const(mask(w)));
        self.i(I::I64And);
        let differ = self.pop_plane();
        self.push_plane(a.aval);
        self.push_plane(differ);
        self.i(I::I64Or);
        let aval = self.pop_plane();
        Small { aval, bval: Some(differ) }
    }

    /// Copy a small value's planes into the given locals (bval only when
    /// `b` is given; a known value stores 0).
    pub fn sm_set(&mut self, v: Small, a: u32, b: Option<u32>) {
        self.push_plane(v.aval);
        self.i(I::LocalSet(a));
        if let Some(b) = b {
            self.push_bval(v);
            self.i(I::LocalSet(b));
        }
    }

    // ------------------------------------------------ memory-based helpers

    /// Push rt_case_match's result for values of <= 64 bits.
    pub fn fast_case_match(&mut self, kind: i32, a: Small, b: Small) {
        // differing bits of either plane
        self.push_plane(a.aval);
        self.push_plane(b.aval);
        self.i(I::I64Xor);
        if a.bval.is_some() || b.bval.is_some() {
            self.push_bval(a);
            self.push_bval(b);
            self.i(I::I64Xor);
            self.i(I::I64Or);
        }
        if kind != op::CASE_EXACT && (a.bval.is_some() || b.bval.is_some()) {
            // don't-care bits: z in either (casez), x or z in either (casex)
            if kind == op::CASE_Z {
                let zbits = |l: &mut Self, v: Small| {
                    l.push_bval(v);
                    l.push_plane(v.aval);
                    l.i(I::I64Const(-1));
                    l.i(I::I64Xor);
                    l.i(I::I64And);
                };
                zbits(self, a);
                zbits(self, b);
                self.i(I::I64Or);
            } else {
                self.push_unknown_bits(&[a, b]);
            }
            self.i(I::I64Const(-1));
            self.i(I::I64Xor);
            self.i(I::I64And);
        }
        self.i(I::I64Eqz);
    }

    /// `rt_store` of a <= 64-bit value to a watched signal: store and
    /// notify (with the LSB codes for edges) only when the value changes;
    /// readers that are all combinational static processes get their
    /// pending bits set inline instead.
    pub fn fast_store_notify(&mut self, dst: Addr, src: Addr, sig: i32) {
        // the source first: it may be the temp just stored (`load_small`)
        let new = self.load_small(src, true);
        self.small_store_notify(dst, new, sig);
    }

    /// How a store of watched signal `sig` at `dst` goes without comparing
    /// old and new: `Some(false)`, a plain store (a loop signal that
    /// settles, `crate::promote`, or a change no one but the running
    /// process would see); `Some(true)`, a store that then marks the
    /// readers in the later bits (a direct NBA whose readers may run
    /// again, `readers_recompute`); None when it must compare.
    fn store_without_compare(&self, dst: Addr, sig: wsim_ir::SignalId) -> Option<bool> {
        let settles = matches!(dst, Addr::Abs(o) if self.settles_at_exit(o));
        if settles || self.wakes_only_running(sig) {
            return Some(false);
        }
        (self.in_direct_nba && self.readers_recompute(sig)).then_some(true)
    }

    /// [`Self::fast_store_notify`] of a value already in locals.
    pub fn small_store_notify(&mut self, dst: Addr, new: Small, sig: i32) {
        // no compare: a loop signal that settles (`crate::promote`), or a
        // change no one but the running process would see
        let new = self.as_stored(dst, new);
        let id = wsim_ir::SignalId::from_raw(sig as u32);
        if let Some(later) = self.store_without_compare(dst, id) {
            self.store_small_value(dst, new);
            if later {
                self.trigger_later(id);
                self.known_after(dst, new);
            }
            return;
        }
        // a store site of known values keeps a zero unknown plane zero
        let old = self.load_small(dst, !(new.bval.is_none() && self.bval_stays_zero(dst)));
        self.push_differs(old, new);
        self.i(I::If(BlockType::Empty));
        self.store_small_value(dst, new);
        self.notify_changed(old, new, sig);
        self.i(I::End);
        self.known_after(dst, new);
    }

    /// `dst = src` for two four-state signals of one width whose store
    /// needs no compare (as in [`Self::small_store_notify`]): both planes
    /// in one v128 load and store, where loading and storing each plane
    /// takes twice the instructions (a pipeline register, `q <= d`).
    /// False, with nothing emitted, where the i64 path does as well or
    /// must be taken: a value already in locals, a signal kept in locals
    /// or a place a known version found known (`Lower::known`), two-state
    /// storage, a store that compares and notifies.
    pub(crate) fn copy_signal_planes(&mut self, dst: wsim_ir::SignalId, rhs: ExprId) -> bool {
        let d = self.d();
        let ExprKind::Signal(src) = d.exprs[rhs].kind else { return false };
        let (to_ty, from_ty) = (d.signals[dst].ty, d.signals[src].ty);
        let plain = |s: wsim_ir::SignalId| {
            let slot = &self.cx.lay.signals[s.index()];
            slot.elem_bytes == 16 && slot.elements == 1
        };
        let same_words = to_ty.four_state && from_ty.four_state && to_ty.width == from_ty.width;
        let copyable = same_words && to_ty.width <= 64 && plain(dst) && plain(src);
        if !copyable || !self.promoted.is_empty() || self.single_value(src).is_some() {
            return false;
        }
        let (Addr::Abs(from), true) = self.signal_read(src, d.exprs[rhs].span) else { return false };
        let Addr::Abs(to) = self.sig_addr(dst, d.signals[dst].span) else { return false };
        let kept = |l: &Self, o: u32| l.in_two_state_storage(o) || l.known.binary_search(&o).is_ok();
        if kept(self, from) || kept(self, to) || self.loads.lookup(self.f.cur, from, true).is_some() {
            return false;
        }
        let watched = self.sig_arg(dst) != wsim_abi::NO_SIG as i32;
        let later = match watched.then(|| self.store_without_compare(Addr::Abs(to), dst)) {
            None => false,
            Some(Some(later)) => later,
            Some(None) => return false,
        };
        self.copy_word_pair(to, from);
        if later {
            self.trigger_later(dst);
        }
        true
    }

    /// Tell the readers of signal `sig` that it changed from `old` to `new`.
    pub(crate) fn notify_changed(&mut self, old: Small, new: Small, sig: i32) {
        let id = wsim_ir::SignalId::from_raw(sig as u32);
        if self.in_direct_nba && self.trigger_later(id) {
            return;
        }
        if self.defer_trigger(id) {
            return;
        }
        if self.has_inline_triggers(id) {
            self.trigger_inline(id, true, Some((old, new)));
            return;
        }
        self.i32c(sig);
        self.push_lsb_code(old);
        self.push_lsb_code(new);
        self.rt("rt_notify");
    }

    /// Push an i32 that is non-zero when the two values differ in a bit of
    /// either plane: `(aval ^ aval') | (bval ^ bval')` tested once (an x86
    /// `xor xor or test`, where two compares would each need a `setne`).
    pub fn push_differs(&mut self, old: Small, new: Small) {
        self.push_plane(old.aval);
        self.push_plane(new.aval);
        self.i(I::I64Xor);
        match (old.bval, new.bval) {
            (None, None) => {}
            (Some(b), None) | (None, Some(b)) => {
                self.push_plane(b);
                self.i(I::I64Or);
            }
            (Some(ob), Some(nb)) => {
                self.push_plane(ob);
                self.push_plane(nb);
                self.i(I::I64Xor);
                self.i(I::I64Or);
            }
        }
        self.i(I::I64Const(0));
        self.i(I::I64Ne);
    }

    /// Push the 2-bit code (0, 1, z=2, x=3) of bit 0 of a value, an i32.
    pub fn push_lsb_code(&mut self, v: Small) {
        self.push_plane(v.aval);
        self.i(I::I64Const(1));
        self.i(I::I64And);
        self.push_bval(v);
        self.i(I::I64Const(1));
        self.i(I::I64And);
        self.i(I::I64Const(1));
        self.i(I::I64Shl);
        self.i(I::I64Or);
        self.i(I::I32WrapI64);
    }

    /// Copy a <= 64-bit value (both planes).
    pub fn fast_copy(&mut self, dst: Addr, src: Addr) {
        let v = self.load_small(src, true);
        self.store_small_value(dst, v);
    }
}

/// The arena ranges of the static two-state integral signals and known
/// variables, and of the values of their NBA shadow records, sorted
/// (`Ctx::two_state_storage`).
/// Every write to one stores a value of its two-state type, whose unknown
/// plane is 0: the IR converts four-state values (`make_two_state`,
/// elaboration), and the guest-rt helpers that write variables themselves
/// drop X and Z for two-state targets (`rt_to_2state` after `$readmemh`
/// and `$sscanf`; `make_2state` after a division by zero or a shift by an
/// X amount). So for a known variable (`known`, `crate::infer_known`):
/// every value written to it has a zero unknown plane. A shadow record
/// holds a pending NBA of the signal's type or a copy of the signal's
/// value (`crate::direct_nbas`), and starts zeroed.
pub fn two_state_storage(d: &wsim_ir::Design, lay: &wsim_layout::Layout, known: &[bool]) -> Vec<(u32, u32)> {
    let mut out = vec![];
    for (id, s) in d.signals.iter() {
        if s.ty.kind != wsim_ir::TypeKind::Integral || s.ty.four_state && !known[id.index()] {
            continue;
        }
        let slot = &lay.signals[id.index()];
        // a collapsed port: its target's entry covers the storage
        if slot.shared {
            continue;
        }
        let storage = slot.static_offset().and_then(|start| {
            let bytes = u32::try_from(slot.elements * slot.elem_bytes as u64).ok()?;
            Some((start, start.checked_add(bytes)?))
        });
        let value = wsim_abi::shadow::VALUE;
        let shadow = lay.shadows[id.index()].map(|rec| (rec + value, rec + value + 16));
        out.extend(storage.into_iter().chain(shadow));
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use crate::schedule::tests::elaborate;
    use crate::specialize::tests::runner_operators;

    /// The stores of the runner that write an unknown plane (offset 8 of
    /// a value).
    fn unknown_plane_stores(ty: &str) -> usize {
        let src = format!(
            "module t; reg clk = 0; {ty} [7:0] a = 0, b, c; {ty} [63:0] w;
             always #5 clk = ~clk;
             always @(posedge clk) a <= a + 1;
             always @* begin b = a ^ 8'h5a; w = {{8{{b}}}}; end
             always @* c = b[0] ? w[15:8] : a / 8'd3;
             endmodule\n"
        );
        let ops = runner_operators(&src, &Default::default());
        // not the activation counter's `+ 1` (offset 8 of the statics' words)
        let plane_store =
            |w: &[String]| w[1].starts_with("I64Store") && w[1].contains("offset: 8,") && w[0] != "I64Add";
        ops.windows(2).filter(|w| plane_store(w)).count()
    }

    /// The `if`s giving an i32 in the runner of `y = l && r; z = l || r;`
    /// (the branches of a short-circuit evaluation) for a left operand of
    /// type `lty` and right operand `r`.
    fn short_circuit_branches(lty: &str, r: &str) -> usize {
        let src = format!(
            "module t; {lty} l; logic [1:0] b; logic y, z;
             function logic f(input logic [1:0] v); f = v[1]; endfunction
             function bit g(input logic [1:0] v); g = v[1]; endfunction
             always @* begin y = l && {r}; z = l || {r}; end
             endmodule\n"
        );
        let ops = runner_operators(&src, &Default::default());
        ops.iter().filter(|op| op.as_str() == "If { blockty: Type(I32) }").count()
    }

    /// The `if`s of the runner of `always @* y = <rhs>;` on four-state
    /// 8-bit `a`, `b` and 1-bit `c`.
    fn runner_ifs(rhs: &str) -> usize {
        let src = format!("module t; logic [7:0] a, b, y; logic c; always @* y = {rhs}; endmodule\n");
        runner_operators(&src, &Default::default()).iter().filter(|op| op.as_str() == "If { blockty: Empty }").count()
    }

    /// The value-plane loads of `!{...}` of `n` one-bit parts (`logic`:
    /// four-state, so none is guarded) before and inside the `if` that
    /// tests for X or Z.
    fn fold_value_loads(n: usize) -> (usize, usize) {
        let names: Vec<String> = (0..n).map(|k| format!("f{k}")).collect();
        let src = format!(
            "module t; logic {}; logic y; always @* y = !{{{}}}; endmodule\n",
            names.join(", "),
            names.join(", ")
        );
        let ops = runner_operators(&src, &Default::default());
        let value_load = |op: &String| op.starts_with("I64Load") && op.contains(" offset: 0,");
        let at_if = ops.iter().position(|op| op == "If { blockty: Type(I64) }").expect("the X test");
        let in_arm = ops[at_if..].iter().position(|op| op == "Else").expect("its X arm");
        (
            ops[..at_if].iter().filter(|op| value_load(op)).count(),
            ops[at_if..at_if + in_arm].iter().filter(|op| value_load(op)).count(),
        )
    }

    #[test]
    fn a_wide_fold_reads_its_value_planes_where_nothing_is_unknown() {
        // eight parts: read once, before the test; nine: in its arm
        assert_eq!(fold_value_loads(8), (8, 0));
        assert_eq!(fold_value_loads(9), (0, 9));
    }

    #[test]
    fn a_condition_that_may_be_unknown_tests_true_once_and_false_twice() {
        // the `?:` adds `t == 1` and, under its `else`, `t == 0`
        assert_eq!(runner_ifs("c ? a + b : a - b"), runner_ifs("a + b") + 2);
    }

    #[test]
    fn a_cheap_right_operand_combines_without_branches() {
        assert_eq!(short_circuit_branches("bit", "b == 2'd1"), 0);
        assert_eq!(short_circuit_branches("bit", "(b[0] ^ b[1])"), 0);
        // a left operand that may be unknown too (`sm_logical`)
        assert_eq!(short_circuit_branches("logic", "b == 2'd1"), 0);
        // a call on the right: it is evaluated only when it decides
        assert_eq!(short_circuit_branches("bit", "f(b)"), 4);
        assert_eq!(short_circuit_branches("logic", "f(b)"), 4);
        // both known: past the short circuit, the call's value is the
        // result, with nothing to merge (one `if` each)
        assert_eq!(short_circuit_branches("bit", "g(b)"), 2);
        assert_eq!(short_circuit_branches("logic", "g(b)"), 4);
    }

    /// The loads of an unknown plane (offset 8 of a value) in the NBA
    /// commit and the clocked processes, for signals of type `ty`.
    fn unknown_plane_loads(ty: &str) -> usize {
        use crate::specialize::tests::operators_of_all;
        let d = elaborate(&format!(
            "module t; bit clk = 0; {ty} [7:0] a, b, c, e; // (logic: X at first)
             always #5 clk = ~clk;
             // reads `a` after its NBA: a copy of the old value (direct_nbas)
             always @(posedge clk) begin a <= a + 1; e <= a; end
             // each reads what the other writes: one keeps a shadow record
             always @(posedge clk) b <= c + 1;
             always @(posedge clk) c <= b;
             endmodule\n"
        ));
        let wasm = crate::compile(&d, &Default::default()).expect("compiles");
        let mut ops = operators_of_all(&wasm, "commit_shadows");
        ops.extend(operators_of_all(&wasm, "runner"));
        ops.extend(operators_of_all(&wasm, "always@"));
        // not the activation counter's load for its `+ 1`
        let plane_load = |w: &[String]| w[0].starts_with("I64Load") && w[0].contains("offset: 8,") && w[2] != "I64Add";
        ops.windows(3).filter(|w| plane_load(w)).count()
    }

    #[test]
    fn two_state_shadow_records_and_old_value_copies_have_no_unknown_plane() {
        assert!(unknown_plane_loads("logic") >= 4, "{}", unknown_plane_loads("logic"));
        assert_eq!(unknown_plane_loads("bit"), 0);
    }

    #[test]
    fn two_state_signals_never_store_their_unknown_plane() {
        // the same blocks on four-state signals store both planes
        assert!(unknown_plane_stores("logic") >= 4, "{}", unknown_plane_stores("logic"));
        assert_eq!(unknown_plane_stores("bit"), 0);
    }

    /// The v128 loads and stores of the runner of a pipeline register
    /// `q <= d` (`d` four-state and changed by a thread), with `decl`
    /// declaring `q` and `d` and `rhs` in place of `d`.
    fn v128_moves(decl: &str, rhs: &str) -> (usize, usize) {
        let src = format!(
            "module t; reg clk = 0; {decl}
             always #5 clk = ~clk;
             initial forever #7 d = d + 1;
             always @(posedge clk) q <= {rhs};
             assign y = q ^ 8'h0f;
             always @(posedge clk) if (y == 8'h33) $display(y);
             endmodule\n"
        );
        let ops = runner_operators(&src, &Default::default());
        let count = |name: &str| ops.iter().filter(|op| op.starts_with(name)).count();
        (count("V128Load"), count("V128Store"))
    }

    #[test]
    fn a_four_state_register_copy_is_one_v128_move() {
        assert_eq!(v128_moves("reg [7:0] d, q; wire [7:0] y;", "d"), (1, 1));
        // not a plain copy: a resize or an operation, or two-state storage
        assert_eq!(v128_moves("reg [7:0] d; reg [3:0] q; wire [3:0] y;", "d"), (0, 0));
        assert_eq!(v128_moves("reg [7:0] d, q; wire [7:0] y;", "~d"), (0, 0));
        assert_eq!(v128_moves("bit [7:0] d = 0, q; wire [7:0] y;", "d"), (0, 0));
    }

    #[test]
    fn a_known_bit_negates_with_one_xor() {
        let compares = |rhs: &str| {
            let src = format!("module t; bit a; bit [3:0] v; bit y; always @* y = {rhs}; endmodule\n");
            runner_operators(&src, &Default::default()).iter().filter(|op| op.as_str() == "I64Eq").count()
        };
        assert_eq!(compares("!a"), 0);
        assert_eq!(compares("~|a"), 0);
        // wider: a compare with 0
        assert_eq!(compares("!v"), 1);
    }
}
