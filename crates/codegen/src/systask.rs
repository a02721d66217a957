//! System tasks and functions: `$display` and friends build an
//! `abi::fmt` descriptor array on the temp stack and call guest-rt;
//! `$strobe`/`$monitor` get a generated function run later by guest-rt.

use crate::func::mem;
use crate::lower::{Addr, Job, Lower, Role};
use crate::stmt::Mode;
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_abi::{fmt, severity, status};
use wsim_ir::*;

/// Default radix and newline of a `$display`-family task name.
/// The system tasks that print to standard output.
pub(crate) const STDOUT_PRINTS: [&str; 8] =
    ["$display", "$displayb", "$displayh", "$displayo", "$write", "$writeb", "$writeh", "$writeo"];

fn display_flags(name: &str) -> i32 {
    let base = name.trim_start_matches('$');
    let newline = base.starts_with("display")
        || base.starts_with("fdisplay")
        || base.starts_with("strobe")
        || base.starts_with("fstrobe")
        || base.starts_with("monitor")
        || base.starts_with("fmonitor");
    let radix = match base.chars().last() {
        Some('b') => fmt::RADIX_BIN,
        Some('h') => fmt::RADIX_HEX,
        Some('o') => fmt::RADIX_OCT,
        _ => fmt::RADIX_DEC,
    };
    (if newline { fmt::NEWLINE } else { 0 }) | (radix << fmt::RADIX_SHIFT)
}

impl Lower<'_, '_> {
    /// Build the descriptor array for `args`; returns (array address, count).
    pub fn fmt_args(&mut self, args: &[Option<ExprId>]) -> (Addr, u32) {
        let n = args.len() as u32;
        let arr = Addr::Temp(self.f.temp((n * fmt::ARG_SIZE).max(8)));
        let Addr::Temp(base) = arr else { unreachable!() };
        for (k, a) in args.iter().enumerate() {
            let rec = Addr::Temp(base + k as u32 * fmt::ARG_SIZE);
            if let Some(e) = a.filter(|&e| self.ty(e).is_string()) {
                self.string_fmt_record(e, rec); // strings.rs: the length is known at run time
                continue;
            }
            let (kind, width, ptr, flags) = match a {
                None => (fmt::ARG_EMPTY, 0, None, 0),
                Some(e) => {
                    let ty = self.ty(*e);
                    if self.d().is_string_value(*e) {
                        (fmt::ARG_STRING, ty.width, Some(self.int(*e)), 0)
                    } else if ty.is_real() {
                        let t = Addr::Temp(self.f.temp(8));
                        self.push_addr(t);
                        self.real(*e);
                        self.i(I::F64Store(mem(0, 3)));
                        (fmt::ARG_REAL, 64, Some(t), 0)
                    } else if let Some(args) = self.strength_show_args(*e) {
                        let v = self.strength_show_arg(&args);
                        (fmt::ARG_STRENGTH, ty.width, Some(v), 0)
                    } else {
                        let v = self.int(*e);
                        (fmt::ARG_VALUE, ty.width, Some(v), if ty.signed { fmt::ARG_SIGNED } else { 0 })
                    }
                }
            };
            self.store_arg_record(rec, kind, width, ptr, flags);
        }
        (arr, n)
    }

    /// Write one display argument descriptor `{kind, width, ptr, flags}`
    /// (`wsim_abi::fmt`) at `rec`; no `ptr` stores 0.
    fn store_arg_record(&mut self, rec: Addr, kind: u32, width: u32, ptr: Option<Addr>, flags: u32) {
        for (off, v) in [(0, kind), (4, width), (12, flags)] {
            self.push_addr(rec);
            self.i32c(v as i32);
            self.i(I::I32Store(mem(off, 2)));
        }
        self.push_addr(rec);
        match ptr {
            Some(p) => self.push_addr(p),
            None => self.i32c(0),
        }
        self.i(I::I32Store(mem(8, 2)));
    }

    /// Push `scope_ptr, scope_len, time_unit` for `%m` and `%t`.
    fn push_scope(&mut self, scope: ScopeId) {
        let path = self.d().scope_path(scope);
        let (o, len) = self.cx.consts.text(&path);
        self.push_addr(Addr::Const(o));
        self.i32c(len as i32);
        self.i32c(self.d().scopes[scope].time_unit as i32);
    }

    /// Push an i32 from an integral expression (X/Z read as 0 bits).
    fn push_i32_of(&mut self, e: ExprId) {
        let ty = self.ty(e);
        if ty.is_real() {
            self.real(e);
            self.i(I::I32TruncSatF64S);
            return;
        }
        let a = self.int(e);
        self.push_addr(a);
        self.i32c(ty.width as i32);
        self.i32c(ty.signed as i32);
        self.rt("rt_to_i64");
        self.i(I::I32WrapI64);
    }

    fn display_call(&mut self, name: &str, args: &[Option<ExprId>], scope: ScopeId, fd_arg: bool) {
        let mut flags = display_flags(name);
        let (fd_expr, rest) =
            if fd_arg { (args.first().copied().flatten(), args.get(1..).unwrap_or(&[])) } else { (None, args) };
        let (arr, n) = self.fmt_args(rest);
        let fd = self.f.local(ValType::I32);
        match fd_expr {
            Some(e) => {
                self.push_i32_of(e);
                flags |= fmt::TO_MCD;
            }
            None => self.i32c(wsim_abi::fd::STDOUT),
        }
        self.i(I::LocalSet(fd));
        self.push_addr(arr);
        self.i32c(n as i32);
        self.i(I::LocalGet(fd));
        self.i32c(flags);
        self.push_scope(scope);
        self.rt("rt_display");
    }

