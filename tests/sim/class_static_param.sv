//! icarus_skip = "skip: Icarus 11 rejects typedefs and static functions in classes and parameterised classes; Verilator 5.006 prints the same lines"
// Static methods and properties, class scope resolution, parameterised
// classes with distinct specialisations, typedefs inside a class
// (IEEE 1800-2017 8.9, 8.10, 8.23, 8.25).
module t;
  class Counter;
    static int total;
    typedef logic [3:0] nib_t;
    static function void bump(int by);
      total += by;
    endfunction
    static function nib_t low(int v);
      return v[3:0];
    endfunction
  endclass
  class Box #(int W = 8, type T = int);
    logic [W-1:0] value;
    T extra;
    localparam int WIDTH = W;
    function new();
      value = '1;
      extra = 3;
    endfunction
    function int width();
      return $bits(value);
    endfunction
  endclass
  Box b8;
  Box #(4) b4;
  Box #(12, byte) b12;
  Counter::nib_t n;
  initial begin
    Counter::bump(3);
    Counter::bump(4);
    n = Counter::low(45);
    $display("total=%0d low=%h", Counter::total, n);
    b8 = new;
    b4 = new;
    b12 = new;
    $display("%h %h %h", b8.value, b4.value, b12.value);
    $display("%0d %0d %0d %0d", b8.width(), b4.width(), b12.width(), Box#(4)::WIDTH);
    $display("%0d %0d", b12.extra, $bits(b12.extra));
    $finish;
  end
endmodule
// ---- expected output ----
//| total=7 low=d
//| ff f fff
//| 8 4 12 4
//| 3 8
