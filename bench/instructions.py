#!/usr/bin/env python3
"""Instructions per simulated clock cycle of a wsim run, by compiled wasm
function and, inside the generated runner, by static process.

usage: bench/instructions.py [--wsim PATH] [--cwd DIR] [--annotate DIR] ARTIFACT CYCLES

Runs `wsim run --jit cranelift ARTIFACT` under valgrind's callgrind (an
instruction count, not a time: the machines here have no hardware
counters, and on a shared 2-core machine a 5% change in run time is
noise, while a 5% change in instructions is not) and prints:

  - the total instructions per cycle (CYCLES: the clock cycles the run
    simulates, e.g. the design's CYCLES parameter);
  - the functions with the most, named as in the native code:
    `wasm[0]::function[N]::` and the artifact's name for it (its `name`
    section: `always@top.u(t.v:12)`, `runner`, guest-rt's `rt_*`);
  - for the functions that run static processes inline (the runner chunks),
    the instructions per cycle of each static unit, split where the runner
    clears the unit's pending bit and counts its activations
    (`crates/codegen/src/runner.rs`: `andq $~bit, PENDING + 8w(statics);
    addq $n, ACTIVATIONS(statics)`): `unit K` is static index K, from its
    body up to the next unit's pending test, which it includes (the last
    one also counts the end of the runner's pass). Code with
    no such stores (a chunk of another shape) is split at each
    `test $<bit>` of a pending word instead: `bit K` is static index K
    modulo 64.

With --annotate DIR, each of those functions' disassembly is written to
DIR/function-N.txt with the times each instruction ran in front.

The native code is read from a fresh WSIM_CACHE_DIR: a first run under
valgrind compiles it (valgrind's CPU has other features than the host's,
so the host's cached code is not used), the second is counted.
"""

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("artifact")
    ap.add_argument("cycles", type=int)
    root = Path(__file__).resolve().parent.parent
    ap.add_argument("--wsim", default=os.environ.get("WSIM_BIN", str(root / "target/release/wsim")))
    ap.add_argument("--cwd", default=".", help="run directory (for files the design reads)")
    ap.add_argument("--annotate", help="write annotated disassembly here")
    ap.add_argument("--top", type=int, default=14, help="functions listed")
    args = ap.parse_args()
    wsim = str(Path(args.wsim).resolve())
    artifact = str(Path(args.artifact).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, WSIM_CACHE_DIR=tmp + "/cache")
        run = [wsim, "run", "-q", "--jit", "cranelift", artifact]
        subprocess.run(["valgrind", "--tool=none", *run[:5], "--max-time", "0", artifact],
                       cwd=args.cwd, env=env, capture_output=True)
        out = tmp + "/callgrind.out"
        r = subprocess.run(["valgrind", "--tool=callgrind", "--dump-instr=yes", f"--callgrind-out-file={out}", *run],
                           cwd=args.cwd, env=env, capture_output=True, text=True)
        if not Path(out).exists():
            sys.exit(f"callgrind did not run: {r.stderr[-2000:]}")
        counts = read_callgrind(out)
        cwasm = max(Path(tmp, "cache", "native").glob("*.cwasm"), key=lambda p: p.stat().st_mtime)
        report(counts, cwasm, args)


def read_callgrind(path):
    """{function name or address: Counter(instruction address -> times run)}
    from a callgrind file written with --dump-instr=yes (self cost only:
    the cost lines after a `calls=` line are the callee's, skipped)."""
    lines = Path(path).read_text().splitlines()
    names = {}
    for line in lines:
        m = re.match(r"c?fn=\((\d+)\) (.*)", line)
        if m:
            names[m.group(1)] = m.group(2)
    counts, current, addr, callee_cost = {}, None, 0, False
    for line in lines:
        if line.startswith("fn="):
            fid = re.match(r"fn=\((\d+)\)", line).group(1)
            current = counts.setdefault(names.get(fid, fid), collections.Counter())
            continue
        if line.startswith("calls="):
            callee_cost = True
            continue
        if current is None or not line or line[0] not in "0123456789+-*":
            continue
        fields = line.split()
        pos = fields[0]
        if pos.startswith("0x"):
            addr = int(pos, 16)
        elif pos.startswith("+"):
            addr += int(pos[1:])
        elif pos.startswith("-"):
            addr -= int(pos[1:])
        if callee_cost:
            callee_cost = False
            continue
        if len(fields) >= 3:
            current[addr] += int(fields[2])
    return counts


def native_symbols(cwasm):
    """{start address: (name, size)} of the wasm functions in a .cwasm."""
    out = subprocess.run(["nm", "-S", str(cwasm)], capture_output=True, text=True).stdout
    syms = {}
    for line in out.splitlines():
        parts = line.split(None, 3)
        if len(parts) == 4 and "function[" in parts[3]:
            syms[int(parts[0], 16)] = (parts[3], int(parts[1], 16))
    return syms


def report(counts, cwasm, args):
    cycles = args.cycles
    totals = {name: sum(c.values()) for name, c in counts.items()}
    grand = sum(totals.values())
    print(f"total: {grand / cycles:.0f} instructions per cycle")
    syms = native_symbols(cwasm)
    # callgrind names JIT code by address: the text's load offset is the
    # difference most function starts share with a symbol
    starts = [int(n, 16) for n in totals if n.startswith("0x")]
    offset = collections.Counter(s - a for s in starts for a in syms).most_common(1)[0][0]

    def name_of(key):
        if key.startswith("0x") and int(key, 16) - offset in syms:
            return syms[int(key, 16) - offset][0]
        return key

    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    for key, n in ranked[:args.top]:
        print(f"{n / cycles:8.0f} {100 * n / grand:5.1f}%  {name_of(key)[:120]}")
    for key, n in ranked[:8]:
        if key.startswith("0x") and int(key, 16) - offset in syms:
            by_process(key, counts[key], syms[int(key, 16) - offset], offset, cwasm, n, args)


