//! The Python expressions of sv-tests' `:assert:` lines. Its log parser
//! runs Python's `eval` on the text after `:assert:` and fails the test
//! when the result is falsy or evaluation raises; this is the subset of
//! Python those lines use: int, float and string literals, `True`,
//! `False`, `None`, arithmetic, chained comparisons (with `in` and
//! `not in` on strings), `and`, `or`, `not` and parentheses. Anything else (an `x` printed by `%d`, a name, a
//! malformed literal) is an error, which the parser counts as failing.

/// The first line of `log` whose `:assert:` expression does not hold.
pub fn first_failed_assert(log: &str) -> Option<String> {
    log.lines().find(|line| assert_expr(line.trim()).is_some_and(|expr| !holds(expr))).map(|l| l.trim().to_string())
}

/// The text after the first `:word:` of the line, when the word is
/// `assert` (the parser's `re.search(r':([a-z]+):(.*)')`).
fn assert_expr(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    for (start, _) in line.match_indices(':') {
        let word_len = bytes[start + 1..].iter().take_while(|b| b.is_ascii_lowercase()).count();
        let end = start + 1 + word_len;
        if word_len > 0 && bytes.get(end) == Some(&b':') {
            return (&line[start + 1..end] == "assert").then(|| &line[end + 1..]);
        }
    }
    None
}

/// Python's truth of `eval(expr)`; an error is false.
pub fn holds(expr: &str) -> bool {
    eval(expr).is_ok_and(|v| v.truthy())
}

/// A Python value of the subset.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(i128),
    Float(f64),
    Str(String),
    None,
}

impl Value {
    fn truthy(&self) -> bool {
        match self {
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::None => false,
        }
    }
    fn number(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }
}

type Result<T> = std::result::Result<T, String>;

/// Evaluate `expr` (surrounding blanks allowed, as `eval` allows them).
pub fn eval(expr: &str) -> Result<Value> {
    let tokens = lex(expr)?;
    let mut parser = Parser { tokens, pos: 0 };
    let value = parser.or_expr()?;
    match parser.tokens.get(parser.pos) {
        None => Ok(value),
        Some(t) => Err(format!("unexpected {t:?}")),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Num(Value),
    Str(String),
    Name(String),
    Op(&'static str),
}

const OPERATORS: &[&str] = &["==", "!=", "<=", ">=", "//", "**", "<", ">", "+", "-", "*", "/", "%", "(", ")"];

fn lex(text: &str) -> Result<Vec<Token>> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' || c == '"' {
            let (s, next) = lex_string(&chars, i)?;
            tokens.push(Token::Str(s));
            i = next;
        } else if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) {
            let end = scan(&chars, i, |c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
            let end = exponent_sign_end(&chars, i, end);
            tokens.push(Token::Num(number(&chars[i..end].iter().collect::<String>())?));
            i = end;
        } else if c.is_alphabetic() || c == '_' {
            let end = scan(&chars, i, |c| c.is_alphanumeric() || c == '_');
            tokens.push(Token::Name(chars[i..end].iter().collect()));
            i = end;
        } else {
            let rest: String = chars[i..chars.len().min(i + 2)].iter().collect();
            let op =
                OPERATORS.iter().find(|op| rest.starts_with(**op)).ok_or_else(|| format!("bad character `{c}`"))?;
            tokens.push(Token::Op(op));
            i += op.len();
        }
    }
    Ok(tokens)
}

fn scan(chars: &[char], start: usize, keep: impl Fn(char) -> bool) -> usize {
    start + chars[start..].iter().take_while(|c| keep(**c)).count()
}

/// `1e-5`: the sign after an exponent `e` belongs to the number.
fn exponent_sign_end(chars: &[char], start: usize, end: usize) -> usize {
    let is_decimal = !(chars.get(start) == Some(&'0') && chars.get(start + 1).is_some_and(|c| c.is_ascii_alphabetic()));
    let ends_in_e = end > start && matches!(chars[end - 1], 'e' | 'E');
    if is_decimal && ends_in_e && matches!(chars.get(end), Some('+' | '-')) {
        scan(chars, end + 1, |c| c.is_ascii_digit() || c == '_')
    } else {
        end
    }
}

/// Python 3 numeric literals: `0x`/`0o`/`0b`, decimals without leading
/// zeros, floats; `_` between digits.
fn number(text: &str) -> Result<Value> {
    let bad = || format!("invalid number `{text}`");
    if text.starts_with('_') || text.ends_with('_') || text.contains("__") {
        return Err(bad());
    }
    let digits = text.replace('_', "");
    let lower = digits.to_ascii_lowercase();
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(body) = lower.strip_prefix(prefix) {
            return i128::from_str_radix(body, radix).map(Value::Int).map_err(|_| bad());
        }
    }
    if lower.contains(['.', 'e']) {
        return lower.parse::<f64>().map(Value::Float).map_err(|_| bad());
    }
    if lower.len() > 1 && lower.starts_with('0') && lower.bytes().any(|b| b != b'0') {
        return Err(bad());
    }
    lower.parse::<i128>().map(Value::Int).map_err(|_| bad())
}

