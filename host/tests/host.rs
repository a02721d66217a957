//! The host against hand-built ABI modules: artifact checks (each rejection
//! with its exact message), every host service, run statuses, traps, exit
//! codes and the native code cache.

use wasm_encoder::Instruction as I;
use wsim_abi::run_status;
use wsim_host::cache::NativeSource;
use wsim_host::testing::{self, write_call, GuestBuilder, EXIT_GLOBAL, TIME_GLOBAL};
use wsim_host::{Artifact, EndReason, HostError, RunOptions, Sink};

fn load(bytes: Vec<u8>) -> Result<Artifact, HostError> {
    Artifact::from_named_bytes("top.wasm", bytes)
}

fn rejection(bytes: Vec<u8>) -> (String, String) {
    let err = load(bytes).expect_err("must be rejected");
    (err.code().id.to_string(), err.to_string())
}

/// Run with captured output, no native cache and no file sandbox (the
/// sandbox has its own tests in sandbox.rs; these use temp dirs).
fn run(guest: &GuestBuilder, plusargs: &[&str], max_time: Option<u64>) -> Result<wsim_host::RunOutcome, HostError> {
    let artifact = load(guest.build()).expect("valid artifact");
    let opts = RunOptions {
        files: Some(wsim_host::sandbox::FilePolicy::unrestricted()),
        plusargs: plusargs.iter().map(|s| s.to_string()).collect(),
        max_time,
        use_cache: false,
        stdout: Sink::Capture(Vec::new()),
        stderr: Sink::Capture(Vec::new()),
        ..Default::default()
    };
    wsim_host::run(&artifact, opts)
}

fn stdout_of(outcome: &wsim_host::RunOutcome) -> String {
    String::from_utf8_lossy(&outcome.stdout).into_owned()
}

#[test]
fn empty_file_is_rejected() {
    assert_eq!(rejection(vec![]), ("E0501".into(), "top.wasm is not a wsim artifact: empty file".into()));
}

#[test]
fn random_bytes_are_bad_magic() {
    let noise: Vec<u8> = (0u32..64).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    assert_eq!(rejection(noise), ("E0501".into(), "top.wasm is not a wsim artifact: bad magic".into()));
    assert_eq!(rejection(b"\0as".to_vec()).1, "top.wasm is not a wsim artifact: bad magic");
}

#[test]
fn truncated_module_is_rejected() {
    let full = GuestBuilder::default().build();
    let (code, msg) = rejection(full[..full.len() / 2].to_vec());
    assert_eq!(code, "E0501");
    assert!(msg.starts_with("top.wasm is not a wsim artifact: truncated wasm (unexpected end at byte "), "{msg}");
    assert_eq!(rejection(b"\0asm\x01".to_vec()).1, "top.wasm is not a wsim artifact: truncated wasm header");
}

#[test]
fn component_or_other_version_is_rejected() {
    let msg = rejection(b"\0asm\x0d\0\x01\0".to_vec()).1;
    assert_eq!(msg, "top.wasm is not a wsim artifact: not a core wasm module (a component or an unknown wasm version)");
}

#[test]
fn module_without_meta_is_rejected() {
    let guest = GuestBuilder { meta: None, ..Default::default() };
    assert_eq!(
        rejection(guest.build()),
        ("E0501".into(), "top.wasm is not a wsim artifact: no `wsim.meta` section".into())
    );
}

#[test]
fn malformed_meta_is_rejected() {
    let guest = GuestBuilder { meta: Some("{\"compiler_version\":\"x\"}".into()), ..Default::default() };
    let msg = rejection(guest.build()).1;
    assert!(
        msg.starts_with("top.wasm is not a wsim artifact: malformed `wsim.meta` section: missing field `abi_version`"),
        "{msg}"
    );
}

#[test]
fn other_abi_version_is_e0502_with_both_versions() {
    let guest = GuestBuilder { meta: Some(testing::meta_json(wsim_abi::ABI_VERSION + 6)), ..Default::default() };
    let (code, msg) = rejection(guest.build());
    assert_eq!(code, "E0502");
    assert_eq!(
        msg,
        format!(
            "top.wasm was built for wsim ABI version {}, but this wsim runs ABI version {}; recompile it",
            wsim_abi::ABI_VERSION + 6,
            wsim_abi::ABI_VERSION
        )
    );
}

