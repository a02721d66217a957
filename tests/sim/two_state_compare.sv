//! compile_args = ["--two-state"]
//! icarus_skip = "skip: Icarus has no two-state mode; expected block checked with Verilator 5.006 --binary --x-assign 0 --x-initial 0 (Verilator simulates two-state)"
// --two-state and comparisons: `?`/z/x in casez/casex labels and on the
// right of ==? stay don't-care bits; an x in a case label or a === operand
// never matches a two-state value, a z there is 0; == reads x as 0.
module t;
  reg [3:0] a, u;
  reg [7:0] q;
  task automatic classify(input [3:0] v);
    casez (v)
      4'b1??0: q = 1;
      4'b0z1z: q = 2;
      default: q = 3;
    endcase
    $write("casez %b:%0d ", v, q);
    casex (v)
      4'b0xx0: q = 1;
      4'bx111: q = 2;
      default: q = 3;
    endcase
    $write("casex %0d ", q);
    case (v)
      4'b10x0: q = 1;
      4'b000z: q = 2;
      4'b1010: q = 3;
      default: q = 4;
    endcase
    $display("case %0d wild %b %b", q, v ==? 4'b1x1z, v !=? 4'b0xx1);
  endtask
  initial begin
    classify(4'b1010);
    classify(4'b0110);
    classify(4'b0111);
    classify(4'b0000);
    classify(u);
    a = 4'b1x10;
    $display("a=%b a==1010 %b u===x %b u!==x %b u===z %b u!==z %b u===0 %b", a, a == 4'b1010,
             u === 4'bx, u !== 4'bx, u === 4'bz, u !== 4'bz, u === 4'b0);
    if (u === 4'b000x) $display("wrong: x matched");
    else $display("x never matches");
    $display("isunknown %b %b %b", $isunknown(u), $isunknown(a), $isunknown(a ^ u));
    $finish;
  end
endmodule
// ---- expected output ----
//| casez 1010:1 casex 3 case 3 wild 1 1
//| casez 0110:2 casex 1 case 4 wild 0 1
//| casez 0111:2 casex 2 case 4 wild 0 0
//| casez 0000:3 casex 1 case 4 wild 0 1
//| casez 0000:3 casex 1 case 4 wild 0 1
//| a=1010 a==1010 1 u===x 0 u!==x 1 u===z 1 u!==z 0 u===0 1
//| x never matches
//| isunknown 0 0 0
