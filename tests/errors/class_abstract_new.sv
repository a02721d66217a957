//! kind = "compile-error"
// An abstract (virtual) class cannot be instantiated (IEEE 1800-2017 8.21),
// and a class that can be must implement every pure virtual method.
module t;
  virtual class Base;
    pure virtual function int f();
  endclass
  class Half extends Base;
  endclass
  Base b;
  initial b = new;
endmodule
// ---- expected output ----