def by_process(key, count, sym, offset, cwasm, total, args):
    """The runner's pending tests split a chunk into one region per static
    process; print those that ran, and annotate when asked."""
    name, size = sym
    start = int(key, 16) - offset
    asm = subprocess.run(["objdump", "-d", "--no-show-raw-insn", f"--start-address={start}",
                          f"--stop-address={start + size}", str(cwasm)], capture_output=True, text=True).stdout
    lines = []
    for line in asm.splitlines():
        try:
            addr = int(line.split(":")[0].strip(), 16)
        except ValueError:
            continue
        lines.append((count.get(addr + offset, 0), line))
    annotated = [f"{times:9d} {line}" for times, line in lines]
    starts = unit_starts([line for _, line in lines])
    regions, region = [], ["entry", 0, 0]
    for k, (times, line) in enumerate(lines):
        label = starts.get(k) if starts else pending_bit(line)
        if label:
            regions.append(region)
            region = [label, 0, 0]
        region[1] += times
        region[2] += 1
    regions.append(region)
    regions = merged(regions)
    if args.annotate:
        Path(args.annotate).mkdir(parents=True, exist_ok=True)
        index = re.search(r"function\[(\d+)\]", name).group(1)
        Path(args.annotate, f"function-{index}.txt").write_text("\n".join(annotated) + "\n")
    print(f"\n== {name}: {total / args.cycles:.0f} per cycle")
    if len(regions) > 2:
        for label, times, insns in regions:
            if times:
                print(f"   {label:<8} {times / args.cycles:7.0f} per cycle  ({insns} instructions of code)")


# `wsim_abi::statics::PENDING`: where the pending words start in the statics
PENDING = 80


def unit_starts(lines):
    """Line index -> `unit K` where the runner starts static unit K: the
    clear of its pending bit, `andq $<mask>, P(%r..)` (or, for a mask no
    32-bit immediate holds, a `movabs $<mask>` and an `and` of that
    register; or, for a word already in a register, an `and` of it and its
    store), then at most a `movl $K, B(%r..)` (`RUNNING`, which only
    some units store) and `addq $n, B+8(%r..)` (`ACTIVATIONS`). K is
    64 * the pending word (P - B - PENDING) / 8 + the bit the mask clears."""
    count = re.compile(r"addq\s+\$0x[0-9a-f]+,0x([0-9a-f]+)\((%r\w+)\)")
    running = re.compile(r"movl\s+\$0x[0-9a-f]+,0x([0-9a-f]+)\((%r\w+)\)")
    clear_imm = re.compile(r"and[q]?\s+\$0x([0-9a-f]+),0x([0-9a-f]+)\((%r\w+)\)")
    clear_reg = re.compile(r"and[q]?\s+(%r\w+),0x([0-9a-f]+)\((%r\w+)\)")
    movabs = re.compile(r"movabs\s+\$0x([0-9a-f]+),(%r\w+)")
    and_reg = re.compile(r"and[q]?\s+\$0x([0-9a-f]+),(%r\w+)$")
    store = re.compile(r"mov[q]?\s+(%r\w+),0x([0-9a-f]+)\((%r\w+)\)")
    starts = {}
    for k, line in enumerate(lines):
        n = count.search(line)
        if not n:
            continue
        base, reg = int(n.group(1), 16) - 8, n.group(2)
        j = k - 1
        r = running.search(lines[j]) if j >= 0 else None
        if r and int(r.group(1), 16) == base and r.group(2) == reg:
            j -= 1
        if j < 0:
            continue
        mask, at = None, None
        if m := clear_imm.search(lines[j]):
            mask, at, start = int(m.group(1), 16), m, j
        elif (m := clear_reg.search(lines[j])) and j >= 1 and (a := movabs.search(lines[j - 1])) and a.group(2) == m.group(1):
            mask, at, start = int(a.group(1), 16), m, j - 1
        elif (m := store.search(lines[j])) and j >= 1 and (a := and_reg.search(lines[j - 1])) and a.group(2) == m.group(1):
            # the word was in a register already: `and $<mask>, %r`, `mov %r, P(%r..)`
            mask, at, start = int(a.group(1), 16), m, j - 1
        if mask is None or at.group(3) != reg:
            continue
        cleared = ~mask & (2**64 - 1)
        word = (int(at.group(2), 16) - base - PENDING) // 8
        if bin(cleared).count("1") == 1 and word >= 0:
            starts[start] = f"unit {64 * word + cleared.bit_length() - 1}"
    return starts


def pending_bit(line):
    """`bit K` at a `test $<one bit>` of a pending word, else None."""
    m = re.search(r"test\s+\$0x([0-9a-f]+),%r", line)
    if m and bin(int(m.group(1), 16)).count("1") == 1:
        return f"bit {int(m.group(1), 16).bit_length() - 1}"
    return None


def merged(regions):
    """Regions of the same label summed, in the order each first appears."""
    out = {}
    for label, times, insns in regions:
        total = out.setdefault(label, [label, 0, 0])
        total[1] += times
        total[2] += insns
    return list(out.values())


if __name__ == "__main__":
    main()
