// A case with a real label compares every expression as real, each
// converted on its own (IEEE 1364-2005 9.5): a signed label is
// sign-extended, an unsigned one is not, whatever the other labels are.
module t;
  function [2:0] f(input signed [2:0] v);
    case (v)
      4'b0110 : f = 1;
      3'sb110 : f = 2;
      -1.0    : f = 3;
      default : f = 4;
    endcase
  endfunction
  function [2:0] g(input real v);
    case (v)
      4'b0001 : g = 1;
      3'sb010 : g = 2;
      2'sb11  : g = 3;
      default : g = 4;
    endcase
  endfunction
  initial begin
    $display("%0d %0d %0d", f(3'sb110), f(3'sb111), f(3'sb011));
    $display("%0d %0d %0d %0d", g(1.0), g(2.0), g(-1.0), g(1.5));
  end
endmodule
// ---- expected output ----
//| 2 3 4
//| 1 2 3 4
