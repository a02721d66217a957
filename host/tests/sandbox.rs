//! The sandbox and the limits of a run, against hand-built ABI modules:
//! the file policy (granted directories, symlink and `..` escapes,
//! `--deny-files`, the exact refusal line), `--max-memory` on the
//! host-created arena, and the watchdog (wall timeout, Ctrl-C, progress).
//!
//! The store is set up the way `runner.rs` does it: `Store::new`, the
//! limiter and the watchdog's epoch callback, `Memory::new` for the arena,
//! the `env.*` services, then instantiate.

// Symlinks, SIGINT and `kill`: the sandbox tests are Unix-only.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use wasm_encoder::{BlockType, Instruction as I};
use wasmtime::{Config, Engine, Instance, Linker, Memory, MemoryType, Module, Store};
use wsim_abi::{export, run_status};
use wsim_host::limits::{self, StopRequest, Watchdog};
use wsim_host::sandbox::{Access, FilePolicy, Refusal};
use wsim_host::services::{self, HostState};
use wsim_host::testing::{self, GuestBuilder, EXIT_GLOBAL, TIME_GLOBAL};
use wsim_host::Sink;

/// The watchdog tests share the process's Ctrl-C flag: one at a time.
static WATCHDOG_TESTS: Mutex<()> = Mutex::new(());

fn engine() -> Engine {
    let mut config = Config::new();
    config.epoch_interruption(true);
    Engine::new(&config).unwrap()
}

/// A captured-output host state with `policy`.
fn state(policy: FilePolicy) -> HostState {
    HostState::new(&[], Sink::Capture(Vec::new()), Sink::Capture(Vec::new())).with_file_policy(policy)
}

/// Store + arena + services + instance, in the runner's order; `before`
/// runs right after `Store::new` (limiter, watchdog: both must precede the
/// arena and the instantiation, which already checks the epoch deadline).
fn instantiate(
    engine: &Engine,
    guest: &GuestBuilder,
    state: HostState,
    before: impl FnOnce(&mut Store<HostState>),
) -> wasmtime::Result<(Store<HostState>, Instance)> {
    let module = Module::new(engine, guest.build())?;
    let mut store = Store::new(engine, state);
    before(&mut store);
    let memory = Memory::new(&mut store, MemoryType::new(guest.memory_pages as u32, None))?;
    store.data_mut().set_memory(memory);
    let mut linker = Linker::new(engine);
    services::add_to_linker(&mut linker)?;
    linker.define(&store, wsim_abi::import::MODULE, wsim_abi::import::MEMORY, memory)?;
    let instance = linker.instantiate(&mut store, &module)?;
    Ok((store, instance))
}

fn call_init(store: &mut Store<HostState>, instance: &Instance) -> wasmtime::Result<()> {
    instance.get_typed_func::<(), ()>(&mut *store, export::INIT)?.call(&mut *store, ())
}

fn call_run(store: &mut Store<HostState>, instance: &Instance) -> wasmtime::Result<i32> {
    instance.get_typed_func::<i64, i32>(&mut *store, export::RUN)?.call(&mut *store, i64::MAX)
}

fn exit_code(store: &mut Store<HostState>, instance: &Instance) -> i32 {
    instance.get_typed_func::<(), i32>(&mut *store, export::EXIT_CODE).unwrap().call(&mut *store, ()).unwrap()
}

/// Run `wsim_init` of `guest`; (exit code, captured stderr, final state).
fn run_init(guest: &GuestBuilder, policy: FilePolicy) -> (i32, String, Store<HostState>) {
    let engine = engine();
    // No watchdog: a deadline far away keeps epoch checks quiet. It must be
    // set before instantiation, which checks it (data segments).
    let far_deadline = |store: &mut Store<HostState>| store.set_epoch_deadline(u64::MAX / 2);
    let (mut store, instance) = instantiate(&engine, guest, state(policy), far_deadline).unwrap();
    call_init(&mut store, &instance).unwrap();
    let code = exit_code(&mut store, &instance);
    let (_, stderr) = store.data_mut().finish();
    (code, String::from_utf8(stderr).unwrap(), store)
}

