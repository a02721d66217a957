#!/usr/bin/env python3
"""Assemble the rv32_pipe benchmark program into data/rv32_program.hex,
and check it on a small instruction-set simulator.

rv32_pipe.v is a 5-stage pipelined RV32I core with MUL (the subset
below). This script holds the program as assembly text, assembles it with
a tiny assembler (only the instructions the core implements, so no RISC-V
toolchain is needed), pads it to the ROM size and prints the hex file.
With --check it instead runs the assembled words on an instruction-level
model and prints the first io writes the simulators must also print
("rv32 io write K: checksum=..."), a check of the core that does not
depend on any simulator.

The program loops forever: each round fills a 32-word array with LCG
values (mul, add, shifts), runs one bubble-sort pass over it (loads right
before their use, unsigned branches, stores), then folds the array into a
checksum through a subroutine (jal/jalr, every ALU operation) and stores
the checksum to the I/O address 0x1000_0000.

Run: python3 gen_rv32_program.py > data/rv32_program.hex
     python3 gen_rv32_program.py --check
"""

import sys

ROM_WORDS = 256  # rv32_pipe_soc's instruction ROM; a shorter file makes simulators warn
IO_BASE = 0x1000_0000

ABI = ["zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
       "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"]
REG = {name: i for i, name in enumerate(ABI)}

PROGRAM = """
    auipc a6, 0
    lui   s0, 0x12345
    addi  s0, s0, 0x678
    add   s0, s0, a6
    addi  s1, zero, 0
    lui   s2, 0x2468a
    lui   s3, 0x19660
    addi  s3, s3, 13
    lui   s4, 0x3c6ef
    addi  s4, s4, 0x35f
    addi  a0, zero, 256
    addi  a1, zero, 32
    lui   a7, 0x10000
loop:
    addi  t0, zero, 0
fill:
    mul   s2, s2, s3
    add   s2, s2, s4
    srai  t1, s2, 7
    xor   t1, t1, s2
    slli  t2, t0, 2
    add   t2, t2, a0
    sw    t1, 0(t2)
    addi  t0, t0, 1
    bne   t0, a1, fill
    addi  t0, zero, 0
    addi  t3, a1, -1
pass:
    slli  t2, t0, 2
    add   t2, t2, a0
    lw    t4, 0(t2)
    lw    t5, 4(t2)
    bgeu  t5, t4, noswap
    sw    t5, 0(t2)
    sw    t4, 4(t2)
noswap:
    addi  t0, t0, 1
    blt   t0, t3, pass
    addi  a2, zero, 0
sum:
    slli  t2, a2, 2
    add   t2, t2, a0
    lw    a3, 0(t2)
    jal   ra, mix
    addi  a2, a2, 1
    bltu  a2, a1, sum
    sw    s0, 0(a7)
    addi  s1, s1, 1
    andi  t0, s1, 3
    beq   t0, zero, skip
    xori  s4, s4, 0x55
skip:
    jal   zero, loop
mix:
    slli  t4, s0, 5
    srli  t5, s0, 27
    or    t4, t4, t5
    xor   t4, t4, a3
    slt   t5, a3, zero
    sub   t4, t4, t5
    sltiu t6, a3, 100
    add   t4, t4, t6
    andi  t5, a3, 31
    sra   t6, a3, t5
    srl   t3, a3, t5
    sll   t3, t3, t5
    and   t3, t3, t6
    ori   t3, t3, 0x100
    slti  t6, t4, -5
    sltu  t5, t3, t4
    add   t6, t6, t5
    bge   t6, zero, mixed
    addi  t4, t4, 1
mixed:
    add   s0, t4, t3
    jalr  zero, 0(ra)
"""


