//! sv-tests (chipsalliance/sv-tests): the metadata in each test's header
//! and the verdicts of its `tools/runner`.
//!
//! Header lines `:key: value` (`:name: :tags: :type: :should_fail_because:
//! :top_module: :files: :incdirs: :defines: :timeout:`). The run mode is
//! the first of simulation, simulation_without_run, elaboration, parsing,
//! preprocessing that `:type:` lists (default `parsing elaboration`). A
//! test passes when wsim fails exactly when the test should fail, nothing
//! crashed, and, in simulation mode, every printed `:assert: <expr>` line
//! holds ([`crate::pyexpr`]).

use crate::exec::{self, Exit, Run};
use crate::{pyexpr, Outcome, Tool};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One test file with its metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Test {
    /// Path relative to the suite's `tests/` folder.
    pub name: String,
    /// `chapter-N` (or the first folder, or `tests`).
    pub chapter: String,
    pub mode: Mode,
    pub should_fail: bool,
    pub files: Vec<PathBuf>,
    pub incdirs: Vec<PathBuf>,
    pub defines: Vec<String>,
    pub top: Option<String>,
    pub timeout: Duration,
    pub tags: Vec<String>,
}

/// What the test asks a tool to do, in the runner's order of preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Simulation,
    SimulationWithoutRun,
    Elaboration,
    Parsing,
    Preprocessing,
}

impl Mode {
    const PREFERENCE: [(&'static str, Mode); 5] = [
        ("simulation", Mode::Simulation),
        ("simulation_without_run", Mode::SimulationWithoutRun),
        ("elaboration", Mode::Elaboration),
        ("parsing", Mode::Parsing),
        ("preprocessing", Mode::Preprocessing),
    ];

    fn select(types: &str) -> Option<Mode> {
        let listed: Vec<&str> = types.split_whitespace().collect();
        Mode::PREFERENCE.iter().find(|(name, _)| listed.contains(name)).map(|&(_, mode)| mode)
    }
}

/// The keys the runner reads; any other `:key:` line (`:assert:` in a
/// `$display` string, say) is not metadata.
const KEYS: &[&str] = &[
    "name",
    "tags",
    "description",
    "files",
    "incdirs",
    "top_module",
    "timeout",
    "type",
    "should_fail",
    "should_fail_because",
    "defines",
    "compatible-runners",
    "unsynthesizable",
    "results_group",
    "simvariants",
];

/// Every `*.sv` under `root/tests`, sorted, with its metadata; tests that
/// need a library wsim is not given (tagged `uvm`...) are left out unless
/// `with_uvm`.
pub fn discover(root: &Path, with_uvm: bool) -> Result<Vec<Test>, String> {
    let tests_dir = root.join("tests");
    let mut files = Vec::new();
    collect_sv_files(&tests_dir, &mut files).map_err(|e| format!("cannot list {}: {e}", tests_dir.display()))?;
    files.sort();
    let mut tests = Vec::new();
    for file in files {
        let text = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let test = parse_test(&tests_dir, &file, &String::from_utf8_lossy(&text))?;
        if with_uvm || !test.tags.iter().any(|t| t.starts_with("uvm")) {
            tests.push(test);
        }
    }
    Ok(tests)
}

fn collect_sv_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_sv_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("sv")) {
            out.push(path);
        }
    }
    Ok(())
}

/// The metadata of one file, with the runner's defaults.
pub fn parse_test(tests_dir: &Path, file: &Path, text: &str) -> Result<Test, String> {
    let meta = metadata(text);
    let get = |key: &str| meta.get(key).map(String::as_str);
    let name = file.strip_prefix(tests_dir).unwrap_or(file).to_string_lossy().into_owned();
    let chapter = name.split('/').next().filter(|_| name.contains('/')).unwrap_or("tests").to_string();
    let types = get("type").unwrap_or("parsing elaboration");
    let mode = Mode::select(types).ok_or_else(|| format!("{name}: no known mode in `:type: {types}`"))?;
    let should_fail = get("should_fail_because").is_some() || get("should_fail") == Some("1");
    let files = match get("files") {
        Some(list) => list.split_whitespace().map(|f| tests_dir.join(f)).collect(),
        None => vec![file.to_path_buf()],
    };
    let incdirs = match get("incdirs") {
        Some(list) => list.split_whitespace().map(|d| tests_dir.join(d)).collect(),
        None => file.parent().map(Path::to_path_buf).into_iter().collect(),
    };
    let timeout = get("timeout").unwrap_or("30");
    let timeout = timeout.trim().parse().map_err(|_| format!("{name}: bad `:timeout: {timeout}`"))?;
    Ok(Test {
        name,
        chapter,
        mode,
        should_fail,
        files,
        incdirs,
        defines: get("defines").map(|d| d.split_whitespace().map(String::from).collect()).unwrap_or_default(),
        top: get("top_module").map(|t| t.trim().to_string()).filter(|t| !t.is_empty()),
        timeout: Duration::from_secs(timeout),
        tags: get("tags").map(|t| t.split_whitespace().map(String::from).collect()).unwrap_or_default(),
    })
}

