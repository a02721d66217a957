//! Random synthesizable designs with a testbench, for differential runs of
//! wsim's optimised static schedule against Icarus (`tests/random_rtl.rs`).
//!
//! A design is what the static schedule and the optimisation passes see
//! in real RTL: inputs, registers written by NBAs in clocked blocks,
//! continuous assignments (fields of a register, read in place by
//! `substitute_wires`; constants, folded), `always @*` blocks with
//! default assignments, `if` and `case`, functions (pure ones anywhere, a
//! static one with a counter only where it runs once per edge), one memory
//! written at a variable index, widths on both sides of 32 and 64 bits,
//! signed values and four-state constants.
//!
//! Every value the testbench prints is settled and race-free: inputs change
//! one time unit before the rising edge, registers are written only with
//! NBAs, each by one block, combinational blocks and wires read only what
//! is declared before them (no loop), `always @*` blocks first run on a
//! change at time 1 (not at time 0, a race), a function that counts its
//! calls is called from one block, and the output is printed one unit
//! after the edge. So every correct simulator prints the same text,
//! glitches and evaluation order aside.
//!
//! `known` designs have no X or Z anywhere (registers start at constants,
//! no four-state constant, no division, no index out of range), so
//! `--two-state` must print what Icarus prints too.

/// xorshift64*: small, seedable, the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const WIDTHS: &[u32] = &[1, 2, 3, 5, 8, 13, 16, 31, 32, 33, 48, 63, 64, 65, 80, 128];

#[derive(Clone)]
struct Sig {
    name: String,
    width: u32,
}

struct Func {
    name: String,
    args: Vec<u32>,
    /// Keeps a counter between calls: called only from clocked blocks.
    stateful: bool,
}

struct Gen {
    rng: Rng,
    known: bool,
    out: String,
    funcs: Vec<Func>,
    /// Depth of memory `mem` (0: none) and its width.
    mem: (u32, u32),
    /// Generating the clocked block that may call the stateful functions.
    counting_block: bool,
    /// The loop variable of the block being generated (a loop's body is
    /// one assignment: loops do not nest).
    loop_var: Option<String>,
}

/// A random design and testbench (module `top`) for `seed`.
pub fn generate(seed: u64, known: bool) -> String {
    let mut g = Gen {
        rng: Rng::new(seed),
        known,
        out: String::new(),
        funcs: Vec::new(),
        mem: (0, 0),
        counting_block: false,
        loop_var: None,
    };
    g.design(seed);
    g.out
}

impl Gen {
    fn line(&mut self, s: impl AsRef<str>) {
        self.out.push_str(s.as_ref());
        self.out.push('\n');
    }

    fn width(&mut self) -> u32 {
        *self.rng.pick(WIDTHS)
    }

    /// A `reg`; a register (`state`) with an initial value, always when
    /// `known`, else mostly: X feeds back through the state and would
    /// swamp the rest. (An input gets its value from the testbench at
    /// time 0, which an initializer could race.)
    fn decl(&mut self, state: bool, name: &str, width: u32, signed: bool) -> Sig {
        let s = if signed { " signed" } else { "" };
        let init = state && (self.known || self.rng.chance(75));
        let init = if init { format!(" = {}", self.constant(width)) } else { String::new() };
        self.line(format!("  reg{s} [{}:0] {name}{init};", width - 1));
        Sig { name: name.to_string(), width }
    }