    pub fn systask(&mut self, s: StmtId, name: &str, args: &[Option<ExprId>], scope: ScopeId) {
        let span = self.d().stmts[s].span;
        let arg = |k: usize| args.get(k).copied().flatten();
        match name {
            _ if STDOUT_PRINTS.contains(&name) => self.display_call(name, args, scope, false),
            "$fdisplay" | "$fdisplayb" | "$fdisplayh" | "$fdisplayo" | "$fwrite" | "$fwriteb" | "$fwriteh"
            | "$fwriteo" => self.display_call(name, args, scope, true),
            "$strobe" | "$strobeb" | "$strobeh" | "$strobeo" | "$fstrobe" | "$fstrobeb" | "$fstrobeh" | "$fstrobeo" => {
                self.deferred(s, false)
            }
            "$monitor" | "$monitorb" | "$monitorh" | "$monitoro" | "$fmonitor" | "$fmonitorb" | "$fmonitorh"
            | "$fmonitoro" => self.deferred(s, true),
            "$monitoron" | "$monitoroff" => {
                self.i32c((name == "$monitoron") as i32);
                self.rt("rt_monitor_enable");
            }
            "$finish" | "$stop" => {
                self.finish_site(arg(0), scope, span);
                if name == "$finish" {
                    self.i32c(0);
                    self.rt("rt_finish");
                } else {
                    self.rt("rt_stop");
                }
                self.stop_thread();
            }
            "$fatal" => {
                // ([finish_number,] message args...)
                let skip = match arg(0) {
                    Some(e) => !self.d().is_string_literal(e),
                    None => !args.is_empty(),
                };
                let rest = if skip { &args[1..] } else { args };
                self.finish_site(if skip { arg(0) } else { None }, scope, span);
                self.severity(severity::FATAL, rest, scope, span);
                self.i32c(1);
                self.rt("rt_finish");
                self.stop_thread();
            }
            "$error" | "$warning" | "$info" => {
                let level = match name {
                    "$error" => severity::ERROR,
                    "$warning" => severity::WARNING,
                    _ => severity::INFO,
                };
                self.severity(level, args, scope, span);
            }
            "$timeformat" => {
                let mut vals = [0i32; 4];
                let defaults = [self.d().precision as i32, 0, 0, 20];
                vals.copy_from_slice(&defaults);
                for k in [0usize, 1, 3] {
                    if let Some(e) = arg(k) {
                        self.push_i32_of(e);
                    } else {
                        self.i32c(vals[k]);
                    }
                    let l = self.f.local(ValType::I32);
                    self.i(I::LocalSet(l));
                    vals[k] = l as i32;
                }
                let suffix = arg(2).map(|e| (self.int(e), self.ty(e).width));
                self.i(I::LocalGet(vals[0] as u32));
                self.i(I::LocalGet(vals[1] as u32));
                match suffix {
                    Some((a, w)) => {
                        self.push_addr(a);
                        self.i32c(w as i32);
                    }
                    None => {
                        let z = self.const_value(&Const::zero(8, false));
                        self.push_addr(z);
                        self.i32c(0);
                    }
                }
                self.i(I::LocalGet(vals[3] as u32));
                self.rt("rt_timeformat");
            }
            "$printtimescale" => {
                let sc = &self.d().scopes[scope];
                let text = format!(
                    "Time scale of ({}) is {} / {}",
                    self.d().scope_path(scope),
                    unit_text(sc.time_unit),
                    unit_text(sc.time_precision)
                );
                let c = Const::from_str_bytes(text.as_bytes());
                let (arr, n) = self.fmt_const_string(&c);
                self.push_addr(arr);
                self.i32c(n as i32);
                self.i32c(wsim_abi::fd::STDOUT);
                self.i32c(fmt::NEWLINE);
                self.push_scope(scope);
                self.rt("rt_display");
            }
            "$readmemh" | "$readmemb" => self.memory_file("rt_readmem", name == "$readmemh", args, scope, span),
            "$writememh" | "$writememb" => self.memory_file("rt_writemem", name == "$writememh", args, scope, span),
            "$fclose" | "$fflush" => {
                match arg(0) {
                    Some(e) => self.push_i32_of(e),
                    None => self.i32c(0),
                }
                self.rt(if name == "$fclose" { "rt_fclose" } else { "rt_fflush" });
            }
            "$sformat" | "$swrite" => {
                let Some(dst) = arg(0) else {
                    self.cx.unsupported(span, format!("`{name}` without a destination"));
                    return;
                };
                let w = self.text_width(dst); // strings.rs: a string gets a text buffer
                let (arr, n) = self.fmt_args(&args[1..]);
                let t = self.temp_value(w);
                self.push_addr(t);
                self.i32c(w as i32);
                self.push_addr(arr);
                self.i32c(n as i32);
                self.i32c(0);
                self.push_scope(scope);
                self.rt("rt_sformat");
                self.write_text(dst, t, w);
            }
            "$dumpfile" | "$dumpvars" | "$dumpoff" | "$dumpon" | "$dumpall" | "$dumpflush" | "$dumplimit" => {
                self.dump_call(name, args)
            }
            other => self.cx.unsupported(span, format!("system task `{other}`")),
        }
    }

