//! kind = "compile-error"
// An end label must repeat the block's name (IEEE 1800-2017 9.3.4).
module t;
  initial begin : first
    $display("x");
  end : second
endmodule
// ---- expected output ----
//| mismatched_end_label.sv:6:9: error[E0204]: end label `second` does not match `first`
//|  6 |   end : second
//|    |         ^^^^^^
