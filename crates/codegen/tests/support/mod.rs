//! Test support: build small IR designs by hand and run the compiled
//! artifact in wasmtime with a tiny host (captured output).
#![allow(dead_code)]

use wasmtime::{Caller, Engine, Linker, Memory, MemoryType, Module, Store};
use wsim_ir::*;

/// A design under construction with one top instance `t`.
pub struct B {
    pub d: Design,
    pub top: ScopeId,
}

fn sp() -> Span {
    Span::default()
}

impl B {
    pub fn new() -> B {
        let mut d = Design { precision: -9, ..Default::default() };
        let top = d.scopes.push(Scope {
            name: "t".into(),
            parent: None,
            kind: ScopeKind::Instance,
            def_name: "t".into(),
            time_unit: -9,
            time_precision: -9,
            span: sp(),
        });
        d.tops.push(top);
        B { d, top }
    }

    pub fn signal(&mut self, name: &str, ty: Type, kind: SignalKind, dims: Vec<Dim>, init: Option<Const>) -> SignalId {
        self.d.signals.push(Signal {
            name: name.into(),
            scope: self.top,
            ty,
            dims,
            kind,
            storage: Storage::Static,
            init,
            msb: ty.width as i64 - 1,
            lsb: 0,
            hidden: false,
            span: sp(),
        })
    }
    pub fn reg(&mut self, name: &str, w: u32) -> SignalId {
        self.signal(name, Type::logic(w, false), SignalKind::Var, vec![], None)
    }
    pub fn reg_init(&mut self, name: &str, w: u32, v: u64) -> SignalId {
        self.signal(name, Type::logic(w, false), SignalKind::Var, vec![], Some(Const::from_u64(w, false, v)))
    }
    pub fn wire(&mut self, name: &str, w: u32) -> SignalId {
        self.signal(name, Type::logic(w, false), SignalKind::Net(NetKind::Wire), vec![], None)
    }
    pub fn e(&mut self, kind: ExprKind, ty: Type) -> ExprId {
        self.d.add_expr(kind, ty, sp())
    }
    pub fn c(&mut self, w: u32, v: u64) -> ExprId {
        self.e(ExprKind::Const(Const::from_u64(w, false, v)), Type::logic(w, false))
    }
    pub fn cx(&mut self, w: u32) -> ExprId {
        self.e(ExprKind::Const(Const::all_x(w, false)), Type::logic(w, false))
    }
    pub fn c64(&mut self, v: u64) -> ExprId {
        self.e(ExprKind::Const(Const::from_u64(64, false, v)), Type::logic(64, false))
    }
    pub fn s(&mut self, sig: SignalId) -> ExprId {
        let ty = self.d.signals[sig].ty;
        self.e(ExprKind::Signal(sig), ty)
    }
    pub fn str(&mut self, text: &str) -> ExprId {
        self.d.add_string_literal(text.as_bytes(), sp())
    }
    pub fn bin(&mut self, op: BinOp, a: ExprId, b: ExprId) -> ExprId {
        let aty = self.d.exprs[a].ty;
        let ty = match op {
            BinOp::Eq
            | BinOp::Ne
            | BinOp::CaseEq
            | BinOp::CaseNe
            | BinOp::Lt
            | BinOp::Le
            | BinOp::Gt
            | BinOp::Ge
            | BinOp::LogAnd
            | BinOp::LogOr
            | BinOp::WildEq
            | BinOp::WildNe => Type::LOGIC1,
            _ => aty,
        };
        self.e(ExprKind::Binary { op, lhs: a, rhs: b }, ty)
    }
    pub fn un(&mut self, op: UnOp, a: ExprId) -> ExprId {
        let aty = self.d.exprs[a].ty;
        let ty = match op {
            UnOp::Neg | UnOp::BitNot => aty,
            _ => Type::LOGIC1,
        };
        self.e(ExprKind::Unary { op, arg: a }, ty)
    }
    /// `$time` in the top's unit (1 tick per unit here).
    pub fn time(&mut self) -> ExprId {
        let div = self.c64(1);
        self.e(ExprKind::SysFunc { name: "$time".into(), args: vec![div], scope: self.top }, Type::TIME)
    }
    pub fn st(&mut self, kind: StmtKind) -> StmtId {
        self.d.add_stmt(kind, sp())
    }
    pub fn block(&mut self, stmts: Vec<StmtId>) -> StmtId {
        self.st(StmtKind::Block { stmts, name: None })
    }
    pub fn assign(&mut self, l: ExprId, r: ExprId) -> StmtId {
        self.st(StmtKind::Assign { lhs: l, rhs: r })
    }
    pub fn nba(&mut self, l: ExprId, r: ExprId) -> StmtId {
        self.st(StmtKind::NonBlocking { lhs: l, rhs: r, delay: None })
    }
    pub fn delay(&mut self, ticks: u64) -> StmtId {
        let t = self.c64(ticks);
        self.st(StmtKind::Delay { ticks: t })
    }
    pub fn at(&mut self, edge: Edge, sig: SignalId) -> StmtId {
        let e = self.s(sig);
        self.st(StmtKind::WaitEvent { events: vec![Event { edge, expr: e }] })
    }
    pub fn display(&mut self, args: Vec<ExprId>) -> StmtId {
        let scope = self.top;
        self.st(StmtKind::SysTask { name: "$display".into(), args: args.into_iter().map(Some).collect(), scope })
    }
    pub fn systask(&mut self, name: &str, args: Vec<ExprId>) -> StmtId {
        let scope = self.top;
        self.st(StmtKind::SysTask { name: name.into(), args: args.into_iter().map(Some).collect(), scope })
    }
    pub fn finish(&mut self) -> StmtId {
        self.systask("$finish", vec![])
    }
    pub fn proc(&mut self, kind: ProcKind, body: StmtId) -> ProcId {
        let scope = self.top;
        self.d.procs.push(Process { kind, body, scope, span: sp() })
    }
    pub fn initial(&mut self, stmts: Vec<StmtId>) -> ProcId {
        let b = self.block(stmts);
        self.proc(ProcKind::Initial, b)
    }
    pub fn always(&mut self, stmts: Vec<StmtId>) -> ProcId {
        let b = self.block(stmts);
        self.proc(ProcKind::Always, b)
    }
}

