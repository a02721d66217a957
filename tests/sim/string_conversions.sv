//! icarus_skip = "skip: vvp 11 aborts (`%load/v error: Net arg not a signal`) on a vector assigned to a string, and iverilog 11 rejects casts of a string (6.24.1)"
// Conversions between strings and integral values (IEEE 1800-2017 6.16):
// an integral value becomes its bytes, NUL bytes (and X/Z bits read as 0)
// dropped; a string cast to an integral type is right-aligned.
module t;
  string s;
  reg [31:0] r;
  reg [63:0] wide;
  integer n;
  initial begin
    r = "ab";
    s = r;
    $display("[%s] %0d", s, s.len());
    r = 32'h41_00_42_43;
    s = r;
    $display("[%s] %0d", s, s.len());
    r = 32'h41_4x_42_43;
    s = r;
    $display("[%s] %0d", s, s.len());
    r = 32'bx;
    s = r;
    $display("[%s] %0d", s, s.len());
    s = 16'h4142;
    $display("[%s]", s);
    s = "wxyz";
    r = 32'(s);
    $display("%h", r);
    s = "ab";
    wide = 64'(s);
    $display("%h", wide);
    s = "truncated";
    r = 32'(s);
    $display("%h %s", r, r);
    n = 0;
    s = n ? "t" : "f";
    $display("[%s]", s);
  end
endmodule
// ---- expected output ----
//| [ab] 2
//| [ABC] 3
//| [A@BC] 4
//| [] 0
//| [AB]
//| 7778797a
//| 0000000000006162
//| 61746564 ated
//| [f]
