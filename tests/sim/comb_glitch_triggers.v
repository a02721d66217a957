// A combinational block's readers are woken when any of its writes in one
// activation changed a value, even if a later write restores it (each
// change is an update event, IEEE 1364-2005 11.4 / 1800-2017 4.9.4): the
// runner marks such readers pending once, after the body
// (crates/codegen/src/runner.rs `deferred_trigger`). A loop that changes
// `acc` on every iteration wakes its reader once; writes that never change
// the value wake nothing.
module t;
  reg [3:0] sel = 0;
  reg [7:0] v = 8'h05;
  reg [7:0] acc;
  reg [7:0] same = 8'h33;
  reg [7:0] table_ [0:3];
  integer k;
  integer v_wakes = 0, acc_wakes = 0, same_wakes = 0;

  // v: 05 -> 00 -> 05 when sel is 1 (a glitch), a real change when sel is 2
  always @* begin
    v = 8'h00;
    if (sel != 4'd2) v = 8'h05;
  end
  // acc changes on every iteration
  always @* begin
    acc = 0;
    for (k = 0; k < 4; k = k + 1) acc = acc + table_[k] + sel;
  end
  // same is written twice with its own value
  always @* begin
    same = 8'h33;
    same = sel == 4'hf ? 8'h44 : 8'h33;
  end

  // Wakes at time 0 are left out: whether a reader is already waiting
  // when the writers first run is a race.
  always @(v) if ($time > 0) v_wakes = v_wakes + 1;
  always @(acc) if ($time > 0) acc_wakes = acc_wakes + 1;
  always @(same) if ($time > 0) same_wakes = same_wakes + 1;

  initial begin
    table_[0] = 1; table_[1] = 2; table_[2] = 3; table_[3] = 4;
    repeat (5) begin
      #1 sel = sel == 4'd3 ? 4'hf : sel + 1;
      #1 $display("sel=%h v=%h acc=%h same=%h wakes: v=%0d acc=%0d same=%0d",
                  sel, v, acc, same, v_wakes, acc_wakes, same_wakes);
    end
  end
endmodule
// ---- expected output ----
//| sel=1 v=05 acc=0e same=33 wakes: v=1 acc=1 same=0
//| sel=2 v=00 acc=12 same=33 wakes: v=2 acc=2 same=0
//| sel=3 v=05 acc=16 same=33 wakes: v=3 acc=3 same=0
//| sel=f v=05 acc=46 same=44 wakes: v=4 acc=4 same=1
//| sel=0 v=05 acc=0a same=33 wakes: v=5 acc=5 same=2