    /// `$dump*`: `rt_dump(op, arg, text, text_w)`. Elaboration turned the
    /// scope and signal arguments of `$dumpvars` into one string of paths,
    /// one per line (its second argument).
    fn dump_call(&mut self, name: &str, args: &[Option<ExprId>]) {
        use wsim_abi::dump;
        let arg = |k: usize| args.get(k).copied().flatten();
        let (op, number, text) = match name {
            "$dumpfile" => (dump::FILE, None, arg(0)),
            "$dumpvars" => (dump::VARS, arg(0), arg(1)),
            "$dumpoff" => (dump::OFF, None, None),
            "$dumpon" => (dump::ON, None, None),
            "$dumpall" => (dump::ALL, None, None),
            "$dumpflush" => (dump::FLUSH, None, None),
            _ => (dump::LIMIT, arg(0), None),
        };
        let text = text.map(|e| (self.int(e), self.ty(e).width));
        self.i32c(op);
        match number {
            Some(e) => {
                self.push_i32_of(e);
                self.i(I::I64ExtendI32U);
            }
            None => self.i(I::I64Const(0)),
        }
        match text {
            Some((addr, width)) => {
                self.push_addr(addr);
                self.i32c(width as i32);
            }
            None => {
                self.i32c(0);
                self.i32c(0);
            }
        }
        self.rt("rt_dump");
    }

    /// `rt_finish_site(site, verbosity)` before `$finish`/`$stop`/`$fatal`:
    /// where the run ends and how much the end-of-run report says
    /// (IEEE 1800-2017 20.2: 0 nothing, 1 time and location (default),
    /// 2 also statistics).
    fn finish_site(&mut self, verbosity: Option<ExprId>, scope: ScopeId, span: wsim_diag::Span) {
        let site = self.cx.site(span, scope);
        self.i32c(site as i32);
        match verbosity {
            Some(e) => self.push_i32_of(e),
            None => self.i32c(1),
        }
        self.rt("rt_finish_site");
    }

    /// After `$finish`/`$stop`: threads return STOP (resuming after it if
    /// the scheduler ever runs them again); a static body the runner runs
    /// in place (only `$finish`: `runner::activation_body`) returns from
    /// the runner as a called one would, and its activation function
    /// returns STOP to the runner; other contexts just go on.
    fn stop_thread(&mut self) {
        if matches!(self.role, Role::Proc | Role::TaskStep | Role::Branch) {
            let next = self.f.new_block();
            self.f.suspend(status::STOP, next);
        } else if self.in_activation {
            // (in an `if` that always holds, as below)
            self.i32c(1);
            self.i(I::If(wasm_encoder::BlockType::Empty));
            self.f.restore_temp_stack();
            self.i32c(status::STOP);
            self.i(I::Return);
            self.i(I::End);
        } else if let (Some(_), Some(Some(k))) = (self.deferred_triggers.as_ref(), self.running_static_index()) {
            // (in an `if` that always holds: the code after it stays
            // reachable for the structured block it is in)
            self.i32c(1);
            self.i(I::If(wasm_encoder::BlockType::Empty));
            self.return_from_runner(k, |l| l.i32c(status::STOP));
            self.i(I::End);
        }
    }

    fn fmt_const_string(&mut self, c: &Const) -> (Addr, u32) {
        let arr = Addr::Temp(self.f.temp(fmt::ARG_SIZE));
        let v = self.const_value(c);
        self.store_arg_record(arr, fmt::ARG_STRING, c.width, Some(v), 0);
        (arr, 1)
    }

    fn severity(&mut self, level: i32, args: &[Option<ExprId>], scope: ScopeId, span: wsim_diag::Span) {
        let (arr, n) = self.fmt_args(args);
        let (file, line) = match self.cx.sources.len() > span.file.0 as usize {
            true => {
                let f = self.cx.sources.get(span.file);
                (f.name.clone(), f.line_col(span.start).0)
            }
            false => (String::new(), 0),
        };
        let (fo, fl) = self.cx.consts.text(&file);
        self.i32c(level);
        self.push_addr(arr);
        self.i32c(n as i32);
        self.push_scope(scope);
        self.push_addr(Addr::Const(fo));
        self.i32c(fl as i32);
        self.i32c(line as i32);
        self.rt("rt_severity");
    }

