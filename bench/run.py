#!/usr/bin/env python3
"""wsim benchmarks against Icarus Verilog and Verilator, side by side.

Designs (every one runs on wsim, Icarus, `verilator --binary` with the
self-clocking testbench, and `verilator --cc` with a C++ driver that
toggles the clock of a clockless top):
  picorv32   tests/picorv32/tb_picorv32.v + the picorv32 core ($PICORV32_V);
             --cc: bench/designs/picorv32_cc_top.v + verilator/picorv32_main.cpp
  rv32_pipe  bench/designs/rv32_pipe.v, a 5-stage pipelined RV32I+MUL core of
             our own running a checksum loop (testbench bench_rv32);
             --cc: rv32_pipe_soc + verilator/rv32_main.cpp
  lfsr_ring  bench/designs/lfsr_ring.v, N cells (one table per N in --n);
             --cc: lfsr_ring + verilator/main.cpp
  parse      a generated ~1 MB file of independent modules (front-end speed)
  waves      picorv32 under wsim without waves, then dumping the whole design
             with --waves=vcd and --waves=fst: run time ratio and file size
The run ends with a summary: every target of issue 3 beside its measured
value.

Measured per tool (wall seconds here, user/system CPU of the process and
its children from wait4, to the microsecond; peak RSS from GNU time %M):
  compile    cold: wsim with an empty cache dir; iverilog; the whole
             Verilator build (C++ included)
  start      wsim only: `wsim run --max-time 0` right after the cold
             compile (compiles the wasm to native code, instantiates, runs
             time 0): first with the default `--jit auto` (Winch code, as a
             fresh run starts), then with `--jit cranelift` (which also
             fills the Cranelift cache); then the cached compile and the
             same start again (both caches hit: "cached compile + load",
             each the least CPU of 5 runs)
  run        the simulation (wsim: Cranelift code cached); throughput =
             cycles / user CPU seconds (the machine is shared: user CPU is
             steadier than wall). Runs under 2 s of user CPU (wsim's and
             Verilator's) run 9 times, in rounds over the simulators, and
             the fastest of each is kept
  --two-state  when `wsim compile --help` lists it, wsim runs a second time
             per design compiled with --two-state (its own row)
and checks that every simulator printed the same result lines. On the two
CPUs, wsim and Verilator are timed over --timed-factor (10) times the
cycles Icarus runs, and run Icarus's count once more for the check.

Usage: bench/run.sh [--quick] [--n 1,16,256] [--lfsr-cycles C[,C...]]
                    [--pico-cycles 1000000] [--rv32-cycles 1000000] [--timed-factor 10]
                    [--waves-cycles 100000] [--no-verilator]
                    [--only lfsr|picorv32|rv32|parse|waves]
Environment: WSIM_BIN (else target/release/wsim, then target/debug/wsim under
CARGO_TARGET_DIR or the workspace target dir), PICORV32_V.
"""

import argparse
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
VERILATOR_WARNINGS = ["-Wno-fatal", "-Wno-lint", "-Wno-style"]
TIME = "/usr/bin/time"
SHORT_RUN_S = 2.0     # runs with less user CPU than this are repeated...
SHORT_RUN_REPEATS = 9  # ...up to this many times, keeping the fastest


# ---------------------------------------------------------------- measuring

@dataclass
class Measurement:
    """One finished command: wall and CPU seconds, peak RSS, its output."""
    wall: float
    user: float
    sys: float
    rss_kb: int
    stdout: str
    stderr: str
    code: int
    ok: bool

    @property
    def cpu(self):
        """User + system CPU seconds."""
        return self.user + self.sys


def require_time():
    """Peak RSS comes from GNU time: a child forked from this Python process
    would inherit Python's RSS high-water mark across exec (Linux keeps it),
    while GNU time forks the command from a small process."""
    if not os.access(TIME, os.X_OK):
        sys.exit(f"error: {TIME} not found; install GNU time (Debian/Ubuntu: apt-get install time)")