    fn design(&mut self, seed: u64) {
        let mode = if self.known { "known" } else { "four-state" };
        self.line(format!("// random_rtl seed {seed} ({mode})"));
        let child = self.rng.chance(50).then(|| self.child_module());
        self.line("module top;");
        self.line("  reg clk = 0;");
        self.line("  reg start;");
        let reset = self.rng.chance(40);
        if reset {
            self.line("  reg rst;");
        }
        let inputs: Vec<Sig> = (0..2 + self.rng.below(3))
            .map(|i| {
                let (w, s) = (self.width(), self.rng.chance(25));
                self.decl(false, &format!("in{i}"), w, s)
            })
            .collect();
        let states: Vec<Sig> = (0..3 + self.rng.below(4))
            .map(|i| {
                let (w, s) = (self.width(), self.rng.chance(25));
                self.decl(true, &format!("r{i}"), w, s)
            })
            .collect();
        // before the memory: a function body reads only its arguments
        // (`@*` does not watch what a called function reads)
        self.functions();
        if self.rng.chance(60) {
            self.memory();
        }
        let mut avail: Vec<Sig> = inputs.iter().chain(&states).cloned().collect();
        let (mut wires, mut blocks) = (0, 0);
        for k in 0..3 + self.rng.below(7) {
            if let (Some(ports), true) = (&child, k < 3 && self.rng.chance(50)) {
                let outs = self.instance(k, ports, &avail);
                avail.extend(outs);
            } else if self.rng.chance(65) {
                let w = self.wire(wires, &avail);
                avail.push(w);
                wires += 1;
            } else {
                let outs = self.comb_block(blocks, &avail);
                avail.extend(outs);
                blocks += 1;
            }
        }
        self.clocked_blocks(&states, &avail, reset);
        self.testbench(&inputs, &avail, reset);
        self.line("endmodule");
    }

    fn memory(&mut self) {
        let (depth, width) = (*self.rng.pick(&[4, 8]), self.width());
        self.line(format!("  reg [{}:0] mem [0:{}];", width - 1, depth - 1));
        if self.known {
            self.line(format!("  integer mi; initial for (mi = 0; mi < {depth}; mi = mi + 1) mem[mi] = mi;"));
        }
        self.mem = (depth, width);
    }

    fn functions(&mut self) {
        for i in 0..self.rng.below(3) {
            let width = self.width();
            let args: Vec<u32> = (0..1 + self.rng.below(2)).map(|_| self.width()).collect();
            let stateful = self.rng.chance(30);
            let name = format!("f{i}");
            let formals: Vec<String> =
                args.iter().enumerate().map(|(k, w)| format!("input [{}:0] a{k}", w - 1)).collect();
            self.line(format!("  function [{}:0] {name}({});", width - 1, formals.join(", ")));
            let params: Vec<Sig> =
                args.iter().enumerate().map(|(k, &w)| Sig { name: format!("a{k}"), width: w }).collect();
            if stateful {
                self.line("    reg [7:0] n;");
            }
            self.line("    begin");
            if stateful {
                let start = if self.known { "n = 8'd0" } else { "n = 8'd3" };
                self.line(format!("      if (n === 8'bx) {start};"));
                self.line("      n = n + 8'd1;");
            }
            if self.rng.chance(50) {
                let subject = self.expr(2, &params);
                self.line(format!("      case ({{{subject}}})"));
                for _ in 0..1 + self.rng.below(3) {
                    let (label, value) = (self.label(3), self.expr(2, &params));
                    self.line(format!("        {label}: {name} = {value};"));
                }
                let value = self.expr(2, &params);
                self.line(format!("        default: {name} = {value};"));
                self.line("      endcase");
            } else {
                let value = self.expr(3, &params);
                self.line(format!("      {name} = {value};"));
            }
            if stateful {
                self.line(format!("      {name} = {name} ^ n;"));
            }
            self.line("    end");
            self.line("  endfunction");
            self.funcs.push(Func { name, args, stateful });
        }
    }

    /// A continuous assignment: a field or concatenation of fields (what
    /// `substitute_wires` reads in place) or any expression.
    fn wire(&mut self, i: usize, avail: &[Sig]) -> Sig {
        let width = self.width();
        let value = match self.rng.below(3) {
            0 => self.field(avail),
            1 => format!("{{{}, {}}}", self.field(avail), self.field(avail)),
            _ => self.expr(3, avail),
        };
        let name = format!("w{i}");
        self.line(format!("  wire [{}:0] {name} = {value};", width - 1));
        Sig { name, width }
    }