fn lex_string(chars: &[char], start: usize) -> Result<(String, usize)> {
    let quote = chars[start];
    let mut out = String::new();
    let mut i = start + 1;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => {
                let escaped = chars.get(i + 1).ok_or("unterminated string")?;
                out.push(match escaped {
                    'n' => '\n',
                    't' => '\t',
                    other => *other,
                });
                i += 2;
            }
            c if c == quote => return Ok((out, i + 1)),
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Err("unterminated string".into())
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }
    fn eat_op(&mut self, op: &str) -> bool {
        let hit = matches!(self.peek(), Some(Token::Op(o)) if *o == op);
        self.pos += hit as usize;
        hit
    }
    fn eat_name(&mut self, name: &str) -> bool {
        let hit = matches!(self.peek(), Some(Token::Name(n)) if n == name);
        self.pos += hit as usize;
        hit
    }

    fn or_expr(&mut self) -> Result<Value> {
        let mut value = self.and_expr()?;
        while self.eat_name("or") {
            let rhs = self.and_expr()?;
            if !value.truthy() {
                value = rhs;
            }
        }
        Ok(value)
    }

    fn and_expr(&mut self) -> Result<Value> {
        let mut value = self.not_expr()?;
        while self.eat_name("and") {
            let rhs = self.not_expr()?;
            if value.truthy() {
                value = rhs;
            }
        }
        Ok(value)
    }

    fn not_expr(&mut self) -> Result<Value> {
        if self.eat_name("not") {
            return Ok(Value::Int(!self.not_expr()?.truthy() as i128));
        }
        self.comparison()
    }

    /// `a < b == c` is `a < b and b == c`.
    fn comparison(&mut self) -> Result<Value> {
        let mut lhs = self.sum()?;
        let mut result: Option<bool> = None;
        while let Some(op) = self.comparison_op() {
            let rhs = self.sum()?;
            let holds = compare(&lhs, op, &rhs)?;
            result = Some(result.unwrap_or(true) && holds);
            lhs = rhs;
        }
        Ok(result.map_or(lhs, |b| Value::Int(b as i128)))
    }

    fn comparison_op(&mut self) -> Option<&'static str> {
        if self.eat_name("in") {
            return Some("in");
        }
        let not_in = matches!(self.tokens.get(self.pos..self.pos + 2),
            Some([Token::Name(a), Token::Name(b)]) if a == "not" && b == "in");
        if not_in {
            self.pos += 2;
            return Some("not in");
        }
        ["==", "!=", "<=", ">=", "<", ">"].into_iter().find(|op| self.eat_op(op))
    }

    fn sum(&mut self) -> Result<Value> {
        let mut value = self.product()?;
        loop {
            let op = if self.eat_op("+") {
                "+"
            } else if self.eat_op("-") {
                "-"
            } else {
                return Ok(value);
            };
            let rhs = self.product()?;
            value = arithmetic(&value, op, &rhs)?;
        }
    }

    fn product(&mut self) -> Result<Value> {
        let mut value = self.unary()?;
        while let Some(op) = ["*", "//", "/", "%"].into_iter().find(|op| self.eat_op(op)) {
            let rhs = self.unary()?;
            value = arithmetic(&value, op, &rhs)?;
        }
        Ok(value)
    }

    fn unary(&mut self) -> Result<Value> {
        if self.eat_op("-") {
            return arithmetic(&Value::Int(0), "-", &self.unary()?);
        }
        if self.eat_op("+") {
            return arithmetic(&Value::Int(0), "+", &self.unary()?);
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Value> {
        let token = self.peek().cloned().ok_or("unexpected end")?;
        self.pos += 1;
        match token {
            Token::Num(v) => Ok(v),
            Token::Str(s) => Ok(Value::Str(s)),
            Token::Name(n) => match n.as_str() {
                "True" => Ok(Value::Int(1)),
                "False" => Ok(Value::Int(0)),
                "None" => Ok(Value::None),
                _ => Err(format!("name `{n}` is not defined")),
            },
            Token::Op("(") => {
                let value = self.or_expr()?;
                if self.eat_op(")") {
                    Ok(value)
                } else {
                    Err("missing `)`".into())
                }
            }
            Token::Op(op) => Err(format!("unexpected `{op}`")),
        }
    }
}

fn compare(a: &Value, op: &str, b: &Value) -> Result<bool> {
    use std::cmp::Ordering;
    if let "in" | "not in" = op {
        // Membership: the subset only has strings (substring test).
        return match (a, b) {
            (Value::Str(needle), Value::Str(hay)) => Ok(hay.contains(needle.as_str()) == (op == "in")),
            _ => Err(format!("`{op}` needs two strings, got {a:?} and {b:?}")),
        };
    }
    let ordering = match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.partial_cmp(y),
        (Value::Str(x), Value::Str(y)) => x.partial_cmp(y),
        _ => match (a.number(), b.number()) {
            (Some(x), Some(y)) => x.partial_cmp(&y),
            // Values of different kinds are unequal; ordering them raises.
            _ if matches!(op, "==" | "!=") => return Ok(op == "!="),
            _ => return Err(format!("cannot order {a:?} and {b:?}")),
        },
    };
    Ok(match (op, ordering) {
        ("==", o) => o == Some(Ordering::Equal),
        ("!=", o) => o != Some(Ordering::Equal),
        (_, None) => false,
        ("<", Some(o)) => o == Ordering::Less,
        ("<=", Some(o)) => o != Ordering::Greater,
        (">", Some(o)) => o == Ordering::Greater,
        (_, Some(o)) => o != Ordering::Less,
    })
}

