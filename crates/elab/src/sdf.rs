//! Reading Standard Delay Format files (IEEE 1497-2001) for `$sdf_annotate`.
//!
//! An SDF file is a tree of parenthesised lists. It is read in two steps:
//! [`tokenize`] + [`tree`] turn the text into [`Node`]s (comments, quoted
//! strings and `\` escapes handled once), and [`parse`] interprets the
//! `DELAYFILE`: its header (`TIMESCALE`, `DIVIDER`; the other header
//! entries are informative), and each `CELL`'s `INSTANCE` and `DELAY`
//! entries. What wsim applies is kept as [`Entry::IoPath`]; constructs it
//! reads but does not apply become [`Entry::Ignored`] with their name so
//! the caller can report them. `TIMINGCHECK` entries are read and dropped
//! on purpose: wsim performs no timing checks (docs/specify.md), and
//! `PATHPULSE`/`PATHPULSEPERCENT` are read and dropped like Icarus does
//! (path outputs keep the default pulse limits, equal to the delay).

/// Which value of a `min:typ:max` triple is used (`-T`, like Icarus).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DelaySelection {
    Min,
    #[default]
    Typ,
    Max,
}

impl DelaySelection {
    /// Pick one of three values.
    pub fn pick<T>(self, min: T, typ: T, max: T) -> T {
        match self {
            DelaySelection::Min => min,
            DelaySelection::Typ => typ,
            DelaySelection::Max => max,
        }
    }
}

/// A parsed SDF file, as far as wsim uses it.
#[derive(Debug, Default)]
pub struct SdfFile {
    /// Seconds per SDF time unit (`TIMESCALE`; 1 ns when absent, 1497 5.3).
    /// Checked and kept; the annotation reads values in the cell module's
    /// unit like Icarus does (`specify.rs`).
    pub seconds_per_unit: f64,
    pub cells: Vec<Cell>,
}

#[derive(Debug)]
pub struct Cell {
    pub celltype: String,
    /// Hierarchical instance path below the annotated scope: empty for
    /// `(INSTANCE)` (the scope itself), `None` for the `*` wildcard.
    pub instance: Option<Vec<String>>,
    pub line: u32,
    pub entries: Vec<Entry>,
}

/// The edge an `IOPATH` input names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PortEdge {
    Pos,
    Neg,
}

#[derive(Debug)]
pub enum Entry {
    /// `(IOPATH [(edge] in [)] out v1 v2 ...)` inside `ABSOLUTE` or
    /// `INCREMENT`; each value is the selected one of its triple, `None`
    /// when empty (`()`: keep the current delay).
    IoPath { increment: bool, edge: Option<PortEdge>, src: String, dst: String, values: Vec<Option<f64>>, line: u32 },
    /// Read but not applied (named, e.g. "COND IOPATH", "INTERCONNECT").
    Ignored { what: String, line: u32 },
}

/// An SDF syntax or content error: the line and the message.
#[derive(Debug, PartialEq)]
pub struct SdfError {
    pub line: u32,
    pub message: String,
}

fn err<T>(line: u32, message: impl Into<String>) -> Result<T, SdfError> {
    Err(SdfError { line, message: message.into() })
}

// ---------------------------------------------------------------- tokens

#[derive(Debug, PartialEq)]
enum Tok {
    Open,
    Close,
    /// A quoted string (contents).
    Str(String),
    /// Anything else up to white space or a parenthesis, with its `\`
    /// escapes still in place (they matter when splitting paths).
    Atom(String),
}