    /// `always @*` that waits for `start` (see [`Self::testbench`]), with
    /// a default for every output, then branches.
    fn comb_block(&mut self, b: usize, avail: &[Sig]) -> Vec<Sig> {
        let outs: Vec<Sig> = (0..1 + self.rng.below(3))
            .map(|k| {
                let (w, s) = (self.width(), self.rng.chance(20));
                let name = format!("c{b}_{k}");
                self.line(format!("  reg{} [{}:0] {name};", if s { " signed" } else { "" }, w - 1));
                Sig { name, width: w }
            })
            .collect();
        let var = format!("i{b}");
        self.line(format!("  integer {var};"));
        self.loop_var = Some(var);
        // (not `always_comb`: Icarus 11 runs some of those forever)
        self.line("  always @* if (start) begin");
        for o in &outs {
            let v = self.expr(2, avail);
            self.line(format!("    {} = {v};", o.name));
        }
        // an output may be read after its default (`@*` does not wait on
        // its own writes)
        let mut seen: Vec<Sig> = avail.to_vec();
        seen.extend(outs.iter().cloned());
        for _ in 0..1 + self.rng.below(3) {
            self.statement(2, &outs, &seen, false, "=");
        }
        self.line("  end");
        self.loop_var = None;
        outs
    }

    /// Blocks at the rising (and maybe the falling) edge; each register is
    /// written by one of them, with NBAs.
    /// With `reset`, the first block also runs at the rising edge of
    /// `rst` and then sets its registers to constants.
    fn clocked_blocks(&mut self, states: &[Sig], avail: &[Sig], reset: bool) {
        let blocks = 1 + self.rng.below(3);
        let mut owned: Vec<Vec<Sig>> = vec![Vec::new(); blocks];
        for s in states {
            owned[self.rng.below(blocks)].push(s.clone());
        }
        for (b, targets) in owned.iter().enumerate() {
            let edge = if b == 1 && self.rng.chance(30) { "negedge" } else { "posedge" };
            let var = format!("k{b}");
            self.line(format!("  integer {var};"));
            self.loop_var = Some(var);
            let resets = reset && b == 0;
            if resets {
                self.line("  always @(posedge clk or posedge rst) if (rst) begin");
                for t in targets {
                    let value = self.constant(t.width);
                    self.line(format!("    {} <= {value};", t.name));
                }
                self.line("  end else begin");
            } else {
                self.line(format!("  always @({edge} clk) begin"));
            }
            let writes_mem = b == 0 && self.mem.0 > 0;
            // a function that counts its calls runs in one block, so the
            // order of the blocks at an edge cannot show
            self.counting_block = b == 0;
            for _ in 0..1 + self.rng.below(4) {
                self.statement(3, targets, avail, writes_mem, "<=");
            }
            self.line("  end");
        }
        self.counting_block = false;
        self.loop_var = None;
    }

    /// Module `child`: a combinational output of its inputs and a
    /// parameter, and a register. Returns its ports' widths (a, b, y, q).
    fn child_module(&mut self) -> [u32; 4] {
        let ports = [self.width(), self.width(), self.width(), self.width()];
        let [a, b, _, q] = ports;
        let [a1, b1, y1, q1] = ports.map(|w| w - 1);
        self.line(format!(
            "module child #(parameter P = 1) (input clk, input [{a1}:0] a, input [{b1}:0] b, \
             output [{y1}:0] y, output reg [{q1}:0] q);"
        ));
        let funcs = std::mem::take(&mut self.funcs);
        let mem = std::mem::take(&mut self.mem);
        let own = [("a", a), ("b", b), ("q", q), ("P", 32)].map(|(n, w)| Sig { name: n.to_string(), width: w });
        if self.known || self.rng.chance(75) {
            let value = self.constant(q);
            self.line(format!("  initial q = {value};"));
        }
        let value = self.expr(3, &own);
        self.line(format!("  assign y = {value};"));
        let value = self.expr(3, &own);
        self.line(format!("  always @(posedge clk) q <= {value};"));
        self.line("endmodule");
        (self.funcs, self.mem) = (funcs, mem);
        ports
    }

