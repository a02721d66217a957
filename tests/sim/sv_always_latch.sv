// always_latch (IEEE 1800-2017 9.2.2.3): transparent while enabled, holds
// its value otherwise.
module t;
  logic en, d, q;
  always_latch if (en) q = d;
  initial begin
    en = 1; d = 0;
    #1 $display("en=%b d=%b q=%b", en, d, q);
    d = 1;
    #1 $display("en=%b d=%b q=%b", en, d, q);
    en = 0;
    #1 d = 0;
    #1 $display("en=%b d=%b q=%b", en, d, q);
    en = 1;
    #1 $display("en=%b d=%b q=%b", en, d, q);
    $finish;
  end
endmodule
// ---- expected output ----
//| en=1 d=0 q=0
//| en=1 d=1 q=1
//| en=0 d=0 q=1
//| en=1 d=0 q=0
