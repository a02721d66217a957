// An exact `case` whose labels are at least four x/z-free constants of the
// subject's width runs by jump table (codegen `case_table`): a known
// subject indexes a br_table from the smallest label; x or z in the
// subject, or a value outside the labels, takes `default`; a value listed
// twice runs its first arm. Checked over every 4-bit value with x and z,
// a 64-bit subject, labels far from 0, a two-state subject, arms with
// several labels, no default, a case nested in a loop, and 32- and 33-bit
// subjects whose values lie far outside the labels.
module t;
  reg [3:0] s;
  reg [63:0] w;
  bit [7:0] b;
  reg [31:0] v32;
  reg [32:0] v33;
  reg [7:0] out;
  integer i, j;
  function [7:0] decode(input [3:0] v);
    case (v)
      4'd1, 4'd3: decode = 8'h13;
      4'd2: decode = 8'h02;
      4'd3: decode = 8'hee;        // shadowed by the first arm
      4'd9: decode = 8'h09;
      4'd10, 4'd12, 4'd14: decode = 8'hac;
      default: decode = 8'hdd;
    endcase
  endfunction
  initial begin
    for (i = 0; i < 16; i = i + 1) begin
      s = i;
      $write("%h", decode(s));
    end
    $display("");
    $display("x:%h z:%h mixed:%h", decode(4'bxxxx), decode(4'bzzzz), decode(4'b00x1));
    // a 64-bit subject, labels near the top of the range
    for (i = 0; i < 6; i = i + 1) begin
      w = 64'hffff_ffff_ffff_fff8 + i;
      case (w)
        64'hffff_ffff_ffff_fff9: out = 1;
        64'hffff_ffff_ffff_fffa: out = 2;
        64'hffff_ffff_ffff_fffb: out = 3;
        64'hffff_ffff_ffff_fffc: out = 4;
        default: out = 0;
      endcase
      $write("%0d ", out);
    end
    $display("");
    // a two-state subject, no default: out keeps its value
    out = 8'h55;
    for (j = 0; j < 8; j = j + 1) begin
      b = 8'd100 + j;
      case (b)
        8'd101: out = 8'h01;
        8'd103: out = 8'h03;
        8'd104: out = 8'h04;
        8'd106: out = 8'h06;
      endcase
      $write("%h ", out);
    end
    $display("");
    // 32 bits: the index is `s - lo` modulo 2^32, so values below the
    // smallest label (0 here, far below) and above the largest take
    // `default`
    for (i = 0; i < 8; i = i + 1) begin
      v32 = (i < 2) ? i : 32'hffff_fff8 + i;
      case (v32)
        32'hffff_fffa: out = 1;
        32'hffff_fffb: out = 2;
        32'hffff_fffd: out = 3;
        32'hffff_fffe: out = 4;
        default: out = 0;
      endcase
      $write("%0d ", out);
    end
    $display("");
    // 33 bits: 2^32 + k must not wrap onto label k
    for (i = 0; i < 4; i = i + 1) begin
      v33 = {i[1], 30'd0, 1'b0, i[0]};
      case (v33)
        33'd0: out = 5;
        33'd1: out = 6;
        33'd2: out = 7;
        33'd3: out = 8;
        default: out = 0;
      endcase
      $write("%0d ", out);
    end
    $display("");
  end
endmodule
// ---- expected output ----
//| dd130213dddddddddd09acddacddacdd
//| x:dd z:dd mixed:dd
//| 0 1 2 3 4 0 
//| 55 01 01 03 04 04 06 06 
//| 0 0 1 2 0 3 4 0 
//| 5 6 0 0 