    /// Instance `u{k}` of `child`, its inputs expressions of `avail`.
    fn instance(&mut self, k: usize, ports: &[u32; 4], avail: &[Sig]) -> Vec<Sig> {
        let [_, _, y, q] = *ports;
        let outs = [format!("u{k}_y"), format!("u{k}_q")];
        self.line(format!("  wire [{}:0] {};", y - 1, outs[0]));
        self.line(format!("  wire [{}:0] {};", q - 1, outs[1]));
        let (a, b, p) = (self.expr(2, avail), self.expr(2, avail), self.rng.below(5));
        // each input a concatenation, whose width is its own: Icarus 11
        // evaluates a connection at its own width, not the port's
        // (tests/sim/port_expression_width.v)
        self.line(format!(
            "  child #(.P({p})) u{k} (.clk(clk), .a({{{a}}}), .b({{{b}}}), .y({}), .q({}));",
            outs[0], outs[1]
        ));
        vec![Sig { name: outs[0].clone(), width: y }, Sig { name: outs[1].clone(), width: q }]
    }

    /// An assignment to one of `targets`, or an `if` / `case` of such.
    fn statement(&mut self, depth: u32, targets: &[Sig], avail: &[Sig], mem: bool, op: &str) {
        let indent = "  ".repeat(5 - depth as usize);
        let clocked = op == "<=";
        let looping = self.loop_var.is_some() && !targets.is_empty();
        match self.rng.below(if depth == 0 {
            1
        } else if looping {
            5
        } else {
            4
        }) {
            0 | 1 if targets.is_empty() && !mem => {}
            0 | 1 => {
                if mem && (targets.is_empty() || self.rng.chance(30)) {
                    let (index, value) = (self.index(self.mem.0, avail), self.expr(2, avail));
                    self.line(format!("{indent}mem[{index}] {op} {value};"));
                } else {
                    let t = self.rng.pick(targets).clone();
                    let counted = clocked && self.counting_block && self.rng.chance(40);
                    let counter = if counted { self.call_of(true, 2, avail) } else { None };
                    let value = counter.unwrap_or_else(|| self.expr(3, avail));
                    let lhs = self.lvalue(&t, avail);
                    self.line(format!("{indent}{lhs} {op} {value};"));
                }
            }
            2 => {
                let cond = self.expr(2, avail);
                self.line(format!("{indent}if ({cond}) begin"));
                self.statement(depth - 1, targets, avail, mem, op);
                if self.rng.chance(50) {
                    self.line(format!("{indent}end else begin"));
                    self.statement(depth - 1, targets, avail, mem, op);
                }
                self.line(format!("{indent}end"));
            }
            4 => {
                let var = self.loop_var.clone().unwrap_or_default();
                let t = self.rng.pick(targets).clone();
                let count = t.width.min(1 + self.rng.below(8) as u32);
                self.line(format!("{indent}for ({var} = 0; {var} < {count}; {var} = {var} + 1) begin"));
                let mut inner = avail.to_vec();
                inner.push(Sig { name: var.clone(), width: 32 });
                let value = self.expr(2, &inner);
                self.line(format!("{indent}  {}[{var}] {op} {value};", t.name));
                self.line(format!("{indent}end"));
            }
            _ => {
                let kind = *self.rng.pick(&["case", "casez", "casex"]);
                let kind = if self.known && kind != "case" { "case" } else { kind };
                // a concatenation, unsigned: Icarus 11 extends a signed
                // subject wrongly, even under `$unsigned`
                // (tests/sim/case_signed_subject_extension.v)
                let subject = self.expr(2, avail);
                self.line(format!("{indent}{kind} ({{{subject}}})"));
                for _ in 0..1 + self.rng.below(3) {
                    let label_width = *self.rng.pick(&[1, 2, 4, 8]);
                    let label = self.label(label_width);
                    self.line(format!("{indent}  {label}: begin"));
                    self.statement(depth - 1, targets, avail, mem, op);
                    self.line(format!("{indent}  end"));
                }
                if self.rng.chance(60) {
                    self.line(format!("{indent}  default: begin"));
                    self.statement(depth - 1, targets, avail, mem, op);
                    self.line(format!("{indent}  end"));
                }
                self.line(format!("{indent}endcase"));
            }
        }
    }

