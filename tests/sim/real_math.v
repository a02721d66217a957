// Real math system functions (IEEE 1364-2005 17.11.1, table 17-16) and
// real `**`: results printed with %f and %g, domain errors give nan.
module t;
  real x, y;
  initial begin
    x = 2.0; y = 0.5;
    $display("ln=%f log10=%f exp=%f sqrt=%f", $ln(x), $log10(100.0), $exp(1.0), $sqrt(x));
    $display("pow=%f pow3=%f star=%f", $pow(x, 10.0), $pow(x, y), x ** -1.5);
    $display("floor=%f ceil=%f floor-=%f ceil-=%f", $floor(2.7), $ceil(2.2), $floor(-2.5), $ceil(-2.5));
    $display("sin=%f cos=%f tan=%f", $sin(y), $cos(y), $tan(y));
    $display("asin=%f acos=%f atan=%f", $asin(y), $acos(y), $atan(y));
    $display("atan2=%f atan2q=%f hypot=%f", $atan2(1.0, -1.0), $atan2(-1.0, -1.0), $hypot(3.0, 4.0));
    $display("sinh=%f cosh=%f tanh=%f", $sinh(y), $cosh(y), $tanh(y));
    $display("%g %g %g", $exp(50.0), $ln(1.0e-10), $sin(1.0e-7));
    $display("int arg: %f %f", $sqrt(16), $pow(2, 8));
    $display("domain: %f %f %f", $sqrt(-1.0), $ln(0.0), $asin(2.0));
    $display("rtoi: %0d", $rtoi($pow(10.0, 3.0)));
    $finish;
  end
endmodule
// ---- expected output ----
//| ln=0.693147 log10=2.000000 exp=2.718282 sqrt=1.414214
//| pow=1024.000000 pow3=1.414214 star=0.353553
//| floor=2.000000 ceil=3.000000 floor-=-3.000000 ceil-=-2.000000
//| sin=0.479426 cos=0.877583 tan=0.546302
//| asin=0.523599 acos=1.047198 atan=0.463648
//| atan2=2.356194 atan2q=-2.356194 hypot=5.000000
//| sinh=0.521095 cosh=1.127626 tanh=0.462117
//| 5.18471e+21 -23.0259 1e-07
//| int arg: 4.000000 256.000000
//| domain: nan -inf nan
//| rtoi: 1000
