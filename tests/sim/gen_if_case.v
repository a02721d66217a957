// Conditional generate (1364-2005 12.4.2): generate-if and generate-case
// choose which block is elaborated from a parameter.
module unit #(parameter KIND = 0) (input [3:0] a, output [3:0] y);
  generate
    if (KIND == 0) begin : g_pass
      assign y = a;
    end else if (KIND == 1) begin : g_invert
      assign y = ~a;
    end else begin : g_other
      case (KIND)
        2: begin : g_shift
          assign y = a << 1;
        end
        default: begin : g_zero
          assign y = 0;
        end
      endcase
    end
  endgenerate
endmodule
module t;
  reg [3:0] a = 4'b0011;
  wire [3:0] y0, y1, y2, y3;
  unit #(0) u0(a, y0);
  unit #(1) u1(a, y1);
  unit #(2) u2(a, y2);
  unit #(7) u3(a, y3);
  initial begin
    #1 $display("%b %b %b %b", y0, y1, y2, y3);
    $finish;
  end
endmodule
// ---- expected output ----
//| 0011 1100 0110 0000
