//! System functions and system task arguments: names are checked against
//! `wsim_ir::SYS_FUNCS` / `SYS_TASKS`, result types follow the IR doc, and
//! what is constant folds (`$bits`, `$clog2` of a constant, `$signed`).

use wsim_diag::{codes::elab as code, Span};
use wsim_ir::{BinOp, Const, ExprId, ExprKind, ScopeId, StmtKind, Type, SYS_FUNCS, SYS_TASKS};
use wsim_syntax::ast::{self, ExprKind as A};

use crate::ctx::{Elab, LexId, Sym, Value};
use crate::types::DataTy;

/// Declared `[left:right]` ranges of dimensions, outermost first.
type Ranges = Vec<(i64, i64)>;

/// The array query functions (IEEE 1800-2017 20.7), folded here.
const ARRAY_QUERIES: &[&str] =
    &["$left", "$right", "$low", "$high", "$increment", "$size", "$dimensions", "$unpacked_dimensions"];

const REAL_MATH: &[&str] = &[
    "$sqrt",
    "$ln",
    "$log10",
    "$exp",
    "$pow",
    "$floor",
    "$ceil",
    "$sin",
    "$cos",
    "$tan",
    "$asin",
    "$acos",
    "$atan",
    "$atan2",
    "$hypot",
    "$sinh",
    "$cosh",
    "$tanh",
    "$asinh",
    "$acosh",
    "$atanh",
    "$bitstoreal",
    "$bitstoshortreal",
    "$itor",
];

impl<'a> Elab<'a> {
    /// Ticks of the design precision per time unit of `lex`'s module.
    pub fn ticks_per_unit(&self, lex: LexId) -> u64 {
        let unit = self.d.scopes[self.scope_of(lex)].time_unit;
        10u64.saturating_pow((unit as i32 - self.d.precision as i32).max(0) as u32)
    }

    fn arg(args: &[Option<ast::Expr>], i: usize) -> Option<&ast::Expr> {
        args.get(i).and_then(|a| a.as_ref())
    }

