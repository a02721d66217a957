//! Hostile input never takes the host down: a bounded fuzz run of the whole
//! compile pipeline (preprocess, parse, elaborate and, when that succeeds,
//! generate code) as `wsim compile` runs it, with the compile cache off.
//!
//! `crates/syntax/tests/parse_fuzz.rs` already throws random token streams
//! at the parser alone; this file feeds *source text* through every stage:
//! - a fixed list of pathological inputs (deep nesting, recursive macros and
//!   includes, exponential expansion, huge numbers, widths and arrays, NUL
//!   bytes, invalid UTF-8) plus regressions for every bug this run found;
//! - seeded random mutations (byte flips, token deletion / duplication /
//!   swap, splices of two files, truncation, inserted hostile snippets) of
//!   the seed corpus: `tests/sim`, `tests/errors` and `examples/`.
//!
//! Every execution must finish without a panic (the payload is reported),
//! within [`time_budget`], with at most [`MEMORY_BUDGET`] bytes allocated on
//! top of what was live before it (a counting global allocator measures it;
//! past [`HARD_CAP`] allocation fails and the process aborts), and a failed
//! compilation must carry at least one error with a stable code that is not
//! an internal compiler error; errors carry a span unless they are about the
//! design as a whole (no top module, design too large). Each input is
//! written to `$CARGO_TARGET_TMPDIR/fuzz-current-<test>.sv` before it runs,
//! so a hang or an abort leaves the culprit behind.
//!
//! Environment: `WSIM_FUZZ_ITERS=N` random mutations (default 1000: the
//! whole file takes under a minute in a debug build); `WSIM_FUZZ_SEED=S`
//! another seed; `WSIM_FUZZ_TIMEOUT=secs` the per-input time budget;
//! `WSIM_FUZZ_VERBOSE=1` names each input before it runs;
//! `WSIM_FUZZ_FROM=N` skips (but still generates) the mutations before N;
//! `WSIM_FUZZ_ONLY=text` runs only the hostile cases whose name has it.
//! Each test prints how many executions it ran and how long they took.
//!
//! The last test runs corrupted real artifacts through the `wsim run` binary
//! (exit code 3 and the rendered message); `wsim-host`'s `tests/corrupt.rs`
//! covers corrupt artifacts at the library level.

use std::alloc::{GlobalAlloc, Layout, System};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::time::{Duration, Instant};
use wasm_encoder::Encode;
use wsim::pipeline::{compile, CompileRequest};

/// Wall time one execution may take: the slowest bounded case (16,384
/// generate blocks, the elaboration limit) takes up to 20 s in a debug
/// build on a busy 2-core machine;
/// `WSIM_FUZZ_TIMEOUT=seconds` changes it.
fn time_budget() -> Duration {
    let secs = std::env::var("WSIM_FUZZ_TIMEOUT").ok().and_then(|v| v.parse().ok()).unwrap_or(30);
    Duration::from_secs(secs)
}
/// Bytes one execution may allocate beyond what was live before it.
const MEMORY_BUDGET: usize = 1 << 30;
/// Above this many live bytes allocation fails (the process aborts with
/// "memory allocation failed" instead of taking the machine down).
const HARD_CAP: usize = 3 << 30;
/// Stack of the thread that compiles: the size of a main thread.
const STACK_SIZE: usize = 8 << 20;

// ---------------------------------------------------------------- allocator

/// The system allocator, counting live bytes and their high-water mark.
struct CountingAlloc;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

impl CountingAlloc {
    /// Account for `size` more bytes; false when that would pass the cap.
    fn reserve(size: usize) -> bool {
        let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
        if live > HARD_CAP {
            LIVE.fetch_sub(size, Ordering::Relaxed);
            return false;
        }
        PEAK.fetch_max(live, Ordering::Relaxed);
        true
    }
}

