//! A small, valid hand-built design shared by the validator and printer
//! tests, plus helpers to graft broken pieces onto it.

#![allow(dead_code)]

use wsim_ir::*;

pub fn sp(start: u32) -> Span {
    Span::new(wsim_diag::FileId(0), start, start + 1)
}

/// Handles of the interesting entities of [`sample`].
pub struct Sample {
    pub d: Design,
    pub top: ScopeId,
    pub a: SignalId,
    pub b: SignalId,
    pub w: SignalId,
    pub mem: SignalId,
    pub ev: SignalId,
    pub f: SubrId,
    pub f_in: SignalId,
    pub f_ret: SignalId,
    /// The `Block` that is the body of the initial process `p0`.
    pub initial_block: StmtId,
}

fn signal(d: &mut Design, name: &str, scope: ScopeId, ty: Type, kind: SignalKind) -> SignalId {
    d.signals.push(Signal {
        name: name.into(),
        scope,
        ty,
        dims: Vec::new(),
        kind,
        storage: Storage::Static,
        init: None,
        msb: i64::from(ty.width) - 1,
        lsb: 0,
        hidden: false,
        span: sp(1),
    })
}

pub fn konst(d: &mut Design, width: u32, v: u64) -> ExprId {
    d.add_expr(ExprKind::Const(Const::from_u64(width, false, v)), Type::logic(width, false), sp(2))
}

pub fn sig(d: &mut Design, s: SignalId) -> ExprId {
    let ty = d.signals[s].ty;
    d.add_expr(ExprKind::Signal(s), ty, sp(3))
}

pub fn bin(d: &mut Design, op: BinOp, lhs: ExprId, rhs: ExprId, ty: Type) -> ExprId {
    d.add_expr(ExprKind::Binary { op, lhs, rhs }, ty, sp(4))
}

