//! Constant evaluation: parameters, ranges, generate conditions and
//! constant functions.
//!
//! A constant expression is first emitted as ordinary IR (so it is sized by
//! exactly the rules every other expression follows), then folded by a small
//! IR interpreter built on `wsim_guest_rt::logic`, the same 4-state code the
//! simulator runs. Constant function calls interpret the function's IR body
//! with a step limit (E0310).

use std::collections::HashMap;

use wsim_abi::op;
use wsim_diag::{codes::elab as code, Span};
use wsim_guest_rt::logic;
use wsim_ir::{
    BinOp, CaseKind, Const, Design, ExprId, ExprKind, SignalId, StmtId, StmtKind, SubrId, Type, TypeKind, UnOp,
};
use wsim_syntax::ast;

use crate::ctx::{Elab, LexId, Value};

/// Steps a constant function may take before E0310.
const STEP_LIMIT: u64 = 5_000_000;
/// Nested calls of constant functions before E0310. Each level costs
/// several interpreter frames (tens of KiB in a debug build): 2,000 levels
/// overflowed an 8 MiB main-thread stack.
const CALL_DEPTH_LIMIT: u32 = 256;

/// Sign-extend (iff `c` is signed) or truncate to `width`, then re-sign.
pub fn resize_const(c: &Const, width: u32, signed: bool) -> Const {
    let mut out = Const::zero(width, signed);
    logic::resize(&mut out.words, width, &c.words, c.width, c.signed);
    out
}

/// `c + n` at `c`'s width.
pub fn add_const(c: &Const, n: u64) -> Const {
    let b = Const::from_u64(c.width, c.signed, n);
    let mut out = Const::zero(c.width, c.signed);
    logic::arith(op::ADD, &mut out.words, &c.words, &b.words, c.width, c.signed);
    out
}

#[derive(Clone, Debug)]
enum Val {
    I(Const),
    R(f64),
    A(Vec<Val>),
}

enum Flow {
    Break,
    Continue,
    Return,
    /// `disable` of a named block: unwinds to that block.
    Disable(StmtId),
    /// Not constant (span of the culprit) or too many steps.
    NotConst(Span),
    Limit(Span),
}

struct Interp<'d> {
    d: &'d Design,
    env: HashMap<SignalId, Val>,
    steps: u64,
    depth: u32,
}

fn zero_of(ty: Type, init: Option<&Const>) -> Val {
    match ty.kind {
        TypeKind::Real => Val::R(0.0),
        _ => match init {
            Some(c) => Val::I(c.clone()),
            None if ty.four_state => Val::I(Const::all_x(ty.width, ty.signed)),
            None => Val::I(Const::zero(ty.width, ty.signed)),
        },
    }
}

fn to_const(v: Val, ty: Type) -> Const {
    match v {
        Val::I(c) => c,
        Val::R(r) => {
            let mut c = Const::zero(ty.width.max(1), ty.signed);
            logic::from_real(&mut c.words, c.width, r);
            if !ty.four_state {
                logic::to_2state(&mut c.words, c.width);
            }
            c
        }
        Val::A(_) => Const::all_x(ty.width, ty.signed),
    }
}

impl<'d> Interp<'d> {
    fn tick(&mut self, span: Span) -> Result<(), Flow> {
        self.steps += 1;
        if self.steps > STEP_LIMIT {
            return Err(Flow::Limit(span));
        }
        Ok(())
    }

    fn int(&mut self, e: ExprId) -> Result<Const, Flow> {
        let ty = self.d.exprs[e].ty;
        let v = self.eval(e)?;
        Ok(to_const(v, ty))
    }

    fn real(&mut self, e: ExprId) -> Result<f64, Flow> {
        match self.eval(e)? {
            Val::R(r) => Ok(r),
            Val::I(c) => Ok(logic::to_real(&c.words, c.width, c.signed)),
            Val::A(_) => Err(Flow::NotConst(self.d.exprs[e].span)),
        }
    }