fn tokenize(text: &str) -> Result<Vec<(Tok, u32)>, SdfError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0usize, 1u32);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            c if c.is_whitespace() => i += 1,
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let start = line;
                i += 2;
                loop {
                    match chars.get(i) {
                        None => return err(start, "unterminated `/*` comment"),
                        Some('*') if chars.get(i + 1) == Some(&'/') => break,
                        Some('\n') => line += 1,
                        _ => {}
                    }
                    i += 1;
                }
                i += 2;
            }
            '(' => {
                out.push((Tok::Open, line));
                i += 1;
            }
            ')' => {
                out.push((Tok::Close, line));
                i += 1;
            }
            '"' => {
                let start = line;
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return err(start, "unterminated string"),
                        Some('"') => break,
                        Some('\\') if i + 1 < chars.len() => {
                            s.push(chars[i + 1]);
                            i += 1;
                        }
                        Some(&ch) => {
                            if ch == '\n' {
                                line += 1;
                            }
                            s.push(ch);
                        }
                    }
                    i += 1;
                }
                i += 1;
                out.push((Tok::Str(s), start));
            }
            _ => {
                let mut s = String::new();
                while let Some(&ch) = chars.get(i) {
                    if ch == '\\' && i + 1 < chars.len() {
                        s.push('\\');
                        s.push(chars[i + 1]);
                        i += 2;
                        continue;
                    }
                    if ch.is_whitespace() || ch == '(' || ch == ')' || ch == '"' {
                        break;
                    }
                    s.push(ch);
                    i += 1;
                }
                out.push((Tok::Atom(s), line));
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------- tree

#[derive(Debug)]
enum Node {
    List(Vec<Node>, u32),
    Str(String, u32),
    Atom(String, u32),
}

impl Node {
    fn line(&self) -> u32 {
        match self {
            Node::List(_, l) | Node::Str(_, l) | Node::Atom(_, l) => *l,
        }
    }
    /// The keyword of a list (`(CELL ...)` -> "CELL"), upper-cased.
    fn head(&self) -> Option<String> {
        match self {
            Node::List(items, _) => match items.first() {
                Some(Node::Atom(a, _)) => Some(a.to_ascii_uppercase()),
                _ => None,
            },
            _ => None,
        }
    }
    fn items(&self) -> &[Node] {
        match self {
            Node::List(items, _) => items,
            _ => &[],
        }
    }
    /// The list's items after its keyword.
    fn args(&self) -> &[Node] {
        self.items().get(1..).unwrap_or(&[])
    }
}

fn tree(toks: Vec<(Tok, u32)>) -> Result<Node, SdfError> {
    let mut stack: Vec<(Vec<Node>, u32)> = vec![];
    let mut top: Option<Node> = None;
    for (tok, line) in toks {
        if top.is_some() {
            return err(line, "text after the end of the DELAYFILE");
        }
        let node = match tok {
            Tok::Open => {
                stack.push((vec![], line));
                continue;
            }
            Tok::Close => {
                let Some((items, l)) = stack.pop() else { return err(line, "unbalanced `)`") };
                Node::List(items, l)
            }
            Tok::Str(s) => Node::Str(s, line),
            Tok::Atom(a) => Node::Atom(a, line),
        };
        match stack.last_mut() {
            Some((items, _)) => items.push(node),
            None if matches!(node, Node::List(..)) => top = Some(node),
            None => return err(node.line(), "expected `(DELAYFILE`"),
        }
    }
    if let Some((_, l)) = stack.last() {
        return err(*l, "missing `)`");
    }
    top.ok_or(SdfError { line: 1, message: "the file holds no DELAYFILE".into() })
}

// ---------------------------------------------------------------- file

/// Parse SDF text, picking `sel` from every `min:typ:max` triple.
pub fn parse(text: &str, sel: DelaySelection) -> Result<SdfFile, SdfError> {
    let root = tree(tokenize(text)?)?;
    if root.head().as_deref() != Some("DELAYFILE") {
        return err(root.line(), "expected `(DELAYFILE`");
    }
    let mut file = SdfFile { seconds_per_unit: 1e-9, cells: vec![] };
    let mut divider = '.';
    for item in root.args() {
        match item.head().as_deref() {
            Some("TIMESCALE") => file.seconds_per_unit = timescale(item)?,
            Some("DIVIDER") => divider = divider_of(item)?,
            Some("CELL") => file.cells.push(cell(item, divider, sel)?),
            Some(
                "SDFVERSION" | "DESIGN" | "DATE" | "VENDOR" | "PROGRAM" | "VERSION" | "VOLTAGE" | "PROCESS"
                | "TEMPERATURE",
            ) => {}
            Some(other) => return err(item.line(), format!("unknown DELAYFILE entry `{other}`")),
            None => return err(item.line(), "expected a `(KEYWORD ...)` entry"),
        }
    }
    Ok(file)
}

/// The atoms of a list's arguments joined (`1 ns` and `1ns` alike).
fn joined_atoms(node: &Node) -> Result<String, SdfError> {
    let mut s = String::new();
    for a in node.args() {
        match a {
            Node::Atom(t, _) => s.push_str(t),
            _ => return err(a.line(), "expected a value"),
        }
    }
    Ok(s)
}

/// `(TIMESCALE 1ns)`, `(TIMESCALE 100 ps)`: seconds per unit.
fn timescale(node: &Node) -> Result<f64, SdfError> {
    let text = joined_atoms(node)?.to_ascii_lowercase();
    let split = text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len());
    let (num, unit) = text.split_at(split);
    let scale = match unit {
        "s" => 1.0,
        "ms" => 1e-3,
        "us" => 1e-6,
        "ns" => 1e-9,
        "ps" => 1e-12,
        "fs" => 1e-15,
        _ => return err(node.line(), format!("bad TIMESCALE unit `{unit}`")),
    };
    match num.parse::<f64>() {
        Ok(n) if [1.0, 10.0, 100.0].contains(&n) => Ok(n * scale),
        _ => err(node.line(), format!("bad TIMESCALE number `{num}` (1, 10 or 100)")),
    }
}

