#!/usr/bin/env python3
"""Generates guest-rt/src/tests/format_cases.txt: random $display cases and
what Icarus Verilog's vvp prints for them (the oracle).

Each output line is `<display task>\t<format or ->\t<arg>\t...\t=>\t<vvp output>`
with args as Verilog literals (sized integers, reals, strings). Cases that make
vvp warn are dropped. Usage: python3 gen_format_cases.py [seed] [count]
"""
import os
import random
import subprocess
import sys
import tempfile

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
count = int(sys.argv[2]) if len(sys.argv) > 2 else 400
rng = random.Random(seed)


def int_literal(width, signed, four_state):
    base = rng.choice("bhod") if not four_state else rng.choice("bh")
    if base == "d":
        mag = rng.randrange(0, 1 << min(width, 200))
        if signed and width > 1 and rng.random() < 0.5:
            mag = rng.randrange(1, 1 << (width - 1))
            return f"-{width}'sd{mag}"
        mag &= (1 << width) - 1
        return f"{width}'{'s' if signed else ''}d{mag}"
    bits = {"b": 1, "o": 3, "h": 4}[base]
    ndig = (width + bits - 1) // bits
    alphabet = "0123456789abcdef"[: 1 << bits]
    mode = rng.random()
    digits = []
    for _ in range(ndig):
        if four_state and mode < 0.15:
            digits.append("x")
        elif four_state and mode < 0.3:
            digits.append("z")
        elif four_state and rng.random() < 0.3:
            digits.append(rng.choice("xz"))
        else:
            digits.append(rng.choice(alphabet))
    if rng.random() < 0.3:
        # leading zeros are common
        k = rng.randrange(0, ndig)
        digits[:k] = ["0"] * k
    return f"{width}'{'s' if signed else ''}{base}{''.join(digits)}"


def real_literal():
    kind = rng.random()
    if kind < 0.2:
        return rng.choice(["0.0", "1.0", "-1.0", "0.5", "2.5", "-2.5", "1e10", "1e-5", "123456.0", "1234567.0"])
    mant = rng.uniform(-10, 10)
    exp = rng.randrange(-12, 14)
    return f"{mant:.6f}e{exp}"


def int_arg():
    width = rng.choice([1, 2, 3, 4, 7, 8, 9, 15, 16, 31, 32, 33, 63, 64, 65, 100, 128])
    return int_literal(width, rng.random() < 0.4, rng.random() < 0.35)


def spec(conv):
    flags = ""
    if rng.random() < 0.2:
        flags += "-"
    if rng.random() < 0.1 and conv in "defg":
        flags += "+"
    if rng.random() < 0.15 and conv not in "s":
        flags += "0"
    width = ""
    r = rng.random()
    if r < 0.25:
        width = "0"
    elif r < 0.5:
        width = str(rng.randrange(1, 25))
    prec = ""
    if conv in "eftg" and rng.random() < 0.5:
        prec = "." + str(rng.randrange(0, 12))
    if flags.endswith("0") and not width:
        flags = flags[:-1]
    return f"%{flags}{width}{prec}{conv}"


def case():
    r = rng.random()
    if r < 0.1:
        task = rng.choice(["$display", "$displayh", "$displayb", "$displayo"])
        return task, None, [int_arg() if rng.random() < 0.85 else real_literal()]
    if r < 0.2:
        # Two specifiers and a trailing extra argument.
        c1, c2 = rng.choice("dhbo"), rng.choice("dhefgt")
        args = [int_arg(), real_literal() if c2 in "efg" and rng.random() < 0.7 else int_arg()]
        if rng.random() < 0.5:
            args.append(int_arg())
        return "$display", f"[{spec(c1)}|{spec(c2)}]", args
    if r < 0.25:
        return "$display", "[" + spec("c") + "]", [f"8'd{rng.randrange(32, 127)}"]
    if r < 0.3:
        return "$display", "[" + spec("m") + "]", []
    conv = rng.choice("dhobdhxtefgsDHXEG")
    if conv in "efg":
        arg = real_literal() if rng.random() < 0.8 else int_arg()
    elif conv == "t":
        arg = rng.choice([int_arg(), real_literal()])
    elif conv == "s":
        arg = rng.choice([int_arg(), '"' + rng.choice(["a", "hi", "hello world", "x y"]) + '"'])
    else:
        arg = int_arg()
    return "$display", "[" + spec(conv) + "]", [arg]


def main():
    cases = [case() for _ in range(count)]
    # Integral and real arguments go through variables (what designs
    # display); vvp formats some literal kinds differently.
    decls, body = [], []
    for i, (task, fmt, args) in enumerate(cases):
        parts = [f'"{fmt}"'] if fmt else []
        for k, a in enumerate(args):
            name = f"v{i}_{k}"
            if a.startswith('"'):
                parts.append(a)
                continue
            if "'" in a:
                w = int(a.lstrip("-").split("'")[0])
                signed = "signed " if "'s" in a else ""
                decls.append(f"  reg {signed}[{w - 1}:0] {name} = {a};")
            else:
                decls.append(f"  real {name} = {a};")
            parts.append(name)
        body.append(f'  $display("@@CASE {i}"); {task}({", ".join(parts)});')
    lines = ["`timescale 1ns/1ps", "module t;", *decls, "initial begin", *body, "end", "endmodule"]
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "cases.v")
        with open(src, "w") as f:
            f.write("\n".join(lines) + "\n")
        subprocess.run(["iverilog", "-g2012", "-o", os.path.join(d, "a.out"), src], check=True, capture_output=True)
        out = subprocess.run(["vvp", "-n", os.path.join(d, "a.out")], check=True, capture_output=True).stdout
    text = out.decode("latin-1")
    blocks = ("\n" + text).split("\n@@CASE ")[1:]
    results = []
    for block in blocks:
        head, _, body = block.partition("\n")
        body += "\n"
        i = int(head)
        if "WARNING" in body or "ERROR" in body or body.count("\n") != 1 or "\t" in body:
            continue
        task, fmt, args = cases[i]
        results.append("\t".join([task, fmt or "-", *args, "=>", body[:-1]]))
    dest = os.path.join(os.path.dirname(__file__), "..", "src", "tests", "format_cases.txt")
    with open(dest, "w", encoding="latin-1") as f:
        f.write("# Generated by guest-rt/tools/gen_format_cases.py from vvp output; do not edit.\n")
        f.write("\n".join(results) + "\n")
    print(f"{len(results)} of {len(cases)} cases written to {dest}")


main()
