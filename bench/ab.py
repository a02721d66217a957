#!/usr/bin/env python3
"""A/B timing of two wsim builds on the benchmark designs.

Instruction counts (`bench/instructions.py`) do not move with the
machine's load, but they can mislead: in session 18 a change that ran
2.3% fewer instructions on rv32_pipe ran 10% slower. Time has its own
noise (the ring at N=16, same code, ran 0.34-0.43 s from one artifact to
the next), so it runs several designs and sizes. This script times what
users see:
each design is compiled by both builds, their Cranelift code cached
(`run --jit cranelift --max-time 0`), then the two artifacts run
alternately, ROUNDS times each, and the medians of user CPU are compared.
Alternating rounds share the machine's load between A and B.

    bench/ab.py OLD_WSIM NEW_WSIM [--rounds 5] [--only rv32,pico,ring8,...]

picorv32 needs PICORV32_V (as for bench/run.sh); it is skipped without it.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def designs():
    """name -> (cwd, compile args): runs of about 0.2-1 s each."""
    ring = lambda n, cycles: (ROOT / "bench/designs", ["lfsr_ring.v", "--top", "bench_lfsr", f"-GN={n}",
                                                       f"-GCYCLES={cycles}"])
    out = {
        "rv32": (ROOT / "bench/designs", ["rv32_pipe.v", "--top", "bench_rv32", "-GCYCLES=5000000"]),
        "ring8": ring(8, 2_000_000),
        "ring16": ring(16, 2_000_000),
        "ring64": ring(64, 250_000),
        "ring256": ring(256, 200_000),
    }
    core = os.environ.get("PICORV32_V", "/work/picorv32/picorv32.v")
    if Path(core).is_file():
        out["pico"] = (ROOT / "tests/picorv32", ["tb_picorv32.v", core, "--top", "tb_picorv32",
                                                 "-GCYCLES=3000000"])
    return out


def user_seconds(cmd, cwd):
    """User CPU of `cmd` (and its children), from wait4."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}")
    return usage.ru_utime


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", default=None, help="comma-separated design names")
    args = ap.parse_args()
    builds = {"old": Path(args.old).resolve(), "new": Path(args.new).resolve()}
    chosen = designs()
    if args.only:
        chosen = {k: v for k, v in chosen.items() if k in args.only.split(",")}
    print(f"{'design':<10}{'old (median s)':>16}{'new (median s)':>16}{'new / old':>11}")
    with tempfile.TemporaryDirectory() as work:
        for name, (cwd, compile_args) in chosen.items():
            wasm = {}
            for tag, wsim in builds.items():
                wasm[tag] = Path(work) / f"{name}-{tag}.wasm"
                subprocess.run([wsim, "compile", "-q", "--no-cache", *compile_args, "-o", wasm[tag]], cwd=cwd,
                               check=True)
                # fill the native cache: the timed runs load Cranelift code
                subprocess.run([wsim, "run", "--jit", "cranelift", "--max-time", "0", wasm[tag]], cwd=cwd,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times = {"old": [], "new": []}
            for _ in range(args.rounds):
                for tag, wsim in builds.items():
                    times[tag].append(user_seconds([wsim, "run", "--jit", "cranelift", wasm[tag]], cwd))
            old, new = statistics.median(times["old"]), statistics.median(times["new"])
            print(f"{name:<10}{old:>16.3f}{new:>16.3f}{new / old:>10.2f}x")


if __name__ == "__main__":
    main()
