// force/release of an element of a net array (constant index): it follows
// the forced expression and ignores its driver until released; the other
// element keeps its own driver.
module t;
  wire [3:0] n [1:2];
  reg [3:0] a, d;
  assign n[1] = d;
  assign n[2] = 4'h2;
  initial begin
    a = 4'h7; d = 4'h1;
    force n[2] = a;
    #1 $display("n=%h %h", n[1], n[2]);
    a = 4'h9; d = 4'h3;
    #1 $display("n=%h %h", n[1], n[2]);
    release n[2];
    #1 $display("n=%h %h", n[1], n[2]);
    force n[1] = 4'hc;
    d = 4'h5;
    #1 $display("n=%h %h", n[1], n[2]);
    release n[1];
    #1 $display("n=%h %h", n[1], n[2]);
  end
endmodule
// ---- expected output ----
//| n=1 7
//| n=3 9
//| n=3 2
//| n=c 2
//| n=5 2