fn divider_of(node: &Node) -> Result<char, SdfError> {
    match joined_atoms(node)?.as_str() {
        "." => Ok('.'),
        "/" => Ok('/'),
        other => err(node.line(), format!("bad DIVIDER `{other}` (`.` or `/`)")),
    }
}

/// Split an escaped hierarchical name on unescaped dividers, removing the
/// escapes: `\&dut\[0\]` is one name `&dut[0]`, `a/b` two names.
fn split_path(raw: &str, divider: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    parts.last_mut().expect("never empty").push(n);
                }
            }
            c if c == divider => parts.push(String::new()),
            c => parts.last_mut().expect("never empty").push(c),
        }
    }
    parts
}

fn cell(node: &Node, divider: char, sel: DelaySelection) -> Result<Cell, SdfError> {
    let mut cell = Cell { celltype: String::new(), instance: Some(vec![]), line: node.line(), entries: vec![] };
    for item in node.args() {
        match item.head().as_deref() {
            Some("CELLTYPE") => match item.args() {
                [Node::Str(s, _)] => cell.celltype = s.clone(),
                _ => return err(item.line(), "expected `(CELLTYPE \"name\")`"),
            },
            Some("INSTANCE") => {
                cell.instance = match item.args() {
                    [] => Some(vec![]),
                    [Node::Atom(a, _)] if a == "*" => None,
                    [Node::Atom(a, _)] => Some(split_path(a, divider)),
                    _ => return err(item.line(), "expected `(INSTANCE path)`"),
                }
            }
            Some("DELAY") => delay_spec(item, sel, &mut cell.entries)?,
            // Timing-check limits: wsim performs no timing checks.
            Some("TIMINGCHECK") => {}
            Some("TIMINGENV") | Some("LABEL") => {
                cell.entries.push(Entry::Ignored { what: item.head().unwrap_or_default(), line: item.line() })
            }
            Some(other) => return err(item.line(), format!("unknown CELL entry `{other}`")),
            None => return err(item.line(), "expected a `(KEYWORD ...)` entry"),
        }
    }
    Ok(cell)
}

