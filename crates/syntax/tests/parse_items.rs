//! Module headers, ports, declarations, instances, gates, functions/tasks,
//! generate constructs, packages and directives.
mod parse_util;
use parse_util::*;
use wsim_syntax::ast::*;

fn names(ds: &[Declarator]) -> Vec<&str> {
    ds.iter().map(|d| d.name.name.as_str()).collect()
}

#[test]
fn module_header_with_parameter_port_list() {
    let m = module(
        "module m #(parameter W = 8, D = W*2, parameter type T = int, localparam L = 1, int unsigned N = 3)
                   (input clk); endmodule",
    );
    assert_eq!(m.name.name, "m");
    assert!(m.has_param_port_list);
    assert_eq!(m.params.len(), 4);
    assert_eq!(m.params[0].assigns.iter().map(|a| a.name.name.as_str()).collect::<Vec<_>>(), ["W", "D"]);
    assert!(!m.params[0].local && m.params[0].ty.is_none());
    assert!(m.params[1].is_type);
    assert!(matches!(&m.params[1].assigns[0].value, Some(ParamValue::Type(DataType::Atom { atom: IntAtom::Int, .. }))));
    assert!(m.params[2].local);
    assert_eq!(type_str(m.params[3].ty.as_ref().unwrap()), "int unsigned");
    assert_eq!(m.timescale, None);
    assert_eq!(m.default_nettype, Some(NetType::Wire));
}

#[test]
fn header_imports_and_macromodule_and_program() {
    let unit = parse_ok(
        "package p; typedef logic [3:0] nib_t; localparam int K = 2; endpackage : p
         macromodule a import p::*, q::x; (); endmodule
         program automatic t; endprogram",
    );
    let Item::Package(p) = &unit.items[0] else { panic!() };
    assert_eq!(p.items.len(), 2);
    let Item::Module(a) = &unit.items[1] else { panic!() };
    assert_eq!(a.kind, ModuleKind::Macromodule);
    assert_eq!(a.imports.len(), 2);
    assert!(a.imports[0].name.is_none());
    assert_eq!(a.imports[1].name.as_ref().unwrap().name, "x");
    assert_eq!(a.ports, PortList::None);
    let Item::Module(t) = &unit.items[2] else { panic!() };
    assert_eq!(t.kind, ModuleKind::Program);
}

#[test]
fn ansi_ports_inherit_direction_and_type() {
    let m = module(
        "module m(input [3:0] a, b, output reg q, r, input wire signed [1:0] s, logic t,
                  output logic [7:0] y, output int n, inout z, var logic v); endmodule",
    );
    let PortList::Ansi(ps) = m.ports else { panic!("not ansi") };
    let show: Vec<String> = ps
        .iter()
        .map(|p| format!("{:?} {:?} {} {} {}", p.dir, p.net_type, p.is_var, type_str(&p.ty), p.name.name))
        .collect();
    assert_eq!(
        show,
        [
            "Input None false implicit[3:0] a",
            "Input None false implicit[3:0] b",
            "Output None true reg q",
            "Output None true reg r",
            "Input Some(Wire) false implicit signed[1:0] s",
            "Input None false logic t",
            "Output None true logic[7:0] y",
            "Output None true int n",
            "Inout None false implicit z",
            "Inout None true logic v",
        ]
    );
}

#[test]
fn first_ansi_port_without_direction_is_inout() {
    let m = module("module m(wire a, input b); endmodule");
    let PortList::Ansi(ps) = m.ports else { panic!() };
    assert_eq!(ps[0].dir, Direction::Inout);
    assert_eq!(ps[0].net_type, Some(NetType::Wire));
}

#[test]
fn non_ansi_ports_and_body_declarations() {
    let m = module(
        "module m(a, b[1:0], .c(x), .d(), {e, f}, );
           input a; input [1:0] b; output reg [7:0] x; inout wire d; output e, f;
         endmodule",
    );
    let PortList::NonAnsi(ps) = &m.ports else { panic!() };
    let show: Vec<String> = ps
        .iter()
        .map(|p| {
            format!(
                "{}={}",
                p.name.as_ref().map_or("-", |n| n.name.as_str()),
                p.expr.as_ref().map_or("-".into(), sexpr)
            )
        })
        .collect();
    assert_eq!(show, ["a=a", "-=b[1:0]", "c=x", "d=-", "-={e f}", "-=-"]);
    let ModuleItem::PortDecl(x) = &m.items[2] else { panic!() };
    assert_eq!((x.dir, x.is_var, type_str(&x.ty)), (Direction::Output, true, "reg[7:0]".to_string()));
    let ModuleItem::PortDecl(d) = &m.items[3] else { panic!() };
    assert_eq!((d.dir, d.net_type), (Direction::Inout, Some(NetType::Wire)));
    let ModuleItem::PortDecl(ef) = &m.items[4] else { panic!() };
    assert_eq!(names(&ef.names), ["e", "f"]);
}