#[test]
fn unknown_imports_are_rejected() {
    let guest = GuestBuilder { extra_import: Some(("env".into(), "host_socket".into())), ..Default::default() };
    assert_eq!(
        rejection(guest.build()).1,
        "top.wasm is not a wsim artifact: it imports `env.host_socket`, which this host does not provide"
    );
    let guest =
        GuestBuilder { extra_import: Some(("wasi_snapshot_preview1".into(), "fd_write".into())), ..Default::default() };
    assert_eq!(
        rejection(guest.build()).1,
        "top.wasm is not a wsim artifact: it imports `wasi_snapshot_preview1.fd_write`, which this host does not provide"
    );
}

#[test]
fn wrongly_typed_import_and_missing_export_are_rejected() {
    let guest = GuestBuilder { write_params: vec![wasm_encoder::ValType::I32], ..Default::default() };
    assert_eq!(
        rejection(guest.build()).1,
        "top.wasm is not a wsim artifact: `env.host_write` has type (i32) -> (), the ABI says (i32, i32, i32) -> ()"
    );
    let guest = GuestBuilder { omit_export: Some("wsim_final"), ..Default::default() };
    assert_eq!(rejection(guest.build()).1, "top.wasm is not a wsim artifact: it has no `wsim_final` export");
}

#[test]
fn meta_and_memory_are_read() {
    let guest = GuestBuilder { memory_pages: 3, ..Default::default() };
    let artifact = load(guest.build()).unwrap();
    assert_eq!(artifact.meta.abi_version, u64::from(wsim_abi::ABI_VERSION));
    assert_eq!(artifact.meta.compiler_version, "test");
    assert_eq!(artifact.meta.precision, -12);
    assert_eq!(artifact.memory_min_pages, 3);
}

#[test]
fn hello_world_runs_init_run_final_in_order() {
    let mut guest = GuestBuilder::default();
    let (hello, hello_len) = guest.string(100, "hello\n");
    let (fin, fin_len) = guest.string(200, "final\n");
    guest.init = write_call(1, hello, hello_len);
    guest.final_ = write_call(1, fin, fin_len);
    let outcome = run(&guest, &[], None).unwrap();
    assert_eq!(stdout_of(&outcome), "hello\nfinal\n");
    assert_eq!(outcome.reason, EndReason::Finished);
    assert_eq!(outcome.exit_code, 0);
}

#[test]
fn stderr_goes_to_fd_2() {
    let mut guest = GuestBuilder::default();
    let (p, n) = guest.string(64, "oops\n");
    guest.init = write_call(2, p, n);
    let outcome = run(&guest, &[], None).unwrap();
    assert_eq!(outcome.stdout, b"");
    assert_eq!(outcome.stderr, b"oops\n");
}

#[test]
fn plusargs_are_nul_separated_without_plus() {
    // len = host_plusargs(1024, 256); host_write(1, 1024, len)
    let init = vec![
        I::I32Const(1024),
        I::I32Const(256),
        I::Call(testing::PLUSARGS),
        I::LocalSet(0),
        I::I32Const(1),
        I::I32Const(1024),
        I::LocalGet(0),
        I::Call(testing::WRITE),
    ];
    let guest = GuestBuilder { init, ..Default::default() };
    let outcome = run(&guest, &["+N=3", "+trace"], None).unwrap();
    assert_eq!(outcome.stdout, b"N=3\0trace\0");
}

#[test]
fn plusargs_copy_at_most_cap_but_return_the_full_length() {
    // exit_code = host_plusargs(1024, 2); write the 4 bytes at 1024
    let mut init = vec![I::I32Const(1024), I::I32Const(2), I::Call(testing::PLUSARGS), I::GlobalSet(EXIT_GLOBAL)];
    init.extend(write_call(1, 1024, 4));
    let guest = GuestBuilder { init, ..Default::default() };
    let outcome = run(&guest, &["+abc"], None).unwrap();
    assert_eq!(outcome.exit_code, 4, "total length of `abc\\0`");
    assert_eq!(outcome.stdout, b"ab\0\0");
}