    fn eval(&mut self, e: ExprId) -> Result<Val, Flow> {
        let x = &self.d.exprs[e];
        let ty = x.ty;
        let span = x.span;
        self.tick(span)?;
        // Strings live in the guest heap (1800-2017 6.16): never folded.
        if ty.kind == TypeKind::String {
            return Err(Flow::NotConst(span));
        }
        let w = ty.width;
        let new = || Const::zero(w, ty.signed);
        Ok(match &x.kind {
            ExprKind::Const(c) => Val::I(c.clone()),
            ExprKind::RealConst(r) => Val::R(*r),
            ExprKind::Signal(s) => self.env.get(s).cloned().ok_or(Flow::NotConst(span))?,
            ExprKind::ArrayElem { sig, indices } => {
                let idx = self.indices(*sig, indices)?;
                let arr = self.env.get(sig).ok_or(Flow::NotConst(span))?;
                match idx.and_then(|i| match arr {
                    Val::A(v) => v.get(i).cloned(),
                    _ => None,
                }) {
                    Some(v) => v,
                    None => zero_of(ty, None),
                }
            }
            ExprKind::Select { base, offset, width } => {
                let b = self.int(*base)?;
                let off = self.int(*offset)?;
                let mut out = Const::zero(*width, false);
                if !off.is_known() {
                    out = Const::all_x(*width, false);
                } else {
                    let o = logic::to_i64(&off.words, off.width, off.signed);
                    let two = !self.d.exprs[*base].ty.four_state;
                    logic::get_bits(&mut out.words, *width, &b.words, b.width, o, two);
                }
                out.signed = ty.signed;
                Val::I(out)
            }
            ExprKind::Unary { op: u, arg } => self.unary(*u, *arg, ty)?,
            ExprKind::Binary { op: b, lhs, rhs } => self.binary(*b, *lhs, *rhs, ty)?,
            ExprKind::Cond { cond, then_expr, else_expr } => {
                let t = self.truth(*cond)?;
                match t {
                    1 => self.eval(*then_expr)?,
                    0 => self.eval(*else_expr)?,
                    // Both sides evaluated, no bits to merge: the value
                    // they agree on, else 0 (as the generated code does).
                    _ if ty.is_real() => {
                        let (a, b) = (self.real(*then_expr)?, self.real(*else_expr)?);
                        Val::R(if a == b { a } else { 0.0 })
                    }
                    _ => {
                        let a = self.int(*then_expr)?;
                        let b = self.int(*else_expr)?;
                        let mut out = new();
                        logic::cond_merge(&mut out.words, &a.words, &b.words, w);
                        Val::I(out)
                    }
                }
            }
            ExprKind::Concat(parts) => {
                let mut out = new();
                let mut pos = w as i64;
                for p in parts {
                    let c = self.int(*p)?;
                    pos -= c.width as i64;
                    logic::set_bits(&mut out.words, w, pos, &c.words, c.width);
                }
                Val::I(out)
            }
            ExprKind::Replicate { count, arg } => {
                let c = self.int(*arg)?;
                let mut out = new();
                for i in 0..*count {
                    logic::set_bits(&mut out.words, w, (i * c.width) as i64, &c.words, c.width);
                }
                Val::I(out)
            }
            ExprKind::Convert { arg } => {
                let from = self.d.exprs[*arg].ty;
                let v = self.eval(*arg)?;
                convert(v, from, ty)
            }
            ExprKind::Resolve { .. } => return Err(Flow::NotConst(span)),
            ExprKind::Call { subr, args } => self.call(*subr, args, span)?.unwrap_or(zero_of(ty, None)),
            ExprKind::SysFunc { name, args, .. } => self.sysfunc(name, args, ty, span)?,
            // Class objects live on the guest heap: never folded.
            ExprKind::ClassProp { .. } | ExprKind::ClassNew { .. } => return Err(Flow::NotConst(span)),
        })
    }

    fn truth(&mut self, e: ExprId) -> Result<i32, Flow> {
        Ok(match self.eval(e)? {
            Val::R(r) => (r != 0.0) as i32,
            Val::I(c) => logic::truth(&c.words, c.width),
            Val::A(_) => 2,
        })
    }