#[test]
fn net_declarations_with_strength_delay_and_init() {
    let it = body(
        "wire [3:0] a = b, c;
         tri1 (strong0, weak1) #(1, 2) t;
         wand w; supply0 gnd; trireg (small) cap; wire logic [1:0] l; wire signed [7:0] s;",
    );
    let ModuleItem::Net(a) = &it[0] else { panic!() };
    assert_eq!((a.net_type, type_str(&a.ty)), (NetType::Wire, "implicit[3:0]".to_string()));
    assert_eq!(names(&a.nets), ["a", "c"]);
    assert_eq!(sexpr(a.nets[0].init.as_ref().unwrap()), "b");
    let ModuleItem::Net(t) = &it[1] else { panic!() };
    assert_eq!(t.net_type, NetType::Tri1);
    assert_eq!(t.delay.as_ref().unwrap().values.len(), 2);
    let kinds: Vec<NetType> = it
        .iter()
        .filter_map(|i| match i {
            ModuleItem::Net(n) => Some(n.net_type),
            _ => None,
        })
        .collect();
    assert_eq!(
        kinds,
        [NetType::Wire, NetType::Tri1, NetType::Wand, NetType::Supply0, NetType::Trireg, NetType::Wire, NetType::Wire]
    );
    let ModuleItem::Net(l) = &it[5] else { panic!() };
    assert_eq!(type_str(&l.ty), "logic[1:0]");
}