    /// `$readmemh/b` (`rt` = `rt_readmem`) and `$writememh/b`
    /// (`rt_writemem`): both take the same arguments, the last one the
    /// call's site (for a run-time diagnostic when the file cannot be opened).
    fn memory_file(&mut self, rt: &str, hex: bool, args: &[Option<ExprId>], scope: ScopeId, span: wsim_diag::Span) {
        let d = self.d();
        let task = if rt == "rt_readmem" { "$readmem" } else { "$writemem" };
        let (Some(file), Some(mem_e)) = (args.first().copied().flatten(), args.get(1).copied().flatten()) else {
            self.cx.unsupported(span, format!("{task} without a file name and a memory"));
            return;
        };
        let ExprKind::Signal(m) = d.exprs[mem_e].kind else {
            self.cx.unsupported(span, format!("{task} of something other than a memory"));
            return;
        };
        let sig = &d.signals[m];
        if sig.ty.is_real() {
            self.cx.unsupported(span, format!("{task} of a real array"));
            return;
        }
        let (lower, upper) = sig.dims.first().map(|x| (x.left, x.right)).unwrap_or((0, 0));
        let name = self.int(file);
        let fw = self.ty(file).width;
        let bounds: Vec<u32> = (2..4)
            .map(|k| {
                let l = self.f.local(ValType::I64);
                match args.get(k).copied().flatten() {
                    Some(e) => {
                        self.push_i32_of(e);
                        self.i(I::I64ExtendI32S);
                    }
                    None => self.i(I::I64Const(-1)),
                }
                self.i(I::LocalSet(l));
                l
            })
            .collect();
        let base = self.sig_addr(m, span);
        self.push_addr(name);
        self.i32c(fw as i32);
        self.push_addr(base);
        self.i32c(sig.ty.width as i32);
        self.i32c(sig.elements() as i32);
        self.i32c(lower as i32);
        self.i32c(upper as i32);
        self.i(I::LocalGet(bounds[0]));
        self.i(I::LocalGet(bounds[1]));
        self.i32c(hex as i32);
        let site = self.cx.site(span, scope);
        self.i32c(site as i32);
        self.rt(rt);
        if rt == "rt_readmem" && !sig.ty.four_state {
            // the file's X and Z digits read as 0 in a two-state memory
            self.push_addr(base);
            self.i32c(sig.ty.width as i32);
            self.i32c(sig.elements() as i32);
            self.rt("rt_to_2state_array");
        }
    }

    /// `$strobe`/`$monitor`: a generated function (with a dispatch id)
    /// evaluates and prints the arguments when guest-rt runs it.
    fn deferred(&mut self, s: StmtId, monitor: bool) {
        let (_, id) = self.cx.declare_step(Job::Deferred { stmt: s, owner: self.owner, monitor });
        self.i32c(id as i32);
        self.i(I::LocalGet(0));
        self.rt(if monitor { "rt_monitor" } else { "rt_strobe" });
    }

    /// Body of a deferred `$strobe`/`$monitor` function.
    pub fn deferred_body(&mut self, s: StmtId, monitor: bool) {
        let StmtKind::SysTask { name, args, scope } = &self.d().stmts[s].kind else { unreachable!() };
        let fd_arg = name.starts_with("$f");
        if monitor {
            // Print only when some argument (other than $time-like calls and
            // literals) changed since the last print.
            // A `%v` argument's strengths count too: a strength-only change
            // prints (as in Icarus).
            let watched: Vec<ExprId> = args
                .iter()
                .skip(fd_arg as usize)
                .flatten()
                .copied()
                .filter(|&e| !self.d().is_string_literal(e) && !is_time_call(self.d(), e))
                .flat_map(|e| [Some(e), strengths_shown(self.d(), e)])
                .flatten()
                .collect();
            let mut total = 0u32;
            let sizes: Vec<u32> = watched
                .iter()
                .map(|&e| {
                    let ty = self.ty(e);
                    if ty.is_real() {
                        8
                    } else {
                        wsim_abi::value_bytes(ty.width)
                    }
                })
                .collect();
            for sz in &sizes {
                total += sz;
            }
            let buf = Addr::Temp(self.f.temp(total.max(8)));
            let Addr::Temp(bo) = buf else { unreachable!() };
            let mut off = 0;
            for (&e, &sz) in watched.iter().zip(&sizes) {
                let dst = Addr::Temp(bo + off);
                if self.ty(e).is_real() {
                    self.push_addr(dst);
                    self.real(e);
                    self.i(I::F64Store(mem(0, 3)));
                } else {
                    let v = self.int(e);
                    self.copy_value(dst, v, self.ty(e).width);
                }
                off += sz;
            }
            self.push_addr(buf);
            self.i32c(total as i32);
            self.rt("rt_monitor_changed");
            self.i(I::If(BlockType::Empty));
            self.display_call(name, args, *scope, fd_arg);
            self.i(I::End);
        } else {
            self.display_call(name, args, *scope, fd_arg);
        }
    }

