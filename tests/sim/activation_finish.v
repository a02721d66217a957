// A clocked block too large for the runner to run in place (its body is
// over runner::INLINE_MAX_NODES IR nodes) runs through an activation
// function; its $display and $finish still happen in order, mid-block.
module activation_finish;
  reg clk = 0;
  reg [5:0] op = 0;
  reg [31:0] acc = 0, mix = 0;
  integer n = 0;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    n <= n + 1;
    op <= op + 6'd7;
    case (op)
        6'd0: begin acc <= acc + 32'd3; mix <= mix ^ {acc[0:0], 5'd0}; end
        6'd1: begin acc <= acc + 32'd10; mix <= mix ^ {acc[1:0], 5'd1}; end
        6'd2: begin acc <= acc + 32'd17; mix <= mix ^ {acc[2:0], 5'd2}; end
        6'd3: begin acc <= acc + 32'd24; mix <= mix ^ {acc[3:0], 5'd3}; end
        6'd4: begin acc <= acc + 32'd31; mix <= mix ^ {acc[4:0], 5'd4}; end
        6'd5: begin acc <= acc + 32'd38; mix <= mix ^ {acc[5:0], 5'd5}; end
        6'd6: begin acc <= acc + 32'd45; mix <= mix ^ {acc[6:0], 5'd6}; end
        6'd7: begin acc <= acc + 32'd52; mix <= mix ^ {acc[7:0], 5'd7}; end
        6'd8: begin acc <= acc + 32'd59; mix <= mix ^ {acc[8:0], 5'd8}; end
        6'd9: begin acc <= acc + 32'd66; mix <= mix ^ {acc[9:0], 5'd9}; end
        6'd10: begin acc <= acc + 32'd73; mix <= mix ^ {acc[10:0], 5'd10}; end
        6'd11: begin acc <= acc + 32'd80; mix <= mix ^ {acc[11:0], 5'd11}; end
        6'd12: begin acc <= acc + 32'd87; mix <= mix ^ {acc[12:0], 5'd12}; end
        6'd13: begin acc <= acc + 32'd94; mix <= mix ^ {acc[13:0], 5'd13}; end
        6'd14: begin acc <= acc + 32'd101; mix <= mix ^ {acc[14:0], 5'd14}; end
        6'd15: begin acc <= acc + 32'd108; mix <= mix ^ {acc[15:0], 5'd15}; end
        6'd16: begin acc <= acc + 32'd115; mix <= mix ^ {acc[16:0], 5'd16}; end
        6'd17: begin acc <= acc + 32'd122; mix <= mix ^ {acc[17:0], 5'd17}; end
        6'd18: begin acc <= acc + 32'd129; mix <= mix ^ {acc[18:0], 5'd18}; end
        6'd19: begin acc <= acc + 32'd136; mix <= mix ^ {acc[19:0], 5'd19}; end
        6'd20: begin acc <= acc + 32'd143; mix <= mix ^ {acc[20:0], 5'd20}; end
        6'd21: begin acc <= acc + 32'd150; mix <= mix ^ {acc[21:0], 5'd21}; end
        6'd22: begin acc <= acc + 32'd157; mix <= mix ^ {acc[22:0], 5'd22}; end
        6'd23: begin acc <= acc + 32'd164; mix <= mix ^ {acc[23:0], 5'd23}; end
        6'd24: begin acc <= acc + 32'd171; mix <= mix ^ {acc[24:0], 5'd24}; end
        6'd25: begin acc <= acc + 32'd178; mix <= mix ^ {acc[25:0], 5'd25}; end
        6'd26: begin acc <= acc + 32'd185; mix <= mix ^ {acc[26:0], 5'd26}; end
        6'd27: begin acc <= acc + 32'd192; mix <= mix ^ {acc[27:0], 5'd27}; end
        6'd28: begin acc <= acc + 32'd199; mix <= mix ^ {acc[28:0], 5'd28}; end
        6'd29: begin acc <= acc + 32'd206; mix <= mix ^ {acc[29:0], 5'd29}; end
        6'd30: begin acc <= acc + 32'd213; mix <= mix ^ {acc[30:0], 5'd30}; end
        6'd31: begin acc <= acc + 32'd220; mix <= mix ^ {acc[31:0], 5'd31}; end
        6'd32: begin acc <= acc + 32'd227; mix <= mix ^ {acc[0:0], 5'd0}; end
        6'd33: begin acc <= acc + 32'd234; mix <= mix ^ {acc[1:0], 5'd1}; end
        6'd34: begin acc <= acc + 32'd241; mix <= mix ^ {acc[2:0], 5'd2}; end
        6'd35: begin acc <= acc + 32'd248; mix <= mix ^ {acc[3:0], 5'd3}; end
        6'd36: begin acc <= acc + 32'd255; mix <= mix ^ {acc[4:0], 5'd4}; end
        6'd37: begin acc <= acc + 32'd262; mix <= mix ^ {acc[5:0], 5'd5}; end
        6'd38: begin acc <= acc + 32'd269; mix <= mix ^ {acc[6:0], 5'd6}; end
        6'd39: begin acc <= acc + 32'd276; mix <= mix ^ {acc[7:0], 5'd7}; end
      default: begin acc <= acc - 32'd1; mix <= ~mix; end
    endcase
    if (n == 12) begin
      $display("finish at n=%0d acc=%0d mix=%h", n, acc, mix);
      $finish;
      $display("not printed");
    end
  end
  always @(negedge clk) $display("n=%0d op=%0d acc=%0d mix=%h", n, op, acc, mix);
endmodule
// ---- expected output ----
//| n=1 op=7 acc=3 mix=00000000
//| n=2 op=14 acc=55 mix=00000067
//| n=3 op=21 acc=156 mix=00000689
//| n=4 op=28 acc=306 mix=0000151c
//| n=5 op=35 acc=505 mix=00003340
//| n=6 op=42 acc=753 mix=00003263
//| n=7 op=49 acc=752 mix=ffffcd9c
//| n=8 op=56 acc=751 mix=00003263
//| n=9 op=63 acc=750 mix=ffffcd9c
//| n=10 op=6 acc=749 mix=00003263
//| n=11 op=13 acc=794 mix=00003fc5
//| n=12 op=20 acc=888 mix=00005c88
//| finish at n=12 acc=888 mix=00005c88
