// Implicit nets (1364-2005 4.5): an undeclared identifier in a port
// connection or on the left of a continuous assign becomes a 1-bit wire.
module inv(input a, output y);
  assign y = ~a;
endmodule
module t;
  reg r;
  inv u1(.a(r), .y(n1));
  inv u2(.a(n1), .y(n2));
  assign n3 = n1 & n2;
  initial begin
    r = 0;
    #1 $display("n1=%b n2=%b n3=%b", n1, n2, n3);
    r = 1;
    #1 $display("n1=%b n2=%b n3=%b", n1, n2, n3);
    $finish;
  end
endmodule
// ---- expected output ----
//| n1=1 n2=0 n3=0
//| n1=0 n2=1 n3=0
