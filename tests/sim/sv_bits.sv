// $bits (IEEE 1800-2017 20.6.2) of variables, expressions, types and
// packed arrays.
module t;
  logic [2:0][4:0] pa;
  logic [7:0] v;
  typedef struct packed { logic a; logic [6:0] b; } s_t;
  initial begin
    $display("%0d %0d %0d %0d", $bits(pa), $bits(v), $bits(s_t), $bits(v + 9'd1));
    $display("%0d", $bits({v, v}));
    $finish;
  end
endmodule
// ---- expected output ----
//| 15 8 8 9
//| 16
