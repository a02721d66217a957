// Clockless, synthesizable twin of tests/picorv32/tb_picorv32.v for
// `verilator --cc` with the C++ driver bench/verilator/picorv32_main.cpp.
//
// Everything the testbench does on a clock edge is here, unchanged: the
// picorv32 core (from $PICORV32_V), the memory model that answers one cycle
// after mem_valid, the I/O addresses 0x1000_0000 / 0x1000_0004, the program
// loaded from data/program.hex, the same $display lines and the same
// $finish at cycle CYCLES. Only the clock and reset come from outside: the
// driver toggles `clk` and raises `resetn` after the edge where the
// testbench does (`if (cycles == 10) resetn <= 1`), so both runs see the
// same sequence of edges and must print the same lines.
`timescale 1ns / 1ns
module picorv32_cc_top #(
  parameter CYCLES = 1000000,
  parameter MEM_WORDS = 4096,
  parameter PROGRAM = "data/program.hex"
) (
  input clk,
  input resetn
);
  wire trap;
  wire mem_valid, mem_instr;
  reg mem_ready = 0;
  wire [31:0] mem_addr, mem_wdata;
  wire [3:0] mem_wstrb;
  reg [31:0] mem_rdata = 0;

  picorv32 cpu (
    .clk(clk), .resetn(resetn), .trap(trap),
    .mem_valid(mem_valid), .mem_instr(mem_instr), .mem_ready(mem_ready),
    .mem_addr(mem_addr), .mem_wdata(mem_wdata), .mem_wstrb(mem_wstrb), .mem_rdata(mem_rdata)
  );

  reg [31:0] memory [0:MEM_WORDS-1];
  reg [31:0] rom [0:63];
  reg [31:0] checksum = 0, instret = 0, io_writes = 0, fetches = 0, cycles = 0;
  integer i;

  initial begin
    $readmemh(PROGRAM, rom);
    for (i = 0; i < MEM_WORDS; i = i + 1) memory[i] = (i < 64) ? rom[i] : 32'd0;
  end

  always @(posedge clk) begin
    cycles <= cycles + 1;
    if (cycles == CYCLES) begin
      $display("cycles=%0d fetches=%0d io_writes=%0d", cycles, fetches, io_writes);
      $display("checksum=%h instret=%0d trap=%b", checksum, instret, trap);
      $finish;
    end
  end

  // The memory model: one access per request, answered on the next edge.
  always @(posedge clk) begin
    mem_ready <= 0;
    if (mem_valid && !mem_ready) begin
      mem_ready <= 1;
      if (mem_instr) fetches <= fetches + 1;
      if (mem_addr == 32'h1000_0000 && mem_wstrb != 0) begin
        checksum <= mem_wdata;
        io_writes <= io_writes + 1;
        if (io_writes < 3) $display("io write %0d: checksum=%h", io_writes, mem_wdata);
      end else if (mem_addr == 32'h1000_0004 && mem_wstrb != 0) begin
        instret <= mem_wdata;
      end else if (mem_addr < 4 * MEM_WORDS) begin
        mem_rdata <= memory[mem_addr >> 2];
        if (mem_wstrb[0]) memory[mem_addr >> 2][7:0] <= mem_wdata[7:0];
        if (mem_wstrb[1]) memory[mem_addr >> 2][15:8] <= mem_wdata[15:8];
        if (mem_wstrb[2]) memory[mem_addr >> 2][23:16] <= mem_wdata[23:16];
        if (mem_wstrb[3]) memory[mem_addr >> 2][31:24] <= mem_wdata[31:24];
      end else begin
        $display("bad access at %h", mem_addr);
        $finish;
      end
    end
  end

  always @(posedge clk) if (resetn && trap) begin
    $display("trap at cycle %0d", cycles);
    $finish;
  end
endmodule
