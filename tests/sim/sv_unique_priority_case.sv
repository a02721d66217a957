// unique and priority case (IEEE 1800-2017 12.5.3) select like case when
// exactly one (unique) or at least one (priority) item matches.
module t;
  logic [1:0] s;
  logic [3:0] y;
  always_comb begin
    unique case (s)
      2'd0: y = 4'h1;
      2'd1: y = 4'h2;
      2'd2: y = 4'h4;
      2'd3: y = 4'h8;
    endcase
  end
  initial begin
    for (int i = 0; i < 4; i++) begin
      s = i;
      #1 $write("%h ", y);
    end
    $display("");
    priority casez (4'b0110)
      4'b1???: $display("bit3");
      4'b01??: $display("bit2 (priority: first match)");
      4'b0?1?: $display("bit1");
    endcase
    $finish;
  end
endmodule
// ---- expected output ----
//| 1 2 4 8 
//| bit2 (priority: first match)