    pub fn emit_sysfunc(
        &mut self,
        lex: LexId,
        name: &str,
        args: &'a [Option<ast::Expr>],
        span: Span,
    ) -> (ExprId, DataTy) {
        let scope = self.scope_of(lex);
        let a0 = Self::arg(args, 0);
        match name {
            "$signed" | "$unsigned" => {
                let Some(x) = a0 else {
                    return self.missing_arg(name, span);
                };
                let v = self.emit_self(lex, x);
                self.check_integral_arg(name, v, x.span);
                let t = Type { signed: name == "$signed", ..self.ty(v) };
                let id = self.coerce(v, t);
                return (id, DataTy::vector(t.width, t.signed, t.four_state));
            }
            "$bits" => {
                let Some(x) = a0 else {
                    return self.missing_arg(name, span);
                };
                let w = self.bits_of(lex, x);
                let id = self.const_expr(Const::from_u64(32, true, w as u64), false, span);
                return (id, DataTy::vector(32, true, false));
            }
            "$clog2" => {
                let Some(x) = a0 else {
                    return self.missing_arg(name, span);
                };
                let v = self.emit_self(lex, x);
                let id = self.expr(
                    ExprKind::SysFunc { name: name.into(), args: vec![v], scope },
                    Type::bits(32, true),
                    span,
                );
                if let Some(Value::Int(c)) = self.try_fold(v).map(|_| ()).and_then(|_| self.try_fold_any(id)) {
                    let k = self.const_expr(c, false, span);
                    return (k, DataTy::vector(32, true, false));
                }
                return (id, DataTy::vector(32, true, false));
            }
            "$time" | "$stime" | "$realtime" => {
                let k = self.ticks_per_unit(lex);
                let c = self.u64_const(k, span);
                let t = match name {
                    "$time" => Type::TIME,
                    "$stime" => Type::logic(32, false),
                    _ => Type::REAL,
                };
                let id = self.expr(ExprKind::SysFunc { name: name.into(), args: vec![c], scope }, t, span);
                return (id, DataTy::from_ir(t));
            }
            n if ARRAY_QUERIES.contains(&n) => {
                if let [Some(a)] = args {
                    if let Some(id) = self.container_query(lex, n, a, span) {
                        return (id, DataTy::from_ir(Type::INT));
                    }
                }
                return self.array_query(lex, n, args, span);
            }
            _ => {}
        }
        if !SYS_FUNCS.contains(&name) {
            if SYS_TASKS.contains(&name) {
                self.error(code::TYPE_ERROR, span, format!("system task `{name}` cannot be used as a function"));
            } else {
                self.error(code::UNSUPPORTED, span, format!("system function `{name}` is not supported"));
            }
            return self.bad_leaf(span);
        }
        let mut ir_args = Vec::new();
        let result = match name {
            "$random" | "$urandom" => {
                if let Some(x) = a0 {
                    if let Some((l, _)) = self.emit_lvalue(lex, x) {
                        ir_args.push(l);
                    }
                }
                if name == "$random" {
                    Type::INTEGER
                } else {
                    Type::bits(32, false)
                }
            }
            n if n.starts_with("$dist_") => {
                for (i, x) in args.iter().enumerate() {
                    let Some(x) = x else { continue };
                    if i == 0 {
                        if let Some((l, _)) = self.emit_lvalue(lex, x) {
                            ir_args.push(l);
                        }
                    } else {
                        ir_args.push(self.emit_rvalue(lex, x, Type::INTEGER));
                    }
                }
                Type::INTEGER
            }
            "$fgets" | "$ferror" => {
                // ($fgets(str, fd) / $ferror(fd, str)): the string is written.
                let (dst, fd) = if name == "$fgets" { (a0, Self::arg(args, 1)) } else { (Self::arg(args, 1), a0) };
                let (Some(dst), Some(fd)) = (dst, fd) else {
                    return self.too_few_args(name, 2, span);
                };
                let fd = self.emit_self(lex, fd);
                let Some((l, _)) = self.emit_lvalue(lex, dst) else { return self.bad_leaf(span) };
                ir_args.extend(if name == "$fgets" { [l, fd] } else { [fd, l] });
                Type::INTEGER
            }
            "$fscanf" | "$sscanf" => {
                if args.len() < 2 {
                    return self.too_few_args(name, 2, span);
                }
                for (i, x) in args.iter().enumerate() {
                    let Some(x) = x else {
                        self.error(code::TYPE_ERROR, span, format!("`{name}` has an empty argument"));
                        return self.bad_leaf(span);
                    };
                    if i < 2 {
                        ir_args.push(self.emit_self(lex, x));
                    } else if let Some((l, _)) = self.emit_lvalue(lex, x) {
                        ir_args.push(l);
                    } else {
                        return self.bad_leaf(span);
                    }
                }
                self.check_scan_format(name, args);
                Type::INTEGER
            }
            "$fread" => {
                let (Some(dst), Some(fd)) = (a0, Self::arg(args, 1)) else {
                    return self.too_few_args(name, 2, span);
                };
                let target = match self.lookup_hier(lex, dst) {
                    Some(Sym::Signal(s)) if !self.d.signals[s].dims.is_empty() => Some(self.signal_expr(s, dst.span)),
                    _ => self.emit_lvalue(lex, dst).map(|l| l.0),
                };
                let Some(target) = target else { return self.bad_leaf(span) };
                ir_args.push(target);
                ir_args.push(self.emit_self(lex, fd));
                // Optional start and count (a missing start keeps its slot).
                for k in 2..args.len().min(4) {
                    match Self::arg(args, k) {
                        Some(x) => ir_args.push(self.emit_rvalue(lex, x, Type::INTEGER)),
                        None => ir_args.push(self.const_expr(Const::all_x(32, true), true, span)),
                    }
                }
                Type::INTEGER
            }
            "$countbits" => {
                let Some(x) = a0 else {
                    return self.missing_arg(name, span);
                };
                let v = self.emit_self(lex, x);
                let Some(mask) = self.countbits_mask(lex, &args[1..], span) else { return self.bad_leaf(span) };
                ir_args.push(v);
                ir_args.push(self.u64_const(mask, span));
                Type::INT
            }
            "$urandom_range" => {
                for x in args.iter().flatten() {
                    let v = self.emit_rvalue(lex, x, Type::bits(32, false));
                    ir_args.push(v);
                }
                Type::bits(32, false)
            }
            "$value$plusargs" => {
                if let Some(f) = a0 {
                    ir_args.push(self.emit_self(lex, f));
                }
                if let Some(x) = Self::arg(args, 1) {
                    if let Some((l, _)) = self.emit_lvalue(lex, x) {
                        ir_args.push(l);
                    }
                }
                Type::INTEGER
            }
            "$sformatf" => {
                let mut widths = Vec::new();
                for x in args.iter().flatten() {
                    let v = self.emit_self(lex, x);
                    let t = self.ty(v); // a string's text may be long (strings.rs)
                    widths.push(if t.is_string() { wsim_ir::STRING_TEXT_BITS } else { t.width });
                    ir_args.push(v);
                }
                let fmt = match args.first().and_then(|a| a.as_ref()).map(|a| &a.kind) {
                    Some(A::String(s)) => Some(s.as_str()),
                    _ => None,
                };
                Type::logic(8 * sformat_chars(fmt, &widths).max(1), false)
            }
            n if REAL_MATH.contains(&n) => {
                for x in args.iter().flatten() {
                    let v = if n == "$bitstoreal" {
                        self.emit_rvalue(lex, x, Type::bits(64, false))
                    } else if n == "$bitstoshortreal" {
                        self.emit_rvalue(lex, x, Type::bits(32, false))
                    } else if n == "$itor" {
                        // The argument is an integer (1364-2005 17.8): a
                        // real one is rounded to an integer first.
                        let v = self.emit_self(lex, x);
                        if self.ty(v).is_real() {
                            self.coerce(v, Type::INTEGER)
                        } else {
                            v
                        }
                    } else {
                        self.emit_rvalue(lex, x, Type::REAL)
                    };
                    ir_args.push(v);
                }
                Type::REAL
            }
            _ => {
                for x in args.iter().flatten() {
                    let v = self.emit_self(lex, x);
                    ir_args.push(v);
                }
                match name {
                    "$rtoi" => {
                        if let Some(&v) = ir_args.first() {
                            ir_args[0] = self.coerce(v, Type::REAL);
                        }
                        Type::INTEGER
                    }
                    "$realtobits" => {
                        if let Some(&v) = ir_args.first() {
                            ir_args[0] = self.coerce(v, Type::REAL);
                        }
                        Type::bits(64, false)
                    }
                    "$shortrealtobits" => {
                        if let Some(&v) = ir_args.first() {
                            ir_args[0] = self.coerce(v, Type::REAL);
                        }
                        Type::bits(32, false)
                    }
                    "$countones" => Type::INT,
                    "$fgetc" | "$ungetc" | "$ftell" | "$fseek" | "$rewind" | "$feof" => Type::INTEGER,
                    "$onehot" | "$onehot0" | "$isunknown" => Type::BIT1,
                    _ => Type::INTEGER,
                }
            }
        };
        let id = self.expr(ExprKind::SysFunc { name: name.into(), args: ir_args, scope }, result, span);
        (id, DataTy::from_ir(result))
    }

