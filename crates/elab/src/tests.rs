//! Elaboration tests from Verilog text: names, widths, parameter values,
//! generate scopes, expression sizing and rendered diagnostics.

use wsim_diag::{render, Diagnostics, SourceMap};
use wsim_ir::Design;

use crate::{dump, elaborate, ElabOptions};

/// The snippets are SystemVerilog but named `t.v` (so expected diagnostics
/// stay short): force the 1800-2017 keyword set.
fn sv_options() -> wsim_syntax::PpOptions {
    wsim_syntax::PpOptions { language: Some(wsim_syntax::preprocess::Language::Sv2017), ..Default::default() }
}

/// Preprocess, parse and elaborate one file.
fn run(src: &str, opts: &ElabOptions) -> (Option<Design>, Diagnostics, SourceMap) {
    let mut sm = SourceMap::new();
    let f = sm.add("t.v", src);
    let (toks, mut diags) = wsim_syntax::preprocess(&mut sm, &[f], &sv_options(), &wsim_syntax::FsLoader);
    let (unit, d2) = wsim_syntax::parse(&toks);
    diags.extend(d2);
    assert!(!diags.has_errors(), "front end errors: {}", diags.list.iter().map(|d| render(&sm, d)).collect::<String>());
    let (design, d3) = elaborate(&unit, opts);
    (design, d3, sm)
}

fn ok(src: &str) -> Design {
    let (d, diags, sm) = run(src, &ElabOptions::default());
    let text: String = diags.list.iter().map(|d| render(&sm, d)).collect();
    assert!(d.is_some() && !diags.has_errors(), "unexpected errors:\n{text}");
    let d = d.unwrap();
    let mut bad = crate::validate::check(&d);
    if let Err(errs) = wsim_ir::validate::validate(&d) {
        bad.extend(errs.iter().map(|e| e.to_string()));
    }
    assert!(bad.is_empty(), "IR contract violations:\n{}\n{}", bad.join("\n"), dump(&d));
    d
}

fn errors(src: &str) -> String {
    let (_, diags, sm) = run(src, &ElabOptions::default());
    diags.list.iter().map(|d| render(&sm, d)).collect()
}

#[test]
fn smoke_dump() {
    let d = ok("module t; reg [7:0] a; wire [3:0] w = a[3:0]; initial begin a = 8'd5; $display(\"%d\", a + 1); end endmodule\n");
    let text = dump(&d);
    println!("{text}");
    assert!(text.contains("signal s0 t.a l8"), "{text}");
}

/// The arguments of every `$display` in the design, as dumped expressions.
fn display_args(d: &Design) -> Vec<String> {
    let mut out = Vec::new();
    for (_, s) in d.stmts.iter() {
        if let wsim_ir::StmtKind::SysTask { name, args, .. } = &s.kind {
            if name == "$display" {
                out.extend(args.iter().flatten().map(|&a| crate::dump::expr(d, a)));
            }
        }
    }
    out
}