fn arithmetic(a: &Value, op: &str, b: &Value) -> Result<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_arithmetic(*x, op, *y),
        (Value::Str(x), Value::Str(y)) if op == "+" => Ok(Value::Str(format!("{x}{y}"))),
        (Value::Str(s), Value::Int(n)) | (Value::Int(n), Value::Str(s)) if op == "*" => {
            Ok(Value::Str(s.repeat((*n).clamp(0, 1 << 20) as usize)))
        }
        _ => match (a.number(), b.number()) {
            (Some(x), Some(y)) => float_arithmetic(x, op, y),
            _ => Err(format!("unsupported operands {a:?} {op} {b:?}")),
        },
    }
}

fn int_arithmetic(x: i128, op: &str, y: i128) -> Result<Value> {
    let overflow = || "integer overflow".to_string();
    let value = match op {
        "+" => x.checked_add(y).ok_or_else(overflow)?,
        "-" => x.checked_sub(y).ok_or_else(overflow)?,
        "*" => x.checked_mul(y).ok_or_else(overflow)?,
        "/" => return float_arithmetic(x as f64, op, y as f64),
        _ if y == 0 => return Err("division by zero".into()),
        "//" => x.div_euclid(y) - i128::from(y < 0 && x.rem_euclid(y) != 0),
        _ => x - y * (x.div_euclid(y) - i128::from(y < 0 && x.rem_euclid(y) != 0)),
    };
    Ok(Value::Int(value))
}

fn float_arithmetic(x: f64, op: &str, y: f64) -> Result<Value> {
    if y == 0.0 && matches!(op, "/" | "//" | "%") {
        return Err("division by zero".into());
    }
    Ok(Value::Float(match op {
        "+" => x + y,
        "-" => x - y,
        "*" => x * y,
        "/" => x / y,
        "//" => (x / y).floor(),
        _ => x - y * (x / y).floor(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_sv_tests_prints_evaluate_as_python_does() {
        for (expr, expected) in [
            ("(10 ==         10)", true),
            ("((1 == 1) and ('world' == 'world'))", true),
            ("(('ff' == 'ff') and ('00' == '01'))", false),
            ("(0x44434241 == 0x44434241)", true),
            ("( -15 == -15)", true),
            ("('0000_0000' == '0000_0000')", true),
            ("(True)", true),
            ("(False)", false),
            ("(3 == 1 + 2 * 1)", true),
            ("1 < 2 < 3", true),
            ("1 < 3 < 2", false),
            ("not 0", true),
            ("7 // -2 == -4 and 7 % -2 == -1 and -7 // 2 == -4", true),
            ("1 / 2 == 0.5", true),
            ("'a' * 3 == 'aaa'", true),
            ("1.5e1 == 15", true),
            ("'1' == 1", false),
            ("('TEST' in '  Test  TEST')", true),
            ("('test' in '  Test  TEST')", false),
            ("'x' not in 'abc'", true),
            ("not 'a' in 'abc'", false),
        ] {
            assert_eq!(holds(expr), expected, "{expr}");
        }
    }

    #[test]
    fn what_python_rejects_fails() {
        for expr in ["(x == 10)", "(007 == 7)", "(1 ==)", "('a' < 1)", "(1 / 0)", "((1 == 1)", "'open", "1 in 'a1'"] {
            assert!(eval(expr).is_err(), "{expr}");
            assert!(!holds(expr));
        }
    }

    #[test]
    fn only_the_first_word_between_colons_counts() {
        let log = "x\n :assert: (1 == 1)\nnote:info: :assert: (1 == 2)\n:assert: (2 == 3)\n";
        assert_eq!(first_failed_assert(log), Some(":assert: (2 == 3)".into()));
        assert_eq!(first_failed_assert(":assert: (1 == 1)\n"), None);
    }
}
