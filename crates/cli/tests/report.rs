//! The end-of-command reports, `--stats-json` and the run progress
//! (`wsim::report`): full expected text for fixed data, the JSON read back
//! field by field, number formatting edge cases, and the heartbeat cadence
//! on an injected clock.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wsim::report::*;

const KEY: &str = "3f9a0b1c2d3e4f5061728394a5b6c7d8e9f00112233445566778899aabbccdd";

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn us(n: u64) -> Duration {
    Duration::from_micros(n)
}

fn compile_miss() -> CompileReport {
    CompileReport {
        files: 3,
        lines: 1234,
        bytes: 46_694,
        modules: Some(12),
        instances: Some(40),
        processes: Some(310),
        signals: Some(1200),
        stages: vec![
            ("read".into(), us(300)),
            ("preprocess".into(), us(1200)),
            ("parse".into(), ms(12)),
            ("elaborate".into(), ms(20)),
            ("codegen".into(), us(37_400)),
        ],
        cache: CacheStatus::Miss,
        key: KEY.into(),
        artifact_bytes: 210 * 1024,
        wall: ms(71),
        cpu: ms(65),
        peak_memory: 45 * 1024 * 1024,
    }
}

fn run_finish() -> RunReport {
    RunReport {
        end: RunEnd::Finish,
        site: Some("tb.v:42:7".into()),
        end_time_ticks: 20_000_000,
        precision: -9,
        wall: ms(170),
        cpu: ms(150),
        clock: Some(ClockStats { name: "tb.clk".into(), cycles: 1_000_000 }),
        delta_cycles: 12_345,
        activations: 2_300_000,
        time_steps: 4_000,
        errors: 0,
        peak_memory: 45 * 1024 * 1024,
        arena_bytes: 1024 * 1024,
        waves: Some(WavesStats { path: "dump.fst".into(), format: "fst".into(), bytes: 1_258_291 }),
        exit_code: 0,
    }
}

#[test]
fn compile_report_of_a_cache_miss() {
    assert_eq!(
        render_compile(&compile_miss()),
        "- wsim: compiled 3 files (1,234 lines, 45.6 KB) into 12 modules, 40 instances, 310 processes, \
         1,200 signals; walltime 0.071 s (read 0.3 ms, preprocess 1.2 ms, parse 12.0 ms, elaborate 20.0 ms, \
         codegen 37.4 ms); cpu 0.065 s; peak memory 45.0 MB\n\
         - wsim: cache miss, key 3f9a0b1c2d3e4f50...; artifact 210 KB\n"
    );
}

#[test]
fn compile_report_of_a_cache_hit_has_no_design_counts() {
    let report = CompileReport {
        files: 1,
        lines: 1,
        bytes: 10,
        stages: vec![("read".into(), us(100)), ("load".into(), ms(2))],
        cache: CacheStatus::Hit,
        key: "abc".into(),
        artifact_bytes: 1000,
        wall: ms(5),
        ..CompileReport::default()
    };
    assert_eq!(
        render_compile(&report),
        "- wsim: cached build of 1 file (1 line, 10 B); walltime 0.005 s (read 0.1 ms, load 2.0 ms); cpu 0.000 s\n\
         - wsim: cache hit, key abc; artifact 1000 B\n"
    );
}

#[test]
fn compile_report_with_the_cache_off_shows_no_key() {
    let report = CompileReport { files: 2, lines: 0, modules: Some(1), ..CompileReport::default() };
    assert_eq!(
        render_compile(&report),
        "- wsim: compiled 2 files (0 lines, 0 B) into 1 module; walltime 0.000 s; cpu 0.000 s\n\
         - wsim: cache off; artifact 0 B\n"
    );
}

#[test]
fn run_report_of_a_finish() {
    assert_eq!(
        render_run(&run_finish()),
        "- wsim: $finish at 20ms (tb.v:42:7); walltime 0.170 s; cpu 0.150 s; speed 118 ms/s; peak memory 45.0 MB\n\
         - wsim: clock tb.clk 1,000,000 cycles, 5.88 M cycles/s; 12,345 delta cycles, 2,300,000 activations, \
         4,000 time steps; arena 1.00 MB; waves dump.fst 1.20 MB\n"
    );
}