    /// `t` whole, or a bit or part of it (an index out of range or unknown
    /// writes nothing).
    fn lvalue(&mut self, t: &Sig, avail: &[Sig]) -> String {
        match self.rng.below(6) {
            0 if t.width > 1 => {
                let lo = self.rng.below(t.width as usize) as u32;
                let hi = lo + self.rng.below((t.width - lo) as usize) as u32;
                format!("{}[{hi}:{lo}]", t.name)
            }
            1 => format!("{}[{}]", t.name, self.index(t.width, avail)),
            2 if t.width >= 4 => {
                let w = 1 + self.rng.below(t.width as usize / 2) as u32;
                format!("{}[{} +: {w}]", t.name, self.index(t.width - w + 1, avail))
            }
            _ => t.name.clone(),
        }
    }

    /// `start` rises at time 1, then each cycle: new inputs, a rising
    /// edge, the settled values printed, a falling edge.
    ///
    /// Whether an `always @*` sees a change at time 0 is a race (1800-2017
    /// 4.7: the order in which processes start is not defined; Icarus and
    /// wsim differ where a continuous assignment or the testbench makes
    /// one), so those blocks run first on `start`'s change.
    fn testbench(&mut self, inputs: &[Sig], shown: &[Sig], reset: bool) {
        self.line("  initial begin");
        self.line("    #1 start = 1;");
        for cycle in 0..12 {
            if reset {
                let value = u8::from(cycle == 0 || self.rng.chance(15));
                self.line(format!("    rst = {value};"));
            }
            for i in inputs {
                let value = self.constant(i.width);
                self.line(format!("    {} = {value};", i.name));
            }
            self.line("    #1 clk = 1;");
            let formats = vec!["%b"; shown.len()].join(" ");
            let names: Vec<&str> = shown.iter().map(|s| s.name.as_str()).collect();
            self.line(format!("    #1 $display(\"{cycle}: {formats}\", {});", names.join(", ")));
            if self.mem.0 > 0 {
                let words: Vec<String> = (0..self.mem.0).map(|k| format!("mem[{k}]")).collect();
                let formats = vec!["%h"; words.len()].join(" ");
                self.line(format!("    $display(\"{cycle}m: {formats}\", {});", words.join(", ")));
            }
            self.line("    clk = 0;");
            self.line("    #1;");
        }
        self.line("    $finish;");
        self.line("  end");
    }

    /// A sized constant, with X digits now and then unless `known`. (No
    /// Z: where `?:` merges two Z bits, Icarus 11 keeps Z, not X,
    /// tests/sim/cond_unknown_select.v.)
    fn constant(&mut self, width: u32) -> String {
        self.digits(width, &['0', '1', '1', 'x'])
    }

    /// A case label: Z digits too (wildcards in `casez` and `casex`).
    fn label(&mut self, width: u32) -> String {
        self.digits(width, &['0', '1', '1', 'x', 'z'])
    }

    fn digits(&mut self, width: u32, four_state: &[char]) -> String {
        let digits: &[char] = if !self.known && self.rng.chance(6) { four_state } else { &['0', '1'] };
        let bits: String = (0..width).map(|_| *self.rng.pick(digits)).collect();
        format!("{width}'b{bits}")
    }

    /// A select of constant bounds, or a whole signal.
    fn field(&mut self, avail: &[Sig]) -> String {
        let s = self.rng.pick(avail).clone();
        if s.width == 1 || self.rng.chance(20) {
            return s.name;
        }
        let lo = self.rng.below(s.width as usize) as u32;
        let hi = lo + self.rng.below((s.width - lo) as usize) as u32;
        if hi == lo {
            format!("{}[{lo}]", s.name)
        } else if hi - lo + 1 == s.width {
            // all of it: Icarus 11 reads such a select of a signed vector
            // as signed (tests/sim/index_part_select_of_signed.v)
            s.name
        } else {
            format!("{}[{hi}:{lo}]", s.name)
        }
    }

