//! End-to-end wave tests through the real `wsim` binary.
//!
//! Two groups of trials:
//! - `waves/<file>.v` (differential): each `tests/waves/*.v` runs under
//!   `wsim sim` and under Icarus (`iverilog -g2012` + `vvp -n`); both VCD
//!   files are read back with `wellen`. wsim must dump exactly the
//!   variables Icarus dumps (by hierarchical name; the designs avoid what
//!   Icarus optimizes away), each with the same sequence of (time, value)
//!   changes. Values are normalized first: bit strings are extended to the
//!   variable's width (IEEE 1364-2005 18.2.3.7: 0-extended, or x/z-extended
//!   when the leftmost bit is x/z), reals are compared as numbers. Without
//!   Icarus these trials are ignored with a note. The same design also
//!   runs with `--waves-file wsim.fst`, and that FST file must match
//!   Icarus's VCD the same way. The design's `//!` TOML header may record:
//!   `icarus = "differs: <why, IEEE clause>"` + `icarus_differs = [vars]`
//!   (those variables must differ, so the record cannot go stale; all
//!   others must match), `vcd_only = "<why>"` (the FST run is not
//!   comparable), `fst_known_bug`/`known_bug = "<what>"` (a reported wsim
//!   bug: the FST comparison, or the whole trial, is skipped with a note).
//! - `flags/<name>`: the run-time options (`--waves`, `--waves-file`,
//!   `--dump-arrays`, `--waves-scope`, the file sandbox, limits,
//!   `--stats-json`) on designs embedded below; no Icarus needed.
//!
//! Filter as usual: `cargo test -p wsim-tests --test waves -- flags/`.

use libtest_mimic::{Failed, Trial};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use wsim_tests::process::{self, Output, ScratchDir};
use wsim_tests::{harness, tools};

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let icarus = tools::icarus_available();
    if !icarus {
        eprintln!("note: iverilog/vvp not found on PATH; the waves/ differential trials are skipped");
    }
    let mut trials: Vec<Trial> = harness::golden_files(&tools::tests_dir().join("waves"))
        .into_iter()
        .map(|path| {
            let name = format!("waves/{}", path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default());
            let known_bug = known_bug(&path);
            if let Some(why) = &known_bug {
                eprintln!("note: {name} is ignored, known wsim bug: {why}");
            }
            Trial::test(name, move || differential(&path)).with_ignored_flag(!icarus || known_bug.is_some())
        })
        .collect();
    trials.extend(flag_trials());
    libtest_mimic::run(&args, trials).exit();
}

// ---------------------------------------------------------------------------
// Reading wave files

/// One dumped value, normalized so the two writers compare equal.
#[derive(Clone, Debug)]
enum Value {
    /// MSB first, exactly `width` characters of `01xz`.
    Bits(String),
    Real(f64),
}

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Bits(a), Value::Bits(b)) => a == b,
            // NaN is how both writers show a real during `$dumpoff`.
            (Value::Real(a), Value::Real(b)) => a == b || (a.is_nan() && b.is_nan()),
            _ => false,
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Bits(b) => write!(f, "b{b}"),
            Value::Real(r) => write!(f, "r{r}"),
        }
    }
}

/// Every variable of a wave file with its changes, by hierarchical name
/// (`tb.u1.x`, `tb.mem[1]`).
struct Wave {
    /// (factor, unit) of the file's timescale, in text.
    timescale: String,
    vars: BTreeMap<String, Vec<(u64, Value)>>,
}

impl Wave {
    /// Read the whole file now (wellen loads signals lazily from the file,
    /// which a scratch directory removes afterwards).
    fn read(path: &Path) -> Result<Wave, String> {
        let mut wave =
            wellen::simple::read(path).map_err(|e| format!("wellen cannot read {}: {e:?}", path.display()))?;
        let hierarchy = wave.hierarchy();
        let timescale = format!("{:?}", hierarchy.timescale());
        let refs: Vec<_> = hierarchy
            .all_vars()
            .map(|r| {
                let var = &hierarchy[r];
                // wellen shows `mem[1]` as `mem.[1]`.
                let name = var.full_name(hierarchy).replace(".[", "[");
                (name, var.signal_ref(), var.length(hierarchy).unwrap_or(0), var.is_real(hierarchy))
            })
            .collect();
        let signals: Vec<_> = refs.iter().map(|r| r.1).collect();
        wave.load_signals(&signals);
        let times = wave.time_table().to_vec();
        let mut vars = BTreeMap::new();
        for (name, signal_ref, width, is_real) in refs {
            let signal = wave.get_signal(signal_ref).ok_or_else(|| format!("{name}: not loaded"))?;
            let changes =
                signal.iter_changes().map(|(idx, v)| (times[idx as usize], normalize(v, width, is_real))).collect();
            vars.insert(name, changes);
        }
        Ok(Wave { timescale, vars })
    }