def measure(cmd, cwd=None, env=None, timeout=3600, ok_codes=(0,)):
    """Run `cmd` and return a Measurement. CPU times come from wait4 on GNU
    time (the command and its children, plus time's own ~1 ms), with
    microsecond resolution; peak RSS from time's %M (the largest process).
    `ok_codes`: exit codes that count as success."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err, \
            tempfile.NamedTemporaryFile("r", suffix=".time") as rss_file:
        full = [TIME, "-f", "%M", "-o", rss_file.name] + [str(c) for c in cmd]
        start = time.perf_counter()
        proc = subprocess.Popen(full, cwd=cwd, env=env, stdout=out, stderr=err, start_new_session=True)
        killed = []
        timer = threading.Timer(timeout, lambda: (killed.append(1), os.killpg(proc.pid, signal.SIGKILL)))
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        proc.returncode = code = os.waitstatus_to_exitcode(status)  # Popen must not wait again
        # The last line is the RSS (a failing command adds a line before it).
        rss = [line for line in rss_file.read().splitlines() if line.strip().isdigit()]
        out.seek(0)
        err.seek(0)
        stderr = err.read() + ("\n(timed out)" if killed else "")
        return Measurement(wall, usage.ru_utime, usage.ru_stime, int(rss[-1]) if rss else 0, out.read(), stderr,
                           code, code in ok_codes and not killed)


def measure_least(cmd, cwd=None, env=None, ok_codes=(0,), runs=5, cost=lambda m: m.cpu, enough=lambda m: False):
    """Up to `runs` runs of `cmd`, the one of least `cost` kept; stops
    early once the kept run is `enough`."""
    best = measure(cmd, cwd=cwd, env=env, ok_codes=ok_codes)
    for _ in range(runs - 1):
        if enough(best):
            break
        again = measure(cmd, cwd=cwd, env=env, ok_codes=ok_codes)
        if again.ok and (not best.ok or cost(again) < cost(best)):
            best = again
    return best


def measure_best(cmd, cwd=None, env=None):
    """Like measure, but a run with less than SHORT_RUN_S of user CPU is
    repeated (up to SHORT_RUN_REPEATS runs in all) and the one with the
    least user CPU kept: on a shared machine, start-up and cache noise
    swamp short runs (Verilator's take 0.05-0.15 s)."""
    return measure_least(cmd, cwd=cwd, env=env, runs=SHORT_RUN_REPEATS, cost=lambda m: m.user,
                         enough=lambda m: not m.ok or m.user >= SHORT_RUN_S)


def measure_least_cpu(cmd, cwd=None, env=None, ok_codes=(0,)):
    """5 runs of `cmd`; the one with the least CPU (user + system).
    For wsim's cache hits, of 5-10 ms each: measured once, picorv32's
    cached compile + load read 8.8 and 10.1 ms in two benchmark runs of
    session 38, then 19.9 ms in a third under load from elsewhere."""
    return measure_least(cmd, cwd=cwd, env=env, ok_codes=ok_codes, runs=5)


def copied(src, dst):
    """`dst`, a fresh copy of the file or directory `src` (its own pages in
    the page cache)."""
    src, dst = Path(src), Path(dst)
    if dst.exists():
        shutil.rmtree(dst) if dst.is_dir() else dst.unlink()
    if src.is_dir():
        shutil.copytree(src, dst)
    else:
        shutil.copy2(src, dst)
    return dst


def cache_copies(run_cmd, cache):
    """`Row.relocate` for a wsim run: repeat k reads its native code from
    a copy of the cache directory `cache`."""
    cmd, cwd, env = run_cmd
    return lambda k: (cmd, cwd, dict(env, WSIM_CACHE_DIR=str(copied(cache, f"{cache}-{k}"))))


def executable_copies(run_cmd):
    """`Row.relocate` for a run of a built executable: repeat k runs a
    copy of it."""
    cmd, cwd, env = run_cmd
    return lambda k: ([copied(cmd[0], f"{cmd[0]}-{k}"), *cmd[1:]], cwd, env)


def last_line(text):
    """The last non-empty line of `text` (an error message, usually)."""
    lines = text.strip().splitlines()
    return lines[-1] if lines else ""


def find_wsim():
    """WSIM_BIN, else a release then a debug build under the target dirs."""
    if os.environ.get("WSIM_BIN"):
        return Path(os.environ["WSIM_BIN"])
    roots = [Path(os.environ["CARGO_TARGET_DIR"])] if os.environ.get("CARGO_TARGET_DIR") else []
    roots.append(ROOT / "target")
    for profile in ("release", "debug"):
        for root in roots:
            candidate = root / profile / "wsim"
            if candidate.is_file():
                return candidate
    return None


# `wsim run` flags that compile (and cache) Cranelift code without waiting
# for a run long enough to switch to it.
JIT_CRANELIFT = ["--jit", "cranelift"]


def wsim_has_two_state(wsim):
    """Whether this wsim's `compile` knows --two-state."""
    if not wsim:
        return False
    help_text = subprocess.run([str(wsim), "compile", "--help"], capture_output=True, text=True).stdout
    return "--two-state" in help_text


def result_lines(stdout, prefixes):
    """The lines the design itself prints (those starting with one of
    `prefixes`), so simulator chatter such as Verilator's "- file:line:
    Verilog $finish" is left out. Every simulator must print the same ones."""
    lines = [line.rstrip() for line in stdout.splitlines() if line.startswith(tuple(prefixes))]
    return tuple(lines) if lines else ("(no result line)",)


# ---------------------------------------------------------------- designs

@dataclass
class Design:
    """One workload, as every simulator runs it."""
    key: str               # table and summary name, e.g. "lfsr_ring N=16"
    cwd: Path              # where the simulators run (designs read files from here)
    sources: list          # for wsim, Icarus and verilator --binary
    top: str               # the self-clocking testbench
    params: list           # top parameters, NAME=VALUE
    cycles: int            # clock cycles one run simulates
    prefixes: tuple        # the result lines start with one of these
    cc_top: str            # verilator --cc: the clockless top...
    cc_sources: list
    cc_driver: Path        # ...its C++ driver...
    cc_params: list
    cc_cflags: str
    cc_args: list = field(default_factory=list)  # ...and the driver's arguments
    cells: int = 0         # ring cells (cost per cell-cycle), 0 for the CPUs


@dataclass
class Row:
    """One simulator's results on one design."""
    tool: str
    compile: Measurement = None
    cached: Measurement = None        # wsim: the same compile again (cache hit)
    first_start: Measurement = None   # wsim: run --max-time 0 after the cold compile
    cranelift_start: Measurement = None  # wsim: the same with --jit cranelift (cold native cache)
    cached_start: Measurement = None  # wsim: run --max-time 0, both caches warm
    run: Measurement = None
    run_cmd: tuple = ()                 # (cmd, cwd, env) of `run`, for interleaved repeats
    relocate: object = None             # k -> run_cmd of repeat k from fresh copies of the code (see repeat_interleaved)
    cycles: int = 0
    result: tuple = ()
    timed_result: tuple = ()          # the lines of the timed run when it is not the compared one
    note: str = ""
    rss_samples: list = field(default_factory=list)  # peak RSS (KiB) of every good run, repeats included

    def peak_rss_kb(self):
        """The median peak RSS of the good runs (one run's when not repeated).
        The same wsim run's peak RSS spreads by about 15% from start to start
        (its binary's text pages, which the kernel maps 64 KiB around each
        fault, fall differently under ASLR), so one run's, or the fastest
        run's, decides a 1x target by chance."""
        samples = sorted(self.rss_samples or [self.run.rss_kb])
        mid = len(samples) // 2
        return samples[mid] if len(samples) % 2 else (samples[mid - 1] + samples[mid]) // 2

    def rate(self, wall=False):
        """Cycles per user CPU second (or wall second) of a good run."""
        if not (self.run and self.run.ok and self.result):
            return None
        seconds = self.run.wall if wall else self.run.user
        return self.cycles / seconds if seconds > 0 else None


def picorv32_core():
    """The picorv32 source (never committed), or None."""
    core = Path(os.environ.get("PICORV32_V") or "/work/picorv32/picorv32.v")
    return core.resolve() if core.is_file() else None


def picorv32_design(cycles):
    """picorv32 with tests/picorv32/tb_picorv32.v (reads data/program.hex)."""
    core = picorv32_core()
    cwd = ROOT / "tests/picorv32"
    return Design(
        key="picorv32", cwd=cwd, sources=[cwd / "tb_picorv32.v", core], top="tb_picorv32",
        params=[f"CYCLES={cycles}"], cycles=cycles,
        prefixes=("io write", "cycles=", "checksum=", "trap at", "bad access"),
        cc_top="picorv32_cc_top", cc_sources=[BENCH / "designs/picorv32_cc_top.v", core],
        cc_driver=BENCH / "verilator/picorv32_main.cpp", cc_params=[f"CYCLES={cycles}"], cc_cflags="-O2",
        cc_args=[str(cycles + 100)])


def rv32_design(cycles):
    """Our 5-stage RV32I core (reads data/rv32_program.hex)."""
    cwd = BENCH / "designs"
    src = [cwd / "rv32_pipe.v"]
    return Design(
        key="rv32_pipe", cwd=cwd, sources=src, top="bench_rv32", params=[f"CYCLES={cycles}"], cycles=cycles,
        prefixes=("rv32 ",), cc_top="rv32_pipe_soc", cc_sources=src,
        cc_driver=BENCH / "verilator/rv32_main.cpp", cc_params=[f"CYCLES={cycles}"], cc_cflags="-O2",
        cc_args=[str(cycles + 100)])


def lfsr_design(n, cycles, work):
    """The N-cell LFSR ring; `verilator --cc` drives lfsr_ring directly."""
    src = [BENCH / "designs/lfsr_ring.v"]
    return Design(
        key=f"lfsr_ring N={n}", cwd=work, sources=src, top="bench_lfsr", params=[f"N={n}", f"CYCLES={cycles}"],
        cycles=cycles, prefixes=(f"N={n} ",), cc_top="lfsr_ring", cc_sources=src,
        cc_driver=BENCH / "verilator/main.cpp", cc_params=[f"N={n}"], cc_cflags=f"-DBENCH_N={n} -O2",
        cc_args=[str(cycles)], cells=n)


def default_lfsr_cycles(n):
    """Cycles for an N-cell ring: 2,000,000 / sqrt(N), so N=256 stays
    affordable for Icarus (about 90 s), but at least 2,000,000: at
    500,000 cycles wsim's N=16 run took 0.05-0.07 s and the linear-in-N
    ratio read 1.29x in one run and 2.00x in the next (session 22); N=16
    now costs Icarus as much as N=256 does."""
    return max(int(2_000_000 / math.sqrt(n)) // 1000 * 1000, 2_000_000 if n <= 16 else 1000)


# ---------------------------------------------------------------- simulators

def run_wsim(design, wsim, work, two_state=False):
    """Cold compile (empty cache), first start (`run --max-time 0`: native
    code compiled), cached compile, cached start, then the measured run."""
    row = Row("wsim --two-state" if two_state else "wsim")
    tag = design.key.replace(" ", "_").replace("=", "") + ("-2s" if two_state else "")
    cache = work / f"wsim-cache-{tag}"
    shutil.rmtree(cache, ignore_errors=True)
    env = dict(os.environ, WSIM_CACHE_DIR=str(cache))
    wasm = work / f"{tag}.wasm"
    args = ["compile", *design.sources, "--top", design.top, *[f"-G{p}" for p in design.params],
            *(["--two-state"] if two_state else []), "-o", wasm]
    row.compile = measure([wsim, *args], cwd=design.cwd, env=env)
    if not row.compile.ok:
        row.note = "compile failed: " + last_line(row.compile.stderr)
        return row
    # --max-time 0 stops before time advances: exit code 124 is expected.
    start = [wsim, "run", "-q", "--max-time", "0", wasm]
    row.first_start = measure(start, cwd=design.cwd, env=env, ok_codes=(0, 124))
    # Compiles and caches the Cranelift code, which every later run uses.
    row.cranelift_start = measure(start[:2] + JIT_CRANELIFT + start[2:], cwd=design.cwd, env=env, ok_codes=(0, 124))
    row.cached = measure_least_cpu([wsim, *args], cwd=design.cwd, env=env)
    row.cached_start = measure_least_cpu(start, cwd=design.cwd, env=env, ok_codes=(0, 124))
    row.run_cmd = ([wsim, "run", "-q", wasm], design.cwd, env)
    row.relocate = cache_copies(row.run_cmd, cache)
    row.run = measure(*row.run_cmd)
    row.cycles = design.cycles
    row.result = result_lines(row.run.stdout, design.prefixes)
    if not row.run.ok:
        row.note = "run failed: " + last_line(row.run.stderr)
    return row


def run_icarus(design, work):
    """iverilog -g2005, then vvp -n."""
    row = Row("icarus")
    vvp = work / f"{design.top}.vvp"
    cmd = ["iverilog", "-g2005", "-o", vvp, "-s", design.top, *[f"-P{design.top}.{p}" for p in design.params],
           *design.sources]
    row.compile = measure(cmd, cwd=design.cwd)
    if not row.compile.ok:
        row.note = "iverilog failed: " + last_line(row.compile.stderr)
        return row
    row.run_cmd = (["vvp", "-n", vvp], design.cwd, None)
    row.run = measure(*row.run_cmd)
    row.cycles = design.cycles
    row.result = result_lines(row.run.stdout, design.prefixes)
    return row


def run_verilator_binary(design, work):
    """`verilator --binary -O3` of the self-clocking testbench (timing on)."""
    row = Row("verilator --binary")
    mdir = work / "vl-bin"
    shutil.rmtree(mdir, ignore_errors=True)
    cmd = ["verilator", "--binary", "-O3", *VERILATOR_WARNINGS, "--top-module", design.top,
           *[f"-G{p}" for p in design.params], "-Mdir", mdir, "-o", "sim", *design.sources]
    row.compile = measure(cmd, cwd=design.cwd)
    if not row.compile.ok:
        row.note = "verilator --binary failed: " + last_line(row.compile.stderr)
        return row
    row.run_cmd = ([mdir / "sim"], design.cwd, None)
    row.relocate = executable_copies(row.run_cmd)
    row.run = measure(*row.run_cmd)
    row.cycles = design.cycles
    row.result = result_lines(row.run.stdout, design.prefixes)
    return row


def run_verilator_cc(design, work):
    """`verilator --cc --exe --build -O3`: the design's synthesizable core
    with a C++ driver that toggles the clock itself (no timing, no testbench)."""
    row = Row("verilator --cc")
    mdir = work / "vl-cc"
    shutil.rmtree(mdir, ignore_errors=True)
    cmd = ["verilator", "--cc", "--exe", "--build", "-O3", *VERILATOR_WARNINGS,
           *[f"-G{p}" for p in design.cc_params], "--top-module", design.cc_top, "-Mdir", mdir,
           *design.cc_sources, design.cc_driver, "-CFLAGS", design.cc_cflags]
    row.compile = measure(cmd, cwd=design.cwd)
    if not row.compile.ok:
        row.note = "verilator --cc failed: " + last_line(row.compile.stderr)
        return row
    row.run_cmd = ([mdir / f"V{design.cc_top}", *design.cc_args], design.cwd, None)
    row.relocate = executable_copies(row.run_cmd)
    row.run = measure(*row.run_cmd)
    row.cycles = design.cycles
    row.result = result_lines(row.run.stdout, design.prefixes)
    if not row.run.ok:
        row.note = "run failed: " + last_line(row.run.stderr)
    return row


def run_design(design, args, wsim, two_state, work, timed=None):
    """Every simulator on one design; prints its table, returns the rows.
    Build outputs live in a fresh subdirectory of this run's temp dir.

    With `timed` (the same design run for more cycles), wsim and Verilator
    are timed on `timed` and Icarus on `design`, and every simulator's
    result lines are compared on `design` (wsim and Verilator run it once
    more for that): see `timed_cpu_design`."""
    sub = work / design.key.replace(" ", "_").replace("=", "")
    sub.mkdir()
    check = sub / "check"
    check.mkdir()
    fast = timed or design

    def checked(row, check_row):
        """`row` (a run of `timed`) with the result lines of `check_row`
        (the same simulator on `design`); its own lines kept aside."""
        if timed:
            # (no lines from the timed run: no result, no throughput)
            row.timed_result, row.result = row.result, check_row().result if row.result else ()
        return row

    rows = []
    if wsim:
        rows.append(checked(run_wsim(fast, wsim, sub), lambda: run_wsim(design, wsim, check)))
        if two_state:
            rows.append(checked(run_wsim(fast, wsim, sub, two_state=True),
                                lambda: run_wsim(design, wsim, check, two_state=True)))
    if shutil.which("iverilog"):
        rows.append(run_icarus(design, sub))
    if shutil.which("verilator") and not args.no_verilator:
        rows.append(checked(run_verilator_binary(fast, sub), lambda: run_verilator_binary(design, check)))
        rows.append(checked(run_verilator_cc(fast, sub), lambda: run_verilator_cc(design, check)))
    repeat_interleaved(rows)
    if timed:
        title = (f"{design.key}, wsim and verilator timed over {timed.cycles} cycles, icarus over "
                 f"{design.cycles} (results compared at {design.cycles})")
    else:
        title = f"{design.key}, {design.cycles} cycles"
    print_table(rows, title)
    if timed:
        print_agreement([r for r in rows if r.timed_result], timed=True)
    return rows


def timed_cpu_design(make, cycles, factor):
    """(design, timed) for a CPU: `make(cycles)`, and with a `factor`
    above 1 the same for `factor` times as many cycles, which wsim and
    Verilator are timed on (`run_design`). Their runs of a million cycles
    took 30-40 ms: from run to run, the fastest of 9 placements of one
    build moved by up to 11% (session 37), and wsim's start (2.4 ms user
    CPU against Verilator's 1.1 ms, session 38) was 4% of the ratio.
    Icarus would take minutes over the longer run."""
    design = make(cycles)
    return design, (make(cycles * factor) if factor > 1 else None)


def repeat_interleaved(rows):
    """Runs each row's simulation again, SHORT_RUN_REPEATS times in all for
    runs under SHORT_RUN_S of user CPU, one round over the simulators at a
    time, and keeps each one's least user CPU. Interleaved, a burst of load
    from elsewhere on this shared machine falls on every simulator of the
    round alike, not on one simulator's repeats (the ratios divide them).

    Each repeat of wsim and Verilator runs code from a fresh copy of its
    file (wsim's native-code cache, Verilator's executable: `Row.relocate`).
    The same code runs at one speed as long as it is read from the same
    file, and at another from a copy: in session 34 rv32_pipe's cached
    code ran 0.09 s in every run from one cache directory, 0.12 s from
    another, byte-identical one, and 0.07-0.13 s from run to run when
    loaded into fresh memory each time. A file's pages stay where the page
    cache put them, so five repeats from one file were one sample, and
    whole benchmark runs came out 0.35x or 0.63x."""
    short = [r for r in rows if r.run and r.run.ok and r.run_cmd and r.run.user < SHORT_RUN_S]
    for row in short:
        row.rss_samples = [row.run.rss_kb]
    for k in range(1, SHORT_RUN_REPEATS):
        for row in short:
            cmd, cwd, env = row.relocate(k) if row.relocate else row.run_cmd
            again = measure(cmd, cwd=cwd, env=env)
            if again.ok:
                row.rss_samples.append(again.rss_kb)
            if again.ok and again.user < row.run.user:
                row.run = again


# ---------------------------------------------------------------- per-design tables

def fmt_s(m):
    """`wall (user)` seconds, or - ."""
    return "-" if m is None else f"{m.wall:.3f} ({m.user:.2f}u)"


def fmt_mib(m):
    """Peak RSS in MiB, or - ."""
    return "-" if m is None or m.rss_kb <= 0 else f"{m.rss_kb / 1024:.1f}"


def fmt_ratio(value, base):
    """value / base as `1.23x`, or - ."""
    return f"{value / base:.2f}x" if value and base else "-"


def fmt_rate(rate):
    """Cycles per second, compactly: 95.4k, 15.7M."""
    if not rate:
        return "-"
    for scale, unit in ((1e6, "M"), (1e3, "k")):
        if rate >= scale:
            return f"{rate / scale:.3g}{unit}"
    return f"{rate:.0f}"


TABLE_COLUMNS = [  # (header, width)
    ("tool", 18), ("compile s", 15), ("cached s", 14), ("run s", 16), ("cyc/s user", 10), ("cyc/s wall", 10),
    ("speed", 8), ("compile", 8), ("compile MiB", 11), ("run MiB", 8), ("run RSS", 8),
]


def table_line(cells):
    """One row, the first column left-aligned and the others right-aligned."""
    return " ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                    for i, (cell, (_, w)) in enumerate(zip(cells, TABLE_COLUMNS)))


def print_table(rows, title):
    """One table per design: compile (cold), cached compile, run, throughput,
    peak memory, and ratios against the wsim row."""
    print(f"\n== {title}")
    header = table_line([h for h, _ in TABLE_COLUMNS])
    print(header)
    print("-" * len(header))
    wsim = next((r for r in rows if r.tool == "wsim"), None)
    wsim_rate = wsim.rate() if wsim else None
    wsim_compile = wsim.compile.wall if wsim and wsim.compile and wsim.compile.ok else None
    wsim_rss = wsim.peak_rss_kb() if wsim and wsim.run and wsim.run.ok else None
    for r in rows:
        compile_wall = r.compile.wall if r.compile and r.compile.ok else None
        run_rss = r.peak_rss_kb() if r.run and r.run.ok else None
        print(table_line([
            r.tool, fmt_s(r.compile), fmt_s(r.cached), fmt_s(r.run), fmt_rate(r.rate()), fmt_rate(r.rate(wall=True)),
            fmt_ratio(r.rate(), wsim_rate), fmt_ratio(compile_wall, wsim_compile),
            fmt_mib(r.compile), "-" if not run_rss else f"{run_rss / 1024:.1f}", fmt_ratio(run_rss, wsim_rss),
        ]))
        if r.first_start:
            print(f"{'':<18} start (run --max-time 0): after the cold compile {fmt_s(r.first_start)} s, "
                  f"{fmt_mib(r.first_start)} MiB; --jit cranelift {fmt_s(r.cranelift_start)} s; "
                  f"cached {fmt_s(r.cached_start)} s")
        if r.note:
            print(f"{'':<18} note: {r.note}")
    print("(s: wall seconds, u: user CPU; cyc/s: cycles per user CPU / wall second; MiB: peak RSS; ratios are "
          "tool / wsim: speed = throughput (user CPU), >1 faster than wsim; compile = cold compile wall time, "
          ">1 slower to compile than wsim; run RSS = run peak memory, >1 uses more)")
    print_agreement(rows)


def print_agreement(rows, timed=False):
    """Whether every simulator printed the same result lines (`timed`:
    the lines of the longer timed runs, see `run_design`)."""
    result = (lambda r: r.timed_result) if timed else (lambda r: r.result)
    which = " in the timed runs" if timed else ""
    results = {result(r) for r in rows if result(r)}
    if len(results) == 1:
        lines = next(iter(results))
        count = sum(1 for r in rows if result(r))
        print(f"all {count} simulators printed the same {len(lines)} line(s){which}, the last: {lines[-1]}")
    else:
        print(f"RESULTS DIFFER{which}:")
        for r in rows:
            print(f"  {r.tool}: {' | '.join(result(r)) if result(r) else '(no run)'}")


# ---------------------------------------------------------------- summary

def find_row(rows, tool):
    """The row of `tool`, or None."""
    return next((r for r in rows or [] if r.tool == tool), None)


def results_agree(rows):
    """Whether the rows' runs printed one same result (and the timed runs
    another, see `run_design`)."""
    timed = {r.timed_result for r in rows if r.timed_result}
    return len({r.result for r in rows if r.result}) == 1 and len(timed) <= 1


def throughput_ratio(rows, tool, base_tool):
    """(ratio of user-CPU throughputs, ratio of wall throughputs) of two tools
    on one design, or None when either run is missing or failed."""
    a, b = find_row(rows, tool), find_row(rows, base_tool)
    if not (a and b and a.rate() and b.rate()):
        return None
    return a.rate() / b.rate(), a.rate(wall=True) / b.rate(wall=True)


def verdict(ok):
    """`ok`, `MISS`, or `-` when nothing was measured."""
    return "-" if ok is None else ("ok" if ok else "MISS")


def throughput_lines(key, rows, two_state):
    """Summary lines for the CPU-like designs: wsim vs Verilator --cc and Icarus."""
    out = []
    for tool, base, goal in (("wsim", "verilator --cc", 0.5), ("wsim --two-state", "verilator --cc", 1.0),
                             ("wsim", "icarus", 100.0)):
        label = f"{key}: {tool} / {base} throughput"
        if tool == "wsim --two-state" and not two_state:
            out.append((label, f">= {goal:g}x", "n/a (this wsim has no --two-state)", "-"))
            continue
        ratio = throughput_ratio(rows, tool, base)
        shown = f"{ratio[0]:.3g}x (wall {ratio[1]:.3g}x)" if ratio else "not measured"
        out.append((label, f">= {goal:g}x", shown, verdict(ratio[0] >= goal if ratio else None)))
    return out


def cell_cycle_ns(row, cells):
    """User CPU nanoseconds per cell per cycle of a run, or None."""
    rate = row.rate() if row else None
    return 1e9 / rate / cells if rate else None


def ring_lines(ring_rows, two_state):
    """Summary lines for the ring: cost per cell-cycle by N, linearity, and
    wsim vs Verilator --cc at the largest N."""
    if not ring_rows:
        return []
    ns = sorted(ring_rows)
    costs = {n: cell_cycle_ns(find_row(ring_rows[n], "wsim"), n) for n in ns}
    shown = " / ".join(f"{costs[n]:.1f}" if costs[n] else "-" for n in ns)
    out = [(f"ring: wsim ns per cell-cycle, N={'/'.join(map(str, ns))}", "~constant", shown, "-")]
    big = ns[-1]
    mid = ns[-2] if len(ns) > 1 else None
    if mid and costs[mid] and costs[big]:
        growth = costs[big] / costs[mid]
        out.append((f"ring: linear in N (cost per cell-cycle N={big} / N={mid})", "<= 1.5x", f"{growth:.2f}x",
                    verdict(growth <= 1.5)))
    tools = ["wsim"] + (["wsim --two-state"] if two_state else [])
    for tool in tools:
        ratio = throughput_ratio(ring_rows[big], tool, "verilator --cc")
        shown = f"{ratio[0]:.3g}x (wall {ratio[1]:.3g}x)" if ratio else "not measured"
        goal = 0.5 if tool == "wsim" else None
        out.append((f"ring N={big}: {tool} / verilator --cc throughput", f">= {goal}x" if goal else "(info)",
                    shown, verdict(ratio[0] >= goal if ratio and goal else None)))
    return out


def startup_lines(rows):
    """Cold compile + first start (CPU s) and cached compile + load (ms) of
    picorv32's wsim row."""
    w = find_row(rows, "wsim")
    if not (w and w.first_start and w.cached_start):
        return [("picorv32: cold compile + first start", "<= 0.3 s CPU", "not measured", "-"),
                ("picorv32: cached compile + load", "<= 20 ms CPU", "not measured", "-")]
    cold_cpu = w.compile.cpu + w.first_start.cpu
    cold_wall = w.compile.wall + w.first_start.wall
    warm_cpu = (w.cached.cpu + w.cached_start.cpu) * 1000
    warm_wall = (w.cached.wall + w.cached_start.wall) * 1000
    return [
        ("picorv32: cold compile + first start (run --max-time 0)", "<= 0.3 s CPU",
         f"{cold_cpu:.3f} s (compile {w.compile.cpu:.3f} + start {w.first_start.cpu:.3f}; wall {cold_wall:.3f})",
         verdict(cold_cpu <= 0.3)),
        ("picorv32: the same with --jit cranelift (no Winch tier)", "(info)",
         f"{w.compile.cpu + w.cranelift_start.cpu:.3f} s (start {w.cranelift_start.cpu:.3f})", "-"),
        ("picorv32: cached compile + load (run --max-time 0)", "<= 20 ms CPU",
         f"{warm_cpu:.1f} ms (wall {warm_wall:.1f} ms)", verdict(warm_cpu <= 20)),
    ]


def memory_lines(key, rows):
    """Peak RSS of the wsim run against Icarus's run on the same design."""
    w, i = find_row(rows, "wsim"), find_row(rows, "icarus")
    if not (w and i and w.run and i.run and w.run.ok and i.run.ok):
        return [(f"{key}: peak RSS of the run, wsim / icarus", "<= 1x", "not measured", "-")]
    wsim_kb, icarus_kb = w.peak_rss_kb(), i.peak_rss_kb()
    ratio = wsim_kb / icarus_kb
    spread = ""
    if len(w.rss_samples) > 1:
        spread = f", median of {len(w.rss_samples)}: {min(w.rss_samples) / 1024:.1f}-{max(w.rss_samples) / 1024:.1f}"
    first = f"; first start alone {w.first_start.rss_kb / icarus_kb:.2f}x" if w.first_start else ""
    return [(f"{key}: peak RSS of the run, wsim / icarus", "<= 1x",
             f"{ratio:.2f}x ({wsim_kb / 1024:.1f}{spread} / {icarus_kb / 1024:.1f} MiB{first})", verdict(ratio <= 1.0))]


def print_summary(results, ring_rows, two_state):
    """Every target of issue 3 beside the value measured in this run."""
    lines = []
    for key in ("picorv32", "rv32_pipe"):
        if key in results:
            lines += throughput_lines(key, results[key], two_state)
    lines += ring_lines(ring_rows, two_state)
    if "picorv32" in results:
        lines += startup_lines(results["picorv32"])
    for key in ("picorv32", "rv32_pipe"):
        if key in results:
            lines += memory_lines(key, results[key])
    if not lines:
        return
    widths = [max(len(line[i]) for line in lines) for i in range(3)]
    print("\n== summary: issue 3 targets (wsim default 4-state unless named; throughput from user CPU, wall in brackets)")
    header = ("target", "goal", "measured", "")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths + [0])).rstrip())
    for line in lines:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths + [0])).rstrip())
    disagree = [key for key, rows in results.items() if not results_agree(rows)]
    print("all designs: every simulator printed the same lines" if not disagree
          else f"RESULTS DIFFER on: {', '.join(disagree)} (see the tables)")


