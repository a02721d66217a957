//! icarus_skip = "skip: Icarus 12 rejects a fixed-size array assigned to a queue and bit selects of dynamic array elements; Verilator 5.006 prints the same with q = {fixed[3], fixed[2], fixed[1], fixed[0]} (it cannot assign the whole array), which is what IEEE 1800-2017 7.6 makes of q = fixed"
// A fixed-size array assigned to a dynamic array and a queue, element
// order from the left bound (IEEE 1800-2017 7.6); dynamic arrays of
// 4-state elements wider than 64 bits; a queue function result.
module t;
  byte fixed [3:0];
  logic [99:0] wide[];
  int d[];
  byte q[$];
  function automatic int total(int a[]);
    int s = 0;
    foreach (a[i]) s += a[i];
    return s;
  endfunction
  initial begin
    fixed[3] = 8'h33; fixed[2] = 8'h22; fixed[1] = 8'h11; fixed[0] = 8'h00;
    q = fixed;
    $display("q size=%0d q[0]=%h q[3]=%h", q.size(), q[0], q[3]);
    wide = new[2];
    wide[1] = {4'hA, 96'h0};
    wide[0] = '0;
    wide[0][99] = 1'b1;
    wide[0][3] = 1'b1;
    $display("wide[0]=%h", wide[0]);
    $display("wide[1]=%h", wide[1]);
    d = '{4, 5, 6};
    $display("total=%0d", total(d));
    $finish;
  end
endmodule
// ---- expected output ----
//| q size=4 q[0]=33 q[3]=00
//| wide[0]=8000000000000000000000008
//| wide[1]=a000000000000000000000000
//| total=15
