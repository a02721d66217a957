// `|`, `~|` and `!` of a concatenation (fast.rs sm_fold_parts): the parts
// are ORed on top of one another without shifting. An OR reduction is 1 if
// some bit is a known 1, else X if some bit is X or Z, else 0 (IEEE
// 1800-2017 11.4.9, table 11-16; `!` is 11.4.7), wherever the bits lie, so
// a 1 in one part and an X or Z at the same position of another must still
// give 1. Every 0/1/x/z combination of three parts of 1, 2 and 1 bits, with
// and without a two-state part, in a combinational block and in a loop.
module t;
  logic a;
  logic [1:0] b;
  logic c;
  bit [2:0] k;
  logic r_or, r_nor, r_not, r_or2;
  logic [3:0] digits = 4'b01xz;

  always @* begin
    r_or = |{a, b, c};
    r_nor = ~|{c, b, a};
    r_not = !{a, b, c};
    r_or2 = |{k, b};
  end

  integer i, j, m;
  string line;
  initial begin
    for (i = 0; i < 4; i = i + 1) begin
      line = "";
      for (j = 0; j < 16; j = j + 1)
        for (m = 0; m < 4; m = m + 1) begin
          a = digits[3 - i];
          b = {digits[3 - j / 4], digits[3 - j % 4]};
          c = digits[3 - m];
          k = (j + m) % 3 == 0 ? 3'd0 : 3'(j);
          #1;
          line = {line, $sformatf("%b%b%b%b", r_or, r_nor, r_not, r_or2)};
          if ((|{a, b, c}) !== r_or || (!{a, b, c}) !== r_not) $display("loop and block differ at %b %b %b", a, b, c);
        end
      $display("a=%b %s", a, line);
    end
  end
endmodule
// ---- expected output ----
//| a=0 01101000xxx0xxx01001100110011001xxx1100xxxx1xxx1xxxx1001xxx1xxxx1001100110011001100110011001100110011001100110011001100110011001xxxx100xxxxxxxxx1001100110011001xxx11001xxxxxxx1xxx1100xxxx1xxx1xxxx1001xxx1xxxx1001100110011001xxx1100xxxx1xxx1xxxx1001xxx1xxxx
//| a=1 100010001000100010011001100110011001100x10011001100x10011001100x1001100110011001100110011001100110011001100110011001100110011001100x100x100x100x100110011001100110011001100x10011001100x10011001100x10011001100x10011001100110011001100x10011001100x10011001100x
//| a=x xxx01000xxx0xxx01001100110011001xxx1100xxxx1xxx1xxxx1001xxx1xxxx1001100110011001100110011001100110011001100110011001100110011001xxxx100xxxxxxxxx1001100110011001xxx11001xxxxxxx1xxx1100xxxx1xxx1xxxx1001xxx1xxxx1001100110011001xxx1100xxxx1xxx1xxxx1001xxx1xxxx
//| a=z xxx01000xxx0xxx01001100110011001xxx1100xxxx1xxx1xxxx1001xxx1xxxx1001100110011001100110011001100110011001100110011001100110011001xxxx100xxxxxxxxx1001100110011001xxx11001xxxxxxx1xxx1100xxxx1xxx1xxxx1001xxx1xxxx1001100110011001xxx1100xxxx1xxx1xxxx1001xxx1xxxx