    /// The IEEE 1800-2017 20.9 control bits of `$countbits` as a mask: bit
    /// 0 counts 0 bits, 1 ones, 2 X, 3 Z. They must be constant here.
    fn countbits_mask(&mut self, lex: LexId, controls: &'a [Option<ast::Expr>], span: Span) -> Option<u64> {
        if controls.iter().flatten().next().is_none() {
            self.error(code::TYPE_ERROR, span, "`$countbits` needs at least one control bit");
            return None;
        }
        let mut mask = 0;
        for c in controls.iter().flatten() {
            let Some(Value::Int(k)) = self.eval_const(lex, c) else {
                self.error(
                    code::UNSUPPORTED,
                    c.span,
                    "`$countbits` with a control bit that is not constant is not supported",
                );
                return None;
            };
            // The control bit is the value's LSB, 4-state.
            let (a, b) = (k.words[0] & 1, k.words[k.words.len() / 2] & 1);
            mask |= match (a, b) {
                (0, 0) => 1,
                (1, 0) => 2,
                (1, 1) => 4,
                _ => 8,
            };
        }
        Some(mask)
    }

    /// A compile-time check of a literal `$sscanf`/`$fscanf` format: every
    /// conversion is known (vvp stops the run when it reaches an unknown
    /// one). Running out of variables is left to run time: a scan that ends
    /// early never needs them.
    fn check_scan_format(&mut self, name: &str, args: &'a [Option<ast::Expr>]) {
        let Some(ast::Expr { kind: A::String(fmt), span: fspan }) = Self::arg(args, 1) else { return };
        let bytes = fmt.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b'%' {
                i += 1;
                continue;
            }
            i += 1;
            if bytes.get(i) == Some(&b'*') {
                i += 1;
            }
            while bytes.get(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
            let Some(&c) = bytes.get(i) else {
                self.error(code::TYPE_ERROR, *fspan, format!("`{name}` format ends inside a conversion"));
                return;
            };
            i += 1;
            match c.to_ascii_lowercase() {
                b'%' | b'b' | b'o' | b'd' | b'h' | b'x' | b'c' | b's' | b't' | b'e' | b'f' | b'g' | b'v' | b'm'
                | b'u' | b'z' => {}
                other => {
                    let msg = format!("`{name}` format has an unknown conversion `%{}`", other as char);
                    self.error(code::TYPE_ERROR, *fspan, msg);
                    return;
                }
            }
        }
    }