#[test]
fn run_report_of_a_limit_with_errors_and_no_wall_time() {
    let report = RunReport {
        end: RunEnd::MaxTime,
        end_time_ticks: 5,
        precision: -12,
        activations: 1,
        time_steps: 1,
        errors: 2,
        exit_code: 124,
        clock: Some(ClockStats { name: "clk".into(), cycles: 1 }),
        ..RunReport::default()
    };
    assert_eq!(
        render_run(&report),
        "- wsim: stopped by --max-time at 5ps; walltime 0.000 s; cpu 0.000 s; 2 errors; exit code 124\n\
         - wsim: clock clk 1 cycle; 0 delta cycles, 1 activation, 1 time step; arena 0 B\n"
    );
}

#[test]
fn every_end_has_its_own_phrase_and_json_name() {
    let ends = [
        RunEnd::Finish,
        RunEnd::NoEvents,
        RunEnd::Stop,
        RunEnd::MaxTime,
        RunEnd::Timeout,
        RunEnd::Interrupted,
        RunEnd::MemoryLimit,
        RunEnd::Error,
    ];
    let phrases: std::collections::BTreeSet<_> = ends.iter().map(|e| e.phrase()).collect();
    let names: std::collections::BTreeSet<_> = ends.iter().map(|e| e.json_name()).collect();
    assert_eq!((phrases.len(), names.len()), (ends.len(), ends.len()));
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        ["error", "finish", "interrupted", "max_time", "memory_limit", "no_events", "stop", "timeout"]
    );
}

#[test]
fn rates_are_derived_from_the_data() {
    let rates = run_finish().rates();
    assert!((rates.sim_seconds - 0.02).abs() < 1e-12);
    assert!((rates.sim_per_wall_second.unwrap() - 0.02 / 0.17).abs() < 1e-12);
    assert!((rates.cycles_per_second.unwrap() - 1e6 / 0.17).abs() < 1e-6);
    let still = RunReport { wall: Duration::ZERO, ..run_finish() }.rates();
    assert_eq!((still.sim_per_wall_second, still.cycles_per_second), (None, None));
}

fn keys(v: &serde_json::Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v.as_object().expect("an object").keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

#[test]
fn stats_json_has_the_documented_fields() {
    let text = to_json(Some(&compile_miss()), Some(&run_finish()));
    assert!(text.ends_with('\n'));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(keys(&doc), ["compile", "run", "schema", "tool", "version"]);
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["tool"], "wsim");

    let compile = &doc["compile"];
    assert_eq!(
        keys(compile),
        [
            "artifact_bytes",
            "bytes",
            "cache",
            "cache_key",
            "cpu_seconds",
            "files",
            "instances",
            "lines",
            "modules",
            "peak_memory_bytes",
            "processes",
            "signals",
            "stages",
            "wall_seconds"
        ]
    );
    assert_eq!(compile["files"], 3);
    assert_eq!(compile["lines"], 1234);
    assert_eq!(compile["signals"], 1200);
    assert_eq!(compile["cache"], "miss");
    assert_eq!(compile["cache_key"], KEY);
    assert_eq!(compile["artifact_bytes"], 210 * 1024);
    assert_eq!(compile["wall_seconds"], 0.071);
    assert_eq!(compile["peak_memory_bytes"], 45 * 1024 * 1024);
    assert_eq!(keys(&compile["stages"][0]), ["name", "seconds"]);
    let stage_names: Vec<&str> =
        compile["stages"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(stage_names, ["read", "preprocess", "parse", "elaborate", "codegen"]);
    assert_eq!(compile["stages"][2]["seconds"], 0.012);

    let run = &doc["run"];
    assert_eq!(
        keys(run),
        [
            "activations",
            "arena_bytes",
            "clock",
            "cpu_seconds",
            "delta_cycles",
            "end",
            "end_time",
            "end_time_seconds",
            "end_time_ticks",
            "errors",
            "exit_code",
            "peak_memory_bytes",
            "precision",
            "sim_seconds_per_second",
            "site",
            "time_steps",
            "wall_seconds",
            "waves"
        ]
    );
    assert_eq!(run["end"], "finish");
    assert_eq!(run["site"], "tb.v:42:7");
    assert_eq!(run["end_time_ticks"], 20_000_000);
    assert_eq!(run["end_time"], "20ms");
    assert_eq!(run["precision"], -9);
    assert_eq!(run["wall_seconds"], 0.17);
    assert!((run["sim_seconds_per_second"].as_f64().unwrap() - 0.02 / 0.17).abs() < 1e-12);
    assert_eq!(keys(&run["clock"]), ["cycles", "cycles_per_second", "name"]);
    assert_eq!(run["clock"]["name"], "tb.clk");
    assert_eq!(run["clock"]["cycles"], 1_000_000);
    assert_eq!(keys(&run["waves"]), ["bytes", "format", "path"]);
    assert_eq!(run["waves"]["format"], "fst");
    assert_eq!(run["delta_cycles"], 12_345);
    assert_eq!(run["exit_code"], 0);
}

#[test]
fn stats_json_uses_null_for_what_is_unknown() {
    let compile = CompileReport { cache: CacheStatus::Off, ..CompileReport::default() };
    let doc: serde_json::Value = serde_json::from_str(&to_json(Some(&compile), None)).unwrap();
    assert!(doc["run"].is_null());
    for field in ["modules", "instances", "processes", "signals", "cache_key", "peak_memory_bytes"] {
        assert!(doc["compile"][field].is_null(), "{field}");
    }
    let run = RunReport { wall: Duration::ZERO, clock: None, waves: None, peak_memory: 0, ..run_finish() };
    let doc: serde_json::Value = serde_json::from_str(&to_json(None, Some(&run))).unwrap();
    assert!(doc["compile"].is_null());
    for field in ["sim_seconds_per_second", "clock", "waves", "peak_memory_bytes"] {
        assert!(doc["run"][field].is_null(), "{field}");
    }
}

#[test]
fn stats_json_is_written_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stats.json");
    write_stats_json(&path, None, Some(&run_finish())).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(doc["run"]["end_time"], "20ms");
}

