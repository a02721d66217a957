#!/usr/bin/env python3
"""Differential expression fuzzer for the wasm backend.

Generates a random Verilog design that assigns random 4-state values
(x/z bits included) to variables of many widths (1..128, signed and
unsigned) and prints random expressions over them (arithmetic, bitwise,
shifts, comparisons, logical ops, ?:, concatenations, constant and dynamic
selects, case/casez, if), then runs it under Icarus and wsim and compares
the output byte for byte. Expressions are on variables, so nothing is
constant-folded: every operation runs through codegen's inline <= 64-bit
paths or guest-rt's helpers.

    python3 crates/codegen/tools/fuzz_exprs.py [first_seed] [count] [wsim binary]

Known difference: `c ? a : b` with an unknown `c` and a z bit in both
branches gives x (IEEE 1364-2005 table 5-21); Icarus keeps z.
"""
import os, random, subprocess, sys, tempfile

WIDTHS = [1, 3, 8, 13, 32, 40, 63, 64, 65, 100, 128]


def design(seed, steps):
    r = random.Random(seed)
    vars_ = []
    lines = ["module t;"]
    for i in range(8):
        w, s = r.choice(WIDTHS), r.choice([True, False])
        vars_.append((f"v{i}", w, s))
        lines.append(f"  reg {'signed ' if s else ''}[{w-1}:0] v{i};")
    for i in range(6):
        w, s = r.choice(WIDTHS), r.choice([True, False])
        lines.append(f"  reg {'signed ' if s else ''}[{w-1}:0] r{i};")
    lines += ["  integer k;", "  initial begin"]

    def lit(w):
        bits = []
        for _ in range(w):
            c = r.random()
            bits.append("x" if c < 0.05 else "z" if c < 0.08 else r.choice("01"))
        return f"{w}'b{''.join(bits)}"

    def expr(d):
        name, w, _ = r.choice(vars_)
        if d == 0 or r.random() < 0.3:
            c = r.random()
            if c < 0.7:
                return name
            if c < 0.8:
                return f"{name}[{r.randrange(w)}]"
            if c < 0.9:
                lo = r.randrange(w)
                return f"{name}[{r.randrange(lo, w)}:{lo}]"
            return f"32'd{r.randrange(1000)}"
        if r.random() < 0.15:
            return f"({r.choice(['~', '-', '!', '&', '|', '^', '~&', '~|'])}{expr(d - 1)})"
        if r.random() < 0.1:
            return f"({expr(d - 1)} ? {expr(d - 1)} : {expr(d - 1)})"
        if r.random() < 0.1:
            return f"{{{expr(d - 1)}, {expr(d - 1)}}}"
        op = r.choice(["+", "-", "*", "&", "|", "^", "~^", "<<", ">>", ">>>", "==", "!=", "===", "!==",
                       "<", "<=", ">", ">=", "&&", "||"])
        if op in ("<<", ">>", ">>>"):
            return f"({expr(d - 1)} {op} {r.randrange(70)})"
        return f"({expr(d - 1)} {op} {expr(d - 1)})"

    for _ in range(steps):
        for name, w, _ in vars_:
            if r.random() < 0.5:
                lines.append(f"    {name} = {lit(w)};")
        for i in range(6):
            lines.append(f"    r{i} = {expr(3)};")
            lines.append(f'    $display("%b", r{i});')
        name, w, _ = r.choice(vars_)
        lines.append(f"    k = {r.randrange(-3, w + 3)};")
        lines.append(f'    $display("%b %b", {name}[k], {name}[k +: 2]);')
        lines.append(f"    case ({name}[1:0]) 2'b00: $display(\"c0\"); 2'b1x: $display(\"c1x\"); default: $display(\"cd\"); endcase")
        lines.append(f"    casez ({name}[1:0]) 2'b1?: $display(\"z1\"); default: $display(\"zd\"); endcase")
        lines.append(f'    if ({expr(2)}) $display("t"); else $display("f");')
    lines += ["  end", "endmodule"]
    return "\n".join(lines) + "\n"


def main():
    first = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    wsim = sys.argv[3] if len(sys.argv) > 3 else "wsim"
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(first, first + count):
            src = os.path.join(tmp, "f.v")
            with open(src, "w") as f:
                f.write(design(seed, 20))
            subprocess.run(["iverilog", "-g2012", "-o", os.path.join(tmp, "f.vvp"), src], check=True)
            want = subprocess.run(["vvp", "-n", os.path.join(tmp, "f.vvp")], capture_output=True, text=True).stdout
            got = subprocess.run([wsim, "sim", "--no-cache", src], capture_output=True, text=True).stdout
            if want != got:
                bad += 1
                keep = f"fuzz_fail_{seed}.v"
                with open(keep, "w") as f:
                    f.write(design(seed, 20))
                print(f"seed {seed}: outputs differ (kept {keep})")
    print(f"{count - bad} passed, {bad} failed")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