/// `(DELAY (ABSOLUTE ...) (INCREMENT ...) (PATHPULSE ...) ...)`
fn delay_spec(node: &Node, sel: DelaySelection, out: &mut Vec<Entry>) -> Result<(), SdfError> {
    for item in node.args() {
        let increment = match item.head().as_deref() {
            Some("ABSOLUTE") => false,
            Some("INCREMENT") => true,
            // Pulse limits: read and dropped, like Icarus.
            Some("PATHPULSE" | "PATHPULSEPERCENT") => continue,
            Some(other) => return err(item.line(), format!("unknown DELAY entry `{other}`")),
            None => return err(item.line(), "expected `(ABSOLUTE` or `(INCREMENT`"),
        };
        for def in item.args() {
            out.push(del_def(def, increment, sel)?);
        }
    }
    Ok(())
}

fn del_def(node: &Node, increment: bool, sel: DelaySelection) -> Result<Entry, SdfError> {
    let line = node.line();
    let head = node.head();
    match head.as_deref() {
        Some("IOPATH") => {
            let args = node.args();
            if args.len() < 3 {
                return err(line, "expected `(IOPATH input output delays...)`");
            }
            let (edge, src) = port_spec(&args[0])?;
            let dst = match &args[1] {
                Node::Atom(a, _) => a.clone(),
                other => return err(other.line(), "expected an output port name"),
            };
            if src.contains('[') || dst.contains('[') {
                return Ok(Entry::Ignored { what: "IOPATH on a bit of a bus port".into(), line });
            }
            let edge = match edge {
                InputEdge::None => None,
                InputEdge::Edge(e) => Some(e),
                InputEdge::Transition => {
                    return Ok(Entry::Ignored { what: "IOPATH with an `01`/`10`/`0z`... edge".into(), line })
                }
            };
            let mut values = vec![];
            for v in &args[2..] {
                values.push(delval(v, sel)?);
            }
            if ![1, 2, 3, 6, 12].contains(&values.len()) {
                return err(line, format!("an IOPATH takes 1, 2, 3, 6 or 12 delays, not {}", values.len()));
            }
            let (src, dst) = (unescape(&src), unescape(&dst));
            Ok(Entry::IoPath { increment, edge, src, dst, values, line })
        }
        Some(kw @ ("COND" | "CONDELSE" | "INTERCONNECT" | "PORT" | "DEVICE" | "NETDELAY")) => {
            Ok(Entry::Ignored { what: kw.to_string(), line })
        }
        Some(other) => err(line, format!("unknown delay definition `{other}`")),
        None => err(line, "expected `(IOPATH ...)`"),
    }
}

fn unescape(raw: &str) -> String {
    split_path(raw, '\0').concat()
}

/// The edge written before an IOPATH input.
enum InputEdge {
    None,
    Edge(PortEdge),
    /// `01`, `10`, `0z`...: transitions wsim does not match paths by.
    Transition,
}

/// An IOPATH input: `A` or `(posedge A)`.
fn port_spec(node: &Node) -> Result<(InputEdge, String), SdfError> {
    match node {
        Node::Atom(a, _) => Ok((InputEdge::None, a.clone())),
        Node::List(items, line) => match items.as_slice() {
            [Node::Atom(e, _), Node::Atom(port, _)] => {
                let edge = match e.to_ascii_lowercase().as_str() {
                    "posedge" => InputEdge::Edge(PortEdge::Pos),
                    "negedge" => InputEdge::Edge(PortEdge::Neg),
                    "01" | "10" | "0z" | "z1" | "1z" | "z0" => InputEdge::Transition,
                    other => return err(*line, format!("unknown edge `{other}`")),
                };
                Ok((edge, port.clone()))
            }
            _ => err(*line, "expected `(posedge port)` or `(negedge port)`"),
        },
        Node::Str(_, line) => err(*line, "expected a port name"),
    }
}