    fn indices(&mut self, sig: SignalId, indices: &[ExprId]) -> Result<Option<usize>, Flow> {
        let dims = self.d.signals[sig].dims.clone();
        let mut flat: u64 = 0;
        let mut ok = true;
        for (d, &i) in dims.iter().zip(indices) {
            let c = self.int(i)?;
            if !c.is_known() {
                ok = false;
                continue;
            }
            let v = logic::to_i64(&c.words, c.width, c.signed);
            if v < 0 || v as u64 >= d.size() {
                ok = false;
            }
            flat = flat * d.size() + v.max(0) as u64;
        }
        Ok(ok.then_some(flat as usize))
    }

    fn unary(&mut self, u: UnOp, arg: ExprId, ty: Type) -> Result<Val, Flow> {
        let at = self.d.exprs[arg].ty;
        if at.is_real() {
            let r = self.real(arg)?;
            return Ok(match u {
                UnOp::Neg => Val::R(-r),
                _ => Val::I(Const::from_u64(1, false, (r == 0.0) as u64)),
            });
        }
        let a = self.int(arg)?;
        let mut out = Const::zero(ty.width, ty.signed);
        match u {
            UnOp::Neg => logic::unary(op::NEG, &mut out.words, &a.words, a.width),
            UnOp::BitNot => logic::unary(op::NOT, &mut out.words, &a.words, a.width),
            _ => {
                let code = match u {
                    UnOp::RedAnd => op::RED_AND,
                    UnOp::RedNand => op::RED_NAND,
                    UnOp::RedOr => op::RED_OR,
                    UnOp::RedNor => op::RED_NOR,
                    UnOp::RedXor => op::RED_XOR,
                    UnOp::RedXnor => op::RED_XNOR,
                    _ => op::LOG_NOT,
                };
                logic::reduce(code, &mut out.words, &a.words, a.width);
            }
        }
        Ok(Val::I(out))
    }

