//! kind = "compile-error"
// Members of packed structs and of unions have no default values
// (1800-2017 7.2.2); a `tagged` expression needs a tagged union target.
module t;
  struct packed { bit [3:0] lo = 4'h5; bit [3:0] hi; } p;
  union { int a = 1; bit b; } u;
  int i;
  initial i = tagged Foo 3;
endmodule
// ---- expected output ----
//| struct_member_defaults.sv:5:34: error[E0311]: a member of a packed struct cannot have a default value (7.2.2)
//|  5 |   struct packed { bit [3:0] lo = 4'h5; bit [3:0] hi; } p;
//|    |                                  ^^^^
//| struct_member_defaults.sv:6:19: error[E0311]: a member of a union cannot have a default value (7.2.2)
//|  6 |   union { int a = 1; bit b; } u;
//|    |                   ^
//| struct_member_defaults.sv:8:15: error[E0311]: a `tagged` expression needs a tagged union type here (11.9)
//|  8 |   initial i = tagged Foo 3;
//|    |               ^^^^^^^^^^^^