    /// System functions with an integral result.
    pub fn sysfunc_int(&mut self, name: &str, args: &[ExprId], scope: ScopeId, e: ExprId) -> Addr {
        let _ = scope;
        if name.starts_with("$strength$") {
            return self.strength_func(name, args, e);
        }
        let ty = self.ty(e);
        let w = ty.width;
        let span = self.espan(e);
        let dst = self.temp_value(w);
        match name {
            "$time" | "$stime" => {
                // rounded to the caller's time unit (as Icarus does)
                let div = self.divisor(args);
                self.rt("rt_now");
                self.i(I::I64Const((div / 2) as i64));
                self.i(I::I64Add);
                self.i(I::I64Const(div as i64));
                self.i(I::I64DivU);
                self.store_small(dst, w.min(64));
            }
            "$random" | "$urandom" => {
                match args.first() {
                    Some(&s) => {
                        let a = self.seed_addr(s);
                        self.push_addr(a);
                    }
                    None => self.i32c(0),
                }
                self.rt(if name == "$random" { "rt_random" } else { "rt_urandom" });
                self.i(I::I64ExtendI32U);
                self.store_small(dst, w.min(64));
            }
            n if n.starts_with("$dist_") => self.dist_call(n, args, dst, w, span),
            "$urandom_range" => {
                match args.first() {
                    Some(&a) => self.push_i32_of(a),
                    None => self.i32c(0),
                }
                match args.get(1) {
                    Some(&a) => self.push_i32_of(a),
                    None => self.i32c(0),
                }
                self.rt("rt_urandom_range");
                self.i(I::I64ExtendI32U);
                self.store_small(dst, w.min(64));
            }
            "$clog2" | "$countones" | "$onehot" | "$onehot0" | "$isunknown" => {
                let code = match name {
                    "$clog2" => wsim_abi::op::BF_CLOG2,
                    "$countones" => wsim_abi::op::BF_COUNTONES,
                    "$onehot" => wsim_abi::op::BF_ONEHOT,
                    "$onehot0" => wsim_abi::op::BF_ONEHOT0,
                    _ => wsim_abi::op::BF_ISUNKNOWN,
                };
                let Some(&a0) = args.first() else {
                    self.cx.unsupported(span, format!("`{name}` without an argument"));
                    return dst;
                };
                let a = self.int(a0);
                let aw = self.ty(a0).width;
                self.i32c(code);
                self.push_addr(dst);
                self.push_addr(a);
                self.i32c(aw as i32);
                self.rt("rt_bitfunc");
            }
            "$test$plusargs" => {
                let Some(&a0) = args.first() else { return dst };
                let a = self.int(a0);
                self.push_addr(a);
                self.i32c(self.ty(a0).width as i32);
                self.rt("rt_test_plusargs");
                self.i(I::I64ExtendI32U);
                self.store_small(dst, w.min(64));
            }
            "$value$plusargs" => {
                let (Some(&f), Some(&target)) = (args.first(), args.get(1)) else {
                    self.cx.unsupported(span, "$value$plusargs without a format and a destination");
                    return dst;
                };
                let fa = self.int(f);
                let tty = self.ty(target);
                let bytes = if tty.is_real() { 8 } else { wsim_abi::value_bytes(tty.width) };
                let t = Addr::Temp(self.f.temp(bytes));
                let found = self.f.local(ValType::I32);
                self.push_addr(fa);
                self.i32c(self.ty(f).width as i32);
                self.push_addr(t);
                self.i32c(if tty.is_real() { 64 } else { tty.width as i32 });
                self.i32c(tty.is_real() as i32);
                self.rt("rt_value_plusargs");
                self.i(I::LocalTee(found));
                self.i(I::If(BlockType::Empty));
                if tty.is_real() {
                    self.write_real(target, |l| {
                        l.push_addr(t);
                        l.i(I::F64Load(mem(0, 3)));
                    });
                } else {
                    self.drop_unknowns_for(target, t, tty.width);
                    self.write(target, t, Mode::Blocking);
                }
                self.i(I::End);
                self.i(I::LocalGet(found));
                self.i(I::I64ExtendI32U);
                self.store_small(dst, w.min(64));
            }
            "$fopen" => {
                let Some(&n0) = args.first() else { return dst };
                let na = self.int(n0);
                self.push_addr(na);
                self.i32c(self.ty(n0).width as i32);
                match args.get(1) {
                    Some(&m) => {
                        let ma = self.int(m);
                        self.push_addr(ma);
                        self.i32c(self.ty(m).width as i32);
                    }
                    None => {
                        self.i32c(0);
                        self.i32c(0);
                    }
                }
                self.rt("rt_fopen");
                self.i(I::I64ExtendI32U);
                self.store_small(dst, w.min(64));
            }
            "$sformatf" => {
                let fa: Vec<Option<ExprId>> = args.iter().map(|&a| Some(a)).collect();
                let (arr, n) = self.fmt_args(&fa);
                self.push_addr(dst);
                self.i32c(w as i32);
                self.push_addr(arr);
                self.i32c(n as i32);
                self.i32c(0);
                self.push_scope(scope);
                self.rt("rt_sformat");
            }
            "$fgetc" | "$ungetc" | "$ftell" | "$fseek" | "$rewind" | "$feof" => {
                let rt = match name {
                    "$fgetc" => "rt_fgetc",
                    "$ungetc" => "rt_ungetc",
                    "$ftell" => "rt_ftell",
                    "$feof" => "rt_feof",
                    "$rewind" => "rt_rewind",
                    _ => "rt_fseek",
                };
                let wanted = match name {
                    "$ungetc" => 2,
                    "$fseek" => 3,
                    _ => 1,
                };
                if args.len() != wanted {
                    self.cx.unsupported(span, format!("`{name}` with {} arguments (it takes {wanted})", args.len()));
                    return dst;
                }
                for &a in args {
                    self.push_i32_of(a);
                }
                self.file_site(span);
                self.rt(rt);
                self.i(I::I64ExtendI32S);
                self.store_small(dst, w.min(64));
            }
            "$fgets" | "$ferror" | "$fscanf" | "$sscanf" | "$fread"
                if !args.iter().all(|&a| self.plain_value(a, &format!("a `{name}` argument"))) => {}
            "$fgets" | "$ferror" => self.string_out_call(name, args, dst, w, span),
            "$fscanf" | "$sscanf" => self.scan_call(name, args, scope, dst, w, span),
            "$fread" => self.fread_call(args, dst, w, span),
            "$countbits" => {
                let (Some(&a0), Some(&m)) = (args.first(), args.get(1)) else { return dst };
                let a = self.int(a0);
                self.push_addr(a);
                self.i32c(self.ty(a0).width as i32);
                self.push_i32_of(m);
                self.rt("rt_countbits");
                self.i(I::I64ExtendI32S);
                self.store_small(dst, w.min(64));
            }
            "$rtoi" => {
                let Some(&a0) = args.first() else { return dst };
                self.push_addr(dst);
                self.i32c(w as i32);
                self.real(a0);
                self.i(I::F64Trunc);
                self.rt("rt_from_real");
            }
            "$shortrealtobits" => {
                let Some(&a0) = args.first() else { return dst };
                self.real(a0);
                self.i(I::F32DemoteF64);
                self.i(I::I32ReinterpretF32);
                self.i(I::I64ExtendI32U);
                self.store_small(dst, w.min(64));
            }
            "$realtobits" => {
                let Some(&a0) = args.first() else { return dst };
                self.real(a0);
                self.i(I::I64ReinterpretF64);
                self.store_small(dst, w.min(64));
            }
            other => self.cx.unsupported(span, format!("system function `{other}`")),
        }
        dst
    }

