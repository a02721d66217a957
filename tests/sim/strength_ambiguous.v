// Ambiguous strengths (IEEE 1364-2005 7.10.2-7.10.3): a three-state
// buffer or MOS switch with an unknown control drives L (0 or z) or H
// (1 or z) over a range of strengths; resolving it with a pull of the same
// value gives that value, with the opposite value a range x (`65X`).
module t;
  reg d, c;
  wire b1, b0, n1, n0, p1, m;
  bufif1 (b1, d, c);
  bufif0 (pull0, pull1) (b0, d, c);
  notif1 (n1, d, c);
  notif0 (n0, d, c);
  pullup (n1);
  pulldown (n0);
  nmos (p1, d, c);
  pullup (p1);
  pmos (m, d, c);
  integer i;
  initial begin
    for (i = 0; i < 9; i = i + 1) begin
      d = i % 3 == 2 ? 1'bx : i % 3;
      c = i / 3 == 2 ? 1'bx : i / 3;
      #1 $display("d=%b c=%b: b1=%b %v b0=%v n1=%b %v n0=%b %v p1=%b %v m=%v",
                  d, c, b1, b1, b0, n1, n1, n0, n0, p1, p1, m);
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| d=0 c=0: b1=z HiZ b0=Pu0 n1=1 Pu1 n0=1 St1 p1=1 Pu1 m=St0
//| d=1 c=0: b1=z HiZ b0=Pu1 n1=1 Pu1 n0=0 St0 p1=1 Pu1 m=St1
//| d=x c=0: b1=z HiZ b0=PuX n1=1 Pu1 n0=x StX p1=1 Pu1 m=StX
//| d=0 c=1: b1=0 St0 b0=HiZ n1=1 St1 n0=0 Pu0 p1=0 St0 m=HiZ
//| d=1 c=1: b1=1 St1 b0=HiZ n1=0 St0 n0=0 Pu0 p1=1 St1 m=HiZ
//| d=x c=1: b1=x StX b0=HiZ n1=x StX n0=0 Pu0 p1=x StX m=HiZ
//| d=0 c=x: b1=x StL b0=PuL n1=1 651 n0=x 56X p1=x 65X m=StL
//| d=1 c=x: b1=x StH b0=PuH n1=x 65X n0=0 650 p1=1 651 m=StH
//| d=x c=x: b1=x StX b0=PuX n1=x StX n0=x StX p1=x StX m=StX
