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

Time also moves with where the data lies: in session 19 the ring at
N=17, one artifact compiled with an unused register of 16 B to 16 KiB
declared first, ran anywhere from 0.32 to 0.47 s, the code unchanged
(the machines have no hardware counters to say why). So each design is
compiled in LAYOUTS layouts (`--layouts`, default 3): the first as it is,
the others with an extra top module `ab_pad` holding an unused register
of a different size, which moves every signal of the design, and an
`initial` block of one statement per 16-byte slot of it (about 100 bytes
of native code each), which moves the design's code: four-state picorv32
is bound by instruction-cache misses, and in session 33 cachegrind
counted 1.29 M to 1.41 M of them in 50,000 cycles of one build's code in
the first four layouts. The table gives the geometric mean over the
layouts of the medians, the lowest and highest new/old ratio of one
layout, and the ratio of the geometric means of each layout's fastest
run. This machine's load only ever adds time, so the fastest run is the
steadier figure. In session 33 (5 layouts, 7 rounds), one pair of builds
gave picorv32 medians of 1.03x and 1.13x in two runs; two builds whose
artifacts are byte-identical gave 0.96x (rv32_pipe) and 1.01x by median,
1.00x and 1.01x by fastest run.

    bench/ab.py OLD_WSIM NEW_WSIM [--rounds 5] [--layouts 3] [--only rv32,pico,ring8,...]
                [--flags=--two-state]

picorv32 needs PICORV32_V (as for bench/run.sh); it is skipped without it.
"""
import argparse
import os
import math
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


# the shift of the design's signals in each layout, in 16-byte slots (one
# 64-bit four-state word each): prime, so no two layouts share a period
PAD_SLOTS = [0, 3, 17, 61, 149, 331]


def in_layout(compile_args, slots, work):
    """`compile_args` with `slots` 16-byte slots of unused data laid out
    before the design: an extra first top module, with each `-GNAME=V`
    given to the design's top by name (the pad has no parameters)."""
    if slots == 0:
        return compile_args
    pad = Path(work) / f"ab_pad_{slots}.v"
    # one statement per slot too: its code moves the design's code
    fills = "".join(f"    pad[{64 * k}] = $random;\n" for k in range(slots))
    pad.write_text(f"module ab_pad;\n  reg [{64 * slots - 1}:0] pad;\n  initial begin\n    pad = 0;\n{fills}  end\nendmodule\n")
    top = compile_args[compile_args.index("--top") + 1]
    named = [f"-G{top}.{a[2:]}" if a.startswith("-G") else a for a in compile_args]
    return [str(pad), *named[:named.index("--top")], "--top", "ab_pad", *named[named.index("--top"):]]


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
    ap.add_argument("--layouts", type=int, default=3, help=f"data layouts per design (at most {len(PAD_SLOTS)})")
    ap.add_argument("--only", default=None, help="comma-separated design names")
    ap.add_argument("--flags", default="", help="more `wsim compile` flags for both builds (e.g. --two-state)")
    args = ap.parse_args()
    layouts = PAD_SLOTS[:max(1, min(args.layouts, len(PAD_SLOTS)))]
    builds = {"old": Path(args.old).resolve(), "new": Path(args.new).resolve()}
    chosen = designs()
    if args.only:
        chosen = {k: v for k, v in chosen.items() if k in args.only.split(",")}
    print(f"{'design':<10}{'old (s)':>10}{'new (s)':>10}{'new / old':>11}   one layout   fastest runs")
    with tempfile.TemporaryDirectory() as work:
        for name, (cwd, compile_args) in chosen.items():
            compile_args = [*compile_args, *args.flags.split()]
            medians, fastest = {"old": [], "new": []}, {"old": [], "new": []}
            for slots in layouts:
                for tag, (median, least) in time_both(builds, name, cwd, in_layout(compile_args, slots, work), work,
                                                      slots, args.rounds).items():
                    medians[tag].append(median)
                    fastest[tag].append(least)
            old, new = geomean(medians["old"]), geomean(medians["new"])
            ratios = [n / o for o, n in zip(medians["old"], medians["new"])]
            least = geomean(fastest["new"]) / geomean(fastest["old"])
            print(f"{name:<10}{old:>10.3f}{new:>10.3f}{new / old:>10.2f}x   {min(ratios):.2f}-{max(ratios):.2f}x"
                  f"{least:>12.2f}x")


def time_both(builds, name, cwd, compile_args, work, slots, rounds):
    """The median user CPU of each build's artifact, run alternately."""
    wasm = {}
    for tag, wsim in builds.items():
        wasm[tag] = Path(work) / f"{name}-{slots}-{tag}.wasm"
        subprocess.run([wsim, "compile", "-q", "--no-cache", *compile_args, "-o", wasm[tag]], cwd=cwd, check=True)
        # fill the native cache: the timed runs load Cranelift code
        subprocess.run([wsim, "run", "--jit", "cranelift", "--max-time", "0", wasm[tag]], cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = {"old": [], "new": []}
    for r in range(rounds):
        # each build goes first in every other round, so that neither
        # always runs on the machine the other has just warmed (a build
        # against itself still gave rv32_pipe 0.88x and 1.11x: that much
        # is noise here)
        order = list(builds.items()) if r % 2 == 0 else list(reversed(builds.items()))
        for tag, wsim in order:
            times[tag].append(user_seconds([wsim, "run", "--jit", "cranelift", wasm[tag]], cwd))
    return {tag: (statistics.median(t), min(t)) for tag, t in times.items()}


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


if __name__ == "__main__":
    main()