def r_type(funct7, rs2, rs1, funct3, rd, opcode=0x33):
    """R-type: register-register operations."""
    return (funct7 << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode


def i_type(imm, rs1, funct3, rd, opcode):
    """I-type: immediate ALU operations, loads, jalr."""
    return ((imm & 0xFFF) << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode


def s_type(imm, rs2, rs1, funct3):
    """S-type: stores."""
    imm &= 0xFFF
    return ((imm >> 5) << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | ((imm & 31) << 7) | 0x23


def b_type(offset, rs2, rs1, funct3):
    """B-type: conditional branches, pc-relative by `offset` bytes."""
    o = offset & 0x1FFF
    return (((o >> 12) & 1) << 31) | (((o >> 5) & 0x3F) << 25) | (rs2 << 20) | (rs1 << 15) \
        | (funct3 << 12) | (((o >> 1) & 0xF) << 8) | (((o >> 11) & 1) << 7) | 0x63


def j_type(offset, rd):
    """J-type: jal, pc-relative by `offset` bytes."""
    o = offset & 0x1FFFFF
    return (((o >> 20) & 1) << 31) | (((o >> 1) & 0x3FF) << 21) | (((o >> 11) & 1) << 20) \
        | (((o >> 12) & 0xFF) << 12) | (rd << 7) | 0x6F


# mnemonic -> (funct7, funct3) of the register-register forms
R_OPS = {"add": (0, 0), "sub": (0x20, 0), "sll": (0, 1), "slt": (0, 2), "sltu": (0, 3), "xor": (0, 4),
         "srl": (0, 5), "sra": (0x20, 5), "or": (0, 6), "and": (0, 7), "mul": (1, 0)}
I_OPS = {"addi": 0, "slti": 2, "sltiu": 3, "xori": 4, "ori": 6, "andi": 7}
SHIFT_I_OPS = {"slli": (0, 1), "srli": (0, 5), "srai": (0x20, 5)}
B_OPS = {"beq": 0, "bne": 1, "blt": 4, "bge": 5, "bltu": 6, "bgeu": 7}


def parse_mem(arg):
    """`off(reg)` -> (offset, register number)."""
    off, reg = arg.rstrip(")").split("(")
    return int(off, 0), REG[reg]


def encode(op, args, pc, labels):
    """One instruction word."""
    r = [REG.get(a) for a in args]
    if op in R_OPS:
        f7, f3 = R_OPS[op]
        return r_type(f7, r[2], r[1], f3, r[0])
    if op in I_OPS:
        return i_type(int(args[2], 0), r[1], I_OPS[op], r[0], 0x13)
    if op in SHIFT_I_OPS:
        f7, f3 = SHIFT_I_OPS[op]
        return i_type((f7 << 5) | int(args[2], 0), r[1], f3, r[0], 0x13)
    if op in B_OPS:
        return b_type(labels[args[2]] - pc, r[1], r[0], B_OPS[op])
    if op == "lw":
        off, base = parse_mem(args[1])
        return i_type(off, base, 2, r[0], 0x03)
    if op == "sw":
        off, base = parse_mem(args[1])
        return s_type(off, r[0], base, 2)
    if op == "jal":
        return j_type(labels[args[1]] - pc, r[0])
    if op == "jalr":
        off, base = parse_mem(args[1])
        return i_type(off, base, 0, r[0], 0x67)
    if op in ("lui", "auipc"):
        return ((int(args[1], 0) & 0xFFFFF) << 12) | (r[0] << 7) | (0x37 if op == "lui" else 0x17)
    raise ValueError(f"unknown instruction {op}")


def assemble(text):
    """Two passes: label addresses, then instruction words."""
    lines = [line.split("#")[0].strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    labels, pc = {}, 0
    for line in lines:
        if line.endswith(":"):
            labels[line[:-1]] = pc
        else:
            pc += 4
    words, pc = [], 0
    for line in lines:
        if line.endswith(":"):
            continue
        op, *args = line.replace(",", " ").split()
        words.append(encode(op, args, pc, labels))
        pc += 4
    return words


def signed(v):
    """A 32-bit word as a signed integer."""
    return v - (1 << 32) if v & 0x8000_0000 else v


def sext(v, bits):
    """Sign-extend the low `bits` bits of v."""
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v


def alu(f7, f3, a, b):
    """The core's ALU for OP (f7 as in the instruction) and OP-IMM."""
    if f7 == 1:
        return a * b
    sh = b & 31
    return {0: a - b if f7 == 0x20 else a + b, 1: a << sh, 2: int(signed(a) < signed(b)), 3: int(a < b),
            4: a ^ b, 5: (signed(a) >> sh) if f7 == 0x20 else a >> sh, 6: a | b, 7: a & b}[f3]


def branch_taken(f3, a, b):
    """The six conditional branches."""
    return {0: a == b, 1: a != b, 4: signed(a) < signed(b), 5: signed(a) >= signed(b),
            6: a < b, 7: a >= b}[f3]


def step(words, regs, mem, pc, io):
    """Execute one instruction; returns the next pc. Stores to IO_BASE append to `io`."""
    w = words[pc >> 2]
    op, rd, f3, rs1, rs2, f7 = w & 0x7F, (w >> 7) & 31, (w >> 12) & 7, (w >> 15) & 31, (w >> 20) & 31, w >> 25
    a, b = regs[rs1], regs[rs2]
    imm_i = sext(w >> 20, 12)
    nxt, result = pc + 4, None
    if op == 0x33:
        result = alu(f7, f3, a, b)
    elif op == 0x13:
        result = alu(f7 if f3 == 5 else 0, f3, a, imm_i & 0xFFFF_FFFF)
    elif op == 0x37:
        result = w & 0xFFFF_F000
    elif op == 0x17:
        result = pc + (w & 0xFFFF_F000)
    elif op == 0x03:
        result = mem.get((a + imm_i) & 0xFFFF_FFFF, 0)
    elif op == 0x23:
        addr = (a + sext((f7 << 5) | rd, 12)) & 0xFFFF_FFFF
        if addr == IO_BASE:
            io.append(b)
        else:
            mem[addr] = b
    elif op == 0x63:
        off = sext((((w >> 31) & 1) << 12) | (((w >> 7) & 1) << 11) | (((w >> 25) & 0x3F) << 5)
                   | (((w >> 8) & 0xF) << 1), 13)
        nxt = pc + off if branch_taken(f3, a, b) else nxt
    elif op == 0x6F:
        off = sext((((w >> 31) & 1) << 20) | (((w >> 12) & 0xFF) << 12) | (((w >> 20) & 1) << 11)
                   | (((w >> 21) & 0x3FF) << 1), 21)
        result, nxt = pc + 4, pc + off
    elif op == 0x67:
        result, nxt = pc + 4, (a + imm_i) & ~1
    else:
        raise ValueError(f"illegal instruction {w:08x} at {pc:#x}")
    if result is not None and rd:
        regs[rd] = result & 0xFFFF_FFFF
    return nxt & 0xFFFF_FFFF


def first_io_writes(words, count=3):
    """Run the program until it has stored `count` checksums; returns them."""
    regs, mem, io, pc = [0] * 32, {}, [], 0
    while len(io) < count:
        pc = step(words, regs, mem, pc, io)
    return io


def main():
    """Print the hex file, or with --check the io writes the core must make."""
    words = assemble(PROGRAM)
    assert len(words) <= ROM_WORDS, "program larger than the ROM"
    if "--check" in sys.argv:
        for k, value in enumerate(first_io_writes(words)):
            print(f"rv32 io write {k}: checksum={value:08x}")
        return
    print(f"// rv32_pipe program: {len(words)} instructions, generated by gen_rv32_program.py; do not edit")
    for w in words + [0] * (ROM_WORDS - len(words)):
        print(f"{w:08x}")


if __name__ == "__main__":
    main()
