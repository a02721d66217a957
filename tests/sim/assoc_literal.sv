//! icarus_skip = "skip: Icarus 12 has no associative arrays; checked with Verilator 5.006"
// Associative array literals (IEEE 1800-2017 7.9.11): keyed items and a
// `default:` value that missing keys read (without a warning); passing an
// associative array to a task copies it (7.7, 7.9.9).
module t;
  string words[int] = '{1: "one", 2: "two", default: "none"};
  int counts[string];
  task automatic show(string w[int], int k);
    w[k] = "changed";
    $display("in task: %s %s num=%0d", w[1], w[k], w.num());
  endtask
  initial begin
    $display("%s %s %s num=%0d", words[1], words[2], words[7], words.num());
    show(words, 2);
    $display("after task: %s num=%0d", words[2], words.num());
    counts = '{"a": 1, "b": 2};
    counts["a"] += 10;
    $display("a=%0d b=%0d num=%0d", counts["a"], counts["b"], counts.num());
    $finish;
  end
endmodule
// ---- expected output ----
//| one two none num=2
//| in task: one changed num=2
//| after task: two num=2
//| a=11 b=2 num=2