    fn changes(&self, name: &str) -> Result<&[(u64, Value)], String> {
        self.vars
            .get(name)
            .map(Vec::as_slice)
            .ok_or_else(|| format!("no variable {name}; the file has {:?}", self.names()))
    }

    /// The value of `name` after every change at or before `time`.
    fn at(&self, name: &str, time: u64) -> Result<String, String> {
        let changes = self.changes(name)?;
        Ok(changes.iter().rev().find(|(t, _)| *t <= time).map(|(_, v)| v.to_string()).unwrap_or_else(|| "-".into()))
    }

    fn names(&self) -> Vec<&str> {
        self.vars.keys().map(String::as_str).collect()
    }
}

fn normalize(value: wellen::SignalValueRef, width: u32, is_real: bool) -> Value {
    match value {
        wellen::SignalValueRef::Real(r) => Value::Real(r),
        other => {
            let bits = other.to_bit_string().unwrap_or_else(|| "?".into());
            if is_real {
                // A `real` var that came through as bits: read it as a number.
                return Value::Real(bits.parse().unwrap_or(f64::NAN));
            }
            Value::Bits(extend(&bits, width as usize))
        }
    }
}

/// VCD extension to the declared width (IEEE 1364-2005 18.2.3.7).
fn extend(bits: &str, width: usize) -> String {
    if bits.len() >= width {
        return bits.to_string();
    }
    let fill = match bits.chars().next() {
        Some(c @ ('x' | 'X' | 'z' | 'Z')) => c.to_ascii_lowercase(),
        _ => '0',
    };
    let mut out: String = std::iter::repeat_n(fill, width - bits.len()).collect();
    out.push_str(bits);
    out
}

// ---------------------------------------------------------------------------
// Running the simulators

/// `wsim sim <args> --no-cache -q` in `dir`.
fn wsim_sim(dir: &Path, args: &[&str]) -> Result<Output, String> {
    let mut cmd = tools::wsim_command()?;
    cmd.arg("sim").args(args).args(["--no-cache", "-q"]).current_dir(dir);
    process::run(cmd, process::time_limit())
}

fn icarus(dir: &Path, file: &str) -> Result<Output, String> {
    let mut compile = Command::new("iverilog");
    compile.args(["-g2012", "-o", "design.vvp", file]).current_dir(dir);
    let compiled = process::run(compile, process::time_limit())?;
    if compiled.code != Some(0) {
        return Err(compiled.describe("iverilog"));
    }
    let mut run = Command::new("vvp");
    run.args(["-n", "design.vvp"]).current_dir(dir);
    process::run(run, process::time_limit())
}

/// The one file with extension `ext` a run left in `dir`.
fn wave_file_in(dir: &Path, ext: &str) -> Result<PathBuf, String> {
    let found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(format!("expected one .{ext} file in {}, found {found:?}", dir.display())),
    }
}

/// A scratch dir holding a copy of `source` named `file_name`.
fn scratch_with(label: &str, file_name: &str, source: &str) -> Result<ScratchDir, String> {
    let dir = ScratchDir::new(label)?;
    std::fs::write(dir.path().join(file_name), source).map_err(|e| e.to_string())?;
    Ok(dir)
}

fn ok_run(out: &Output, what: &str) -> Result<(), String> {
    if out.code == Some(0) && !out.timed_out {
        Ok(())
    } else {
        Err(out.describe(what))
    }
}

// ---------------------------------------------------------------------------
// Differential trials

