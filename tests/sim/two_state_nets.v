//! compile_args = ["--two-state"]
//! icarus_skip = "skip: Icarus has no two-state mode; expected block checked with Verilator 5.006 --binary --x-assign 0 --x-initial 0 (Verilator simulates two-state)"
// --two-state and nets: a tri-state bus resolves its drivers with Z (one
// enabled driver wins, none reads 0), an undriven net and a disabled
// single driver read 0, pulls still pull. Never two enabled drivers here:
// contention reads 0 in wsim (X), while Verilator ORs the drivers.
module t;
  reg en_a, en_b, en_c;
  reg [7:0] a, b;
  wire [7:0] bus;
  assign bus = en_a ? a : 8'bz;
  assign bus = en_b ? b : 8'bz;
  wire single = en_c ? a[0] : 1'bz;
  wire [3:0] floating;
  tri1 pulled_up;
  assign pulled_up = en_c ? 1'b0 : 1'bz;
  wire [7:0] sum = bus + 8'd1;
  bufif1 g (gated, a[1], en_c);
  initial begin
    #1 $display("none: bus=%b single=%b floating=%b pulled=%b sum=%0d gated=%b", bus, single, floating, pulled_up, sum, gated);
    a = 8'h5a; b = 8'hc3;
    en_a = 1;
    #1 $display("a: bus=%h sum=%0d", bus, sum);
    en_a = 0; en_b = 1;
    #1 $display("b: bus=%h sum=%0d", bus, sum);
    en_b = 0; en_c = 1;
    #1 $display("c: bus=%b single=%b pulled=%b gated=%b", bus, single, pulled_up, gated);
    $finish;
  end
endmodule
// ---- expected output ----
//| none: bus=00000000 single=0 floating=0000 pulled=1 sum=1 gated=0
//| a: bus=5a sum=91
//| b: bus=c3 sum=196
//| c: bus=00000000 single=0 pulled=0 gated=1
