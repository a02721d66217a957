// wand / wor and tri0 / tri1 nets (1364-2005 4.6): multiple drivers are
// combined by AND or OR; undriven tri0/tri1 nets pull to 0/1.
module t;
  reg a, b;
  wand wa;
  wor wo;
  assign wa = a;
  assign wa = b;
  assign wo = a;
  assign wo = b;
  tri0 pulled_down;
  tri1 pulled_up;
  initial begin
    a = 0; b = 1; #1 $display("wand=%b wor=%b", wa, wo);
    a = 1;        #1 $display("wand=%b wor=%b", wa, wo);
    b = 1'bz;     #1 $display("wand=%b wor=%b", wa, wo);
    $display("tri0=%b tri1=%b", pulled_down, pulled_up);
    $finish;
  end
endmodule
// ---- expected output ----
//| wand=0 wor=1
//| wand=1 wor=1
//| wand=1 wor=1
//| tri0=0 tri1=1
