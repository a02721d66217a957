//! icarus_skip = "skip: Icarus 12 has no queue slices and no concatenations with queue operands; checked with Verilator 5.006"
// Queues (IEEE 1800-2017 7.10): push/pop at both ends, insert, delete,
// slices clipped to the queue (7.10.1), `{}` literals and
// concatenations, bounded queues (a push past the bound is dropped).
module t;
  int q[$];
  int r[$];
  int x;
  string s[$];
  byte bq[$:2];
  initial begin
    $display("size=%0d", q.size());
    q.push_back(2);
    q.push_back(3);
    q.push_front(1);
    x = q[q.size() - 1];
    $display("q=%0d %0d %0d size=%0d last=%0d", q[0], q[1], q[2], q.size(), x);
    x = q.pop_front();
    $display("pop_front=%0d size=%0d", x, q.size());
    x = q.pop_back();
    $display("pop_back=%0d size=%0d q[0]=%0d", x, q.size(), q[0]);
    q = {q, 4, 5, 6};
    q.insert(1, 9);
    foreach (q[i]) $write("%0d ", q[i]);
    $display("");
    q.delete(0);
    $display("after delete(0): q[0]=%0d size=%0d", q[0], q.size());
    r = q[1:$];
    x = r[r.size() - 1];
    $display("r size=%0d r[0]=%0d r[$]=%0d", r.size(), r[0], x);
    r = q[2:1];
    $display("empty slice size=%0d", r.size());
    r = q[-3:1];
    $display("clipped slice size=%0d", r.size());
    r = {0, q[0:1], r};
    $display("r=%0d %0d %0d size=%0d", r[0], r[1], r[2], r.size());
    q[0] = 42;
    x = q[q.size() - 2];
    $display("q[0]=%0d q[size-2]=%0d size=%0d", q[0], x, q.size());
    q = {};
    $display("cleared size=%0d", q.size());
    s.push_back("alpha");
    s.push_front("beta");
    $display("s=%s %s", s[0], s[1]);
    bq.push_back(1);
    bq.push_back(2);
    bq.push_back(3);
    bq.push_back(4);
    $display("bq size=%0d", bq.size());
    $finish;
  end
endmodule
// ---- expected output ----
//| size=0
//| q=1 2 3 size=3 last=3
//| pop_front=1 size=2
//| pop_back=3 size=1 q[0]=2
//| 2 9 4 5 6 
//| after delete(0): q[0]=9 size=4
//| r size=3 r[0]=4 r[$]=6
//| empty slice size=0
//| clipped slice size=2
//| r=0 9 4 size=5
//| q[0]=42 q[size-2]=5 size=4
//| cleared size=0
//| s=beta alpha
//| bq size=3
