//! Expression parsing: precedence and associativity (IEEE 1800-2017 Table
//! 11-2), literals, selects, calls, casts, concatenations and patterns.
mod parse_util;
use parse_util::*;

#[test]
fn arithmetic_precedence_and_associativity() {
    assert_eq!(expr("a*b+c"), "(+ (* a b) c)");
    assert_eq!(expr("a+b*c"), "(+ a (* b c))");
    assert_eq!(expr("a - b - c"), "(- (- a b) c)");
    assert_eq!(expr("a / b % c"), "(% (/ a b) c)");
    assert_eq!(expr("(a + b) * c"), "(* (+ a b) c)");
}

#[test]
fn power_is_left_associative_and_below_unary() {
    assert_eq!(expr("-a ** b"), "(** (- a) b)");
    assert_eq!(expr("a ** b ** c"), "(** (** a b) c)");
    assert_eq!(expr("a * b ** c"), "(* a (** b c))");
}

#[test]
fn conditional_is_right_associative() {
    assert_eq!(expr("a ? b : c ? d : e"), "(? a b (? c d e))");
    assert_eq!(expr("a ? b ? c : d : e"), "(? a (? b c d) e)");
    assert_eq!(expr("a || b ? c : d"), "(? (|| a b) c d)");
}

#[test]
fn bitwise_logical_and_shift_levels() {
    assert_eq!(expr("a & b | c ^ d"), "(| (& a b) (^ c d))");
    assert_eq!(expr("a == b && c"), "(&& (== a b) c)");
    assert_eq!(expr("a << 2 + 1"), "(<< a (+ 2 1))");
    assert_eq!(expr("a || b && c"), "(|| a (&& b c))");
    assert_eq!(expr("a < b == c > d"), "(== (< a b) (> c d))");
    assert_eq!(expr("a ~^ b ^~ c"), "(~^ (~^ a b) c)");
    assert_eq!(expr("a === b !== c"), "(!== (=== a b) c)");
    assert_eq!(expr("a ==? b"), "(==? a b)");
    assert_eq!(expr("a >>> 1 <<< 2"), "(<<< (>>> a 1) 2)");
    assert_eq!(expr("a -> b -> c"), "(-> a (-> b c))");
}