    fn binary(&mut self, b: BinOp, l: ExprId, r: ExprId, ty: Type) -> Result<Val, Flow> {
        let lt = self.d.exprs[l].ty;
        match b {
            BinOp::LogAnd | BinOp::LogOr => {
                let a = self.truth(l)?;
                let short = if b == BinOp::LogAnd { 0 } else { 1 };
                let res = if a == short {
                    short
                } else {
                    let c = self.truth(r)?;
                    match (b, a, c) {
                        (BinOp::LogAnd, _, 0) => 0,
                        (BinOp::LogAnd, 1, 1) => 1,
                        (BinOp::LogOr, _, 1) => 1,
                        (BinOp::LogOr, 0, 0) => 0,
                        _ => 2,
                    }
                };
                return Ok(Val::I(match res {
                    2 => Const::all_x(1, false),
                    v => Const::from_u64(1, false, v as u64),
                }));
            }
            _ => {}
        }
        if lt.is_real() {
            let x = self.real(l)?;
            let y = self.real(r)?;
            let cmp = |v: bool| Ok(Val::I(Const::from_u64(1, false, v as u64)));
            return match b {
                BinOp::Add => Ok(Val::R(x + y)),
                BinOp::Sub => Ok(Val::R(x - y)),
                BinOp::Mul => Ok(Val::R(x * y)),
                BinOp::Div => Ok(Val::R(x / y)),
                BinOp::Mod => Ok(Val::R(x % y)),
                BinOp::Pow => Ok(Val::R(x.powf(y))),
                BinOp::Eq | BinOp::CaseEq | BinOp::WildEq => cmp(x == y),
                BinOp::Ne | BinOp::CaseNe | BinOp::WildNe => cmp(x != y),
                BinOp::Lt => cmp(x < y),
                BinOp::Le => cmp(x <= y),
                BinOp::Gt => cmp(x > y),
                BinOp::Ge => cmp(x >= y),
                _ => Err(Flow::NotConst(self.d.exprs[l].span)),
            };
        }
        let a = self.int(l)?;
        let c = self.int(r)?;
        let mut out = Const::zero(ty.width, ty.signed);
        let w = a.width;
        let code = |o| o;
        match b {
            BinOp::Add => logic::arith(code(op::ADD), &mut out.words, &a.words, &c.words, w, ty.signed),
            BinOp::Sub => logic::arith(op::SUB, &mut out.words, &a.words, &c.words, w, ty.signed),
            BinOp::Mul => logic::arith(op::MUL, &mut out.words, &a.words, &c.words, w, ty.signed),
            BinOp::Div => logic::arith(op::DIV, &mut out.words, &a.words, &c.words, w, ty.signed),
            BinOp::Mod => logic::arith(op::MOD, &mut out.words, &a.words, &c.words, w, ty.signed),
            BinOp::BitAnd => logic::arith(op::AND, &mut out.words, &a.words, &c.words, w, ty.signed),
            BinOp::BitOr => logic::arith(op::OR, &mut out.words, &a.words, &c.words, w, ty.signed),
            BinOp::BitXor => logic::arith(op::XOR, &mut out.words, &a.words, &c.words, w, ty.signed),
            BinOp::BitXnor => logic::arith(op::XNOR, &mut out.words, &a.words, &c.words, w, ty.signed),
            BinOp::Pow => logic::pow(&mut out.words, &a.words, w, a.signed, &c.words, c.width, c.signed),
            BinOp::Shl => logic::shift(op::SHL, &mut out.words, &a.words, w, &c.words, c.width),
            BinOp::Shr => logic::shift(op::SHR, &mut out.words, &a.words, w, &c.words, c.width),
            BinOp::AShr => logic::shift(op::ASHR, &mut out.words, &a.words, w, &c.words, c.width),
            _ => {
                let k = match b {
                    BinOp::Eq => op::EQ,
                    BinOp::Ne => op::NE,
                    BinOp::CaseEq => op::CASE_EQ,
                    BinOp::CaseNe => op::CASE_NE,
                    BinOp::WildEq => op::WILD_EQ,
                    BinOp::WildNe => op::WILD_NE,
                    BinOp::Lt => op::LT,
                    BinOp::Le => op::LE,
                    BinOp::Gt => op::GT,
                    _ => op::GE,
                };
                logic::compare(k, &mut out.words, &a.words, &c.words, w, a.signed);
            }
        }
        Ok(Val::I(out))
    }

    fn sysfunc(&mut self, name: &str, args: &[ExprId], ty: Type, span: Span) -> Result<Val, Flow> {
        let real_fn: Option<fn(f64) -> f64> = match name {
            "$sqrt" => Some(f64::sqrt),
            "$ln" => Some(f64::ln),
            "$log10" => Some(f64::log10),
            "$exp" => Some(f64::exp),
            "$floor" => Some(f64::floor),
            "$ceil" => Some(f64::ceil),
            "$sin" => Some(f64::sin),
            "$cos" => Some(f64::cos),
            "$tan" => Some(f64::tan),
            "$asin" => Some(f64::asin),
            "$acos" => Some(f64::acos),
            "$atan" => Some(f64::atan),
            "$sinh" => Some(f64::sinh),
            "$cosh" => Some(f64::cosh),
            "$tanh" => Some(f64::tanh),
            _ => None,
        };
        if let (Some(f), Some(&a)) = (real_fn, args.first()) {
            return Ok(Val::R(f(self.real(a)?)));
        }
        let bit = match name {
            "$clog2" => Some(op::BF_CLOG2),
            "$countones" => Some(op::BF_COUNTONES),
            "$onehot" => Some(op::BF_ONEHOT),
            "$onehot0" => Some(op::BF_ONEHOT0),
            "$isunknown" => Some(op::BF_ISUNKNOWN),
            _ => None,
        };
        if let (Some(k), Some(&a)) = (bit, args.first()) {
            let v = self.int(a)?;
            let mut out = Const::zero(ty.width, ty.signed);
            logic::bitfunc(k, &mut out.words, &v.words, v.width);
            return Ok(Val::I(out));
        }
        match (name, args) {
            ("$pow" | "$atan2" | "$hypot", [a, b]) => {
                let (x, y) = (self.real(*a)?, self.real(*b)?);
                Ok(Val::R(match name {
                    "$pow" => x.powf(y),
                    "$atan2" => x.atan2(y),
                    _ => x.hypot(y),
                }))
            }
            ("$itor", [a]) => Ok(Val::R(self.real(*a)?)),
            ("$rtoi", [a]) => {
                let r = self.real(*a)?.trunc();
                let mut out = Const::zero(ty.width, ty.signed);
                logic::from_real(&mut out.words, ty.width, r);
                Ok(Val::I(out))
            }
            ("$realtobits", [a]) => Ok(Val::I(Const::from_u64(64, false, self.real(*a)?.to_bits()))),
            ("$bitstoreal", [a]) => {
                let c = self.int(*a)?;
                Ok(Val::R(f64::from_bits(c.words[0])))
            }
            _ => Err(Flow::NotConst(span)),
        }
    }

