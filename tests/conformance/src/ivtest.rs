//! ivtest (steveicarus/ivtest, or the `ivtest/` folder of iverilog): the
//! regression lists and the verdicts its own `vvp_reg.pl` gives.
//!
//! A list line is `name type[,flags][,+plusargs] dir [top] [gold=F |
//! unordered=F | diff=A:B[:skip]]`. Types: `normal` (compile and run, then
//! the log matches the gold file or has a line that is just `PASSED`),
//! `CE` (compile must fail), `RE` (run must fail), `CO`/`CN` (compile
//! only), `EF` (expected to fail), `NI` (not run). Tests run from the
//! suite root as `./DIR/NAME.v` (gold files embed that path), and the log
//! is the compile output followed by the run output, as `vvp_reg.pl`
//! writes it.

use crate::exec::{self, Run};
use crate::{first_error_line, Outcome, Tool};
use std::path::{Path, PathBuf};

/// One test of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Test {
    pub name: String,
    /// The list it came from (its file stem), for the counts.
    pub list: String,
    pub kind: Kind,
    /// Icarus compiler flags from the type field (`-gspecify`, `-Dx`...).
    pub flags: Vec<String>,
    /// `+plusargs` for the run.
    pub plusargs: Vec<String>,
    pub dir: String,
    pub top: Option<String>,
    pub check: Check,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Normal,
    CompileError,
    RunError,
    CompileOnly,
    ExpectedFail,
    NotImplemented,
    /// `TE`: only meaningful to the vlog95 translator.
    TranslationError,
}

impl Kind {
    fn parse(text: &str) -> Option<Kind> {
        Some(match text {
            "normal" => Kind::Normal,
            "CE" => Kind::CompileError,
            "RE" => Kind::RunError,
            "CO" | "CN" => Kind::CompileOnly,
            "EF" => Kind::ExpectedFail,
            "NI" => Kind::NotImplemented,
            "TE" => Kind::TranslationError,
            _ => return None,
        })
    }
}

/// How the log is judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// A line that is just `PASSED` (any case, surrounding blanks).
    PassedLine,
    /// The log equals `gold/F` line by line (`unordered`: as sorted lines).
    Gold { file: String, unordered: bool },
    /// File `produced` (written by the test) equals `expected`, after
    /// skipping `skip` lines.
    Diff { produced: String, expected: String, skip: usize },
}

/// Read a list file as `vvp_reg.pl` does: `\` continues a line, `#`
/// starts a comment, a name already defined is skipped unless the line is
/// prefixed by `version:` for this `version` (then it replaces it).
pub fn read_list(path: &Path, version: &str, tests: &mut Vec<Test>) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let list = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    for (number, line) in logical_lines(&text) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            continue;
        }
        let test = parse_fields(&fields, &list).map_err(|e| format!("{}:{number}: {e}", path.display()))?;
        let Some((test, versioned)) = select_version(test, fields[0], version) else { continue };
        match tests.iter().position(|t| t.name == test.name) {
            Some(i) if versioned => tests[i] = test,
            Some(_) => {}
            None => tests.push(test),
        }
    }
    Ok(())
}

/// Lines with continuations joined and comments stripped, numbered from 1.
fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut pending = String::new();
    let mut start = 0;
    for (i, raw) in text.lines().enumerate() {
        if pending.is_empty() {
            start = i + 1;
        }
        let raw = raw.trim_end_matches('\r');
        if let Some(joined) = raw.strip_suffix('\\') {
            pending.push_str(joined);
            continue;
        }
        pending.push_str(if pending.is_empty() { raw } else { raw.trim_start() });
        let line = std::mem::take(&mut pending);
        let line = line.split('#').next().unwrap_or("").trim_end().to_string();
        out.push((start, line));
    }
    out
}

/// A `vNN:name` line applies only to that version; the bool says it was
/// versioned.
fn select_version(mut test: Test, first_field: &str, version: &str) -> Option<(Test, bool)> {
    match first_field.split_once(':') {
        Some((v, name)) if v == version => {
            test.name = name.to_string();
            Some((test, true))
        }
        Some(_) => None,
        None => Some((test, false)),
    }
}

