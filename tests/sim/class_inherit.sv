//! icarus_skip = "skip: Icarus 11 aborts (PFunction.cc assertion) on `super.name()`; checked with Verilator 5.006"
// Inheritance, super.new with arguments, overridden and virtual methods,
// dispatch through a base-class handle, super.method calls
// (IEEE 1800-2017 8.13-8.15, 8.20).
module t;
  class Shape;
    int sides;
    function new(int n);
      sides = n;
    endfunction
    virtual function string name();
      return "shape";
    endfunction
    function string plain();
      return "plain-shape";
    endfunction
    function void describe();
      $display("%s with %0d sides", name(), sides);
    endfunction
  endclass
  class Square extends Shape;
    int size = 3;
    function new(int s);
      super.new(4);
      size = s;
    endfunction
    virtual function string name();
      return {"square/", super.name()};
    endfunction
    function string plain();
      return "plain-square";
    endfunction
  endclass
  class Cube extends Square;
    function new();
      super.new(2);
    endfunction
    function string name();
      return "cube";
    endfunction
  endclass
  Shape s;
  Square q;
  Cube c;
  initial begin
    s = new(3);
    s.describe();
    q = new(7);
    s = q;
    s.describe();
    $display("%s %s size=%0d", s.name(), s.plain(), q.size);
    c = new;
    s = c;
    s.describe();
    q = c;
    $display("%s %s size=%0d", q.name(), q.plain(), q.size);
    $finish;
  end
endmodule
// ---- expected output ----
//| shape with 3 sides
//| square/shape with 4 sides
//| square/shape plain-shape size=7
//| cube with 4 sides
//| cube plain-square size=2