    /// Run a subroutine; returns the function result.
    fn call(&mut self, subr: SubrId, args: &[ExprId], span: Span) -> Result<Option<Val>, Flow> {
        let s = &self.d.subrs[subr];
        self.depth += 1;
        if self.depth > CALL_DEPTH_LIMIT {
            return Err(Flow::Limit(span));
        }
        let mut inputs = Vec::new();
        for (f, &a) in s.formals.iter().zip(args) {
            let v = if f.dir == wsim_ir::Dir::Output { None } else { Some(self.eval(a)?) };
            inputs.push(v);
        }
        let saved: Vec<(SignalId, Option<Val>)> = s.locals.iter().map(|&l| (l, self.env.get(&l).cloned())).collect();
        for &l in &s.locals {
            let sig = &self.d.signals[l];
            let v = if sig.dims.is_empty() {
                zero_of(sig.ty, sig.init.as_ref())
            } else {
                Val::A(vec![zero_of(sig.ty, sig.init.as_ref()); sig.elements() as usize])
            };
            self.env.insert(l, v);
        }
        for (f, v) in s.formals.iter().zip(inputs) {
            if let Some(v) = v {
                self.env.insert(f.sig, v);
            }
        }
        let res = self.exec(s.body);
        match res {
            Ok(()) | Err(Flow::Return) => {}
            Err(Flow::Break | Flow::Continue) => {}
            Err(e) => return Err(e),
        }
        let ret = s.ret.and_then(|r| self.env.get(&r).cloned());
        let outs: Vec<(ExprId, Val)> = s
            .formals
            .iter()
            .zip(args)
            .filter(|(f, _)| f.dir != wsim_ir::Dir::Input)
            .filter_map(|(f, &a)| self.env.get(&f.sig).cloned().map(|v| (a, v)))
            .collect();
        for (l, v) in saved {
            match v {
                Some(v) => self.env.insert(l, v),
                None => self.env.remove(&l),
            };
        }
        for (a, v) in outs {
            self.write(a, v)?;
        }
        self.depth -= 1;
        Ok(ret)
    }

