// `@` on a real expression (IEEE 1364-2005 9.7.2): the event happens when
// the expression's value changes; writes that keep the value do not count.
// (The event waits for the operands' signals and compares the value it
// saw before with the one after, as 9.7.2 describes.)
module t;
  real x, y;
  integer hits;
  initial begin
    hits = 0;
    forever begin
      @(x + y);
      hits = hits + 1;
      $display("%0t x+y changed to %g (hits=%0d)", $time, x + y, hits);
    end
  end
  initial begin
    x = 0.0; y = 0.0;
    #1 x = 1.0;
    #1 y = -1.0;          // x+y back to 0.0: a change
    #1 x = 1.0;           // written with its own value: no event
    #1 y = -1.0;          // the same
    #1 y = 0.5;
    #1 $display("%0t done, hits=%0d", $time, hits);
    $finish;
  end
endmodule
// ---- expected output ----
//| 1 x+y changed to 1 (hits=1)
//| 2 x+y changed to 0 (hits=2)
//| 5 x+y changed to 1.5 (hits=3)
//| 6 done, hits=3
