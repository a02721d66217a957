// case (1364-2005 9.5): items compared with ===, so x and z items match
// only x and z; several expressions per item; default; first match wins;
// the case expression and items are extended to the longest width.
module t;
  reg [2:0] s;
  task decode;
    case (s)
      3'd0, 3'd1: $display("%b -> low", s);
      3'd2:       $display("%b -> two", s);
      3'd2:       $display("%b -> never (duplicate)", s);
      3'b1x0:     $display("%b -> literal x item", s);
      5'd7:       $display("%b -> seven (wider item)", s);
      default:    $display("%b -> default", s);
    endcase
  endtask
  initial begin
    s = 0; decode;
    s = 1; decode;
    s = 2; decode;
    s = 3'b1x0; decode;
    s = 3'b100; decode;
    s = 7; decode;
    s = 3'bzzz; decode;
    $finish;
  end
endmodule
// ---- expected output ----
//| 000 -> low
//| 001 -> low
//| 010 -> two
//| 1x0 -> literal x item
//| 100 -> default
//| 111 -> seven (wider item)
//| zzz -> default
