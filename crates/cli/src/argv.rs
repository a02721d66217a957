//! The argv pre-pass: accepts the spellings users bring from Icarus,
//! Verilator and commercial simulators and rewrites them into the one
//! canonical form clap parses (`--name=value`).
//!
//! clap cannot read `+incdir+a+b`, single-dash long flags (`-top`,
//! `-timescale=`) or `-f` file lists, so they are handled here:
//!
//! | accepted | canonical |
//! |---|---|
//! | `--top X`, `--top-module X`, `-top X`, `-s X` | `--top=X` |
//! | `-D N=V`, `-DN=V`, `-DN`, `+define+A=1+B` | `--define=N=V` (one per name) |
//! | `-I d`, `-Id`, `+incdir+a+b` | `--incdir=d` |
//! | `-G N=V`, `-GN=V` | `--param=N=V` |
//! | `-P top.N=V`, `-Ptop.N=V`, `+parameter+top.N=V` | `--param=top.N=V` |
//! | `--timescale u/p`, `-timescale u/p`, `-timescale=u/p`, `+timescale+u/p` | `--timescale=u/p` |
//! | `-f file`, `-c file` (paths relative to the cwd), `-F file` (relative to the file) | the file's arguments, nested |
//! | `-Wno-X` | `--wno=X` |
//! | `-Wall` | `--wall` |
//! | `-fdiagnostics-format=F`, `--diagnostic-format F` | `--diagnostic-format=F` |
//! | `-fno-diagnostics-show-caret` | `--no-context` |
//! | `-g2012`, `-g2005-sv`, `-sv`, `+1800-2017ext+sv` ... | dropped (accepted) |
//! | `-gspecify` (Icarus) | `--specify` |
//! | `-Tmin`, `-Ttyp`, `-Tmax` (Icarus) | `--delay-select=min` ... |
//! | `-o file` | `--output=file` |
//! | `--max-time T` (run, sim) | `--max-time=T` |
//! | any other `+arg` | `--plusarg=arg` (run/sim); ignored with a warning by compile |
//!
//! In `-f`/`-F` files, `#`, `//` and `/* */` start comments and `$VAR`,
//! `${VAR}`, `$(VAR)` are replaced by environment variables (empty when
//! unset, as Verilator does).

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use wsim_diag::codes::run as codes;
use wsim_diag::Diagnostic;

/// Which subcommand the arguments belong to (it decides what `+args` mean).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Compile,
    Run,
    Sim,
}

impl Mode {
    pub fn from_subcommand(name: &str) -> Option<Mode> {
        match name {
            "compile" => Some(Mode::Compile),
            "run" => Some(Mode::Run),
            "sim" => Some(Mode::Sim),
            _ => None,
        }
    }
}

/// The canonical arguments plus the warnings the rewrite produced.
#[derive(Debug, Default)]
pub struct Normalized {
    pub args: Vec<String>,
    pub warnings: Vec<Diagnostic>,
}

/// How deep `-f` files may nest (a cycle hits this quickly).
const MAX_FILE_DEPTH: u32 = 16;

/// One argument and where it came from.
#[derive(Clone, Debug)]
struct Arg {
    text: String,
    /// Directory relative paths are resolved against (`-F` files); `None` = the cwd.
    base: Option<PathBuf>,
    /// Nesting depth of `-f` files it was read from.
    depth: u32,
}

/// Rewrite the arguments after the subcommand name. `env` looks up
/// environment variables for `-f` files (a parameter so tests can fake it).
pub fn normalize(mode: Mode, args: &[String], env: &dyn Fn(&str) -> Option<String>) -> Result<Normalized, Diagnostic> {
    let mut queue: VecDeque<Arg> = args.iter().map(|a| Arg { text: a.clone(), base: None, depth: 0 }).collect();
    let mut out = Normalized::default();
    while let Some(arg) = queue.pop_front() {
        rewrite_one(mode, arg, &mut queue, &mut out, env)?;
    }
    Ok(out)
}

/// Options whose value is the next argument.
const TAKES_VALUE: &[&str] = &[
    "-o",
    "-s",
    "-top",
    "--top",
    "--top-module",
    "-D",
    "-I",
    "-G",
    "-P",
    "-f",
    "-F",
    "-c",
    "--timescale",
    "-timescale",
    "--max-time",
    "--diagnostic-format",
    "-y",
    "-v",
];