/// The result of running an artifact.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
    pub time: i64,
}

struct Host {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Compile a design, validate the module, and run it to the end.
pub fn compile(d: &Design) -> Vec<u8> {
    let opts = wsim_codegen::CodegenOptions {
        source_hash: "test".into(),
        compiler_version: "test".into(),
        ..Default::default()
    };
    let bytes = match wsim_codegen::compile(d, &opts) {
        Ok(b) => b,
        Err(diags) => panic!("compile failed: {:#?}", diags.list),
    };
    wsim_codegen::merge::validate(&bytes).expect("valid module");
    bytes
}

pub fn run(d: &Design) -> Run {
    run_bytes(&compile(d), i64::MAX)
}

pub fn run_bytes(bytes: &[u8], until: i64) -> Run {
    let engine = Engine::default();
    let module = Module::new(&engine, bytes).expect("wasmtime compiles the module");
    let mut store = Store::new(&engine, Host { stdout: vec![], stderr: vec![] });
    let mut pages = 1;
    for imp in module.imports() {
        if let wasmtime::ExternType::Memory(m) = imp.ty() {
            pages = m.minimum();
        }
    }
    let mem = Memory::new(&mut store, MemoryType::new(pages as u32, None)).unwrap();
    let mut linker: Linker<Host> = Linker::new(&engine);
    linker.define(&store, "env", "memory", mem).unwrap();
    linker
        .func_wrap("env", "host_write", move |mut caller: Caller<'_, Host>, fd: i32, ptr: i32, len: i32| {
            let data = mem.data(&caller)[ptr as usize..(ptr + len) as usize].to_vec();
            if fd == 2 {
                caller.data_mut().stderr.extend(data);
            } else {
                caller.data_mut().stdout.extend(data);
            }
        })
        .unwrap();
    linker.func_wrap("env", "host_fopen", |_: i32, _: i32, _: i32, _: i32| -> i32 { 0 }).unwrap();
    linker.func_wrap("env", "host_fclose", |_: i32| {}).unwrap();
    linker.func_wrap("env", "host_fflush", |_: i32| {}).unwrap();
    linker.func_wrap("env", "host_read_file", |_: i32, _: i32, _: i32, _: i32| -> i64 { -1 }).unwrap();
    linker.func_wrap("env", "host_fread", |_: i32, _: i32, _: i32| -> i32 { -1 }).unwrap();
    linker.func_wrap("env", "host_fseek", |_: i32, _: i64, _: i32| -> i64 { -1 }).unwrap();
    linker.func_wrap("env", "host_plusargs", |_: i32, _: i32| -> i32 { 0 }).unwrap();
    linker.func_wrap("env", "host_dump", |_: i32, _: i64, _: i64, _: i32, _: i32| -> i32 { 0 }).unwrap();
    linker
        .func_wrap(
            "env",
            "host_diag",
            move |mut caller: Caller<'_, Host>,
                  _sev: i32,
                  cp: i32,
                  cl: i32,
                  _site: i32,
                  _frame: i32,
                  mp: i32,
                  ml: i32| {
                let text = |p: i32, l: i32| mem.data(&caller)[p as usize..(p + l) as usize].to_vec();
                let mut line = text(cp, cl);
                line.extend(b": ");
                line.extend(text(mp, ml));
                line.push(b'\n');
                caller.data_mut().stderr.extend(line);
            },
        )
        .unwrap();
    let inst = linker.instantiate(&mut store, &module).expect("instantiate");
    let init = inst.get_typed_func::<(), ()>(&mut store, "wsim_init").unwrap();
    let runf = inst.get_typed_func::<i64, i32>(&mut store, "wsim_run").unwrap();
    let timef = inst.get_typed_func::<(), i64>(&mut store, "wsim_time").unwrap();
    let fin = inst.get_typed_func::<(), ()>(&mut store, "wsim_final").unwrap();
    init.call(&mut store, ()).expect("wsim_init");
    let status = runf.call(&mut store, until).expect("wsim_run");
    fin.call(&mut store, ()).expect("wsim_final");
    let time = timef.call(&mut store, ()).unwrap();
    let h = store.data();
    Run {
        stdout: String::from_utf8_lossy(&h.stdout).into(),
        stderr: String::from_utf8_lossy(&h.stderr).into(),
        status,
        time,
    }
}

