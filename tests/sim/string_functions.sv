// Strings as function/task arguments, return values, automatic variables,
// with $sformatf/$sformat/$sscanf (IEEE 1800-2017 6.16, 21.3.3, 21.3.4).
module t;
  string g;
  int c, n;

  function automatic string greet(input string who, input int times);
    string acc;
    acc = "";
    for (int i = 0; i < times; i++) acc = {acc, "hi "};
    return {acc, who};
  endfunction

  function string describe(input string a);
    describe = $sformatf("<%s:%0d>", a, a.len());
  endfunction

  task automatic shout(input string msg, output string out);
    string tmp;
    tmp = {msg, "!"};
    out = tmp;
  endtask

  initial begin
    g = greet("bob", 2);
    $display("[%s]", g);
    $display("%s", describe(g));
    shout("hey", g);
    $display("[%s]", g);
    $sformat(g, "%0d-%s-%h", 42, "x", 8'hab);
    $display("[%s] %0d", g, g.len());
    g = "123 word";
    n = $sscanf(g, "%d", c);
    $display("%0d %0d", n, c);
    g = $sformatf("%s and %s", describe("a"), describe("bc"));
    $display("%s", g);
  end
endmodule
// ---- expected output ----
//| [hi hi bob]
//| <hi hi bob:9>
//| [hey!]
//| [42-x-ab] 7
//| 1 123
//| <a:1> and <bc:2>
