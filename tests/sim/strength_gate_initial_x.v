// A delayed gate with strengths drives x (at its strength) until its first
// delayed output: no spurious z at time 0 (Icarus agrees).
module t;
  reg i, en; wire g; wire h;
  bufif1 #3 b(g, i, en);
  nmos #2 n(h, i, en);
  always @(g) $display("%0t g=%b %v", $time, g, g);
  always @(h) $display("%0t h=%b %v", $time, h, h);
  initial begin en = 1; i = 0; #5 i = 1; #5 en = 0; #5 $finish; end
endmodule
// ---- expected output ----
//| 2 h=0 St0
//| 3 g=0 St0
//| 7 h=1 St1
//| 8 g=1 St1
//| 12 h=z HiZ
//| 13 g=z HiZ