impl B {
    /// A subroutine with formals `(name, type, dir)` and an optional return
    /// variable; returns (id, formal signals, return signal). Set the body later.
    pub fn subr(
        &mut self,
        name: &str,
        kind: SubrKind,
        automatic: bool,
        formals: &[(&str, Type, Dir)],
        ret: Option<Type>,
    ) -> (SubrId, Vec<SignalId>, Option<SignalId>) {
        let body = self.st(StmtKind::Nop);
        let scope = self.d.scopes.push(Scope {
            name: name.into(),
            parent: Some(self.top),
            kind: ScopeKind::Subroutine,
            def_name: String::new(),
            time_unit: -9,
            time_precision: -9,
            span: Span::default(),
        });
        let id = self.d.subrs.push(Subroutine {
            name: name.into(),
            scope,
            kind,
            automatic,
            formals: vec![],
            ret: None,
            locals: vec![],
            body,
            span: Span::default(),
        });
        let mk = |b: &mut B, n: &str, ty: Type| {
            let s = b.signal(n, ty, SignalKind::Var, vec![], None);
            b.d.signals[s].scope = scope;
            if automatic {
                b.d.signals[s].storage = Storage::Automatic(id);
            }
            s
        };
        let mut sigs = vec![];
        for (n, ty, dir) in formals {
            let s = mk(self, n, *ty);
            self.d.subrs[id].formals.push(Formal { sig: s, dir: *dir });
            sigs.push(s);
        }
        let r = ret.map(|ty| mk(self, name, ty));
        self.d.subrs[id].ret = r;
        let mut locals = sigs.clone();
        locals.extend(r);
        self.d.subrs[id].locals = locals;
        (id, sigs, r)
    }
    pub fn sel(&mut self, base: ExprId, off: ExprId, w: u32) -> ExprId {
        let ty = Type::logic(w, false);
        self.e(ExprKind::Select { base, offset: off, width: w }, ty)
    }
    pub fn elem(&mut self, sig: SignalId, idx: ExprId) -> ExprId {
        let ty = self.d.signals[sig].ty;
        self.e(ExprKind::ArrayElem { sig, indices: vec![idx] }, ty)
    }
    pub fn conv(&mut self, arg: ExprId, ty: Type) -> ExprId {
        self.e(ExprKind::Convert { arg }, ty)
    }
    pub fn disp(&mut self, fmt: &str, args: Vec<ExprId>) -> StmtId {
        let f = self.str(fmt);
        let mut all = vec![f];
        all.extend(args);
        self.display(all)
    }
    pub fn sig_events(&mut self, sigs: &[SignalId]) -> StmtId {
        let events = sigs.iter().map(|&s| Event { edge: Edge::Any, expr: self.s(s) }).collect();
        self.st(StmtKind::WaitEvent { events })
    }
}
