// Loops of every kind in every kind of function, laid out as wasm loops
// where nothing but their head is entered from outside (crate::stackify):
// nested for loops, while, repeat, forever, loops left by `disable` (as
// break and as continue) and by a function's return value, loops in a
// combinational block, and loops around a wait (those stay on the
// dispatch, and so do the loops around them).
module t;
  reg [7:0] mem [0:15];
  reg [31:0] acc, sig;
  integer i, j, k, n;

  // a reduction in a combinational block: a static body's step function
  always @* begin
    sig = 0;
    for (k = 0; k < 16; k = k + 1) sig = sig ^ (mem[k] << (k % 4));
  end

  // nested loops in a function; the inner one ends early
  function [31:0] triangle(input [31:0] m);
    integer a, b;
    begin
      triangle = 0;
      for (a = 0; a < m; a = a + 1)
        for (b = 0; b < a; b = b + 1) begin
          if (b == 5) b = a;
          else triangle = triangle + b + 1;
        end
    end
  endfunction

  // a while loop with `disable` as continue and as break
  task skip_and_stop(input [31:0] limit, output [31:0] total);
    integer x;
    begin : done
      total = 0;
      x = 0;
      while (1) begin : next
        x = x + 1;
        if (x % 3 == 0) disable next;
        if (x > limit) disable done;
        total = total + x;
      end
    end
  endtask

  initial begin
    for (i = 0; i < 16; i = i + 1) mem[i] = i * 37 + 5;
    #1 $display("sig=%h", sig);
    mem[3] = 8'bx1x0_0000;
    #1 $display("sig with x=%h", sig);
    mem[3] = 8'h11;
    #1 $display("sig=%h", sig);

    for (n = 0; n < 10; n = n + 3) $display("triangle(%0d)=%0d", n, triangle(n));

    skip_and_stop(10, acc);
    $display("skip_and_stop(10)=%0d", acc);
    skip_and_stop(0, acc);
    $display("skip_and_stop(0)=%0d", acc);

    // repeat around a for, the for's variable set inside the repeat
    acc = 0;
    repeat (3) for (j = 0; j < 4; j = j + 1) acc = acc * 3 + j;
    $display("repeat/for=%0d", acc);

    // forever left by disable, with a loop nested in it
    acc = 0;
    begin : outer
      forever begin
        for (j = 0; j < 3; j = j + 1) acc = acc + j;
        if (acc > 20) disable outer;
      end
    end
    $display("forever=%0d", acc);

    // a wait inside the inner loop: both loops keep running across time
    acc = 0;
    for (i = 0; i < 3; i = i + 1)
      for (j = 0; j < 2; j = j + 1) begin
        #2 acc = acc * 10 + i * 2 + j;
      end
    $display("waited=%0d at %0t", acc, $time);

    // a loop whose condition is X runs no iteration
    j = 'bx;
    acc = 0;
    for (i = 0; i < j; i = i + 1) acc = acc + 1;
    $display("x bound=%0d", acc);
    $finish;
  end
endmodule
// ---- expected output ----
//| sig=000005f0
//| sig with x=00000X50
//| sig=000006d8
//| triangle(0)=0
//| triangle(3)=4
//| triangle(6)=35
//| triangle(9)=80
//| skip_and_stop(10)=37
//| skip_and_stop(0)=0
//| repeat/for=119574
//| forever=21
//| waited=12345 at 15
//| x bound=0
