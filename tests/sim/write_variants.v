// $write (no newline) and the default-radix variants $displayb/h/o and
// $writeb/h/o (1364-2005 17.1.1.1).
module t;
  reg [7:0] v;
  initial begin
    v = 8'd100;
    $write("a");
    $write("b", "c\n");
    $displayb(v);
    $displayh(v);
    $displayo(v);
    $displayb("v=", v, " ", 3'd5);
    $writeh(v);
    $writeo(" ", v);
    $write("\n");
    $display(v, " ", v + 1);
    $finish;
  end
endmodule
// ---- expected output ----
//| abc
//| 01100100
//| 64
//| 144
//| v=01100100 101
//| 64 144
//| 100        101