/// Parameter values folded by elaboration match what Icarus Verilog prints
/// for the same declarations (sizing per 1364-2005 5.4-5.5).
#[test]
fn constant_sizing_matches_icarus() {
    let d = ok(r#"
module t;
  localparam [8:0] A = (8'd200 + 8'd100) >> 1;
  localparam [7:0] B = {8'd200 + 8'd100} >> 1;
  localparam signed [7:0] C = -4'sd3 >>> 1;
  localparam [7:0] D = -4'sd3 >>> 1;
  localparam [7:0] E = 4'sd3 + 4'd15;
  localparam [7:0] F = 4'sb1010;
  localparam signed [7:0] G = 4'sb1010;
  localparam [15:0] H = 8'hff * 8'hff;
  localparam integer I = 3'b111 + 3'sb111;
  localparam [63:0] J = 'hx;
  localparam K = 5 / 2 + 5 % 3;
  localparam [7:0] L = 8'd1 << 9;
  localparam integer M = -7 / 2;
  localparam [3:0] N = 1 ? 4'sb1000 : 3'sb100;
  localparam integer O = $clog2(1025);
  localparam real R = 3 / 2;
  localparam real R2 = 3.0 / 2;
  localparam integer P = 2 ** 10;
  localparam integer Q = (-2) ** 3;
  localparam [7:0] S = ~4'b0101;
  localparam T = 8'sd200 > 8'd100;
  localparam U = -8'sd1 > 8'd100;
  localparam V = -1 < 1;
  localparam W = 4'b1x01 == 4'b1x01;
  localparam X = 4'b1x01 === 4'b1x01;
  initial $display(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, R, R2, P, Q, S, T, U, V, W, X);
endmodule
"#);
    let got = display_args(&d);
    let want = [
        "9'150:l9",
        "8'22:l8",
        "8'254:l8s",
        "8'254:l8",
        "8'18:l8",
        "8'250:l8",
        "8'250:l8s",
        "16'65025:l16",
        "32'14:l32s",
        "64'bxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:l64",
        "32'4:l32s",
        "8'0:l8",
        "32'4294967293:l32s",
        "4'8:l4",
        "32'11:l32s",
        "1:real",
        "1.5:real",
        "32'1024:l32s",
        "32'4294967288:l32s",
        "8'250:l8",
        "1'1:l1",
        "1'1:l1",
        "1'1:l1",
        "1'bx:l1",
        "1'1:l1",
    ];
    assert_eq!(got, want);
}

/// The dump line of one signal, by hierarchical path.
fn signal_line(d: &Design, path: &str) -> String {
    for (id, _) in d.signals.iter() {
        if d.signal_path(id) == path {
            let text = dump(d);
            let prefix = format!("signal {id} {path} ");
            return text.lines().find(|l| l.starts_with(&prefix)).unwrap_or_default().to_string();
        }
    }
    panic!("no signal {path} in\n{}", dump(d));
}

fn scope_paths(d: &Design) -> Vec<String> {
    d.scopes.ids().map(|s| d.scope_path(s)).collect()
}

#[test]
fn declarations_have_names_widths_and_ranges() {
    let d = ok("module t; reg [7:0] a; wire signed [3:0] w; integer i; reg [7:0] mem [0:15]; logic [3:0][7:0] pk; \
                bit [0:3] asc; real r; event e; int n = 3; time tm; byte b; endmodule\n");
    assert!(signal_line(&d, "t.a").ends_with("t.a l8 Var [7:0]"), "{}", signal_line(&d, "t.a"));
    assert!(signal_line(&d, "t.w").ends_with("t.w l4s Net(Wire) [3:0]"));
    assert!(signal_line(&d, "t.i").ends_with("t.i l32s Var [31:0]"));
    assert!(signal_line(&d, "t.mem").ends_with("t.mem l8[0:15] Var [7:0]"));
    assert!(signal_line(&d, "t.pk").ends_with("t.pk l32 Var [31:0]"));
    assert!(signal_line(&d, "t.asc").ends_with("t.asc b4 Var [0:3]"));
    assert!(signal_line(&d, "t.r").ends_with("t.r real Var [63:0]"));
    assert!(signal_line(&d, "t.e").ends_with("t.e event Event [0:0]"));
    assert!(signal_line(&d, "t.n").ends_with("t.n b32s Var [31:0] = 32'3"));
    assert!(signal_line(&d, "t.tm").ends_with("t.tm l64 Var [63:0]"));
    assert!(signal_line(&d, "t.b").ends_with("t.b b8s Var [7:0]"));
}

#[test]
fn parameter_overrides_positional_named_defparam() {
    let d = ok(r#"
module c #(parameter A = 1, parameter B = 2) ();
  localparam S = A + B;
  reg [S-1:0] r;
endmodule
module d;
  parameter P = 3;
  reg [P-1:0] r;
endmodule
module t;
  c #(5, 6) u1 ();
  c #(.B(10)) u2 ();
  d u3 ();
  defparam u3.P = 7;
endmodule
"#);
    assert!(signal_line(&d, "t.u1.r").contains(" l11 "));
    assert!(signal_line(&d, "t.u2.r").contains(" l11 "));
    assert!(signal_line(&d, "t.u3.r").contains(" l7 "));
}

#[test]
fn command_line_parameter_overrides() {
    let src = "module t; parameter W = 4; parameter [7:0] V = 1; reg [W-1:0] r; initial $display(V); endmodule\n";
    let opts = ElabOptions {
        param_overrides: vec![("W".into(), "9".into()), ("t.V".into(), "8'hA5".into())],
        ..Default::default()
    };
    let (d, diags, _) = run(src, &opts);
    assert!(!diags.has_errors());
    let d = d.unwrap();
    assert!(signal_line(&d, "t.r").contains(" l9 "));
    assert_eq!(display_args(&d), vec!["8'165:l8"]);
    let bad = ElabOptions { param_overrides: vec![("NOPE".into(), "1".into())], ..Default::default() };
    let (_, diags, sm) = run(src, &bad);
    let text: String = diags.list.iter().map(|d| render(&sm, d)).collect();
    assert_eq!(text, "wsim: error[E0309]: parameter override `NOPE`: top module `t` has no parameter `NOPE`\n");
}

#[test]
fn typed_and_untyped_parameters() {
    let d = ok(r#"
module t;
  parameter U = 8'hff;
  parameter [3:0] R = 8'hff;
  parameter integer I = 4'hf;
  parameter real F = 2;
  parameter signed S = 4'hf;
  initial $display(U, R, I, F, S);
endmodule
"#);
    assert_eq!(display_args(&d), vec!["8'255:l8", "4'15:l4", "32'15:l32s", "2:real", "4'15:l4s"]);
}

#[test]
fn constant_functions_and_system_functions() {
    let d = ok(r#"
module t;
  function integer log2;
    input integer v;
    integer k;
    begin
      log2 = 0;
      for (k = v - 1; k > 0; k = k >> 1) log2 = log2 + 1;
    end
  endfunction
  localparam A = log2(1000);
  localparam B = $clog2(1000);
  localparam C = $bits(A);
  initial $display(A, B, C);
endmodule
"#);
    let args = display_args(&d);
    assert_eq!(args, vec!["32'10:l32s", "32'10:l32s", "32'32:l32s"]);
}

#[test]
fn generate_scopes_are_named_per_ieee_27_6() {
    let d = ok(r#"
module t;
  parameter N = 3;
  genvar i;
  for (i = 0; i < N; i = i + 1) begin : blk
    wire w;
  end
  for (i = 0; i < 2; i++) begin
    wire v;
  end
  if (N == 3) begin : yes
    wire y;
  end else begin : no
    wire n;
  end
  case (N)
    1: begin : one wire a; end
    default: begin wire b; end
  endcase
endmodule
"#);
    let scopes = scope_paths(&d);
    for s in ["t.blk[0]", "t.blk[1]", "t.blk[2]", "t.genblk2[0]", "t.genblk2[1]", "t.yes", "t.genblk4"] {
        assert!(scopes.contains(&s.to_string()), "missing {s} in {scopes:?}");
    }
    assert!(!scopes.iter().any(|s| s == "t.no" || s == "t.one"));
    signal_line(&d, "t.blk[2].w");
    signal_line(&d, "t.genblk4.b");
}

#[test]
fn implicit_nets_in_assign_and_port_connections() {
    let d = ok("module c(input a, output b); assign b = a; endmodule\nmodule t; c u(x, y); assign z = y; endmodule\n");
    for n in ["t.x", "t.y", "t.z"] {
        assert!(signal_line(&d, n).ends_with("l1 Net(Wire) [0:0]"), "{}", signal_line(&d, n));
    }
    let text = errors("`default_nettype none\nmodule t; assign z = 1'b1; endmodule\n");
    assert_eq!(text, "t.v:2:18: error[E0302]: undeclared identifier `z`\n 2 | module t; assign z = 1'b1; endmodule\n   |                  ^\n");
}

#[test]
fn expression_sizing_follows_1364_5_5() {
    let d = ok(r#"
module t;
  reg [7:0] a, b; reg [8:0] s; reg [3:0] n; reg signed [7:0] sa; integer i;
  initial begin
    s = (a + b) >> 1;
    s = {a + b} >> 1;
    s = sa + a;
    s = sa + i;
    n = a == b;
    s = a << n;
  end
endmodule
"#);
    let text = dump(&d);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("s:l9 =") || l.trim_start().starts_with("n:l4 ="))
        .map(|l| l.trim())
        .collect();
    assert_eq!(
        lines,
        vec![
            "s:l9 = (shr:l9 (add:l9 (cvt:l9 a:l8) (cvt:l9 b:l8)) 32'1:l32s)",
            "s:l9 = (shr:l9 (cvt:l9 ({}:l8 (add:l8 a:l8 b:l8))) 32'1:l32s)",
            "s:l9 = (add:l9 (cvt:l9 (cvt:l8 sa:l8s)) (cvt:l9 a:l8))",
            "s:l9 = (cvt:l9 (add:l32s (cvt:l32s sa:l8s) i:l32s))",
            "n:l4 = (cvt:l4 (eq:l1 a:l8 b:l8))",
            "s:l9 = (shl:l9 (cvt:l9 a:l8) n:l4)",
        ]
    );
}

#[test]
fn selects_translate_declared_indices() {
    let d = ok(r#"
module t;
  reg [7:0] d; reg [0:7] u; reg [15:8] h; reg [7:0] m [4:1]; logic [3:0][7:0] p; reg [2:0] i; reg [3:0] o;
  initial begin
    o = d[5:2]; o = u[2:5]; o = h[12:9]; o = d[i+:4]; o = d[i-:4]; o = u[i+:4];
    o = m[2][3:0]; o = p[2][7:4]; o = h[i];
  end
endmodule
"#);
    let text = dump(&d);
    let lines: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with("o:l4 =")).map(|l| l.trim()).collect();
    assert_eq!(
        lines,
        vec![
            "o:l4 = (sel4:l4 d:l8 64'2:b64s)",
            "o:l4 = (sel4:l4 u:l8 64'2:b64s)",
            "o:l4 = (sel4:l4 h:l8 64'1:b64s)",
            "o:l4 = (sel4:l4 d:l8 i:l3)",
            "o:l4 = (sel4:l4 d:l8 (add:l64s (cvt:l64s i:l3) 64'18446744073709551613:l64s))",
            "o:l4 = (sel4:l4 u:l8 (sub:l64s 64'4:l64s (cvt:l64s i:l3)))",
            "o:l4 = (sel4:l4 (m[64'1:b64s]:l8) 64'0:b64s)",
            "o:l4 = (sel4:l4 (sel8:l8 p:l32 64'16:b64s) 64'4:b64s)",
            "o:l4 = (cvt:l4 (sel1:l1 h:l8 (add:l64s (cvt:l64s i:l3) 64'18446744073709551608:l64s)))",
        ]
    );
}

#[test]
fn undeclared_identifier_is_rendered() {
    let text = errors("module t;\n  initial x = 1;\nendmodule\n");
    assert_eq!(text, "t.v:2:11: error[E0302]: undeclared identifier `x`\n 2 |   initial x = 1;\n   |           ^\n");
}

#[test]
fn unknown_module_is_rendered() {
    let text = errors("module t;\n  nothere u1 ();\nendmodule\n");
    assert_eq!(text, "t.v:2:3: error[E0301]: unknown module `nothere`\n 2 |   nothere u1 ();\n   |   ^^^^^^^\n");
}

#[test]
fn unsupported_construct_is_rendered() {
    let text = errors("module t;\n  reg [1:0] m;\n  initial force m[m[0]] = 1;\nendmodule\n");
    assert!(text.starts_with("t.v:3:11: error[E0304]:"), "{text}");
}

fn alias_names(d: &Design) -> Vec<String> {
    d.aliases.iter().map(|&(a, t)| format!("{}->{}", d.signal_path(a), d.signal_path(t))).collect()
}

#[test]
fn ports_collapse_when_they_only_copy_a_whole_signal() {
    let d = ok(r#"
module sub #(parameter W = 4) (input clk, input [W-1:0] d, output reg [W-1:0] q, inout io);
  always @(posedge clk) q <= d;
endmodule
module t;
  reg clk;
  wire [7:0] q8;
  wire bus;
  reg [7:0] d8;
  wire [3:0] q4;
  sub #(.W(8)) u1 (.clk(clk), .d(d8), .q(q8), .io(bus));
  sub u2 (clk, d8[3:0], q4, bus);
  assign q4 = 4'bz;
endmodule
"#);
    assert_eq!(alias_names(&d), vec!["t.u1.clk->t.clk", "t.u1.d->t.d8", "t.q8->t.u1.q", "t.u2.clk->t.clk"]);
    let text = dump(&d);
    // u2.d is a part-select: still a copy; q4 has two drivers: resolved.
    assert!(text.contains("    d:l4 = (sel4:l4 d8:l8 64'0:b64s)\n"), "{text}");
    assert!(text.contains("q4:l4 = (resolve-wire:l4 q4$drv0:l4 q4$drv1:l4)"), "{text}");
    // The inout shares the parent's net: no signal of its own.
    assert!(!d.signals.iter().any(|(id, _)| d.signal_path(id) == "t.u1.io"));
}

fn element_alias_names(d: &Design) -> Vec<String> {
    let name =
        |a: &wsim_ir::ElementAlias| format!("{}->{}[{}]", d.signal_path(a.alias), d.signal_path(a.array), a.elem);
    d.element_aliases.iter().map(name).collect()
}

#[test]
fn ports_collapse_onto_constant_array_elements() {
    let d = ok(r#"
module c(input [3:0] a, output [3:0] y);
  assign y = ~a;
endmodule
module t;
  wire [3:0] w [0:1];
  wire [3:0] two [0:1];
  wire [3:0] f [0:1];
  reg [3:0] m [0:1];
  c u0 (.a(m[1]), .y(w[1 - 1]));
  c u1 (.a(w[0]), .y(two[0]));
  assign two[0] = 4'h3;
  c u2 (.a(4'h1), .y(f[1]));
  initial force u2.y = 4'h2;
endmodule
"#);
    // An input from a variable array and an output into a net array
    // collapse; an element another assign also writes, and a forced port
    // net, stay copies.
    assert_eq!(element_alias_names(&d), vec!["t.u0.a->t.m[1]", "t.u0.y->t.w[0]", "t.u1.a->t.w[0]"]);
    // The copy drives its own resolver input (`resolve_drivers`).
    let text = dump(&d);
    assert!(text.contains("    two[0]$drv1:l4 = y:l4\n"), "{text}");
    assert!(text.contains("    two[0]:l4 = (resolve-wire:l4 two[0]$drv0:l4 two[0]$drv1:l4)\n"), "{text}");
}

#[test]
fn elements_of_net_arrays_with_several_drivers_become_resolved_nets() {
    let d = ok(r#"
module t;
  reg [3:0] a, b;
  wand [3:0] w [0:2];
  wire [3:0] m [0:1][0:1];
  tri1 [3:0] p [0:1];
  assign w[2] = a;
  assign w[2][1:0] = b[1:0];
  assign w[1] = a;
  assign m[1][0] = a;
  assign m[1][0] = b;
  assign p[0] = a;
endmodule
"#);
    let text = dump(&d);
    // Two drivers (one a part-select): a hidden wand net takes them over,
    // is resolved like any wand, and is copied into the element.
    assert!(text.contains("signal s5 t.w[2] l4 Net(Wand) [3:0] hidden\n"), "{text}");
    assert!(text.contains("    (sel2:l2 w[2]$drv1:l4 64'0:b64s) = (sel2:l2 b:l4 64'0:b64s)\n"), "{text}");
    assert!(text.contains("    w[2]:l4 = (resolve-wand:l4 w[2]$drv0:l4 w[2]$drv1:l4)\n"), "{text}");
    assert!(text.contains("    (w[64'2:b64]:l4) = w[2]:l4\n    @(any w[2]:l4)\n"), "{text}");
    // One driver on a wand element: it writes the element itself.
    assert!(text.contains("    (w[32'1:l32s]:l4) = a:l4\n"), "{text}");
    assert!(text.contains("    m[1][0]:l4 = (resolve-wire:l4 m[1][0]$drv0:l4 m[1][0]$drv1:l4)\n"), "{text}");
    assert!(text.contains("    (m[64'1:b64 64'0:b64]:l4) = m[1][0]:l4\n"), "{text}");
    // A pulled element is resolved with one driver (tri1 nets model strengths).
    assert!(text.contains("signal s7 t.p[0] l4 Net(Tri1) [3:0] hidden\n"), "{text}");
    assert!(text.contains("    (p[64'0:b64]:l4) = p[0]:l4\n"), "{text}");
}

#[test]
fn rendered_errors_have_codes_and_spans() {
    let cases = [
        ("module t;\n  reg [1:0] m;\n  initial force m[m[0]] = 1;\nendmodule\n",
         "t.v:3:11: error[E0304]: force of a variable-index bit or part select is not supported\n 3 |   initial force m[m[0]] = 1;\n   |           ^^^^^^^^^^^^^^^^^^\n"),
        ("module t;\n  wire w;\n  initial w = 1;\nendmodule\n",
         "t.v:3:11: error[E0306]: procedural assignment to net `w` (declare it as a variable)\n 3 |   initial w = 1;\n   |           ^^^^^^\n"),
        ("virtual class c; endclass\nmodule t;\n  c h;\n  initial h = new;\nendmodule\n",
         "t.v:4:15: error[E0311]: `c` is an abstract (virtual) class and cannot be instantiated\n 4 |   initial h = new;\n   |               ^^^\n"),
        ("module t;\n  initial $foo(1);\nendmodule\n",
         "t.v:2:11: error[E0304]: system task `$foo` is not supported\n 2 |   initial $foo(1);\n   |           ^^^^\n"),
        ("module c(input a); endmodule\nmodule t;\n  c u(.b(1));\nendmodule\n",
         "t.v:3:8: error[E0305]: module `c` has no port `b`\n 3 |   c u(.b(1));\n   |        ^\n"),
        ("module c(input a); endmodule\nmodule t;\n  c #(.W(3)) v(1);\nendmodule\n",
         "t.v:3:10: error[E0309]: module `c` has no parameter `W`\n 3 |   c #(.W(3)) v(1);\n   |          ^\n"),
        ("module t;\n  wire a;\n  reg a;\nendmodule\n",
         "t.v:3:7: error[E0308]: `a` is already declared in this scope\n 3 |   reg a;\n   |       ^\n"),
        ("module t;\n  wire a; reg b;\n  c u({a, b});\nendmodule\nmodule c(inout [1:0] x); endmodule\n",
         "t.v:3:7: error[E0304]: inout port connected to an expression (only a net or a constant part of a net of the port's width is supported)\n 3 |   c u({a, b});\n   |       ^^^^^^\n"),
        ("module t;\n  reg [3:0] m [0:3];\n  initial m = 0;\nendmodule\n",
         "t.v:3:15: error[E0311]: an unpacked array can only be assigned an array or an assignment pattern\n 3 |   initial m = 0;\n   |               ^\n"),
        ("module t;\n  reg [3:0] m [0:3];\n  initial $display(m);\nendmodule\n",
         "t.v:3:20: error[E0311]: array `m` must be indexed here\n 3 |   initial $display(m);\n   |                    ^\n"),
    ];
    for (src, want) in cases {
        assert_eq!(errors(src), want, "for {src}");
    }
}

#[test]
fn functions_tasks_and_hierarchical_references() {
    let d = ok(r#"
module leaf(input clk);
  reg [3:0] state;
  event ev;
  task bump; state = state + 1; endtask
  always @(posedge clk) -> ev;
endmodule
module t;
  reg clk;
  integer counter;
  leaf u(clk);
  function automatic integer fact(input integer n);
    if (n <= 1) fact = 1; else fact = n * fact(n - 1);
  endfunction
  localparam F5 = fact(5);
  initial begin
    u.state = 4'd3;
    u.bump;
    @(u.ev) $display(u.state, fact(3), F5);
    begin : named
      integer k;
      k = 1;
    end
    named.k = 2;
  end
endmodule
"#);
    let text = dump(&d);
    assert!(text.contains("subr f0 t.fact Function automatic=true"), "{text}");
    assert!(text.contains("(call fact:l32s (sub:l32s n:l32s 32'1:l32s))"), "{text}");
    assert!(text.contains("    call bump()\n"), "{text}");
    assert!(text.contains("@(any ev:event)"), "{text}");
    assert_eq!(display_args(&d)[2], "32'120:l32s");
    signal_line(&d, "t.named.k");
    // Automatic function locals live in the function's frame.
    assert!(matches!(
        d.signals.iter().find(|(id, _)| d.signal_path(*id) == "t.fact.n").unwrap().1.storage,
        wsim_ir::Storage::Automatic(_)
    ));
}

#[test]
fn sensitivity_of_star_and_always_comb() {
    let d = ok(r#"
module t;
  reg [7:0] a, b, y, z; reg [7:0] mem [0:3]; reg [1:0] i;
  function [7:0] inc(input [7:0] v); inc = v + b; endfunction
  always @* y = a + mem[i];
  always_comb begin z = inc(a); z = z + 1; end
endmodule
"#);
    let text = dump(&d);
    assert!(text.contains("  begin\n    @(any a:l8, any mem:l8, any i:l2)\n    y:l8 = "), "{text}");
    // always_comb: body first; `z` is written so it is not a trigger; `b`
    // is read inside the called function.
    assert!(text.contains("    @(any a:l8, any b:l8)\n  end"), "{text}");
}

#[test]
fn timescales_scale_delays_to_the_global_precision() {
    let d = ok(r#"
`timescale 1ns/100ps
module t;
  real r; reg [3:0] n;
  initial begin
    #1.25 n = 1;
    #n n = 2;
    #(r) n = 3;
    n <= #2 4;
    n = #3 5;
    $display($time, $realtime);
  end
endmodule
"#);
    assert_eq!(d.precision, -10);
    let text = dump(&d);
    for want in [
        "#64'13:b64",
        "#(mul:b64 (cvt:b64 n:l4) 64'10:b64)",
        "#(cvt:b64 (mul:real r:real 10:real))",
        "n:l4 <= #64'20:b64 4'4:l4",
        "#64'30:b64",
        // A bare `$realtime` gets the format `%.1f` (unit 1ns, precision 100ps).
        "$display(($time:l64 64'10:b64), 32'623784294:l32, ($realtime:real 64'10:b64))",
    ] {
        assert!(text.contains(want), "missing {want} in\n{text}");
    }
}

#[test]
fn enums_structs_packages_and_patterns() {
    let d = ok(r#"
package p;
  typedef enum logic [1:0] {IDLE, RUN = 2, STOP} state_t;
  typedef struct packed { logic [3:0] hi; logic [3:0] lo; } pair_t;
  localparam pair_t INIT = '{hi: 4'h1, lo: 4'h2};
endpackage
module t;
  import p::*;
  state_t st;
  pair_t pr;
  reg [7:0] arr [0:2];
  initial begin
    st = RUN;
    st = st.next();
    pr = INIT;
    pr.lo = 4'hf;
    arr = '{default: 8'h7};
    $display(st.name(), st.num(), $bits(pr), pr.hi, p::STOP);
  end
endmodule
"#);
    let text = dump(&d);
    assert!(text.contains("(?:l2 (caseeq:b1 st:l2 2'2:l2) 2'3:l2"), "{text}");
    assert!(text.contains("pr:l8 = 8'18:l8"), "{text}");
    assert!(text.contains("(sel4:l4 pr:l8 32'0:b32s) = 4'15:l4"), "{text}");
    assert!(text.contains("(arr[32'2:b32]:l8) = 8'7:l8"), "{text}");
    let args = display_args(&d);
    assert_eq!(args[1..], ["32'3:b32s", "32'8:b32s", "(sel4:l4 pr:l8 32'4:b32s)", "2'3:l2"]);
}

#[test]
fn gates_arrays_pulls_and_multiple_drivers() {
    let d = ok(r#"
module t;
  wire [3:0] y; reg [3:0] a, b; wire w; reg en;
  and g[3:0] (y, a, b);
  bufif1 (w, a[0], en);
  pullup (w);
  wor wo; assign wo = a[1]; assign wo = b[1];
endmodule
"#);
    let text = dump(&d);
    assert!(
        text.contains("(sel1:l1 y$drv0:l4 32'0:b32s) = (bitand:l1 (sel1:l1 a:l4 32'0:b32s) (sel1:l1 b:l4 32'0:b32s))"),
        "{text}"
    );
    assert!(text.contains("y:l4 = (resolve-wire:l4 y$drv0:l4 y$drv1:l4 y$drv2:l4 y$drv3:l4)"), "{text}");
    // a pulled net models strengths: a pull1 (0xdd = 221) and the buffer
    assert!(text.contains("w$str:b8 = ($strength$resolve:b8 8'221:b8 w$sdrv0:b8)"), "{text}");
    assert!(text.contains("w:l1 = ($strength$value:l1 w$str:b8)"), "{text}");
    assert!(text.contains("wo:l1 = (resolve-wor:l1 wo$drv0:l1 wo$drv1:l1)"), "{text}");
}

#[test]
fn defparams_reach_generate_blocks_and_named_blocks() {
    let d = ok(r#"
module m1; parameter p = 0; reg [p:0] r; endmodule
module t;
  genvar i;
  for (i = 0; i < 2; i = i + 1) begin : L
    m1 m();
    defparam L[i].m.p = 1 + i;
  end
  initial begin : blk
    parameter q = 1;
    reg [q:0] s;
  end
  defparam blk.q = 5;
endmodule
"#);
    assert!(signal_line(&d, "t.L[0].m.r").contains(" l2 "));
    assert!(signal_line(&d, "t.L[1].m.r").contains(" l3 "));
    assert!(signal_line(&d, "t.blk.s").contains(" l6 "));
}

#[test]
fn forward_disable_and_nonblocking_event_control() {
    let d = ok(r#"
module t;
  reg clk, a, b;
  initial fork
    @(b) disable nb;
    begin : nb
      #5 a = 1;
    end
  join
  always @(posedge clk) a <= @(negedge clk) b;
endmodule
"#);
    let text = dump(&d);
    assert!(!text.contains("Nop"), "{text}");
    assert!(text.contains("join None"), "{text}");
}

#[test]
fn instance_arrays_wildcards_and_port_expressions() {
    let d = ok(r#"
module inv(input a, output y); assign y = ~a; endmodule
module pe(.lo(v[3:0]), .hi(v[7:4]), o);
  input [7:0] v;
  output o;
  assign o = ^v;
endmodule
module w(input clk, input [1:0] d, output [1:0] q); assign q = d; endmodule
module t;
  wire [3:0] a, y;
  inv u[3:0] (.a(a), .y(y));
  reg clk; reg [1:0] d; wire [1:0] q;
  w uw(.*);
  wire o; reg [3:0] l, h;
  pe p(.lo(l), .hi(h), .o(o));
  integer s;
  reg [7:0] m [1:3][0:1];
  initial foreach (m[i, j]) s = s + i + j;
endmodule
"#);
    let scopes = scope_paths(&d);
    for sc in ["t.u[3]", "t.u[0]", "t.uw", "t.p"] {
        assert!(scopes.contains(&sc.to_string()), "{sc} missing: {scopes:?}");
    }
    let text = dump(&d);
    // u[3] gets the MSB of the 4-bit connections.
    assert!(text.contains("proc p") && text.contains("a:l1 = (sel1:l1 a:l4 32'3:b32s)"), "{text}");
    // The non-ANSI port `.lo(v[3:0])` drives part of the child's `v`.
    assert!(text.contains("(sel4:l4 v$drv0:l8 64'0:b64s) = l:l4"), "{text}");
    assert_eq!(alias_names(&d).iter().filter(|a| a.contains("t.uw.")).count(), 3, "{:?}", alias_names(&d));
    // foreach: i over [1:3], j over [0:1].
    assert!(text.contains("loop (le:b1 i:b32s 32'3:b32s)"), "{text}");
    assert!(text.contains("loop (le:b1 j:b32s 32'1:b32s)"), "{text}");
}

/// The example of IEEE 1800-2017 27.6.
#[test]
fn unnamed_generate_blocks_follow_the_standard_example() {
    let d = ok(r#"
module top;
  parameter genblk2 = 0;
  genvar i;
  if (genblk2) logic a;
  else logic b;
  if (genblk2) logic a;
  else logic b;
  for (i = 0; i < 1; i = i + 1) begin : g1
    if (1) logic a;
  end
  for (i = 0; i < 1; i = i + 1)
    if (1) logic a;
  if (1) logic a;
endmodule
"#);
    for s in ["top.genblk1.b", "top.genblk02.b", "top.g1[0].genblk1.a", "top.genblk4[0].genblk1.a", "top.genblk5.a"] {
        signal_line(&d, s);
    }
}

/// Time-0 start order as Icarus prints it: tops by name, children before
/// their parent, source order inside a scope.
#[test]
fn processes_start_in_icarus_order() {
    let d = ok(r#"
module c; initial $display(1); endmodule
module t;
  initial $display(2);
  if (1) begin : g
    initial $display(3);
    c u3();
  end
  c u1();
  initial $display(4);
endmodule
module a2; initial $display(5); c u(); endmodule
"#);
    let order: Vec<String> = d.procs.iter().map(|(_, p)| d.scope_path(p.scope)).collect();
    assert_eq!(order, ["a2.u", "a2", "t.g.u3", "t.g", "t.u1", "t", "t"]);
}

#[test]
fn array_typedefs_and_array_initialisers() {
    let d = ok(r#"
module t;
  typedef logic [7:0] row_t [0:3];
  row_t m;
  row_t grid [2];
  reg [3:0] init [0:1] = '{4'd1, 4'd2};
  initial m = '{default: 8'hff};
endmodule
"#);
    assert!(signal_line(&d, "t.m").contains(" l8[0:3] Var"));
    assert!(signal_line(&d, "t.grid").contains(" l8[0:1][0:3] Var"));
    let text = dump(&d);
    assert!(text.contains("(init[32'1:b32]:l4) = 4'2:l4"), "{text}");
    assert!(text.contains("(m[32'3:b32]:l8) = 8'255:l8"), "{text}");
}

#[test]
fn inout_ports_on_bits_of_a_bus() {
    let d = ok(r#"
module pad(inout io, input oe, input o);
  assign io = oe ? o : 1'bz;
endmodule
module t;
  wire [1:0] bus;
  reg [1:0] oe, o;
  pad p0(.io(bus[0]), .oe(oe[0]), .o(o[0]));
  pad p1(.io(bus[1]), .oe(oe[1]), .o(o[1]));
  assign bus = 2'bzz;
endmodule
"#);
    let text = dump(&d);
    // Both pads and the top drive bits of `bus`: one resolver for all.
    assert!(text.contains("(sel1:l1 bus$drv1:l2 32'0:b32) = (?:l1 oe:l1 o:l1 1'bz:l1)"), "{text}");
    assert!(text.contains("(sel1:l1 bus$drv2:l2 32'1:b32) = (?:l1 oe:l1 o:l1 1'bz:l1)"), "{text}");
    assert!(text.contains("bus:l2 = (resolve-wire:l2 bus$drv0:l2 bus$drv1:l2 bus$drv2:l2)"), "{text}");
}

/// The same sources give the same IR every time (artifacts are cached by
/// content; hash-map order must not leak into the design).
#[test]
fn elaboration_is_deterministic() {
    let src = r#"
module pad(inout io, input oe, input o); assign io = oe ? o : 1'bz; endmodule
module c #(parameter W = 2) (input [W-1:0] a, output [W-1:0] y); assign y = ~a; endmodule
module t;
  wire [3:0] bus; reg [3:0] oe, o; wire [1:0] y1, y2; wire w;
  genvar i;
  for (i = 0; i < 4; i = i + 1) begin : g
    pad p(.io(bus[i]), .oe(oe[i]), .o(o[i]));
  end
  c #(.W(2)) u1(.a(o[1:0]), .y(y1));
  c u2(.a(o[3:2]), .y(y2));
  assign w = o[0]; assign w = o[1];
  initial begin : blk integer k; k = 1; end
endmodule
"#;
    let first = dump(&ok(src));
    for _ in 0..5 {
        assert_eq!(dump(&ok(src)), first);
    }
}

/// Integral-only operators (`%`, bitwise, shifts) inside a real
/// expression are computed in integers, then converted (as Icarus does).
#[test]
fn integral_operators_in_real_context() {
    let d = ok(r#"
module t;
  localparam real A = 1.5 + 7 % 4;
  localparam real B = 1.0 + (6 & 3) + ~4'd1;
  localparam real C = 0.5 + (1 << 3);
  localparam integer D = 2.5 + 2;
  initial $display(A, B, C, D);
endmodule
"#);
    assert_eq!(display_args(&d), vec!["4.5:real", "17:real", "8.5:real", "32'5:l32s"]);
}

#[test]
fn net_delays_apply_to_every_driver() {
    let d = ok("`timescale 1ns/1ns\nmodule t; reg a; wire #3 w; assign w = a; wire #2 v = a; endmodule\n");
    let text = dump(&d);
    assert!(text.contains("w:l1 = #64'3:b64 a:l1"), "{text}");
    assert!(text.contains("v:l1 = #64'2:b64 a:l1"), "{text}");
}

#[test]
fn increments_inside_statements_run_first() {
    let d = ok(r#"
module t;
  reg [7:0] mem [0:3]; integer i, x;
  initial begin
    i = 0;
    mem[i++] = 5;
    x = ++i;
  end
endmodule
"#);
    let text = dump(&d);
    // mem[i++] = 5: old i saved, i incremented, then the store at the old i.
    assert!(text.contains("post$tmp1:l32s = i:l32s\n      i:l32s = (add:l32s i:l32s 32'1:l32s)\n      (mem[post$tmp1:l32s]:l8) = 8'5:l8"), "{text}");
    assert!(text.contains("i:l32s = (add:l32s i:l32s 32'1:l32s)\n      x:l32s = i:l32s"), "{text}");
    let err = errors("module t;\n  integer i;\n  initial while (i++ < 3) ;\nendmodule\n");
    assert!(err.contains("error[E0304]: an assignment inside this expression"), "{err}");
}

#[test]
fn runaway_constant_function_hits_the_step_limit() {
    let text = errors(
        "module t;\n  function integer f(input integer n); begin f = 0; while (1) f = f + 1; end endfunction\n  localparam X = f(3);\nendmodule\n",
    );
    assert!(text.starts_with("t.v:2:63: error[E0310]: constant function evaluation took too many steps\n"), "{text}");
}

#[test]
fn enum_name_is_a_string_value() {
    // `%s` of `.name()` prints the name unpadded, so display tasks must
    // see it as a `string` (1800-2017 6.19.5.6), unlike a plain vector.
    let d = ok("module t; typedef enum logic [1:0] {A, LONGER} e_t; e_t s; reg [47:0] v;\n\
                initial $display(\"%s %s\", s.name(), v); endmodule\n");
    let args: Vec<wsim_ir::ExprId> = d
        .stmts
        .iter()
        .find_map(|(_, s)| match &s.kind {
            wsim_ir::StmtKind::SysTask { name, args, .. } if name == "$display" => {
                Some(args.iter().flatten().copied().collect())
            }
            _ => None,
        })
        .expect("a $display");
    assert_eq!(args.len(), 3);
    assert!(d.is_string_literal(args[0]) && d.is_string_value(args[0]));
    assert!(d.is_string_value(args[1]) && !d.is_string_literal(args[1]), "{}", dump(&d));
    assert!(!d.is_string_value(args[2]));
}
