// `case` with a real subject or real labels (IEEE 1364-2005 9.5): when any
// expression is real, the comparison is done in real (5.1.1), so 2 matches
// 2.0 and 0.1+0.2 does not match 0.3; the first matching item wins.
module t;
  real r;
  integer i;
  task show;
    begin
      case (r)
        1.5: $display("r=%g: one and a half", r);
        2, 3: $display("r=%g: integer label", r);
        0.1 + 0.2: $display("r=%g: sum label", r);
        -0.0: $display("r=%g: zero", r);
        default: $display("r=%g: default", r);
      endcase
    end
  endtask
  initial begin
    r = 1.5; show;
    r = 2.0; show;
    r = 3.0; show;
    r = 0.3; show;
    r = 0.1; r = r + 0.2; show;
    r = 0.0; show;
    r = 7.25; show;
    for (i = 0; i < 3; i = i + 1)
      case (i)
        0.0: $display("i=%0d matched 0.0", i);
        1.0: $display("i=%0d matched 1.0", i);
        default: $display("i=%0d default", i);
      endcase
  end
endmodule
// ---- expected output ----
//| r=1.5: one and a half
//| r=2: integer label
//| r=3: integer label
//| r=0.3: default
//| r=0.3: sum label
//| r=0: zero
//| r=7.25: default
//| i=0 matched 0.0
//| i=1 matched 1.0
//| i=2 default
