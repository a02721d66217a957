// Conditions of one bit (codegen `sm_truth_bit`: the truth code is the
// value's two bits, so x gives 3 where wider values give 2): every
// combination of 0, 1, x and z through &&, ||, ?: on integers, reals and
// strings, if, and a while loop, beside the same conditions on 2-bit
// values (the other truth code path).
module t;
  reg a, b;
  reg [1:0] wa, wb;
  reg [3:0] vals = 4'b0000;
  reg [1:0] codes [0:3];
  integer i, j, n;
  string s;
  initial begin
    codes[0] = 2'b00; codes[1] = 2'b01; codes[2] = 2'b10; codes[3] = 2'b11;
    for (i = 0; i < 4; i = i + 1)
      for (j = 0; j < 4; j = j + 1) begin
        a = i == 0 ? 1'b0 : i == 1 ? 1'b1 : i == 2 ? 1'bx : 1'bz;
        b = j == 0 ? 1'b0 : j == 1 ? 1'b1 : j == 2 ? 1'bx : 1'bz;
        wa = {1'b0, a}; wb = {b, 1'b0};
        s = a ? "yes" : "no";
        $display("a=%b b=%b and=%b or=%b cond=%b real=%0.1f str=%s wide_and=%b wide_or=%b nested=%b",
                 a, b, a && b, a || b, a ? 4'b1010 : 4'b0110, b ? 1.5 : 2.5, s,
                 wa && wb, wa || wb, (a && b) ? 2'b01 : (a || b) ? 2'b10 : 2'b11);
        if (a) $display("  if a"); else $display("  else a");
        n = 0;
        while (b && n < 2) n = n + 1;
        $display("  while b: %0d", n);
      end
    $finish;
  end
endmodule
// ---- expected output ----
//| a=0 b=0 and=0 or=0 cond=0110 real=2.5 str=no wide_and=0 wide_or=0 nested=11
//|   else a
//|   while b: 0
//| a=0 b=1 and=0 or=1 cond=0110 real=1.5 str=no wide_and=0 wide_or=1 nested=10
//|   else a
//|   while b: 2
//| a=0 b=x and=0 or=x cond=0110 real=0.0 str=no wide_and=0 wide_or=x nested=1x
//|   else a
//|   while b: 0
//| a=0 b=z and=0 or=x cond=0110 real=0.0 str=no wide_and=0 wide_or=x nested=1x
//|   else a
//|   while b: 0
//| a=1 b=0 and=0 or=1 cond=1010 real=2.5 str=yes wide_and=0 wide_or=1 nested=10
//|   if a
//|   while b: 0
//| a=1 b=1 and=1 or=1 cond=1010 real=1.5 str=yes wide_and=1 wide_or=1 nested=01
//|   if a
//|   while b: 2
//| a=1 b=x and=x or=1 cond=1010 real=0.0 str=yes wide_and=x wide_or=1 nested=xx
//|   if a
//|   while b: 0
//| a=1 b=z and=x or=1 cond=1010 real=0.0 str=yes wide_and=x wide_or=1 nested=xx
//|   if a
//|   while b: 0
//| a=x b=0 and=0 or=x cond=xx10 real=2.5 str=dc wide_and=0 wide_or=x nested=1x
//|   else a
//|   while b: 0
//| a=x b=1 and=x or=1 cond=xx10 real=1.5 str=dc wide_and=x wide_or=1 nested=xx
//|   else a
//|   while b: 2
//| a=x b=x and=x or=x cond=xx10 real=0.0 str=dc wide_and=x wide_or=x nested=xx
//|   else a
//|   while b: 0
//| a=x b=z and=x or=x cond=xx10 real=0.0 str=dc wide_and=x wide_or=x nested=xx
//|   else a
//|   while b: 0
//| a=z b=0 and=0 or=x cond=xx10 real=2.5 str=dc wide_and=0 wide_or=x nested=1x
//|   else a
//|   while b: 0
//| a=z b=1 and=x or=1 cond=xx10 real=1.5 str=dc wide_and=x wide_or=1 nested=xx
//|   else a
//|   while b: 2
//| a=z b=x and=x or=x cond=xx10 real=0.0 str=dc wide_and=x wide_or=x nested=xx
//|   else a
//|   while b: 0
//| a=z b=z and=x or=x cond=xx10 real=0.0 str=dc wide_and=x wide_or=x nested=xx
//|   else a
//|   while b: 0