fn parse_fields(fields: &[&str], list: &str) -> Result<Test, String> {
    if fields.len() < 2 {
        return Err(format!("`{}`: a test line needs at least a name and a type", fields[0]));
    }
    let mut parts = fields[1].split(',');
    let kind_text = parts.next().unwrap_or("");
    let kind = Kind::parse(kind_text).ok_or_else(|| format!("unknown test type `{kind_text}`"))?;
    let (plusargs, flags): (Vec<String>, Vec<String>) = parts.map(str::to_string).partition(|a| a.starts_with('+'));
    let dir = fields.get(2).copied().unwrap_or("").to_string();
    let (top, check) = match fields.len() {
        4 => parse_last_field(fields[3]).map_or((Some(fields[3].to_string()), Check::PassedLine), |c| (None, c)),
        // As in vvp_reg.pl, a module given before a gold/diff field is not
        // passed to the compiler.
        5 => (None, parse_last_field(fields[4]).unwrap_or(Check::PassedLine)),
        _ => (None, Check::PassedLine),
    };
    let name = fields[0].rsplit(':').next().unwrap_or(fields[0]).to_string();
    Ok(Test { name, list: list.to_string(), kind, flags, plusargs, dir, top, check })
}

fn parse_last_field(field: &str) -> Option<Check> {
    if let Some(file) = field.strip_prefix("gold=") {
        return Some(Check::Gold { file: format!("gold/{file}"), unordered: false });
    }
    if let Some(file) = field.strip_prefix("unordered=") {
        return Some(Check::Gold { file: format!("gold/{file}"), unordered: true });
    }
    let spec = field.strip_prefix("diff=")?;
    let mut parts = spec.split(':');
    let produced = parts.next().unwrap_or("").to_string();
    let expected = parts.next().unwrap_or("").to_string();
    let skip = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    Some(Check::Diff { produced, expected, skip })
}

/// The wsim spelling of the Icarus flags in a type field. Language
/// generations wsim accepts are kept; `-gspecify` is `--specify` and
/// `-Tmin`/`-Ttyp`/`-Tmax` are `--delay-select`; Icarus-only switches
/// (`-Wx`, `-pKEY=V`, older generations) have no wsim meaning and are
/// dropped.
fn wsim_flags(flags: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for flag in flags {
        if flag.starts_with("-D") || flag.starts_with("-I") || flag.starts_with("-g20") {
            out.push(flag.clone());
        } else if flag == "-gspecify" {
            out.push("--specify".to_string());
        } else if let Some(sel @ ("min" | "typ" | "max")) = flag.strip_prefix("-T") {
            out.push(format!("--delay-select={sel}"));
        } else if let Some(file) = flag.strip_prefix("-f") {
            out.push("-f".to_string());
            out.push(file.to_string());
        }
    }
    out
}

/// Run one test from the suite root `root` and judge it.
/// Whether the test's source names a file under `work/`, the directory
/// vvp_reg.pl gives every test to write into (so two such tests may use
/// the same file name).
pub fn writes_work_files(test: &Test, root: &Path) -> bool {
    let source = root.join(&test.dir).join(format!("{}.v", test.name));
    std::fs::read_to_string(source).is_ok_and(|text| text.contains("\"work/"))
}

pub fn run_test(test: &Test, root: &Path, tool: &Tool) -> Outcome {
    let (name, group) = (test.name.as_str(), test.list.as_str());
    match test.kind {
        Kind::NotImplemented => return Outcome::skip(name, group, "NI: not implemented".into()),
        Kind::TranslationError => return Outcome::skip(name, group, "TE: vlog95 only".into()),
        _ => {}
    }
    let source = format!("./{}/{}.v", test.dir, test.name);
    if !root.join(&source).is_file() {
        return Outcome::fail(name, group, format!("missing source file {source}"));
    }
    let artifact = tool.work.join(format!("{}.{}.wasm", test.list, test.name));
    let compile = compile(test, &source, &artifact, root, tool);
    if let Some(problem) = Outcome::from_problem(name, group, "compile", &compile) {
        return problem;
    }
    let mut log = compile.output.clone();
    let failed_as_expected = match (test.kind, compile.succeeded()) {
        (Kind::CompileError, true) => return Outcome::fail(name, group, "CE: no error reported".into()),
        (Kind::CompileError, false) => true,
        (_, false) => return Outcome::fail(name, group, format!("compile: {}", first_error_line(&compile.output))),
        (Kind::CompileOnly, true) => return Outcome::pass(name, group),
        (_, true) => false,
    };
    let mut run_failed_as_expected = false;
    if !failed_as_expected {
        let run = run(test, &artifact, root, tool);
        let _ = std::fs::remove_file(&artifact);
        if let Some(problem) = Outcome::from_problem(name, group, "run", &run) {
            return problem;
        }
        log.push_str(&run.output);
        match (test.kind, run.succeeded()) {
            (Kind::RunError, true) => return Outcome::fail(name, group, "RE: no error reported".into()),
            (Kind::RunError, false) => run_failed_as_expected = true,
            (_, false) => return Outcome::fail(name, group, format!("run: {}", first_error_line(&run.output))),
            (_, true) => {}
        }
    }
    let expected_failure = failed_as_expected || run_failed_as_expected;
    judge_log(test, &log, root, expected_failure)
}