#[test]
fn variable_declarations_of_every_type() {
    let it = body(
        "reg [7:0] mem [0:255], r; logic l = 1'b0; bit [3:0] bits; integer i; int j; real x; time t;
         byte b; shortint s; longint q; realtime rt; string str; event ev; my_t v; pkg::word_t w [4];
         int unsigned u; const int C = 3; var [2:0] vv;",
    );
    let show: Vec<String> = it
        .iter()
        .map(|i| match i {
            ModuleItem::Var(v) => {
                format!("{} {}{}", type_str(&v.ty), names(&v.vars).join(","), dims(&v.vars[0].unpacked))
            }
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        show,
        [
            "reg[7:0] mem,r[0:255]",
            "logic l",
            "bit[3:0] bits",
            "integer i",
            "int j",
            "real x",
            "time t",
            "byte b",
            "shortint s",
            "longint q",
            "realtime rt",
            "string str",
            "event ev",
            "my_t v",
            "pkg::word_t w[4]",
            "int unsigned u",
            "int C",
            "implicit[2:0] vv",
        ]
    );
    let ModuleItem::Var(c) = &it[16] else { panic!() };
    assert!(c.is_const);
}

#[test]
fn typedefs_of_enums_structs_and_unions() {
    let it = body(
        "typedef enum logic [1:0] {IDLE, RUN = 2'd2, DONE} state_t;
         typedef enum {A, B} ab_t;
         typedef struct packed { logic [3:0] hi; logic [3:0] lo; } pair_t;
         typedef union packed { logic [7:0] b; pair_t p; } u_t;
         typedef logic [7:0] mem_t [0:3];
         typedef struct fwd_t; typedef enum e_t; typedef fwd2_t;
         typedef struct packed { logic a; } fwd_t; typedef enum {E0} e_t; typedef logic fwd2_t;
         state_t s;",
    );
    let tds: Vec<String> = it
        .iter()
        .filter_map(|i| match i {
            ModuleItem::Typedef(t) => Some(format!("{}={}{}", t.name.name, type_str(&t.ty), dims(&t.unpacked))),
            _ => None,
        })
        .collect();
    assert_eq!(
        tds,
        [
            "state_t=enum(logic[1:0]){IDLE,RUN=2'd2,DONE}",
            "ab_t=enum(int){A,B}",
            "pair_t=struct packed{logic[3:0] hi;logic[3:0] lo}",
            "u_t=union packed{logic[7:0] b;pair_t p}",
            "mem_t=logic[7:0][0:3]",
            "fwd_t=struct packed{logic a}",
            "e_t=enum(int){E0}",
            "fwd2_t=logic",
        ]
    );
    assert!(matches!(&it[8], ModuleItem::Var(v) if type_str(&v.ty) == "state_t"));
    assert_eq!(it.len(), 9, "forward typedefs produce no item");
}

#[test]
fn body_parameters_are_local_when_a_header_list_exists() {
    let unit =
        parse_ok("package p; parameter A = 1; endpackage module m; if (1) begin : g parameter B = 2; end endmodule");
    let Item::Package(p) = &unit.items[0] else { panic!() };
    assert!(matches!(&p.items[0], ModuleItem::Param(d) if d.local));
    let Item::Module(m) = &unit.items[1] else { panic!() };
    let ModuleItem::GenIf { then_block, .. } = &m.items[0] else { panic!() };
    assert!(matches!(&then_block.items[0], ModuleItem::Param(d) if d.local));
    let m = module("module m #(P = 1); parameter Q = 2; localparam [3:0] R = 3, S = 4; endmodule");
    let ModuleItem::Param(q) = &m.items[0] else { panic!() };
    assert!(q.local);
    let ModuleItem::Param(r) = &m.items[1] else { panic!() };
    assert!(r.local);
    assert_eq!(type_str(r.ty.as_ref().unwrap()), "implicit[3:0]");
    assert_eq!(r.assigns.len(), 2);
    let m = module("module m; parameter Q = 2; endmodule");
    let ModuleItem::Param(q) = &m.items[0] else { panic!() };
    assert!(!q.local);
}

#[test]
fn continuous_assignments_with_delay_and_strength() {
    let it = body("assign #(1,2) a = b, c = d; assign (strong0, strong1) #5 {x, y} = z; assign e[3:0] = f;");
    let ModuleItem::ContAssign(a) = &it[0] else { panic!() };
    assert_eq!(a.delay.as_ref().unwrap().values.iter().map(sexpr).collect::<Vec<_>>(), ["1", "2"]);
    assert_eq!(a.assigns.len(), 2);
    let ModuleItem::ContAssign(b) = &it[1] else { panic!() };
    assert_eq!(sexpr(&b.assigns[0].0), "{x y}");
    assert_eq!(sexpr(&b.delay.as_ref().unwrap().values[0]), "5");
}

#[test]
fn processes() {
    let it = body(
        "always @(posedge clk) q <= d; always_comb y = a; always_ff @(posedge c) q <= d;
         always_latch if (en) q = d; initial x = 0; final $display(\"bye\");",
    );
    let kinds: Vec<ProcessKind> = it
        .iter()
        .map(|i| match i {
            ModuleItem::Process(p) => p.kind,
            other => panic!("{other:?}"),
        })
        .collect();
    use ProcessKind::*;
    assert_eq!(kinds, [Always, AlwaysComb, AlwaysFf, AlwaysLatch, Initial, Final]);
}

#[test]
fn instantiations() {
    let it = body(
        "sub #(8, .T(logic [3:0]), .N()) u1 (.a(x), .b(), .c, .*), u2 (x, , y);
         sub #5 u3 [3:0] (a[0], {b, c});
         sub u4 ();",
    );
    let ModuleItem::Instance(i) = &it[0] else { panic!() };
    assert_eq!(i.module.name, "sub");
    assert_eq!(i.params.len(), 3);
    assert!(matches!(&i.params[0], ParamConn::Ordered(ParamValue::Expr(e)) if sexpr(e) == "8"));
    assert!(matches!(&i.params[1], ParamConn::Named { name, value: Some(ParamValue::Type(_)) } if name.name == "T"));
    assert!(matches!(&i.params[2], ParamConn::Named { value: None, .. }));
    assert_eq!(i.instances.len(), 2);
    let conns: Vec<String> = i.instances[0]
        .conns
        .iter()
        .map(|c| match c {
            PortConn::Named { name, expr, .. } => {
                format!(".{}({})", name.name, expr.as_ref().map_or("".into(), sexpr))
            }
            PortConn::Wildcard(_) => ".*".into(),
            PortConn::Ordered(e, _) => e.as_ref().map_or("_".into(), sexpr),
        })
        .collect();
    assert_eq!(conns, [".a(x)", ".b()", ".c(c)", ".*"]);
    assert!(matches!(&i.instances[1].conns[1], PortConn::Ordered(None, _)));
    let ModuleItem::Instance(a) = &it[1] else { panic!() };
    assert_eq!(dims(&a.instances[0].unpacked), "[3:0]");
    assert!(matches!(&a.params[0], ParamConn::Ordered(ParamValue::Expr(e)) if sexpr(e) == "5"));
    let ModuleItem::Instance(e) = &it[2] else { panic!() };
    assert!(e.instances[0].conns.is_empty());
}

#[test]
fn gate_primitives() {
    let it = body(
        "and g1 (o, a, b), g2 (o2, c, d); nand #(1, 2) (o, a); or #3 (o, a, b); bufif1 b1 (o, i, en);
         not n [3:0] (y, x); pullup (strong1) (p); pulldown (q); xnor (a, b, c);",
    );
    let show: Vec<String> = it
        .iter()
        .map(|i| match i {
            ModuleItem::Gate(g) => format!(
                "{:?} {} {}",
                g.kind,
                g.delay.as_ref().map_or(0, |d| d.values.len()),
                g.instances
                    .iter()
                    .map(|gi| format!(
                        "{}{}({})",
                        gi.name.as_ref().map_or("", |n| &n.name),
                        dims(&gi.unpacked),
                        gi.terminals.len()
                    ))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        show,
        [
            "And 0 g1(3),g2(3)",
            "Nand 2 (2)",
            "Or 1 (3)",
            "Bufif1 0 b1(3)",
            "Not 0 n[3:0](2)",
            "Pullup 0 (1)",
            "Pulldown 0 (1)",
            "Xnor 0 (3)",
        ]
    );
}

#[test]
fn old_style_function_collects_ports_in_order() {
    let it = body(
        "function [7:0] f; input [3:0] a; reg t; input b; integer i;
           begin f = a + b; end
         endfunction",
    );
    let ModuleItem::Function(f) = &it[0] else { panic!() };
    assert_eq!(type_str(&f.ret), "implicit[7:0]");
    assert_eq!(f.ports.iter().map(|p| p.name.name.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(type_str(&f.ports[0].ty), "implicit[3:0]");
    assert_eq!(f.decls.len(), 2);
    assert_eq!(f.body.len(), 1);
}

#[test]
fn ansi_functions_tasks_void_and_lifetimes() {
    let it = body(
        "function automatic int add(int a, b, input logic [3:0] c = 1); return a + b; endfunction : add
         function void show(); $display(\"x\"); endfunction
         function logic f; input x; f = x; endfunction
         function state_t nxt(state_t s); return s; endfunction
         task static t(input a, output [1:0] b, ref int r); #1 b = a; endtask
         task t2; input x; begin end endtask",
    );
    let ModuleItem::Function(add) = &it[0] else { panic!() };
    assert_eq!(add.lifetime, Some(Lifetime::Automatic));
    assert_eq!(type_str(&add.ret), "int");
    let ps: Vec<String> =
        add.ports.iter().map(|p| format!("{:?} {} {}", p.dir, type_str(&p.ty), p.name.name)).collect();
    assert_eq!(ps, ["Input int a", "Input int b", "Input logic[3:0] c"]);
    assert!(add.ports[2].default.is_some());
    let ModuleItem::Function(show) = &it[1] else { panic!() };
    assert!(matches!(show.ret, DataType::Void { .. }));
    assert!(show.ports.is_empty());
    let ModuleItem::Function(nxt) = &it[3] else { panic!() };
    assert_eq!(type_str(&nxt.ret), "state_t");
    let ModuleItem::Task(t) = &it[4] else { panic!() };
    assert_eq!(t.lifetime, Some(Lifetime::Static));
    let dirs: Vec<Direction> = t.ports.iter().map(|p| p.dir).collect();
    assert_eq!(dirs, [Direction::Input, Direction::Output, Direction::Ref]);
    let ModuleItem::Task(t2) = &it[5] else { panic!() };
    assert_eq!(t2.ports.len(), 1);
}

#[test]
fn generate_constructs() {
    let it = body(
        "genvar i;
         generate
           for (i = 0; i < 4; i = i + 1) begin : g
             wire w;
             assign w = a[i];
           end
         endgenerate
         for (genvar j = 0; j < N; j++) begin : h end
         for (genvar k = 8; k > 0; k -= 2) assign x[k] = 0;
         for (genvar m = 1; m < 64; m <<= 1) begin end
         for (genvar n = 7; n > 0; n &= n - 1) begin end
         if (W > 8) begin : big wire [W-1:0] b; end else if (W > 4) begin end else begin : sm end
         case (MODE) 0, 1: begin : m0 end default: assign y = 1; endcase
         begin : blk wire q; end",
    );
    assert!(matches!(&it[0], ModuleItem::Genvar(v) if v[0].name == "i"));
    let ModuleItem::GenerateRegion(region, _) = &it[1] else { panic!() };
    let ModuleItem::GenFor { var, init, cond, step, block, .. } = &region[0] else { panic!() };
    assert_eq!(
        (var.name.as_str(), sexpr(init), sexpr(cond), sexpr(step)),
        ("i", "0".into(), "(< i 4)".into(), "(+ i 1)".into())
    );
    assert_eq!(block.label.as_ref().unwrap().name, "g");
    assert_eq!(block.items.len(), 2);
    let ModuleItem::GenFor { step, .. } = &it[2] else { panic!() };
    assert_eq!(sexpr(step), "(+ j 1)");
    let ModuleItem::GenFor { step, block, .. } = &it[3] else { panic!() };
    assert_eq!(sexpr(step), "(- k 2)");
    assert!(block.label.is_none() && block.items.len() == 1);
    let ModuleItem::GenFor { step, .. } = &it[4] else { panic!() };
    assert_eq!(sexpr(step), "(<< m 1)");
    let ModuleItem::GenFor { step, .. } = &it[5] else { panic!() };
    assert_eq!(sexpr(step), "(& n (- n 1))");
    let ModuleItem::GenIf { cond, then_block, else_block, .. } = &it[6] else { panic!() };
    assert_eq!(sexpr(cond), "(> W 8)");
    assert_eq!(then_block.label.as_ref().unwrap().name, "big");
    let else_block = else_block.as_ref().unwrap();
    assert!(
        matches!(&else_block.items[0], ModuleItem::GenIf { else_block: Some(b), .. } if b.label.as_ref().unwrap().name == "sm")
    );
    let ModuleItem::GenCase { items, .. } = &it[7] else { panic!() };
    assert_eq!(items[0].exprs.len(), 2);
    assert!(items[1].exprs.is_empty());
    assert!(matches!(&it[8], ModuleItem::GenBlock(b) if b.label.as_ref().unwrap().name == "blk"));
}

#[test]
fn defparam_specify_attributes_and_import() {
    let it = body(
        "(* keep *) wire a;
         defparam u1.P = 3, u2.sub.Q = 4;
         specify (a => b) = 1; specparam tRise = 1; endspecify
         import pkg::*;
         (* full_case, parallel_case *) always @* begin (* x *) y = a; end",
    );
    assert!(matches!(&it[0], ModuleItem::Net(_)));
    let ModuleItem::Defparam(d, _) = &it[1] else { panic!() };
    assert_eq!(sexpr(&d[1].0), "u2.sub.Q");
    // The specparam comes before the block that declared it.
    assert!(matches!(&it[2], ModuleItem::Param(p) if p.local && p.assigns[0].name.name == "tRise"));
    assert!(matches!(&it[3], ModuleItem::Specify(b) if b.paths.len() == 1));
    assert!(matches!(&it[4], ModuleItem::Import(v) if v[0].package.name == "pkg"));
    assert!(matches!(&it[5], ModuleItem::Process(_)));
    assert_eq!(it.len(), 6);
}

#[test]
fn specify_paths_and_timing_checks() {
    let it = body(
        "specify
           specparam t1 = 1, t2 = 0.3:0.4:0.5;
           (a => q) = (t1, t2);
           (a, b *> q, r) = (1, 2, 3, 4, 5, 6);
           (in +=> out) = 1; (in -*> out) = 2;
           (posedge clk => (q +: d)) = (3, 4);
           if (en && !rst) (negedge c => (q[0] : 1'bx)) = 1.0;
           ifnone (b => q) = 7;
           $setuphold(posedge A &&& B, BL[0], 0, 0, C,,,D, BL_X[0]);
           $setup(posedge CSB, edge[01,0x,x1,1x] CL, tps, a);
           pulsestyle_onevent q;
         endspecify",
    );
    let ModuleItem::Specify(b) = &it[1] else { panic!("{it:?}") };
    let p = &b.paths;
    assert_eq!(p.len(), 7);
    assert_eq!((p[0].full, p[0].delays.len()), (false, 2));
    assert_eq!((p[1].full, p[1].sources.len(), p[1].destinations.len(), p[1].delays.len()), (true, 2, 2, 6));
    assert_eq!((p[2].full, p[3].full), (false, true));
    assert_eq!((p[4].edge, sexpr(p[4].data_source.as_ref().unwrap())), (Edge::Pos, "d".to_string()));
    assert!(matches!(p[5].condition, PathCondition::If(_)) && p[5].edge == Edge::Neg);
    assert_eq!(sexpr(&p[5].destinations[0]), "q[0]");
    assert!(matches!(p[6].condition, PathCondition::IfNone));
    let names: Vec<&str> = b.timing_checks.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["$setuphold", "$setup", "pulsestyle_onevent"]);
}

#[test]
fn specify_path_syntax_errors_are_reported() {
    assert!(errors("module m; specify (a ~> b) = 1; endspecify endmodule").contains("E0201"));
    assert!(errors("module m; specify (posedge c => (q d)) = 1; endspecify endmodule").contains("E0201"));
}

#[test]
fn unsupported_constructs_are_named_not_errors() {
    let unit = parse_ok(
        "class C; int x; function void f(); endfunction endclass
         interface bus; logic a; modport m(input a); endinterface
         module m;
           property p; @(posedge c) a |-> b; endproperty
           assert property (@(posedge c) a) else $error(\"x\");
           a1: assume property (x) begin end else begin $error(\"y\"); end
           restrict property (resetn != $initstate);
           covergroup cg @(posedge c); coverpoint a; endgroup
           clocking cb @(posedge c); endclocking
         endmodule
         virtual class V; endclass : V
         config cfg; design work.top; endconfig",
    );
    let mut whats = Vec::new();
    for item in &unit.items {
        match item {
            Item::Unit(ModuleItem::Unsupported { what, .. }) => whats.push(what.clone()),
            Item::Module(m) => {
                for i in &m.items {
                    if let ModuleItem::Unsupported { what, .. } = i {
                        whats.push(what.clone());
                    }
                }
            }
            _ => {}
        }
    }
    assert_eq!(
        whats,
        // Classes now parse (`ModuleItem::Class`).
        [
            "interface declaration",
            "property declaration",
            "concurrent assertion",
            "concurrent assertion",
            "concurrent assertion",
            "covergroup",
            "clocking block",
            "configuration"
        ]
    );
}

#[test]
fn unit_scope_items() {
    let unit = parse_ok("typedef logic [7:0] byte_t; function int f(int a); return a; endfunction localparam X = 1;");
    assert_eq!(unit.items.len(), 3);
    assert!(matches!(&unit.items[0], Item::Unit(ModuleItem::Typedef(_))));
    assert!(matches!(&unit.items[1], Item::Unit(ModuleItem::Function(_))));
}

#[test]
fn timeunit_inside_module() {
    let m = module("module m; timeunit 1ns; timeprecision 10ps; endmodule");
    assert_eq!(m.timescale, Some(Timescale { unit: -9, precision: -11 }));
}

#[test]
fn interface_ports_become_unsupported_items_of_their_module() {
    let m = module("module m(input clk, AXI_BUS.Slave slv, interface i, output q); endmodule");
    let PortList::Ansi(ps) = &m.ports else { panic!() };
    assert_eq!(ps.iter().map(|p| p.name.name.as_str()).collect::<Vec<_>>(), ["clk", "q"]);
    let whats: Vec<&str> = m
        .items
        .iter()
        .map(|i| match i {
            ModuleItem::Unsupported { what, .. } => what.as_str(),
            _ => "?",
        })
        .collect();
    assert_eq!(whats, ["interface port", "interface port"]);
}

#[test]
fn parameterised_class_types_parse_as_class_specialisations() {
    let it = body(
        "typedef pkg::drv #(.W(8)) drv_t;
         cls #(8) c;
         sub #(8) u (a);",
    );
    assert!(
        matches!(&it[0], ModuleItem::Typedef(t) if matches!(&t.ty, DataType::ClassSpec { name, params, .. } if name.name == "drv" && params.len() == 1))
    );
    assert!(matches!(&it[1], ModuleItem::Var(v) if matches!(v.ty, DataType::ClassSpec { .. })));
    assert!(matches!(&it[2], ModuleItem::Instance(_)));
}