    fn exec(&mut self, st: StmtId) -> Result<(), Flow> {
        let s = &self.d.stmts[st];
        let span = s.span;
        self.tick(span)?;
        match &s.kind {
            StmtKind::Nop => {}
            StmtKind::Block { stmts, .. } => {
                for &x in stmts {
                    match self.exec(x) {
                        Err(Flow::Disable(b)) if b == st => return Ok(()),
                        r => r?,
                    }
                }
            }
            StmtKind::Disable(wsim_ir::DisableTarget::Block(b)) => return Err(Flow::Disable(*b)),
            StmtKind::Disable(wsim_ir::DisableTarget::Task(_)) => return Err(Flow::Return),
            StmtKind::Assign { lhs, rhs } => {
                let v = self.eval(*rhs)?;
                self.write(*lhs, v)?;
            }
            StmtKind::If { cond, then_stmt, else_stmt } => {
                if self.truth(*cond)? == 1 {
                    self.exec(*then_stmt)?;
                } else if let Some(e) = else_stmt {
                    self.exec(*e)?;
                }
            }
            StmtKind::Case { kind, subject, arms, default } => {
                let subj = self.int(*subject)?;
                let k = match kind {
                    CaseKind::Exact => op::CASE_EXACT,
                    CaseKind::Z => op::CASE_Z,
                    CaseKind::X => op::CASE_X,
                };
                for arm in arms {
                    for &l in &arm.labels {
                        let lv = self.int(l)?;
                        if logic::case_match(k, &subj.words, &lv.words, subj.width) {
                            return self.exec(arm.body);
                        }
                    }
                }
                if let Some(d) = default {
                    self.exec(*d)?;
                }
            }
            StmtKind::Loop { cond, body, step } => loop {
                if let Some(c) = cond {
                    if self.truth(*c)? != 1 {
                        break;
                    }
                }
                match self.exec(*body) {
                    Ok(()) | Err(Flow::Continue) => {}
                    Err(Flow::Break) => break,
                    Err(e) => return Err(e),
                }
                if let Some(s) = step {
                    self.exec(*s)?;
                }
                self.tick(span)?;
            },
            StmtKind::DoWhile { body, cond } => loop {
                match self.exec(*body) {
                    Ok(()) | Err(Flow::Continue) => {}
                    Err(Flow::Break) => break,
                    Err(e) => return Err(e),
                }
                if self.truth(*cond)? != 1 {
                    break;
                }
            },
            StmtKind::Repeat { count, body } => {
                let c = self.int(*count)?;
                let n = if c.is_known() { logic::to_i64(&c.words, c.width, c.signed).max(0) } else { 0 };
                for _ in 0..n {
                    match self.exec(*body) {
                        Ok(()) | Err(Flow::Continue) => {}
                        Err(Flow::Break) => break,
                        Err(e) => return Err(e),
                    }
                }
            }
            StmtKind::Call { subr, args } => {
                self.call(*subr, args, span)?;
            }
            // Output in a constant function has no effect at elaboration.
            StmtKind::SysTask { .. } => {}
            StmtKind::Return => return Err(Flow::Return),
            StmtKind::Break => return Err(Flow::Break),
            StmtKind::Continue => return Err(Flow::Continue),
            _ => return Err(Flow::NotConst(span)),
        }
        Ok(())
    }

    fn write(&mut self, lhs: ExprId, v: Val) -> Result<(), Flow> {
        let x = &self.d.exprs[lhs];
        let span = x.span;
        let ty = x.ty;
        match &x.kind {
            ExprKind::Signal(s) => {
                self.env.insert(*s, v);
            }
            ExprKind::ArrayElem { sig, indices } => {
                let idx = self.indices(*sig, indices)?;
                if let (Some(i), Some(Val::A(arr))) = (idx, self.env.get_mut(sig)) {
                    if i < arr.len() {
                        arr[i] = v;
                    }
                }
            }
            ExprKind::Select { base, offset, width } => {
                let (base, offset, width) = (*base, *offset, *width);
                let mut cur = self.int(base)?;
                let off = self.int(offset)?;
                if off.is_known() {
                    let o = logic::to_i64(&off.words, off.width, off.signed);
                    let src = to_const(v, ty);
                    logic::set_bits(&mut cur.words, cur.width, o, &src.words, width);
                    self.write(base, Val::I(cur))?;
                }
            }
            ExprKind::Concat(parts) => {
                let parts = parts.clone();
                let all = to_const(v, ty);
                let mut pos = ty.width as i64;
                for p in parts {
                    let pt = self.d.exprs[p].ty;
                    pos -= pt.width as i64;
                    let mut piece = Const::zero(pt.width, pt.signed);
                    logic::get_bits(&mut piece.words, pt.width, &all.words, all.width, pos, false);
                    self.write(p, Val::I(piece))?;
                }
            }
            _ => return Err(Flow::NotConst(span)),
        }
        Ok(())
    }
}