// SAFETY: every method forwards to `System` with the caller's layout; the
// counters only observe.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !CountingAlloc::reserve(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: forwarded contract.
        let p = unsafe { System.alloc(layout) };
        if p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !CountingAlloc::reserve(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: forwarded contract.
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded contract.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let grow = new_size.saturating_sub(layout.size());
        if grow > 0 && !CountingAlloc::reserve(grow) {
            return std::ptr::null_mut();
        }
        // SAFETY: forwarded contract.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if p.is_null() {
            LIVE.fetch_sub(grow, Ordering::Relaxed);
        } else if new_size < layout.size() {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

// ---------------------------------------------------------------- harness

/// The tests of this file measure memory process-wide: one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// xorshift64*: deterministic, dependency-free randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// What one execution did, for the summary line.
#[derive(Default)]
struct Tally {
    runs: usize,
    compiled: usize,
    slowest: Duration,
    slowest_name: String,
    peak: usize,
    start: Option<Instant>,
}

impl Tally {
    fn new() -> Tally {
        Tally { start: Some(Instant::now()), ..Default::default() }
    }
    fn report(&self, what: &str) {
        let wall = self.start.map(|s| s.elapsed()).unwrap_or_default();
        println!(
            "fuzz {what}: {} executions ({} compiled to an artifact) in {:.1}s; slowest {:.2}s ({}), peak extra memory {} MiB",
            self.runs,
            self.compiled,
            wall.as_secs_f64(),
            self.slowest.as_secs_f64(),
            self.slowest_name,
            self.peak >> 20
        );
    }
}

fn scratch_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// Compile `bytes` as one source file and check the invariants; `name`
/// says where the input came from in failure messages.
fn execute(tally: &mut Tally, name: &str, bytes: &[u8]) -> Vec<String> {
    // Each test has its own file: the tests run one at a time, but a hung
    // thread of a failed test must not see its input rewritten.
    let path = scratch_dir().join(format!("fuzz-current-{}.sv", std::thread::current().name().unwrap_or("t")));
    std::fs::write(&path, bytes).expect("write the fuzz input");
    if std::env::var_os("WSIM_FUZZ_VERBOSE").is_some() {
        eprintln!("fuzz: {name} ({} bytes)", bytes.len());
    }
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let started = Instant::now();
    let (send, receive) = mpsc::channel();
    let req = CompileRequest { files: vec![path.clone()], cache: None, ..Default::default() };
    std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(move || {
            let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| check_result(&req)));
            let _ = send.send(outcome);
        })
        .expect("spawn the compile thread");
    let outcome = match receive.recv_timeout(time_budget()) {
        Ok(outcome) => outcome,
        Err(_) => panic!("{name}: still compiling after {:?} (input kept in {})", time_budget(), path.display()),
    };
    let elapsed = started.elapsed();
    let extra = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    let codes = match outcome {
        Ok(Ok((compiled, codes))) => {
            tally.compiled += usize::from(compiled);
            codes
        }
        Ok(Err(broken)) => panic!("{name}: {broken} (input kept in {})", path.display()),
        Err(payload) => {
            panic!("{name}: the pipeline panicked: {} (input kept in {})", panic_text(&payload), path.display())
        }
    };
    assert!(extra <= MEMORY_BUDGET, "{name}: allocated {} MiB (input kept in {})", extra >> 20, path.display());
    tally.runs += 1;
    tally.peak = tally.peak.max(extra);
    if elapsed > tally.slowest {
        tally.slowest = elapsed;
        tally.slowest_name = name.to_string();
    }
    codes
}

/// Errors about the design as a whole, which have no source location: no
/// top module (an empty file), a design too large for the arena, options.
const SPANLESS_CODES: &[&str] = &["E0307", "E0402", "E0601", "E0602"];

/// Run the pipeline; `Ok(true)` when it produced an artifact, `Err` when a
/// failure was not reported the way a user must see it.
fn check_result(req: &CompileRequest) -> Result<(bool, Vec<String>), String> {
    let result = compile(req);
    let error_codes: Vec<String> =
        result.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.code.id.to_string()).collect();
    // Rendering walks spans into the text: it must cope with every span.
    let rendered: String = result.diagnostics.iter().map(|d| wsim_diag::render(&result.sources, d)).collect();
    let json: String = result.diagnostics.iter().map(|d| wsim_diag::render_json(&result.sources, d)).collect();
    if rendered.is_empty() != json.is_empty() {
        return Err("text and JSON renderings disagree".into());
    }
    if let Some(d) = result.diagnostics.iter().find(|d| d.code.id == "E0604") {
        return Err(format!("internal compiler error: {}", d.message));
    }
    let spanless =
        |d: &&wsim_diag::Diagnostic| d.is_error() && d.span.is_none() && !SPANLESS_CODES.contains(&d.code.id);
    if let Some(d) = result.diagnostics.iter().find(spanless) {
        return Err(format!("error without a source span: {}", wsim_diag::render(&result.sources, d)));
    }
    match &result.artifact {
        Some(artifact) => {
            if !artifact.wasm.starts_with(b"\0asm") {
                return Err("the artifact is not wasm".into());
            }
            Ok((true, error_codes))
        }
        None if !error_codes.is_empty() && !rendered.is_empty() => Ok((false, error_codes)),
        None => Err(format!("compilation failed without an error: {rendered}")),
    }
}

