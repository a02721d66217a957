//! Statements: assignments with timing, control flow, blocks, timing
//! controls, calls, and the statements wsim names as unsupported.
mod parse_util;
use parse_util::*;
use wsim_syntax::ast::*;

fn assign_parts(s: &StmtKind) -> (String, AssignOp, String, bool, Option<&TimingControl>) {
    match s {
        StmtKind::Assign { lhs, op, rhs, nonblocking, timing } => {
            (sexpr(lhs), *op, sexpr(rhs), *nonblocking, timing.as_ref())
        }
        other => panic!("not an assignment: {other:?}"),
    }
}

#[test]
fn blocking_nonblocking_and_compound_assignments() {
    let ss = stmts("a = b; c <= d; e += 1; f <<<= 2; {g, h} = i; m[3][1:0] <= 2'b01; s.f = 1;");
    let show: Vec<String> = ss
        .iter()
        .map(|s| {
            let (l, op, r, nb, _) = assign_parts(&s.kind);
            format!("{l} {op:?} {r} {nb}")
        })
        .collect();
    assert_eq!(
        show,
        [
            "a Assign b false",
            "c Assign d true",
            "e Add 1 false",
            "f AShl 2 false",
            "{g h} Assign i false",
            "m[3][1:0] Assign 2'b01 true",
            "s.f Assign 1 false"
        ]
    );
}

#[test]
fn intra_assignment_timing_controls() {
    let s = stmt("a = #5 b;");
    assert!(matches!(assign_parts(&s).4, Some(TimingControl::Delay(d)) if sexpr(&d.values[0]) == "5"));
    let s = stmt("a <= @(posedge clk) b;");
    assert!(
        matches!(assign_parts(&s).4, Some(TimingControl::Event(EventControl::List(v, _))) if v[0].edge == Edge::Pos)
    );
    let s = stmt("a <= repeat(2) @(posedge c) b;");
    assert!(matches!(assign_parts(&s).4, Some(TimingControl::RepeatEvent { count, .. }) if sexpr(count) == "2"));
}

#[test]
fn increments_calls_and_expression_statements() {
    let ss =
        stmts("i++; --j; t; t(a, , b); u.t(1); $display(\"%d\", x); $finish; void'(f(x)); e.delete(); pkg::t2(1);");
    let show: Vec<String> = ss
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Expr(e) => format!("expr {}", sexpr(e)),
            StmtKind::Call { name, args } => format!("call {} {}", sexpr(name), args.len()),
            StmtKind::SysCall { name, args, .. } => format!("sys {name} {}", args.len()),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        show,
        [
            "expr (++post i)",
            "expr (--pre j)",
            "call t 0",
            "call t 3",
            "call u.t 1",
            "sys $display 2",
            "sys $finish 0",
            "expr (cast void (call f x))",
            "expr (method e delete)",
            "call pkg::t2 1"
        ]
    );
}

#[test]
fn if_else_with_qualifiers() {
    let s = stmt("unique if (a) x = 1; else if (b) x = 2; else x = 3;");
    let StmtKind::If { qualifier, cond, else_stmt: Some(e), .. } = s else { panic!() };
    assert_eq!((qualifier, sexpr(&cond)), (Qualifier::Unique, "a".to_string()));
    assert!(matches!(&e.kind, StmtKind::If { qualifier: Qualifier::None, else_stmt: Some(_), .. }));
    let s = stmt("priority if (a) ; ");
    assert!(matches!(s, StmtKind::If { qualifier: Qualifier::Priority, else_stmt: None, .. }));
    // Dangling else binds to the nearest if.
    let s = stmt("if (a) if (b) x = 1; else x = 2;");
    let StmtKind::If { then_stmt, else_stmt: None, .. } = s else { panic!() };
    assert!(matches!(then_stmt.kind, StmtKind::If { else_stmt: Some(_), .. }));
}