    /// The array query functions of IEEE 1800-2017 20.7 (`$left` ...
    /// `$dimensions`): constant for every fixed-size array and type wsim
    /// has, so they fold here. Dimension 1 is the leftmost unpacked
    /// dimension (the leftmost packed one when there is none); a dimension
    /// that does not exist gives 'x.
    fn array_query(&mut self, lex: LexId, name: &str, args: &'a [Option<ast::Expr>], span: Span) -> (ExprId, DataTy) {
        let Some(x) = Self::arg(args, 0) else {
            return self.missing_arg(name, span);
        };
        let Some((unpacked, packed)) = self.query_dims(lex, x) else { return self.bad_leaf(span) };
        let all: Vec<(i64, i64)> = unpacked.iter().chain(&packed).copied().collect();
        let count = match name {
            "$dimensions" => Some(all.len() as i64),
            "$unpacked_dimensions" => Some(unpacked.len() as i64),
            _ => None,
        };
        if let Some(n) = count {
            return self.query_result(Some(n), span);
        }
        // The answer for each dimension, then the one the argument picks.
        let answers: Vec<i64> = all.iter().map(|&(l, r)| dim_query(name, l, r)).collect();
        let Some(d) = Self::arg(args, 1) else {
            return self.query_result(answers.first().copied(), span);
        };
        let dim = self.emit_rvalue(lex, d, Type::INTEGER);
        if let Some(Value::Int(k)) = self.try_fold(dim) {
            let pick = Value::Int(k).as_i64().and_then(|k| usize::try_from(k - 1).ok()).and_then(|k| answers.get(k));
            return self.query_result(pick.copied(), span);
        }
        // A dimension known only at run time: `dim == 1 ? a1 : dim == 2 ? a2 : ... : 'x`.
        let (mut chain, _) = self.query_result(None, span);
        for (k, &answer) in answers.iter().enumerate().rev() {
            let index = self.const_expr(Const::from_u64(32, true, k as u64 + 1), true, span);
            let cond = self.expr(ExprKind::Binary { op: BinOp::CaseEq, lhs: dim, rhs: index }, Type::BIT1, span);
            let (value, _) = self.query_result(Some(answer), span);
            chain = self.expr(ExprKind::Cond { cond, then_expr: value, else_expr: chain }, Type::INTEGER, span);
        }
        (chain, DataTy::vector(32, true, true))
    }

    /// An array query's `integer` result: the value, or 'x.
    fn query_result(&mut self, value: Option<i64>, span: Span) -> (ExprId, DataTy) {
        let c = match value {
            Some(v) => Const::from_u64(32, true, v as u64),
            None => Const::all_x(32, true),
        };
        let id = self.const_expr(c, true, span);
        (id, DataTy::vector(32, true, true))
    }

