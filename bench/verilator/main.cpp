// Verilator --cc driver for bench/designs/lfsr_ring.v: toggles the clock of
// the `lfsr_ring` core directly (no event-driven testbench), so this is the
// fastest way Verilator can run the design. Prints the same line as the
// `bench_lfsr` testbench: "N=<n> cycles=<c> signature=<hex>".
//
// Build: verilator --cc --exe --build -O3 -GN=<n> --top-module lfsr_ring
//        lfsr_ring.v main.cpp -CFLAGS -DBENCH_N=<n>
// Run:   obj_dir/Vlfsr_ring <cycles>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include "Vlfsr_ring.h"
#include "verilated.h"

#ifndef BENCH_N
#define BENCH_N 64
#endif

int main(int argc, char** argv) {
    const auto context = std::make_unique<VerilatedContext>();
    context->commandArgs(argc, argv);
    const long cycles = argc > 1 ? std::atol(argv[1]) : 100000;
    const auto top = std::make_unique<Vlfsr_ring>(context.get());
    // Match bench_lfsr: reset is released after the edge of cycle 2, and the
    // signature is printed after `cycles` rising edges.
    top->clk = 0;
    top->rst = 1;
    top->eval();
    for (long cycle = 0; cycle < cycles; ++cycle) {
        top->clk = 1;
        top->eval();
        if (cycle == 2) top->rst = 0;
        top->clk = 0;
        top->eval();
    }
    std::printf("N=%d cycles=%ld signature=%08x\n", BENCH_N, cycles, top->signature);
    top->final();
    return 0;
}
