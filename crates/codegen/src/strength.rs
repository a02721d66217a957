//! The strength functions of nets that model strengths
//! (`wsim_ir::STRENGTH_FUNCS`): each one calls its guest-rt helper
//! (`guest-rt/src/strength.rs`) on temporaries.

use crate::lower::{Addr, Lower};
use wsim_ir::*;

impl Lower<'_, '_> {
    /// A `$strength$*` function's value in a temporary of the result width.
    pub fn strength_func(&mut self, name: &str, args: &[ExprId], e: ExprId) -> Addr {
        let w = self.ty(e).width;
        let dst = self.temp_value(w);
        match name {
            "$strength$drive" => {
                let v = self.int(args[0]);
                let vw = self.ty(args[0]).width;
                let levels = self.const_arg(args[1]);
                self.push_addr(dst);
                self.push_addr(v);
                self.i32c(vw as i32);
                self.i32c(levels);
                self.rt("rt_strength_drive");
            }
            "$strength$resolve" => {
                for (k, &a) in args.iter().enumerate() {
                    let v = self.int(a);
                    if k == 0 {
                        self.copy_value(dst, v, w);
                    } else {
                        self.push_addr(dst);
                        self.push_addr(v);
                        self.i32c((w / 8) as i32);
                        self.rt("rt_strength_resolve");
                    }
                }
            }
            "$strength$value" => {
                let s = self.int(args[0]);
                self.push_addr(dst);
                self.push_addr(s);
                self.i32c(w as i32);
                self.rt("rt_strength_value");
            }
            "$strength$gate" => {
                let kind = self.const_arg(args[0]);
                let data = self.int(args[1]);
                let ctrl = self.int(args[2]);
                let pctrl = match args.get(3) {
                    Some(&p) => self.int(p),
                    None => ctrl,
                };
                self.push_addr(dst);
                self.push_addr(data);
                self.i32c((w / 8) as i32);
                self.push_addr(ctrl);
                self.push_addr(pctrl);
                self.i32c(kind);
                self.rt("rt_strength_gate");
            }
            "$strength$tran" => {
                let ExprKind::Const(desc) = self.d().exprs[args[0]].kind.clone() else { return dst };
                let pairs = desc.width / 128;
                let d = self.const_value(&desc);
                let owns = self.int(args[1]);
                let ctrls = self.int(args[2]);
                let nctrl = self.ty(args[2]).width;
                self.push_addr(dst);
                self.push_addr(d);
                self.i32c(pairs as i32);
                self.push_addr(owns);
                self.i32c((w / 8) as i32);
                self.push_addr(ctrls);
                self.i32c(nctrl as i32);
                self.rt("rt_strength_tran");
            }
            // `$strength$show(v, s)` outside a display argument: the value.
            _ => {
                let v = self.int(args[0]);
                self.copy_value(dst, v, w);
            }
        }
        dst
    }

    /// A display argument `$strength$show(v, s)`: a temporary holding the
    /// value then its strength vector (`abi::fmt::ARG_STRENGTH`).
    pub fn strength_show_arg(&mut self, args: &[ExprId]) -> Addr {
        let w = self.ty(args[0]).width;
        let vb = wsim_abi::value_bytes(w);
        let Addr::Temp(base) = Addr::Temp(self.f.temp(vb + wsim_abi::value_bytes(8 * w))) else { unreachable!() };
        let v = self.int(args[0]);
        self.copy_value(Addr::Temp(base), v, w);
        let s = self.int(args[1]);
        self.copy_value(Addr::Temp(base + vb), s, 8 * w);
        Addr::Temp(base)
    }

    /// The arguments of a `$strength$show` display argument.
    pub fn strength_show_args(&self, e: ExprId) -> Option<Vec<ExprId>> {
        match &self.d().exprs[e].kind {
            ExprKind::SysFunc { name, args, .. } if name == "$strength$show" => Some(args.clone()),
            _ => None,
        }
    }

    /// The value of a small constant argument (elaboration makes them).
    fn const_arg(&self, e: ExprId) -> i32 {
        match &self.d().exprs[e].kind {
            ExprKind::Const(c) => c.words[0] as i32,
            _ => 0,
        }
    }
}
