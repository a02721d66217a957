//! top = "tb_picorv32"
// picorv32 (YosysHQ, not committed: its path comes from PICORV32_V) running
// data/program.hex, a checksum loop written by gen_program.py, for
// 1,000,000 clock cycles. The core uses its native memory interface; the
// memory model answers one cycle after mem_valid. Writes to 0x1000_0000 /
// 0x1000_0004 are the program's checksum and its rdinstret count.
`timescale 1ns / 1ns
module tb_picorv32;
  parameter CYCLES = 1000000;
  parameter MEM_WORDS = 4096;

  reg clk = 0;
  reg resetn = 0;
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
    $readmemh("data/program.hex", rom);
    for (i = 0; i < MEM_WORDS; i = i + 1) memory[i] = (i < 64) ? rom[i] : 32'd0;
  end

  always #5 clk = ~clk;

  always @(posedge clk) begin
    cycles <= cycles + 1;
    if (cycles == 10) resetn <= 1;
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
// ---- expected output ----
//| io write 0: checksum=1aaaad44
//| io write 1: checksum=254960dc
//| io write 2: checksum=795a8148
//| cycles=1000000 fetches=189156 io_writes=52
//| checksum=10b55a43 instret=173266 trap=0