fn compile(test: &Test, source: &str, artifact: &Path, root: &Path, tool: &Tool) -> Run {
    let mut args: Vec<String> = ["compile", "-q", "--no-cache", "-o"].map(String::from).to_vec();
    args.push(artifact.display().to_string());
    args.extend(wsim_flags(&test.flags));
    if let Some(top) = &test.top {
        args.push(format!("--top={top}"));
    }
    args.push(source.to_string());
    exec::run(&tool.wsim, &args, root, tool.timeout)
}

fn run(test: &Test, artifact: &Path, root: &Path, tool: &Tool) -> Run {
    let mut args: Vec<String> = ["run", "-q", "--no-cache"].map(String::from).to_vec();
    args.push(artifact.display().to_string());
    args.extend(test.plusargs.iter().cloned());
    exec::run(&tool.wsim, &args, root, tool.timeout)
}

/// The last step of `vvp_reg.pl`: the gold or diff comparison, else (for
/// a test that was to fail and did) a pass, else the `PASSED` line.
fn judge_log(test: &Test, log: &str, root: &Path, expected_failure: bool) -> Outcome {
    let (name, group) = (test.name.as_str(), test.list.as_str());
    let matched = match &test.check {
        Check::PassedLine if expected_failure => Ok(()),
        Check::PassedLine => has_passed_line(log).then_some(()).ok_or_else(|| "no PASSED line".to_string()),
        Check::Gold { file, unordered } => read(root, file).and_then(|gold| compare(&gold, log, 0, *unordered)),
        Check::Diff { produced, expected, skip } => {
            read(root, expected).and_then(|e| read(root, produced).and_then(|p| compare(&e, &p, *skip, false)))
        }
    };
    match (matched, test.kind) {
        (Ok(()), _) => Outcome::pass(name, group),
        (Err(why), Kind::ExpectedFail) => Outcome::skip(name, group, format!("EF: expected to fail ({why})")),
        (Err(why), _) => Outcome::fail(name, group, why),
    }
}

fn read(root: &Path, file: &str) -> Result<String, String> {
    let path: PathBuf = root.join(file);
    std::fs::read(&path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| format!("cannot read {file}: {e}"))
}

/// `Diff.pm` without a gold file: a line that is `passed` and nothing else.
pub fn has_passed_line(log: &str) -> bool {
    log.lines().any(|l| l.trim().eq_ignore_ascii_case("passed"))
}

/// `Diff.pm`: every gold line equals the next log line (the first `skip`
/// gold lines are consumed with a log line each, unchecked) and the log
/// has no extra lines; valgrind's `==N==` lines do not count. `unordered`
/// compares the sorted lines. The error names the first difference.
pub fn compare(gold: &str, log: &str, mut skip: usize, unordered: bool) -> Result<(), String> {
    let mut gold: Vec<&str> = gold.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut log: Vec<&str> = log.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !is_valgrind_line(l)).collect();
    if unordered {
        gold.sort_unstable();
        log.sort_unstable();
    }
    for (i, expected) in gold.iter().enumerate() {
        let Some(actual) = log.get(i) else {
            return Err(format!("log ends before gold line {}: `{expected}`", i + 1));
        };
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if actual != expected {
            return Err(format!("gold line {}: expected `{expected}`, got `{actual}`", i + 1));
        }
    }
    match log.get(gold.len()) {
        Some(extra) => Err(format!("extra log line {}: `{extra}`", gold.len() + 1)),
        None => Ok(()),
    }
}

