// Writes to constant part-selects and concatenations of values of <= 64
// bits (generated inline, crates/codegen/src/fast.rs `sm_insert`), against
// the same writes to wider values (guest-rt's rt_store_bits). Bits outside
// the target are dropped (IEEE 1800-2017 11.5.1 and 7.4.6: a partly
// out-of-range part-select writes only its in-range bits), X and Z bits
// travel with the value, a two-state target reads them as 0, and a change
// of bit 0 through a part-select is an edge.
module t;
  localparam integer LO = -3;
  reg [7:0] r8 = 8'h00;
  reg [63:0] r64 = 64'h0;
  reg [95:0] r96 = 96'h0;
  bit [15:0] b16 = 16'h0;
  reg [11:0] n1 = 0;          // written only by NBAs (a shadow record)
  reg [3:0] c1, c2;
  reg [5:0] c3;
  integer posedges = 0, changes = 0;

  always @(posedge r8[0]) posedges = posedges + 1;
  always @(r64) changes = changes + 1;

  task show(input [8*8-1:0] what);
    $display("%0s r8=%b r64=%h r96=%h b16=%h n1=%h c=%b_%b_%b edges=%0d changes=%0d",
             what, r8, r64, r96, b16, n1, c1, c2, c3, posedges, changes);
  endtask

  initial begin
    #1 r8[3:0] = 4'b1x0z;            show("in");
    #1 r8[7:5] = 3'b101;             show("top");
    #1 r8[LO +: 4] = 4'b1111;        show("low-out");
    #1 r8[6 +: 4] = 4'b0000;         show("hi-out");
    #1 r8[0] = 1'b1;                 show("edge");
    #1 r8[1:0] = 2'b10;              show("no-edge");
    #1 r8[2:0] = 3'b001;             show("edge2");
    #1 r64[63:60] = 4'hf;            show("r64-top");
    #1 r64[63:60] = 4'hf;            show("r64-same");
    #1 r64[35:28] = 8'hzx;           show("r64-mid");
    #1 r96[67:60] = 8'ha5;           show("r96");
    #1 b16[11:4] = 8'b1x1z0101;      show("2state");
    #1 {c1, c2, c3} = 14'b1010_01xz_110011; show("concat");
    #1 {c3[1:0], c1[3], c2} <= 7'b01_1_0000; #0 show("cat-nba");
    #1 {r8[7:4], r8[3:0]} = 8'h5a;   show("cat-self");
  end

  always @(posedge r8[2]) begin
    n1[3:0] <= 4'ha;
    n1[11:8] <= 4'b01xz;
    n1[LO +: 5] <= 5'b11111;
    n1[10 +: 4] <= 4'b0000;
  end

  initial #20 show("end");
endmodule
// ---- expected output ----
//| in r8=00001x0z r64=0000000000000000 r96=000000000000000000000000 b16=0000 n1=000 c=xxxx_xxxx_xxxxxx edges=0 changes=0
//| top r8=10101x0z r64=0000000000000000 r96=000000000000000000000000 b16=0000 n1=X0b c=xxxx_xxxx_xxxxxx edges=1 changes=0
//| low-out r8=10101x01 r64=0000000000000000 r96=000000000000000000000000 b16=0000 n1=X0b c=xxxx_xxxx_xxxxxx edges=1 changes=0
//| hi-out r8=00101x01 r64=0000000000000000 r96=000000000000000000000000 b16=0000 n1=X0b c=xxxx_xxxx_xxxxxx edges=2 changes=0
//| edge r8=00101x01 r64=0000000000000000 r96=000000000000000000000000 b16=0000 n1=X0b c=xxxx_xxxx_xxxxxx edges=2 changes=0
//| no-edge r8=00101x10 r64=0000000000000000 r96=000000000000000000000000 b16=0000 n1=X0b c=xxxx_xxxx_xxxxxx edges=2 changes=0
//| edge2 r8=00101001 r64=0000000000000000 r96=000000000000000000000000 b16=0000 n1=X0b c=xxxx_xxxx_xxxxxx edges=2 changes=0
//| r64-top r8=00101001 r64=f000000000000000 r96=000000000000000000000000 b16=0000 n1=X0b c=xxxx_xxxx_xxxxxx edges=3 changes=0
//| r64-same r8=00101001 r64=f000000000000000 r96=000000000000000000000000 b16=0000 n1=X0b c=xxxx_xxxx_xxxxxx edges=3 changes=1
//| r64-mid r8=00101001 r64=f000000zx0000000 r96=000000000000000000000000 b16=0000 n1=X0b c=xxxx_xxxx_xxxxxx edges=3 changes=1
//| r96 r8=00101001 r64=f000000zx0000000 r96=0000000a5000000000000000 b16=0000 n1=X0b c=xxxx_xxxx_xxxxxx edges=3 changes=2
//| 2state r8=00101001 r64=f000000zx0000000 r96=0000000a5000000000000000 b16=0a50 n1=X0b c=xxxx_xxxx_xxxxxx edges=3 changes=2
//| concat r8=00101001 r64=f000000zx0000000 r96=0000000a5000000000000000 b16=0a50 n1=X0b c=1010_01xz_110011 edges=3 changes=2
//| cat-nba r8=00101001 r64=f000000zx0000000 r96=0000000a5000000000000000 b16=0a50 n1=X0b c=1010_01xz_110011 edges=3 changes=2
//| cat-self r8=01011010 r64=f000000zx0000000 r96=0000000a5000000000000000 b16=0a50 n1=X0b c=1010_0000_110001 edges=3 changes=2
//| end r8=01011010 r64=f000000zx0000000 r96=0000000a5000000000000000 b16=0a50 n1=X0b c=1010_0000_110001 edges=3 changes=2
