// %m (1364-2005 17.1.1.4) prints the hierarchical name of the scope:
// instances, named blocks, tasks and functions.
module leaf;
  task report;
    $display("task: %m");
  endtask
  function integer f;
    input integer x;
    begin
      $display("function: %m");
      f = x;
    end
  endfunction
  integer dummy;
  initial begin : body
    #1 $display("block: %m");
    report;
    dummy = f(1);
  end
endmodule
module t;
  leaf inst();
  initial begin
    $display("top: %m");
    #2 $finish;
  end
endmodule
// ---- expected output ----
//| top: t
//| block: t.inst.body
//| task: t.inst.report
//| function: t.inst.f