    /// An index into something `size` long: a few low bits of a signal
    /// or a number (out of range reads X, writes nothing), wrapped into
    /// range when `known`.
    fn index(&mut self, size: u32, avail: &[Sig]) -> String {
        let e = if self.rng.chance(30) {
            format!("{}", self.rng.below(size as usize + 2))
        } else {
            let s = self.rng.pick(avail).clone();
            let top = (self.rng.below(4) as u32).min(s.width - 1);
            // (`$unsigned`: Icarus 11 reads a part-select of a signed
            // vector as signed, tests/sim/index_part_select_of_signed.v)
            if s.width == 1 {
                s.name
            } else {
                format!("$unsigned({}[{top}:0])", s.name)
            }
        };
        if self.known {
            format!("($unsigned({e}) % {size})")
        } else {
            e
        }
    }

    /// An expression over `avail` (and pure functions of it).
    fn expr(&mut self, depth: u32, avail: &[Sig]) -> String {
        if depth == 0 || self.rng.chance(20) {
            return self.leaf(avail);
        }
        let d = depth - 1;
        match self.rng.below(12) {
            0..=3 => {
                let ops: &[&str] = if self.known {
                    &["+", "-", "*", "&", "|", "^", "~^", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "===", "!=="]
                } else {
                    &[
                        "+", "-", "*", "&", "|", "^", "~^", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "===", "!==",
                        "/", "%",
                    ]
                };
                let op = *self.rng.pick(ops);
                format!("({} {op} {})", self.expr(d, avail), self.expr(d, avail))
            }
            4 => {
                let op = *self.rng.pick(&["<<", ">>", "<<<", ">>>"]);
                let amount = if self.rng.chance(50) { format!("{}", self.rng.below(70)) } else { self.field(avail) };
                format!("({} {op} {amount})", self.expr(d, avail))
            }
            5 => {
                let op = *self.rng.pick(&["~", "!", "-", "&", "|", "^", "~&", "~|", "~^"]);
                format!("({op}{})", self.expr(d, avail))
            }
            6 => format!("({} ? {} : {})", self.expr(d, avail), self.expr(d, avail), self.expr(d, avail)),
            7 => format!("{{{}, {}}}", self.expr(d, avail), self.field(avail)),
            8 => format!("{{{}{{{}}}}}", 1 + self.rng.below(3), self.field(avail)),
            9 => {
                let f = *self.rng.pick(&["$signed", "$unsigned"]);
                format!("{f}({})", self.expr(d, avail))
            }
            10 => self.variable_select(avail),
            _ => self.call(d, avail),
        }
    }

    fn leaf(&mut self, avail: &[Sig]) -> String {
        match self.rng.below(10) {
            0 | 1 => {
                let w = self.width();
                self.constant(w)
            }
            2 if self.mem.0 > 0 => format!("mem[{}]", self.index(self.mem.0, avail)),
            3 => self.field(avail),
            _ => self.rng.pick(avail).name.clone(),
        }
    }

    /// `sig[expr]` or `sig[expr +: w]`.
    fn variable_select(&mut self, avail: &[Sig]) -> String {
        let s = self.rng.pick(avail).clone();
        if s.width < 4 || self.rng.chance(50) {
            return format!("{}[{}]", s.name, self.index(s.width, avail));
        }
        let w = 1 + self.rng.below(s.width as usize / 2) as u32;
        let base = self.index(s.width - w + 1, avail);
        format!("{}[{base} +: {w}]", s.name)
    }

    /// A call of a function that is `stateful` or not, if there is one.
    fn call_of(&mut self, stateful: bool, depth: u32, avail: &[Sig]) -> Option<String> {
        let usable: Vec<usize> = (0..self.funcs.len()).filter(|&i| self.funcs[i].stateful == stateful).collect();
        let f = *self.rng.pick(usable.get(..).filter(|u| !u.is_empty())?);
        let n = self.funcs[f].args.len();
        let args: Vec<String> = (0..n).map(|_| self.expr(depth.min(1), avail)).collect();
        Some(format!("{}({})", self.funcs[f].name, args.join(", ")))
    }

    fn call(&mut self, depth: u32, avail: &[Sig]) -> String {
        self.call_of(false, depth, avail).unwrap_or_else(|| self.leaf(avail))
    }
}