/// `^:key:\s*(.+)` lines; a later line overrides an earlier one, as in
/// the runner's dictionary.
fn metadata(text: &str) -> BTreeMap<String, String> {
    let mut meta = BTreeMap::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix(':') else { continue };
        let Some((key, value)) = rest.split_once(':') else { continue };
        let valid_key = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'-');
        let value = value.trim_start();
        if valid_key && !value.is_empty() && KEYS.contains(&key.to_ascii_lowercase().as_str()) {
            meta.insert(key.to_ascii_lowercase(), value.trim_end().to_string());
        }
    }
    meta
}

/// Run one test in its own scratch folder and judge it.
pub fn run_test(test: &Test, tool: &Tool) -> Outcome {
    let (name, group) = (test.name.as_str(), test.chapter.as_str());
    let scratch = tool.work.join(name.replace('/', "__"));
    if let Err(e) = std::fs::create_dir_all(&scratch) {
        return Outcome::fail(name, group, format!("cannot create {}: {e}", scratch.display()));
    }
    let run = invoke(test, &scratch, tool);
    let _ = std::fs::remove_dir_all(&scratch);
    let failed = !run.succeeded();
    // The runner counts a status of 126 or more as a crash whatever the
    // expectation; a timeout is its status 71.
    if let Some(problem) = Outcome::from_problem(name, group, "wsim", &run) {
        return problem;
    }
    if failed != test.should_fail {
        let why = if test.should_fail {
            "should fail but wsim succeeded".to_string()
        } else {
            crate::first_error_line(&run.output)
        };
        return Outcome::fail(name, group, why);
    }
    if test.mode == Mode::Simulation {
        if let Some(line) = pyexpr::first_failed_assert(&run.output) {
            return Outcome::fail(name, group, format!("assert does not hold: {line}"));
        }
    }
    Outcome::pass(name, group)
}

/// The compile (and for simulation, the run) in `scratch`; the output of
/// both, and the first failing status.
fn invoke(test: &Test, scratch: &Path, tool: &Tool) -> Run {
    let artifact = scratch.join("test.wasm");
    // `--no-context`: a diagnostic's source snippet could quote an
    // `:assert:` line of the test, which the log parser would evaluate.
    let mut args: Vec<String> = ["compile", "-q", "--no-cache", "--no-context", "-o"].map(String::from).to_vec();
    args.push(artifact.display().to_string());
    match test.mode {
        Mode::Preprocessing => args.push("--stop-after=preprocess".into()),
        Mode::Parsing => args.push("--stop-after=parse".into()),
        Mode::Elaboration | Mode::Simulation | Mode::SimulationWithoutRun => {}
    }
    args.extend(test.incdirs.iter().map(|d| format!("--incdir={}", d.display())));
    args.extend(test.defines.iter().map(|d| format!("--define={d}")));
    args.extend(test.top.iter().map(|t| format!("--top={t}")));
    args.extend(test.files.iter().map(|f| f.display().to_string()));
    let started = std::time::Instant::now();
    let compile = exec::run(&tool.wsim, &args, scratch, test.timeout);
    if test.mode != Mode::Simulation || !compile.succeeded() {
        return compile;
    }
    let left = test.timeout.saturating_sub(started.elapsed());
    if left.is_zero() {
        return Run { exit: Exit::Timeout, output: compile.output };
    }
    let run_args = ["run", "-q", "--no-cache", &artifact.display().to_string()].map(String::from).to_vec();
    let mut run = exec::run(&tool.wsim, &run_args, scratch, left);
    run.output = compile.output + &run.output;
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Test {
        parse_test(Path::new("/s/tests"), Path::new("/s/tests/chapter-7/t.sv"), text).unwrap()
    }

    #[test]
    fn defaults_are_the_runners() {
        let t = parse("module m; endmodule\n");
        assert_eq!(t.name, "chapter-7/t.sv");
        assert_eq!(t.chapter, "chapter-7");
        assert_eq!(t.mode, Mode::Elaboration);
        assert!(!t.should_fail);
        assert_eq!(t.files, [PathBuf::from("/s/tests/chapter-7/t.sv")]);
        assert_eq!(t.incdirs, [PathBuf::from("/s/tests/chapter-7")]);
        assert_eq!(t.timeout, Duration::from_secs(30));
    }

    #[test]
    fn header_keys_set_mode_expectation_and_options() {
        let t = parse(
            "/*\n:name: x\n:tags: 7.2 uvm\n:type: simulation elaboration parsing\n\
             :should_fail_because: bad\n:top_module: top\n:defines: A=1 B\n:timeout: 300\n*/\n\
             initial $display(\":assert: (1 == 2)\");\n",
        );
        assert_eq!(t.mode, Mode::Simulation);
        assert!(t.should_fail);
        assert_eq!(t.top.as_deref(), Some("top"));
        assert_eq!(t.defines, ["A=1", "B"]);
        assert_eq!(t.timeout, Duration::from_secs(300));
        assert_eq!(t.tags, ["7.2", "uvm"]);
    }

    #[test]
    fn preprocessing_only_tests_stop_after_the_preprocessor() {
        assert_eq!(parse(":type: preprocessing\n").mode, Mode::Preprocessing);
        assert_eq!(parse(":type: preprocessing parsing\n").mode, Mode::Parsing);
    }
}
