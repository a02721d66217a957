// Benchmark design: a 5-stage pipelined RV32I core with MUL, written for
// this benchmark in plain synthesizable Verilog-2005, plus its memories.
//
//   rv32_pipe_core  IF / ID / EX / MEM / WB, static not-taken prediction
//                   (a taken branch or jump in EX flushes two slots),
//                   forwarding from MEM and WB, a one-cycle stall on a
//                   load-use hazard, register file with write-through.
//                   Implements LUI AUIPC JAL JALR, the six branches, LW SW,
//                   every OP-IMM and OP instruction, and MUL; anything else
//                   raises `illegal` when it reaches EX.
//   rv32_pipe_soc   the core, a 256-word instruction ROM read from PROGRAM
//                   ($readmemh, data/rv32_program.hex, made by
//                   gen_rv32_program.py), a 1024-word data RAM, the I/O
//                   address 0x1000_0000 (checksum), a power-on reset, and
//                   the result lines: "rv32 io write K: ..." for the first
//                   three checksums, then at cycle CYCLES
//                   "rv32 cycles=... retired=... io_writes=... checksum=..."
//                   and $finish. Its only input is the clock: it is the top
//                   for `verilator --cc` with bench/verilator/rv32_main.cpp.
//   bench_rv32      the self-clocking testbench (wsim, Icarus,
//                   `verilator --binary`): a clock and the soc, nothing else.
//
// Every register the program reads it writes first, so 4-state and 2-state
// simulation print the same lines.
`timescale 1ns / 1ns

module rv32_pipe_core (
  input clk,
  input rst,
  output [31:0] imem_addr,
  input [31:0] imem_rdata,
  output [31:0] dmem_addr,
  output [31:0] dmem_wdata,
  output dmem_we,
  input [31:0] dmem_rdata,
  output reg [31:0] retired,
  output illegal,
  output [31:0] illegal_pc
);
  localparam [6:0] OP_LUI = 7'b0110111, OP_AUIPC = 7'b0010111, OP_JAL = 7'b1101111,
                   OP_JALR = 7'b1100111, OP_BRANCH = 7'b1100011, OP_LOAD = 7'b0000011,
                   OP_STORE = 7'b0100011, OP_IMM = 7'b0010011, OP_REG = 7'b0110011;
  localparam [3:0] ALU_ADD = 4'd0, ALU_SUB = 4'd1, ALU_SLL = 4'd2, ALU_SLT = 4'd3,
                   ALU_SLTU = 4'd4, ALU_XOR = 4'd5, ALU_SRL = 4'd6, ALU_SRA = 4'd7,
                   ALU_OR = 4'd8, ALU_AND = 4'd9, ALU_MUL = 4'd10;

  // ---------------------------------------------------------------- IF
  reg [31:0] pc;
  wire stall;                 // load-use hazard: hold IF and ID, bubble into EX
  wire redirect;              // taken branch or jump in EX
  wire [31:0] redirect_pc;
  assign imem_addr = pc;

  always @(posedge clk) begin
    if (rst) pc <= 32'd0;
    else if (redirect) pc <= redirect_pc;
    else if (!stall) pc <= pc + 32'd4;
  end

  reg d_valid;
  reg [31:0] d_pc, d_ir;
  always @(posedge clk) begin
    if (rst || redirect) d_valid <= 1'b0;
    else if (!stall) begin
      d_valid <= 1'b1;
      d_pc <= pc;
      d_ir <= imem_rdata;
    end
  end

  // ---------------------------------------------------------------- ID
  wire [6:0] d_op = d_ir[6:0];
  wire [4:0] d_rd = d_ir[11:7];
  wire [2:0] d_f3 = d_ir[14:12];
  wire [4:0] d_rs1 = d_ir[19:15];
  wire [4:0] d_rs2 = d_ir[24:20];
  wire [6:0] d_f7 = d_ir[31:25];

  wire [31:0] imm_i = {{20{d_ir[31]}}, d_ir[31:20]};
  wire [31:0] imm_s = {{20{d_ir[31]}}, d_ir[31:25], d_ir[11:7]};
  wire [31:0] imm_b = {{19{d_ir[31]}}, d_ir[31], d_ir[7], d_ir[30:25], d_ir[11:8], 1'b0};
  wire [31:0] imm_u = {d_ir[31:12], 12'b0};
  wire [31:0] imm_j = {{11{d_ir[31]}}, d_ir[31], d_ir[19:12], d_ir[20], d_ir[30:21], 1'b0};

  // Decoded controls of the instruction in ID.
  reg [31:0] c_imm;
  reg [3:0] c_alu;
  reg c_uses_rs1, c_uses_rs2, c_writes, c_imm_b, c_a_pc, c_a_zero;
  reg c_load, c_store, c_branch, c_jal, c_jalr, c_illegal;

  // The ALU operation of an OP / OP-IMM instruction from funct3 and funct7.
  function [3:0] alu_of;
    input [2:0] f3;
    input alt;  // funct7[5]: SUB, SRA
    begin
      case (f3)
        3'd0: alu_of = alt ? ALU_SUB : ALU_ADD;
        3'd1: alu_of = ALU_SLL;
        3'd2: alu_of = ALU_SLT;
        3'd3: alu_of = ALU_SLTU;
        3'd4: alu_of = ALU_XOR;
        3'd5: alu_of = alt ? ALU_SRA : ALU_SRL;
        3'd6: alu_of = ALU_OR;
        default: alu_of = ALU_AND;
      endcase
    end
  endfunction

  always @* begin
    c_imm = imm_i;
    c_alu = ALU_ADD;
    c_uses_rs1 = 1'b0; c_uses_rs2 = 1'b0; c_writes = 1'b0;
    c_imm_b = 1'b1; c_a_pc = 1'b0; c_a_zero = 1'b0;
    c_load = 1'b0; c_store = 1'b0; c_branch = 1'b0; c_jal = 1'b0; c_jalr = 1'b0;
    c_illegal = 1'b0;
    case (d_op)
      OP_LUI: begin c_imm = imm_u; c_a_zero = 1'b1; c_writes = 1'b1; end
      OP_AUIPC: begin c_imm = imm_u; c_a_pc = 1'b1; c_writes = 1'b1; end
      OP_JAL: begin c_imm = imm_j; c_jal = 1'b1; c_writes = 1'b1; end
      OP_JALR: begin
        c_uses_rs1 = 1'b1; c_jalr = 1'b1; c_writes = 1'b1;
        c_illegal = d_f3 != 3'd0;
      end
      OP_BRANCH: begin
        c_imm = imm_b; c_uses_rs1 = 1'b1; c_uses_rs2 = 1'b1; c_branch = 1'b1;
        c_illegal = d_f3 == 3'd2 || d_f3 == 3'd3;
      end
      OP_LOAD: begin
        c_uses_rs1 = 1'b1; c_load = 1'b1; c_writes = 1'b1;
        c_illegal = d_f3 != 3'd2;  // LW only
      end
      OP_STORE: begin
        c_imm = imm_s; c_uses_rs1 = 1'b1; c_uses_rs2 = 1'b1; c_store = 1'b1;
        c_illegal = d_f3 != 3'd2;  // SW only
      end
      OP_IMM: begin
        c_uses_rs1 = 1'b1; c_writes = 1'b1;
        c_alu = alu_of(d_f3, d_f3 == 3'd5 && d_f7[5]);
        c_illegal = (d_f3 == 3'd1 && d_f7 != 7'd0) || (d_f3 == 3'd5 && (d_f7 & 7'b1011111) != 7'd0);
      end
      OP_REG: begin
        c_uses_rs1 = 1'b1; c_uses_rs2 = 1'b1; c_writes = 1'b1; c_imm_b = 1'b0;
        if (d_f7 == 7'b0000001 && d_f3 == 3'd0) c_alu = ALU_MUL;
        else begin
          c_alu = alu_of(d_f3, d_f7[5]);
          c_illegal = !(d_f7 == 7'd0 || (d_f7 == 7'b0100000 && (d_f3 == 3'd0 || d_f3 == 3'd5)));
        end
      end
      default: c_illegal = 1'b1;
    endcase
  end

  // Register file: x0 reads 0; a write in WB this cycle is seen by ID.
  reg [31:0] regs [1:31];
  wire w_write;
  wire [4:0] w_rd;
  wire [31:0] w_data;

  // (Plain expressions, not a function: a continuous assignment is only
  // sensitive to its operands, not to signals a function reads itself.)
  wire [31:0] d_rv1 = d_rs1 == 5'd0 ? 32'd0 : (w_write && w_rd == d_rs1) ? w_data : regs[d_rs1];
  wire [31:0] d_rv2 = d_rs2 == 5'd0 ? 32'd0 : (w_write && w_rd == d_rs2) ? w_data : regs[d_rs2];

  // ---------------------------------------------------------------- ID/EX
  reg e_valid;
  reg [31:0] e_pc, e_rv1, e_rv2, e_imm;
  reg [4:0] e_rd, e_rs1, e_rs2;
  reg [3:0] e_alu;
  reg [2:0] e_f3;
  reg e_writes, e_imm_b, e_a_pc, e_a_zero, e_load, e_store, e_branch, e_jal, e_jalr, e_illegal;

  assign stall = d_valid && e_valid && e_load && e_rd != 5'd0 &&
                 ((c_uses_rs1 && d_rs1 == e_rd) || (c_uses_rs2 && d_rs2 == e_rd));

  always @(posedge clk) begin
    if (rst || redirect || stall) e_valid <= 1'b0;
    else e_valid <= d_valid;
    e_pc <= d_pc; e_rv1 <= d_rv1; e_rv2 <= d_rv2; e_imm <= c_imm;
    e_rd <= c_writes ? d_rd : 5'd0;
    e_rs1 <= c_uses_rs1 ? d_rs1 : 5'd0;
    e_rs2 <= c_uses_rs2 ? d_rs2 : 5'd0;
    e_alu <= c_alu; e_f3 <= d_f3;
    e_writes <= c_writes; e_imm_b <= c_imm_b; e_a_pc <= c_a_pc; e_a_zero <= c_a_zero;
    e_load <= c_load; e_store <= c_store; e_branch <= c_branch;
    e_jal <= c_jal; e_jalr <= c_jalr; e_illegal <= c_illegal;
  end

  // ---------------------------------------------------------------- EX
  reg m_valid, m_load, m_store;
  reg [4:0] m_rd;
  reg [31:0] m_result, m_store_data;

  // Forwarding: the newest producer wins (MEM before WB). A load in MEM
  // never feeds EX: the load-use stall put a bubble between them.
  wire fwd1_m = m_valid && m_rd != 5'd0 && m_rd == e_rs1;
  wire fwd1_w = w_write && w_rd == e_rs1 && e_rs1 != 5'd0;
  wire fwd2_m = m_valid && m_rd != 5'd0 && m_rd == e_rs2;
  wire fwd2_w = w_write && w_rd == e_rs2 && e_rs2 != 5'd0;
  wire [31:0] x_rs1 = fwd1_m ? m_result : fwd1_w ? w_data : e_rv1;
  wire [31:0] x_rs2 = fwd2_m ? m_result : fwd2_w ? w_data : e_rv2;

  wire [31:0] alu_a = e_a_zero ? 32'd0 : e_a_pc ? e_pc : x_rs1;
  wire [31:0] alu_b = e_imm_b ? e_imm : x_rs2;
  reg [31:0] alu_y;
  always @* begin
    case (e_alu)
      ALU_ADD: alu_y = alu_a + alu_b;
      ALU_SUB: alu_y = alu_a - alu_b;
      ALU_SLL: alu_y = alu_a << alu_b[4:0];
      ALU_SLT: alu_y = {31'd0, $signed(alu_a) < $signed(alu_b)};
      ALU_SLTU: alu_y = {31'd0, alu_a < alu_b};
      ALU_XOR: alu_y = alu_a ^ alu_b;
      ALU_SRL: alu_y = alu_a >> alu_b[4:0];
      ALU_SRA: alu_y = $signed(alu_a) >>> alu_b[4:0];
      ALU_OR: alu_y = alu_a | alu_b;
      ALU_AND: alu_y = alu_a & alu_b;
      ALU_MUL: alu_y = alu_a * alu_b;
      default: alu_y = 32'd0;
    endcase
  end

  reg take;
  always @* begin
    case (e_f3)
      3'd0: take = x_rs1 == x_rs2;
      3'd1: take = x_rs1 != x_rs2;
      3'd4: take = $signed(x_rs1) < $signed(x_rs2);
      3'd5: take = $signed(x_rs1) >= $signed(x_rs2);
      3'd6: take = x_rs1 < x_rs2;
      default: take = x_rs1 >= x_rs2;
    endcase
  end

  assign redirect = e_valid && (e_jal || e_jalr || (e_branch && take));
  assign redirect_pc = e_jalr ? ((x_rs1 + e_imm) & ~32'd1) : e_pc + e_imm;
  assign illegal = e_valid && e_illegal;
  assign illegal_pc = e_pc;

  always @(posedge clk) begin
    m_valid <= !rst && e_valid && !e_illegal;
    m_rd <= e_writes ? e_rd : 5'd0;
    m_load <= e_load;
    m_store <= e_store;
    m_result <= (e_jal || e_jalr) ? e_pc + 32'd4 : alu_y;
    m_store_data <= x_rs2;
  end

  // ---------------------------------------------------------------- MEM
  assign dmem_addr = m_result;
  assign dmem_wdata = m_store_data;
  assign dmem_we = m_valid && m_store;

  reg w_valid;
  reg [4:0] w_rd_q;
  reg [31:0] w_data_q;
  always @(posedge clk) begin
    w_valid <= !rst && m_valid;
    w_rd_q <= m_rd;
    w_data_q <= m_load ? dmem_rdata : m_result;
  end

  // ---------------------------------------------------------------- WB
  assign w_write = w_valid && w_rd_q != 5'd0;
  assign w_rd = w_rd_q;
  assign w_data = w_data_q;

  always @(posedge clk) begin
    if (w_write) regs[w_rd_q] <= w_data_q;
    if (rst) retired <= 32'd0;
    else if (w_valid) retired <= retired + 32'd1;
  end
endmodule

module rv32_pipe_soc #(
  parameter CYCLES = 1000000,
  parameter PROGRAM = "data/rv32_program.hex"
) (
  input clk
);
  // Power-on reset: held for the first 15 rising edges.
  reg [3:0] por = 4'd0;
  wire rst = por != 4'd15;
  always @(posedge clk) if (rst) por <= por + 4'd1;

  wire [31:0] imem_addr, dmem_addr, dmem_wdata, retired, illegal_pc;
  wire dmem_we, illegal;
  reg [31:0] imem [0:255];
  reg [31:0] dmem [0:1023];
  initial $readmemh(PROGRAM, imem);

  wire io = dmem_addr[31:28] == 4'h1;
  wire [31:0] dmem_rdata = dmem[dmem_addr[11:2]];

  rv32_pipe_core core (
    .clk(clk), .rst(rst),
    .imem_addr(imem_addr), .imem_rdata(imem[imem_addr[9:2]]),
    .dmem_addr(dmem_addr), .dmem_wdata(dmem_wdata), .dmem_we(dmem_we), .dmem_rdata(dmem_rdata),
    .retired(retired), .illegal(illegal), .illegal_pc(illegal_pc)
  );

  always @(posedge clk) if (dmem_we && !io) dmem[dmem_addr[11:2]] <= dmem_wdata;

  reg [31:0] cycles = 0, io_writes = 0, checksum = 0;
  always @(posedge clk) begin
    cycles <= cycles + 1;
    if (dmem_we && io) begin
      checksum <= dmem_wdata;
      io_writes <= io_writes + 1;
      if (io_writes < 3) $display("rv32 io write %0d: checksum=%h", io_writes, dmem_wdata);
    end
    if (dmem_we && !io && dmem_addr[31:12] != 20'd0) begin
      $display("rv32 bad store at %h, cycle %0d", dmem_addr, cycles);
      $finish;
    end
    if (illegal) begin
      $display("rv32 illegal instruction at pc=%h, cycle %0d", illegal_pc, cycles);
      $finish;
    end
    if (cycles == CYCLES) begin
      $display("rv32 cycles=%0d retired=%0d io_writes=%0d checksum=%h", cycles, retired, io_writes, checksum);
      $finish;
    end
  end
endmodule

module bench_rv32;
  parameter CYCLES = 1000000;
  reg clk = 0;
  rv32_pipe_soc #(.CYCLES(CYCLES)) soc (.clk(clk));
  always #5 clk = ~clk;
endmodule
