//! kind = "compile-error"
// A streaming concatenation wider than its target (1800-2017 11.4.14), and
// an unpack source with fewer bits than the stream target (11.4.14.3).
module t;
  logic [15:0] a;
  logic [7:0] b;
  logic [3:0] n1, n2;
  initial begin
    b = {<< 4 {a}};
    {<< 4 {n1, n2}} = 4'h3;
  end
endmodule
// ---- expected output ----
//| stream_too_wide.sv:9:9: error[E0311]: the streaming concatenation has 16 bits, more than the 8-bit target (11.4.14)
//|  9 |     b = {<< 4 {a}};
//|    |         ^^^^^^^^^^
//| stream_too_wide.sv:10:23: error[E0311]: the source has 4 bits, fewer than the 8 bits the streaming target needs (11.4.14.3)
//|  10 |     {<< 4 {n1, n2}} = 4'h3;
//|     |                       ^^^^
