//! compile_args = ["--two-state"]
//! icarus_skip = "skip: Icarus has no two-state mode; expected block checked with Verilator 5.006 --binary --x-assign 0 --x-initial 0 (Verilator simulates two-state)"
// --two-state: X and Z read as 0 (IEEE 1800-2017 6.11.2, a 4-state value
// written to a 2-state variable). Uninitialised variables, memories and
// undriven nets start at 0; x/z constants hold 0 bits where they had x/z.
module t;
  reg [7:0] r, xr, zr;
  reg [3:0] mem [0:3];
  integer i;
  time tm;
  wire [3:0] undriven;
  wire [3:0] sum = r[3:0] + 4'd3;
  reg [7:0] y;
  initial begin
    $display("start r=%b i=%0d tm=%0d mem=%b undriven=%b sum=%d", r, i, tm, mem[2], undriven, sum);
    xr = 8'bx10x_1x0x;
    zr = 8'b1z0z_zz11;
    #1;
    $display("xr=%b %h %0d zr=%b %h", xr, xr, xr, zr, zr);
    y = xr + 8'd1;
    $display("y=%b %d", y, y);
    y = xr & 8'b1111_0000;
    $display("y=%b", y);
    y = zr[9:6];
    $display("out of range=%b elem=%b", y, mem[i + 7]);
    $display("isunknown %b %b", $isunknown(r), $isunknown(xr));
    $display("eq %b %b %b %b", r === 8'bx, r !== 8'bz, xr == 8'b0100_1000, r == 8'bx);
    $display("div %0d", 8'd7 / r);
    $finish;
  end
endmodule
// ---- expected output ----
//| start r=00000000 i=0 tm=0 mem=0000 undriven=0000 sum= 3
//| xr=01001000 48 72 zr=10000011 83
//| y=01001001  73
//| y=01000000
//| out of range=00000010 elem=0000
//| isunknown 0 0
//| eq 0 0 1 1
//| div 0
