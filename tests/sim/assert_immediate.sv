//! exit = 1
//! icarus = "differs: Icarus 11 never runs the pass action of cover (IEEE 1800-2017 16.3 runs it when the expression is true), its default assertion message is empty, and a failed assertion does not change its exit status"
//! icarus_output = ["x fails: v=x1", "assume failed", "passes=1", "ERROR: assert_immediate.sv:21: ", "       Time: 0 Scope: t", "block else"]
// Immediate assertions (IEEE 1800-2017 16.3): the pass action runs when
// the expression is true; 0, X and Z fail; a failing assert or assume
// without an else calls $error; cover has only a pass action.
module t;
  logic a = 1;
  logic [1:0] v;
  int passes = 0;
  initial begin
    assert (a != 0) passes++; else $display("not reached");
    v = 2'bx1;
    assert (v[1]) $display("not reached"); else $display("x fails: v=%b", v);
    assume (v == 2'b01) else $display("assume failed");
    cover (a) $display("covered a");
    cover (v[1]) $display("not reached");
    assert (a);
    assert (passes == 1) $display("passes=%0d", passes);
    a = 0;
    assert (passes == 2);
    assert (a) else begin
      $display("block else");
    end
  end
endmodule
// ---- expected output ----
//| x fails: v=x1
//| assume failed
//| covered a
//| passes=1
//| ERROR: assert_immediate.sv:21: assertion failed
//|        Time: 0 Scope: t
//| block else