# ---------------------------------------------------------------- front end and waves

def generate_parse_input(path, target_bytes=1_000_000):
    """Many independent modules (only `top` is instantiated), ~1 MB."""
    parts, size, i = [], 0, 0
    while size < target_bytes:
        text = (
            f"module m{i} #(parameter W = {8 + i % 24}) (input clk, input [W-1:0] a, b, output reg [W-1:0] y);\n"
            f"  wire [W-1:0] s = a + b; // sum\n"
            f"  always @(posedge clk) begin\n"
            f"    if (a[0] && !b[1]) y <= s ^ {{W{{1'b{i % 2}}}}};\n"
            f"    else case (b[1:0]) 2'd0: y <= a; 2'd1: y <= b; default: y <= (a >> 1) | (b << 2); endcase\n"
            f"  end\nendmodule\n"
        )
        parts.append(text)
        size += len(text)
        i += 1
    parts.append("module top; initial $display(\"parsed %0d modules\", " + str(i) + "); endmodule\n")
    path.write_text("".join(parts))
    return path.stat().st_size


def bench_parse(args, wsim, work):
    """Front-end speed: a ~1 MB file through wsim compile, iverilog and
    verilator --lint-only."""
    big = work / "parse_1mb.v"
    size = generate_parse_input(big)
    print(f"\n== front end: {size / 1e6:.2f} MB of independent modules, top instantiates none")
    print(f"{'tool':<22} {'wall s (user)':>16} {'MB/s':>8} {'peak MiB':>9}")
    runs = []
    if wsim:
        env = dict(os.environ, WSIM_CACHE_DIR=str(work / "wsim-cache-parse"))
        runs.append(("wsim compile", measure([wsim, "compile", big, "--top", "top", "-o", work / "parse.wasm"],
                                             cwd=work, env=env)))
    if shutil.which("iverilog"):
        runs.append(("iverilog (compile)", measure(["iverilog", "-o", work / "parse.vvp", "-s", "top", big], cwd=work)))
    if shutil.which("verilator") and not args.no_verilator:
        runs.append(("verilator --lint-only", measure(["verilator", "--lint-only", *VERILATOR_WARNINGS,
                                                       "--top-module", "top", big], cwd=work)))
    for name, m in runs:
        mbs = size / 1e6 / m.wall if m.ok and m.wall > 0 else 0
        print(f"{name:<22} {fmt_s(m):>16} {mbs:8.1f} {fmt_mib(m):>9}" + ("" if m.ok else "  FAILED: " + last_line(m.stderr)))


