//! icarus_skip = "skip: vvp 11 aborts (`%load/v error: Net arg not a signal`) on a case with a string subject"
// `case` on a string compares the texts (IEEE 1800-2017 12.5 with 6.16
// string equality), also when the labels are literals or other strings.
module t;
  string s, other;
  initial begin
    other = "three";
    s = "two";
    repeat (4) begin
      case (s)
        "one": $display("1");
        "two", "deux": $display("2");
        other: $display("3");
        default: $display("default [%s]", s);
      endcase
      if (s == "two") s = "deux";
      else if (s == "deux") s = {"th", "ree"};
      else s = "";
    end
  end
endmodule
// ---- expected output ----
//| 2
//| 2
//| 3
//| default []
