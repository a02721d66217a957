//! icarus = "differs: Icarus passes strong strength through rnmos/rpmos/rcmos here; IEEE 1364-2005 7.12.2 table 7-14 reduces supply and strong to pull, pull to weak, weak to medium"
//! icarus_output = ["d=0 n=0: Su0 HiZ HiZ HiZ HiZ HiZ HiZ rv=HiZ_HiZ", "d=1 n=0: Su1 HiZ HiZ HiZ HiZ HiZ HiZ rv=HiZ_HiZ", "d=x n=0: SuX HiZ HiZ HiZ HiZ HiZ HiZ rv=HiZ_HiZ", "d=0 n=1: Su0 St0 St0 St0 St0 St0 St0 rv=St0_St1", "d=1 n=1: Su1 St1 St1 St1 St1 St1 St1 rv=St1_St0", "d=x n=1: SuX StX StX StX StX StX StX rv=StX_StX"]
// MOS switches pass their data input's strength (IEEE 1364-2005 7.12):
// supply becomes strong; the resistive forms reduce further (table 7-14:
// supply and strong to pull, pull to weak, weak to medium, medium to
// small). Chains reduce at every stage.
module t;
  reg d, n;
  wire (supply0, supply1) s = d;
  wire (weak0, weak1) wk = d;
  wire ns, rs, rrs, rrrs, rwk, cs;
  nmos (ns, s, n);
  rnmos (rs, s, n);
  rnmos (rrs, rs, n);
  rpmos (rrrs, rrs, ~n);
  rnmos (rwk, wk, n);
  rcmos (cs, s, n, ~n);
  wire [1:0] v;
  assign (pull0, pull1) v = {d, ~d};
  wire [1:0] rv;
  rnmos (rv[1], v[1], n);
  rnmos (rv[0], v[0], n);
  integer i;
  initial begin
    for (i = 0; i < 6; i = i + 1) begin
      d = i % 3 == 2 ? 1'bx : i % 3;
      n = i / 3;
      #1 $display("d=%b n=%b: %v %v %v %v %v %v %v rv=%v", d, n, s, ns, rs, rrs, rrrs, rwk, cs, rv);
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| d=0 n=0: Su0 HiZ HiZ HiZ HiZ HiZ HiZ rv=HiZ_HiZ
//| d=1 n=0: Su1 HiZ HiZ HiZ HiZ HiZ HiZ rv=HiZ_HiZ
//| d=x n=0: SuX HiZ HiZ HiZ HiZ HiZ HiZ rv=HiZ_HiZ
//| d=0 n=1: Su0 St0 Pu0 We0 Me0 Me0 Pu0 rv=We0_We1
//| d=1 n=1: Su1 St1 Pu1 We1 Me1 Me1 Pu1 rv=We1_We0
//| d=x n=1: SuX StX PuX WeX MeX MeX PuX rv=WeX_WeX