def compile_wsim(wsim, sources, tops, params, cwd, wasm, env):
    """`wsim compile` with one or more tops."""
    tops = [a for top in tops for a in ("--top", top)]
    return measure([wsim, "compile", *sources, *tops, *[f"-G{p}" for p in params], "-o", wasm], cwd=cwd, env=env)


def bench_waves(args, wsim, work):
    """The cost of dumping everything: picorv32 without waves, then with
    `bench/designs/waves_dump_all.v` as a second top (`$dumpvars(0,
    tb_picorv32)`) and `--waves=vcd|fst --waves-file`. Each mode runs once
    to fill the native-code cache, then is measured."""
    core = picorv32_core()
    if not wsim or not core:
        print("\n== waves: skipped (needs wsim and PICORV32_V)")
        return
    cycles = args.waves_cycles
    cwd = ROOT / "tests/picorv32"
    src = [cwd / "tb_picorv32.v", core]
    params = [f"tb_picorv32.CYCLES={cycles}"]  # two tops: name the one that has it
    env = dict(os.environ, WSIM_CACHE_DIR=str(work / "wsim-cache-waves"))
    plain, dumping = work / "pico-plain.wasm", work / "pico-dump.wasm"
    for wasm, extra, tops in ((plain, [], ["tb_picorv32"]),
                              (dumping, [BENCH / "designs/waves_dump_all.v"], ["tb_picorv32", "waves_dump_all"])):
        built = compile_wsim(wsim, src + extra, tops, params, cwd, wasm, env)
        if not built.ok:
            print(f"\n== waves: compile failed: {last_line(built.stderr)}")
            return
    # The dumping artifact with --waves=none: ignoring $dumpvars costs nothing.
    modes = [("no waves", plain, [], None), ("--waves=none", dumping, ["--waves=none"], None)]
    for fmt in ("vcd", "fst"):
        out = work / f"pico.{fmt}"
        modes.append((f"--waves={fmt}", dumping, [f"--waves={fmt}", "--waves-file", out], out))
    print(f"\n== waves: picorv32 + tb_picorv32, {cycles} cycles, whole design dumped")
    print(f"{'mode':<14} {'run s (user)':>16} {'wall ratio':>10} {'user ratio':>10} {'file MB':>9}")
    base = None
    for name, wasm, flags, out in modes:
        # The Cranelift code into the native cache.
        # (With the mode's flags: the dumping design's own `dump.vcd` must
        # not land in the design's directory.)
        measure([wsim, "run", "-q", *JIT_CRANELIFT, "--max-time", "0", wasm, *flags], cwd=cwd, env=env,
                ok_codes=(0, 124))
        if out:
            Path(out).unlink(missing_ok=True)
        m = measure([wsim, "run", wasm, *flags], cwd=cwd, env=env)
        base = base or m
        size = f"{Path(out).stat().st_size / 1e6:9.2f}" if out and Path(out).is_file() else f"{'-':>9}"
        ratio = lambda a, b: f"{a / b:.2f}x" if b > 0 else "-"
        print(f"{name:<14} {fmt_s(m):>16} {ratio(m.wall, base.wall):>10} {ratio(m.user, base.user):>10} {size}"
              + ("" if m.ok else "  FAILED: " + last_line(m.stderr)))
    print("(ratios: run time / the no-waves run's; the goal is <= 2x. Files are written to a temp dir.)")