#[test]
fn case_statements() {
    let s = stmt("casez (op) 4'b1??0, 4'b0001: y = 1; default y = 0; endcase");
    let StmtKind::Case { kind, inside, items, .. } = s else { panic!() };
    assert_eq!((kind, inside, items.len()), (CaseKind::Casez, false, 2));
    assert_eq!(items[0].exprs.iter().map(sexpr).collect::<Vec<_>>(), ["4'b1??0", "4'b0001"]);
    assert!(items[1].exprs.is_empty());
    let s = stmt("unique case (x) inside [0:3], 5: y = 1; default: ; endcase");
    let StmtKind::Case { qualifier, inside, items, .. } = s else { panic!() };
    assert_eq!((qualifier, inside), (Qualifier::Unique, true));
    assert_eq!(items[0].exprs.iter().map(sexpr).collect::<Vec<_>>(), ["[0:3]", "5"]);
    assert!(matches!(stmt("casex (a) 1: ; endcase"), StmtKind::Case { kind: CaseKind::Casex, .. }));
}

#[test]
fn loops() {
    let StmtKind::For { init, cond, step, .. } = stmt("for (int i = 0, j = 1; i < 4; i++, j += 2) ;") else { panic!() };
    assert_eq!(init.len(), 1);
    assert!(matches!(&init[0], ForInit::Decl(d) if d.vars.len() == 2 && type_str(&d.ty) == "int"));
    assert_eq!(sexpr(cond.as_ref().unwrap()), "(< i 4)");
    assert_eq!(step.len(), 2);
    let StmtKind::For { init, .. } = stmt("for (i = 0; i < 4; i = i + 1) begin end") else { panic!() };
    assert!(matches!(&init[0], ForInit::Assign(_)));
    let StmtKind::For { init, cond, step, .. } = stmt("for (;;) ;") else { panic!() };
    assert!(init.is_empty() && cond.is_none() && step.is_empty());
    assert!(matches!(stmt("while (a) a = a - 1;"), StmtKind::While { .. }));
    assert!(matches!(stmt("do a++; while (a < 3);"), StmtKind::DoWhile { .. }));
    assert!(matches!(stmt("repeat (3) @(posedge c);"), StmtKind::Repeat { .. }));
    assert!(matches!(stmt("forever #5 clk = ~clk;"), StmtKind::Forever { .. }));
    let StmtKind::Foreach { array, vars, .. } = stmt("foreach (m.arr[i, , k]) ;") else { panic!() };
    assert_eq!(sexpr(&array), "m.arr");
    assert_eq!(vars.iter().map(|v| v.as_ref().map_or("_", |v| &v.name)).collect::<Vec<_>>(), ["i", "_", "k"]);
}