/// Flags accepted for compatibility and otherwise ignored.
fn is_ignored_flag(t: &str) -> bool {
    t == "-sv"
        || t == "--sv"
        || t.starts_with("-g20")
        || t.starts_with("-g1364")
        || t.starts_with("-g1800")
        || t.starts_with("--default-language")
        || t.starts_with("+1800-")
        || t.starts_with("+1364-")
}

/// The gcc/Verilator spellings of the diagnostic options.
fn diagnostic_flag(t: &str) -> Option<String> {
    match t {
        "-Wall" => Some("--wall".to_string()),
        // Icarus' module path switches (not diagnostics, but spelled alike).
        "-gspecify" => Some("--specify".to_string()),
        "-Tmin" | "-Ttyp" | "-Tmax" => Some(format!("--delay-select={}", &t[2..])),
        "-fno-diagnostics-show-caret" => Some("--no-context".to_string()),
        _ => t.strip_prefix("-fdiagnostics-format=").map(|f| format!("--diagnostic-format={f}")),
    }
}

fn rewrite_one(
    mode: Mode,
    arg: Arg,
    queue: &mut VecDeque<Arg>,
    out: &mut Normalized,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(), Diagnostic> {
    let t = arg.text.as_str();
    if TAKES_VALUE.contains(&t) {
        let value = queue.pop_front().ok_or_else(|| bad_option(format!("`{t}` needs a value")))?;
        return rewrite_with_value(t, &value, queue, out, env);
    }
    if let Some(rest) = t.strip_prefix('+') {
        return rewrite_plus(mode, rest, &arg, out);
    }
    if is_ignored_flag(t) {
        return Ok(());
    }
    if let Some(class) = t.strip_prefix("-Wno-") {
        out.args.push(format!("--wno={class}"));
        return Ok(());
    }
    if let Some(canonical) = diagnostic_flag(t) {
        out.args.push(canonical);
        return Ok(());
    }
    // Attached values: -DX=1, -Idir, -GN=V, -Ptop.N=V, -top=X, -timescale=X.
    for (prefix, canonical) in [("-top=", "--top"), ("-timescale=", "--timescale"), ("--timescale=", "--timescale")] {
        if let Some(v) = t.strip_prefix(prefix) {
            out.args.push(format!("{canonical}={v}"));
            return Ok(());
        }
    }
    if !t.starts_with("--") && t.len() > 2 {
        let (flag, value) = t.split_at(2);
        if matches!(flag, "-D" | "-I" | "-G" | "-P") {
            let value = Arg { text: value.to_string(), ..arg.clone() };
            return rewrite_with_value(flag, &value, queue, out, env);
        }
    }
    if t.starts_with('-') {
        out.args.push(arg.text);
    } else {
        // A positional: a source file (rebased when it came from a -F file).
        out.args.push(rebase(&arg));
    }
    Ok(())
}

/// `flag value` pairs (also used for the attached forms).
fn rewrite_with_value(
    flag: &str,
    value: &Arg,
    queue: &mut VecDeque<Arg>,
    out: &mut Normalized,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(), Diagnostic> {
    let v = value.text.as_str();
    match flag {
        "-o" => out.args.push(format!("--output={v}")),
        "-s" | "-top" | "--top" | "--top-module" => out.args.push(format!("--top={v}")),
        "-D" => out.args.push(format!("--define={v}")),
        "-I" => out.args.push(format!("--incdir={}", rebase(value))),
        "-G" => out.args.push(format!("--param={v}")),
        "-P" => out.args.push(format!("--param={}", check_hierarchical_param(v)?)),
        "--timescale" | "-timescale" => out.args.push(format!("--timescale={v}")),
        "--max-time" => out.args.push(format!("--max-time={v}")),
        "--diagnostic-format" => out.args.push(format!("--diagnostic-format={v}")),
        "-f" | "-c" | "-F" => {
            let path = rebase(value);
            let relative_to_file = flag == "-F";
            let expanded = read_arg_file(Path::new(&path), relative_to_file, value.depth + 1, env)?;
            for a in expanded.into_iter().rev() {
                queue.push_front(a);
            }
        }
        "-y" => {
            return Err(unsupported(format!("`-y {v}` (library directories) is not supported yet: name the files")))
        }
        "-v" => {
            return Err(unsupported(format!(
                "`-v {v}` (library files) is not supported yet: name the file as a source"
            )))
        }
        _ => unreachable!("every TAKES_VALUE flag is handled"),
    }
    Ok(())
}

/// `-P` wants `top.NAME=VALUE`.
fn check_hierarchical_param(v: &str) -> Result<&str, Diagnostic> {
    let name = v.split('=').next().unwrap_or_default();
    if v.contains('=') && name.contains('.') {
        Ok(v)
    } else {
        Err(bad_option(format!("`-P{v}`: expected `-P top.NAME=VALUE` (use `-G NAME=VALUE` for the top's parameters)")))
    }
}

/// `+incdir+a+b`, `+define+A=1+B`, `+parameter+...`, `+timescale+...`, plusargs.
fn rewrite_plus(mode: Mode, rest: &str, arg: &Arg, out: &mut Normalized) -> Result<(), Diagnostic> {
    let mut parts = rest.split('+');
    let head = parts.next().unwrap_or_default();
    let items: Vec<&str> = parts.filter(|p| !p.is_empty()).collect();
    let compile_side = mode != Mode::Run;
    match head {
        "incdir" if compile_side => {
            for dir in items {
                out.args.push(format!("--incdir={}", rebase(&Arg { text: dir.to_string(), ..arg.clone() })));
            }
        }
        "define" if compile_side => out.args.extend(items.iter().map(|d| format!("--define={d}"))),
        "parameter" if compile_side => {
            for p in items {
                out.args.push(format!("--param={}", check_hierarchical_param(p)?));
            }
        }
        "timescale" if compile_side => out.args.extend(items.iter().map(|t| format!("--timescale={t}"))),
        "libext" if compile_side => {
            return Err(unsupported(format!("`+{rest}` (library extensions) is not supported yet: name the files")));
        }
        _ if is_ignored_flag(&arg.text) => {}
        _ if mode == Mode::Compile => out.warnings.push(Diagnostic::warning(
            codes::OPTION_IGNORED,
            None,
            format!("`+{rest}` is a run-time plusarg; `wsim compile` ignores it (pass it to `wsim run`)"),
        )),
        _ => out.args.push(format!("--plusarg={rest}")),
    }
    Ok(())
}

/// A path argument resolved against its `-F` file's directory.
fn rebase(arg: &Arg) -> String {
    match &arg.base {
        Some(base) if Path::new(&arg.text).is_relative() => base.join(&arg.text).display().to_string(),
        _ => arg.text.clone(),
    }
}

/// Read an argument file: comments removed, variables expanded, split into
/// arguments. With `-F` (`relative_to_file`) relative paths in it resolve
/// against the file's directory.
fn read_arg_file(
    path: &Path,
    relative_to_file: bool,
    depth: u32,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<Arg>, Diagnostic> {
    if depth > MAX_FILE_DEPTH {
        return Err(bad_option(format!(
            "argument files nest more than {MAX_FILE_DEPTH} deep at {} (does a file include itself?)",
            path.display()
        )));
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        Diagnostic::error(
            codes::FILE_NOT_FOUND,
            None,
            format!("cannot read argument file {}: {}", path.display(), e.kind()),
        )
    })?;
    let base = if relative_to_file {
        Some(path.parent().map(Path::to_path_buf).unwrap_or_default()).filter(|p| !p.as_os_str().is_empty())
    } else {
        None
    };
    let words = split_words(&expand_vars(&strip_comments(&text), env));
    Ok(words.into_iter().map(|text| Arg { text, base: base.clone(), depth }).collect())
}

/// Remove `/* */`, `//` and `#` comments (`#` only at the start of a word,
/// so `a#b` survives).
pub fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut at_word_start = true;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for c in chars.by_ref() {
                    if prev == '*' && c == '/' {
                        break;
                    }
                    prev = c;
                }
                out.push(' ');
            }
            '/' if chars.peek() == Some(&'/') => skip_line(&mut chars, &mut out),
            '#' if at_word_start => skip_line(&mut chars, &mut out),
            _ => out.push(c),
        }
        at_word_start = out.chars().last().is_none_or(char::is_whitespace);
    }
    out
}

