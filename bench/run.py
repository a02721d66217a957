#!/usr/bin/env python3
"""wsim benchmarks against Icarus Verilog and Verilator, side by side.

Designs:
  lfsr_ring  bench/designs/lfsr_ring.v (N cells, parameter), testbench bench_lfsr
  picorv32   tests/picorv32/tb_picorv32.v + the picorv32 core ($PICORV32_V);
             `verilator --cc` runs bench/designs/picorv32_cc_top.v (the same
             memory model, clockless) driven by bench/verilator/picorv32_main.cpp
  parse      a generated ~1 MB file of independent modules (front-end speed)
  waves      picorv32 under wsim without waves, then dumping the whole design
             with --waves=vcd and --waves=fst: run time ratio and file size

For each simulator it measures, with /usr/bin/time (wall, user CPU, max RSS):
  compile    cold: wsim with an empty cache dir; iverilog; verilator build
  cached     a second `wsim compile` of the same sources (cache hit)
  run        the simulation; throughput = cycles / wall seconds. wsim runs
             twice: the first run also compiles the wasm to native code (its
             time is shown as a note), the second hits the native-code cache
             and is the one in the table
  peak RSS   of the compile and of the run (KiB from /usr/bin/time %M)
and checks that every simulator printed the same result lines.

Usage: bench/run.sh [--quick] [--n 64] [--lfsr-cycles 100000]
                    [--pico-cycles 1000000] [--waves-cycles 100000]
                    [--no-verilator] [--only lfsr|picorv32|parse|waves]
Environment: WSIM_BIN (else target/release/wsim, then target/debug/wsim under
CARGO_TARGET_DIR or the workspace target dir), PICORV32_V.
Numbers on a shared, loaded machine are noisy: compare user CPU as well.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
TIME = "/usr/bin/time"


class Measurement:
    def __init__(self, wall, user, rss_kb, stdout, ok, stderr=""):
        self.wall, self.user, self.rss_kb = wall, user, rss_kb
        self.stdout, self.ok, self.stderr = stdout, ok, stderr


def require_time():
    """The benchmarks need GNU time for max RSS (bash's `time` has none)."""
    if not os.access(TIME, os.X_OK):
        sys.exit(f"error: {TIME} not found; install GNU time (Debian/Ubuntu: apt-get install time)")


def measure(cmd, cwd=None, env=None, timeout=3600):
    """Run `cmd` under /usr/bin/time; returns a Measurement (wall seconds,
    user CPU seconds and peak RSS in KiB of the command and its children)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = [TIME, "-f", "%e %U %M", "-o", tf.name] + [str(c) for c in cmd]
        start = time.perf_counter()
        try:
            p = subprocess.run(full, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return Measurement(float(timeout), 0.0, 0, "", False, "timed out")
        # GNU time's %e has 10 ms resolution, too coarse for fast runs: the
        # wall time is measured here instead (it adds time's own ~1 ms).
        wall = time.perf_counter() - start
        # The last line is "wall user rss" (a failing command adds a line before).
        lines = [line for line in tf.read().splitlines() if line[:1].isdigit()]
        _, user, rss = lines[-1].split() if lines else ("0", "0", "0")
        return Measurement(wall, float(user), int(rss), p.stdout, p.returncode == 0, p.stderr)


def last_line(text):
    lines = text.strip().splitlines()
    return lines[-1] if lines else ""


def find_wsim():
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


def result_lines(stdout, prefixes):
    """The lines the design itself prints (those starting with one of
    `prefixes`), so simulator chatter such as Verilator's "- file:line:
    Verilog $finish" is left out. Every simulator must print the same ones."""
    prefixes = (prefixes,) if isinstance(prefixes, str) else tuple(prefixes)
    lines = [l.rstrip() for l in stdout.splitlines() if l.startswith(prefixes)]
    return tuple(lines) if lines else ("(no result line)",)


class Row:
    def __init__(self, design, tool):
        self.design, self.tool = design, tool
        self.compile = self.cached = self.run = None
        self.first_run = None  # wsim: the run that also compiled to native code
        self.cycles = 0
        self.result = ()
        self.note = ""


def run_wsim(row, wsim, sources, top, params, cwd, cycles, prefix, work):
    cache = work / f"wsim-cache-{row.design}"
    shutil.rmtree(cache, ignore_errors=True)
    env = dict(os.environ, WSIM_CACHE_DIR=str(cache))
    wasm = work / f"{row.design}.wasm"
    args = ["compile", *sources, "--top", top, *[f"-G{p}" for p in params], "-o", wasm]
    row.compile = measure([wsim, *args], cwd=cwd, env=env)
    if not row.compile.ok:
        row.note = "compile failed: " + last_line(row.compile.stderr)
        return
    row.cached = measure([wsim, *args], cwd=cwd, env=env)
    # The first run compiles the wasm to native code and caches it; the
    # second is the simulation alone, like the other tools' run binaries.
    row.first_run = measure([wsim, "run", wasm], cwd=cwd, env=env)
    row.run = measure([wsim, "run", wasm], cwd=cwd, env=env)
    row.cycles = cycles
    row.result = result_lines(row.run.stdout, prefix)
    if row.first_run.ok and result_lines(row.first_run.stdout, prefix) != row.result:
        row.note = "first and second wsim runs printed different lines"
    if not row.run.ok:
        row.note = "run failed: " + last_line(row.run.stderr)


def run_icarus(row, sources, top, params, cwd, cycles, prefix, work):
    vvp = work / f"{row.design}.vvp"
    cmd = ["iverilog", "-g2005", "-o", vvp, "-s", top, *[f"-P{top}.{p}" for p in params], *sources]
    row.compile = measure(cmd, cwd=cwd)
    if not row.compile.ok:
        row.note = "iverilog failed"
        return
    row.run = measure(["vvp", "-n", vvp], cwd=cwd)
    row.cycles = cycles
    row.result = result_lines(row.run.stdout, prefix)


def run_verilator_binary(row, sources, top, params, cwd, cycles, prefix, work):
    mdir = work / f"vl-bin-{row.design}"
    shutil.rmtree(mdir, ignore_errors=True)
    cmd = ["verilator", "--binary", "-O3", "-Wno-fatal", "-Wno-lint", "-Wno-style", "--top-module", top,
           *[f"-G{p}" for p in params], "-Mdir", mdir, "-o", "sim", *sources]
    row.compile = measure(cmd, cwd=cwd)
    if not row.compile.ok:
        row.note = "verilator failed"
        return
    row.run = measure([mdir / "sim"], cwd=cwd)
    row.cycles = cycles
    row.result = result_lines(row.run.stdout, prefix)


def run_verilator_cc(row, top, sources, driver, params, cflags, run_args, cwd, cycles, prefix, work):
    """`verilator --cc --exe --build -O3`: the design's synthesizable core
    with a C++ driver that toggles the clock itself (no timing, no testbench)."""
    mdir = work / f"vl-cc-{row.design}"
    shutil.rmtree(mdir, ignore_errors=True)
    cmd = ["verilator", "--cc", "--exe", "--build", "-O3", "-Wno-fatal", "-Wno-lint", "-Wno-style",
           *[f"-G{p}" for p in params], "--top-module", top, "-Mdir", mdir,
           *sources, driver, "-CFLAGS", cflags]
    row.compile = measure(cmd, cwd=cwd)
    if not row.compile.ok:
        row.note = "verilator --cc failed: " + last_line(row.compile.stderr)
        return
    row.run = measure([mdir / f"V{top}", *run_args], cwd=cwd)
    row.cycles = cycles
    row.result = result_lines(row.run.stdout, prefix)
    if not row.run.ok:
        row.note = "run failed: " + last_line(row.run.stderr)


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


def fmt_s(m):
    return "-" if m is None else f"{m.wall:.3f} ({m.user:.2f}u)"


def fmt_mib(m):
    return "-" if m is None or m.rss_kb <= 0 else f"{m.rss_kb / 1024:.1f}"


def fmt_ratio(value, base):
    return f"{value / base:.2f}x" if value and base else "-"


def throughput(row):
    """Cycles per wall second of a successful run, else None."""
    ok = row.run and row.run.ok and row.run.wall > 0 and row.result
    return row.cycles / row.run.wall if ok else None


TABLE_COLUMNS = [  # (header, width)
    ("tool", 18), ("compile s", 15), ("cached s", 14), ("run s", 16), ("cycles/s", 11),
    ("speed", 7), ("compile", 8), ("compile MiB", 11), ("run MiB", 8), ("run RSS", 8),
]


def table_line(cells):
    return " ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, (_, w)) in enumerate(zip(cells, TABLE_COLUMNS)))


def print_table(rows, title):
    """One table per design: compile (cold), cached compile, run, throughput,
    peak memory, and ratios against the wsim row."""
    print(f"\n== {title}")
    header = table_line([h for h, _ in TABLE_COLUMNS])
    print(header)
    print("-" * len(header))
    wsim = next((r for r in rows if r.tool == "wsim"), None)
    wsim_rate = throughput(wsim) if wsim else None
    wsim_compile = wsim.compile.wall if wsim and wsim.compile and wsim.compile.ok else None
    wsim_rss = wsim.run.rss_kb if wsim and wsim.run and wsim.run.ok else None
    for r in rows:
        rate = throughput(r)
        compile_wall = r.compile.wall if r.compile and r.compile.ok else None
        run_rss = r.run.rss_kb if r.run and r.run.ok else None
        print(table_line([
            r.tool, fmt_s(r.compile), fmt_s(r.cached), fmt_s(r.run),
            f"{rate:.0f}" if rate else "-", fmt_ratio(rate, wsim_rate), fmt_ratio(compile_wall, wsim_compile),
            fmt_mib(r.compile), fmt_mib(r.run), fmt_ratio(run_rss, wsim_rss),
        ]))
        if r.first_run:
            print(f"{'':<18} first run (compiles wasm to native code, then simulates): {fmt_s(r.first_run)} s, "
                  f"{fmt_mib(r.first_run)} MiB")
        if r.note:
            print(f"{'':<18} note: {r.note}")
    print("(s: wall seconds, u: user CPU; MiB: peak RSS; ratios are tool / wsim: "
          "speed = run throughput, >1 faster than wsim; compile = cold compile time, "
          ">1 slower to compile than wsim; run RSS = run peak memory, >1 uses more)")
    results = {r.result for r in rows if r.result}
    if len(results) == 1:
        lines = next(iter(results))
        print(f"all {sum(1 for r in rows if r.result)} simulators printed the same {len(lines)} line(s), the last: {lines[-1]}")
    else:
        print("RESULTS DIFFER:")
        for r in rows:
            print(f"  {r.tool}: {' | '.join(r.result) if r.result else '(no run)'}")


def bench_lfsr(args, wsim, work):
    rows = []
    src = [BENCH / "designs/lfsr_ring.v"]
    params = [f"N={args.n}", f"CYCLES={args.lfsr_cycles}"]
    prefix = f"N={args.n} "
    design = "lfsr_ring"
    if wsim:
        r = Row(design, "wsim"); run_wsim(r, wsim, src, "bench_lfsr", params, work, args.lfsr_cycles, prefix, work); rows.append(r)
    if shutil.which("iverilog"):
        r = Row(design, "icarus"); run_icarus(r, src, "bench_lfsr", params, work, args.lfsr_cycles, prefix, work); rows.append(r)
    if shutil.which("verilator") and not args.no_verilator:
        r = Row(design, "verilator --binary"); run_verilator_binary(r, src, "bench_lfsr", params, work, args.lfsr_cycles, prefix, work); rows.append(r)
        r = Row(design, "verilator --cc")
        run_verilator_cc(r, "lfsr_ring", src, BENCH / "verilator/main.cpp", [f"N={args.n}"], f"-DBENCH_N={args.n} -O2",
                         [str(args.lfsr_cycles)], work, args.lfsr_cycles, prefix, work)
        rows.append(r)
    print_table(rows, f"lfsr_ring N={args.n}, {args.lfsr_cycles} cycles")


def bench_picorv32(args, wsim, work):
    core = os.environ.get("PICORV32_V") or "/work/picorv32/picorv32.v"
    if not Path(core).is_file():
        print("\n== picorv32: skipped (set PICORV32_V, see bench/fetch-picorv32.sh)")
        return
    cwd = ROOT / "tests/picorv32"  # the testbench reads data/program.hex
    src = [cwd / "tb_picorv32.v", Path(core).resolve()]
    params = [f"CYCLES={args.pico_cycles}"]
    # Every line the testbench prints (result, progress, failures).
    prefix = ("io write", "cycles=", "checksum=", "trap at", "bad access")
    rows = []
    if wsim:
        r = Row("picorv32", "wsim"); run_wsim(r, wsim, src, "tb_picorv32", params, cwd, args.pico_cycles, prefix, work); rows.append(r)
    if shutil.which("iverilog"):
        r = Row("picorv32", "icarus"); run_icarus(r, src, "tb_picorv32", params, cwd, args.pico_cycles, prefix, work); rows.append(r)
    if shutil.which("verilator") and not args.no_verilator:
        r = Row("picorv32", "verilator --binary"); run_verilator_binary(r, src, "tb_picorv32", params, cwd, args.pico_cycles, prefix, work); rows.append(r)
        r = Row("picorv32", "verilator --cc")
        cc_src = [BENCH / "designs/picorv32_cc_top.v", Path(core).resolve()]
        run_verilator_cc(r, "picorv32_cc_top", cc_src, BENCH / "verilator/picorv32_main.cpp", params, "-O2",
                         [str(args.pico_cycles + 100)], cwd, args.pico_cycles, prefix, work)
        rows.append(r)
    print_table(rows, f"picorv32 + tb_picorv32, {args.pico_cycles} cycles")


def compile_wsim(wsim, sources, tops, params, cwd, wasm, env):
    tops = [a for top in tops for a in ("--top", top)]
    return measure([wsim, "compile", *sources, *tops, *[f"-G{p}" for p in params], "-o", wasm], cwd=cwd, env=env)


def bench_waves(args, wsim, work):
    """The cost of dumping everything: picorv32 without waves, then with
    `bench/designs/waves_dump_all.v` as a second top (`$dumpvars(0,
    tb_picorv32)`) and `--waves=vcd|fst --waves-file`. Each mode runs once
    to fill the native-code cache, then is measured."""
    core = os.environ.get("PICORV32_V") or "/work/picorv32/picorv32.v"
    if not wsim or not Path(core).is_file():
        print("\n== waves: skipped (needs wsim and PICORV32_V)")
        return
    cycles = args.waves_cycles
    cwd = ROOT / "tests/picorv32"
    src = [cwd / "tb_picorv32.v", Path(core).resolve()]
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
        measure([wsim, "run", wasm, *flags], cwd=cwd, env=env)  # native-code cache
        if out:
            Path(out).unlink(missing_ok=True)
        m = measure([wsim, "run", wasm, *flags], cwd=cwd, env=env)
        base = base or m
        size = f"{Path(out).stat().st_size / 1e6:9.2f}" if out and Path(out).is_file() else f"{'-':>9}"
        ratio = lambda a, b: f"{a / b:.2f}x" if b > 0 else "-"
        print(f"{name:<14} {fmt_s(m):>16} {ratio(m.wall, base.wall):>10} {ratio(m.user, base.user):>10} {size}"
              + ("" if m.ok else "  FAILED: " + last_line(m.stderr)))
    print("(ratios: run time / the no-waves run's; the goal is <= 2x. Files are written to a temp dir.)")


def bench_parse(args, wsim, work):
    big = work / "parse_1mb.v"
    size = generate_parse_input(big)
    print(f"\n== front end: {size / 1e6:.2f} MB of independent modules, top instantiates none")
    print(f"{'tool':<22} {'wall s (user)':>16} {'MB/s':>8} {'peak MiB':>9}")
    runs = []
    if wsim:
        env = dict(os.environ, WSIM_CACHE_DIR=str(work / "wsim-cache-parse"))
        runs.append(("wsim compile", measure([wsim, "compile", big, "--top", "top", "-o", work / "parse.wasm"], cwd=work, env=env)))
    if shutil.which("iverilog"):
        runs.append(("iverilog (compile)", measure(["iverilog", "-o", work / "parse.vvp", "-s", "top", big], cwd=work)))
    if shutil.which("verilator") and not args.no_verilator:
        runs.append(("verilator --lint-only", measure(["verilator", "--lint-only", "-Wno-fatal", "-Wno-lint", "-Wno-style", "--top-module", "top", big], cwd=work)))
    for name, m in runs:
        mbs = size / 1e6 / m.wall if m.ok and m.wall > 0 else 0
        print(f"{name:<22} {fmt_s(m):>16} {mbs:8.1f} {fmt_mib(m):>9}" + ("" if m.ok else "  FAILED: " + (m.stderr.strip().splitlines() or [""])[-1]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=64)
    ap.add_argument("--lfsr-cycles", type=int, default=100_000)
    ap.add_argument("--pico-cycles", type=int, default=1_000_000)
    ap.add_argument("--waves-cycles", type=int, default=100_000, help="picorv32 cycles for the waves benchmark")
    ap.add_argument("--quick", action="store_true", help="10x fewer cycles")
    ap.add_argument("--no-verilator", action="store_true")
    ap.add_argument("--only", choices=["lfsr", "picorv32", "parse", "waves"])
    args = ap.parse_args()
    if args.quick:
        args.lfsr_cycles //= 10
        args.pico_cycles //= 10
        args.waves_cycles //= 10
    require_time()
    wsim = find_wsim()
    print(f"wsim: {wsim or 'not found (set WSIM_BIN or cargo build --release -p wsim)'}")
    with tempfile.TemporaryDirectory(prefix="wsim-bench-") as tmp:
        work = Path(tmp)
        if args.only in (None, "lfsr"):
            bench_lfsr(args, wsim, work)
        if args.only in (None, "picorv32"):
            bench_picorv32(args, wsim, work)
        if args.only in (None, "parse"):
            bench_parse(args, wsim, work)
        if args.only in (None, "waves"):
            bench_waves(args, wsim, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