/// Guest whose `wsim_init` fopens `path` with `mode` and exits with the fd.
fn fopen_guest(path: &str, mode: &str) -> GuestBuilder {
    let mut guest = GuestBuilder::default();
    let (name, name_len) = guest.string(1000, path);
    let (m, m_len) = guest.string(900, mode);
    guest.init = vec![
        I::I32Const(name as i32),
        I::I32Const(name_len as i32),
        I::I32Const(m as i32),
        I::I32Const(m_len as i32),
        I::Call(testing::FOPEN),
        I::GlobalSet(EXIT_GLOBAL),
    ];
    guest
}

/// Guest whose `wsim_init` asks `host_read_file` for the size of `path`
/// (cap 0, as guest-rt does first) `times` times; exits with the last answer.
fn read_size_guest(path: &str, times: usize) -> GuestBuilder {
    let mut guest = GuestBuilder::default();
    let (name, name_len) = guest.string(1000, path);
    guest.init = Vec::new();
    for _ in 0..times {
        guest.init.extend([
            I::I32Const(name as i32),
            I::I32Const(name_len as i32),
            I::I32Const(0),
            I::I32Const(0),
            I::Call(testing::READ_FILE),
            I::I32WrapI64,
            I::GlobalSet(EXIT_GLOBAL),
        ]);
    }
    guest
}

/// Two sibling directories: `granted` (the policy's one) and `outside`,
/// which holds `secret.txt`.
struct Dirs {
    _root: tempfile::TempDir,
    granted: PathBuf,
    outside: PathBuf,
}

fn dirs() -> Dirs {
    let root = tempfile::tempdir().unwrap();
    let base = root.path().canonicalize().unwrap();
    let (granted, outside) = (base.join("granted"), base.join("outside"));
    std::fs::create_dir(&granted).unwrap();
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("secret.txt"), "secret\n").unwrap();
    Dirs { _root: root, granted, outside }
}

fn only(dir: &Path) -> FilePolicy {
    FilePolicy::no_dirs().allow_dir(dir).unwrap()
}

