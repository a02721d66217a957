// Procedural assign/deassign on variables (IEEE 1364-2005 9.3.1): the
// assigned expression overrides procedural writes until deassign; a later
// assign of the same variable replaces the earlier one; after deassign the
// variable keeps its value until the next procedural assignment.
module t;
  reg [3:0] q, a, b;
  reg clk;
  reg [3:0] d;
  always @(posedge clk) q <= d;
  initial begin
    clk = 0; d = 4'h3; a = 4'h5; b = 4'h9;
    #1 clk = 1;
    #1 $display("%0t: q=%h", $time, q);
    clk = 0;
    assign q = a;
    $display("%0t: assigned at once: q=%h", $time, q);
    #1 a = 4'h6;
    #1 $display("%0t: follows a: q=%h", $time, q);
    d = 4'h7; clk = 1;
    #1 $display("%0t: clocked write ignored: q=%h", $time, q);
    clk = 0;
    q = 4'h0;
    $display("%0t: blocking write ignored: q=%h", $time, q);
    assign q = b;
    #1 $display("%0t: reassigned: q=%h", $time, q);
    a = 4'h1;
    #1 $display("%0t: old source ignored: q=%h", $time, q);
    deassign q;
    b = 4'h2;
    #1 $display("%0t: deassigned keeps: q=%h", $time, q);
    clk = 1;
    #1 $display("%0t: clocked again: q=%h", $time, q);
    assign {a, b} = {q, 4'hc};
    #1 $display("%0t: concat target: a=%h b=%h", $time, a, b);
    deassign {a, b};
  end
endmodule
// ---- expected output ----
//| 2: q=3
//| 2: assigned at once: q=5
//| 4: follows a: q=6
//| 5: clocked write ignored: q=6
//| 5: blocking write ignored: q=6
//| 6: reassigned: q=9
//| 7: old source ignored: q=9
//| 8: deassigned keeps: q=9
//| 9: clocked again: q=7
//| 10: concat target: a=7 b=c
