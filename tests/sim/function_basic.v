// Functions (1364-2005 10.4): the result is the variable named like the
// function, its width/sign from the declaration; functions can call
// functions and appear in continuous assignments.
module t;
  function [7:0] swap_nibbles;
    input [7:0] v;
    swap_nibbles = {v[3:0], v[7:4]};
  endfunction
  function signed [3:0] neg;
    input signed [3:0] v;
    neg = -v;
  endfunction
  function [7:0] twice_swapped;
    input [7:0] v;
    reg [7:0] tmp;
    begin
      tmp = swap_nibbles(v);
      twice_swapped = swap_nibbles(tmp) + 1;
    end
  endfunction
  reg [7:0] in;
  wire [7:0] out = swap_nibbles(in);
  initial begin
    in = 8'h3C;
    #1 $display("%h %h %h", out, twice_swapped(in), swap_nibbles(8'hF0));
    $display("%0d %0d", neg(4'sd3), neg(-4'sd8));
    $finish;
  end
endmodule
// ---- expected output ----
//| c3 3d 0f
//| -3 -8
