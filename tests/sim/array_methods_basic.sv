//! icarus_skip = "skip: Icarus 12 has no array reduction, locator or ordering methods; checked with Verilator 5.006"
// Array methods (IEEE 1800-2017 7.12) on dynamic arrays and queues:
// reductions with and without `with`, min/max/unique/unique_index,
// locators with `with (item ...)` and `item.index`, sort/rsort/reverse.
module t;
  int d[] = '{5, 3, 9, 3, 1};
  byte b[$] = {1, 2, 3, 4};
  string s[] = '{"pear", "apple", "fig", "apple"};
  int q[$];
  int idx[$];
  string sq[$];
  int y;
  initial begin
    y = d.sum();
    $display("sum=%0d product=%0d", y, d.product());
    $display("and=%0d or=%0d xor=%0d", d.and(), d.or(), d.xor());
    y = b.sum() with (int'(item) * 10);
    $display("sum with=%0d", y);
    q = d.min();
    $display("min=%0d size=%0d", q[0], q.size());
    q = d.max();
    $display("max=%0d", q[0]);
    q = d.unique();
    $display("unique size=%0d", q.size());
    idx = d.unique_index();
    $display("unique_index size=%0d first=%0d", idx.size(), idx[0]);
    q = d.find with (item > 3);
    $display("find size=%0d %0d %0d", q.size(), q[0], q[1]);
    idx = d.find_index with (item == 3);
    $display("find_index %0d %0d", idx[0], idx[1]);
    q = d.find_first with (item < 4);
    $display("find_first %0d", q[0]);
    idx = d.find_first_index with (item < 4);
    $display("find_first_index %0d", idx[0]);
    q = d.find_last with (item < 4);
    $display("find_last %0d", q[0]);
    idx = d.find_last_index with (item == 3);
    $display("find_last_index %0d", idx[0]);
    q = d.find with (item == item.index);
    $display("item.index matches=%0d", q.size());
    idx = d.find_index with (item > 100);
    $display("none found=%0d", idx.size());
    sq = s.find with (item == "apple");
    $display("string find=%0d %s", sq.size(), sq[0]);
    d.sort();
    $display("sorted %0d %0d %0d %0d %0d", d[0], d[1], d[2], d[3], d[4]);
    d.rsort();
    $display("rsorted %0d %0d %0d %0d %0d", d[0], d[1], d[2], d[3], d[4]);
    d.reverse();
    $display("reversed %0d %0d %0d %0d %0d", d[0], d[1], d[2], d[3], d[4]);
    s.sort();
    $display("strings %s %s %s %s", s[0], s[1], s[2], s[3]);
    $finish;
  end
endmodule
// ---- expected output ----
//| sum=21 product=405
//| and=1 or=15 xor=13
//| sum with=100
//| min=1 size=1
//| max=9
//| unique size=4
//| unique_index size=4 first=0
//| find size=2 5 9
//| find_index 1 3
//| find_first 3
//| find_first_index 1
//| find_last 1
//| find_last_index 3
//| item.index matches=1
//| none found=0
//| string find=2 apple
//| sorted 1 3 3 5 9
//| rsorted 9 5 3 3 1
//| reversed 1 3 3 5 9
//| strings apple apple fig pear