/// `Convert` semantics on a constant.
fn convert(v: Val, from: Type, to: Type) -> Val {
    match (v, to.kind) {
        (Val::R(r), TypeKind::Real) => Val::R(r),
        (Val::I(c), TypeKind::Real) => Val::R(logic::to_real(&c.words, c.width, c.signed)),
        (Val::R(r), _) => {
            let mut out = Const::zero(to.width, to.signed);
            logic::from_real(&mut out.words, to.width, r);
            if !to.four_state {
                logic::to_2state(&mut out.words, to.width);
            }
            Val::I(out)
        }
        (Val::I(c), _) => {
            let mut out = Const::zero(to.width, to.signed);
            logic::resize(&mut out.words, to.width, &c.words, c.width, from.signed);
            if !to.four_state {
                logic::to_2state(&mut out.words, to.width);
            }
            Val::I(out)
        }
        (a @ Val::A(_), _) => a,
    }
}

/// Fold an IR expression to a constant.
pub fn fold(d: &Design, e: ExprId) -> Result<Value, (bool, Span)> {
    let mut it = Interp { d, env: HashMap::new(), steps: 0, depth: 0 };
    let ty = d.exprs[e].ty;
    match it.eval(e) {
        Ok(Val::R(r)) => Ok(Value::Real(r)),
        Ok(v) => Ok(Value::Int(to_const(v, ty))),
        Err(Flow::Limit(s)) => Err((true, s)),
        Err(Flow::NotConst(s)) => Err((false, s)),
        Err(_) => Err((false, d.exprs[e].span)),
    }
}

impl<'a> Elab<'a> {
    /// Evaluate a constant expression at its self-determined type; reports
    /// E0303 (or E0310) and returns None when it is not constant.
    pub fn eval_const(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<Value> {
        let errs = self.diags.list.len();
        let id = self.emit_self(lex, e);
        if self.diags.list.len() > errs && self.diags.has_errors() {
            return None;
        }
        self.fold_expr(id)
    }

    /// Fold an emitted expression, lowering any constant function it calls.
    pub fn fold_expr(&mut self, id: ExprId) -> Option<Value> {
        self.lower_called_functions(id);
        match fold(&self.d, id) {
            Ok(v) => Some(v),
            Err((true, span)) => {
                self.error(code::RECURSION, span, "constant function evaluation took too many steps");
                None
            }
            Err((false, span)) => {
                self.error(code::NOT_CONSTANT, span, "expression must be constant here");
                None
            }
        }
    }

    /// Like [`Elab::eval_const`] without reporting: None when not constant.
    pub fn try_fold(&mut self, id: ExprId) -> Option<Value> {
        if !is_pure_const(&self.d, id) {
            return None;
        }
        fold(&self.d, id).ok()
    }

    pub fn eval_i64(&mut self, lex: LexId, e: &'a ast::Expr) -> Option<i64> {
        let v = self.eval_const(lex, e)?;
        match v.as_i64() {
            Some(i) => Some(i),
            None => {
                self.error(code::NOT_CONSTANT, e.span, "constant expression has an unknown (x/z) value");
                None
            }
        }
    }

    /// Make sure every subroutine reachable from `id` has its body lowered.
    fn lower_called_functions(&mut self, id: ExprId) {
        let mut todo = Vec::new();
        collect_calls_expr(&self.d, id, &mut todo);
        let mut seen = std::collections::HashSet::new();
        while let Some(s) = todo.pop() {
            if !seen.insert(s) {
                continue;
            }
            if let Some(def) = self.subr_defs.iter().position(|d| d.id == Some(s)) {
                self.lower_subr_body(def);
            }
            let body = self.d.subrs[s].body;
            collect_calls_stmt(&self.d, body, &mut todo);
        }
    }
}

/// True when the expression reads no signal and calls nothing.
impl Elab<'_> {
    /// IEEE 1364-2005 A.8.5 (`net_lvalue`), 1800-2017 A.8.5: the indices
    /// and selects of a net written by a continuous assignment are constant
    /// expressions, so the driven bits are fixed at elaboration. `lhs` is
    /// the lowered target; a select whose offset reads a signal is reported.
    pub fn check_net_lvalue_constant(&mut self, lhs: ExprId) {
        let (root, offsets) = match &self.d.exprs[lhs].kind {
            ExprKind::Select { base, offset, .. } => (*base, vec![*offset]),
            ExprKind::ArrayElem { indices, .. } => (lhs, indices.clone()),
            ExprKind::Concat(parts) => {
                for p in parts.clone() {
                    self.check_net_lvalue_constant(p);
                }
                return;
            }
            _ => return,
        };
        let net = match &self.d.exprs[root].kind {
            ExprKind::Signal(s) | ExprKind::ArrayElem { sig: s, .. } => self.is_net(*s).is_some(),
            _ => false,
        };
        if let Some(&bad) = offsets.iter().find(|&&o| reads_signals(&self.d, o)) {
            if net {
                let span = self.d.exprs[bad].span;
                self.error(
                    code::NOT_CONSTANT,
                    span,
                    "the index of a net written by a continuous assignment must be a constant expression",
                );
                return;
            }
        }
        if root != lhs {
            self.check_net_lvalue_constant(root);
        }
    }
}

