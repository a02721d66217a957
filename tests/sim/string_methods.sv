//! icarus_skip = "skip: iverilog 11 has no getc/putc/toupper/tolower/compare/icompare/ato*/*toa string methods"
// The string methods of IEEE 1800-2017 6.16.1-6.16.15 and s[i] (6.16).
module t;
  string s, u;
  byte b;
  integer n;
  reg [15:0] r;
  real x;
  initial begin
    s = "Test";
    b = s.getc(1);
    $display("%0d %c %0d %0d %0d", s.len(), b, s.getc(4), s.getc(-1), s[3]);
    s.putc(2, "B");
    $display("[%s]", s);
    s.putc(9, "Q");
    s.putc(0, 8'h00);
    $display("[%s]", s);
    s[0] = "R";
    s[7] = "Q";
    $display("[%s] %c", s, s[0]);
    u = s.toupper();
    $display("[%s] [%s] [%s]", u, s.tolower(), s);
    $display("%0d %0d %0d %0d", s.compare("ReBt"), s.compare("ReBu"), s.compare("ReB"), s.icompare("REBT"));
    $display("[%s] [%s] [%s] [%s]", s.substr(1, 2), s.substr(0, 3), s.substr(2, 1), s.substr(1, 4));
    s = "123_45xyz";
    n = s.atoi();
    $display("%0d", n);
    s = "-42";
    $display("%0d", s.atoi());
    s = "fF_1g";
    $display("%0d", s.atohex());
    s = "7778";
    $display("%0d", s.atooct());
    s = "10102";
    $display("%0d", s.atobin());
    s = "nope";
    $display("%0d", s.atoi());
    s = "4.76e1xyz";
    x = s.atoreal();
    $display("%f", x);
    s.itoa(-12);
    $display("[%s]", s);
    s.hextoa(255);
    $display("[%s]", s);
    s.octtoa(8);
    $display("[%s]", s);
    s.bintoa(10);
    $display("[%s]", s);
    r = 16'hx1;
    s.hextoa(r);
    $display("[%s]", s);
    s.realtoa(4.76);
    $display("[%s]", s);
    s.realtoa(x);
    $display("[%s] %f", s, s.atoreal());
  end
endmodule
// ---- expected output ----
//| 4 e 0 0 116
//| [TeBt]
//| [TeBt]
//| [ReBt] R
//| [REBT] [rebt] [ReBt]
//| 0 -1 1 0
//| [eB] [ReBt] [] []
//| 12345
//| -42
//| 4081
//| 511
//| 10
//| 0
//| 47.600000
//| [-12]
//| [ff]
//| [10]
//| [1010]
//| [xxx1]
//| [4.76]
//| [47.6] 47.600000
