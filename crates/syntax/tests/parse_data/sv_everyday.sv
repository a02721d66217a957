// Everyday SystemVerilog RTL and testbench code (checked with
// `verilator --lint-only --timing`, which only rejects `disable fork`): packages, typedefs, always_ff/always_comb, unique
// case, generate, parameterised instances, tasks, fork/join, queues.
`timescale 1ns/1ps
`default_nettype none

package bus_pkg;
    typedef enum logic [1:0] {IDLE, REQ, GRANT, DONE} state_t;
    typedef struct packed {
        logic [7:0]  addr;
        logic [31:0] data;
        logic        write;
    } req_t;
    localparam int DEPTH = 16;
    function automatic logic [7:0] parity8(input logic [31:0] d);
        parity8 = {8{^d[7:0]}} ^ 8'h00;
    endfunction
endpackage : bus_pkg

module fifo #(
    parameter int WIDTH = 8,
    parameter int DEPTH = 4,
    localparam int AW = $clog2(DEPTH)
) (
    input  wire logic             clk,
    input  wire logic             rst_n,
    input  wire logic             push,
    input  wire logic [WIDTH-1:0] din,
    input  wire logic             pop,
    output logic      [WIDTH-1:0] dout,
    output logic                  full,
    output logic                  empty
);
    logic [WIDTH-1:0] mem [DEPTH];
    logic [AW:0] wptr, rptr;

    assign full  = (wptr[AW] != rptr[AW]) && (wptr[AW-1:0] == rptr[AW-1:0]);
    assign empty = wptr == rptr;
    assign dout  = mem[rptr[AW-1:0]];

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            wptr <= '0;
            rptr <= '0;
        end else begin
            if (push && !full) begin
                mem[wptr[AW-1:0]] <= din;
                wptr <= wptr + 1'b1;
            end
            if (pop && !empty) rptr <= rptr + 1'b1;
        end
    end
endmodule

module arbiter import bus_pkg::*; #(parameter int N = 4) (
    input  wire logic         clk,
    input  wire logic         rst_n,
    input  wire logic [N-1:0] req,
    output logic      [N-1:0] gnt,
    output state_t            state
);
    state_t next;
    logic [$clog2(N)-1:0] last;

    always_comb begin
        next = state;
        gnt = '0;
        unique case (state)
            IDLE:  if (|req) next = REQ;
            REQ:   next = GRANT;
            GRANT: begin
                for (int i = 0; i < N; i++) begin
                    automatic int idx = (int'(last) + 1 + i) % N;
                    if (req[idx] && gnt == '0) gnt[idx] = 1'b1;
                end
                next = DONE;
            end
            default: next = IDLE;
        endcase
    end

    always_ff @(posedge clk) begin
        if (!rst_n) state <= IDLE;
        else state <= next;
        for (int j = 0; j < N; j++)
            if (gnt[j]) last <= j[$clog2(N)-1:0];
    end

    generate
        for (genvar g = 0; g < N; g++) begin : g_chk
            logic seen;
            always_ff @(posedge clk) seen <= seen | gnt[g];
        end
    endgenerate
endmodule

module tb;
    import bus_pkg::*;
    logic clk = 0, rst_n = 0;
    logic push, pop;
    logic [7:0] din, dout;
    wire full, empty;
    int errors = 0;
    byte unsigned expected[$];
    req_t r;
    string name = "fifo";
    event done_ev;

    fifo #(.WIDTH(8), .DEPTH(4)) dut (.*);

    always #5 clk = ~clk;

    task automatic push_byte(input logic [7:0] b);
        @(negedge clk);
        push = 1'b1;
        din = b;
        expected.push_back(b);
        @(negedge clk) push = 1'b0;
    endtask

    task automatic check_pop();
        logic [7:0] want;
        @(negedge clk);
        want = expected.pop_front();
        if (dout !== want) begin
            $error("%s: got %h want %h", name, dout, want);
            errors++;
        end
        pop = 1'b1;
        @(negedge clk) pop = 1'b0;
    endtask

    initial begin
        push = 0;
        pop = 0;
        din = '0;
        r = '{addr: 8'h10, data: 32'hdead_beef, write: 1'b1};
        repeat (2) @(posedge clk);
        rst_n = 1;
        fork
            begin
                for (int k = 0; k < 3; k++) push_byte(8'(k * 3));
            end
            begin
                #200;
            end
        join_any
        disable fork;
        while (expected.size() > 0) check_pop();
        foreach (expected[i]) $display("left %0d: %h", i, expected[i]);
        -> done_ev;
        if (errors == 0) $display("PASS %s parity=%h", name.toupper(), parity8(r.data));
        else $display("FAIL %0d", errors);
        $finish;
    end

    initial begin : watchdog
        #10us;
        $fatal(1, "timeout");
    end
endmodule
`default_nettype wire