/// tb { a, b: logic[7:0]; w: wire[7:0]; mem: logic[7:0] [0:3]; ev: event;
///      function automatic [7:0] f(input [7:0] i); f = i + 1; endfunction
///      initial begin a = b + 1; $display("a=%d", a); #10; b <= f(a);
///                    -> ev; $readmemh("m.hex", mem); a = mem[2]; end
///      assign w = a; }
pub fn sample() -> Sample {
    let mut d = Design { precision: -12, ..Design::default() };
    let u8t = Type::logic(8, false);
    let top = d.scopes.push(Scope {
        name: "tb".into(),
        parent: None,
        kind: ScopeKind::Instance,
        def_name: "tb".into(),
        time_unit: -9,
        time_precision: -12,
        span: sp(0),
    });
    d.tops.push(top);
    let a = signal(&mut d, "a", top, u8t, SignalKind::Var);
    let b = signal(&mut d, "b", top, u8t, SignalKind::Var);
    let w = signal(&mut d, "w", top, u8t, SignalKind::Net(NetKind::Wire));
    let mem = signal(&mut d, "mem", top, u8t, SignalKind::Var);
    d.signals[mem].dims.push(Dim { left: 0, right: 3 });
    let ev = signal(&mut d, "ev", top, Type::EVENT, SignalKind::Event);

    // The function, with its own scope and automatic locals.
    let fscope = d.scopes.push(Scope {
        name: "f".into(),
        parent: Some(top),
        kind: ScopeKind::Subroutine,
        def_name: String::new(),
        time_unit: -9,
        time_precision: -12,
        span: sp(0),
    });
    let f_in = signal(&mut d, "i", fscope, u8t, SignalKind::Var);
    let f_ret = signal(&mut d, "f", fscope, u8t, SignalKind::Var);
    let f_body = d.add_stmt(StmtKind::Nop, sp(5)); // replaced below
    let f = d.subrs.push(Subroutine {
        name: "f".into(),
        scope: fscope,
        kind: SubrKind::Function,
        automatic: true,
        formals: vec![Formal { sig: f_in, dir: Dir::Input }],
        ret: Some(f_ret),
        locals: vec![f_in, f_ret],
        body: f_body,
        span: sp(6),
    });
    d.signals[f_in].storage = Storage::Automatic(f);
    d.signals[f_ret].storage = Storage::Automatic(f);
    let (lhs, i, one) = (sig(&mut d, f_ret), sig(&mut d, f_in), konst(&mut d, 8, 1));
    let rhs = bin(&mut d, BinOp::Add, i, one, u8t);
    d.stmts[f_body].kind = StmtKind::Assign { lhs, rhs };

    // initial begin ... end
    let mut body = Vec::new();
    let (lhs, bx, one) = (sig(&mut d, a), sig(&mut d, b), konst(&mut d, 8, 1));
    let rhs = bin(&mut d, BinOp::Add, bx, one, u8t);
    body.push(d.add_stmt(StmtKind::Assign { lhs, rhs }, sp(7)));
    let fmt = d.add_string_literal(b"a=%d", sp(8));
    let ax = sig(&mut d, a);
    let args = vec![Some(fmt), Some(ax)];
    body.push(d.add_stmt(StmtKind::SysTask { name: "$display".into(), args, scope: top }, sp(9)));
    let ticks = d.add_expr(ExprKind::Const(Const::from_u64(64, false, 10)), Type::TIME, sp(10));
    body.push(d.add_stmt(StmtKind::Delay { ticks }, sp(11)));
    let (lhs, ax) = (sig(&mut d, b), sig(&mut d, a));
    let rhs = d.add_expr(ExprKind::Call { subr: f, args: vec![ax] }, u8t, sp(12));
    body.push(d.add_stmt(StmtKind::NonBlocking { lhs, rhs, delay: None }, sp(13)));
    body.push(d.add_stmt(StmtKind::Trigger { event: ev }, sp(14)));
    let (file, memx) = (d.add_string_literal(b"m.hex", sp(15)), sig(&mut d, mem));
    let args = vec![Some(file), Some(memx)];
    body.push(d.add_stmt(StmtKind::SysTask { name: "$readmemh".into(), args, scope: top }, sp(16)));
    let (lhs, idx) = (sig(&mut d, a), konst(&mut d, 2, 2));
    let rhs = d.add_expr(ExprKind::ArrayElem { sig: mem, indices: vec![idx] }, u8t, sp(17));
    body.push(d.add_stmt(StmtKind::Assign { lhs, rhs }, sp(18)));
    let initial_block = d.add_stmt(StmtKind::Block { stmts: body, name: None }, sp(19));
    d.procs.push(Process { kind: ProcKind::Initial, body: initial_block, scope: top, span: sp(20) });

    // assign w = a;
    let (lhs, rhs) = (sig(&mut d, w), sig(&mut d, a));
    let assign = d.add_stmt(StmtKind::Assign { lhs, rhs }, sp(21));
    let ax = sig(&mut d, a);
    let wait = d.add_stmt(StmtKind::WaitEvent { events: vec![Event { edge: Edge::Any, expr: ax }] }, sp(22));
    let body = d.add_stmt(StmtKind::Block { stmts: vec![assign, wait], name: None }, sp(23));
    d.procs.push(Process { kind: ProcKind::ContAssign, body, scope: top, span: sp(24) });

    Sample { d, top, a, b, w, mem, ev, f, f_in, f_ret, initial_block }
}

impl Sample {
    /// Appends a statement to the initial block.
    pub fn push_stmt(&mut self, kind: StmtKind) -> StmtId {
        let id = self.d.add_stmt(kind, sp(30));
        if let StmtKind::Block { stmts, .. } = &mut self.d.stmts[self.initial_block].kind {
            stmts.push(id);
        }
        id
    }
    /// Appends `lhs = rhs;` to the initial block.
    pub fn push_assign(&mut self, lhs: ExprId, rhs: ExprId) -> StmtId {
        self.push_stmt(StmtKind::Assign { lhs, rhs })
    }
    /// Appends `a = <expr>;` with `a` resized to the expression's type so
    /// only the expression itself can be wrong.
    pub fn push_use(&mut self, e: ExprId) -> StmtId {
        let ty = self.d.exprs[e].ty;
        let s = self.d.signals.push(Signal {
            name: format!("t{}", self.d.signals.len()),
            scope: self.top,
            ty,
            dims: Vec::new(),
            kind: SignalKind::Var,
            storage: Storage::Static,
            init: None,
            msb: i64::from(ty.width) - 1,
            lsb: 0,
            hidden: true,
            span: sp(1),
        });
        let lhs = sig(&mut self.d, s);
        self.push_assign(lhs, e)
    }
}

/// The validator's messages, in order.
pub fn errors(d: &Design) -> Vec<String> {
    match validate(d) {
        Ok(()) => Vec::new(),
        Err(errs) => errs.iter().map(ToString::to_string).collect(),
    }
}
