// Verilator --cc driver for bench/designs/rv32_pipe.v: toggles the clock of
// `rv32_pipe_soc` (the core, its memories and the result lines; its reset
// is a power-on counter inside) until the design calls $finish, at cycle
// CYCLES or on an illegal instruction or bad store. The soc prints the same
// lines as the `bench_rv32` testbench, which only adds a clock.
//
// Build: verilator --cc --exe --build -O3 --top-module rv32_pipe_soc
//        -GCYCLES=<n> rv32_pipe.v rv32_main.cpp -CFLAGS -O2
// Run:   obj_dir/Vrv32_pipe_soc [max-edges]
//        in bench/designs (the soc reads data/rv32_program.hex). A run that
//        reaches max-edges rising edges without $finish fails.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include "Vrv32_pipe_soc.h"
#include "verilated.h"

// Without a max-edges argument: stops a design that never calls $finish,
// far past any cycle count the benchmark asks for.
static const long kDefaultEdgeLimit = 1L << 40;

int main(int argc, char** argv) {
    const auto context = std::make_unique<VerilatedContext>();
    context->commandArgs(argc, argv);
    const long edge_limit = argc > 1 ? std::atol(argv[1]) : kDefaultEdgeLimit;
    const auto top = std::make_unique<Vrv32_pipe_soc>(context.get());
    // bench_rv32 starts with clk = 0; its first edge is a rising one.
    top->clk = 0;
    top->eval();
    long edge = 0;
    for (; edge < edge_limit && !context->gotFinish(); ++edge) {
        top->clk = 1;
        top->eval();
        if (context->gotFinish()) break;
        top->clk = 0;
        top->eval();
    }
    top->final();
    if (!context->gotFinish()) {
        std::fprintf(stderr, "rv32_main: no $finish after %ld edges\n", edge);
        return 1;
    }
    return 0;
}