fn panic_text(payload: &Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(non-string payload)".into())
}

// ---------------------------------------------------------------- corpus

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed corpus: every `.v`/`.sv` file of tests/sim, tests/errors and
/// examples, in a stable order.
fn seed_corpus() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for dir in ["tests/sim", "tests/errors", "examples"] {
        let Ok(entries) = std::fs::read_dir(repo_root().join(dir)) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_source = path.extension().is_some_and(|e| e == "v" || e == "sv");
            if is_source {
                files.push((format!("{dir}/{}", entry.file_name().to_string_lossy()), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    assert!(files.len() > 20, "seed corpus not found under {}", repo_root().display());
    files
}

/// Pathological inputs, each a known way to hurt a compiler: (name, text).
fn hostile_cases() -> Vec<(&'static str, Vec<u8>)> {
    let deep = 10_000;
    let m = |body: String| format!("module m;\n{body}\nendmodule\n").into_bytes();
    let mut cases: Vec<(&'static str, Vec<u8>)> = vec![
        ("parens", m(format!("wire x = {}1'b1{};", "(".repeat(deep), ")".repeat(deep)))),
        ("unary chain", m(format!("wire x = {}1'b1;", "~".repeat(deep)))),
        ("begin blocks", m(format!("initial {} ; {}", "begin ".repeat(deep), "end ".repeat(deep)))),
        ("unclosed begin blocks", m(format!("initial {} ;", "begin ".repeat(deep)))),
        ("ifdef nesting", format!("{}module m; endmodule\n{}", "`ifdef A\n".repeat(deep), "`endif\n".repeat(deep)).into_bytes()),
        ("ifndef nesting", format!("{}module m; endmodule\n{}", "`ifndef A\n".repeat(deep), "`endif\n".repeat(deep)).into_bytes()),
        ("unbalanced ifdef nesting", "`ifdef A\n".repeat(deep).into_bytes()),
        ("self-recursive macro", b"`define a `a\nmodule m; wire x = `a; endmodule\n".to_vec()),
        ("mutually recursive macros", b"`define a `b\n`define b `a\nmodule m; wire x = `a; endmodule\n".to_vec()),
        ("recursive macro with args", b"`define f(x) `f(x x)\nmodule m; wire y = `f(1); endmodule\n".to_vec()),
        ("exponential macro", exponential_macro(64)),
        ("define in a loop of includes", b"`include \"fuzz-current-self.sv\"\n".to_vec()),
        ("huge decimal", m("wire [7:0] x = 'd99999999999999999999;".into())),
        ("huge sized decimal", m("wire [7:0] x = 64'd99999999999999999999999999999;".into())),
        ("huge size", m("wire [7:0] x = 99999999999'd1;".into())),
        ("size 2^31 literal", m("wire [7:0] x = 2147483648'h1;".into())),
        ("huge unsized hex", m(format!("wire [7:0] x = 'h{};", "f".repeat(100_000)))),
        ("2^31-bit vector", m("reg [2147483647:0] v; initial v = 1;".into())),
        ("2^32-bit vector", m("reg [2147483647:-2147483648] v; initial v = 1;".into())),
        ("negative range vector", m("reg [-2147483648:2147483647] v;".into())),
        ("2^40-element array", m("reg [7:0] mem [0:1099511627775]; initial mem[0] = 1;".into())),
        ("2^64-element 2-d array", m("reg mem [0:4294967295][0:4294967295];".into())),
        ("huge replication", m("wire [7:0] x = {1000000000{1'b1}};".into())),
        ("nested huge replication", m("wire [7:0] x = {1000{ {1000{ {1000{1'b1}} }} }};".into())),
        ("replication by 2^32", m("wire [7:0] x = {4294967296{1'b1}};".into())),
        ("huge parameter width", m("parameter N = 1 << 30; wire [N:0] w; assign w = 0;".into())),
        ("huge shift", m("localparam [31:0] P = 32'h1 << 32'hffffffff; wire [31:0] w = P << 64'hffffffffffffffff;".into())),
        ("huge power", m("localparam P = 2 ** 1000000; localparam Q = (-2) ** 63; localparam R = 2 ** -1;".into())),
        ("division overflow", m("localparam P = -2147483648 / -1; localparam Q = -2147483648 % -1; localparam R = 1 / 0;".into())),
        ("huge part select", m("wire [7:0] w; wire x = w[2147483647 -: 2147483647]; wire y = w[-2147483648 +: 8];".into())),
        ("huge generate loop", m("genvar i; for (i = 0; i < 2000000000; i = i + 1) begin : g wire w; end".into())),
        ("generate loop that never ends", m("genvar i; for (i = 0; i < 10; i = i) begin : g wire w; end".into())),
        ("huge real", m("real r = 1e999999; real s = 1e-999999; initial r = 1.0e308 * 1.0e308;".into())),
        ("huge delay", m("initial #99999999999999999999999999ns $finish;".into())),
        ("huge time literal", m("initial #1e300s $finish;".into())),
        ("long identifier", m(format!("wire {};", "a".repeat(1 << 20)))),
        ("long string", m(format!("initial $display(\"{}\");", "x".repeat(1 << 20)))),
        ("NUL bytes", b"module m;\0\0 wire\0 x; endmodule\0".to_vec()),
        ("invalid UTF-8", b"module m; wire \xff\xfe x; initial $display(\"\xc3\x28\"); endmodule // \xe2\x82\n".to_vec()),
        ("lone surrogate bytes", b"module \xed\xa0\x80; endmodule\n".to_vec()),
        ("empty", Vec::new()),
        ("only a directive", b"`".to_vec()),
        ("unterminated comment", b"module m; /* ".to_vec()),
        ("unterminated string", b"module m; initial $display(\"abc".to_vec()),
        ("deep instance tree", instance_tree(40)),
        ("recursive instance", b"module m; m u(); endmodule\n".to_vec()),
        ("recursive function", m("function integer f(input integer x); f = f(x + 1); endfunction localparam P = f(0);".into())),
        ("endless constant loop", m("function integer f(input integer x); begin while (1) x = x + 1; f = x; end endfunction localparam P = f(0);".into())),
        ("case with huge labels", m("reg [3:0] s; initial case (s) 99999999999999999999: s = 1; 4'bxxxx: s = 2; endcase".into())),
        ("many ports", m(format!("wire {};", (0..20_000).map(|i| format!("w{i}")).collect::<Vec<_>>().join(", ")))),
        ("system task spam", m(format!("initial begin {} end", "$display($time); ".repeat(5_000)))),
        // One error per statement, each rendered with the whole 17 KB line.
        ("many errors on one long line", m(format!("initial {}", "$display($time); ".repeat(1_000)))),
        ("timescale garbage", b"`timescale 1000s/1fs\n`timescale 1x/1y\nmodule m; endmodule\n".to_vec()),
        ("huge timescale mismatch", b"`timescale 100s/1fs\nmodule m; initial #1e18 $finish; endmodule\n".to_vec()),
        ("line directive", b"`line 4294967295 \"x.v\" 3\nmodule m; wire; endmodule\n".to_vec()),
        ("macro with huge arg list", format!("`define f({}) 1\nmodule m; wire x = `f(1); endmodule\n", (0..5000).map(|i| format!("a{i}")).collect::<Vec<_>>().join(",")).into_bytes()),
    ];
    cases.push(("every byte", (0u8..=255).collect()));
    cases
}

/// Inputs that once crashed, hung or blew up the pipeline (found by this
/// file), each with the fix it checks and the error code it must now get
/// (`None`: it must compile).
fn regressions() -> Vec<(&'static str, Vec<u8>, Option<&'static str>)> {
    let begins = format!("module m; initial {} ; {} endmodule\n", "begin ".repeat(10_000), "end ".repeat(10_000));
    vec![
        // elab/literal.rs: a size above the width limit allocated 2^31 bits.
        (
            "regression: literal size 2^31",
            b"module m; initial $display(2147483647'h1); endmodule\n".to_vec(),
            Some("E0311"),
        ),
        // syntax/preprocess.rs: 2^39 expansions of a doubling macro chain.
        ("regression: doubling macro", exponential_macro(40), Some("E0110")),
        // syntax/parser.rs: one error per `begin` past the nesting limit
        // (9,800 errors, each rendering the whole line: gigabytes).
        ("regression: 10k begins", begins.into_bytes(), Some("E0201")),
        // elab/consteval.rs: 2,000 nested constant-function calls overflowed
        // an 8 MiB stack in a debug build.
        (
            "regression: constant recursion",
            b"module m; function integer f(input integer x); f = x > 0 ? f(x - 1) : 0; endfunction\nlocalparam P = f(5000); endmodule\n".to_vec(),
            Some("E0310"),
        ),
        // elab/instantiate.rs: 2^40 instances (see also "deep instance tree"),
        // and a 2^31-iteration generate loop with three items per block
        // (mutation 10227 of gen_for.v, seed 999).
        ("regression: instance tree", instance_tree(17), Some("E0310")),
        (
            "regression: generate loop with a body",
            b"module t; wire [7:0] d; genvar i; for (i = 0; i < 2147483647; i = i + 1) begin : blk\nwire p = d[2*i] ^ d[2*i+1]; assign d[2*i+1:2*i] = ~d[2*i+1:2*i]; initial #(i + 1) $display(\"%m\", p); end endmodule\n".to_vec(),
            Some("E0310"),
        ),
        // syntax/preprocess.rs: FsLoader read `/dev/zero` until memory ran
        // out, and would block on `/dev/stdin`; only regular files load now.
        ("regression: include /dev/zero", b"`include \"/dev/zero\"\nmodule m; endmodule\n".to_vec(), Some("E0102")),
        ("regression: include /dev/stdin", b"`include \"/dev/stdin\"\nmodule m; endmodule\n".to_vec(), Some("E0102")),
        // elab/expr.rs: a 2^31-bit part-select of an 8-bit variable made
        // 1 GiB constants in codegen (mutation 4297 of sv_package_import.sv,
        // seed 999).
        (
            "regression: huge part-select",
            b"module t; reg [7:0] v; initial begin v[2147483647:0] = 8'd25; $display(v[-9223372036854775808:9223372036854775807]); end endmodule\n".to_vec(),
            Some("E0311"),
        ),
        // elab/instantiate.rs: an instance array `g[2147483647:0]` went on
        // past the scope limit, 2^31 iterations and 4 GB (mutation 18908 of
        // instance_array.v, seed 999); elab/lower.rs: the same for gates.
        (
            "regression: huge instance array",
            b"module b(input a, output y); assign y = a; endmodule\nmodule t; wire a, y; b g[2147483647:0] (.a(a), .y(y)); endmodule\n".to_vec(),
            Some("E0310"),
        ),
        (
            "regression: huge gate array",
            b"module t; wire y, a, b; and g[2147483647:0] (y, a, b); endmodule\n".to_vec(),
            Some("E0310"),
        ),
        // codegen/lib.rs: 2^31 16-byte elements (32 GiB) overflowed u32 arena
        // offsets while generating code, before the size check (mutation
        // 19981 of memory_basic.v, seed 999).
        (
            "regression: 32 GiB array",
            b"module t; reg [7:0] neg [3:-2147483647]; initial neg[0] = 1; endmodule\n".to_vec(),
            Some("E0402"),
        ),
        // elab/expr.rs: a constant index past i64 overflowed the bit offset
        // (mutation 26647 of sv_typedef.sv, seed 999).
        (
            "regression: index past i64",
            b"module t; typedef logic [3:0][7:0] h_t; h_t h; initial $display(\"%h %h\", h[99999999999999999999], h[-9223372036854775808]); endmodule\n".to_vec(),
            None,
        ),
        // elab/types.rs: the packed width product overflowed u64 (mutation
        // 99 of sv_bits.sv, seed 4242).
        (
            "regression: packed width overflow",
            b"module t; logic [99999999999999999999:0][4:0] pa; logic [9223372036854775807:-9223372036854775808] pb; endmodule\n".to_vec(),
            Some("E0311"),
        ),
        // elab/lower.rs: delay x time scale overflowed u64 (mutation 103 of
        // time_realtime.v, default seed).
        (
            "regression: delay overflow",
            b"`timescale 1s/1fs\nmodule t; initial #4294967296 $finish; endmodule\n".to_vec(),
            None,
        ),
        // elab/expr.rs: a size cast of 10^20 bits was truncated to a u32
        // width and the constant pool asked for 1.6 GB (a mutation of
        // dynarray_basic.sv once tests/sim/nba_shadow.v joined the corpus).
        (
            "regression: size cast past the width limit",
            b"module t; reg [7:0] a; initial $display(\"%0d\", 99999999999999999999'(a)); endmodule\n".to_vec(),
            Some("E0311"),
        ),
        // elab/array_views.rs: comparing a whole array of 2^31 elements
        // listed 2^31 index constants (8 GiB) before the size check
        // (mutation 998 of array_slices.sv, default seed, once
        // tests/sim/structured_loops.v joined the corpus); constant and
        // `+:` slices of that size did the same.
        (
            "regression: whole-array view of 2^31 elements",
            b"module t; bit a [7:0]; bit b [7:2147483647]; bit c [0:3]; int i;\ninitial begin $display(\"%0d\", a == b); c = b[7:2147483647]; c = b[i+:2147483647]; end endmodule\n".to_vec(),
            Some("E0304"),
        ),
        // elab/types.rs: 3 x 10^20 array elements overflowed the element
        // count in layout (mutation 971 of multi_dim_array.v, seed 7).
        (
            "regression: 2-d array element overflow",
            b"module t; reg [7:0] m [0:2][0:99999999999999999999]; initial m[0][0] = 1; endmodule\n".to_vec(),
            Some("E0402"),
        ),
        (
            "regression: full i64 dimension",
            b"module t; reg m [-9223372036854775808:9223372036854775807]; endmodule\n".to_vec(),
            Some("E0402"),
        ),
    ]
}

/// `define a0 x x`, `define a1 `a0 `a0`, ...: expanding the last one would
/// produce 2^depth tokens.
fn exponential_macro(depth: usize) -> Vec<u8> {
    let mut text = String::from("`define a0 1 + 1\n");
    for i in 1..depth {
        text.push_str(&format!("`define a{i} `a{} + `a{}\n", i - 1, i - 1));
    }
    text.push_str(&format!("module m; wire [31:0] x = `a{};\nendmodule\n", depth - 1));
    text.into_bytes()
}

/// Module `mi` instantiates `m{i+1}` twice: 2^depth instances in all.
fn instance_tree(depth: usize) -> Vec<u8> {
    let mut text = String::new();
    for i in 0..depth {
        text.push_str(&format!("module m{i}; reg [7:0] r; m{} a(); m{} b(); endmodule\n", i + 1, i + 1));
    }
    text.push_str(&format!("module m{depth}; reg [7:0] r; initial r = 1; endmodule\n"));
    text.into_bytes()
}

/// Snippets the mutator inserts at random places.
const HOSTILE_SNIPPETS: &[&str] = &[
    "(((((((((((((((((((((((((",
    ")))))))))))",
    "begin begin begin begin",
    "end end end",
    "`ifdef X\n",
    "`else\n",
    "`endif\n",
    "`define a `a\n`a",
    "`undef a\n",
    "'d99999999999999999999",
    "2147483648'h1",
    "[2147483647:0]",
    "[0:1099511627775]",
    "{1000000000{1'b1}}",
    "\0",
    "\u{feff}",
    "\\escaped\\ident ",
    "$finish;",
    "#1e300",
    "/*",
    "\"",
    "`include \"nothere.vh\"\n",
    "`__FILE__",
    "`__LINE__",
    "::",
    "'{",
    "1'bz",
    "'x",
    "generate",
    "endmodule",
    "module",
    ";",
];

// ---------------------------------------------------------------- mutation

/// Byte ranges of the tokens of `text` (for token-level mutations).
fn token_spans(text: &[u8]) -> Vec<(usize, usize)> {
    let bytes_len = text.len();
    let text = String::from_utf8_lossy(text);
    let (tokens, _) = wsim_syntax::lexer::lex(wsim_diag::FileId(0), &text);
    // With invalid UTF-8 the lossy text is longer than the bytes: spans
    // are then approximate, but must stay inside the bytes.
    let len = text.len().min(bytes_len);
    tokens
        .iter()
        .filter(|t| t.span.end > t.span.start && t.span.end as usize <= len)
        .map(|t| (t.span.start as usize, t.span.end as usize))
        .collect()
}

/// Apply one random mutation to `input` (`other` is a second corpus file
/// for splices).
fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    let spans = || token_spans(input);
    match rng.below(9) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                if !out.is_empty() {
                    let i = rng.below(out.len());
                    out[i] ^= 1 << rng.below(8);
                }
            }
        }
        1 => {
            let spans = spans();
            for _ in 0..1 + rng.below(4) {
                if let Some(&(s, e)) = spans.get(rng.below(spans.len())) {
                    if e <= out.len() {
                        out.drain(s..e);
                    }
                }
            }
        }
        2 => {
            let spans = spans();
            if let Some(&(s, e)) = spans.get(rng.below(spans.len())) {
                let token = input[s..e].to_vec();
                let times = 1 + rng.below(3);
                for _ in 0..times {
                    out.splice(s..s, token.iter().copied().chain(std::iter::once(b' ')));
                }
            }
        }
        3 => {
            let spans = spans();
            if spans.len() >= 2 {
                let (a, b) = (rng.below(spans.len()), rng.below(spans.len()));
                let (a, b) = (spans[a.min(b)], spans[a.max(b)]);
                if a.1 <= b.0 {
                    let mut v = input[..a.0].to_vec();
                    v.extend_from_slice(&input[b.0..b.1]);
                    v.extend_from_slice(&input[a.1..b.0]);
                    v.extend_from_slice(&input[a.0..a.1]);
                    v.extend_from_slice(&input[b.1..]);
                    out = v;
                }
            }
        }
        4 => {
            let cut = rng.below(input.len() + 1);
            let from = rng.below(other.len() + 1);
            out.truncate(cut);
            out.extend_from_slice(&other[from..]);
        }
        5 => out.truncate(rng.below(input.len() + 1)),
        6 => {
            let snippet = HOSTILE_SNIPPETS[rng.below(HOSTILE_SNIPPETS.len())];
            let at = rng.below(out.len() + 1);
            out.splice(at..at, snippet.bytes());
        }
        7 => {
            // Replace a number token by a huge one.
            let spans = spans();
            if let Some(&(s, e)) = spans.iter().filter(|(s, _)| input[*s].is_ascii_digit()).nth(rng.below(16)) {
                let huge: &[u8] = [&b"4294967296"[..], b"99999999999999999999", b"2147483647", b"0"][rng.below(4)];
                out.splice(s..e, huge.iter().copied());
            }
        }
        _ => {
            // Concatenate two whole files (two designs in one unit).
            out.push(b'\n');
            out.extend_from_slice(other);
        }
    }
    out
}

