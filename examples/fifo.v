// A synchronous FIFO with a self-checking testbench: the README's first design.
`timescale 1ns/1ps

module fifo #(parameter WIDTH = 8, parameter DEPTH_LOG2 = 4) (
    input  wire             clk,
    input  wire             rst_n,
    input  wire             push,
    input  wire [WIDTH-1:0] din,
    input  wire             pop,
    output wire [WIDTH-1:0] dout,
    output wire             empty,
    output wire             full
);
    localparam DEPTH = 1 << DEPTH_LOG2;
    reg [WIDTH-1:0] mem [0:DEPTH-1];
    reg [DEPTH_LOG2:0] wr_ptr, rd_ptr;

    assign empty = wr_ptr == rd_ptr;
    assign full  = (wr_ptr[DEPTH_LOG2] != rd_ptr[DEPTH_LOG2]) &&
                   (wr_ptr[DEPTH_LOG2-1:0] == rd_ptr[DEPTH_LOG2-1:0]);
    assign dout  = mem[rd_ptr[DEPTH_LOG2-1:0]];

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            wr_ptr <= 0;
            rd_ptr <= 0;
        end else begin
            if (push && !full) begin
                mem[wr_ptr[DEPTH_LOG2-1:0]] <= din;
                wr_ptr <= wr_ptr + 1'b1;
            end
            if (pop && !empty)
                rd_ptr <= rd_ptr + 1'b1;
        end
    end
endmodule

module fifo_tb;
    reg clk = 0, rst_n = 0, push = 0, pop = 0;
    reg [7:0] din;
    wire [7:0] dout;
    wire empty, full;
    integer i, errors = 0, seed = 1;
    reg [7:0] expected [0:255];
    integer head = 0, tail = 0;

    fifo #(.WIDTH(8), .DEPTH_LOG2(3)) dut (clk, rst_n, push, din, pop, dout, empty, full);

    always #5 clk = ~clk;

    initial begin
        #12 rst_n = 1;
        for (i = 0; i < 200; i = i + 1) begin
            @(negedge clk);
            push = ($random(seed) & 3) != 0;
            pop  = ($random(seed) & 1) != 0;
            din  = $random(seed);
            if (pop && !empty) begin
                if (dout !== expected[head[7:0]]) begin
                    errors = errors + 1;
                    $display("%t: mismatch: got %h expected %h", $time, dout, expected[head[7:0]]);
                end
                head = head + 1;
            end
            if (push && !full) begin
                expected[tail[7:0]] = din;
                tail = tail + 1;
            end
        end
        $display("pushed %0d, popped %0d, errors %0d", tail, head, errors);
        if (errors == 0) $display("PASSED");
        $finish;
    end
endmodule