ABLATIONS = [
    ("all optimisations", []),
    ("--no-opt nba-shadows", ["--no-opt", "nba-shadows"]),
    ("--no-opt inline-statics", ["--no-opt", "inline-statics"]),
    ("--no-opt fuse-cones", ["--no-opt", "fuse-cones"]),
    ("--no-opt direct-nbas", ["--no-opt", "direct-nbas"]),
    ("--no-opt known-values", ["--no-opt", "known-values"]),
    ("--no-opt loop-locals", ["--no-opt", "loop-locals"]),
    ("--no-opt fuse-clocked", ["--no-opt", "fuse-clocked"]),
    ("--no-opt unroll-loops", ["--no-opt", "unroll-loops"]),
    ("--no-opt roll-copies", ["--no-opt", "roll-copies"]),
    ("--no-opt roll-instances", ["--no-opt", "roll-instances"]),
    ("--no-opt wave-only", ["--no-opt", "wave-only"]),
    ("--no-opt recompute-readers", ["--no-opt", "recompute-readers"]),
    ("--no-opt substitute-wires", ["--no-opt", "substitute-wires"]),
    ("--no-opt known-variables", ["--no-opt", "known-variables"]),
    ("--no-opt inline-functions", ["--no-opt", "inline-functions"]),
    ("--no-opt static-schedule", ["--no-opt", "static-schedule"]),
    ("-O0 (no IR passes)", ["-O0"]),
    ("--two-state", ["--two-state"]),
]


