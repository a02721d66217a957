# Generates random constant-expression modules for fold_vs_icarus.rs:
#   python3 gen.py SEED > exprs_SEED.v
#   iverilog -g2012 -o x exprs_SEED.v && vvp -n x > exprs_SEED.expected
import random, sys
seed = int(sys.argv[1]); random.seed(seed)
def lit(sized=False):
    w = random.choice([1,3,4,7,8,13,16,31,32,33,63,64,65,70,100])
    s = random.random() < 0.4
    kind = random.random()
    if sized:
        kind = 1.0
    if kind < 0.1:
        return str(random.randint(0, 300))  # unsized decimal
    if kind < 0.15:
        return "'" + random.choice("01xz")
    if kind < 0.2:
        return random.choice(["'hx", "'bz", "'h1"])
    v = random.getrandbits(w)
    digits = format(v, 'x')
    if random.random() < 0.1:
        digits = random.choice(['x','z']) + digits[1:] if len(digits) > 1 else random.choice('xz')
    return f"{w}'{'s' if s else ''}h{digits}"
BIN = ['+','-','*','/','%','&','|','^','~^','<<','>>','>>>','<<<','==','!=','<','>','<=','>=','&&','||','===','!==','**']
UN = ['-','~','!','&','|','^','~&','~|','~^','+']
def expr(d, sized=False):
    if d == 0 or random.random() < 0.2:
        return lit(sized)
    r = random.random()
    if r < 0.5:
        op = random.choice(BIN)
        if op == '**':
            rhs = random.choice(['2', '3', "4'd2", "2'sb11"])
            return "(" + expr(d-1, sized) + " ** " + rhs + ")"
        return f"({expr(d-1, sized)} {op} {expr(d-1, sized)})"
    if r < 0.65:
        return f"({random.choice(UN)}{expr(d-1, sized)})"
    if r < 0.75:
        return f"({expr(d-1)} ? {expr(d-1, sized)} : {expr(d-1, sized)})"
    if r < 0.85:
        return "{" + ", ".join(expr(d-1, True) for _ in range(random.randint(1,3))) + "}"
    if r < 0.92:
        return f"$signed({expr(d-1, sized)})"
    return f"$unsigned({expr(d-1, sized)})"
print("module t;")
names = []
for i in range(40):
    w = random.choice([1,4,8,16,32,40,64,70])
    s = random.choice(['', 'signed '])
    e = expr(random.choice([2,3,4]))
    if "{" in e and ("'h" in e.split("{",1)[1] and False):
        pass
    print(f"  localparam {s}[{w-1}:0] P{i} = {e};")
    names.append(f"P{i}")
for n in names:
    print(f'  initial $display("%b", {n});')
print("endmodule")