    /// The (unpacked, packed) dimensions of an array query's argument: a
    /// variable or type name, an indexed element of one (the indexed
    /// dimensions drop off), or any expression (one packed dimension of its
    /// width, none for one bit).
    fn query_dims(&mut self, lex: LexId, x: &'a ast::Expr) -> Option<(Ranges, Ranges)> {
        let mut base = x;
        let mut indexed = 0usize;
        while let A::Index { base: b, .. } = &base.kind {
            base = b;
            indexed += 1;
        }
        let found = match &base.kind {
            A::Ident { .. } => match self.lookup_hier(lex, base) {
                Some(Sym::Signal(s)) => {
                    let sig = &self.d.signals[s];
                    let unpacked: Vec<(i64, i64)> = sig.dims.iter().map(|d| (d.left, d.right)).collect();
                    Some((unpacked, self.sig_ty[s.index()].packed.clone()))
                }
                Some(Sym::Type(t)) => Some((t.unpacked.iter().map(|d| (d.left, d.right)).collect(), t.packed.clone())),
                _ => None,
            },
            _ => None,
        };
        if let Some((mut unpacked, mut packed)) = found {
            if indexed <= unpacked.len() + packed.len() {
                let from_unpacked = indexed.min(unpacked.len());
                unpacked.drain(..from_unpacked);
                packed.drain(..indexed - from_unpacked);
                return Some((unpacked, packed));
            }
        }
        let t = self.self_ty(lex, x);
        self.leaf_cache.remove(&(x as *const _ as usize, lex));
        if t.kind == wsim_ir::TypeKind::Event {
            self.error(code::TYPE_ERROR, x.span, "an event has no dimensions");
            return None;
        }
        let packed = if t.width > 1 && !t.is_real() { vec![(t.width as i64 - 1, 0)] } else { vec![] };
        Some((vec![], packed))
    }

    fn try_fold_any(&mut self, id: ExprId) -> Option<Value> {
        crate::consteval::fold(&self.d, id).ok()
    }

    fn too_few_args(&mut self, name: &str, want: usize, span: Span) -> (ExprId, DataTy) {
        self.error(code::TYPE_ERROR, span, format!("`{name}` needs at least {want} arguments"));
        self.bad_leaf(span)
    }

    fn missing_arg(&mut self, name: &str, span: Span) -> (ExprId, DataTy) {
        self.error(code::TYPE_ERROR, span, format!("`{name}` needs an argument"));
        self.bad_leaf(span)
    }

    /// `$bits` of an expression or a type name.
    fn bits_of(&mut self, lex: LexId, x: &'a ast::Expr) -> u32 {
        if let A::Ident { .. } = &x.kind {
            match self.lookup_hier(lex, x) {
                Some(Sym::Type(t)) => return t.width(),
                Some(Sym::Signal(s)) => {
                    let sig = &self.d.signals[s];
                    return (sig.ty.width as u64 * sig.elements()) as u32;
                }
                _ => {}
            }
        }
        let t = self.self_ty(lex, x);
        self.leaf_cache.remove(&(x as *const _ as usize, lex));
        t.width
    }

