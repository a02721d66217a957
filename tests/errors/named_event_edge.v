//! kind = "compile-error"
// A named event has no value, hence no edges (IEEE 1364-2005 9.7.3).
module t;
  event go;
  always @(negedge go) $display("never");
  always @(go) $display("fine");
endmodule
// ---- expected output ----
//| named_event_edge.v:5:20: error[E0311]: `negedge` of a named event: an event has no value, so it has no edges
//|  5 |   always @(negedge go) $display("never");
//|    |                    ^^
//|   = note: wait for the event with `@(name)` (IEEE 1364-2005 9.7.3)
