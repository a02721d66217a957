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
//| class_abstract_new.sv:8:9: error[E0311]: class `Half` does not implement the pure virtual method `f` (declare the class `virtual`)
//|  8 |   class Half extends Base;
//|    |         ^^^^
//| class_abstract_new.sv:11:15: error[E0311]: `Base` is an abstract (virtual) class and cannot be instantiated
//|  11 |   initial b = new;
//|     |               ^^^