    /// Lower a system task call statement.
    pub fn lower_systask(
        &mut self,
        lex: LexId,
        name: &str,
        name_span: Span,
        args: &'a [Option<ast::Expr>],
    ) -> StmtKind {
        let scope = self.scope_of(lex);
        // `$exit` (IEEE 1800-2017 24.7) ends the calling program, and the
        // simulation once every program has ended. wsim has no program
        // blocks: the whole design is the one program, so it is `$finish`.
        if name == "$exit" {
            if let Some(x) = args.iter().flatten().next() {
                self.error(code::TYPE_ERROR, x.span, "`$exit` takes no arguments");
            }
            return StmtKind::SysTask { name: "$finish".into(), args: vec![], scope };
        }
        if name == "$sdf_annotate" {
            self.sdf_annotate(lex, args, name_span);
            return StmtKind::Nop;
        }
        if !SYS_TASKS.contains(&name) {
            self.error(code::UNSUPPORTED, name_span, format!("system task `{name}` is not supported"));
            return StmtKind::Nop;
        }
        if name == "$dumpvars" {
            return self.lower_dumpvars(lex, args, scope);
        }
        // `$printtimescale(scope)` reports that scope's timescale: the scope
        // becomes the statement's scope.
        if name == "$printtimescale" {
            if let Some(x) = Self::arg(args, 0) {
                let target = match self.lookup_hier(lex, x) {
                    Some(Sym::Scope(l)) => Some(self.scope_of(l)),
                    Some(Sym::ScopeArray(v)) => v.first().map(|(_, l)| self.scope_of(*l)),
                    _ => None,
                };
                let Some(sc) = target else {
                    self.error(code::TYPE_ERROR, x.span, "`$printtimescale` needs a module instance or scope name");
                    return StmtKind::Nop;
                };
                return StmtKind::SysTask { name: name.into(), args: vec![], scope: sc };
            }
        }
        let mut out = Vec::new();
        let mut realtime_formats = RealtimeFormats::new(name);
        for (i, a) in args.iter().enumerate() {
            let Some(x) = a else {
                realtime_formats.consume();
                out.push(None);
                continue;
            };
            if realtime_formats.bare_realtime(i, x) {
                // Icarus prints a bare `$realtime` argument with the digits
                // of the module's precision (`%.<unit-precision>f`), not as
                // a plain real (`%g`): give it that format.
                let scope_info = &self.d.scopes[scope];
                let digits = (scope_info.time_unit - scope_info.time_precision).max(0);
                let fmt = format!("%.{digits}f");
                out.push(Some(self.d.add_string_literal(fmt.as_bytes(), x.span)));
            }
            let lvalue = matches!((name, i), ("$sformat" | "$swrite", 0));
            let memory = matches!((name, i), ("$readmemh" | "$readmemb" | "$writememh" | "$writememb", 1));
            let id = if lvalue {
                self.emit_lvalue(lex, x).map(|l| l.0)
            } else if memory {
                self.memory_arg(lex, x)
            } else {
                Some(self.emit_self(lex, x))
            };
            if let Some(e) = id.filter(|&e| self.ty(e).is_container()) {
                // containers.rs: a whole array is no task argument (`%p` is
                // not supported).
                self.unsupported("a dynamic array, queue or associative array as a system task argument", x.span);
                let _ = e;
                out.push(None);
                continue;
            }
            out.push(id);
        }
        StmtKind::SysTask { name: name.into(), args: out, scope }
    }

    /// The memory argument of `$readmem*`: the whole array as a `Signal`.
    fn memory_arg(&mut self, lex: LexId, x: &'a ast::Expr) -> Option<ExprId> {
        match self.lookup_hier(lex, x) {
            Some(Sym::Signal(s)) if !self.d.signals[s].dims.is_empty() => Some(self.signal_expr(s, x.span)),
            _ => {
                self.error(code::TYPE_ERROR, x.span, "expected an unpacked array (memory) here");
                None
            }
        }
    }

    /// `$dumpvars(levels, scope_or_signal...)` becomes `$dumpvars(levels,
    /// paths)`: the hierarchical paths of the named scopes and signals, one
    /// per line, in one string constant (the host resolves them against the
    /// signal table of the meta section).
    fn lower_dumpvars(&mut self, lex: LexId, args: &'a [Option<ast::Expr>], scope: ScopeId) -> StmtKind {
        let levels = Self::arg(args, 0).map(|x| self.emit_self(lex, x));
        let mut paths = Vec::new();
        for x in args.iter().skip(1).flatten() {
            match self.lookup_hier(lex, x) {
                Some(Sym::Scope(l)) => paths.push(self.d.scope_path(self.scope_of(l))),
                Some(Sym::ScopeArray(v)) => paths.extend(v.iter().map(|(_, l)| self.d.scope_path(self.scope_of(*l)))),
                Some(Sym::Signal(s)) => paths.push(self.d.signal_path(s)),
                _ => {
                    self.error(code::TYPE_ERROR, x.span, "`$dumpvars` expects module instances, scopes or signals here")
                }
            }
        }
        let span = args.iter().flatten().next().map_or(Span::default(), |x| x.span);
        let text = paths.join("\n");
        let list = (!text.is_empty()).then(|| self.const_expr(Const::from_str_bytes(text.as_bytes()), false, span));
        StmtKind::SysTask { name: "$dumpvars".into(), args: vec![levels, list], scope }
    }
}

