//! The `wsim` binary end to end: exact messages and exit codes for bad
//! artifacts, runs of hand-built ABI modules (output, plusargs, exit codes,
//! traps, --max-time), command-line errors, and the compile cache.

mod common;

use common::{stderr, stdout, wsim};
use std::path::Path;
use std::process::Output;
use wasm_encoder::Instruction as I;
use wsim_host::testing::{self, write_call, GuestBuilder, EXIT_GLOBAL, TIME_GLOBAL};

/// Write `bytes` as `top.wasm` and `wsim run` it.
fn run_bytes(bytes: &[u8], extra: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("top.wasm"), bytes).unwrap();
    let mut args = vec!["run", "top.wasm"];
    args.extend_from_slice(extra);
    wsim(dir.path(), &args)
}

fn assert_rejected(bytes: &[u8], expected_stderr: &str) {
    let out = run_bytes(bytes, &[]);
    assert_eq!(stderr(&out), expected_stderr);
    assert_eq!(out.status.code(), Some(3), "a bad artifact is a run-time tool error");
    assert_eq!(out.stdout, b"", "nothing on stdout");
}

#[test]
fn empty_file() {
    assert_rejected(b"", "wsim: error[E0501]: top.wasm is not a wsim artifact: empty file\n");
}

#[test]
fn random_bytes() {
    let noise: Vec<u8> = (0u32..256).map(|i| (i.wrapping_mul(2654435761) >> 11) as u8).collect();
    assert_rejected(&noise, "wsim: error[E0501]: top.wasm is not a wsim artifact: bad magic\n");
}

