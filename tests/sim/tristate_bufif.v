// Tri-state gates (1364-2005 7.1, 7.9): bufif1/bufif0/notif1 drive z
// when disabled; two gates on one wire resolve per the wire table.
module t;
  reg d0, d1, e0, e1;
  wire bus;
  bufif1 b0(bus, d0, e0);
  bufif1 b1(bus, d1, e1);
  wire n0, n1;
  bufif0 g0(n0, d0, e0);
  notif1 g1(n1, d0, e0);
  task show;
    #1 $display("e0=%b e1=%b d0=%b d1=%b -> bus=%b n0=%b n1=%b", e0, e1, d0, d1, bus, n0, n1);
  endtask
  initial begin
    d0 = 1; d1 = 0;
    e0 = 0; e1 = 0; show;
    e0 = 1; e1 = 0; show;
    e0 = 0; e1 = 1; show;
    e0 = 1; e1 = 1; show;
    d1 = 1;         show;
    $finish;
  end
endmodule
// ---- expected output ----
//| e0=0 e1=0 d0=1 d1=0 -> bus=z n0=1 n1=z
//| e0=1 e1=0 d0=1 d1=0 -> bus=1 n0=z n1=0
//| e0=0 e1=1 d0=1 d1=0 -> bus=0 n0=1 n1=z
//| e0=1 e1=1 d0=1 d1=0 -> bus=x n0=z n1=0
//| e0=1 e1=1 d0=1 d1=1 -> bus=1 n0=z n1=0
