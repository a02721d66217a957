// The switch of a tiered run (`wsim run --jit switch`: Winch code for the
// first two time steps, then Cranelift code) keeps every kind of state a
// run holds at a time-step boundary: processes suspended in delays, waits
// and event controls; forked children; an automatic task suspended inside
// recursion; NBAs scheduled for later times; an open file; $monitor; the
// $random seed; real values. The golden harness runs every test with
// --jit cranelift, winch and switch; this one puts all of that across the
// switch. Icarus 11 prints the same.
`timescale 1ns / 1ns
module t;
  reg [7:0] q = 0, r = 0;
  reg flag = 0;
  integer fd, seed = 7, n, got;
  real acc = 0.5;
  event go;
  reg [8*32-1:0] word;

  task automatic count_down(input integer k, output integer sum);
    integer inner;
    begin
      if (k == 0) sum = 0;
      else begin
        #1 count_down(k - 1, inner);
        sum = inner + k;
      end
    end
  endtask

  initial begin
    fd = $fopen("jit_switch_state.txt", "w");
    $fdisplay(fd, "first %0d", $random(seed));
    $monitor("%0t monitor q=%h r=%h flag=%b", $time, q, r, flag);
    q <= #4 8'hAA;
    #1 r = 8'h11;
    @(go) $display("%0t go seen, acc=%f", $time, acc);
  end

  initial begin
    count_down(5, n);
    $display("%0t count_down(5) = %0d", $time, n);
  end

  initial begin
    fork
      begin #3 acc = acc * 3; $display("%0t branch a", $time); end
      begin wait (flag) $display("%0t branch b: flag", $time); end
      begin #2 -> go; end
    join
    $display("%0t joined, next random %0d", $time, $random(seed));
    $fdisplay(fd, "second %0d", $random(seed));
    $fclose(fd);
    fd = $fopen("jit_switch_state.txt", "r");
    while (!$feof(fd)) begin
      got = $fgets(word, fd);
      if (got > 0) $write("read back: %s", word);
    end
    $fclose(fd);
    #1 $finish;
  end

  initial #6 flag = 1;
endmodule
// ---- expected output ----
//| 0 monitor q=00 r=00 flag=0
//| 1 monitor q=00 r=11 flag=0
//| 2 go seen, acc=0.500000
//| 3 branch a
//| 4 monitor q=aa r=11 flag=0
//| 5 count_down(5) = 15
//| 6 branch b: flag
//| 6 joined, next random 1181502348
//| read back:               first -2146999808
//| read back:                second 760705370
//| 6 monitor q=aa r=11 flag=1
