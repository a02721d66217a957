// Verilator --cc driver for bench/designs/picorv32_cc_top.v: toggles the
// clock and reset of the wrapper directly, with no event-driven testbench,
// until the design calls $finish (at cycle CYCLES, a trap or a bad access).
// The wrapper prints the same lines as tests/picorv32/tb_picorv32.v.
//
// Build: verilator --cc --exe --build -O3 --top-module picorv32_cc_top
//        -GCYCLES=<n> picorv32_cc_top.v picorv32.v picorv32_main.cpp
// Run:   obj_dir/Vpicorv32_cc_top [max-edges]
//        in tests/picorv32 (the design reads data/program.hex). A run that
//        reaches max-edges rising edges without $finish fails.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include "Vpicorv32_cc_top.h"
#include "verilated.h"

// tb_picorv32 does `if (cycles == 10) resetn <= 1` on a rising edge, and its
// `cycles` counts the rising edges before the current one: reset is released
// right after rising edge number 10 (counting from 0).
static const long kResetReleaseEdge = 10;

// Without a max-edges argument: stops a design that never calls $finish,
// far past any cycle count the benchmark asks for.
static const long kDefaultEdgeLimit = 1L << 40;

int main(int argc, char** argv) {
    const auto context = std::make_unique<VerilatedContext>();
    context->commandArgs(argc, argv);
    const long edge_limit = argc > 1 ? std::atol(argv[1]) : kDefaultEdgeLimit;
    const auto top = std::make_unique<Vpicorv32_cc_top>(context.get());
    // The testbench starts with clk = 0 and resetn = 0; its first edge is a
    // rising one (`always #5 clk = ~clk`).
    top->clk = 0;
    top->resetn = 0;
    top->eval();
    long edge = 0;
    for (; edge < edge_limit && !context->gotFinish(); ++edge) {
        top->clk = 1;
        top->eval();
        if (edge == kResetReleaseEdge) top->resetn = 1;
        if (context->gotFinish()) break;
        top->clk = 0;
        top->eval();
    }
    top->final();
    if (!context->gotFinish()) {
        std::fprintf(stderr, "picorv32_main: no $finish after %ld edges\n", edge);
        return 1;
    }
    return 0;
}