#[test]
fn thousands_separators() {
    assert_eq!(group_thousands(0), "0");
    assert_eq!(group_thousands(999), "999");
    assert_eq!(group_thousands(1000), "1,000");
    assert_eq!(group_thousands(123_456), "123,456");
    assert_eq!(group_thousands(1_234_567), "1,234,567");
    assert_eq!(group_thousands(u64::MAX), "18,446,744,073,709,551,615");
}

#[test]
fn byte_sizes() {
    assert_eq!(format_bytes(0), "0 B");
    assert_eq!(format_bytes(1023), "1023 B");
    assert_eq!(format_bytes(1024), "1.00 KB");
    assert_eq!(format_bytes(1536), "1.50 KB");
    assert_eq!(format_bytes(10 * 1024), "10.0 KB");
    assert_eq!(format_bytes(1_048_000), "1023 KB");
    // 1023.999 KB rounds to 1024: shown as the next unit.
    assert_eq!(format_bytes(1024 * 1024 - 1), "1.00 MB");
    assert_eq!(format_bytes(100 * 1024 * 1024), "100 MB");
    assert_eq!(format_bytes(3 * 1024 * 1024 * 1024), "3.00 GB");
    assert_eq!(format_bytes(u64::MAX), "16384 PB");
}

#[test]
fn rates() {
    assert_eq!(format_rate(0.0), "0");
    assert_eq!(format_rate(0.5), "0.50");
    assert_eq!(format_rate(9.996), "10.0");
    assert_eq!(format_rate(99.96), "100");
    assert_eq!(format_rate(950.0), "950");
    assert_eq!(format_rate(999.4), "999");
    assert_eq!(format_rate(999.6), "1.00 k");
    assert_eq!(format_rate(12_345.0), "12.3 k");
    assert_eq!(format_rate(5.88e6), "5.88 M");
    assert_eq!(format_rate(f64::NAN), "0");
}

#[test]
fn simulation_speeds() {
    assert_eq!(format_sim_speed(0.0), "0 s/s");
    assert_eq!(format_sim_speed(2.0), "2.00 s/s");
    assert_eq!(format_sim_speed(1500.0), "1500 s/s");
    assert_eq!(format_sim_speed(2e-6 / 0.17), "11.8 us/s");
    assert_eq!(format_sim_speed(2.5e-7), "250 ns/s");
    // 999.96 us/s rounds to 1000: shown as the next unit up.
    assert_eq!(format_sim_speed(9.9996e-4), "1.00 ms/s");
    assert_eq!(format_sim_speed(3e-15), "3.00 fs/s");
}

#[test]
fn wall_and_stage_times() {
    assert_eq!(format_seconds(Duration::ZERO), "0.000 s");
    assert_eq!(format_seconds(ms(1234)), "1.234 s");
    assert_eq!(format_stage(Duration::ZERO), "0.0 ms");
    assert_eq!(format_stage(us(300)), "0.3 ms");
    assert_eq!(format_stage(ms(999)), "999.0 ms");
    assert_eq!(format_stage(ms(1000)), "1.000 s");
}

/// A `Write` the test can read back while the progress holds it.
#[derive(Clone, Default)]
struct SharedBuf(Arc<Mutex<Vec<u8>>>);