fn skip_line(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, out: &mut String) {
    for c in chars.by_ref() {
        if c == '\n' {
            break;
        }
    }
    out.push('\n');
}

/// Replace `$VAR`, `${VAR}` and `$(VAR)`; unset variables become empty.
pub fn expand_vars(text: &str, env: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('$') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let (name, consumed) = match after.chars().next() {
            Some(open @ ('{' | '(')) => {
                let close = if open == '{' { '}' } else { ')' };
                match after.find(close) {
                    Some(end) => (&after[1..end], end + 1),
                    None => ("", 0),
                }
            }
            _ => {
                let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
                (&after[..end], end)
            }
        };
        if name.is_empty() {
            out.push('$');
            rest = after;
        } else {
            out.push_str(&env(name).unwrap_or_default());
            rest = &after[consumed..];
        }
    }
    out.push_str(rest);
    out
}

/// Split on whitespace; `"..."` groups a word with spaces.
pub fn split_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_quotes = false;
    let mut has_word = false;
    for c in text.chars() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                has_word = true;
            }
            c if c.is_whitespace() && !in_quotes => {
                if has_word {
                    words.push(std::mem::take(&mut word));
                    has_word = false;
                }
            }
            c => {
                word.push(c);
                has_word = true;
            }
        }
    }
    if has_word {
        words.push(word);
    }
    words
}

