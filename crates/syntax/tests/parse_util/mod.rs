//! Shared helpers for the parser tests: lex + parse a snippet, render its
//! diagnostics in full, and print expressions as compact s-expressions so
//! tests can state the expected tree shape in one line.
#![allow(dead_code)]

use wsim_diag::{render, Diagnostics, SourceMap};
use wsim_syntax::ast::*;
use wsim_syntax::lexer::lex;
use wsim_syntax::parse;

/// Lex and parse `src` (file name `t.v`); returns the tree and every
/// lexer/parser diagnostic fully rendered.
pub fn parse_src(src: &str) -> (SourceUnit, String) {
    let mut sm = SourceMap::new();
    let file = sm.add("t.v", src);
    let (tokens, lex_diags) = lex(file, src);
    let (unit, parse_diags) = parse(&tokens);
    let mut all = Diagnostics::default();
    all.extend(lex_diags);
    all.extend(parse_diags);
    let text = all.list.iter().map(|d| render(&sm, d)).collect::<String>();
    (unit, text)
}

/// Parse and assert that there is no diagnostic at all.
pub fn parse_ok(src: &str) -> SourceUnit {
    let (unit, diags) = parse_src(src);
    assert!(diags.is_empty(), "unexpected diagnostics for:\n{src}\n{diags}");
    unit
}

/// Rendered diagnostics of `src` (must be non-empty).
pub fn errors(src: &str) -> String {
    let (_, diags) = parse_src(src);
    assert!(!diags.is_empty(), "expected diagnostics for:\n{src}");
    diags
}

/// The single module of `src`.
pub fn module(src: &str) -> ModuleDecl {
    let unit = parse_ok(src);
    let mut modules = unit.items.into_iter().filter_map(|i| match i {
        Item::Module(m) => Some(m),
        _ => None,
    });
    modules.next().expect("no module parsed")
}

/// Items of the single module of `src`.
pub fn items(src: &str) -> Vec<ModuleItem> {
    module(src).items
}

/// The items of `module m; <body> endmodule`.
pub fn body(body_src: &str) -> Vec<ModuleItem> {
    items(&format!("module m;\n{body_src}\nendmodule\n"))
}

/// The right-hand side of `assign x = <src>;` as an s-expression.
pub fn expr(src: &str) -> String {
    let it = body(&format!("assign x = {src};"));
    match &it[0] {
        ModuleItem::ContAssign(ca) => sexpr(&ca.assigns[0].1),
        other => panic!("not an assign: {other:?}"),
    }
}

/// The statements of `initial begin <src> end`.
pub fn stmts(src: &str) -> Vec<Stmt> {
    let it = body(&format!("initial begin\n{src}\nend"));
    match it.into_iter().next() {
        Some(ModuleItem::Process(p)) => match p.body.kind {
            StmtKind::Block { stmts, .. } => stmts,
            other => panic!("not a block: {other:?}"),
        },
        other => panic!("not a process: {other:?}"),
    }
}

/// The single statement `src` inside an initial block.
pub fn stmt(src: &str) -> StmtKind {
    let mut v = stmts(src);
    assert_eq!(v.len(), 1, "expected one statement in {src}: {v:?}");
    v.remove(0).kind
}

fn list(es: &[Expr]) -> String {
    es.iter().map(sexpr).collect::<Vec<_>>().join(" ")
}

fn args(es: &[Option<Expr>]) -> String {
    es.iter().map(|a| a.as_ref().map_or("_".to_string(), sexpr)).collect::<Vec<_>>().join(" ")
}

fn unop(op: UnaryOp) -> &'static str {
    use UnaryOp::*;
    match op {
        Plus => "+",
        Minus => "-",
        LogNot => "!",
        BitNot => "~",
        RedAnd => "&",
        RedNand => "~&",
        RedOr => "|",
        RedNor => "~|",
        RedXor => "^",
        RedXnor => "~^",
    }
}

