// A small multi-cycle RV32I-style core in plain Verilog-2005, written in the
// style of picorv32: parameters, memories, functions, generate loops,
// always @*, case statements and a native memory interface.
`timescale 1ns / 1ps

module tiny_rv32 #(
    parameter [0:0] ENABLE_COUNTERS = 1,
    parameter [0:0] ENABLE_REGS_16_31 = 1,
    parameter [31:0] PROGADDR_RESET = 32'h0000_0000,
    parameter [31:0] STACKADDR = 32'hffff_ffff,
    parameter integer NUM_IRQ = 4
) (
    input clk, resetn,
    output reg trap,

    output reg        mem_valid,
    output reg        mem_instr,
    input             mem_ready,
    output reg [31:0] mem_addr,
    output reg [31:0] mem_wdata,
    output reg [ 3:0] mem_wstrb,
    input      [31:0] mem_rdata,

    input      [NUM_IRQ-1:0] irq,
    output reg [NUM_IRQ-1:0] eoi,
    output wire [31:0] dbg_pc
);
    localparam integer regfile_size = ENABLE_REGS_16_31 ? 32 : 16;
    localparam integer regindex_bits = ENABLE_REGS_16_31 ? 5 : 4;

    localparam [3:0] S_FETCH  = 4'd0,
                     S_DECODE = 4'd1,
                     S_EXEC   = 4'd2,
                     S_MEM    = 4'd3,
                     S_WB     = 4'd4,
                     S_TRAP   = 4'd15;

    reg [31:0] cpuregs [0:regfile_size-1];
    reg [31:0] reg_pc, reg_next_pc, reg_op1, reg_op2, reg_out;
    reg [63:0] count_cycle, count_instr;
    reg [3:0]  state;
    reg [31:0] insn;
    reg [NUM_IRQ-1:0] irq_pending;
    integer i;

    wire [6:0] opcode = insn[6:0];
    wire [2:0] funct3 = insn[14:12];
    wire [6:0] funct7 = insn[31:25];
    wire [regindex_bits-1:0] rd  = insn[7+:regindex_bits];
    wire [regindex_bits-1:0] rs1 = insn[15+:regindex_bits];
    wire [regindex_bits-1:0] rs2 = insn[20+:regindex_bits];

    assign dbg_pc = reg_pc;

    // Immediate decoding, one wire per format.
    wire [31:0] imm_i = {{20{insn[31]}}, insn[31:20]};
    wire [31:0] imm_s = {{20{insn[31]}}, insn[31:25], insn[11:7]};
    wire [31:0] imm_b = {{19{insn[31]}}, insn[31], insn[7], insn[30:25], insn[11:8], 1'b0};
    wire [31:0] imm_u = {insn[31:12], 12'b0};
    wire [31:0] imm_j = {{11{insn[31]}}, insn[31], insn[19:12], insn[20], insn[30:21], 1'b0};

    reg is_lui, is_auipc, is_jal, is_jalr, is_branch, is_load, is_store, is_alu_imm, is_alu_reg, is_system;

    always @* begin
        is_lui     = opcode == 7'b0110111;
        is_auipc   = opcode == 7'b0010111;
        is_jal     = opcode == 7'b1101111;
        is_jalr    = opcode == 7'b1100111 && funct3 == 3'b000;
        is_branch  = opcode == 7'b1100011;
        is_load    = opcode == 7'b0000011;
        is_store   = opcode == 7'b0100011;
        is_alu_imm = opcode == 7'b0010011;
        is_alu_reg = opcode == 7'b0110011;
        is_system  = opcode == 7'b1110011;
    end

    function [31:0] alu;
        input [2:0] f3;
        input alt;
        input [31:0] a, b;
        reg [4:0] shamt;
        begin
            shamt = b[4:0];
            case (f3)
                3'b000: alu = alt ? a - b : a + b;
                3'b001: alu = a << shamt;
                3'b010: alu = {31'b0, $signed(a) < $signed(b)};
                3'b011: alu = {31'b0, a < b};
                3'b100: alu = a ^ b;
                3'b101: alu = alt ? $signed(a) >>> shamt : a >> shamt;
                3'b110: alu = a | b;
                default: alu = a & b;
            endcase
        end
    endfunction

    function branch_taken;
        input [2:0] f3;
        input [31:0] a, b;
        begin
            case (f3)
                3'b000: branch_taken = a == b;
                3'b001: branch_taken = a != b;
                3'b100: branch_taken = $signed(a) < $signed(b);
                3'b101: branch_taken = $signed(a) >= $signed(b);
                3'b110: branch_taken = a < b;
                3'b111: branch_taken = a >= b;
                default: branch_taken = 1'bx;
            endcase
        end
    endfunction

    function [3:0] store_strobe(input [1:0] size, input [1:0] offset);
        case (size)
            2'b00: store_strobe = 4'b0001 << offset;
            2'b01: store_strobe = offset[1] ? 4'b1100 : 4'b0011;
            default: store_strobe = 4'b1111;
        endcase
    endfunction

    reg [31:0] load_value;
    always @(*) begin
        load_value = 32'bx;
        case (funct3)
            3'b000: load_value = {{24{mem_rdata[8*reg_out[1:0]+7]}}, mem_rdata[8*reg_out[1:0] +: 8]};
            3'b001: load_value = reg_out[1] ? {{16{mem_rdata[31]}}, mem_rdata[31:16]}
                                            : {{16{mem_rdata[15]}}, mem_rdata[15:0]};
            3'b010: load_value = mem_rdata;
            3'b100: load_value = {24'b0, mem_rdata[8*reg_out[1:0] +: 8]};
            3'b101: load_value = {16'b0, reg_out[1] ? mem_rdata[31:16] : mem_rdata[15:0]};
        endcase
    end

    // Interrupt synchronisers, one per line.
    genvar gi;
    generate
        for (gi = 0; gi < NUM_IRQ; gi = gi + 1) begin : irq_sync
            reg [1:0] sync;
            always @(posedge clk or negedge resetn)
                if (!resetn) sync <= 2'b00;
                else sync <= {sync[0], irq[gi]};
            always @(posedge clk)
                irq_pending[gi] <= sync[1] & ~eoi[gi];
        end
    endgenerate

    generate
        if (ENABLE_COUNTERS) begin : counters
            always @(posedge clk)
                if (!resetn) begin
                    count_cycle <= 64'd0;
                end else begin
                    count_cycle <= count_cycle + 1'b1;
                end
        end else begin : no_counters
            always @* count_cycle = 64'd0;
        end
    endgenerate

    task write_reg;
        input [regindex_bits-1:0] idx;
        input [31:0] value;
        begin
            if (idx != 0)
                cpuregs[idx] <= value;
        end
    endtask

    initial begin
        for (i = 0; i < regfile_size; i = i + 1)
            cpuregs[i] = 32'd0;
        trap = 1'b0;
    end

    always @(posedge clk) begin
        if (!resetn) begin
            state <= S_FETCH;
            reg_pc <= PROGADDR_RESET;
            mem_valid <= 1'b0;
            mem_instr <= 1'b0;
            mem_wstrb <= 4'b0;
            trap <= 1'b0;
            eoi <= {NUM_IRQ{1'b0}};
            count_instr <= 0;
            cpuregs[2] <= STACKADDR;
        end else begin
            case (state)
                S_FETCH: begin
                    mem_valid <= 1'b1;
                    mem_instr <= 1'b1;
                    mem_addr <= reg_pc;
                    mem_wstrb <= 4'b0000;
                    if (mem_valid && mem_ready) begin
                        insn <= mem_rdata;
                        mem_valid <= 1'b0;
                        state <= S_DECODE;
                    end
                end
                S_DECODE: begin
                    reg_op1 <= rs1 == 0 ? 32'd0 : cpuregs[rs1];
                    reg_op2 <= rs2 == 0 ? 32'd0 : cpuregs[rs2];
                    reg_next_pc <= reg_pc + 32'd4;
                    state <= S_EXEC;
                    if (ENABLE_COUNTERS)
                        count_instr <= count_instr + 1;
                end
                S_EXEC: begin
                    state <= S_WB;
                    (* parallel_case *)
                    case (1'b1)
                        is_lui:   reg_out <= imm_u;
                        is_auipc: reg_out <= reg_pc + imm_u;
                        is_jal: begin
                            reg_out <= reg_pc + 4;
                            reg_next_pc <= reg_pc + imm_j;
                        end
                        is_jalr: begin
                            reg_out <= reg_pc + 4;
                            reg_next_pc <= (reg_op1 + imm_i) & ~32'd1;
                        end
                        is_branch: begin
                            if (branch_taken(funct3, reg_op1, reg_op2))
                                reg_next_pc <= reg_pc + imm_b;
                            state <= S_FETCH;
                            reg_pc <= branch_taken(funct3, reg_op1, reg_op2) ? reg_pc + imm_b : reg_pc + 4;
                        end
                        is_alu_imm: reg_out <= alu(funct3, funct3 == 3'b101 && insn[30], reg_op1, imm_i);
                        is_alu_reg: reg_out <= alu(funct3, insn[30], reg_op1, reg_op2);
                        is_load, is_store: begin
                            reg_out <= reg_op1 + (is_store ? imm_s : imm_i);
                            state <= S_MEM;
                        end
                        default: state <= S_TRAP;
                    endcase
                end
                S_MEM: begin
                    mem_valid <= 1'b1;
                    mem_instr <= 1'b0;
                    mem_addr <= {reg_out[31:2], 2'b00};
                    mem_wdata <= reg_op2 << (8 * reg_out[1:0]);
                    mem_wstrb <= is_store ? store_strobe(funct3[1:0], reg_out[1:0]) : 4'b0000;
                    if (mem_valid && mem_ready) begin
                        mem_valid <= 1'b0;
                        if (is_load)
                            write_reg(rd, load_value);
                        reg_pc <= reg_next_pc;
                        state <= S_FETCH;
                    end
                end
                S_WB: begin
                    write_reg(rd, reg_out);
                    reg_pc <= reg_next_pc;
                    state <= S_FETCH;
                end
                default: begin
                    trap <= 1'b1;
                    state <= S_TRAP;
                end
            endcase
        end
    end

`ifdef NEVER_DEFINED_FORMAL
    always @* assert(state != 4'd7);
`endif
endmodule

module tiny_soc (input clk, input resetn, output trap, output [31:0] pc);
    reg [31:0] memory [0:1023];
    wire mem_valid, mem_instr;
    reg mem_ready;
    wire [31:0] mem_addr, mem_wdata;
    wire [3:0] mem_wstrb;
    reg [31:0] mem_rdata;
    wire [3:0] eoi;

    tiny_rv32 #(
        .ENABLE_COUNTERS(1'b1),
        .NUM_IRQ(4)
    ) cpu (
        .clk(clk), .resetn(resetn), .trap(trap),
        .mem_valid(mem_valid), .mem_instr(mem_instr), .mem_ready(mem_ready),
        .mem_addr(mem_addr), .mem_wdata(mem_wdata), .mem_wstrb(mem_wstrb),
        .mem_rdata(mem_rdata), .irq(4'b0), .eoi(eoi), .dbg_pc(pc)
    );

    integer b;
    always @(posedge clk) begin
        mem_ready <= 1'b0;
        if (mem_valid && !mem_ready) begin
            mem_ready <= 1'b1;
            mem_rdata <= memory[mem_addr[11:2]];
            for (b = 0; b < 4; b = b + 1)
                if (mem_wstrb[b])
                    memory[mem_addr[11:2]][8*b +: 8] <= mem_wdata[8*b +: 8];
        end
    end

    initial begin
        $readmemh("firmware.hex", memory);
        #1 $display("soc up at %0t", $time);
    end
endmodule
