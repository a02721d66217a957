// A net's drivers output x until they first drive (IEEE 1364-2005 4.2.2:
// nets with drivers take their drivers' values, which default to x), so a
// delayed driver leaves x on the bits it drives and z on the others. This
// held for single drivers; nets resolved from several drivers, nets with
// strengths and gate outputs started at z. Matches Icarus 11.
module t;
  reg a, b;
  reg [1:0] c;
  wire w1, w2, w3, w4;
  wire [3:0] p, q;
  wire [1:0] e [0:1];
  assign #2 w1 = a;
  assign #2 w2 = a;
  assign #4 w2 = b;
  assign (weak0, weak1) #2 w3 = a;
  bufif1 #2 (w4, a, b);
  // two delayed part-select drivers; bits 3:2 of q have none
  assign #2 p[1:0] = c;
  assign #4 p[3:2] = c;
  assign #2 q[1:0] = c;
  assign #2 q[1] = b;
  // two delayed drivers on one element of a net array
  assign #2 e[1] = c;
  assign #4 e[1] = c;
  task show;
    $display("%0t %b %b %b %b %b %b %b %v", $time, w1, w2, w3, w4, p, q, e[1], w3);
  endtask

  initial begin
    a = 1; b = 1; c = 2'b10;
    // (Icarus prints StH for w4 before its first output: the value is x.)
    #1 show;
    #2 show;
    #2 show;
  end
endmodule
// ---- expected output ----
//| 1 x x x x xxxx zzxx xx WeX
//| 3 1 x 1 1 xx10 zz10 xx We1
//| 5 1 1 1 1 1010 zz10 10 We1
