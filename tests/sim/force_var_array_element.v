//! icarus_skip = "skip: Icarus 11 cannot force a word of a variable array (vvp.tgt sorry) and Verilator 5.006 fails to build it; expected block checked by hand against IEEE 1364-2005 9.3.2"
// force/release of words of a variable array (constant index): forced
// bits ignore writes, also writes through a variable index; a released
// word keeps its value until the next write; other words are unaffected.
module t;
  reg [3:0] m [0:3];
  reg [3:0] a;
  integer i;
  initial begin
    a = 4'h7;
    for (i = 0; i < 4; i = i + 1) m[i] = i;
    force m[1][3:2] = 2'b11;
    force m[3] = a;
    #1 $display("m=%h %h %h %h", m[0], m[1], m[2], m[3]);
    a = 4'h9;
    m[1] = 4'h0;
    for (i = 0; i < 4; i = i + 1) m[i] = m[i] + 4'h4;
    #1 $display("m=%h %h %h %h", m[0], m[1], m[2], m[3]);
    release m[1];
    release m[3];
    #1 $display("m=%h %h %h %h", m[0], m[1], m[2], m[3]);
    m[1] = 4'h0;
    m[3] = 4'h0;
    #1 $display("m=%h %h %h %h", m[0], m[1], m[2], m[3]);
  end
endmodule
// ---- expected output ----
//| m=0 d 2 7
//| m=4 c 6 9
//| m=4 c 6 9
//| m=4 0 6 0
