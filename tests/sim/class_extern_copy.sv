//! icarus_skip = "skip: Icarus 11 does not support extern methods; Verilator 5.006 prints the same lines except flags=0000 for the uninitialised logic property, which IEEE 1800-2017 8.7 and 6.8 make x (Verilator is two-state)"
// Out-of-class (extern) method bodies, a forward class typedef, and the
// shallow copy `new obj` (IEEE 1800-2017 8.12, 8.24, 8.27).
typedef class Node;
class Holder;
  Node n;
  extern function void attach(int v);
  extern task report();
endclass
class Node;
  int value;
  logic [3:0] flags;
endclass
function void Holder::attach(int v);
  n = new;
  n.value = v;
endfunction
task Holder::report();
  $display("node value=%0d flags=%b", n.value, n.flags);
endtask
module t;
  Holder a, b;
  initial begin
    a = new;
    a.attach(5);
    a.report();
    b = new a;
    b.n.value = 9;
    a.report();
    b.attach(1);
    a.report();
    b.report();
    $finish;
  end
endmodule
// ---- expected output ----
//| node value=5 flags=xxxx
//| node value=9 flags=xxxx
//| node value=9 flags=xxxx
//| node value=1 flags=xxxx
