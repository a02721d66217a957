//! `timescale`, `default_nettype` and `resetall` reaching the parser as
//! directive tokens and being captured by the modules that follow them.
mod parse_util;
use parse_util::*;
use wsim_syntax::ast::*;

fn modules(unit: &SourceUnit) -> Vec<(String, Option<Timescale>, Option<NetType>)> {
    unit.items
        .iter()
        .filter_map(|i| match i {
            Item::Module(m) => Some((m.name.name.clone(), m.timescale, m.default_nettype)),
            _ => None,
        })
        .collect()
}

#[test]
fn timescale_and_default_nettype_apply_to_following_modules() {
    let unit = parse_pp_ok(
        "module a; endmodule
`timescale 1ns/1ps
module b; endmodule
`default_nettype none
`timescale 10ns / 100ps
`celldefine
module c; endmodule
`endcelldefine
`default_nettype tri
`timescale 1s/1s
module d; endmodule
`resetall
module e; endmodule
",
    );
    let ts = |unit: i8, precision: i8| Some(Timescale { unit, precision });
    assert_eq!(
        modules(&unit),
        [
            ("a".to_string(), None, Some(NetType::Wire)),
            ("b".to_string(), ts(-9, -12), Some(NetType::Wire)),
            ("c".to_string(), ts(-8, -10), None),
            ("d".to_string(), ts(0, 0), Some(NetType::Tri)),
            ("e".to_string(), None, Some(NetType::Wire)),
        ]
    );
}

#[test]
fn directive_inside_a_module_body_is_transparent() {
    let unit = parse_pp_ok(
        "module a;\nwire x;\n`celldefine\nassign x = 1;\nendmodule\n`timescale 100us/1us\nmodule b; endmodule\n",
    );
    assert_eq!(modules(&unit)[1].1, Some(Timescale { unit: -4, precision: -6 }));
    let Item::Module(a) = &unit.items[0] else { panic!() };
    assert_eq!(a.items.len(), 2);
}
