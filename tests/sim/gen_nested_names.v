// Nested generate loops give two-level scope names (outer[i].inner[j]) in
// %m, and an instance inside a generate block is named under it.
module leaf #(parameter V = 0) ();
  initial #(V) $display("%m V=%0d", V);
endmodule
module t;
  genvar i, j;
  generate
    for (i = 0; i < 2; i = i + 1) begin : row
      for (j = 0; j < 2; j = j + 1) begin : col
        leaf #(.V(1 + 2*i + j)) u();
      end
    end
  endgenerate
  initial #10 $finish;
endmodule
// ---- expected output ----
//| t.row[0].col[0].u V=1
//| t.row[0].col[1].u V=2
//| t.row[1].col[0].u V=3
//| t.row[1].col[1].u V=4
