//! The runner end to end on small suites built here, with a fake `wsim`
//! (a shell script) whose behaviour each test source chooses through
//! markers: `COMPILE_ERROR`, `CRASH`, `RUN_ERROR`, `HANG`, and `//OUT:`
//! lines it prints when run. So every verdict rule of both suites is
//! exercised without depending on what wsim supports today.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::Command;

const FAKE_WSIM: &str = r#"#!/bin/sh
# compile [flags] -o ARTIFACT ... SOURCES | run [flags] ARTIFACT [+args]
cmd=$1; shift
if [ "$cmd" = compile ]; then
  out=""; srcs=""; stop=""
  while [ $# -gt 0 ]; do
    case "$1" in
      -o) out=$2; shift ;;
      --stop-after=*) stop=${1#--stop-after=} ;;
      -*) ;;
      *) srcs="$srcs $1" ;;
    esac
    shift
  done
  for s in $srcs; do
    grep -q CRASH "$s" && exit 101
    grep -q "COMPILE_ERROR${stop:+_$stop}" "$s" && { echo "$s:1:1: error[E0201]: boom"; exit 2; }
    grep -q COMPILE_ERROR "$s" && [ -z "$stop" ] && { echo "$s:1:1: error[E0201]: boom"; exit 2; }
  done
  [ -n "$stop" ] && exit 0
  echo $srcs > "$out"; exit 0
fi
art=""
for a in "$@"; do case "$a" in -*|+*) ;; *) art=$a ;; esac; done
for s in $(cat "$art"); do
  grep -q HANG "$s" && sleep 30
  sed -n 's|^//OUT: \{0,1\}||p' "$s"
  grep -q PLUSARG "$s" && echo "args: $*"
  grep -q RUN_ERROR "$s" && { echo "ERROR: at 5ns"; exit 1; }
done
exit 0
"#;

struct Suite {
    dir: tempfile::TempDir,
    wsim: PathBuf,
}

impl Suite {
    fn new() -> Suite {
        let dir = tempfile::tempdir().unwrap();
        let wsim = dir.path().join("fake-wsim");
        std::fs::write(&wsim, FAKE_WSIM).unwrap();
        std::fs::set_permissions(&wsim, std::fs::Permissions::from_mode(0o755)).unwrap();
        Suite { dir, wsim }
    }
    fn root(&self) -> PathBuf {
        self.dir.path().join("suite")
    }
    fn file(&self, path: &str, text: &str) {
        let path = self.root().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    /// Run the runner; its stdout and exit status.
    fn run(&self, suite: &str, extra: &[&str]) -> (String, i32) {
        let output = Command::new(env!("CARGO_BIN_EXE_wsim-conformance"))
            .arg(suite)
            .arg(self.root())
            .args(["--wsim", self.wsim.to_str().unwrap(), "--jobs", "2", "--failures"])
            .args(extra)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(output.status.code().is_some(), "runner died: {}", String::from_utf8_lossy(&output.stderr));
        (stdout, output.status.code().unwrap())
    }
    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }
}

/// The `  name: detail` failure lines of a report.
fn failures(report: &str) -> Vec<String> {
    let start = report.find("failures:\n").map(|i| i + "failures:\n".len()).unwrap_or(report.len());
    report[start..].lines().take_while(|l| l.starts_with("  ")).map(|l| l.trim().to_string()).collect()
}

fn build_ivtest(s: &Suite) {
    s.file(
        "regress-vlg.list",
        "# name type dir [top] [gold]\n\
         passes        normal      ivltests\n\
         no_passed     normal      ivltests\n\
         gold_ok       normal      ivltests   gold=gold_ok.gold\n\
         gold_bad      normal      ivltests   gold=gold_bad.gold\n\
         ce_ok         CE          ivltests\n\
         ce_missed     CE          ivltests\n\
         re_ok         RE          ivltests\n\
         re_missed     RE          ivltests\n\
         co_ok         CO          ivltests\n\
         crash         normal      ivltests\n\
         hang          normal      ivltests\n\
         ni            NI          ivltests\n\
         ef            EF          ivltests\n\
         plus          normal,-gspecify,+x=1   ivltests\n\
         missing       normal      ivltests\n",
    );
    s.file("ivltests/passes.v", "//OUT: PASSED\n");
    s.file("ivltests/no_passed.v", "//OUT: FAILED\n");
    s.file("ivltests/gold_ok.v", "//OUT: a\n//OUT: b\n");
    s.file("gold/gold_ok.gold", "a\nb\n");
    s.file("ivltests/gold_bad.v", "//OUT: a\n//OUT: c\n");
    s.file("gold/gold_bad.gold", "a\nb\n");
    s.file("ivltests/ce_ok.v", "COMPILE_ERROR\n");
    s.file("ivltests/ce_missed.v", "//OUT: PASSED\n");
    s.file("ivltests/re_ok.v", "RUN_ERROR\n");
    s.file("ivltests/re_missed.v", "//OUT: PASSED\n");
    s.file("ivltests/co_ok.v", "\n");
    s.file("ivltests/crash.v", "CRASH\n");
    s.file("ivltests/hang.v", "HANG\n");
    s.file("ivltests/ef.v", "//OUT: nope\n");
    s.file("ivltests/plus.v", "PLUSARG\n//OUT: passed\n");
}