/// One delay value: `()`, `(2)`, `(1:2:3)`, `(1::3)`, or the pulse-limit
/// form `((2) (1))` whose first value is the delay.
fn delval(node: &Node, sel: DelaySelection) -> Result<Option<f64>, SdfError> {
    let Node::List(items, line) = node else {
        return err(node.line(), "expected a parenthesised delay value");
    };
    if let Some(first @ Node::List(..)) = items.first() {
        return delval(first, sel);
    }
    let mut text = String::new();
    for i in items {
        match i {
            Node::Atom(a, _) => text.push_str(a),
            _ => return err(*line, "expected a number"),
        }
    }
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split(':').collect();
    let chosen = match parts.as_slice() {
        [one] => *one,
        [a, b, c] => sel.pick(*a, *b, *c),
        _ => return err(*line, format!("bad delay value `{text}`")),
    };
    if chosen.is_empty() {
        if parts.iter().all(|p| p.is_empty()) {
            return err(*line, "a min:typ:max triple needs at least one value");
        }
        return Ok(None);
    }
    match chosen.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => err(*line, format!("bad number `{chosen}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XOR: &str = r#" /* C-style */
(DELAYFILE (SDFVERSION "OVI 2.1") (DIVIDER /) (TIMESCALE 100 ps)
 (CELL // C++ style
  (CELLTYPE "XOR20") (INSTANCE dut/\&u\[0\])
  (DELAY (PATHPULSEPERCENT (30.0))
   (ABSOLUTE (IOPATH A Q (1.0:2.0:3.0) ()) (IOPATH (posedge C) Q ((4) (1)) (::5) (6) (7) (8) (9)))
   (INCREMENT (IOPATH B Q (1)) (COND A (IOPATH B Q (1)))))
  (TIMINGCHECK (SETUP D (posedge C) (1))))
)"#;

    #[test]
    fn reads_cells_paths_values_and_scale() {
        let f = parse(XOR, DelaySelection::Max).unwrap();
        assert!((f.seconds_per_unit - 1e-10).abs() < 1e-20);
        let c = &f.cells[0];
        assert_eq!(c.celltype, "XOR20");
        assert_eq!(c.instance, Some(vec!["dut".to_string(), "&u[0]".to_string()]));
        let Entry::IoPath { increment: false, edge: None, src, dst, values, .. } = &c.entries[0] else { panic!() };
        assert_eq!((src.as_str(), dst.as_str(), values.clone()), ("A", "Q", vec![Some(3.0), None]));
        let Entry::IoPath { edge: Some(PortEdge::Pos), values, .. } = &c.entries[1] else { panic!() };
        assert_eq!(values[..2], [Some(4.0), Some(5.0)]);
        assert!(matches!(&c.entries[2], Entry::IoPath { increment: true, .. }));
        assert!(matches!(&c.entries[3], Entry::Ignored { what, line: 7 } if what == "COND"));
        let typ = parse(XOR, DelaySelection::Typ).unwrap();
        let Entry::IoPath { values, .. } = &typ.cells[0].entries[1] else { panic!() };
        assert_eq!(values[1], None, "an empty typ of (::5) keeps the current delay");
    }

    #[test]
    fn reports_malformed_files_with_a_line() {
        assert_eq!(parse("(DELAYFILE\n(CELL (CELLTYPE \"x\")", DelaySelection::Typ).unwrap_err().line, 2);
        let e = parse("(DELAYFILE (TIMESCALE 3ns))", DelaySelection::Typ).unwrap_err();
        assert!(e.message.contains("TIMESCALE"), "{e:?}");
        let e = parse(
            "(DELAYFILE (CELL (INSTANCE a) (DELAY (ABSOLUTE (IOPATH a b (1) (2) (3) (4))))))",
            DelaySelection::Typ,
        )
        .unwrap_err();
        assert!(e.message.contains("not 4"), "{e:?}");
        assert!(parse("(FOO)", DelaySelection::Typ).is_err());
    }
}
