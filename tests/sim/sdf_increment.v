//! compile_args = ["--specify"]
//! icarus = "differs: Icarus applies INCREMENT like ABSOLUTE (rise 0.5); IEEE 1497-2001 5.4.1 adds INCREMENT values to the current delays (rise 2.5)"
//! icarus_output = ["0.0 i=0 o=x", "3.0 i=0 o=0", "10.0 i=1 o=0", "10.5 i=1 o=1", "20.0 i=0 o=1", "23.0 i=0 o=0"]
// SDF INCREMENT adds to the delays ABSOLUTE set before it: rise 2.0 + 0.5,
// fall 3.0 (the empty value keeps it).
`timescale 1ns/100ps
module buf_cell (input I, output O);
  buf (O, I);
  specify
    (I => O) = (1, 1);
  endspecify
endmodule

module t;
  reg i;
  wire o;
  buf_cell u (.I(i), .O(o));
  initial begin
    $sdf_annotate("data/sdf_increment.sdf");
    $monitor("%.1f i=%b o=%b", $realtime, i, o);
    i = 0;
    #10 i = 1;
    #10 i = 0;
    #10 $finish;
  end
endmodule
// ---- expected output ----
//| 0.0 i=0 o=x
//| 3.0 i=0 o=0
//| 10.0 i=1 o=0
//| 12.5 i=1 o=1
//| 20.0 i=0 o=1
//| 23.0 i=0 o=0