#[test]
fn truncated_wasm() {
    let full = GuestBuilder::default().build();
    let out = run_bytes(&full[..full.len() - 10], &[]);
    let err = stderr(&out);
    assert!(
        err.starts_with("wsim: error[E0501]: top.wasm is not a wsim artifact: truncated wasm (unexpected end at byte "),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn wasm_without_meta() {
    let bytes = GuestBuilder { meta: None, ..Default::default() }.build();
    assert_rejected(&bytes, "wsim: error[E0501]: top.wasm is not a wsim artifact: no `wsim.meta` section\n");
}

#[test]
fn wrong_abi_version() {
    let v = wsim_abi::ABI_VERSION;
    let bytes = GuestBuilder { meta: Some(testing::meta_json(v + 1)), ..Default::default() }.build();
    assert_rejected(
        &bytes,
        &format!(
            "wsim: error[E0502]: top.wasm was built for wsim ABI version {}, but this wsim runs ABI version {v}; recompile it\n",
            v + 1
        ),
    );
}

#[test]
fn missing_artifact() {
    let dir = tempfile::tempdir().unwrap();
    let out = wsim(dir.path(), &["run", "nothere.wasm"]);
    assert_eq!(stderr(&out), "wsim: error[E0601]: cannot read nothere.wasm: no such file\n");
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn runs_a_module_with_plusargs_anywhere_after_the_artifact() {
    let mut guest = GuestBuilder::default();
    let (p, n) = guest.string(100, "hello\n");
    guest.init = write_call(1, p, n);
    // then echo the plusargs blob
    guest.init.extend([I::I32Const(1024), I::I32Const(256), I::Call(testing::PLUSARGS), I::LocalSet(0)]);
    guest.init.extend([I::I32Const(1), I::I32Const(1024), I::LocalGet(0), I::Call(testing::WRITE)]);
    let out = run_bytes(&guest.build(), &["+N=3", "--no-cache", "+trace", "-q"]);
    assert_eq!(stdout(&out), "hello\nN=3\0trace\0");
    assert_eq!(stderr(&out), "", "-q: no report");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn design_exit_code_becomes_the_process_exit_code() {
    let guest = GuestBuilder { init: vec![I::I32Const(1), I::GlobalSet(EXIT_GLOBAL)], ..Default::default() };
    assert_eq!(run_bytes(&guest.build(), &[]).status.code(), Some(1), "$fatal");
    let guest = GuestBuilder { run: vec![I::I32Const(wsim_abi::run_status::ERROR)], ..Default::default() };
    assert_eq!(run_bytes(&guest.build(), &[]).status.code(), Some(1), "run-time error");
    let guest = GuestBuilder { run: vec![I::I32Const(wsim_abi::run_status::IDLE)], ..Default::default() };
    assert_eq!(run_bytes(&guest.build(), &[]).status.code(), Some(0), "no events left");
}

#[test]
fn trap_is_e0503_and_exit_3() {
    let guest = GuestBuilder { run: vec![I::Unreachable], ..Default::default() };
    let out = run_bytes(&guest.build(), &[]);
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "wsim: error[E0503]: the simulation trapped at time 0ps: wasm `unreachable` instruction executed"
        ),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn max_time_with_units_stops_with_124() {
    // wsim_run: time = until; return UNTIL. Precision is 1 ps, so 2ns = 2000 ticks.
    let guest = GuestBuilder {
        run: vec![I::LocalGet(0), I::GlobalSet(TIME_GLOBAL), I::I32Const(wsim_abi::run_status::UNTIL)],
        ..Default::default()
    };
    let out = run_bytes(&guest.build(), &["--max-time", "2ns", "-q"]);
    assert_eq!(out.status.code(), Some(124));
    assert_eq!(stderr(&out), "wsim: warning[W0501]: stopped at --max-time (time 2ns) with events still pending\n");
    let out = run_bytes(&guest.build(), &["--max-time", "2ns"]);
    let report = stderr(&out);
    assert!(report.contains("\n- wsim: stopped by --max-time at 2ns; walltime "), "{report}");
    assert!(report.ends_with("; exit code 124\n"), "{report}");
    let out = run_bytes(&guest.build(), &["--max-time", "soon"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("wsim: error[E0602]: --max-time `soon`"), "{}", stderr(&out));
}

#[test]
fn verbose_run_reports_the_native_cache() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("top.wasm"), GuestBuilder::default().build()).unwrap();
    let first = stderr(&wsim(dir.path(), &["run", "top.wasm", "--verbose"]));
    assert!(first.contains("wsim: native cache miss "), "{first}");
    let second = stderr(&wsim(dir.path(), &["run", "top.wasm", "--verbose"]));
    assert!(second.contains("wsim: native cache hit "), "{second}");
    let bypass = stderr(&wsim(dir.path(), &["run", "top.wasm", "--verbose", "--no-cache"]));
    assert!(bypass.contains("wsim: native code compiled (cache off)"), "{bypass}");
}

#[test]
fn compile_of_a_missing_source_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = wsim(dir.path(), &["compile", "nothere.v", "-o", "top.wasm"]);
    assert_eq!(stderr(&out), "wsim: error[E0601]: cannot read nothere.v: no such file\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("top.wasm").exists());
}

#[test]
fn bad_command_line_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = wsim(dir.path(), &["compile", "-f", "missing.f"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("wsim: error[E0601]: cannot read argument file missing.f"), "{}", stderr(&out));
    let out = wsim(dir.path(), &["compile", "t.v", "-y", "lib"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("error[E0603]: `-y lib` (library directories) is not supported yet"));
    let out = wsim(dir.path(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

const COUNTER: &str =
    "`include \"defs.vh\"\nmodule t;\n  initial begin\n    $display(\"W=%0d\", `W);\n    $finish;\n  end\nendmodule\n";

/// Write a tiny design with an include into `dir`.
fn write_design(dir: &Path, width: u32) {
    std::fs::write(dir.join("t.v"), COUNTER).unwrap();
    std::fs::write(dir.join("defs.vh"), format!("`define W {width}\n")).unwrap();
}

#[test]
fn second_compile_is_a_cache_hit_with_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    write_design(dir.path(), 8);
    let stats = dir.path().join("stats.json");
    let compile =
        |out: &str| wsim(dir.path(), &["compile", "t.v", "--top", "t", "-o", out, "--stats-json", "stats.json"]);
    let cache_of = || -> (String, String) {
        let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&stats).unwrap()).unwrap();
        let compile = &doc["compile"];
        (compile["cache"].as_str().unwrap().to_string(), compile["cache_key"].as_str().unwrap().to_string())
    };
    let first = compile("a.wasm");
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(stderr(&first).contains("\n- wsim: cache miss, key "), "{}", stderr(&first));
    assert_eq!(cache_of().0, "miss");
    let second = compile("b.wasm");
    assert!(stderr(&second).starts_with("- wsim: cached build of 2 files"), "{}", stderr(&second));
    let (hit, key) = cache_of();
    assert_eq!(hit, "hit");
    assert_eq!(key.len(), 64);
    assert!(dir.path().join(".cache/artifacts").join(format!("{key}.wasm")).is_file());
    assert_eq!(std::fs::read(dir.path().join("a.wasm")).unwrap(), std::fs::read(dir.path().join("b.wasm")).unwrap());
    // A cache hit still knows every file the design was built from.
    let deps = wsim(dir.path(), &["compile", "t.v", "--top", "t", "-o", "d.wasm", "--deps", "d.dep"]);
    assert_eq!(deps.status.code(), Some(0));
    let rule = std::fs::read_to_string(dir.path().join("d.dep")).unwrap();
    assert!(rule.starts_with("d.wasm: \\\n  t.v \\\n  "), "{rule}");
    assert!(rule.contains("defs.vh"), "{rule}");
    // Editing the *included* file must miss.
    write_design(dir.path(), 9);
    let third = compile("c.wasm");
    assert_eq!(third.status.code(), Some(0), "{}", stderr(&third));
    assert_eq!(cache_of().0, "miss");
    let run = wsim(dir.path(), &["run", "c.wasm"]);
    assert_eq!(stdout(&run), "W=9\n");
    assert_eq!(run.status.code(), Some(0));
}

#[test]
fn sim_compiles_and_runs_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    write_design(dir.path(), 4);
    let out = wsim(dir.path(), &["sim", "t.v", "-top", "t", "+incdir+."]);
    assert_eq!(stdout(&out), "W=4\n", "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn timescale_option_is_the_default_until_a_directive() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.v"), "module a;\n  initial $printtimescale;\nendmodule\n").unwrap();
    std::fs::write(dir.path().join("b.v"), "`timescale 1us/1ns\nmodule b;\n  initial #1 $printtimescale;\nendmodule\n")
        .unwrap();
    let out = wsim(dir.path(), &["sim", "a.v", "b.v", "--timescale", "1ns/1ps"]);
    assert_eq!(stdout(&out), "Time scale of (a) is 1ns / 1ps\nTime scale of (b) is 1us / 1ns\n", "{}", stderr(&out));
    let out = wsim(dir.path(), &["sim", "a.v", "b.v", "-timescale=1ns/10ns"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "wsim: error[E0602]: --timescale `1ns/10ns`: the precision must not be coarser than the unit\n"
    );
}

#[test]
fn file_list_with_defines_and_include_dirs_drives_sim() {
    let dir = tempfile::tempdir().unwrap();
    let ip = dir.path().join("ip");
    std::fs::create_dir_all(ip.join("inc")).unwrap();
    std::fs::write(ip.join("inc/defs.vh"), "`define W 6\n").unwrap();
    std::fs::write(ip.join("t.v"), COUNTER).unwrap();
    // -F: paths in ip.f are relative to ip/.
    std::fs::write(ip.join("ip.f"), "// the design\nt.v +incdir+inc\n-top t # the top\n").unwrap();
    let out = wsim(dir.path(), &["sim", "-F", "ip/ip.f", "+unused_plusarg"]);
    assert_eq!(stdout(&out), "W=6\n", "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn identical_inputs_give_identical_artifacts_without_the_cache() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&a, &b] {
        write_design(dir.path(), 8);
        let out = wsim(dir.path(), &["compile", "t.v", "--top", "t", "-o", "t.wasm", "--no-cache"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let bytes = |d: &tempfile::TempDir| std::fs::read(d.path().join("t.wasm")).unwrap();
    assert_eq!(bytes(&a), bytes(&b), "the artifact depends only on sources and options");
    assert!(!a.path().join(".cache/artifacts").exists(), "--no-cache writes no cache entry");
}

/// `--stop-after=STAGE` checks the sources up to that stage, reports its
/// errors (exit 2) and writes no artifact; later stages' errors are not
/// seen.
#[test]
fn stop_after_checks_up_to_a_stage_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("parse_error.v", "module m; initial x = ; endmodule\n");
    write("elab_error.v", "module m; initial y = 1; endmodule\n");
    write("pp_error.v", "`nodef\nmodule m; endmodule\n");
    let check = |file: &str, stage: &str| {
        let out = wsim(dir.path(), &["compile", "-q", &format!("--stop-after={stage}"), file]);
        (out.status.code(), stderr(&out))
    };
    assert_eq!(check("parse_error.v", "preprocess"), (Some(0), String::new()));
    assert_eq!(check("elab_error.v", "parse"), (Some(0), String::new()));
    let (code, text) = check("elab_error.v", "elaborate");
    assert_eq!(code, Some(2));
    assert!(text.starts_with("elab_error.v:1:19: error[E0302]: undeclared identifier `y`"), "{text}");
    let (code, text) = check("parse_error.v", "parse");
    assert_eq!(code, Some(2));
    assert!(text.starts_with("parse_error.v:1:23: error[E0201]: expected expression, found `;`"), "{text}");
    let (code, text) = check("pp_error.v", "preprocess");
    assert_eq!(code, Some(2));
    assert!(text.starts_with("pp_error.v:1:1: error[E0101]: undefined macro `nodef`"), "{text}");
    assert!(!dir.path().join("a.wasm").exists(), "no artifact is written");
}

/// `--dump-ir` prints the IR after elaboration and after each pass (to
/// stderr, or to a file with `=FILE`); `-O0` runs no optimisation pass;
/// `--two-state` runs its pass even then, and is simulated two-state.
#[test]
fn dump_ir_shows_each_pass_and_flags_choose_the_passes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.v"),
        "module t;\n  wire [3:0] k = 4'd3 + 4'd2;\n  reg [3:0] r;\n  initial begin\n    #1 $display(\"%b %d\", r, k);\n  end\nendmodule\n",
    )
    .unwrap();
    let headers = |text: &str| -> Vec<String> {
        text.lines().filter(|l| l.starts_with("// ---- after ")).map(str::to_string).collect()
    };
    let out = wsim(dir.path(), &["compile", "-q", "t.v", "--dump-ir"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(
        headers(&err),
        [
            "// ---- after elaborate ----",
            "// ---- after fold_constants ----",
            "// ---- after propagate_constants ----",
            "// ---- after fold_constants ----",
            "// ---- after substitute_wires ----",
            "// ---- after remove_dead_code ----"
        ]
    );
    // Elaboration leaves `4'd3 + 4'd2`; the first fold makes it one constant.
    let (elaborated, folded) = err.split_once("// ---- after fold_constants ----").unwrap();
    assert!(elaborated.contains("(add:4u (const 4'h3) (const 4'h2))"), "{elaborated}");
    assert!(!folded.contains("(add:4u") && folded.contains("(const 4'h5)"), "{folded}");
    // Each header is followed by the live entity counts.
    assert!(err.starts_with("// ---- after elaborate ----\n// 8 exprs, 7 stmts, 2 processes, 2 signals\n"), "{err}");
    assert!(folded.starts_with("\n// 6 exprs, 7 stmts, 2 processes, 2 signals\n"), "{folded}");

    let out = wsim(dir.path(), &["compile", "-q", "t.v", "-O0", "--two-state", "--dump-ir=ir.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "the dump went to the file");
    let file = std::fs::read_to_string(dir.path().join("ir.txt")).unwrap();
    assert_eq!(headers(&file), ["// ---- after elaborate ----", "// ---- after make_two_state ----"]);

    let four = wsim(dir.path(), &["sim", "-q", "t.v"]);
    assert_eq!(stdout(&four), "xxxx  5\n", "{}", stderr(&four));
    let two = wsim(dir.path(), &["sim", "-q", "t.v", "--two-state"]);
    assert_eq!(stdout(&two), "0000  5\n", "{}", stderr(&two));
}

/// `--two-state` and `-O0` build other artifacts: each has its own cache
/// entry, and a plain compile after them is still a hit of its own.
#[test]
fn two_state_and_o0_have_their_own_cache_entries() {
    let dir = tempfile::tempdir().unwrap();
    write_design(dir.path(), 8);
    let key = |extra: &[&str]| {
        let mut args = vec!["compile", "t.v", "--top", "t", "-o", "x.wasm", "--stats-json", "s.json"];
        args.extend_from_slice(extra);
        let out = wsim(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let doc: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("s.json")).unwrap()).unwrap();
        let compile = &doc["compile"];
        (compile["cache"].as_str().unwrap().to_string(), compile["cache_key"].as_str().unwrap().to_string())
    };
    let (_, plain) = key(&[]);
    let (miss, two) = key(&["--two-state"]);
    assert_eq!(miss, "miss");
    let (miss, o0) = key(&["-O0"]);
    assert_eq!(miss, "miss");
    assert_eq!(key(&["-O2"]), ("hit".to_string(), plain.clone()), "-O1..-O3 are the default");
    assert_eq!(key(&["--two-state"]), ("hit".to_string(), two.clone()));
    assert!(plain != two && plain != o0 && two != o0);
}

/// `-o /dev/null` (here through a link to it) writes to the device: the
/// atomic temp-file-and-rename would have replaced the device (or the link)
/// with a plain file, which as root breaks the machine's /dev/null.
#[cfg(unix)]
#[test]
fn compiling_to_dev_null_leaves_the_device_alone() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.v"), "module t; initial $display(\"hi\"); endmodule\n").unwrap();
    let link = dir.path().join("out.wasm");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let out = wsim(dir.path(), &["compile", "t.v", "-o", "out.wasm", "-q", "--no-cache"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link was replaced");
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}
