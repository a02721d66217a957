// $monitor prints when an argument shown with %v changes strength only
// (weak 1 -> strong 1 here), as Icarus does: the strengths are part of what
// it shows. wsim used to print only on value changes.
module t;
  reg a, s;
  wire w;
  assign (weak0, weak1) w = a;
  assign w = s ? a : 1'bz;
  initial begin
    $monitor("%0t %b %v", $time, w, w);
    a = 1; s = 0;
    #1 s = 1;
    #1 a = 0;
    #1 s = 0;
    #1 $finish;
  end
endmodule
// ---- expected output ----
//| 0 1 We1
//| 1 1 St1
//| 2 0 St0
//| 3 0 We0
