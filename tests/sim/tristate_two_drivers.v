// Two continuous assignments driving one bus with `en ? d : 'bz`
// (1364-2005 7.10 wire resolution): the enabled one wins, both enabled
// with different values gives x, none gives z.
module t;
  reg [7:0] da, db;
  reg ea, eb;
  wire [7:0] bus;
  assign bus = ea ? da : 8'bz;
  assign bus = eb ? db : 8'bz;
  initial begin
    da = 8'h0F; db = 8'h3C;
    ea = 0; eb = 0; #1 $display("none: %b", bus);
    ea = 1;         #1 $display("a:    %b", bus);
    ea = 0; eb = 1; #1 $display("b:    %b", bus);
    ea = 1;         #1 $display("both: %b", bus);
    db = 8'h0F;     #1 $display("same: %b", bus);
    $finish;
  end
endmodule
// ---- expected output ----
//| none: zzzzzzzz
//| a:    00001111
//| b:    00111100
//| both: 00xx11xx
//| same: 00001111
