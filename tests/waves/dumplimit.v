//! vcd_only = "$dumplimit counts bytes of VCD text (IEEE 1364-2005 18.1.4); wsim's FST writer compresses blocks and does not apply it"
// $dumplimit stops the dump once the file reaches the given size
// (IEEE 1364-2005 18.1.4). Each step changes a 2000-bit vector (~2 KB of
// VCD text), so both writers stop between the same steps although their
// headers differ by a few hundred bytes.
module tb;
  reg [1999:0] wide;
  reg [7:0] step;
  integer i;
  initial begin
    $dumpfile("dumplimit.vcd");
    $dumplimit(7000);
    $dumpvars(0, tb);
    wide = 0; step = 0;
    for (i = 0; i < 10; i = i + 1) begin
      #10 step = step + 8'd1;
      wide = ~wide ^ {1000{step[1:0]}};
    end
    $finish;
  end
endmodule
