// A chain of 40 nested ?: compiles in linear code size (each branch is
// emitted once) and an unknown condition still merges both branches.
module t;
  reg [5:0] sel;
  wire [7:0] out = sel == 6'd0 ? 8'd0 :
      sel == 6'd1 ? 8'd7 :
      sel == 6'd2 ? 8'd14 :
      sel == 6'd3 ? 8'd21 :
      sel == 6'd4 ? 8'd28 :
      sel == 6'd5 ? 8'd35 :
      sel == 6'd6 ? 8'd42 :
      sel == 6'd7 ? 8'd49 :
      sel == 6'd8 ? 8'd56 :
      sel == 6'd9 ? 8'd63 :
      sel == 6'd10 ? 8'd70 :
      sel == 6'd11 ? 8'd77 :
      sel == 6'd12 ? 8'd84 :
      sel == 6'd13 ? 8'd91 :
      sel == 6'd14 ? 8'd98 :
      sel == 6'd15 ? 8'd105 :
      sel == 6'd16 ? 8'd112 :
      sel == 6'd17 ? 8'd119 :
      sel == 6'd18 ? 8'd126 :
      sel == 6'd19 ? 8'd133 :
      sel == 6'd20 ? 8'd140 :
      sel == 6'd21 ? 8'd147 :
      sel == 6'd22 ? 8'd154 :
      sel == 6'd23 ? 8'd161 :
      sel == 6'd24 ? 8'd168 :
      sel == 6'd25 ? 8'd175 :
      sel == 6'd26 ? 8'd182 :
      sel == 6'd27 ? 8'd189 :
      sel == 6'd28 ? 8'd196 :
      sel == 6'd29 ? 8'd203 :
      sel == 6'd30 ? 8'd210 :
      sel == 6'd31 ? 8'd217 :
      sel == 6'd32 ? 8'd224 :
      sel == 6'd33 ? 8'd231 :
      sel == 6'd34 ? 8'd238 :
      sel == 6'd35 ? 8'd245 :
      sel == 6'd36 ? 8'd252 :
      sel == 6'd37 ? 8'd3 :
      sel == 6'd38 ? 8'd10 :
      sel == 6'd39 ? 8'd17 :
      8'hxx;
  reg c;
  reg [3:0] m;
  initial begin
    sel = 0; #1 $display("%0d", out);
    sel = 17; #1 $display("%0d", out);
    sel = 39; #1 $display("%0d", out);
    sel = 40; #1 $display("%b", out);
    c = 1'bx; m = c ? 4'b1100 : 4'b1010; $display("%b", m);
    c = 1'b1; m = c ? 4'b1100 : 4'b1010; $display("%b", m);
    c = 1'b0; m = c ? 4'b1100 : 4'b1010; $display("%b", m);
  end
endmodule
// ---- expected output ----
//| 0
//| 119
//| 17
//| xxxxxxxx
//| 1xx0
//| 1100
//| 1010