#[test]
fn ivtest_verdicts_follow_vvp_reg_pl() {
    let s = Suite::new();
    build_ivtest(&s);
    let (report, code) = s.run("ivtest", &["--timeout", "2"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(
        failures(&report),
        [
            "no_passed: no PASSED line",
            "gold_bad: gold line 2: expected `b`, got `c`",
            "ce_missed: CE: no error reported",
            "re_missed: RE: no error reported",
            "crash: compile crashed (exit status 101): (no output)",
            "hang: run timed out: (no output)",
            "missing: missing source file ./ivltests/missing.v",
        ],
        "{report}"
    );
    assert!(report.contains("  regress-vlg                  15      6      7      2    40.0%"), "{report}");
    assert!(report.contains("  crashes: 1, timeouts: 1"), "{report}");
}

#[test]
fn ivtest_baseline_catches_a_regression() {
    let s = Suite::new();
    build_ivtest(&s);
    let baseline = s.path("baseline.txt");
    let (_, code) = s.run("ivtest", &["--timeout", "2", "--baseline", &baseline, "--bless"]);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&baseline).unwrap();
    assert!(
        text.contains("\npass passes\n") && text.contains("\nfail hang\n") && text.contains("\nskip ni\n"),
        "{text}"
    );

    s.file("ivltests/passes.v", "//OUT: FAILED\n");
    s.file("ivltests/no_passed.v", "//OUT: PASSED\n");
    let (report, code) = s.run("ivtest", &["--timeout", "2", "--baseline", &baseline]);
    assert_eq!(code, 1, "{report}");
    assert!(report.contains("baseline: 1 regressions, 1 improvements, 0 new tests, 0 missing tests"), "{report}");
    assert!(report.contains("  REGRESSION passes: no PASSED line"), "{report}");
    assert!(report.contains("  now passes no_passed (re-bless the baseline)"), "{report}");
}

fn sv_test(name: &str, ty: &str, should_fail: bool, body: &str) -> String {
    let fail = if should_fail { ":should_fail_because: it is illegal\n" } else { "" };
    format!("/*\n:name: {name}\n:tags: 5.1\n:type: {ty}\n{fail}*/\n{body}")
}

#[test]
fn sv_tests_verdicts_follow_the_runner_and_log_parser() {
    let s = Suite::new();
    s.file(
        "tests/chapter-5/sim_ok.sv",
        &sv_test("a", "simulation elaboration", false, "//OUT: :assert: ((1 == 1) and ('a' == 'a'))\n"),
    );
    s.file("tests/chapter-5/sim_assert.sv", &sv_test("b", "simulation", false, "//OUT: :assert: (10 == x)\n"));
    s.file("tests/chapter-5/elab_ok.sv", &sv_test("c", "elaboration", false, "//OUT: :assert: (False)\n"));
    s.file("tests/chapter-5/fail_ok.sv", &sv_test("d", "elaboration", true, "COMPILE_ERROR\n"));
    s.file("tests/chapter-5/fail_missed.sv", &sv_test("e", "elaboration", true, "\n"));
    s.file("tests/chapter-11/run_error.sv", &sv_test("f", "simulation", false, "RUN_ERROR\n"));
    s.file("tests/chapter-11/pp_only.sv", &sv_test("g", "preprocessing", false, "COMPILE_ERROR_elaborate\n"));
    s.file("tests/chapter-11/pp_fails.sv", &sv_test("h", "preprocessing", false, "COMPILE_ERROR_preprocess\n"));
    s.file("tests/chapter-11/uvm.sv", "/*\n:tags: uvm\n*/\nCRASH\n");
    s.file("tests/generic/hang.sv", &sv_test("i", "simulation", false, "HANG\n:timeout: 1\n"));
    let (report, code) = s.run("sv-tests", &[]);
    assert_eq!(code, 0, "{report}");
    let root = s.root().canonicalize().unwrap();
    let pp = root.join("tests/chapter-11/pp_fails.sv");
    assert_eq!(
        failures(&report),
        [
            "chapter-11/pp_fails.sv: ".to_string() + &pp.display().to_string() + ":1:1: error[E0201]: boom",
            "chapter-11/run_error.sv: ERROR: at 5ns".into(),
            "chapter-5/fail_missed.sv: should fail but wsim succeeded".into(),
            "chapter-5/sim_assert.sv: assert does not hold: :assert: (10 == x)".into(),
            "generic/hang.sv: wsim timed out: (no output)".into(),
        ],
        "{report}"
    );
    assert!(report.contains("  chapter-5                     5      3      2      0    60.0%"), "{report}");
    assert!(report.contains("  chapter-11                    3      1      2      0    33.3%"), "{report}");
    assert!(
        report.contains(&format!("  {:<24} {:>6} {:>6} {:>6} {:>6} {:>7.1}%", "total", 9, 4, 5, 0, 44.4)),
        "{report}"
    );
    let with_uvm = s.run("sv-tests", &["--with-uvm", "--filter", "uvm"]).0;
    assert!(with_uvm.contains("chapter-11/uvm.sv: wsim crashed (exit status 101)"), "{with_uvm}");
}