#[test]
fn le_inside_expression_is_a_comparison() {
    assert_eq!(expr("a <= b"), "(<= a b)");
    let s = stmt("x <= a <= b;");
    match s {
        wsim_syntax::ast::StmtKind::Assign { nonblocking, rhs, .. } => {
            assert!(nonblocking);
            assert_eq!(sexpr(&rhs), "(<= a b)");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unary_and_reduction_operators() {
    assert_eq!(expr("~&a"), "(~& a)");
    assert_eq!(expr("!a && ^b"), "(&& (! a) (^ b))");
    assert_eq!(expr("-(-a)"), "(- (- a))");
    assert_eq!(expr("~|a[3]"), "(~| a[3])");
    assert_eq!(expr("a & ~b"), "(& a (~ b))");
}

#[test]
fn number_literals() {
    assert_eq!(expr("8'hFF"), "8'hff");
    assert_eq!(expr("4'b10_1x"), "4'b101x");
    assert_eq!(expr("'hAB"), "'hab");
    assert_eq!(expr("8'sd_3"), "8'sd3");
    assert_eq!(expr("16 'h z"), "16'hz");
    assert_eq!(expr("1_000"), "1000");
    assert_eq!(expr("'1"), "'1");
    assert_eq!(expr("'z"), "'z");
    assert_eq!(expr("1.5e3"), "1500.0");
    assert_eq!(expr("10ns"), "10e-9s");
    assert_eq!(expr("2.5us"), "2.5e-6s");
}

#[test]
fn string_escapes_are_processed() {
    assert_eq!(expr(r#""a\n\t\\\"\101\x42""#), format!("{:?}", "a\n\t\\\"AB"));
}

#[test]
fn selects_members_and_calls() {
    assert_eq!(expr("a[3]"), "a[3]");
    assert_eq!(expr("a[7:0]"), "a[7:0]");
    assert_eq!(expr("a[i+:8]"), "a[i+:8]");
    assert_eq!(expr("a[i-:8]"), "a[i-:8]");
    assert_eq!(expr("a.b[2].c"), "a.b[2].c");
    assert_eq!(expr("m[1][2]"), "m[1][2]");
    assert_eq!(expr("f(a, b)"), "(call f a b)");
    assert_eq!(expr("f()"), "(call f)");
    assert_eq!(expr("f(a, , b)"), "(call f a _ b)");
    assert_eq!(expr("u.f(x)"), "(call u.f x)");
    assert_eq!(expr("f(.a(1), .b(), .c(x + 1))"), "(call f .a(1) .b() .c((+ x 1)))");
    assert_eq!(expr("pkg::C + 1"), "(+ pkg::C 1)");
    assert_eq!(expr("pkg::f(1)"), "(call pkg::f 1)");
}

#[test]
fn system_calls_and_methods() {
    assert_eq!(expr("$time"), "($time)");
    assert_eq!(expr("$clog2(W) - 1"), "(- ($clog2 W) 1)");
    assert_eq!(expr("$signed(a) >>> 2"), "(>>> ($signed a) 2)");
    assert_eq!(expr("e.name()"), "(method e name)");
    assert_eq!(expr("e.next(2)"), "(method e next 2)");
    assert_eq!(expr("q.size() - 1"), "(- (method q size) 1)");
    assert_eq!(expr("s.next"), "s.next");
}

#[test]
fn casts() {
    assert_eq!(expr("int'(x)"), "(cast int x)");
    assert_eq!(expr("8'(x + 1)"), "(cast 8 (+ x 1))");
    assert_eq!(expr("(W+1)'(x)"), "(cast (+ W 1) x)");
    assert_eq!(expr("signed'(x)"), "(cast signed x)");
    assert_eq!(expr("unsigned'(x)"), "(cast unsigned x)");
    assert_eq!(expr("state_t'(x)"), "(cast state_t x)");
    assert_eq!(expr("p::t'(x)"), "(cast p::t x)");
    assert_eq!(expr("logic [7:0]'(x)"), "(cast logic[7:0] x)");
}

#[test]
fn concatenation_replication_and_patterns() {
    assert_eq!(expr("{a, b[1:0], 2'b01}"), "{a b[1:0] 2'b01}");
    assert_eq!(expr("{4{a}}"), "{4 {a}}");
    assert_eq!(expr("{2{a, b}}"), "{2 {a b}}");
    assert_eq!(expr("{a, {3{b}}}"), "{a {3 {b}}}");
    assert_eq!(expr("'{a, b}"), "'{a b}");
    assert_eq!(expr("'{default: 0}"), "'{default:0}");
    assert_eq!(expr("'{x: 1, y: 2}"), "'{x:1 y:2}");
    assert_eq!(expr("'{4{1'b0}}"), "'{{4 {1'b0}}}");
    assert_eq!(expr("pair_t'{hi: 1, default: '0}"), "(cast pair_t '{hi:1 default:'0})");
    assert_eq!(expr("p::t'{1, 2}"), "(cast p::t '{1 2})");
    assert_eq!(expr("int'{0}"), "(cast int '{0})");
}

#[test]
fn inside_min_typ_max_dollar_and_null() {
    assert_eq!(expr("a inside {1, [3:5], b}"), "(inside a 1 [3:5] b)");
    assert_eq!(expr("a inside {[0:$]} && c"), "(&& (inside a [0:$]) c)");
    assert_eq!(expr("(1:2:3)"), "(mtm 1 2 3)");
    assert_eq!(expr("q[$]"), "q[$]");
    assert_eq!(expr("null"), "null");
}

#[test]
fn increment_in_expressions() {
    assert_eq!(expr("a[i++]"), "a[(++post i)]");
    assert_eq!(expr("--j"), "(--pre j)");
}

#[test]
fn casts_as_call_arguments() {
    assert_eq!(expr("f(real'(a) / real'(b), 2)"), "(call f (/ (cast real a) (cast real b)) 2)");
}

#[test]
fn long_conditional_chains_do_not_hit_the_nesting_limit() {
    use wsim_syntax::ast::{ExprKind, ModuleItem};
    let arms: String = (0..1000).map(|i| format!("s == {i} ? {i} : ")).collect();
    let it = body(&format!("assign x = {arms}0;"));
    let ModuleItem::ContAssign(ca) = &it[0] else { panic!() };
    // Walk the else-chain iteratively (the tree is 1000 deep).
    let mut cur = &ca.assigns[0].1;
    let mut arm = 0;
    while let ExprKind::Cond { cond, then_expr, else_expr } = &cur.kind {
        assert_eq!((sexpr(cond), sexpr(then_expr)), (format!("(== s {arm})"), arm.to_string()));
        arm += 1;
        cur = else_expr;
    }
    assert_eq!((arm, sexpr(cur)), (1000, "0".to_string()));
    assert_eq!(expr("a ? b : c -> d"), "(-> (? a b c) d)");
}

#[test]
fn attributes_inside_expressions_are_skipped() {
    assert_eq!(expr("a + (* ripple *) b"), "(+ a b)");
    assert_eq!(expr("f (* comb *) (a, b)"), "(call f a b)");
    assert_eq!(expr("b ? (* no_glitch *) c : d"), "(? b c d)");
    assert_eq!(expr("- (* x *) a"), "(- a)");
}
