//! icarus_skip = "skip: Icarus 12 has no associative arrays; checked with Verilator 5.006, which orders signed keys (int, byte) as unsigned: IEEE 1800-2017 7.9.4-7.9.7 order integral keys by value, so -3 comes first"
// Associative arrays (IEEE 1800-2017 7.8, 7.9): integral, string and
// wildcard keys; num/size/exists/delete; first/last/next/prev in key
// order (signed keys sort by value); foreach in key order; assignment
// copies (7.9.9); a missing key reads the default (7.9.11).
module t;
  int ai[int];
  string as[string];
  int aw[*];
  byte bk[byte];
  int wcopy[int];
  int k, n;
  string sk;
  byte b;
  initial begin
    $display("num=%0d size=%0d", ai.num(), ai.size());
    ai[5] = 50;
    ai[-3] = 30;
    ai[100] = 1000;
    ai[5] = 55;
    $display("num=%0d ai[5]=%0d exists(-3)=%0d exists(4)=%0d", ai.num(), ai[5], ai.exists(-3), ai.exists(4));
    foreach (ai[i]) $display("ai[%0d]=%0d", i, ai[i]);
    if (ai.first(k)) $display("first=%0d", k);
    if (ai.last(k)) $display("last=%0d", k);
    k = ai[5] / 11;
    n = ai.next(k);
    $display("next of 5: %0d %0d", n, k);
    k = ai[5] / 11;
    n = ai.prev(k);
    $display("prev of 5: %0d %0d", n, k);
    k = ai[100] / 10;
    n = ai.next(k);
    $display("next of 100: %0d %0d", n, k);
    wcopy = ai;
    wcopy[5] = 0;
    ai.delete(5);
    $display("after delete: num=%0d wcopy[5]=%0d wcopy.num=%0d", ai.num(), wcopy[5], wcopy.num());
    as["world"] = "w";
    as["hello"] = "h";
    as["abc"] = "a";
    if (as.first(sk)) begin
      do $display("as[%s]=%s", sk, as[sk]);
      while (as.next(sk));
    end
    aw[64'hFFFF_0000_0000] = 1;
    aw[3] = 2;
    $display("aw num=%0d aw[3]=%0d", aw.num(), aw[3]);
    bk[8'sd100] = 1;
    bk[-8'sd1] = 2;
    if (bk.first(b)) $display("bk first=%0d", b);
    ai.delete();
    $display("cleared num=%0d", ai.num());
    $finish;
  end
endmodule
// ---- expected output ----
//| num=0 size=0
//| num=3 ai[5]=55 exists(-3)=1 exists(4)=0
//| ai[-3]=30
//| ai[5]=55
//| ai[100]=1000
//| first=-3
//| last=100
//| next of 5: 1 100
//| prev of 5: 1 -3
//| next of 100: 0 100
//| after delete: num=2 wcopy[5]=0 wcopy.num=3
//| as[abc]=a
//| as[hello]=h
//| as[world]=w
//| aw num=2 aw[3]=2
//| bk first=-1
//| cleared num=0