fn bad_option(message: String) -> Diagnostic {
    Diagnostic::error(codes::BAD_OPTION, None, message)
}

fn unsupported(message: String) -> Diagnostic {
    Diagnostic::error(codes::UNSUPPORTED_OPTION, None, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn norm(mode: Mode, args: &[&str]) -> Vec<String> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        normalize(mode, &args, &no_env).expect("normalizes").args
    }

    #[test]
    fn incdir_plus_form_splits_every_dir() {
        assert_eq!(norm(Mode::Compile, &["+incdir+a+b", "t.v"]), ["--incdir=a", "--incdir=b", "t.v"]);
    }

    #[test]
    fn define_forms_agree() {
        let expected = ["--define=X=1", "--define=Y"];
        assert_eq!(norm(Mode::Compile, &["-DX=1", "-DY"]), expected);
        assert_eq!(norm(Mode::Compile, &["-D", "X=1", "-D", "Y"]), expected);
        assert_eq!(norm(Mode::Compile, &["+define+X=1+Y"]), expected);
    }

    #[test]
    fn include_forms_agree() {
        assert_eq!(norm(Mode::Compile, &["-Iinc", "-I", "inc"]), ["--incdir=inc", "--incdir=inc"]);
    }

    #[test]
    fn top_spellings_agree() {
        for spelling in [&["-top", "t"][..], &["-s", "t"], &["--top", "t"], &["--top-module", "t"], &["-top=t"]] {
            assert_eq!(norm(Mode::Compile, spelling), ["--top=t"], "{spelling:?}");
        }
    }

    #[test]
    fn params_and_timescale() {
        assert_eq!(norm(Mode::Compile, &["-GW=8", "-G", "D=2"]), ["--param=W=8", "--param=D=2"]);
        assert_eq!(norm(Mode::Compile, &["-Ptb.W=8", "+parameter+tb.D=2"]), ["--param=tb.W=8", "--param=tb.D=2"]);
        let args: Vec<String> = vec!["-PW=8".into()];
        assert_eq!(normalize(Mode::Compile, &args, &no_env).unwrap_err().code.id, "E0602");
        for spelling in [&["--timescale", "1ns/1ps"][..], &["-timescale=1ns/1ps"], &["+timescale+1ns/1ps"]] {
            assert_eq!(norm(Mode::Compile, spelling), ["--timescale=1ns/1ps"], "{spelling:?}");
        }
    }

    #[test]
    fn compat_flags_are_dropped_and_wno_kept() {
        assert_eq!(norm(Mode::Compile, &["-g2012", "-sv", "-Wno-WIDTH", "t.v"]), ["--wno=WIDTH", "t.v"]);
        assert_eq!(norm(Mode::Compile, &["-gspecify", "-Tmax", "t.v"]), ["--specify", "--delay-select=max", "t.v"]);
    }

    #[test]
    fn diagnostic_spellings_become_canonical() {
        for mode in [Mode::Compile, Mode::Sim, Mode::Run] {
            assert_eq!(
                norm(mode, &["-Wall", "-Wno-W0305", "-fno-diagnostics-show-caret", "-fdiagnostics-format=json"]),
                ["--wall", "--wno=W0305", "--no-context", "--diagnostic-format=json"],
                "{mode:?}"
            );
        }
        assert_eq!(norm(Mode::Compile, &["--diagnostic-format", "json"]), ["--diagnostic-format=json"]);
        assert_eq!(norm(Mode::Compile, &["--diagnostic-format=text"]), ["--diagnostic-format=text"]);
        assert_eq!(norm(Mode::Compile, &["--wall", "--no-context"]), ["--wall", "--no-context"]);
    }

    #[test]
    fn plusargs_depend_on_the_subcommand() {
        assert_eq!(
            norm(Mode::Run, &["a.wasm", "+N=3", "+incdir+x"]),
            ["a.wasm", "--plusarg=N=3", "--plusarg=incdir+x"]
        );
        assert_eq!(norm(Mode::Sim, &["t.v", "+N=3", "+incdir+x"]), ["t.v", "--plusarg=N=3", "--incdir=x"]);
        let args: Vec<String> = vec!["t.v".into(), "+trace".into()];
        let n = normalize(Mode::Compile, &args, &no_env).unwrap();
        assert_eq!(n.args, ["t.v"]);
        assert_eq!(n.warnings[0].code.id, "W0601");
    }

    #[test]
    fn nested_arg_files_with_comments_vars_and_relative_paths() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("ip");
        std::fs::create_dir(&sub).unwrap();
        // -F: paths relative to ip/; -f inside it names a file relative to ip/ too.
        std::fs::write(sub.join("ip.f"), "// the IP\ncore.v /* block\ncomment */ +incdir+inc\n-f more.f\n").unwrap();
        std::fs::write(sub.join("more.f"), "# Icarus style comment\n$(ROOT)/x.v ${ROOT}/y.v $ROOT/z.v\n-DFROM_F\n")
            .unwrap();
        let top = dir.path().join("top.f");
        std::fs::write(&top, format!("tb.v\n-F {}\n", sub.join("ip.f").display())).unwrap();
        let env = |name: &str| (name == "ROOT").then(|| "/r".to_string());
        let args = vec!["-f".to_string(), top.display().to_string()];
        let n = normalize(Mode::Compile, &args, &env).unwrap();
        let ip = sub.display();
        assert_eq!(
            n.args,
            [
                "tb.v".to_string(),
                format!("{ip}/core.v"),
                format!("--incdir={ip}/inc"),
                "/r/x.v".to_string(),
                "/r/y.v".to_string(),
                "/r/z.v".to_string(),
                "--define=FROM_F".to_string(),
            ]
        );
    }

    #[test]
    fn self_including_arg_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("loop.f");
        std::fs::write(&f, format!("-f {}\n", f.display())).unwrap();
        let err = normalize(Mode::Compile, &["-f".to_string(), f.display().to_string()], &no_env).unwrap_err();
        assert_eq!(err.code.id, "E0602");
        assert!(err.message.contains("nest more than"), "{}", err.message);
    }

    #[test]
    fn missing_arg_file_and_library_options_are_errors() {
        let err = normalize(Mode::Compile, &["-f".into(), "/no/such.f".into()], &no_env).unwrap_err();
        assert_eq!(err.code.id, "E0601");
        let err = normalize(Mode::Compile, &["-y".into(), "lib".into()], &no_env).unwrap_err();
        assert_eq!(err.code.id, "E0603");
    }

    #[test]
    fn comment_marker_inside_a_word_is_kept() {
        assert_eq!(split_words(&strip_comments("a#b # c\nd")), ["a#b", "d"]);
    }
}
