//! What a run prints: pass counts per group (ivtest list, sv-tests LRM
//! chapter), the failures with their first error line, the most common
//! causes, and the comparison with the baseline kept in the repository
//! (test names and verdicts only, one `verdict name` line each).

use crate::{Outcome, Problem, Verdict};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Pass/fail/skip counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub pass: usize,
    pub fail: usize,
    pub skip: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.pass + self.fail + self.skip
    }
    fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Pass => self.pass += 1,
            Verdict::Fail => self.fail += 1,
            Verdict::Skip => self.skip += 1,
        }
    }
    /// Passes as a percentage of every test (skipped ones count as not
    /// passed, as the suites count them).
    pub fn percent(&self) -> f64 {
        if self.total() == 0 {
            0.0
        } else {
            100.0 * self.pass as f64 / self.total() as f64
        }
    }
}

/// Counts per group, in group order (chapters by number).
pub fn by_group(outcomes: &[Outcome]) -> Vec<(String, Counts)> {
    let mut groups: BTreeMap<(u32, String), Counts> = BTreeMap::new();
    for o in outcomes {
        let number = o.group.rsplit('-').next().and_then(|n| n.parse().ok()).unwrap_or(u32::MAX);
        groups.entry((number, o.group.clone())).or_default().add(o.verdict);
    }
    groups.into_iter().map(|((_, g), c)| (g, c)).collect()
}

pub fn totals(outcomes: &[Outcome]) -> Counts {
    let mut counts = Counts::default();
    outcomes.iter().for_each(|o| counts.add(o.verdict));
    counts
}

/// The table of counts.
pub fn render_counts(suite: &str, outcomes: &[Outcome]) -> String {
    let mut out = String::new();
    let row = |out: &mut String, name: &str, c: Counts| {
        let _ = writeln!(
            out,
            "  {name:<24} {:>6} {:>6} {:>6} {:>6} {:>7.1}%",
            c.total(),
            c.pass,
            c.fail,
            c.skip,
            c.percent()
        );
    };
    let _ = writeln!(
        out,
        "{suite}:\n  {:<24} {:>6} {:>6} {:>6} {:>6} {:>8}",
        "group", "tests", "pass", "fail", "skip", "pass"
    );
    for (group, counts) in by_group(outcomes) {
        row(&mut out, &group, counts);
    }
    row(&mut out, "total", totals(outcomes));
    let crashes = outcomes.iter().filter(|o| o.problem == Some(Problem::Crash)).count();
    let timeouts = outcomes.iter().filter(|o| o.problem == Some(Problem::Timeout)).count();
    let _ = writeln!(out, "  crashes: {crashes}, timeouts: {timeouts}");
    out
}

/// Every failure with its reason, `name: detail`.
pub fn render_failures(outcomes: &[Outcome]) -> String {
    outcomes.iter().filter(|o| o.verdict == Verdict::Fail).map(|o| format!("  {}: {}\n", o.name, o.detail)).collect()
}

/// The `n` most common failure causes: the failure detail with quoted
/// names, numbers and source positions blotted out, so one missing
/// feature counts once per test it blocks.
pub fn common_causes(outcomes: &[Outcome], n: usize) -> Vec<(String, usize)> {
    let mut causes: BTreeMap<String, usize> = BTreeMap::new();
    for o in outcomes.iter().filter(|o| o.verdict == Verdict::Fail) {
        *causes.entry(cause_of(&o.detail)).or_default() += 1;
    }
    let mut sorted: Vec<(String, usize)> = causes.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    sorted.truncate(n);
    sorted
}

/// `compile: ./ivltests/x.v:3:7: error[E0201]: expected `;`, found `(``
/// becomes `compile: error[E0201]: expected `…`, found `…``.
pub fn cause_of(detail: &str) -> String {
    let step = ["compile: ", "run: "].into_iter().find(|p| detail.starts_with(p)).unwrap_or("");
    let without_position = match detail.find(": error[").or_else(|| detail.find(": warning[")) {
        Some(at) => format!("{step}{}", &detail[at + 2..]),
        None => detail.to_string(),
    };
    let mut out = String::new();
    let mut in_quote = false;
    // Digits right after `E`/`W` are a diagnostic code and stay.
    let mut in_code = false;
    for c in without_position.chars() {
        let after_digit_or_n = out.ends_with(|p: char| p.is_ascii_digit() || p == 'N');
        match c {
            '`' if in_quote => {
                in_quote = false;
                out.push('`');
            }
            '`' => {
                in_quote = true;
                out.push_str("`…");
            }
            _ if in_quote => {}
            c if c.is_ascii_digit() && (in_code || out.ends_with(['E', 'W'])) => {
                in_code = true;
                out.push(c);
            }
            c if c.is_ascii_digit() && after_digit_or_n && out.ends_with('N') => {}
            c if c.is_ascii_digit() => out.push('N'),
            c => {
                in_code = false;
                out.push(c);
            }
        }
    }
    out
}

/// A baseline: verdict per test name.
pub type Baseline = BTreeMap<String, Verdict>;

pub fn render_baseline(suite: &str, outcomes: &[Outcome]) -> String {
    let mut out = format!("# wsim-conformance baseline for {suite}: `verdict name` per test (re-bless with --bless)\n");
    let mut sorted: Vec<&Outcome> = outcomes.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    for o in sorted {
        let _ = writeln!(out, "{} {}", o.verdict.as_str(), o.name);
    }
    out
}