/// Which arguments of a display task are bare `$realtime` calls: those
/// no format specifier of an earlier string literal consumes.
struct RealtimeFormats {
    display: bool,
    /// Argument index where formatting starts (after a file descriptor).
    first: usize,
    /// Specifiers of the last format string still waiting for arguments.
    pending: usize,
}

impl RealtimeFormats {
    fn new(task: &str) -> RealtimeFormats {
        let base = task.strip_prefix("$f").map(|t| format!("${t}")).unwrap_or_else(|| task.to_string());
        let base = base.trim_end_matches(['b', 'h', 'o']);
        let display = matches!(base, "$display" | "$write" | "$strobe" | "$monitor");
        RealtimeFormats { display, first: task.starts_with("$f") as usize, pending: 0 }
    }

    fn consume(&mut self) {
        self.pending = self.pending.saturating_sub(1);
    }

    /// Account for argument `i`; true if it is a bare `$realtime`.
    fn bare_realtime(&mut self, i: usize, x: &ast::Expr) -> bool {
        if !self.display || i < self.first {
            return false;
        }
        if self.pending > 0 {
            self.pending -= 1;
            return false;
        }
        match &x.kind {
            A::String(text) => {
                self.pending = count_arg_specs(text);
                false
            }
            A::SysCall { name, args } => name == "$realtime" && args.is_empty(),
            _ => false,
        }
    }
}

/// Format specifiers of a display format that take an argument (all but
/// `%%`, `%m` and `%l`).
fn count_arg_specs(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() {
        if bytes[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || matches!(bytes[i], b'-' | b'+' | b'.' | b'0')) {
            i += 1;
        }
        if let Some(c) = bytes.get(i) {
            if !matches!(c.to_ascii_lowercase(), b'%' | b'm' | b'l') {
                n += 1;
            }
        }
        i += 1;
    }
    n
}

/// `$left`... of one dimension declared `[l:r]`.
fn dim_query(name: &str, l: i64, r: i64) -> i64 {
    match name {
        "$left" => l,
        "$right" => r,
        "$low" => l.min(r),
        "$high" => l.max(r),
        // IEEE 1800-2017 20.7: 1 when left >= right, else -1.
        "$increment" => {
            if l >= r {
                1
            } else {
                -1
            }
        }
        _ => l.abs_diff(r) as i64 + 1,
    }
}

/// Characters `$sformatf` can produce: the format's text plus, per
/// conversion, the most its argument can print (`%b` of 32 bits: 32), or
/// the explicit field width when larger. Without a literal format every
/// argument counts as `%b`.
fn sformat_chars(fmt: Option<&str>, widths: &[u32]) -> u32 {
    let Some(fmt) = fmt else { return widths.iter().sum::<u32>() + 8 };
    let mut args = widths.iter().skip(1).copied();
    let mut n = 0u32;
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            n += 1;
            continue;
        }
        let mut field = 0u32;
        while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
            field = field.saturating_mul(10).saturating_add(d);
            chars.next();
        }
        if chars.peek() == Some(&'.') {
            chars.next();
            while chars.peek().is_some_and(|d| d.is_ascii_digit()) {
                chars.next();
            }
        }
        let conv = chars.next().unwrap_or('%').to_ascii_lowercase();
        let most = match conv {
            '%' => 1,
            'm' => 128,
            'l' => 64,
            _ => {
                let w = args.next().unwrap_or(32);
                match conv {
                    'b' => w,
                    'o' => w.div_ceil(3),
                    'h' | 'x' => w.div_ceil(4),
                    'd' | 'u' | 'z' => w.saturating_mul(30103).div_ceil(100_000) + 2,
                    's' => w.div_ceil(8),
                    'c' => 1,
                    't' => 32,
                    'e' | 'f' | 'g' => 330,
                    _ => w,
                }
            }
        };
        n = n.saturating_add(most.max(field));
    }
    n.min(crate::expr::MAX_WIDTH / 8)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sformatf_width_estimate_covers_each_conversion() {
        // "a=" + 8 bits of %b + "," + %0d of 32 bits (10 digits, sign, slack)
        assert_eq!(super::sformat_chars(Some("a=%b,%0d"), &[64, 8, 32]), 2 + 8 + 1 + 12);
        assert_eq!(super::sformat_chars(Some("%5s|%%"), &[48, 16]), 5 + 2);
    }
}
