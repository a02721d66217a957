//! The users' workflow through the real binary on real designs: exit codes
//! (docs/exit-codes.md), run-time diagnostics with location, snippet, time
//! and scope, JSON diagnostics, `-Wall`, the sandbox, limits and the
//! `$finish` verbosity of the end-of-run report. Messages are compared in
//! full; only timings inside reports are matched by shape.

mod common;

use common::{stderr, stdout, wsim};
use std::process::{Command, Output};

/// Write `source` as `t.v` in a fresh directory and `wsim sim t.v <args>`.
fn sim(source: &str, args: &[&str]) -> (tempfile::TempDir, Output) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.v"), source).unwrap();
    let mut all = vec!["sim", "t.v"];
    all.extend_from_slice(args);
    let out = wsim(dir.path(), &all);
    (dir, out)
}

const ERROR_THEN_FINISH: &str =
    "module t;\n  initial begin\n    #1 $error(\"bad\");\n    #1 $finish;\n  end\nendmodule\n";

#[test]
fn an_error_during_the_run_exits_1_unless_opted_out() {
    let (_d, out) = sim(ERROR_THEN_FINISH, &["-q"]);
    assert_eq!(stdout(&out), "ERROR: t.v:3: bad\n       Time: 1 Scope: t\n");
    assert_eq!(out.status.code(), Some(1));
    let (_d, out) = sim(ERROR_THEN_FINISH, &["-q", "--no-fail-on-error"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn fatal_and_stop_exit_1_finish_exits_0() {
    let (_d, out) = sim("module t;\n  initial #2 $fatal(1, \"boom\");\nendmodule\n", &["-q"]);
    assert_eq!(out.status.code(), Some(1));
    let (_d, out) = sim("module t;\n  initial #2 $stop;\nendmodule\n", &["-q"]);
    assert_eq!(out.status.code(), Some(1));
    let (_d, out) = sim("module t;\n  initial #2 $finish;\nendmodule\n", &["-q"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_missing_readmem_file_is_a_located_run_time_error_and_exit_3() {
    let src = "module t;\n  reg [7:0] m [0:3];\n  initial begin\n    #5 $readmemh(\"nothere.hex\", m);\n    $finish;\n  end\nendmodule\n";
    let (_d, out) = sim(src, &["-q"]);
    assert_eq!(
        stderr(&out),
        "t.v:4:8: error[E0505]: $readmemh: cannot open nothere.hex for reading\n 4 |     #5 $readmemh(\"nothere.hex\", m);\n   |        ^\n  = note: at time 5s in t\n"
    );
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn the_delta_limit_names_the_process_time_and_scope() {
    let src = "`timescale 1ns/1ps\nmodule t;\n  reg b = 0;\n  always @(b) b <= ~b;\n  initial #3 b = 1;\nendmodule\n";
    let (_d, out) = sim(src, &["-q"]);
    assert_eq!(
        stderr(&out),
        "t.v:4:3: error[E0504]: more than 1000000 delta cycles in one time step: a zero-delay loop (a combinational loop, or a process that wakes itself without delay)\n 4 |   always @(b) b <= ~b;\n   |   ^\n  = note: at time 3ns in t\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

/// Statically scheduled continuous assignments in a loop (crates/codegen
/// schedule.rs) re-run pass after pass: each pass is a delta cycle, so an
/// oscillating loop meets the same limit.
#[test]
fn a_static_combinational_loop_meets_the_delta_limit() {
    let src = "`timescale 1ns/1ps\nmodule t;\n  reg en = 0;\n  wire x, y;\n  assign x = en & ~y;\n  assign y = x;\n  initial #3 en = 1;\nendmodule\n";
    let (_d, out) = sim(src, &["-q"]);
    assert_eq!(
        stderr(&out),
        "t.v:6:10: error[E0504]: more than 1000000 delta cycles in one time step: a zero-delay loop (a combinational loop, or a process that wakes itself without delay)\n 6 |   assign y = x;\n   |          ^\n  = note: at time 3ns in t\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

/// The error names a process on the loop, not one that only reads it:
/// the counter runs after the loop in every pass, but only units on a
/// zero-delay loop name themselves in `RUNNING` (crates/codegen runner.rs,
/// `run_if_pending`).
#[test]
fn a_static_loop_is_named_by_a_process_on_it() {
    let src = "`timescale 1ns/1ps\nmodule t;\n  reg en = 0;\n  wire x, y;\n  reg [3:0] n = 0;\n  assign x = en & ~y;\n  assign y = x;\n  always @(y) n = n + 4'd1;\n  initial #3 en = 1;\n  initial #4 $display(n);\nendmodule\n";
    let (_d, out) = sim(src, &["-q"]);
    assert_eq!(
        stderr(&out),
        "t.v:7:10: error[E0504]: more than 1000000 delta cycles in one time step: a zero-delay loop (a combinational loop, or a process that wakes itself without delay)\n 7 |   assign y = x;\n   |          ^\n  = note: at time 3ns in t\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

/// A loop through the NBA region in a clock's time step: the static
/// runner makes the passes after the first itself (crates/codegen
/// runner.rs, `end_pass`), as many as the limit leaves, so the limit is
/// met at the same delta cycle, in the same process.
#[test]
fn a_loop_through_the_nba_region_meets_the_delta_limit() {
    let src = "`timescale 1ns/1ps\nmodule t;\n  reg clk = 0;\n  always #5 clk = ~clk;\n  reg [7:0] x = 0;\n  wire y = x[0];\n  always @(posedge clk) x <= 8'd1;\n  always @(y) if (clk) x <= x + 8'd1;\nendmodule\n";
    let (_d, out) = sim(src, &["-q"]);
    assert_eq!(
        stderr(&out),
        "t.v:8:3: error[E0504]: more than 1000000 delta cycles in one time step: a zero-delay loop (a combinational loop, or a process that wakes itself without delay)\n 8 |   always @(y) if (clk) x <= x + 8'd1;\n   |   ^\n  = note: at time 5ns in t\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn run_time_diagnostics_can_be_json() {
    let src = "module t;\n  reg [7:0] m [0:3];\n  initial $readmemh(\"nothere.hex\", m);\nendmodule\n";
    let (_d, out) = sim(src, &["-q", "--diagnostic-format=json"]);
    let line = stderr(&out);
    let doc: serde_json::Value = serde_json::from_str(line.trim_end()).expect("one JSON object");
    assert_eq!(doc["code"], "E0505");
    assert_eq!(doc["severity"], "error");
    assert_eq!(doc["file"], "t.v");
    assert_eq!(doc["line"], 3);
    assert_eq!(doc["column"], 11);
    assert_eq!(doc["notes"][0], "at time 0s in t");
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn compile_errors_can_be_json_and_without_context() {
    let (_d, out) = sim("module t;\n  assign x = ;\nendmodule\n", &["--diagnostic-format=json"]);
    let doc: serde_json::Value = serde_json::from_str(stderr(&out).trim_end()).expect("one JSON object");
    assert_eq!(
        (doc["code"].as_str(), doc["line"].as_u64(), doc["column"].as_u64()),
        (Some("E0201"), Some(2), Some(14))
    );
    assert_eq!(out.status.code(), Some(2));
    let (_d, out) = sim("module t;\n  assign x = ;\nendmodule\n", &["--no-context"]);
    assert_eq!(stderr(&out), "t.v:2:14: error[E0201]: expected expression, found `;`\n");
}

#[test]
fn wall_turns_on_the_lints_and_wno_turns_one_off() {
    let src = "module t;\n  reg [3:0] n;\n  reg [7:0] w = 8'hff;\n  initial begin\n    n = w;\n    $finish;\n  end\nendmodule\n";
    let (_d, quiet) = sim(src, &["-q"]);
    assert_eq!(stderr(&quiet), "");
    let (_d, out) = sim(src, &["-q", "-Wall"]);
    let text = stderr(&out);
    assert!(text.contains("warning[W0301]"), "{text}");
    assert_eq!(out.status.code(), Some(0));
    let (_d, out) = sim(src, &["-q", "-Wall", "-Wno-W0301"]);
    assert!(!stderr(&out).contains("W0301"), "{}", stderr(&out));
}

#[test]
fn the_sandbox_refuses_files_outside_the_working_directory() {
    let src = "module t;\n  integer f;\n  initial begin\n    f = $fopen(\"/etc/hostname\", \"r\");\n    $display(\"fd=%0d\", f);\n  end\nendmodule\n";
    let (_d, out) = sim(src, &["-q"]);
    assert_eq!(stdout(&out), "fd=0\n");
    let err = stderr(&out);
    assert!(err.starts_with("warning[W0502]: the design tried to open /etc/hostname for reading: refused"), "{err}");
    let (_d, out) = sim(src, &["-q", "--allow-dir", "/etc"]);
    assert_ne!(stdout(&out), "fd=0\n", "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn deny_files_refuses_even_the_working_directory() {
    let src = "module t;\n  integer f;\n  initial begin\n    f = $fopen(\"out.txt\", \"w\");\n    $display(\"fd=%0d\", f);\n  end\nendmodule\n";
    let (dir, out) = sim(src, &["-q", "--deny-files"]);
    assert_eq!(stdout(&out), "fd=0\n");
    assert!(stderr(&out).contains("W0502"), "{}", stderr(&out));
    assert!(!dir.path().join("out.txt").exists());
}

#[test]
fn the_wall_timeout_stops_a_zero_delay_hang_with_124() {
    let src = "module t;\n  integer i = 0;\n  initial while (1) i = i + 1;\nendmodule\n";
    let started = std::time::Instant::now();
    let (_d, out) = sim(src, &["-q", "--timeout", "500ms"]);
    assert_eq!(out.status.code(), Some(124));
    assert_eq!(stderr(&out), "wsim: warning[W0503]: stopped at --timeout (simulation time 0s)\n");
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[test]
fn max_memory_stops_a_design_that_allocates_without_end() {
    // Every call of the automatic recursive task keeps a frame on the heap.
    let src = "module t;\n  task automatic deep(input integer n);\n    begin #1 deep(n + 1); end\n  endtask\n  initial deep(0);\nendmodule\n";
    let (_d, out) = sim(src, &["-q", "--max-memory", "32M", "--max-time", "100000000"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("error[E0509]: the design needed more memory than --max-memory allows"),
        "{}",
        stderr(&out)
    );
    // An arena that does not fit from the start is refused the same way.
    let (_d, out) = sim(src, &["-q", "--max-memory", "1M"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("wsim: error[E0509]: the design needed more memory than --max-memory allows"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn finish_verbosity_chooses_the_report() {
    let src = |n: u32| format!("`timescale 1ns/1ns\nmodule t;\n  initial #7 $finish({n});\nendmodule\n");
    let (_d, out) = sim(&src(0), &[]);
    assert_eq!(stderr(&out), "", "$finish(0) prints nothing");
    let (_d, out) = sim(&src(1), &[]);
    let one = stderr(&out);
    assert!(one.starts_with("- wsim: $finish at 7ns (t.v:3:14); walltime "), "{one}");
    assert_eq!(one.lines().count(), 1, "{one}");
    let (_d, out) = sim(&src(2), &[]);
    let two = stderr(&out);
    assert_eq!(two.lines().count(), 2, "{two}");
    assert!(two.lines().nth(1).unwrap().contains(" delta cycles, "), "{two}");
}

#[test]
fn the_compile_report_counts_the_design_and_stats_json_has_both_halves() {
    let src = "module sub;\nendmodule\nmodule t;\n  sub a();\n  sub b();\n  initial #1 $finish;\nendmodule\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.v"), src).unwrap();
    let out = wsim(dir.path(), &["compile", "t.v", "-o", "t.wasm"]);
    let text = stderr(&out);
    assert!(text.starts_with("- wsim: compiled 1 file (7 lines, "), "{text}");
    assert!(text.contains(" into 2 modules, 3 instances, 1 process, "), "{text}");
    let out = wsim(dir.path(), &["sim", "t.v", "-q", "--stats-json", "s.json"]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.path().join("s.json")).unwrap()).unwrap();
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["compile"]["instances"], 3);
    assert_eq!(doc["run"]["end"], "finish");
    assert_eq!(doc["run"]["site"], "t.v:6:14");
    assert_eq!(doc["run"]["exit_code"], 0);
}

/// A design that runs until stopped, dumping a counter.
const FOREVER: &str = "`timescale 1ns/1ns\nmodule t;\n  reg clk = 0;\n  reg [31:0] n = 0;\n  always #1 clk = ~clk;\n  always @(posedge clk) n <= n + 1;\n  initial begin\n    $dumpfile(\"w.vcd\");\n    $dumpvars(0, t);\n  end\nendmodule\n";

#[cfg(unix)]
#[test]
fn ctrl_c_ends_the_run_cleanly_with_130_and_a_complete_wave_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.v"), FOREVER).unwrap();
    // Compile first, so the signal arrives while the design runs.
    let compiled = wsim(dir.path(), &["compile", "t.v", "-o", "t.wasm", "-q"]);
    assert_eq!(compiled.status.code(), Some(0), "{}", stderr(&compiled));
    let child = Command::new(env!("CARGO_BIN_EXE_wsim"))
        .args(["run", "t.wasm"])
        .current_dir(dir.path())
        .env("WSIM_CACHE_DIR", dir.path().join(".cache"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Signal once the run is under way (its wave file exists): on a loaded
    // machine the native compile before it can take seconds.
    let vcd_path = dir.path().join("w.vcd");
    let started = std::time::Instant::now();
    while !vcd_path.exists() && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    // SAFETY: sending a signal to our own child process.
    let sent = unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    assert_eq!(sent, 0);
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.starts_with("wsim: warning[W0504]: interrupted by Ctrl-C (simulation time "), "{err}");
    assert!(err.contains("\n- wsim: interrupted (Ctrl-C) at "), "{err}");
    // Complete: the header, then whole lines up to the time the run ended.
    let vcd = std::fs::read_to_string(dir.path().join("w.vcd")).unwrap();
    assert!(vcd.contains("$enddefinitions $end"), "{vcd}");
    assert!(vcd.ends_with('\n'));
    let end = err.split("interrupted by Ctrl-C (simulation time ").nth(1).unwrap().split("ns)").next().unwrap();
    let last_stamp = vcd.lines().rev().find(|l| l.starts_with('#')).unwrap();
    assert_eq!(last_stamp, format!("#{end}"), "the dump reaches the time the run stopped");
}

#[test]
fn heartbeat_lines_off_a_terminal() {
    // Long enough to outlast the first 0.2 s heartbeat with a wide margin
    // (~1.4 s here): 4 ms of simulation took only 0.25 s once the clock's
    // time steps got cheaper, and the heartbeat then never came.
    let src = "`timescale 1ns/1ns\nmodule t;\n  reg clk = 0;\n  always #1 clk = ~clk;\n  initial #100000000 $finish;\nendmodule\n";
    let (_d, out) = sim(src, &["--heartbeat", "0.2"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.lines().any(|l| l.starts_with("- wsim: heartbeat: sim time ")), "{err}");
}

#[test]
fn an_unknown_jit_is_a_bad_option() {
    let (_d, out) = sim("module t;\nendmodule\n", &["-q", "--jit", "llvm"]);
    assert_eq!(stderr(&out), "wsim: error[E0602]: --jit `llvm`: expected auto, cranelift, winch or switch\n");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn jit_switch_moves_a_run_from_winch_to_cranelift_code_after_two_time_steps() {
    let src = "module t;\n  initial begin\n    #1 $display(\"a\");\n    #1 $display(\"b\");\n    #1 $display(\"c\");\n  end\nendmodule\n";
    let (_d, out) = sim(src, &["-q", "--verbose", "--jit", "switch", "--no-cache"]);
    assert_eq!(stdout(&out), "a\nb\nc\n");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], "wsim: native code compiled (cache off) (winch)", "{err}");
    let (head, tail) = lines[1].split_once(", ").expect("a switch line");
    assert_eq!(head, "wsim: switched to cranelift code at 1s", "{err}");
    assert!(tail.ends_with(" s into the run (native code compiled (cache off))"), "{err}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn jit_winch_and_cranelift_never_switch() {
    for jit in ["winch", "cranelift"] {
        let (_d, out) =
            sim("module t;\n  initial #5 $display(\"x\");\nendmodule\n", &["--verbose", "--jit", jit, "--no-cache"]);
        assert_eq!(stdout(&out), "x\n");
        let err = stderr(&out);
        assert!(err.contains(&format!("wsim: native code compiled (cache off) ({jit})\n")), "{err}");
        assert!(!err.contains("switched"), "{err}");
    }
}

/// The function names of an artifact's `name` section.
fn function_names(wasm: &[u8]) -> Vec<String> {
    let mut names = vec![];
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let wasmparser::Payload::CustomSection(c) = payload.unwrap() {
            if let wasmparser::KnownCustom::Name(reader) = c.as_known() {
                for sub in reader {
                    if let wasmparser::Name::Function(map) = sub.unwrap() {
                        names.extend(map.into_iter().map(|n| n.unwrap().name.to_string()));
                    }
                }
            }
        }
    }
    names
}

/// The artifact's `name` section names every generated function by what
/// it runs, its scope and its source line, and keeps guest-rt's names:
/// what `perf`, `wasm-tools print` and a browser's profiler show (and
/// wasmtime's symbols, `wasm[0]::function[N]::always@t(t.v:5)`).
#[test]
fn the_artifact_names_its_functions_for_profilers() {
    let dir = tempfile::tempdir().unwrap();
    let src = "module t;\n  reg clk = 0;\n  reg [3:0] n = 0;\n  always #5 clk = ~clk;\n  always @(posedge clk) n <= n + 1;\n  \
               task show; $display(n); endtask\n  initial begin #20 show; $finish; end\nendmodule\n";
    std::fs::write(dir.path().join("t.v"), src).unwrap();
    let out = wsim(dir.path(), &["compile", "-q", "t.v", "-o", "t.wasm"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let names = function_names(&std::fs::read(dir.path().join("t.wasm")).unwrap());
    let generated: Vec<&str> = names.iter().map(String::as_str).skip_while(|&n| n != "dispatch").collect();
    assert_eq!(
        generated,
        [
            "dispatch",
            "task@t.show(t.v:6)",
            "always@t(t.v:4)",
            "always@t(t.v:5)",
            "initial@t(t.v:7)",
            "commit_shadows",
            "runner",
            "timer_body@t(t.v:4)",
            "timer_steps@t(t.v:4)",
            "init"
        ]
    );
    assert!(names.iter().any(|n| n == "wsim_run"), "{names:?}");
}