/// The `//!` TOML header of a design in `tests/waves/`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DesignHeader {
    /// `differs: <why, with the IEEE 1364-2005 clause>`.
    icarus: Option<String>,
    /// The variables whose changes legitimately differ from Icarus's.
    #[serde(default)]
    icarus_differs: Vec<String>,
    /// A wsim bug (reported, not yet fixed) makes this design fail: the
    /// trial is ignored (`-- --ignored` still runs it) with this note.
    known_bug: Option<String>,
    /// Why wsim's FST file (same run with `--waves-file wsim.fst`, also
    /// compared with Icarus's VCD by default) is not comparable here.
    vcd_only: Option<String>,
    /// A reported wsim bug in the FST file only: the FST comparison is
    /// skipped with a note, the VCD one still runs.
    fst_known_bug: Option<String>,
}

fn known_bug(path: &Path) -> Option<String> {
    let source = std::fs::read_to_string(path).ok()?;
    design_header(&source).ok()?.known_bug
}

fn design_header(source: &str) -> Result<DesignHeader, String> {
    let toml_text: String = source
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| format!("{}\n", l.trim_start_matches("//!")))
        .collect();
    let header: DesignHeader = toml::from_str(&toml_text).map_err(|e| format!("bad //! header: {e}"))?;
    if !header.icarus_differs.is_empty() && !header.icarus.as_deref().is_some_and(|w| w.starts_with("differs: ")) {
        return Err("`icarus_differs` needs `icarus = \"differs: <why>\"`".into());
    }
    Ok(header)
}

fn differential(path: &Path) -> Result<(), Failed> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let header = design_header(&source)?;
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let wsim_dir = scratch_with(&format!("waves-wsim-{file}"), &file, &source)?;
    let icarus_dir = scratch_with(&format!("waves-icarus-{file}"), &file, &source)?;
    let fst_dir = scratch_with(&format!("waves-fst-{file}"), &file, &source)?;
    ok_run(&wsim_sim(wsim_dir.path(), &[&file])?, "wsim sim")?;
    ok_run(&wsim_sim(fst_dir.path(), &[&file, "--waves-file", "wsim.fst"])?, "wsim sim --waves-file wsim.fst")?;
    ok_run(&icarus(icarus_dir.path(), &file)?, "vvp")?;
    let theirs = Wave::read(&wave_file_in(icarus_dir.path(), "vcd")?)?;
    let vcd = Wave::read(&wave_file_in(wsim_dir.path(), "vcd")?)?;
    compare(&vcd, &theirs, &header.icarus_differs).map_err(|e| format!("wsim's VCD vs Icarus:\n{e}"))?;
    if let Some(why) = &header.fst_known_bug {
        eprintln!("note: {file}: FST comparison skipped, known wsim bug: {why}");
    } else if header.vcd_only.is_none() {
        let fst = Wave::read(&fst_dir.path().join("wsim.fst"))?;
        compare(&fst, &theirs, &header.icarus_differs).map_err(|e| format!("wsim's FST vs Icarus:\n{e}"))?;
    }
    Ok(())
}