    /// `rt_file_site("file:line")`: where the file function about to be
    /// called is, for guest-rt's vvp-style warnings.
    fn file_site(&mut self, span: wsim_diag::Span) {
        let text = match self.cx.sources.len() > span.file.0 as usize {
            true => {
                let f = self.cx.sources.get(span.file);
                format!("{}:{}", f.name, f.line_col(span.start).0)
            }
            false => String::new(),
        };
        let (o, len) = self.cx.consts.text(&text);
        self.push_addr(Addr::Const(o));
        self.i32c(len as i32);
        self.rt("rt_file_site");
    }

    /// Whether `e` is integral, real or a string: the file functions read
    /// and fill only those (strings through strings.rs text buffers);
    /// reports the others.
    fn plain_value(&mut self, e: ExprId, what: &str) -> bool {
        let t = self.ty(e);
        let ok = t.kind == TypeKind::Integral || t.is_real() || t.is_string();
        if !ok {
            self.cx.unsupported(self.espan(e), format!("{what} of this type"));
        }
        ok
    }

    /// A temp for a variable a guest-rt call fills: 8 bytes for a real,
    /// else a value of the variable's width.
    fn out_temp(&mut self, target: ExprId) -> (Addr, bool, u32) {
        let t = self.ty(target);
        if t.is_real() {
            (Addr::Temp(self.f.temp(8)), true, 64)
        } else {
            let w = self.text_width(target); // strings.rs: a string gets a text buffer
            (self.temp_value(w), false, w)
        }
    }

    /// Write a temp filled by guest-rt to its variable.
    fn write_out(&mut self, target: ExprId, t: Addr, real: bool) {
        if real {
            self.write_real(target, |l| {
                l.push_addr(t);
                l.i(I::F64Load(mem(0, 3)));
            });
        } else {
            let w = self.text_width(target);
            self.drop_unknowns_for(target, t, w);
            self.write_text(target, t, w); // strings.rs: text to a string
        }
    }

    /// A value guest-rt wrote to temp `t` (`$sscanf`'s `%h` may give X)
    /// loses its X and Z bits when it goes to a two-state variable, as an
    /// assignment's would (IEEE 1800-2017 6.11.2): two-state storage never
    /// holds an unknown bit.
    fn drop_unknowns_for(&mut self, target: ExprId, t: Addr, w: u32) {
        let ty = self.ty(target);
        if !ty.four_state && !ty.is_string() {
            self.make_2state(t, w);
        }
    }

    /// Store the i32 result on the stack into `dst` and keep it in a local.
    fn keep_result(&mut self, dst: Addr, w: u32) -> u32 {
        let r = self.f.local(ValType::I32);
        self.i(I::LocalTee(r));
        self.i(I::I64ExtendI32S);
        self.store_small(dst, w.min(64));
        r
    }

    /// `$fgets(str, fd)` (the string is written when a character was
    /// read) and `$ferror(fd, str)` (always written).
    fn string_out_call(&mut self, name: &str, args: &[ExprId], dst: Addr, w: u32, span: wsim_diag::Span) {
        let (target, fd) = match (name, args) {
            ("$fgets", &[t, fd]) | ("$ferror", &[fd, t]) => (t, fd),
            _ => {
                self.cx.unsupported(span, format!("`{name}` with {} arguments (it takes 2)", args.len()));
                return;
            }
        };
        let (t, real, tw) = self.out_temp(target);
        if real {
            self.cx.unsupported(span, format!("`{name}` into a real variable"));
            return;
        }
        if name == "$fgets" {
            self.push_addr(t);
            self.i32c(tw as i32);
            self.push_i32_of(fd);
            self.file_site(span);
            self.rt("rt_fgets");
        } else {
            self.push_i32_of(fd);
            self.push_addr(t);
            self.i32c(tw as i32);
            self.rt("rt_ferror");
        }
        let r = self.keep_result(dst, w);
        if name == "$fgets" {
            self.i(I::LocalGet(r));
            self.i(I::If(BlockType::Empty));
            self.write_out(target, t, false);
            self.i(I::End);
        } else {
            self.write_out(target, t, false);
        }
    }