impl Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl SharedBuf {
    fn lines(&self) -> Vec<String> {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap().lines().map(String::from).collect()
    }
}

#[test]
fn heartbeat_cadence() {
    let clock = ManualClock::default();
    let out = SharedBuf::default();
    let mut progress = Progress::with_clock(
        ProgressMode::Heartbeat(Duration::from_secs(10)),
        Box::new(clock.clone()),
        Box::new(out.clone()),
    );
    let s = Duration::from_secs;

    progress.update(0, -9);
    clock.advance(ms(9_900));
    progress.update(1_000_000, -9);
    assert!(out.lines().is_empty(), "nothing before the first period");

    clock.advance(ms(100)); // 10 s
    progress.update(1_200_000, -9);
    assert_eq!(out.lines(), ["- wsim: heartbeat: sim time 1200us, walltime 10.0 s, speed 120 us/s"]);

    clock.advance(s(5)); // 15 s
    progress.update(1_500_000, -9);
    assert_eq!(out.lines().len(), 1);
    clock.advance(s(5)); // 20 s
    progress.update(2_000_000, -9);
    assert_eq!(out.lines()[1], "- wsim: heartbeat: sim time 2ms, walltime 20.0 s, speed 100 us/s");

    // A stall of several periods gives one line, and the period restarts.
    clock.advance(s(35)); // 55 s
    progress.update(2_000_000, -9);
    progress.update(2_000_000, -9);
    assert_eq!(out.lines().len(), 3);
    clock.advance(s(9)); // 64 s
    progress.update(2_000_000, -9);
    assert_eq!(out.lines().len(), 3);
    clock.advance(s(1)); // 65 s
    progress.update(2_000_000, -9);
    assert_eq!(out.lines().len(), 4);

    progress.finish();
    clock.advance(s(100));
    progress.update(3_000_000, -9);
    assert_eq!(out.lines().len(), 4, "nothing after finish");
}

#[test]
fn heartbeat_period_has_a_floor() {
    assert_eq!(ProgressMode::choose(Some(Duration::ZERO), false, true), ProgressMode::Heartbeat(MIN_HEARTBEAT));
}

#[test]
fn bar_appears_after_the_delay_and_is_cleared_at_finish() {
    let clock = ManualClock::default();
    let out = SharedBuf::default();
    let mut progress = Progress::with_clock(ProgressMode::Bar, Box::new(clock.clone()), Box::new(out.clone()));
    progress.update(10, -9);
    clock.advance(ms(900));
    progress.update(20, -9);
    assert!(!progress.bar_visible(), "a short run shows no bar");
    clock.advance(ms(100));
    progress.update(30, -9);
    assert!(progress.bar_visible());
    progress.finish();
    assert!(!progress.bar_visible());
    assert!(out.lines().is_empty(), "the bar never writes heartbeat lines");
}

#[test]
fn off_writes_nothing() {
    let clock = ManualClock::default();
    let out = SharedBuf::default();
    let mut progress = Progress::with_clock(ProgressMode::Off, Box::new(clock.clone()), Box::new(out.clone()));
    clock.advance(Duration::from_secs(1000));
    progress.update(1, 0);
    assert!(out.lines().is_empty());
    assert!(!progress.bar_visible());
}

#[test]
fn the_suspending_writer_forwards_every_byte() {
    for mode in [ProgressMode::Bar, ProgressMode::Off] {
        let clock = ManualClock::default();
        let mut progress = Progress::with_clock(mode, Box::new(clock.clone()), Box::new(std::io::sink()));
        clock.advance(Duration::from_secs(2));
        progress.update(1, -9);
        let design_output = SharedBuf::default();
        let mut writer = progress.writer(design_output.clone());
        writer.write_all(b"hello\n").unwrap();
        write!(writer, "partial").unwrap();
        writer.flush().unwrap();
        assert_eq!(progress.suspend(|| 7), 7);
        progress.finish();
        writer.write_all(b" line\n").unwrap();
        assert_eq!(design_output.lines(), ["hello", "partial line"]);
    }
}

#[test]
fn mode_choice() {
    let every = Some(Duration::from_secs(5));
    assert_eq!(ProgressMode::choose(None, true, true), ProgressMode::Bar);
    assert_eq!(ProgressMode::choose(every, true, true), ProgressMode::Bar);
    assert_eq!(ProgressMode::choose(every, false, true), ProgressMode::Heartbeat(Duration::from_secs(5)));
    // The design's output would garble the bar: fall back to the heartbeat.
    assert_eq!(ProgressMode::choose(every, true, false), ProgressMode::Heartbeat(Duration::from_secs(5)));
    assert_eq!(ProgressMode::choose(None, true, false), ProgressMode::Off);
    assert_eq!(ProgressMode::choose(None, false, true), ProgressMode::Off);
}

