// string variables (IEEE 1800-2017 6.16): literals, empty strings, len,
// %s, concatenation and replication (11.4.12.2), comparison, ?:, arrays.
module t;
  string s, u, e;
  string init = "init";
  string arr [3];
  reg [23:0] r;
  integer i;
  initial begin
    $display("[%s] [%s] %0d %0d", e, init, e.len(), init.len());
    s = "hello";
    u = {s, ", ", "world"};
    $display("[%s] %0d", u, u.len());
    $display(u);
    u = {3{s}};
    $display("[%s] %0d", u, u.len());
    u = {2{s, "-"}};
    $display("[%s]", u);
    $display("%0d %0d %0d %0d %0d %0d", s == "hello", s != "hello", s < "help", s <= "hello", s > "hell", s >= "z");
    $display("%0d %0d", "abc" == s, e == "");
    u = s;
    s = "changed";
    $display("[%s] [%s]", u, s);
    i = 1;
    u = (i != 0) ? "yes" : "no";
    $display("[%s]", u);
    arr[0] = "zero";
    arr[1] = {arr[0], "+1"};
    arr[2] = arr[1];
    for (i = 0; i < 3; i = i + 1) $display("arr[%0d] = %s", i, arr[i]);
    $display("%s|%10s|%-6s|", "lit", s, u);
    s = "";
    $display("[%s] %0d", s, s.len());
  end
endmodule
// ---- expected output ----
//| [] [init] 0 4
//| [hello, world] 12
//| hello, world
//| [hellohellohello] 15
//| [hello-hello-]
//| 1 0 1 1 1 0
//| 0 1
//| [hello] [changed]
//| [yes]
//| arr[0] = zero
//| arr[1] = zero+1
//| arr[2] = zero+1
//| lit|   changed|yes   |
//| [] 0
