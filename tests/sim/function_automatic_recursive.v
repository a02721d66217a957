// Automatic functions (1364-2005 10.4.2) have a fresh frame per call, so
// recursion works: factorial and Fibonacci.
module t;
  function automatic integer factorial;
    input integer n;
    factorial = (n <= 1) ? 1 : n * factorial(n - 1);
  endfunction
  function automatic [31:0] fib;
    input [31:0] n;
    if (n < 2) fib = n;
    else fib = fib(n - 1) + fib(n - 2);
  endfunction
  integer i;
  initial begin
    for (i = 0; i <= 12; i = i + 3)
      $display("%0d! = %0d", i, factorial(i));
    $display("fib(20) = %0d", fib(20));
    $finish;
  end
endmodule
// ---- expected output ----
//| 0! = 1
//| 3! = 6
//| 6! = 720
//| 9! = 362880
//| 12! = 479001600
//| fib(20) = 6765
