//! icarus_skip = "skip: Icarus 11 rejects `Packet::count` (class scope resolution); checked with Verilator 5.006 (without the real property, which its C++ output fails to compile), which agrees except that it prints the uninitialised `logic` property as 00 (it is two-state; IEEE 1800-2017 8.7 and 6.8 give x)"
// Class properties of several types, constructor with a default argument,
// methods with `this`, static properties, handle assignment and compare
// (IEEE 1800-2017 8.4-8.12).
module t;
  class Packet;
    int id;
    logic [7:0] data;
    real scale;
    string tag;
    static int count = 0;
    function new(int id = 5);
      this.id = id;
      count++;
      tag = "pkt";
    endfunction
    function int twice();
      return id * 2;
    endfunction
    task show();
      $display("id=%0d data=%h scale=%0.2f tag=%s count=%0d", id, data, scale, tag, count);
    endtask
  endclass
  Packet p, q;
  initial begin
    p = new;
    p.show();
    p.data = 8'hA5;
    p.scale = 1.5;
    q = new(9);
    q.show();
    p.show();
    $display("twice=%0d", p.twice());
    $display("same=%0d null=%0d", p == q, q == null);
    q = p;
    q.id = 11;
    $display("p.id=%0d same=%0d count=%0d", p.id, p == q, Packet::count);
    $finish;
  end
endmodule
// ---- expected output ----
//| id=5 data=xx scale=0.00 tag=pkt count=1
//| id=9 data=xx scale=0.00 tag=pkt count=2
//| id=5 data=a5 scale=1.50 tag=pkt count=2
//| twice=10
//| same=0 null=0
//| p.id=11 same=1 count=2
