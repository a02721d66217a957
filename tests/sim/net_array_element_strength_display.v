// `%v` of an element of a net array shows the strengths that drive it
// (IEEE 1364-2005 17.1.1.5): a single three-state buffer, a weak
// continuous assignment, a switch, several drivers and a pull net kind. Such an element becomes a hidden whole
// net (crates/elab/src/resolve_drivers.rs `split_resolved_elements`)
// whose strengths `%v` of the element shows.
module t;
  wire w [0:4];
  tri1 p [0:1];
  wire plain [0:1];
  reg en = 1'bx, d = 1, g = 1;

  bufif1 (w[0], d, en);
  assign (weak0, weak1) w[1] = d;
  nmos (w[2], d, g);
  assign w[3] = 1'b1;
  assign (weak0, weak1) w[3] = 1'b0;
  assign (pull0, pull1) w[4] = 1'b0;
  assign (strong0, highz1) w[4] = d;
  assign p[0] = 1'bz;
  assign plain[0] = d;
  assign plain[1] = ~d;

  initial begin
    #1 $display("%v %v %v %v %v", w[0], w[1], w[2], w[3], w[4]);
    $display("%v %v %v", p[0], plain[0], plain[1]);
    en = 1; g = 0; d = 0;
    #1 $display("%v %v %v %v %v", w[0], w[1], w[2], w[3], w[4]);
    $display("%v %v %v", p[0], plain[0], plain[1]);
  end
endmodule
// ---- expected output ----
//| StH We1 St1 St1 Pu0
//| Pu1 St1 St0
//| St0 We0 HiZ St1 St0
//| Pu1 St0 St1