pub fn type_str(t: &DataType) -> String {
    match t {
        DataType::Implicit { signed, packed, .. } => {
            format!("implicit{}{}", if *signed { " signed" } else { "" }, dims(packed))
        }
        DataType::Vector { kind, signed, packed, .. } => {
            format!("{kind:?}{}{}", if *signed { " signed" } else { "" }, dims(packed)).to_lowercase()
        }
        DataType::Atom { atom, signed, .. } => format!(
            "{atom:?}{}",
            match signed {
                Some(true) => " signed",
                Some(false) => " unsigned",
                None => "",
            }
        )
        .to_lowercase(),
        DataType::Named { package, name, packed, .. } => {
            format!(
                "{}{}{}",
                package.as_ref().map_or(String::new(), |p| format!("{}::", p.name)),
                name.name,
                dims(packed)
            )
        }
        DataType::Enum(e) => format!(
            "enum({}){{{}}}",
            e.base.as_ref().map_or("int".into(), type_str),
            e.members
                .iter()
                .map(|m| match &m.init {
                    Some(i) => format!("{}={}", m.name.name, sexpr(i)),
                    None => m.name.name.clone(),
                })
                .collect::<Vec<_>>()
                .join(",")
        ),
        DataType::Struct(s) => format!(
            "{}{}{{{}}}",
            if s.is_union { "union" } else { "struct" },
            if s.packed { " packed" } else { "" },
            s.members
                .iter()
                .map(|m| format!(
                    "{} {}",
                    type_str(&m.ty),
                    m.declarators.iter().map(|d| d.name.name.clone()).collect::<Vec<_>>().join(",")
                ))
                .collect::<Vec<_>>()
                .join(";")
        ),
        other => format!("{other:?}").split_whitespace().next().unwrap_or("").to_lowercase(),
    }
}

pub fn dims(r: &[Range]) -> String {
    r.iter()
        .map(|r| match r {
            Range::Bounds { msb, lsb, .. } => format!("[{}:{}]", sexpr(msb), sexpr(lsb)),
            Range::Size { size, .. } => format!("[{}]", sexpr(size)),
            Range::Unsized { .. } => "[]".to_string(),
            Range::Queue { bound: None, .. } => "[$]".to_string(),
            Range::Queue { bound: Some(b), .. } => format!("[$:{}]", sexpr(b)),
            Range::Assoc { key: None, .. } => "[*]".to_string(),
            Range::Assoc { key: Some(_), .. } => "[type]".to_string(),
        })
        .collect()
}

