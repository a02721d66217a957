//! `wsim-conformance`: run ivtest or sv-tests against wsim.
//!
//! ```text
//! wsim-conformance ivtest ~/ivtest --list regress-vlg.list --jobs 2 \
//!     --baseline tests/conformance/baseline/ivtest-regress-vlg.txt
//! wsim-conformance sv-tests ~/sv-tests --baseline tests/conformance/baseline/sv-tests.txt
//! ```
//! Exit status: 0, or 1 when a test that passes in the baseline fails now,
//! 2 when the suite or the options are unusable.

use clap::{Parser, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use wsim_conformance::{ivtest, run_parallel, summary, svtests, Outcome, Tool};

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Suite {
    Ivtest,
    SvTests,
}

#[derive(Parser, Debug)]
#[command(about = "Run the ivtest or sv-tests suite against wsim and compare with a baseline")]
struct Options {
    suite: Suite,
    /// The suite's checkout (fetched; never committed).
    root: PathBuf,
    /// ivtest: a list file in the suite root (repeatable; default regress-vlg.list).
    #[arg(long = "list")]
    lists: Vec<String>,
    /// ivtest: the version whose `vNN:` list lines apply.
    #[arg(long, default_value = "v11")]
    version: String,
    /// Tests run at once (default: the number of CPUs).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// ivtest: seconds one compile or run may take (sv-tests use `:timeout:`).
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// The wsim binary (default: $WSIM_BIN, else `wsim` beside this program, else on PATH).
    #[arg(long)]
    wsim: Option<PathBuf>,
    /// Verdicts to compare with (`verdict name` lines).
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Write this run's verdicts to the --baseline file instead of comparing.
    #[arg(long, requires = "baseline")]
    bless: bool,
    /// Only tests whose name contains this text.
    #[arg(long)]
    filter: Option<String>,
    /// Print every failure with its first error line.
    #[arg(long)]
    failures: bool,
    /// Print the N most common failure causes.
    #[arg(long, value_name = "N", default_value_t = 10)]
    causes: usize,
    /// sv-tests: also the tests that need UVM.
    #[arg(long)]
    with_uvm: bool,
}

fn main() -> ExitCode {
    let options = Options::parse();
    match run(&options) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("wsim-conformance: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(options: &Options) -> Result<ExitCode, String> {
    let started = Instant::now();
    let work =
        tempfile::Builder::new().prefix("wsim-conformance").tempdir().map_err(|e| format!("scratch dir: {e}"))?;
    let tool = Tool {
        wsim: wsim_binary(options.wsim.as_deref())?,
        timeout: Duration::from_secs(options.timeout),
        work: work.path().to_path_buf(),
    };
    let jobs = options.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let (label, outcomes) = match options.suite {
        Suite::Ivtest => run_ivtest(options, &tool, jobs)?,
        Suite::SvTests => run_sv_tests(options, &tool, jobs)?,
    };
    print!("{}", summary::render_counts(&label, &outcomes));
    if options.failures {
        print!("failures:\n{}", summary::render_failures(&outcomes));
    }
    if options.causes > 0 {
        println!("most common failure causes:");
        for (cause, count) in summary::common_causes(&outcomes, options.causes) {
            println!("  {count:>5}  {cause}");
        }
    }
    println!("time: {:.1} s with {jobs} jobs", started.elapsed().as_secs_f64());
    compare_with_baseline(options, &label, &outcomes)
}

fn run_ivtest(options: &Options, tool: &Tool, jobs: usize) -> Result<(String, Vec<Outcome>), String> {
    let lists = if options.lists.is_empty() { vec!["regress-vlg.list".to_string()] } else { options.lists.clone() };
    let mut tests = Vec::new();
    for list in &lists {
        ivtest::read_list(&options.root.join(list), &options.version, &mut tests)?;
    }
    tests.retain(|t| selected(options, &t.name));
    // vvp_reg.pl creates these for the tests to write into.
    for dir in ["log", "work"] {
        std::fs::create_dir_all(options.root.join(dir)).map_err(|e| format!("cannot create {dir}/: {e}"))?;
    }
    let root = options.root.canonicalize().map_err(|e| format!("{}: {e}", options.root.display()))?;
    // Tests that write fixed names under work/ (fscanf_u and fscanf_z both
    // use work/test_fscanf.bin) would race each other: they take turns.
    let work_dir = std::sync::Mutex::new(());
    let outcomes = run_parallel(
        &tests,
        jobs,
        |t| {
            let _turn = ivtest::writes_work_files(t, &root).then(|| work_dir.lock().unwrap_or_else(|e| e.into_inner()));
            ivtest::run_test(t, &root, tool)
        },
        progress(tests.len()),
    );
    Ok((format!("ivtest {}", lists.join(" ")), outcomes))
}

fn run_sv_tests(options: &Options, tool: &Tool, jobs: usize) -> Result<(String, Vec<Outcome>), String> {
    let root = options.root.canonicalize().map_err(|e| format!("{}: {e}", options.root.display()))?;
    let mut tests = svtests::discover(&root, options.with_uvm)?;
    tests.retain(|t| selected(options, &t.name));
    let outcomes = run_parallel(&tests, jobs, |t| svtests::run_test(t, tool), progress(tests.len()));
    Ok(("sv-tests".to_string(), outcomes))
}

fn selected(options: &Options, name: &str) -> bool {
    options.filter.as_deref().is_none_or(|f| name.contains(f))
}

/// A line on stderr every 100 tests.
fn progress(total: usize) -> impl Fn(usize) + Sync {
    move |done| {
        if done % 100 == 0 || done == total {
            eprintln!("  {done}/{total}");
        }
    }
}

fn compare_with_baseline(options: &Options, label: &str, outcomes: &[Outcome]) -> Result<ExitCode, String> {
    let Some(path) = &options.baseline else { return Ok(ExitCode::SUCCESS) };
    if options.bless {
        std::fs::write(path, summary::render_baseline(label, outcomes))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("baseline written to {}", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let baseline = summary::parse_baseline(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let comparison = summary::compare(&baseline, outcomes, options.filter.is_some());
    print!("{}", summary::render_comparison(&comparison));
    Ok(if comparison.is_clean() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// `--wsim`, else `$WSIM_BIN`, else `wsim` in this program's folder (both
/// are built into the same target directory), else `wsim` on PATH.
fn wsim_binary(given: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(path) = given.map(Path::to_path_buf).or_else(|| std::env::var_os("WSIM_BIN").map(PathBuf::from)) {
        return if path.is_file() { Ok(path) } else { Err(format!("{} does not exist", path.display())) };
    }
    let beside = std::env::current_exe().ok().and_then(|exe| exe.parent().map(|dir| dir.join("wsim")));
    Ok(beside.filter(|p| p.is_file()).unwrap_or_else(|| PathBuf::from("wsim")))
}