    /// `$sscanf(str, fmt, vars...)` / `$fscanf(fd, fmt, vars...)`: guest-rt
    /// fills one temp per variable; the first `result` are written back.
    fn scan_call(&mut self, name: &str, args: &[ExprId], scope: ScopeId, dst: Addr, w: u32, span: wsim_diag::Span) {
        let (src, fmt, outs) = (args[0], args[1], &args[2..]);
        let n = outs.len() as u32;
        let arr = Addr::Temp(self.f.temp((n * fmt::ARG_SIZE).max(8)));
        let Addr::Temp(base) = arr else { unreachable!() };
        let mut temps = Vec::new();
        for (k, &o) in outs.iter().enumerate() {
            let (t, real, tw) = self.out_temp(o);
            let rec = Addr::Temp(base + k as u32 * fmt::ARG_SIZE);
            let kind = if real { fmt::ARG_REAL } else { fmt::ARG_VALUE };
            self.store_arg_record(rec, kind, tw, Some(t), 0);
            temps.push((o, t, real));
        }
        if name == "$sscanf" && self.ty(src).is_string() {
            self.i32c(0);
            self.push_string_text(src); // strings.rs: (ptr, width) known at run time
        } else if name == "$sscanf" {
            let a = self.int(src);
            self.i32c(0);
            self.push_addr(a);
            self.i32c(self.ty(src).width as i32);
        } else {
            self.i32c(1);
            self.push_i32_of(src);
            self.i32c(0);
        }
        if self.ty(fmt).is_string() {
            self.push_string_text(fmt); // strings.rs
        } else {
            let fa = self.int(fmt);
            self.push_addr(fa);
            self.i32c(self.ty(fmt).width as i32);
        }
        self.push_addr(arr);
        self.i32c(n as i32);
        self.push_scope(scope);
        self.file_site(span);
        self.rt("rt_scan");
        let r = self.keep_result(dst, w);
        for (k, (o, t, real)) in temps.into_iter().enumerate() {
            self.i(I::LocalGet(r));
            self.i32c(k as i32);
            self.i(I::I32GtS);
            self.i(I::If(BlockType::Empty));
            self.write_out(o, t, real);
            self.i(I::End);
        }
    }

    /// `$fread(var, fd)` or `$fread(mem, fd [, start [, count]])`.
    fn fread_call(&mut self, args: &[ExprId], dst: Addr, w: u32, span: wsim_diag::Span) {
        let d = self.d();
        let (target, fd) = (args[0], args[1]);
        let memory = match d.exprs[target].kind {
            ExprKind::Signal(m) if !d.signals[m].dims.is_empty() => Some(m),
            _ => None,
        };
        let Some(m) = memory else {
            if args.len() > 2 {
                self.cx.unsupported(span, "`$fread` with a start or count into a variable that is not a memory");
                return;
            }
            let (t, real, tw) = self.out_temp(target);
            if real {
                self.cx.unsupported(span, "`$fread` into a real variable");
                return;
            }
            // Bits no byte reaches keep their value: start from it.
            let cur = self.int(target);
            self.copy_value(t, cur, tw);
            self.push_addr(t);
            self.i32c(tw as i32);
            self.push_i32_of(fd);
            self.file_site(span);
            self.rt("rt_fread");
            let r = self.keep_result(dst, w);
            self.i(I::LocalGet(r));
            self.i(I::If(BlockType::Empty));
            self.write_out(target, t, false);
            self.i(I::End);
            return;
        };
        let sig = &d.signals[m];
        if sig.ty.is_real() || sig.dims.len() != 1 {
            self.cx.unsupported(span, "`$fread` into a real or multi-dimensional array");
            return;
        }
        let bounds: Vec<u32> = (2..4)
            .map(|k| {
                let l = self.f.local(ValType::I64);
                match args.get(k).copied().filter(|&e| !is_unknown_const(d, e)) {
                    Some(e) => {
                        self.push_i32_of(e);
                        self.i(I::I64ExtendI32S);
                    }
                    // Not given: i64::MIN (see rt_fread_mem).
                    None => self.i(I::I64Const(i64::MIN)),
                }
                self.i(I::LocalSet(l));
                l
            })
            .collect();
        let base = self.sig_addr(m, span);
        self.push_addr(base);
        self.i32c(sig.ty.width as i32);
        self.i32c(sig.elements() as i32);
        self.i32c(sig.dims[0].left as i32);
        self.i32c(sig.dims[0].right as i32);
        self.i(I::LocalGet(bounds[0]));
        self.i(I::LocalGet(bounds[1]));
        self.push_i32_of(fd);
        self.file_site(span);
        self.rt("rt_fread_mem");
        self.i(I::I64ExtendI32S);
        self.store_small(dst, w.min(64));
    }

    /// `$dist_*(seed, a[, b])`: `rt_dist` advances the seed variable in
    /// place and returns the 32-bit result.
    fn dist_call(&mut self, name: &str, args: &[ExprId], dst: Addr, w: u32, span: wsim_diag::Span) {
        use wsim_abi::dist::*;
        let (kind, nparams) = match name {
            "$dist_uniform" => (UNIFORM, 2),
            "$dist_normal" => (NORMAL, 2),
            "$dist_exponential" => (EXPONENTIAL, 1),
            "$dist_poisson" => (POISSON, 1),
            "$dist_chi_square" => (CHI_SQUARE, 1),
            "$dist_t" => (T, 1),
            _ => (ERLANG, 2),
        };
        if args.len() != nparams + 1 {
            let msg = format!("`{name}` with {} arguments (it takes a seed and {nparams} more)", args.len());
            self.cx.unsupported(span, msg);
            return;
        }
        let seed = self.seed_addr(args[0]);
        let seed_w = self.ty(args[0]).width;
        self.i32c(kind);
        self.push_addr(seed);
        self.i32c(seed_w as i32);
        self.push_i32_of(args[1]);
        match args.get(2) {
            Some(&b) => self.push_i32_of(b),
            None => self.i32c(0),
        }
        self.rt("rt_dist");
        self.i(I::I64ExtendI32S);
        self.store_small(dst, w.min(64));
    }