fn is_valgrind_line(line: &str) -> bool {
    let marked = |m: &str| {
        line.strip_prefix(m)
            .and_then(|rest| rest.split_once(m))
            .is_some_and(|(digits, _)| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
    };
    marked("==") || marked("**")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<Test> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("regress-x.list");
        std::fs::write(&path, text).unwrap();
        let mut tests = Vec::new();
        read_list(&path, "v11", &mut tests).unwrap();
        tests
    }

    #[test]
    fn a_test_that_names_a_work_file_is_known_to_write_there() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("ivltests")).unwrap();
        let file = |name: &str, text: &str| std::fs::write(root.path().join("ivltests").join(name), text).unwrap();
        file("w.v", "module t; initial fd = $fopen(\"work/test_fscanf.bin\", \"wb\"); endmodule\n");
        file("r.v", "module t; initial $readmemh(\"ivltests/r.dat\", m); endmodule\n");
        let tests = parse("w  normal  ivltests\nr  normal  ivltests\nmissing  normal  ivltests\n");
        let writes: Vec<bool> = tests.iter().map(|t| writes_work_files(t, root.path())).collect();
        assert_eq!(writes, [true, false, false]);
    }

    #[test]
    fn list_lines_give_type_flags_plusargs_top_and_check() {
        let tests = parse(
            "# comment\n\
             a  normal  ivltests # trailing comment\n\
             b  CE,-g1995  ivltests\n\
             c  normal,-gspecify,+x=1,+y  ivltests  main\n\
             d  normal  ivltests  gold=d.gold\n\
             e  normal  ivltests  top  unordered=e.gold\n\
             f  RE  ivltests  diff=work/f.txt:gold/f.txt:2\n\
             g  NI  \\\n   ivltests\n",
        );
        let names: Vec<&str> = tests.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c", "d", "e", "f", "g"]);
        assert_eq!(tests[0].kind, Kind::Normal);
        assert_eq!(tests[0].check, Check::PassedLine);
        assert_eq!((tests[1].kind, tests[1].flags.clone()), (Kind::CompileError, vec!["-g1995".to_string()]));
        assert_eq!(tests[2].plusargs, ["+x=1", "+y"]);
        assert_eq!(tests[2].top.as_deref(), Some("main"));
        assert_eq!(tests[3].check, Check::Gold { file: "gold/d.gold".into(), unordered: false });
        assert_eq!(
            (tests[4].top.clone(), tests[4].check.clone()),
            (None, Check::Gold { file: "gold/e.gold".into(), unordered: true })
        );
        assert_eq!(
            tests[5].check,
            Check::Diff { produced: "work/f.txt".into(), expected: "gold/f.txt".into(), skip: 2 }
        );
        assert_eq!((tests[6].kind, tests[6].dir.as_str()), (Kind::NotImplemented, "ivltests"));
        assert!(tests.iter().all(|t| t.list == "regress-x"));
    }

    #[test]
    fn first_definition_wins_unless_versioned_for_this_version() {
        let tests =
            parse("a normal ivltests\na CE ivltests\nv10:a RE ivltests\nv11:a CO ivltests\nv11:b NI ivltests\n");
        assert_eq!(tests.len(), 2);
        assert_eq!((tests[0].name.as_str(), tests[0].kind), ("a", Kind::CompileOnly));
        assert_eq!((tests[1].name.as_str(), tests[1].kind), ("b", Kind::NotImplemented));
    }

    #[test]
    fn unknown_type_is_an_error_with_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.list");
        std::fs::write(&path, "\nx bogus ivltests\n").unwrap();
        let err = read_list(&path, "v11", &mut Vec::new()).unwrap_err();
        assert!(err.ends_with("l.list:2: unknown test type `bogus`"), "{err}");
    }

    #[test]
    fn passed_line_is_alone_on_its_line_in_any_case() {
        assert!(has_passed_line("x\n  Passed \ny"));
        assert!(!has_passed_line("test PASSED\nFAILED"));
    }

    #[test]
    fn gold_comparison_is_exact_ordered_or_sorted_with_skip() {
        assert_eq!(compare("a\nb\n", "a\r\nb\n", 0, false), Ok(()));
        assert_eq!(compare("a\nb\n", "a\nc\n", 0, false), Err("gold line 2: expected `b`, got `c`".into()));
        assert_eq!(compare("a\n", "a\nb\n", 0, false), Err("extra log line 2: `b`".into()));
        assert_eq!(compare("a\nb\n", "a\n", 0, false), Err("log ends before gold line 2: `b`".into()));
        assert_eq!(compare("b\na\n", "a\nb\n", 0, true), Ok(()));
        assert_eq!(compare("x\nb\n", "y\nb\n", 1, false), Ok(()));
        assert_eq!(compare("a\n", "==12== valgrind\na\n", 0, false), Ok(()));
    }

    #[test]
    fn only_flags_with_a_wsim_meaning_are_passed() {
        let flags: Vec<String> =
            ["-gspecify", "-DX=1", "-Ttyp", "-g2001", "-fivltests/a.cf", "-Iinc", "-pX=5", "-Wall"]
                .map(String::from)
                .to_vec();
        assert_eq!(
            wsim_flags(&flags),
            ["--specify", "-DX=1", "--delay-select=typ", "-g2001", "-f", "ivltests/a.cf", "-Iinc"]
        );
    }
}