#[test]
fn status_line_without_wall_time_has_no_speed() {
    assert_eq!(status_line(1500, -9, Duration::ZERO), "sim time 1500ns, walltime 0.0 s");
}

#[cfg(target_os = "linux")]
#[test]
fn the_process_measures_itself() {
    let before = cpu_time();
    let mut x = 0u64;
    for i in 0..5_000_000u64 {
        x = x.wrapping_mul(31).wrapping_add(i);
    }
    std::hint::black_box(x);
    assert!(cpu_time() >= before);
    assert!(cpu_time() > Duration::ZERO);
    // A test binary with its allocator and libraries is well above 1 MB.
    assert!(peak_memory() > 1024 * 1024, "{}", peak_memory());
}

#[test]
fn compile_report_from_a_pipeline_result() {
    use wsim::pipeline::{Artifact, CompileStats, PipelineResult};
    let stats = CompileStats { files: 2, lines: 30, bytes: 600, modules: 2, instances: 3, processes: 7, signals: 9 };
    let result = PipelineResult {
        artifact: Some(Artifact { wasm: vec![0; 2048], key: KEY.into(), cache_hit: false }),
        stats,
        timings: vec![("read", us(100)), ("codegen", ms(3))],
        ..PipelineResult::default()
    };
    let miss = CompileReport::from_pipeline(&result, true, ms(10), ms(8));
    assert_eq!((miss.cache, miss.key.as_str()), (CacheStatus::Miss, KEY));
    assert_eq!((miss.modules, miss.signals, miss.artifact_bytes), (Some(2), Some(9), 2048));
    assert_eq!(miss.stages, [("read".to_string(), us(100)), ("codegen".to_string(), ms(3))]);
    let off = CompileReport::from_pipeline(&result, false, ms(10), ms(8));
    assert_eq!((off.cache, off.key.as_str()), (CacheStatus::Off, ""));

    // Elaboration did not finish: the design counts are unknown, not 0.
    let unelaborated =
        PipelineResult { stats: CompileStats { files: 1, ..CompileStats::default() }, ..PipelineResult::default() };
    let report = CompileReport::from_pipeline(&unelaborated, true, ms(1), ms(1));
    assert_eq!((report.modules, report.processes, report.cache), (None, None, CacheStatus::Off));
}

#[test]
fn run_report_from_a_host_outcome() {
    use wsim_host::testing::GuestBuilder;
    let artifact = wsim_host::Artifact::from_named_bytes("top.wasm", GuestBuilder::default().build()).unwrap();
    let opts = wsim_host::RunOptions {
        use_cache: false,
        stdout: wsim_host::Sink::Capture(Vec::new()),
        stderr: wsim_host::Sink::Capture(Vec::new()),
        ..Default::default()
    };
    let outcome = wsim_host::run(&artifact, opts).unwrap();
    let report = RunReport::from_outcome(&outcome, -12, ms(3), ms(2), 0);
    assert_eq!(report.end, RunEnd::Finish);
    assert_eq!((report.end_time_ticks, report.precision), (outcome.time, -12));
    assert_eq!((report.wall, report.cpu, report.exit_code), (ms(3), ms(2), 0));
    assert_eq!(report.arena_bytes, outcome.stats.arena_bytes);
    assert_eq!(report.activations, outcome.stats.activations);
    assert!(report.waves.is_none());
    assert!(render_run(&report).starts_with("- wsim: $finish at 0ps; walltime 0.003 s; cpu 0.002 s; speed 0 s/s;"));
}

#[test]
fn host_end_reasons_map_one_to_one() {
    use wsim_host::EndReason as R;
    let reasons =
        [R::Finished, R::Idle, R::Stopped, R::TimeLimit, R::Timeout, R::Interrupted, R::MemoryLimit, R::Error];
    let names: Vec<&str> = reasons.into_iter().map(|r| RunEnd::from(r).json_name()).collect();
    assert_eq!(names, ["finish", "no_events", "stop", "max_time", "timeout", "interrupted", "memory_limit", "error"]);
}

/// The lead moves the progress into the host's progress hook (which must
/// be `Send`) and keeps a handle to finish it.
#[test]
fn progress_can_live_in_a_send_hook() {
    fn assert_send<T: Send>() {}
    assert_send::<Progress>();
    assert_send::<std::sync::Arc<std::sync::Mutex<Progress>>>();
}
