//! Error reporting and recovery: the full rendered diagnostic text
//! (location, message, source line, caret) and that parsing continues.
mod parse_util;
use parse_util::*;
use wsim_syntax::ast::*;

fn check(src: &str, expected: &str) {
    assert_eq!(errors(src), expected, "source:\n{src}");
}

#[test]
fn missing_expression() {
    check(
        "module t;\nassign x = ;\nendmodule\n",
        "t.v:2:12: error[E0201]: expected expression, found `;`\n 2 | assign x = ;\n   |            ^\n",
    );
}

#[test]
fn missing_semicolon_points_at_next_token() {
    check(
        "module t;\nwire a\nwire b;\nendmodule\n",
        "t.v:3:1: error[E0201]: expected `;`, found `wire`\n 3 | wire b;\n   | ^^^^\n",
    );
    check(
        "module t;\nalways @(posedge clk)\n  if (a) x <= 1\n  else x <= 0;\nendmodule\n",
        "t.v:4:3: error[E0201]: expected `;`, found `else`\n 4 |   else x <= 0;\n   |   ^^^^\n",
    );
}

#[test]
fn mismatched_end_labels() {
    check(
        "module t;\ninitial begin : a\nend : b\nendmodule\n",
        "t.v:3:7: error[E0204]: end label `b` does not match `a`\n 3 | end : b\n   |       ^\n",
    );
    check(
        "module t;\nendmodule : u\n",
        "t.v:2:13: error[E0204]: end label `u` does not match `t`\n 2 | endmodule : u\n   |             ^\n",
    );
    check(
        "module t;\ninitial begin\nend : b\nendmodule\n",
        "t.v:3:7: error[E0204]: end label `b` given but the block has no name\n 3 | end : b\n   |       ^\n",
    );
}

#[test]
fn malformed_numbers() {
    check(
        "module t;\nassign x = 4'b102;\nendmodule\n",
        "t.v:2:12: error[E0203]: malformed based literal `'b102`\n 2 | assign x = 4'b102;\n   |            ^^^^^^\n",
    );
    check(
        "module t;\ninitial x = 0'h1;\nendmodule\n",
        "t.v:2:13: error[E0203]: literal size `0` must be between 1 and 4294967295\n 2 | initial x = 0'h1;\n   |             ^\n",
    );
}

#[test]
fn missing_end_keywords() {
    check("module t;\nwire a;\n", "t.v:3:1: error[E0201]: expected `endmodule`, found end of input\n 3 | \n   | ^\n");
    check(
        "module t;\ninitial begin\ncase (a)\n1: x = 1;\nendmodule\n",
        "t.v:5:1: error[E0201]: expected `endcase`, found `endmodule`\n 5 | endmodule\n   | ^^^^^^^^^\n",
    );
}

#[test]
fn empty_concatenation_is_an_empty_queue() {
    // `{}` is the empty queue (IEEE 1800-2017 7.10); elaboration rejects it
    // where no queue is expected.
    let (_, diags) = parse_src("module t;\nassign x = {};\nendmodule\n");
    assert!(diags.is_empty());
}

#[test]
fn recovery_keeps_later_items_and_modules() {
    let src = "module t(input a;\nendmodule\nmodule u; wire w; endmodule\n";
    let (unit, diags) = parse_src(src);
    assert_eq!(
        diags,
        "t.v:1:17: error[E0201]: expected `)`, found `;`\n 1 | module t(input a;\n   |                 ^\n"
    );
    let names: Vec<&str> = unit
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Module(m) => Some(m.name.name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(names, ["t", "u"]);

    let src = "module t;\ninitial begin\n  x = (a + ;\n  y = 1;\nend\nwire z;\nendmodule\n";
    let (unit, diags) = parse_src(src);
    assert_eq!(diags, "t.v:3:12: error[E0201]: expected expression, found `;`\n 3 |   x = (a + ;\n   |            ^\n");
    let Item::Module(m) = &unit.items[0] else { panic!() };
    assert_eq!(m.items.len(), 2, "{:?}", m.items);
    let ModuleItem::Process(p) = &m.items[0] else { panic!() };
    let StmtKind::Block { stmts, .. } = &p.body.kind else { panic!() };
    assert!(matches!(&stmts.last().unwrap().kind, StmtKind::Assign { lhs, .. } if sexpr(lhs) == "y"));
}

#[test]
fn unterminated_port_connection_list() {
    let src = "module t;\n  sub u1 (.a(x), .b(y);\n  wire w;\nendmodule\n";
    let (unit, diags) = parse_src(src);
    assert_eq!(
        diags,
        "t.v:2:23: error[E0201]: expected `)`, found `;`\n 2 |   sub u1 (.a(x), .b(y);\n   |                       ^\n"
    );
    let Item::Module(m) = &unit.items[0] else { panic!() };
    assert!(matches!(&m.items[1], ModuleItem::Net(_)));
}

#[test]
fn stray_tokens_at_top_level() {
    check(
        "endmodule\nmodule t; endmodule\n",
        "t.v:1:1: error[E0201]: expected a module, package or declaration, found `endmodule`\n 1 | endmodule\n   | ^^^^^^^^^\n",
    );
    check(
        "module t;\n  x = 1;\nendmodule\n",
        "t.v:2:3: error[E0201]: expected module item, found `x`\n 2 |   x = 1;\n   |   ^\n",
    );
}

#[test]
fn a_data_type_as_an_expression_is_one_unsupported_diagnostic() {
    // (`new`, `new(args)` and `new[n]` all parse now: classes, dynamic arrays.)
    check(
        "module t;\ninitial x = $bits(logic [3:0]);\nendmodule\n",
        "t.v:2:19: error[E0202]: a data type as an expression (e.g. `$bits(int)`) is not supported\n 2 | initial x = $bits(logic [3:0]);\n   |                   ^^^^^^^^^^^\n",
    );
}

#[test]
fn a_newer_keyword_used_as_a_name_is_named_and_read_as_the_name() {
    // Icarus and Verilator reject these too; the rest of the header parses.
    check(
        "module cell(input a, output y);\nendmodule\n",
        "t.v:1:8: error[E0201]: expected module name, found `cell`, a reserved word since IEEE 1364-2001\n 1 | module cell(input a, output y);\n   |        ^^^^\n",
    );
    check(
        "module t;\nreg logic;\nendmodule\n",
        "t.v:2:5: error[E0201]: expected identifier, found `logic`, a reserved word since IEEE 1800-2005\n 2 | reg logic;\n   |     ^^^^^\n",
    );
}

#[test]
fn an_item_that_starts_with_a_stray_keyword_is_skipped_to_its_semicolon_only() {
    // The item after it parses: recovery used to swallow its first token.
    check(
        "module t;\nlibrary x;\ninitial #1 a = 1;\nendmodule\n",
        "t.v:2:1: error[E0201]: expected module item, found `library`\n 2 | library x;\n   | ^^^^^^^\n",
    );
}