#[test]
fn delay_and_event_controls() {
    let delay = |src: &str| match stmt(src) {
        StmtKind::Timed { control: TimingControl::Delay(d), stmt } => {
            format!(
                "{} {}",
                d.values.iter().map(sexpr).collect::<Vec<_>>().join(","),
                matches!(stmt.kind, StmtKind::Null)
            )
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(delay("#10 x = 1;"), "10 false");
    assert_eq!(delay("#(a+b);"), "(+ a b) true");
    assert_eq!(delay("#1.5;"), "1.5 true");
    assert_eq!(delay("#10ns;"), "10e-9s true");
    assert_eq!(delay("#(1:2:3);"), "(mtm 1 2 3) true");
    assert_eq!(delay("#d;"), "d true");
    let event = |src: &str| match stmt(src) {
        StmtKind::Timed { control: TimingControl::Event(EventControl::Star(_)), .. } => "*".to_string(),
        StmtKind::Timed { control: TimingControl::Event(EventControl::List(v, _)), .. } => v
            .iter()
            .map(|e| {
                format!(
                    "{:?} {}{}",
                    e.edge,
                    sexpr(&e.expr),
                    e.iff.as_ref().map_or(String::new(), |i| format!(" iff {}", sexpr(i)))
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => panic!("{other:?}"),
    };
    assert_eq!(event("@(posedge a or negedge b) ;"), "Pos a, Neg b");
    assert_eq!(event("@(a, b) ;"), "Any a, Any b");
    assert_eq!(event("@* ;"), "*");
    assert_eq!(event("@(*) ;"), "*");
    assert_eq!(event("@ev ;"), "Any ev");
    assert_eq!(event("@(u.ev) ;"), "Any u.ev");
    assert_eq!(event("@(edge c iff en) ;"), "Both c iff en");
}

#[test]
fn wait_trigger_disable_and_jumps() {
    assert!(matches!(stmt("wait (x) y = 1;"), StmtKind::Wait { .. }));
    assert!(matches!(stmt("wait fork;"), StmtKind::WaitFork));
    assert!(matches!(stmt("-> ev;"), StmtKind::Trigger(e) if sexpr(&e) == "ev"));
    assert!(matches!(stmt("disable blk;"), StmtKind::Disable(e) if sexpr(&e) == "blk"));
    assert!(matches!(stmt("disable fork;"), StmtKind::DisableFork));
    assert!(matches!(stmt("break;"), StmtKind::Break));
    assert!(matches!(stmt("continue;"), StmtKind::Continue));
    assert!(matches!(stmt("return;"), StmtKind::Return(None)));
    assert!(matches!(stmt("return a + 1;"), StmtKind::Return(Some(_))));
}

#[test]
fn blocks_fork_join_and_declarations() {
    let StmtKind::Block { kind, name, decls, stmts, .. } =
        stmt("begin : blk integer k; my_t v; localparam P = 1; k = 0; end : blk")
    else {
        panic!()
    };
    assert_eq!((kind, name.unwrap().name), (BlockKind::Seq, "blk".to_string()));
    assert_eq!((decls.len(), stmts.len()), (3, 1));
    let kinds: Vec<BlockKind> = stmts_kinds("fork a = 1; join fork join_any fork : f join_none : f");
    assert_eq!(kinds, [BlockKind::Par(JoinKind::All), BlockKind::Par(JoinKind::Any), BlockKind::Par(JoinKind::None)]);
    let StmtKind::Block { name, .. } = stmt("lbl: begin end") else { panic!() };
    assert_eq!(name.unwrap().name, "lbl");
}

fn stmts_kinds(src: &str) -> Vec<BlockKind> {
    stmts(src)
        .into_iter()
        .map(|s| match s.kind {
            StmtKind::Block { kind, .. } => kind,
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn unsupported_statements_are_consumed_and_named() {
    let ss = stmts(
        "assign a = b; deassign a; force a = 1; release a;
         assert (a == b) else $error(\"bad\");
         assert #0 (x);
         randcase 1: a = 1; endcase
         x = 1;",
    );
    let whats: Vec<String> = ss
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Unsupported { what } => what.clone(),
            StmtKind::Assign { .. } => "assign".into(),
            // A simple immediate assertion is the `if` 1800-2017 16.3 describes.
            StmtKind::If { else_stmt: Some(e), .. } => match &e.kind {
                StmtKind::SysCall { name, .. } => format!("if, else {name}"),
                other => format!("if, else {other:?}"),
            },
            StmtKind::ProcCont { op, rhs, .. } => format!("{op:?} value={}", rhs.is_some()),
            // randcase is desugared into a block named `randcase@<token>`.
            StmtKind::Block { name: Some(n), .. } if n.name.starts_with("randcase@") => "randcase block".into(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        whats,
        [
            "Assign value=true",
            "Deassign value=false",
            "Force value=true",
            "Release value=false",
            "if, else $error",
            "immediate assertion",
            "randcase block",
            "assign"
        ]
    );
}

#[test]
fn long_else_if_chains_are_folded_not_recursed() {
    let chain: String = (0..1000).map(|i| format!("if (s == {i}) x = {i}; else ")).collect();
    let s = stmt(&format!("unique {chain} x = 0;"));
    let mut depth = 0;
    let mut cur = &s;
    while let StmtKind::If { qualifier, else_stmt, .. } = cur {
        assert_eq!(*qualifier, if depth == 0 { Qualifier::Unique } else { Qualifier::None });
        depth += 1;
        cur = &else_stmt.as_ref().unwrap().kind;
    }
    assert_eq!(depth, 1000);
    assert!(matches!(cur, StmtKind::Assign { .. }));
}

#[test]
fn delay_before_a_based_literal_is_not_a_size() {
    let s = stmt("dat = #1 'h00010203;");
    let StmtKind::Assign { rhs, timing: Some(TimingControl::Delay(d)), .. } = s else { panic!() };
    assert_eq!((sexpr(&d.values[0]), sexpr(&rhs)), ("1".to_string(), "'h00010203".to_string()));
}