/// The same variables as Icarus dumped, each with equal changes, except
/// the recorded ones, which must differ.
fn compare(ours: &Wave, theirs: &Wave, differs: &[String]) -> Result<(), String> {
    if ours.timescale != theirs.timescale {
        return Err(format!("timescale: wsim {} vs Icarus {}", ours.timescale, theirs.timescale));
    }
    if theirs.vars.is_empty() {
        return Err("Icarus dumped no variable: the design does not test anything".into());
    }
    let mut problems = Vec::new();
    for (name, expected) in &theirs.vars {
        let Some(actual) = ours.vars.get(name) else {
            problems.push(format!("{name}: dumped by Icarus, missing from wsim's file"));
            continue;
        };
        let recorded = differs.contains(name);
        match (actual == expected, recorded) {
            (true, false) | (false, true) => {}
            (false, false) => problems.push(format!(
                "{name}:\n  wsim:   {}\n  Icarus: {}",
                show_changes(actual),
                show_changes(expected)
            )),
            (true, true) => problems.push(format!("{name}: recorded in icarus_differs but now equals Icarus")),
        }
    }
    // The selection must be the same too: an extra variable means a level
    // or a scope list was read too widely.
    for name in ours.vars.keys().filter(|n| !theirs.vars.contains_key(*n)) {
        problems.push(format!("{name}: in wsim's file, not dumped by Icarus"));
    }
    for name in differs {
        if !theirs.vars.contains_key(name) && !ours.vars.contains_key(name) {
            problems.push(format!("{name}: in icarus_differs but in neither file"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn show_changes(changes: &[(u64, Value)]) -> String {
    changes.iter().map(|(t, v)| format!("#{t}={}", abbreviate(&v.to_string()))).collect::<Vec<_>>().join(" ")
}

/// Wide vectors in failure messages: both ends and the width.
fn abbreviate(text: &str) -> String {
    if text.len() <= 80 {
        return text.to_string();
    }
    format!("{}..{} ({} bits)", &text[..33], &text[text.len() - 32..], text.len() - 1)
}

// ---------------------------------------------------------------------------
// Run-time flag trials

/// No `$dumpfile`/`$dumpvars`: only `--waves` makes it dump.
const NO_DUMP_CALLS: &str = "\
module leaf(input [3:0] d, output [3:0] q);
  assign q = ~d;
endmodule
module tb;
  reg [3:0] x;
  wire [3:0] y;
  reg [7:0] mem [0:3];
  integer i;
  leaf u1(.d(x), .q(y));
  leaf u2(.d(y), .q());
  initial begin
    x = 1;
    for (i = 0; i < 4; i = i + 1) mem[i] = i * 3;
    #10 x = 5; mem[2] = 8'haa;
    #10 $finish;
  end
endmodule
";

/// NO_DUMP_CALLS with a plain `$dumpvars` (the whole design) at time 0.
fn with_dumpvars() -> String {
    NO_DUMP_CALLS.replacen("    x = 1;\n", "    $dumpvars;\n    x = 1;\n", 1)
}

/// The design picks its own file and dumps everything.
const DUMPS_ITSELF: &str = "\
module tb;
  reg [3:0] x;
  initial begin
    $dumpfile(\"design.vcd\");
    $dumpvars;
    x = 3;
    #5 x = 9;
    #5 $finish;
  end
endmodule
";

/// Never ends by itself: a clock, dumped from time 0.
const ENDLESS: &str = "\
module tb;
  reg clk = 0;
  reg [15:0] count = 0;
  always #1 clk = ~clk;
  always @(posedge clk) count <= count + 16'd1;
  initial $dumpvars;
endmodule
";

/// A run-time flag trial: its name and its check.
type FlagTest = (&'static str, fn() -> Result<(), String>);

fn flag_trials() -> Vec<Trial> {
    let tests: [FlagTest; 16] = [
        ("waves_fst_dumps_all_without_dumpvars", waves_fst_dumps_all_without_dumpvars),
        ("waves_vcd_dumps_all_without_dumpvars", waves_vcd_dumps_all_without_dumpvars),
        ("waves_none_ignores_dumpvars", waves_none_ignores_dumpvars),
        ("waves_file_overrides_dumpfile_and_picks_format", waves_file_overrides_dumpfile_and_picks_format),
        ("waves_vcd_with_dumpvars", waves_vcd_with_dumpvars),
        ("dump_arrays_adds_elements", dump_arrays_adds_elements),
        ("arrays_left_out_by_default", arrays_left_out_by_default),
        ("waves_scope_restricts", waves_scope_restricts),
        ("waves_scope_unknown_warns", waves_scope_unknown_warns),
        ("sandbox_refuses_dumpfile_outside", sandbox_refuses_dumpfile_outside),
        ("allow_dir_grants_dumpfile", allow_dir_grants_dumpfile),
        ("max_time_leaves_complete_file", max_time_leaves_complete_file),
        ("timeout_leaves_complete_file", timeout_leaves_complete_file),
        ("stats_json_reports_wave_file", stats_json_reports_wave_file),
        ("wave_only_logic_runs_when_waves_are_recorded", wave_only_logic_runs_when_waves_are_recorded),
        ("quiet_clock_steps_count_as_single_steps", quiet_clock_steps_count_as_single_steps),
    ];
    tests
        .into_iter()
        .map(|(name, f)| {
            let known_bug = flag_known_bug(name);
            if let Some(why) = known_bug {
                eprintln!("note: flags/{name} is ignored, known wsim bug: {why}");
            }
            Trial::test(format!("flags/{name}"), move || f().map_err(Failed::from))
                .with_ignored_flag(known_bug.is_some())
        })
        .collect()
}

/// Trials a reported, not yet fixed wsim bug makes fail (run them with
/// `-- --ignored`); remove the entry once the lead's fix lands.
fn flag_known_bug(name: &str) -> Option<&'static str> {
    let _ = name;
    None
}

fn expect_eq<A, E>(what: &str, actual: A, expected: E) -> Result<(), String>
where
    A: std::fmt::Debug + PartialEq<E>,
    E: std::fmt::Debug,
{
    if actual == expected {
        Ok(())
    } else {
        Err(format!("{what}: got {actual:?}, expected {expected:?}"))
    }
}

/// Run `source` (as `tb.v`) with `args` in a fresh dir; expects exit `code`.
fn run_tb(label: &str, source: &str, args: &[&str], code: i32) -> Result<(ScratchDir, Output), String> {
    let dir = scratch_with(label, "tb.v", source)?;
    let mut all = vec!["tb.v"];
    all.extend_from_slice(args);
    let out = wsim_sim(dir.path(), &all)?;
    if out.code != Some(code) || out.timed_out {
        return Err(format!("expected exit {code}\n{}", out.describe("wsim sim")));
    }
    Ok((dir, out))
}

/// The whole NO_DUMP_CALLS design, from time 0, right values at 0 and 10.
fn check_whole_design(wave: &Wave) -> Result<(), String> {
    let names = wave.names();
    for name in ["tb.x", "tb.y", "tb.i", "tb.u1.d", "tb.u1.q", "tb.u2.d", "tb.u2.q"] {
        if !names.contains(&name) {
            return Err(format!("{name} missing from {names:?}"));
        }
    }
    expect_eq("tb.x at 0", wave.at("tb.x", 0)?, "b0001")?;
    expect_eq("tb.y at 0", wave.at("tb.y", 0)?, "b1110")?;
    expect_eq("tb.x at 10", wave.at("tb.x", 10)?, "b0101")?;
    expect_eq("tb.u1.q at 10", wave.at("tb.u1.q", 10)?, "b1010")?;
    expect_eq("tb.u2.q at 15", wave.at("tb.u2.q", 15)?, "b0101")?;
    expect_eq("tb.i at 0", wave.at("tb.i", 0)?, format!("b{:032b}", 4))
}

fn waves_fst_dumps_all_without_dumpvars() -> Result<(), String> {
    let (dir, _) = run_tb("fst-all", NO_DUMP_CALLS, &["--waves=fst"], 0)?;
    let wave = Wave::read(&wave_file_in(dir.path(), "fst")?)?;
    check_whole_design(&wave)
}

fn waves_vcd_dumps_all_without_dumpvars() -> Result<(), String> {
    let (dir, _) = run_tb("vcd-all", NO_DUMP_CALLS, &["--waves=vcd"], 0)?;
    let wave = Wave::read(&wave_file_in(dir.path(), "vcd")?)?;
    check_whole_design(&wave)
}

fn waves_none_ignores_dumpvars() -> Result<(), String> {
    let (dir, _) = run_tb("none", DUMPS_ITSELF, &["--waves=none"], 0)?;
    let files: Vec<String> = std::fs::read_dir(dir.path())
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    expect_eq("files after --waves=none", files, vec!["tb.v".to_string()])
}

fn waves_file_overrides_dumpfile_and_picks_format() -> Result<(), String> {
    let (dir, _) = run_tb("waves-file", DUMPS_ITSELF, &["--waves-file", "out.fst"], 0)?;
    expect_eq("design.vcd written", dir.path().join("design.vcd").exists(), false)?;
    let path = dir.path().join("out.fst");
    let magic = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    // An FST file starts with a header block (type 0), a VCD with text.
    expect_eq("first byte of out.fst (FST header block)", magic.first().copied(), Some(0u8))?;
    let wave = Wave::read(&path)?;
    expect_eq("tb.x at 0", wave.at("tb.x", 0)?, "b0011")?;
    expect_eq("tb.x at 5", wave.at("tb.x", 5)?, "b1001")
}

/// The same checks with the design's own `$dumpvars` (no implicit dump).
fn waves_vcd_with_dumpvars() -> Result<(), String> {
    let (dir, _) = run_tb("vcd-dumpvars", &with_dumpvars(), &["--waves=vcd"], 0)?;
    let wave = Wave::read(&wave_file_in(dir.path(), "vcd")?)?;
    check_whole_design(&wave)
}

fn dump_arrays_adds_elements() -> Result<(), String> {
    let (dir, _) = run_tb("arrays", &with_dumpvars(), &["--waves=vcd", "--dump-arrays"], 0)?;
    let wave = Wave::read(&wave_file_in(dir.path(), "vcd")?)?;
    for i in 0..4u32 {
        expect_eq(&format!("tb.mem[{i}] at 0"), wave.at(&format!("tb.mem[{i}]"), 0)?, format!("b{:08b}", i * 3))?;
    }
    expect_eq("tb.mem[2] at 10", wave.at("tb.mem[2]", 10)?, "b10101010")?;
    check_whole_design(&wave)
}

fn arrays_left_out_by_default() -> Result<(), String> {
    let (dir, _) = run_tb("no-arrays", &with_dumpvars(), &["--waves=vcd"], 0)?;
    let wave = Wave::read(&wave_file_in(dir.path(), "vcd")?)?;
    let arrays: Vec<&str> = wave.names().into_iter().filter(|n| n.contains("mem")).collect();
    expect_eq("array elements without --dump-arrays", arrays, Vec::<&str>::new())
}

fn waves_scope_restricts() -> Result<(), String> {
    let (dir, _) = run_tb("scope", &with_dumpvars(), &["--waves=vcd", "--waves-scope", "tb.u1"], 0)?;
    let wave = Wave::read(&wave_file_in(dir.path(), "vcd")?)?;
    let mut names = wave.names();
    names.sort();
    expect_eq("names under --waves-scope tb.u1", names, vec!["tb.u1.d", "tb.u1.q"])?;
    expect_eq("tb.u1.q at 10", wave.at("tb.u1.q", 10)?, "b1010")
}

/// A scope filter that names nothing is a mistake worth a warning
/// (W0505, as for a `$dumpvars` argument that names nothing).
fn waves_scope_unknown_warns() -> Result<(), String> {
    let (_dir, out) = run_tb("scope-unknown", &with_dumpvars(), &["--waves=vcd", "--waves-scope", "tb.nope"], 0)?;
    if out.stderr.contains("W0505") && out.stderr.contains("tb.nope") {
        Ok(())
    } else {
        Err(format!("no W0505 warning naming tb.nope:\n{}", out.describe("wsim sim")))
    }
}

/// A design whose `$dumpfile` names a file in `dir` (outside its cwd).
fn dumps_into(dir: &Path) -> String {
    let file = dir.join("x.vcd");
    format!(
        "module tb;\n  reg [1:0] v;\n  initial begin\n    $dumpfile(\"{}\");\n    $dumpvars;\n    v = 1;\n    #3 v = 2;\n    #3 $finish;\n  end\nendmodule\n",
        file.display()
    )
}

fn sandbox_refuses_dumpfile_outside() -> Result<(), String> {
    let elsewhere = ScratchDir::new("elsewhere")?;
    let (dir, out) = run_tb("sandbox", &dumps_into(elsewhere.path()), &[], 0)?;
    expect_eq("x.vcd written outside the working directory", elsewhere.path().join("x.vcd").exists(), false)?;
    let target = elsewhere.path().join("x.vcd").display().to_string();
    if !out.stderr.contains("warning") || !out.stderr.contains(&target) {
        return Err(format!("no warning naming {target}:\n{}", out.describe("wsim sim")));
    }
    let stray: Vec<_> = std::fs::read_dir(dir.path()).map_err(|e| e.to_string())?.filter_map(|e| e.ok()).collect();
    expect_eq("files in the working directory", stray.len(), 1)
}

fn allow_dir_grants_dumpfile() -> Result<(), String> {
    let elsewhere = ScratchDir::new("granted")?;
    let granted = elsewhere.path().display().to_string();
    let (_dir, _) = run_tb("allow-dir", &dumps_into(elsewhere.path()), &["--allow-dir", &granted], 0)?;
    let wave = Wave::read(&elsewhere.path().join("x.vcd"))?;
    expect_eq("tb.v at 3", wave.at("tb.v", 3)?, "b10")
}

/// `wsim` exits 124 at the limit; the file must still be whole and readable
/// with values up to the last step.
fn limited_run(label: &str, limit: &[&str], format: &str) -> Result<Wave, String> {
    let waves = format!("--waves={format}");
    let mut args = vec![waves.as_str()];
    args.extend_from_slice(limit);
    let (dir, _) = run_tb(label, ENDLESS, &args, 124)?;
    Wave::read(&wave_file_in(dir.path(), format)?)
}

fn max_time_leaves_complete_file() -> Result<(), String> {
    for format in ["vcd", "fst"] {
        let wave = limited_run("max-time", &["--max-time", "100"], format)?;
        // posedges at 1, 3, ..., 99: 50 increments by time 100.
        expect_eq(&format!("{format}: tb.count at 100"), wave.at("tb.count", 100)?, format!("b{:016b}", 50))?;
        let last = wave.changes("tb.clk")?.last().map(|c| c.0);
        expect_eq(&format!("{format}: last tb.clk change"), last, Some(100))?;
    }
    Ok(())
}

fn timeout_leaves_complete_file() -> Result<(), String> {
    for format in ["vcd", "fst"] {
        let wave = limited_run("timeout", &["--timeout", "2"], format)?;
        let clk = wave.changes("tb.clk")?;
        let count = wave.changes("tb.count")?;
        let Some(&(last, _)) = count.last() else {
            return Err(format!("{format}: no change of tb.count"));
        };
        // Whatever time the wall limit hit, clk and count agree at the end.
        let posedges = clk.iter().filter(|(t, v)| *t <= last && *v == Value::Bits("1".into())).count();
        expect_eq(
            &format!("{format}: count at {last}"),
            wave.at("tb.count", last)?,
            format!("b{:016b}", posedges % 65536),
        )?;
        if last < 10 {
            return Err(format!("{format}: only {last} time units dumped in 2 s"));
        }
    }
    Ok(())
}

fn stats_json_reports_wave_file() -> Result<(), String> {
    let (dir, _) = run_tb("stats", DUMPS_ITSELF, &["--stats-json", "stats.json"], 0)?;
    let text = std::fs::read_to_string(dir.path().join("stats.json")).map_err(|e| format!("stats.json: {e}"))?;
    let size = std::fs::metadata(dir.path().join("design.vcd")).map_err(|e| e.to_string())?.len();
    let stats: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("stats.json: {e}"))?;
    let waves = find_key(&stats, "waves").ok_or_else(|| format!("no `waves` in stats.json:\n{text}"))?;
    expect_eq("waves.bytes", waves.get("bytes").and_then(serde_json::Value::as_u64), Some(size))?;
    expect_eq("waves.format", waves.get("format").and_then(serde_json::Value::as_str), Some("vcd"))
}

/// Debug logic nothing in the design reads (codegen's `wave_only`): a run
/// without waves never starts it, a run with `--waves` shows its values.
const WAVE_ONLY_LOGIC: &str = "\
`timescale 1ns/1ns
module tb;
  reg clk = 0;
  reg [3:0] count = 0;
  reg [31:0] state_name, last_name;
  wire [3:0] count_copy = count;
  always @* begin
    state_name = \"idle\";
    if (count[0]) state_name = \"odd\";
    if (count == 4'd3) state_name = \"3\";
  end
  always @(posedge clk) last_name <= state_name;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    count <= count + 1;
    if (count == 4'd5) begin
      $display(\"count=%0d\", count);
      $finish;
    end
  end
endmodule
";

fn wave_only_logic_runs_when_waves_are_recorded() -> Result<(), String> {
    let (waves_dir, with_waves) =
        run_tb("wave-only", WAVE_ONLY_LOGIC, &["--waves=vcd", "--stats-json", "stats.json"], 0)?;
    let wave = Wave::read(&wave_file_in(waves_dir.path(), "vcd")?)?;
    // (Icarus 11 dumps the same values: `always @*` first runs when
    // `count` first changes, at 5.)
    let text = |s: &str| format!("b{:032b}", s.bytes().fold(0u32, |v, b| v << 8 | u32::from(b)));
    expect_eq("tb.state_name at 0", wave.at("tb.state_name", 0)?, format!("b{}", "x".repeat(32)))?;
    expect_eq("tb.state_name at 5", wave.at("tb.state_name", 5)?, text("odd"))?;
    expect_eq("tb.state_name at 25", wave.at("tb.state_name", 25)?, text("3"))?;
    expect_eq("tb.last_name at 15", wave.at("tb.last_name", 15)?, text("odd"))?;
    expect_eq("tb.last_name at 35", wave.at("tb.last_name", 35)?, text("3"))?;
    expect_eq("tb.count_copy at 25", wave.at("tb.count_copy", 25)?, "b0011")?;
    let (plain_dir, without) = run_tb("wave-only-none", WAVE_ONLY_LOGIC, &["--stats-json", "stats.json"], 0)?;
    expect_eq("stdout without waves", without.stdout.as_str(), "count=5\n")?;
    expect_eq("stdout with waves", with_waves.stdout.lines().last(), Some("count=5"))?;
    // Without waves the three debug processes never run; with them each
    // runs at least once per change of `count` or per rising edge (6 each).
    let (shown, hidden) = (activations(waves_dir.path())?, activations(plain_dir.path())?);
    if hidden + 18 > shown {
        return Err(format!("{hidden} activations without waves, {shown} with them: expected 18 fewer"));
    }
    // rising edges at 5, 15, ..., 55: the generated code counts them
    // itself (`wsim_abi::statics::CLOCK_POSEDGES`), guest-rt reports them
    for dir in [waves_dir.path(), plain_dir.path()] {
        expect_eq("the run's clock", clock(dir)?, serde_json::json!({"name": "tb.clk", "cycles": 6}))?;
    }
    Ok(())
}

/// A free-running clock whose edges wake only static logic: a counter,
/// and the combinational cone after it, which the NBA region's second
/// pass runs.
const QUIET_CLOCK: &str = "\
module tb;
  reg clk = 0;
  reg [7:0] count = 0;
  wire [7:0] next = count + 8'd1;
  wire [7:0] mixed = next ^ {count[3:0], count[7:4]};
  always #5 clk = ~clk;
  always @(posedge clk) begin
    count <= next;
    if (count == 8'd40) begin
      $display(\"mixed=%0d\", mixed);
      $finish;
    end
  end
endmodule
";

/// Without waves, `gen.timer_steps` runs the clock's quiet steps back to
/// back and guest-rt counts them from what it returns; with waves, guest-rt
/// runs each step itself (it stops after every one). The run report's
/// counts must not tell the two apart.
fn quiet_clock_steps_count_as_single_steps() -> Result<(), String> {
    let (plain_dir, plain) = run_tb("quiet-steps", QUIET_CLOCK, &["--stats-json", "stats.json"], 0)?;
    let (waves_dir, waves) =
        run_tb("quiet-steps-waves", QUIET_CLOCK, &["--waves=vcd", "--stats-json", "stats.json"], 0)?;
    expect_eq("stdout", plain.stdout.as_str(), "mixed=171\n")?;
    expect_eq("stdout with waves", waves.stdout.lines().last(), Some("mixed=171"))?;
    let counts = |dir: &Path| -> Result<Vec<u64>, String> {
        let stats = stats_json(dir)?;
        ["delta_cycles", "activations", "time_steps"]
            .iter()
            .map(|k| {
                find_key(&stats, k).and_then(serde_json::Value::as_u64).ok_or_else(|| format!("no {k} in {stats}"))
            })
            .collect()
    };
    // time 0, then 81 edges from 5 to 405 (a rising edge runs the
    // counter, then the cone in a second delta)
    let plain_counts = counts(plain_dir.path())?;
    expect_eq("time steps", plain_counts[2], 82)?;
    expect_eq("delta cycles, activations, time steps with waves", counts(waves_dir.path())?, plain_counts)
}

/// The run's clock from `stats.json` in `dir`: its name and cycles.
fn clock(dir: &Path) -> Result<serde_json::Value, String> {
    let stats = stats_json(dir)?;
    let clock = find_key(&stats, "clock").ok_or_else(|| format!("no clock in {stats}"))?;
    Ok(serde_json::json!({"name": clock["name"], "cycles": clock["cycles"]}))
}

/// The run's `activations` from `stats.json` in `dir`.
fn activations(dir: &Path) -> Result<u64, String> {
    let stats = stats_json(dir)?;
    find_key(&stats, "activations")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| format!("no activations in {stats}"))
}

/// `stats.json` in `dir`, parsed.
fn stats_json(dir: &Path) -> Result<serde_json::Value, String> {
    let path = dir.join("stats.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The first object member named `key`, at any depth (the report nests it).
fn find_key<'a>(value: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => map.get(key).or_else(|| map.values().find_map(|v| find_key(v, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}