/// Compact s-expression of an expression: `(+ a (* b c))`, `8'hff`, `a[3]`...
pub fn sexpr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Number(n) => {
            let base = match n.base {
                None => "",
                Some(Base::Binary) => "b",
                Some(Base::Octal) => "o",
                Some(Base::Decimal) => "d",
                Some(Base::Hex) => "h",
            };
            let size = n.size.map_or(String::new(), |s| s.to_string());
            if n.base.is_none() {
                n.digits.clone()
            } else {
                format!("{size}'{}{base}{}", if n.signed { "s" } else { "" }, n.digits)
            }
        }
        ExprKind::Real(v) => format!("{v:?}"),
        ExprKind::Time { value, unit } => format!("{value}e{unit}s"),
        ExprKind::UnbasedUnsized(c) => format!("'{c}"),
        ExprKind::String(s) => format!("{s:?}"),
        ExprKind::Ident { package, name } => match package {
            Some(p) => format!("{}::{}", p.name, name.name),
            None => name.name.clone(),
        },
        ExprKind::Index { base, index } => format!("{}[{}]", sexpr(base), sexpr(index)),
        ExprKind::Range { base, kind, left, right } => {
            let k = match kind {
                RangeKind::Const => ":",
                RangeKind::PlusUp => "+:",
                RangeKind::MinusDown => "-:",
            };
            format!("{}[{}{k}{}]", sexpr(base), sexpr(left), sexpr(right))
        }
        ExprKind::Member { base, name } => format!("{}.{}", sexpr(base), name.name),
        ExprKind::Unary { op, expr } => format!("({} {})", unop(*op), sexpr(expr)),
        ExprKind::Binary { op, lhs, rhs } => {
            format!("({} {} {})", op.text(), sexpr(lhs), sexpr(rhs))
        }
        ExprKind::Cond { cond, then_expr, else_expr } => {
            format!("(? {} {} {})", sexpr(cond), sexpr(then_expr), sexpr(else_expr))
        }
        ExprKind::Concat(es) => format!("{{{}}}", list(es)),
        ExprKind::Replicate { count, exprs } => format!("{{{} {{{}}}}}", sexpr(count), list(exprs)),
        ExprKind::Call { name, args: a } => format!("(call {} {})", sexpr(name), args(a)).replace(" )", ")"),
        ExprKind::SysCall { name, args: a } => format!("({name} {})", args(a)).replace(" )", ")"),
        ExprKind::MethodCall { base, method, args: a } => {
            format!("(method {} {} {})", sexpr(base), method.name, args(a)).replace(" )", ")")
        }
        ExprKind::Cast { ty, expr } => {
            let t = match &**ty {
                CastType::Type(t) => type_str(t),
                CastType::Size(s) => sexpr(s),
                CastType::Signed => "signed".into(),
                CastType::Unsigned => "unsigned".into(),
            };
            format!("(cast {t} {})", sexpr(expr))
        }
        ExprKind::AssignPattern(items) => format!(
            "'{{{}}}",
            items
                .iter()
                .map(|(k, v)| match k {
                    Some(k) => format!("{}:{}", sexpr(k), sexpr(v)),
                    None => sexpr(v),
                })
                .collect::<Vec<_>>()
                .join(" ")
        ),
        ExprKind::IncDec { increment, prefix, expr } => {
            let op = if *increment { "++" } else { "--" };
            if *prefix {
                format!("({op}pre {})", sexpr(expr))
            } else {
                format!("({op}post {})", sexpr(expr))
            }
        }
        ExprKind::AssignExpr { op, lhs, rhs } => {
            format!("(= {op:?} {} {})", sexpr(lhs), sexpr(rhs))
        }
        ExprKind::MinTypMax(a, b, c) => format!("(mtm {} {} {})", sexpr(a), sexpr(b), sexpr(c)),
        ExprKind::Inside { expr, set } => format!("(inside {} {})", sexpr(expr), list(set)),
        ExprKind::ValueRange { lo, hi } => format!("[{}:{}]", sexpr(lo), sexpr(hi)),
        ExprKind::NamedArg { name, value } => {
            format!(".{}({})", name.name, value.as_ref().map_or(String::new(), |v| sexpr(v)))
        }
        ExprKind::NewArray { size, init } => match init {
            Some(i) => format!("(new[{}] {})", sexpr(size), sexpr(i)),
            None => format!("(new[{}])", sexpr(size)),
        },
        ExprKind::With { call, cond } => format!("(with {} {})", sexpr(call), sexpr(cond)),
        ExprKind::Stream { right_to_left, slice, items } => {
            let dir = if *right_to_left { "<<" } else { ">>" };
            let sl = match slice.as_deref() {
                Some(wsim_syntax::ast::StreamSlice::Size(e)) => format!(" {}", sexpr(e)),
                Some(wsim_syntax::ast::StreamSlice::Type(t)) => format!(" {}", type_str(t)),
                None => String::new(),
            };
            format!("{{{dir}{sl} {{{}}}}}", list(items))
        }
        ExprKind::Tagged { member, value } => match value {
            Some(v) => format!("(tagged {} {})", member.name, sexpr(v)),
            None => format!("(tagged {})", member.name),
        },
        ExprKind::Dollar => "$".into(),
        ExprKind::New { args: a, .. } => format!("(new {})", args(a)).replace(" )", ")"),
        ExprKind::NewCopy(src) => format!("(new {})", sexpr(src)),
        ExprKind::ClassScoped { name, .. } => format!("(class::{})", name.name),
        ExprKind::Null => "null".into(),
        ExprKind::Error => "<error>".into(),
    }
}

/// Preprocess (so directives reach the parser) and parse `src`; asserts
/// that nothing was reported.
pub fn parse_pp_ok(src: &str) -> SourceUnit {
    use wsim_syntax::{preprocess, FsLoader};
    let mut sm = SourceMap::new();
    let file = sm.add("t.v", src);
    let (tokens, pp_diags) = preprocess(&mut sm, &[file], &sv_options(), &FsLoader);
    let (unit, parse_diags) = parse(&tokens);
    let mut all = Diagnostics::default();
    all.extend(pp_diags);
    all.extend(parse_diags);
    let text = all.list.iter().map(|d| render(&sm, d)).collect::<String>();
    assert!(text.is_empty(), "unexpected diagnostics:\n{text}");
    unit
}

/// The snippets are SystemVerilog but named `t.v`: force the 1800-2017
/// keyword set (a `.v` name alone would select Verilog-2005 keywords).
fn sv_options() -> wsim_syntax::PpOptions {
    wsim_syntax::PpOptions { language: Some(wsim_syntax::preprocess::Language::Sv2017), ..Default::default() }
}
