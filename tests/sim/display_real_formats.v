// Real formats (1364-2005 17.1.1.2): %e %f %g with precision and width,
// and an integer printed with %f (converted to real).
module t;
  real r;
  initial begin
    r = 123.456789;
    $display("[%f] [%e] [%g]", r, r, r);
    $display("[%0.2f] [%10.3f] [%.1e] [%12.4e] [%.3g]", r, r, r, r, r);
    r = -0.000012345;
    $display("[%f] [%e] [%g]", r, r, r);
    r = 1e21;
    $display("[%g] [%e]", r, r);
    $display("[%f] [%0.1f]", 7, 2.25);
    $finish;
  end
endmodule
// ---- expected output ----
//| [123.456789] [1.234568e+02] [123.457]
//| [123.46] [   123.457] [1.2e+02] [  1.2346e+02] [123]
//| [-0.000012] [-1.234500e-05] [-1.2345e-05]
//| [1e+21] [1.000000e+21]
//| [7.000000] [2.2]