#[test]
fn fopen_write_fclose_creates_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.txt").display().to_string();
    let mut guest = GuestBuilder::default();
    let (name, name_len) = guest.string(100, &path);
    let (mode, mode_len) = guest.string(90, "w");
    let (text, text_len) = guest.string(600, "line 1\n");
    guest.init = vec![
        I::I32Const(name as i32),
        I::I32Const(name_len as i32),
        I::I32Const(mode as i32),
        I::I32Const(mode_len as i32),
        I::Call(testing::FOPEN),
        I::LocalTee(0),
        I::GlobalSet(EXIT_GLOBAL),
        I::LocalGet(0),
        I::I32Const(text as i32),
        I::I32Const(text_len as i32),
        I::Call(testing::WRITE),
        I::LocalGet(0),
        I::Call(testing::FCLOSE),
    ];
    let outcome = run(&guest, &[], None).unwrap();
    assert_eq!(outcome.exit_code, 3, "the first file gets fd 3");
    assert_eq!(std::fs::read_to_string(dir.path().join("out.txt")).unwrap(), "line 1\n");
}

#[test]
fn fopen_of_an_impossible_path_returns_0() {
    let mut guest = GuestBuilder::default();
    let (name, name_len) = guest.string(100, "/no/such/dir/x.txt");
    let (mode, mode_len) = guest.string(90, "r");
    guest.init = vec![
        I::I32Const(name as i32),
        I::I32Const(name_len as i32),
        I::I32Const(mode as i32),
        I::I32Const(mode_len as i32),
        I::Call(testing::FOPEN),
        I::I32Const(100),
        I::I32Add,
        I::GlobalSet(EXIT_GLOBAL),
    ];
    assert_eq!(run(&guest, &[], None).unwrap().exit_code, 100);
}

/// Guest that reads `path` into 4096 with capacity `cap`, puts the returned
/// size in the exit code and writes the first `cap` bytes to stdout.
fn read_file_guest(path: &str, cap: i32) -> GuestBuilder {
    let mut guest = GuestBuilder::default();
    let (name, name_len) = guest.string(100, path);
    guest.init = vec![
        I::I32Const(name as i32),
        I::I32Const(name_len as i32),
        I::I32Const(4096),
        I::I32Const(cap),
        I::Call(testing::READ_FILE),
        I::I32WrapI64,
        I::GlobalSet(EXIT_GLOBAL),
    ];
    guest.init.extend(write_call(1, 4096, cap as u32));
    guest
}

#[test]
fn read_file_copies_min_of_size_and_cap() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mem.hex");
    std::fs::write(&path, "0a\n1b\n").unwrap();
    let outcome = run(&read_file_guest(&path.display().to_string(), 4), &[], None).unwrap();
    assert_eq!(outcome.exit_code, 6);
    assert_eq!(outcome.stdout, b"0a\n1");
    let missing = run(&read_file_guest("/no/such/file.hex", 0), &[], None).unwrap();
    assert_eq!(missing.exit_code, -1);
}

#[test]
fn out_of_arena_write_traps_with_the_service_name() {
    let guest = GuestBuilder { init: write_call(1, 65530, 100), ..Default::default() };
    match run(&guest, &[], None) {
        Err(e @ HostError::Trap { .. }) => {
            assert_eq!(e.code().id, "E0503");
            assert!(e.to_string().contains("host_write: bytes 65530..65530+100 lie outside the arena"), "{e}");
        }
        other => panic!("expected a trap, got {other:?}"),
    }
}

#[test]
fn guest_trap_is_e0503_with_the_trap_reason() {
    let guest = GuestBuilder { run: vec![I::Unreachable], ..Default::default() };
    let err = run(&guest, &[], None).unwrap_err();
    assert_eq!(err.code().id, "E0503");
    assert!(
        err.to_string().starts_with("the simulation trapped at time 0ps: wasm `unreachable` instruction executed"),
        "{err}"
    );
}