fn iterations() -> usize {
    std::env::var("WSIM_FUZZ_ITERS").ok().and_then(|v| v.parse().ok()).unwrap_or(1000)
}

fn seed() -> u64 {
    std::env::var("WSIM_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x9e37_79b9_7f4a_7c15)
}

// ---------------------------------------------------------------- tests

#[test]
fn hostile_inputs_get_diagnostics_not_crashes() {
    let _guard = serial();
    let mut tally = Tally::new();
    // The self-including case includes the file under this name.
    let self_path = scratch_dir().join("fuzz-current-self.sv");
    std::fs::write(&self_path, "`include \"fuzz-current-self.sv\"\n`include \"fuzz-current-self.sv\"\n").unwrap();
    // Run them all and report every failure at once.
    let mut failures = Vec::new();
    let only = std::env::var("WSIM_FUZZ_ONLY").unwrap_or_default();
    for (name, bytes) in hostile_cases().into_iter().filter(|(name, _)| name.contains(only.as_str())) {
        let run = std::panic::catch_unwind(AssertUnwindSafe(|| execute(&mut tally, name, &bytes)));
        if let Err(payload) = run {
            failures.push(panic_text(&payload));
        }
    }
    tally.report("hostile cases");
    assert!(failures.is_empty(), "{} hostile inputs failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn regressions_get_their_diagnostic() {
    let _guard = serial();
    let mut tally = Tally::new();
    for (name, bytes, expected) in regressions() {
        let codes = execute(&mut tally, name, &bytes);
        match expected {
            Some(code) => assert!(codes.iter().any(|c| c == code), "{name}: expected {code}, got {codes:?}"),
            None => assert!(codes.is_empty(), "{name}: expected an artifact, got {codes:?}"),
        }
    }
    tally.report("regressions");
}

#[test]
fn seed_corpus_compiles_without_crashing() {
    let _guard = serial();
    let mut tally = Tally::new();
    for (name, bytes) in seed_corpus() {
        execute(&mut tally, &name, &bytes);
    }
    tally.report("seed corpus");
    assert!(tally.compiled > 0, "some seed files compile to an artifact");
}

#[test]
fn mutated_corpus_gets_diagnostics_not_crashes() {
    let _guard = serial();
    let corpus = seed_corpus();
    let mut rng = Rng(seed());
    // `WSIM_FUZZ_FROM=N` replays mutation N without running the ones before.
    let first: usize = std::env::var("WSIM_FUZZ_FROM").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut tally = Tally::new();
    for i in 0..iterations() {
        let (name, base) = &corpus[rng.below(corpus.len())];
        let (_, other) = &corpus[rng.below(corpus.len())];
        let mut input = base.clone();
        for _ in 0..1 + rng.below(3) {
            input = mutate(&mut rng, &input, other);
        }
        if i >= first {
            execute(&mut tally, &format!("mutation {i} of {name}"), &input);
        }
    }
    tally.report("mutations");
}

// ---------------------------------------------------------------- corrupt real artifacts

/// A real artifact: `examples/fifo.v` compiled by the pipeline.
fn real_artifact() -> Vec<u8> {
    let req = CompileRequest { files: vec![repo_root().join("examples/fifo.v")], cache: None, ..Default::default() };
    let result = compile(&req);
    result.artifact.expect("examples/fifo.v compiles").wasm
}

/// Replace the payload of the `wsim.meta` custom section of `module`.
fn with_meta_payload(module: &[u8], meta: &[u8]) -> Vec<u8> {
    let name = wsim_abi::META_SECTION.as_bytes();
    let mut out = module[..8].to_vec();
    let mut pos = 8;
    while pos < module.len() {
        let id = module[pos];
        let mut reader = wasmparser::BinaryReader::new(&module[pos + 1..], 0);
        let len = reader.read_var_u32().expect("a section length") as usize;
        let len_bytes = reader.current_position();
        let body = &module[pos + 1 + len_bytes..pos + 1 + len_bytes + len];
        let is_meta =
            id == 0 && body.len() > name.len() && body[0] as usize == name.len() && &body[1..=name.len()] == name;
        if is_meta {
            let mut payload = vec![name.len() as u8];
            payload.extend_from_slice(name);
            payload.extend_from_slice(meta);
            out.push(0);
            payload.len().encode(&mut out);
            out.extend_from_slice(&payload);
        } else {
            out.extend_from_slice(&module[pos..pos + 1 + len_bytes + len]);
        }
        pos += 1 + len_bytes + len;
    }
    out
}

/// The meta JSON of `module` with `field` set to the raw JSON `value`.
fn meta_of(module: &[u8]) -> String {
    let name = wsim_abi::META_SECTION;
    let at = module.windows(name.len()).position(|w| w == name.as_bytes()).expect("a wsim.meta section");
    let json = &module[at + name.len()..];
    let end = json.iter().rposition(|&b| b == b'}').expect("JSON object");
    String::from_utf8(json[..=end].to_vec()).unwrap()
}

/// `wsim run top.wasm` on `bytes`: (exit code, stderr).
fn wsim_run(bytes: &[u8]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("top.wasm"), bytes).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wsim"))
        .args(["run", "top.wasm"])
        .current_dir(dir.path())
        .env("WSIM_CACHE_DIR", dir.path().join(".cache"))
        .output()
        .expect("wsim runs");
    assert_eq!(out.stdout, b"", "nothing on stdout");
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn corrupt_real_artifacts_are_exit_3_with_a_clear_message() {
    let wasm = real_artifact();
    let meta = meta_of(&wasm);
    assert!(meta.contains("\"abi_version\""), "{meta}");
    // Truncated in its last section (the meta) and in its first bytes.
    let (code, err) = wsim_run(&wasm[..wasm.len() - 3]);
    assert_eq!(code, Some(3));
    assert!(
        err.starts_with("wsim: error[E0501]: top.wasm is not a wsim artifact: truncated wasm (unexpected end at byte "),
        "{err}"
    );
    assert_eq!(
        wsim_run(&wasm[..6]),
        (Some(3), "wsim: error[E0501]: top.wasm is not a wsim artifact: truncated wasm header\n".to_string())
    );
    // Tampered meta: not JSON, a tampered precision, a negative ABI version.
    let (code, err) = wsim_run(&with_meta_payload(&wasm, &meta.as_bytes()[..meta.len() / 2]));
    assert_eq!(code, Some(3));
    assert!(
        err.starts_with("wsim: error[E0501]: top.wasm is not a wsim artifact: malformed `wsim.meta` section: "),
        "{err}"
    );
    let mut json: json_edit::Json = json_edit::parse(&meta);
    json.set("precision", "99");
    assert_eq!(
        wsim_run(&with_meta_payload(&wasm, json.text.as_bytes())),
        (
            Some(3),
            "wsim: error[E0501]: top.wasm is not a wsim artifact: `wsim.meta` precision 99 is not a time unit: it must lie between 2 (100 s) and -15 (1 fs)\n"
                .to_string()
        )
    );
    let mut json = json_edit::parse(&meta);
    json.set("abi_version", "-1");
    let (code, err) = wsim_run(&with_meta_payload(&wasm, json.text.as_bytes()));
    assert_eq!(code, Some(3));
    assert!(
        err.starts_with("wsim: error[E0501]: top.wasm is not a wsim artifact: malformed `wsim.meta` section: invalid value: integer `-1`, expected u64"),
        "{err}"
    );
}

/// Just enough JSON editing for the tests above: replace the value of a
/// top-level number field in the compact JSON codegen writes.
mod json_edit {
    pub struct Json {
        pub text: String,
    }
    pub fn parse(text: &str) -> Json {
        Json { text: text.to_string() }
    }
    impl Json {
        pub fn set(&mut self, field: &str, raw: &str) {
            let key = format!("\"{field}\":");
            let at = self.text.find(&key).unwrap_or_else(|| panic!("no `{field}` in {}", self.text)) + key.len();
            let end = at + self.text[at..].find([',', '}']).unwrap();
            self.text.replace_range(at..end, raw);
        }
    }
}
