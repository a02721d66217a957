//! kind = "compile-error"
// Enum type checking (1800-2017 6.19): a sized literal member value of
// another width, x in a two-state enum, an int assigned to an enum
// variable, a compound assignment to one.
module t;
  enum logic [2:0] { A = 4'h2, B = 3'h3 } e1;
  enum bit [1:0] { C = 0, D = 2'bx1 } e2;
  typedef enum { P, Q } pq_t;
  pq_t v;
  initial begin
    v = Q;
    v = 1;
    v += 1;
  end
endmodule
// ---- expected output ----
//| enum_assign_checks.sv:6:26: error[E0311]: a 4-bit literal for a member of an enum whose base type has 3 bits (6.19)
//|  6 |   enum logic [2:0] { A = 4'h2, B = 3'h3 } e1;
//|    |                          ^^^^
//| enum_assign_checks.sv:7:31: error[E0311]: an x or z value for a member of a two-state enum (6.19)
//|  7 |   enum bit [1:0] { C = 0, D = 2'bx1 } e2;
//|    |                               ^^^^^
//| enum_assign_checks.sv:12:9: error[E0311]: assigning a value that is not of the enum's type to an enum variable needs a cast (6.19.3)
//|  12 |     v = 1;
//|     |         ^
//| enum_assign_checks.sv:13:10: error[E0311]: a compound assignment to an enum variable needs an explicit cast of the result (6.19.4)
//|  13 |     v += 1;
//|     |          ^