impl Elab<'_> {
    /// IEEE 1364-2005 5.2.1: bits are selected from vectors. A select from
    /// a scalar (`reg a; a[0]`, or `v[0][0]` once `v[0]` is one bit) has
    /// more indices than the value has dimensions; reported, true.
    pub fn selects_from_scalar(&mut self, dt: &crate::types::DataTy, span: Span) -> bool {
        let scalar =
            matches!(dt.base, crate::types::Base::Logic { .. }) && dt.packed.is_empty() && dt.unpacked.is_empty();
        if scalar {
            self.error(
                code::TYPE_ERROR,
                span,
                "cannot select from a 1-bit scalar value: more indices than the value has dimensions",
            );
        }
        scalar
    }
}

impl Elab<'_> {
    /// `$signed` / `$unsigned` reinterpret the bits of an integral value
    /// (IEEE 1364-2005 5.5.1, 1800-2017 11.7); a real or string argument
    /// has no such bits (`$rtoi` converts a real).
    pub fn check_integral_arg(&mut self, function: &str, arg: ExprId, span: Span) {
        if self.ty(arg).kind != TypeKind::Integral {
            let msg = format!("the argument of `{function}` must be an integral (vector) value");
            self.error(code::TYPE_ERROR, span, msg);
        }
    }
}

/// Whether `e` reads a variable or net (so it is no constant expression).
fn reads_signals(d: &Design, e: ExprId) -> bool {
    let mut reads = false;
    visit_expr(d, e, &mut |k| {
        if matches!(k, ExprKind::Signal(_) | ExprKind::ArrayElem { .. }) {
            reads = true;
        }
    });
    reads
}

fn is_pure_const(d: &Design, e: ExprId) -> bool {
    let mut ok = true;
    visit_expr(d, e, &mut |k| {
        if matches!(
            k,
            ExprKind::Signal(_)
                | ExprKind::ArrayElem { .. }
                | ExprKind::Call { .. }
                | ExprKind::SysFunc { .. }
                | ExprKind::Resolve { .. }
                | ExprKind::ClassProp { .. }
                | ExprKind::ClassNew { .. }
        ) {
            ok = false;
        }
    });
    ok
}

/// Call `f` on every expression node under `e`.
pub fn visit_expr(d: &Design, e: ExprId, f: &mut dyn FnMut(&ExprKind)) {
    let k = &d.exprs[e].kind;
    f(k);
    for c in k.children() {
        visit_expr(d, c, f);
    }
}

fn collect_calls_expr(d: &Design, e: ExprId, out: &mut Vec<SubrId>) {
    visit_expr(d, e, &mut |k| {
        if let ExprKind::Call { subr, .. } = k {
            out.push(*subr);
        }
    });
}

fn collect_calls_stmt(d: &Design, s: StmtId, out: &mut Vec<SubrId>) {
    let k = &d.stmts[s].kind;
    if let StmtKind::Call { subr, .. } = k {
        out.push(*subr);
    }
    let (es, ss) = (k.exprs(), k.children());
    for e in es {
        collect_calls_expr(d, e, out);
    }
    for s in ss {
        collect_calls_stmt(d, s, out);
    }
}