def bench_ablation(args, wsim, work):
    """What each optimisation gives: wsim alone on each CPU and the ring at
    N=16 and N=256 (where `roll-copies` and `roll-instances` act), compiled
    with one optimisation turned off at a time (`--no-opt`, `-O0`), and
    with `--two-state`. Every variant must print the same result lines as
    the first."""
    if not wsim:
        print("\n== ablation: skipped (needs wsim)")
        return
    designs = [rv32_design(args.rv32_cycles // 4), lfsr_design(16, args.lfsr_cycles.get(16, 125_000), work),
               lfsr_design(256, args.lfsr_cycles.get(256, 125_000) // 4, work)]
    if picorv32_core():
        designs.insert(0, picorv32_design(args.pico_cycles // 4))
    for design in designs:
        env = dict(os.environ, WSIM_CACHE_DIR=str(work / "wsim-cache-ablation"))
        print(f"\n== ablation: {design.key}, {design.cycles} cycles (wsim only)")
        print(f"{'variant':<28} {'run s (user)':>16} {'cyc/s user':>11} {'user / all-on':>14}  same output")
        base, first = None, None
        for name, flags in ABLATIONS:
            wasm = work / f"ablation-{len(flags)}-{'_'.join(flags).strip('-')}.wasm"
            built = measure([wsim, "compile", *design.sources, "--top", design.top,
                             *[f"-G{p}" for p in design.params], *flags, "-o", wasm], cwd=design.cwd, env=env)
            if not built.ok:
                print(f"{name:<28} compile failed: {last_line(built.stderr)}")
                continue
            # The Cranelift code into the native cache.
            measure([wsim, "run", "-q", *JIT_CRANELIFT, "--max-time", "0", wasm], cwd=design.cwd, env=env,
                    ok_codes=(0, 124))
            m = measure_best([wsim, "run", "-q", wasm], cwd=design.cwd, env=env)
            lines = result_lines(m.stdout, design.prefixes)
            first = first if first is not None else lines
            base = base or m
            rate = design.cycles / m.user if m.ok and m.user > 0 else 0
            ratio = f"{m.user / base.user:.2f}x" if base.user > 0 else "-"
            print(f"{name:<28} {fmt_s(m):>16} {fmt_rate(rate):>11} {ratio:>14}  {'yes' if lines == first else 'NO'}"
                  + ("" if m.ok else "  FAILED: " + last_line(m.stderr)))
    print("(user / all-on > 1: turning that optimisation off costs that factor; --two-state changes semantics)")
    for design in designs:
        bench_tiering(design, wsim, work)


JIT_POLICIES = ["auto", "cranelift", "winch"]


def bench_tiering(design, wsim, work):
    """Whether starting on Winch pays: the first run of a design (empty
    native cache) under each `--jit` policy, whole-process CPU (the
    background Cranelift compile included) and wall time."""
    wasm = work / f"tiering-{design.key.replace(' ', '_').replace('=', '')}.wasm"
    built = measure([wsim, "compile", *design.sources, "--top", design.top, *[f"-G{p}" for p in design.params],
                     "-o", wasm], cwd=design.cwd)
    if not built.ok:
        print(f"\n== tiering: {design.key}: compile failed: {last_line(built.stderr)}")
        return
    print(f"\n== tiering: {design.key}, {design.cycles} cycles, first run (empty native cache)")
    print(f"{'--jit':<12} {'CPU s (u+s)':>12} {'wall s':>8} {'CPU / cranelift':>16}  same output")
    runs = {}
    for policy in JIT_POLICIES:
        cache = work / f"wsim-cache-tiering-{policy}"
        shutil.rmtree(cache, ignore_errors=True)
        env = dict(os.environ, WSIM_CACHE_DIR=str(cache))
        runs[policy] = measure([wsim, "run", "-q", "--jit", policy, wasm], cwd=design.cwd, env=env)
    base, first = runs["cranelift"], result_lines(runs["cranelift"].stdout, design.prefixes)
    for policy, m in runs.items():
        same = "yes" if result_lines(m.stdout, design.prefixes) == first else "NO"
        print(f"{policy:<12} {m.cpu:>12.3f} {m.wall:>8.3f} {m.cpu / base.cpu if base.cpu > 0 else 0:>15.2f}x  {same}"
              + ("" if m.ok else "  FAILED: " + last_line(m.stderr)))


# ---------------------------------------------------------------- main

def int_list(text):
    """`1,16,256` -> [1, 16, 256]."""
    return [int(part) for part in text.split(",") if part.strip()]


def parse_args():
    """Command-line options; --quick divides every cycle count by 10."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int_list, default=[1, 16, 256], help="ring sizes, comma-separated (default 1,16,256)")
    ap.add_argument("--lfsr-cycles", type=int_list, default=None,
                    help="ring cycles: one count for every N, or one per N (default 2,000,000 / sqrt(N), at least 2,000,000 up to N=16)")
    ap.add_argument("--pico-cycles", type=int, default=1_000_000)
    ap.add_argument("--rv32-cycles", type=int, default=1_000_000)
    ap.add_argument("--timed-factor", type=int, default=10,
                    help="wsim and Verilator run the CPUs this many times longer than Icarus (default 10; 1: the same)")
    ap.add_argument("--waves-cycles", type=int, default=100_000, help="picorv32 cycles for the waves benchmark")
    ap.add_argument("--quick", action="store_true", help="10x fewer cycles")
    ap.add_argument("--no-verilator", action="store_true")
    ap.add_argument("--only", choices=["lfsr", "picorv32", "rv32", "parse", "waves", "ablation"])
    args = ap.parse_args()
    cycles = args.lfsr_cycles or [default_lfsr_cycles(n) for n in args.n]
    if len(cycles) == 1:
        cycles = cycles * len(args.n)
    if len(cycles) != len(args.n):
        ap.error("--lfsr-cycles takes one count or one per --n value")
    args.lfsr_cycles = dict(zip(args.n, cycles))
    if args.quick:
        args.lfsr_cycles = {n: max(c // 10, 10) for n, c in args.lfsr_cycles.items()}
        args.pico_cycles //= 10
        args.rv32_cycles //= 10
        args.waves_cycles //= 10
    return args


def cpu_model():
    """The CPU's model name. The ratios to Verilator move with it: with
    the same wsim code, picorv32 `--two-state` / `verilator --cc` read
    0.95x in session 36 and 1.17x in session 37 (an AMD EPYC), so a result
    compares only with one taken on the same model."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def main():
    """Run the selected benchmarks in a temp dir, then the summary."""
    args = parse_args()
    require_time()
    wsim = find_wsim()
    two_state = wsim_has_two_state(wsim)
    print(f"wsim: {wsim or 'not found (set WSIM_BIN or cargo build --release -p wsim)'}"
          f"{'' if two_state or not wsim else ' (no --two-state: that row is n/a)'}")
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores")
    results, ring_rows = {}, {}
    with tempfile.TemporaryDirectory(prefix="wsim-bench-") as tmp:
        work = Path(tmp)
        if args.only in (None, "picorv32"):
            if picorv32_core():
                design, timed = timed_cpu_design(picorv32_design, args.pico_cycles, args.timed_factor)
                results["picorv32"] = run_design(design, args, wsim, two_state, work, timed)
            else:
                print("\n== picorv32: skipped (set PICORV32_V, see bench/fetch-picorv32.sh)")
        if args.only in (None, "rv32"):
            design, timed = timed_cpu_design(rv32_design, args.rv32_cycles, args.timed_factor)
            results["rv32_pipe"] = run_design(design, args, wsim, two_state, work, timed)
        if args.only in (None, "lfsr"):
            for n in args.n:
                design = lfsr_design(n, args.lfsr_cycles[n], work)
                ring_rows[n] = results[design.key] = run_design(design, args, wsim, two_state, work)
        if args.only in (None, "parse"):
            bench_parse(args, wsim, work)
        if args.only in (None, "waves"):
            bench_waves(args, wsim, work)
        if args.only in (None, "ablation"):
            bench_ablation(args, wsim, work)
    print_summary(results, ring_rows, two_state)
    return 0


if __name__ == "__main__":
    sys.exit(main())
