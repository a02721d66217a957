// $monitor (1364-2005 17.1.3): prints once at the end of any time step in
// which an argument changed (not $time); $monitoroff/$monitoron pause it;
// a new $monitor replaces the old one.
module t;
  reg [3:0] a, b;
  initial begin
    a = 0; b = 0;
    $monitor("t=%0t a=%0d b=%0d", $time, a, b);
    #1 a = 1;
    #1 a = 2; b = 3;
    #1 ;
    #1 $monitoroff;
    #1 a = 7;
    #1 $monitoron;
    #1 b = 9;
    #1 $monitor("new monitor: b=%0d", b);
    #1 a = 1;
    #1 b = 2;
    #1 $finish;
  end
endmodule
// ---- expected output ----
//| t=0 a=0 b=0
//| t=1 a=1 b=0
//| t=2 a=2 b=3
//| t=6 a=7 b=3
//| t=7 a=7 b=9
//| new monitor: b=9
//| new monitor: b=2
