// time is an unsigned 64-bit variable; realtime is a real; $time rounds
// to the module unit, $realtime keeps the fraction (1364-2005 17.7).
`timescale 1ns/10ps
module t;
  time tm;
  realtime rt;
  initial begin
    #2.75;
    tm = $time;
    rt = $realtime;
    $display("time=%0d realtime=%0.2f stime=%0d", tm, rt, $stime);
    tm = 64'hFFFF_FFFF_FFFF_FFFF;
    tm = tm + 2;
    $display("time wraps: %0d", tm);
    $finish;
  end
endmodule
// ---- expected output ----
//| time=3 realtime=2.75 stime=3
//| time wraps: 1