pub fn parse_baseline(text: &str) -> Result<Baseline, String> {
    let mut baseline = Baseline::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (verdict, name) =
            line.split_once(' ').ok_or_else(|| format!("baseline line {}: expected `verdict name`", i + 1))?;
        let verdict =
            Verdict::parse(verdict).ok_or_else(|| format!("baseline line {}: unknown verdict `{verdict}`", i + 1))?;
        baseline.insert(name.trim().to_string(), verdict);
    }
    Ok(baseline)
}

/// How this run differs from the baseline.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Passed in the baseline, not now: `(name, detail)`.
    pub regressions: Vec<(String, String)>,
    /// Passing now, not in the baseline.
    pub improvements: Vec<String>,
    /// Run now but absent from the baseline, or the other way round.
    pub new_tests: Vec<String>,
    pub missing_tests: Vec<String>,
}

impl Comparison {
    pub fn is_clean(&self) -> bool {
        self.regressions.is_empty()
    }
}

/// Compare with the baseline. `partial` (a `--filter` run) does not count
/// baseline tests that were not run as missing.
pub fn compare(baseline: &Baseline, outcomes: &[Outcome], partial: bool) -> Comparison {
    let mut cmp = Comparison::default();
    for o in outcomes {
        match baseline.get(&o.name) {
            None => cmp.new_tests.push(o.name.clone()),
            Some(Verdict::Pass) if o.verdict != Verdict::Pass => {
                cmp.regressions.push((o.name.clone(), o.detail.clone()))
            }
            Some(old) if *old != Verdict::Pass && o.verdict == Verdict::Pass => cmp.improvements.push(o.name.clone()),
            Some(_) => {}
        }
    }
    if !partial {
        let run: std::collections::BTreeSet<&str> = outcomes.iter().map(|o| o.name.as_str()).collect();
        cmp.missing_tests = baseline.keys().filter(|n| !run.contains(n.as_str())).cloned().collect();
    }
    cmp
}

pub fn render_comparison(cmp: &Comparison) -> String {
    let mut out = format!(
        "baseline: {} regressions, {} improvements, {} new tests, {} missing tests\n",
        cmp.regressions.len(),
        cmp.improvements.len(),
        cmp.new_tests.len(),
        cmp.missing_tests.len()
    );
    for (name, detail) in &cmp.regressions {
        let _ = writeln!(out, "  REGRESSION {name}: {detail}");
    }
    for name in &cmp.improvements {
        let _ = writeln!(out, "  now passes {name} (re-bless the baseline)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(name: &str, group: &str, verdict: Verdict, detail: &str) -> Outcome {
        Outcome { name: name.into(), group: group.into(), verdict, detail: detail.into(), problem: None }
    }

    #[test]
    fn counts_per_group_order_chapters_by_number() {
        let outcomes = [
            outcome("a", "chapter-10", Verdict::Pass, ""),
            outcome("b", "chapter-5", Verdict::Fail, "x"),
            outcome("c", "chapter-5", Verdict::Pass, ""),
            outcome("d", "generic", Verdict::Skip, ""),
        ];
        let groups = by_group(&outcomes);
        let names: Vec<&str> = groups.iter().map(|(g, _)| g.as_str()).collect();
        assert_eq!(names, ["chapter-5", "chapter-10", "generic"]);
        assert_eq!(groups[0].1, Counts { pass: 1, fail: 1, skip: 0 });
        assert_eq!(totals(&outcomes).percent(), 50.0);
    }

    #[test]
    fn causes_blot_out_names_numbers_and_positions() {
        assert_eq!(
            cause_of("compile: ./ivltests/a.v:3:7: error[E0201]: expected `;`, found `(` at 12"),
            "compile: error[E0201]: expected `…`, found `…` at N"
        );
        let outcomes = [
            outcome("a", "g", Verdict::Fail, "run: x.v:1:1: error[E0401]: `foo` is unsupported"),
            outcome("b", "g", Verdict::Fail, "run: y.v:9:2: error[E0401]: `bar` is unsupported"),
            outcome("c", "g", Verdict::Fail, "no PASSED line"),
            outcome("d", "g", Verdict::Pass, ""),
        ];
        assert_eq!(
            common_causes(&outcomes, 5),
            [("run: error[E0401]: `…` is unsupported".to_string(), 2), ("no PASSED line".to_string(), 1)]
        );
    }

    #[test]
    fn baseline_round_trips_and_finds_regressions_and_improvements() {
        let before = [
            outcome("a", "g", Verdict::Pass, ""),
            outcome("b", "g", Verdict::Fail, "x"),
            outcome("gone", "g", Verdict::Pass, ""),
        ];
        let baseline = parse_baseline(&render_baseline("s", &before)).unwrap();
        assert_eq!(baseline.len(), 3);
        let after = [
            outcome("a", "g", Verdict::Fail, "broke"),
            outcome("b", "g", Verdict::Pass, ""),
            outcome("new", "g", Verdict::Pass, ""),
        ];
        let cmp = compare(&baseline, &after, false);
        assert_eq!(cmp.regressions, [("a".to_string(), "broke".to_string())]);
        assert_eq!(cmp.improvements, ["b"]);
        assert_eq!(cmp.new_tests, ["new"]);
        assert_eq!(cmp.missing_tests, ["gone"]);
        assert!(!cmp.is_clean());
        assert!(compare(&baseline, &after, true).missing_tests.is_empty());
        assert_eq!(parse_baseline("oops a\n").unwrap_err(), "baseline line 1: unknown verdict `oops`");
    }
}
