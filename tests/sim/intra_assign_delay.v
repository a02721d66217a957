// Intra-assignment delays (1364-2005 9.2.1, 9.2.2): `c = #3 d` samples d
// now and assigns later (blocking the process); `a <= #5 b` samples now,
// assigns later without blocking.
module t;
  reg [7:0] a, b, c, d;
  initial begin
    a = 0; b = 10; c = 0; d = 20;
    a <= #5 b;
    b = 11;
    $display("t=%0t a=%0d (NBA pending)", $time, a);
    c = #3 d;
    $display("t=%0t c=%0d", $time, c);
    d = 21;
    #1 $display("t=%0t a=%0d", $time, a);
    #1 $display("t=%0t a=%0d", $time, a);
    a <= #2 a + 1;
    a <= #1 a + 100;
    #3 $display("t=%0t a=%0d", $time, a);
    $finish;
  end
endmodule
// ---- expected output ----
//| t=0 a=0 (NBA pending)
//| t=3 c=20
//| t=4 a=0
//| t=5 a=0
//| t=8 a=1