#[test]
fn statuses_map_to_end_reasons() {
    let cases = [
        (run_status::IDLE, EndReason::Idle),
        (run_status::FINISHED, EndReason::Finished),
        (run_status::STOPPED, EndReason::Stopped),
        (run_status::ERROR, EndReason::Error),
    ];
    for (status, reason) in cases {
        let guest = GuestBuilder { run: vec![I::I32Const(status)], ..Default::default() };
        assert_eq!(run(&guest, &[], None).unwrap().reason, reason, "status {status}");
    }
    let guest = GuestBuilder { run: vec![I::I32Const(run_status::BLOCKED_ON_HOST)], ..Default::default() };
    let err = run(&guest, &[], None).unwrap_err();
    assert!(err.to_string().contains("BLOCKED_ON_HOST"), "{err}");
}

#[test]
fn max_time_is_passed_as_until_and_reported() {
    // wsim_run: time = until; return UNTIL
    let guest = GuestBuilder {
        run: vec![I::LocalGet(0), I::GlobalSet(TIME_GLOBAL), I::I32Const(run_status::UNTIL)],
        ..Default::default()
    };
    let outcome = run(&guest, &[], Some(1234)).unwrap();
    assert_eq!(outcome.reason, EndReason::TimeLimit);
    assert_eq!(outcome.time, 1234);
    let unlimited = run(&GuestBuilder { run: guest.run.clone(), ..Default::default() }, &[], None).unwrap();
    assert_eq!(unlimited.time, i64::MAX as u64, "no --max-time means until = i64::MAX");
}

#[test]
fn native_cache_miss_then_hit_then_recovers_from_corruption() {
    let dir = tempfile::tempdir().unwrap();
    let mut guest = GuestBuilder::default();
    let (p, n) = guest.string(100, "cached\n");
    guest.init = write_call(1, p, n);
    let artifact = load(guest.build()).unwrap();
    let opts = || RunOptions {
        cache_dir: Some(dir.path().to_path_buf()),
        stdout: Sink::Capture(Vec::new()),
        ..Default::default()
    };
    let first = wsim_host::run(&artifact, opts()).unwrap();
    let NativeSource::CacheMiss { key } = first.native.clone() else { panic!("first run: {:?}", first.native) };
    assert_eq!(key.len(), 64);
    let second = wsim_host::run(&artifact, opts()).unwrap();
    assert_eq!(second.native, NativeSource::CacheHit { key: key.clone() });
    assert_eq!(second.stdout, b"cached\n");
    std::fs::write(dir.path().join(format!("{key}.cwasm")), b"garbage").unwrap();
    let third = wsim_host::run(&artifact, opts()).unwrap();
    assert_eq!(third.native, NativeSource::CacheMiss { key });
    assert_eq!(third.stdout, b"cached\n");
}

#[test]
fn native_key_depends_on_the_bytes() {
    let engine = wsim_host::engine(false).unwrap();
    let a = GuestBuilder::default().build();
    let mut other = GuestBuilder::default();
    other.string(0, "x");
    let b = other.build();
    let key = wsim_host::cache::native_key(&engine, &a);
    assert_eq!(key, wsim_host::cache::native_key(&engine, &a));
    assert_ne!(key, wsim_host::cache::native_key(&engine, &b));
}

#[test]
fn times_are_shown_in_the_largest_whole_unit() {
    assert_eq!(wsim_host::format_time(15000, -12), "15ns");
    assert_eq!(wsim_host::format_time(1500, -12), "1500ps");
    assert_eq!(wsim_host::format_time(0, -12), "0ps");
    assert_eq!(wsim_host::format_time(3, -10), "300ps");
    assert_eq!(wsim_host::format_time(2_000_000, -9), "2ms");
    assert_eq!(wsim_host::format_time(7, 0), "7s");
    assert_eq!(wsim_host::format_time(7, 2), "700s");
}