    /// Push the i64 ticks-per-unit divisor of `$time`-like calls (arg 0).
    fn push_divisor(&mut self, args: &[ExprId]) {
        let div = self.divisor(args);
        self.i(I::I64Const(div as i64));
    }

    /// The ticks-per-unit divisor of `$time`-like calls (arg 0, a constant).
    fn divisor(&self, args: &[ExprId]) -> u64 {
        args.first()
            .and_then(|&a| match &self.d().exprs[a].kind {
                ExprKind::Const(c) => c.to_u64(),
                _ => None,
            })
            .unwrap_or(1)
            .max(1)
    }

    /// The address of a `$random` seed variable's low 32 bits.
    fn seed_addr(&mut self, e: ExprId) -> Addr {
        let d = self.d();
        match &d.exprs[e].kind {
            ExprKind::Signal(s) => self.sig_addr(*s, d.exprs[e].span),
            _ => {
                self.cx.unsupported(d.exprs[e].span, "a $random seed that is not a variable");
                Addr::Abs(0)
            }
        }
    }

    /// System functions with a real result (pushes an f64).
    pub fn sysfunc_real(&mut self, name: &str, args: &[ExprId], scope: ScopeId, e: ExprId) {
        let _ = scope;
        let span = self.espan(e);
        match (name, args.first()) {
            ("$realtime", _) => {
                self.rt("rt_now");
                self.i(I::F64ConvertI64U);
                self.push_divisor(args);
                self.i(I::F64ConvertI64U);
                self.i(I::F64Div);
            }
            ("$itor", Some(&a)) => self.real(a),
            ("$bitstoshortreal", Some(&a)) => {
                let v = self.int(a);
                self.push_addr(v);
                self.i32c(self.ty(a).width as i32);
                self.i32c(0);
                self.rt("rt_to_i64");
                self.i(I::I32WrapI64);
                self.i(I::F32ReinterpretI32);
                self.i(I::F64PromoteF32);
            }
            ("$bitstoreal", Some(&a)) => {
                let v = self.int(a);
                self.push_addr(v);
                self.i32c(self.ty(a).width as i32);
                self.i32c(0);
                self.rt("rt_to_i64");
                self.i(I::F64ReinterpretI64);
            }
            ("$sqrt", Some(&a)) => {
                self.real(a);
                self.i(I::F64Sqrt);
            }
            ("$floor", Some(&a)) => {
                self.real(a);
                self.i(I::F64Floor);
            }
            ("$ceil", Some(&a)) => {
                self.real(a);
                self.i(I::F64Ceil);
            }
            (_, Some(&a)) if real_math_op(name).is_some() => {
                let code = real_math_op(name).unwrap_or_default();
                self.i32c(code);
                self.real(a);
                match args.get(1) {
                    Some(&b) => self.real(b),
                    None => self.i(I::F64Const(0.0.into())),
                }
                self.rt("rt_real_math");
            }
            _ => {
                self.cx.unsupported(span, format!("system function `{name}`"));
                self.i(I::F64Const(0.0.into()));
            }
        }
    }
}

/// The `rt_real_math` op of a real math system function.
fn real_math_op(name: &str) -> Option<i32> {
    use wsim_abi::real_op::*;
    Some(match name {
        "$pow" => POW,
        "$ln" => LN,
        "$log10" => LOG10,
        "$exp" => EXP,
        "$sin" => SIN,
        "$cos" => COS,
        "$tan" => TAN,
        "$asin" => ASIN,
        "$acos" => ACOS,
        "$atan" => ATAN,
        "$atan2" => ATAN2,
        "$hypot" => HYPOT,
        "$sinh" => SINH,
        "$cosh" => COSH,
        "$tanh" => TANH,
        "$asinh" => ASINH,
        "$acosh" => ACOSH,
        "$atanh" => ATANH,
        _ => return None,
    })
}

/// An all-X constant: `$fread`'s marker for a start that was not given.
fn is_unknown_const(d: &Design, e: ExprId) -> bool {
    matches!(&d.exprs[e].kind, ExprKind::Const(c) if c.words.iter().skip(c.words.len() / 2).any(|&b| b != 0))
}

fn is_time_call(d: &Design, e: ExprId) -> bool {
    matches!(&d.exprs[e].kind, ExprKind::SysFunc { name, .. } if matches!(name.as_str(), "$time" | "$stime" | "$realtime"))
}

/// `1ns`, `10ps`... for a power of ten of seconds.
fn unit_text(p: i8) -> String {
    let (unit, base) = match p {
        p if p >= 0 => ("s", 0),
        p if p >= -3 => ("ms", -3),
        p if p >= -6 => ("us", -6),
        p if p >= -9 => ("ns", -9),
        p if p >= -12 => ("ps", -12),
        _ => ("fs", -15),
    };
    format!("{}{}", 10u64.pow((p - base) as u32), unit)
}

/// The strength vector `e` shows, when it is `$strength$show(value, strengths)`.
fn strengths_shown(d: &wsim_ir::Design, e: ExprId) -> Option<ExprId> {
    match &d.exprs[e].kind {
        wsim_ir::ExprKind::SysFunc { name, args, .. } if name == "$strength$show" => args.get(1).copied(),
        _ => None,
    }
}