fn text(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn fopen_inside_the_granted_dir_works() {
    let d = dirs();
    let path = d.granted.join("out.txt");
    let (fd, stderr, store) = run_init(&fopen_guest(&text(&path), "w"), only(&d.granted));
    assert_eq!(fd, 3);
    assert_eq!(stderr, "");
    assert!(path.exists());
    assert_eq!(store.data().files_refused(), 0);
}

#[test]
fn fopen_outside_is_refused_with_the_exact_message() {
    let d = dirs();
    let secret = text(&d.outside.join("secret.txt"));
    let (fd, stderr, store) = run_init(&fopen_guest(&secret, "r"), only(&d.granted));
    assert_eq!(fd, 0, "fails like a file that cannot be opened");
    assert_eq!(
        stderr,
        format!(
            "warning[W0502]: the design tried to open {secret} for reading: refused, \
             it lies outside the granted directories (--allow-dir DIR to grant one)\n"
        )
    );
    assert_eq!(store.data().files_refused(), 1);
    assert_eq!(store.data().tool_errors(), 0, "a failed $fopen is the design's to handle");
}

#[test]
fn etc_passwd_is_refused_by_the_default_policy() {
    let (fd, stderr, _) = run_init(&fopen_guest("/etc/passwd", "r"), FilePolicy::default());
    assert_eq!(fd, 0);
    assert_eq!(
        stderr,
        "warning[W0502]: the design tried to open /etc/passwd for reading: refused, \
         it lies outside the granted directories (--allow-dir DIR to grant one)\n"
    );
}

#[test]
fn symlink_to_an_outside_file_is_refused() {
    let d = dirs();
    let secret = d.outside.join("secret.txt");
    let link = d.granted.join("link.txt");
    std::os::unix::fs::symlink(&secret, &link).unwrap();
    let (fd, stderr, _) = run_init(&fopen_guest(&text(&link), "r"), only(&d.granted));
    assert_eq!(fd, 0);
    assert_eq!(
        stderr,
        format!(
            "warning[W0502]: the design tried to open {} for reading: refused, it resolves to {}, \
             outside the granted directories (--allow-dir DIR to grant one)\n",
            link.display(),
            secret.display()
        )
    );
}

#[test]
fn dangling_symlink_cannot_create_an_outside_file() {
    let d = dirs();
    let target = d.outside.join("created.txt");
    let link = d.granted.join("new.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (fd, stderr, _) = run_init(&fopen_guest(&text(&link), "w"), only(&d.granted));
    assert_eq!(fd, 0);
    assert!(stderr.contains("for writing: refused, it resolves to"), "{stderr}");
    assert!(!target.exists(), "the write must not have gone through the link");
}

#[test]
fn symlinked_directory_and_dotdot_escapes_are_refused() {
    let d = dirs();
    std::os::unix::fs::symlink(&d.outside, d.granted.join("sub")).unwrap();
    let policy = only(&d.granted);
    let secret = d.outside.join("secret.txt");
    let through_dir_link = d.granted.join("sub/secret.txt");
    assert_eq!(policy.check(&text(&through_dir_link)), Err(Refusal::Outside(secret.clone())));
    let dotdot = format!("{}/../outside/secret.txt", d.granted.display());
    assert_eq!(policy.check(&dotdot), Err(Refusal::Outside(secret.clone())));
    // `..` through the symlinked dir goes to the link target's parent, as the OS does.
    let link_dotdot = format!("{}/sub/../granted/x.txt", d.granted.display());
    assert_eq!(policy.check(&link_dotdot), Ok(d.granted.join("x.txt")));

    let (fd, stderr, _) = run_init(&fopen_guest(&dotdot, "a"), policy);
    assert_eq!(fd, 0);
    assert_eq!(
        stderr,
        format!(
            "warning[W0502]: the design tried to open {dotdot} for appending: refused, it resolves to {}, \
             outside the granted directories (--allow-dir DIR to grant one)\n",
            secret.display()
        )
    );
}

#[test]
fn dotdot_that_stays_inside_and_missing_dirs_are_granted() {
    let d = dirs();
    std::fs::create_dir(d.granted.join("x")).unwrap();
    let policy = only(&d.granted);
    let inside = format!("{}/x/../f.txt", d.granted.display());
    assert_eq!(policy.check(&inside), Ok(d.granted.join("f.txt")));
    // A missing directory inside the grant: no refusal, the OS reports it.
    let missing = format!("{}/no/such/dir/f.txt", d.granted.display());
    assert_eq!(policy.check(&missing), Ok(d.granted.join("no/such/dir/f.txt")));
    let (fd, stderr, store) = run_init(&fopen_guest(&missing, "r"), policy);
    assert_eq!((fd, stderr.as_str(), store.data().files_refused()), (0, "", 0));
}

#[test]
fn symlink_cycle_is_refused() {
    let d = dirs();
    std::os::unix::fs::symlink(d.granted.join("b"), d.granted.join("a")).unwrap();
    std::os::unix::fs::symlink(d.granted.join("a"), d.granted.join("b")).unwrap();
    assert_eq!(only(&d.granted).check(&text(&d.granted.join("a"))), Err(Refusal::TooManySymlinks));
}

#[test]
fn deny_files_refuses_everything() {
    let d = dirs();
    let inside = d.granted.join("data.hex");
    std::fs::write(&inside, "00\n").unwrap();
    let (size, stderr, store) = run_init(&read_size_guest(&text(&inside), 1), FilePolicy::deny_all());
    assert_eq!(size, -1);
    assert_eq!(
        stderr,
        format!(
            "warning[W0502]: the design tried to open {} for reading: refused, --deny-files forbids every file\n",
            inside.display()
        )
    );
    assert_eq!((store.data().files_refused(), store.data().tool_errors()), (1, 1));
}

#[test]
fn default_policy_is_the_working_directory() {
    let cwd = std::env::current_dir().unwrap().canonicalize().unwrap();
    let policy = FilePolicy::default();
    assert_eq!(policy.allowed_dirs(), std::slice::from_ref(&cwd));
    // cargo runs the tests in host/: its Cargo.toml is granted, the workspace's is not.
    let (size, stderr, _) = run_init(&read_size_guest("Cargo.toml", 1), FilePolicy::default());
    assert_eq!(size as u64, std::fs::metadata("Cargo.toml").unwrap().len());
    assert_eq!(stderr, "");
    let (size, stderr, _) = run_init(&read_size_guest("../Cargo.toml", 1), FilePolicy::default());
    assert_eq!(size, -1);
    assert_eq!(
        stderr,
        format!(
            "warning[W0502]: the design tried to open ../Cargo.toml for reading: refused, it resolves to {}, \
             outside the granted directories (--allow-dir DIR to grant one)\n",
            cwd.parent().unwrap().join("Cargo.toml").display()
        )
    );
}

#[test]
fn allow_dir_adds_to_the_grant_and_must_exist() {
    let d = dirs();
    let policy = only(&d.granted).allow_dir(&d.outside).unwrap();
    assert!(policy.check(&text(&d.outside.join("secret.txt"))).is_ok());
    assert!(policy.check(&text(&d.granted.join("x"))).is_ok());
    assert!(FilePolicy::no_dirs().allow_dir(d.granted.join("missing")).is_err());
    assert!(FilePolicy::no_dirs().allow_dir(d.outside.join("secret.txt")).is_err(), "a file is no directory");
    // Sibling with the same prefix is not under the granted dir.
    std::fs::create_dir(d.granted.with_extension("x")).unwrap();
    assert!(policy.check(&text(&d.granted.with_extension("x").join("f"))).is_err());
}

#[test]
fn missing_readmem_file_is_a_tool_error_and_repeated_refusals_warn_once() {
    let d = dirs();
    let (size, stderr, store) = run_init(&read_size_guest(&text(&d.granted.join("nope.hex")), 1), only(&d.granted));
    assert_eq!((size, stderr.as_str()), (-1, ""));
    assert_eq!((store.data().tool_errors(), store.data().files_refused()), (1, 0));

    let secret = text(&d.outside.join("secret.txt"));
    let (_, stderr, store) = run_init(&read_size_guest(&secret, 3), only(&d.granted));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!((store.data().tool_errors(), store.data().files_refused()), (3, 3));
}

#[test]
fn access_follows_the_fopen_mode() {
    assert_eq!(Access::of_mode("rb"), Some(Access::Read));
    assert_eq!(Access::of_mode("w"), Some(Access::Write));
    assert_eq!(Access::of_mode("ab"), Some(Access::Append));
    assert_eq!(Access::of_mode("r+b"), Some(Access::ReadWrite));
    assert_eq!(Access::of_mode("x"), None);
}

// ---- --max-memory ----

/// Guest whose `wsim_init` grows memory by `first` then `second` pages and
/// exits with `100 * result1 + result2` (results: old size, or -1).
fn grow_guest(first: i32, second: i32) -> GuestBuilder {
    GuestBuilder {
        init: vec![
            I::I32Const(first),
            I::MemoryGrow(0),
            I::I32Const(100),
            I::I32Mul,
            I::I32Const(second),
            I::MemoryGrow(0),
            I::I32Add,
            I::GlobalSet(EXIT_GLOBAL),
        ],
        ..Default::default()
    }
}

fn run_with_memory_limit(guest: &GuestBuilder, max: Option<u64>) -> wasmtime::Result<(i32, Store<HostState>)> {
    let engine = engine();
    let state = state(FilePolicy::deny_all()).with_memory_limit(max);
    let setup = |store: &mut Store<HostState>| {
        limits::install_limiter(store);
        store.set_epoch_deadline(u64::MAX / 2);
    };
    let (mut store, instance) = instantiate(&engine, guest, state, setup)?;
    call_init(&mut store, &instance)?;
    let code = exit_code(&mut store, &instance);
    Ok((code, store))
}

#[test]
fn arena_growth_beyond_the_cap_is_refused_and_recorded() {
    // 1 page initially, cap 2 pages: +1 works (old size 1), +1 more is refused.
    let (code, store) = run_with_memory_limit(&grow_guest(1, 1), Some(2 * 65536)).unwrap();
    assert_eq!(code, 100 - 1);
    assert!(store.data().memory_limit_hit());
    assert_eq!(store.data().peak_memory_bytes(), 2 * 65536);
    assert_eq!(store.data().memory().unwrap().size(&store), 2);
}

#[test]
fn arena_growth_within_the_cap_is_not_a_hit() {
    let (code, store) = run_with_memory_limit(&grow_guest(1, 2), Some(4 * 65536)).unwrap();
    assert_eq!(code, 100 + 2);
    assert!(!store.data().memory_limit_hit());
    assert_eq!(store.data().peak_memory_bytes(), 4 * 65536);
}

#[test]
fn a_4_gib_request_is_refused_under_a_cap() {
    let (code, store) = run_with_memory_limit(&grow_guest(65535, 0), Some(64 << 20)).unwrap();
    assert_eq!(code, -100 + 1, "the 4 GiB grow fails, the 0-page one returns the size");
    assert!(store.data().memory_limit_hit());
}

#[test]
fn no_cap_records_the_peak_including_the_initial_arena() {
    let guest = GuestBuilder { memory_pages: 3, ..grow_guest(2, 0) };
    let (code, store) = run_with_memory_limit(&guest, None).unwrap();
    assert_eq!(code, 300 + 5);
    assert!(!store.data().memory_limit_hit());
    assert_eq!(store.data().peak_memory_bytes(), 5 * 65536);
}

#[test]
fn initial_arena_larger_than_the_cap_is_refused() {
    let guest = GuestBuilder { memory_pages: 4, ..Default::default() };
    let engine = engine();
    let mut store = Store::new(&engine, state(FilePolicy::deny_all()).with_memory_limit(Some(2 * 65536)));
    limits::install_limiter(&mut store);
    let err = Memory::new(&mut store, MemoryType::new(guest.memory_pages as u32, None)).unwrap_err();
    assert!(store.data().memory_limit_hit(), "{err}");
}

// ---- wall timeout, Ctrl-C, progress ----

/// Guest whose `wsim_run` never returns (a loop back-edge: an epoch check).
fn endless_guest() -> GuestBuilder {
    GuestBuilder {
        run: vec![I::Loop(BlockType::Empty), I::Br(0), I::End, I::I32Const(run_status::FINISHED)],
        ..Default::default()
    }
}

fn endless_store(engine: &Engine, watchdog: &Watchdog) -> (Store<HostState>, Instance) {
    let configure = |store: &mut Store<HostState>| limits::configure(store, watchdog);
    instantiate(engine, &endless_guest(), state(FilePolicy::deny_all()), configure).unwrap()
}

#[test]
fn endless_run_is_stopped_by_the_timeout() {
    let _serial = WATCHDOG_TESTS.lock().unwrap_or_else(|e| e.into_inner());
    let engine = engine();
    // The deadline counts from `Watchdog::start`, so the elapsed time does
    // too (instantiating took 13 ms of the 200 on a loaded CI machine).
    let started = Instant::now();
    let watchdog = Watchdog::start(&engine, Some(Duration::from_millis(200)));
    let (mut store, instance) = endless_store(&engine, &watchdog);
    let err = call_run(&mut store, &instance).unwrap_err();
    let took = started.elapsed();
    assert_eq!(StopRequest::of(&err), Some(StopRequest::Timeout), "{err:?}");
    assert!(took >= Duration::from_millis(190) && took < Duration::from_secs(1), "{took:?}");
    assert_eq!(store.data().stop_request(), Some(StopRequest::Timeout));
    assert_eq!(StopRequest::Timeout.code().id, "W0503");
    // Within the grace period the host may still ask the guest things.
    let time = instance.get_typed_func::<(), i64>(&mut store, export::TIME).unwrap();
    assert_eq!(time.call(&mut store, ()).unwrap(), 0);
}

#[test]
fn init_and_run_go_on_before_the_deadline() {
    let _serial = WATCHDOG_TESTS.lock().unwrap_or_else(|e| e.into_inner());
    let engine = engine();
    let watchdog = Watchdog::start(&engine, Some(Duration::from_secs(30)));
    // Counts down from 2^21 with a loop: many epoch checks, still finishes.
    let guest = GuestBuilder {
        run: vec![
            I::I32Const(1 << 21),
            I::LocalSet(1),
            I::Loop(BlockType::Empty),
            I::LocalGet(1),
            I::I32Const(1),
            I::I32Sub,
            I::LocalTee(1),
            I::BrIf(0),
            I::End,
            I::I64Const(7),
            I::GlobalSet(TIME_GLOBAL),
            I::I32Const(run_status::FINISHED),
        ],
        ..Default::default()
    };
    let configure = |store: &mut Store<HostState>| limits::configure(store, &watchdog);
    let (mut store, instance) = instantiate(&engine, &guest, state(FilePolicy::deny_all()), configure).unwrap();
    call_init(&mut store, &instance).unwrap();
    assert_eq!(call_run(&mut store, &instance).unwrap(), run_status::FINISHED);
    assert_eq!(watchdog.stop_request(), None);
    assert_eq!(store.data().stop_request(), None);
}

#[test]
fn interrupt_hook_is_recognised_as_interrupted() {
    let _serial = WATCHDOG_TESTS.lock().unwrap_or_else(|e| e.into_inner());
    let engine = engine();
    let watchdog = Watchdog::start(&engine, None);
    let (mut store, instance) = endless_store(&engine, &watchdog);
    let err = std::thread::scope(|s| {
        s.spawn(|| {
            std::thread::sleep(Duration::from_millis(100));
            watchdog.interrupt();
        });
        call_run(&mut store, &instance).unwrap_err()
    });
    assert_eq!(StopRequest::of(&err), Some(StopRequest::Interrupted), "{err:?}");
    assert_eq!(err.root_cause().to_string(), "the run was interrupted (Ctrl-C)");
    assert_eq!(StopRequest::Interrupted.code().id, "W0504");
}

#[test]
fn a_real_sigint_interrupts_the_run() {
    let _serial = WATCHDOG_TESTS.lock().unwrap_or_else(|e| e.into_inner());
    limits::catch_ctrl_c().expect("the handler installs");
    let engine = engine();
    let watchdog = Watchdog::start(&engine, Some(Duration::from_secs(20)));
    let (mut store, instance) = endless_store(&engine, &watchdog);
    let err = std::thread::scope(|s| {
        s.spawn(|| {
            std::thread::sleep(Duration::from_millis(100));
            let pid = std::process::id().to_string();
            let status = std::process::Command::new("kill").args(["-INT", &pid]).status().unwrap();
            assert!(status.success());
        });
        call_run(&mut store, &instance).unwrap_err()
    });
    assert_eq!(StopRequest::of(&err), Some(StopRequest::Interrupted), "{err:?}");
    drop(watchdog);
    // A new run forgets the earlier Ctrl-C.
    let next = Watchdog::start(&engine, None);
    assert_eq!(next.stop_request(), None);
}
