//! User-defined primitives: headers in both port styles, declarations, the
//! `initial` statement, every table symbol, and malformed tables (E0205).
mod parse_util;
use parse_util::*;
use wsim_syntax::ast::*;

fn udp(src: &str) -> UdpDecl {
    let unit = parse_ok(src);
    unit.items
        .into_iter()
        .find_map(|i| match i {
            Item::Primitive(u) => Some(u),
            _ => None,
        })
        .expect("no primitive parsed")
}

fn names(ids: &[Ident]) -> Vec<&str> {
    ids.iter().map(|i| i.name.as_str()).collect()
}

#[test]
fn combinational_non_ansi() {
    let u = udp("primitive mux (y, s, a, b);
           output y; input s, a; input b;
           table
             0 0 ? : 0;
             0 1 ? : 1;
             1 ? b : x;
           endtable
         endprimitive");
    assert_eq!(u.name.name, "mux");
    assert_eq!(u.output.name, "y");
    assert_eq!(names(&u.inputs), ["s", "a", "b"]);
    assert!(!u.sequential && u.init.is_none());
    assert_eq!(u.rows.len(), 3);
    use UdpInput::Level as L;
    assert_eq!(u.rows[2].inputs, [L(UdpLevel::One), L(UdpLevel::Any), L(UdpLevel::Bin)]);
    assert_eq!(u.rows[2].state, None);
    assert_eq!(u.rows[2].output, UdpOutput::X);
}

#[test]
fn inputs_take_port_list_order() {
    let u = udp("primitive p (y, a, b); output y; input b; input a;
           table 0 1 : 1; endtable endprimitive");
    assert_eq!(names(&u.inputs), ["a", "b"]);
}

#[test]
fn sequential_ansi_with_initial_value() {
    let u = udp("primitive t (output reg q = 1'b1, input c, d);
           table (01) ? : ? : -; endtable endprimitive");
    assert!(u.sequential);
    assert_eq!(names(&u.inputs), ["c", "d"]);
    assert!(u.init.is_some());
}

#[test]
fn sequential_body_reg_and_initial() {
    for decl in ["output q; reg q;", "output reg q;"] {
        let src = format!(
            "primitive ff (q, c, d); {decl} input c, d; initial q = 0;
               table r 1 : ? : 1; endtable endprimitive"
        );
        let u = udp(&src);
        assert!(u.sequential, "{decl}");
        assert!(u.init.is_some(), "{decl}");
    }
}

#[test]
fn every_edge_symbol() {
    let u = udp("primitive e (q, a, b); output q; reg q; input a, b;
           table
             r ? : ? : 1;
             f ? : ? : 0;
             p 0 : 0 : 1;
             n 1 : 1 : 0;
             * 0 : ? : -;
             ? (bx) : ? : x;
             (?0) 1 : b : -;
             0(01) : x : 1;
           endtable endprimitive");
    use UdpInput::*;
    use UdpLevel::*;
    let firsts: Vec<UdpInput> = u.rows.iter().map(|r| r.inputs[0]).collect();
    assert_eq!(
        firsts,
        [Edge(Zero, One), Edge(One, Zero), Posedge, Negedge, Edge(Any, Any), Level(Any), Edge(Any, Zero), Level(Zero)]
    );
    assert_eq!(u.rows[5].inputs[1], Edge(Bin, X));
    assert_eq!(u.rows[7].inputs[1], Edge(Zero, One));
    assert_eq!(u.rows[6].state, Some(Bin));
    assert_eq!(u.rows[4].output, UdpOutput::NoChange);
}

#[test]
fn primitive_and_module_in_one_file() {
    let unit = parse_ok(
        "module t; wire y; inv u (y, 1'b0); endmodule
         primitive inv (y, a); output y; input a; table 0 : 1; 1 : 0; endtable endprimitive",
    );
    assert!(matches!(unit.items[0], Item::Module(_)));
    assert!(matches!(unit.items[1], Item::Primitive(_)));
}

#[test]
fn wrong_entry_count_is_e0205() {
    let e = errors("primitive p (y, a, b); output y; input a, b; table 0 1 1 : 1; endtable endprimitive");
    assert!(e.contains("error[E0205]: this table row has 3 input entries; the primitive has 2 inputs"), "{e}");
}

#[test]
fn edge_in_combinational_is_e0205() {
    let e = errors("primitive p (y, a); output y; input a; table r : 1; endtable endprimitive");
    assert!(e.contains("error[E0205]: an edge is only allowed in a sequential primitive's table"), "{e}");
}

#[test]
fn bad_symbols_are_e0205() {
    let e = errors("primitive p (q, a); output q; reg q; input a; table (0z) : ? : 1; endtable endprimitive");
    assert!(e.contains("error[E0205]: an edge is `(vw)`"), "{e}");
    let e = errors("primitive p (q, a); output q; reg q; input a; table 0 : - : 1; endtable endprimitive");
    assert!(e.contains("error[E0205]: `-` is not allowed as the current state"), "{e}");
    let e = errors("primitive p (q, a); output q; reg q; input a; table 0 : 1 : b; endtable endprimitive");
    assert!(e.contains("error[E0205]: `b` is not allowed as the output"), "{e}");
}

#[test]
fn missing_output_and_empty_table_are_e0205() {
    let e = errors("primitive p (y, a); input a; table endtable endprimitive");
    assert!(e.contains("primitive `p` declares no output"), "{e}");
    assert!(e.contains("primitive `p` has no table rows"), "{e}");
}

#[test]
fn initial_value_needs_a_sequential_primitive() {
    let e = errors("primitive p (y, a); output y; input a; initial y = 0; table 0 : 1; endtable endprimitive");
    assert!(e.contains("error[E0205]: only a sequential primitive"), "{e}");
}

#[test]
fn missing_semicolon_in_table_recovers() {
    let (unit, diags) = parse_src(
        "primitive p (y, a); output y; input a; table 0 : 1 endtable endprimitive
         module t; endmodule",
    );
    assert!(diags.contains("error[E0201]"), "{diags}");
    assert!(unit.items.iter().any(|i| matches!(i, Item::Module(_))));
}

#[test]
fn unnamed_instances_and_strengths() {
    let items = items(
        "module t; wire y, z; reg a;
           inv (y, a), u2 (z, y);
           inv (strong0, weak1) #2 (z, a);
         endmodule",
    );
    let insts: Vec<&Instantiation> = items
        .iter()
        .filter_map(|i| match i {
            ModuleItem::Instance(x) => Some(x),
            _ => None,
        })
        .collect();
    assert_eq!(insts.len(), 2);
    let names: Vec<&str> = insts[0].instances.iter().map(|i| i.name.name.as_str()).collect();
    assert_eq!(names, ["", "u2"]);
    assert_eq!(insts[0].instances[0].conns.len(), 2);
    assert_eq!(insts[1].params.len(), 1, "the delay after the strength");
    assert_eq!(insts[1].instances[0].name.name, "");
}
