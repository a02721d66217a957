// Nets assigned bits of other signals (crates/opt/src/substitute_wires.rs
// reads them in place in `always` blocks and continuous assignments):
// what each reader sees must be what the net holds (IEEE 1364-2005 6.1.2,
// 9.7). Each case is one the substitution must get right or leave alone:
//   1. fields of an instruction register, read by a decoder (`@*`), a
//      continuous assignment and a clocked block;
//   2. `always @(f)` with an effect (a count): it counts changes of the
//      field, not of the register (a write that keeps the field wakes none);
//   3. a clocked block that writes the source and then reads the net in the
//      same activation sees the net's old value (the net updates after it);
//   4. an `initial` block, likewise, right after writing the source;
//   5. a decoder whose field has a constant part runs at time 0 (the net's
//      first value is an event), though the register is never written;
//   6. a source with an initial value: the net's reader runs at time 0;
//   7. `posedge` of a one-bit field;
//   8. a field of an undriven net: it starts Z, so the field's first value
//      (Z from X) is an event at time 0 its reader runs on.
module t;
  reg clk = 0;
  reg [15:0] ir;
  wire [3:0] op = ir[3:0];
  wire [3:0] rd = ir[7:4];
  wire [7:0] imm = {ir[15:12], ir[11:8]};
  wire [15:0] imm_shift = {{4{ir[15]}}, ir[15:8], 4'b0000};
  wire top = ir[15];

  // 1. a decoder, a continuous assignment, a clocked block
  reg [3:0] kind;
  reg [15:0] value;
  always @* begin
    kind = 4'd0;
    value = 16'd0;
    case (op)
      4'd1: begin kind = 4'd1; value = {8'd0, imm}; end
      4'd2: begin kind = 4'd2; value = imm_shift; end
      default: kind = 4'd15;
    endcase
  end
  wire [4:0] rd_plus = rd + 5'd1;
  reg [3:0] rd_q;
  reg [7:0] imm_q;
  always @(posedge clk) begin
    rd_q <= rd;
    imm_q <= imm[7:0];
  end

  // 2. counts changes of `op`
  integer op_changes = 0;
  always @(op) op_changes = op_changes + 1;

  // 3. write the source, then read the net in the same activation
  reg [15:0] ctr = 16'h0010;
  wire [3:0] ctr_hi = ctr[7:4];
  reg [3:0] seen_hi;
  always @(posedge clk) begin
    ctr = ctr + 16'h0010;
    seen_hi = ctr_hi;
  end

  // 5. a constant part: the decoder's default runs at time 0
  reg [7:0] never;
  wire [8:0] never_pad = {never, 1'b0};
  reg [1:0] never_kind;
  always @* begin
    never_kind = 2'd3;
    if (never_pad[0]) never_kind = 2'd1;
  end

  // 6. a source with an initial value
  reg [7:0] init_src = 8'ha5;
  wire [3:0] init_lo = init_src[3:0];
  reg [3:0] init_copy;
  always @* init_copy = init_lo;

  // 7. posedge of a field
  integer top_rises = 0;
  always @(posedge top) top_rises = top_rises + 1;

  // 8. an undriven source
  wire [7:0] floating;
  wire [3:0] floating_lo = floating[3:0];
  reg [3:0] floating_copy;
  always @* floating_copy = floating_lo;

  always #5 clk = ~clk;

  initial begin
    #1 $display("t0: never_kind=%0d init_copy=%h kind=%0d floating_copy=%b", never_kind, init_copy, kind,
                floating_copy);
    // 4. the net has not been updated yet in this activation
    ir = 16'h8121;
    $display("initial: op right after the write=%b", op);
    #1 $display("initial: op after a step=%0d", op);
    @(negedge clk);
    $display("1: kind=%0d value=%h rd_plus=%0d rd_q=%0d imm_q=%h", kind, value, rd_plus, rd_q, imm_q);
    ir = 16'hf032;
    @(negedge clk);
    $display("1: kind=%0d value=%h rd_plus=%0d rd_q=%0d imm_q=%h", kind, value, rd_plus, rd_q, imm_q);
    // the same op, other fields: `op` does not change
    ir = 16'h0f52;
    @(negedge clk);
    $display("1: kind=%0d value=%h rd_plus=%0d rd_q=%0d imm_q=%h", kind, value, rd_plus, rd_q, imm_q);
    ir = 16'h7777;
    @(negedge clk);
    $display("1: kind=%0d value=%h rd_plus=%0d", kind, value, rd_plus);
    $display("2: op_changes=%0d", op_changes);
    $display("3: ctr=%h seen_hi=%h", ctr, seen_hi);
    $display("7: top_rises=%0d", top_rises);
    $finish;
  end
endmodule
// ---- expected output ----
//| t0: never_kind=3 init_copy=5 kind=15 floating_copy=zzzz
//| initial: op right after the write=xxxx
//| initial: op after a step=1
//| 1: kind=1 value=0081 rd_plus=3 rd_q=2 imm_q=81
//| 1: kind=2 value=ff00 rd_plus=4 rd_q=3 imm_q=f0
//| 1: kind=2 value=00f0 rd_plus=6 rd_q=5 imm_q=0f
//| 1: kind=15 value=0000 rd_plus=8
//| 2: op_changes=3
//| 3: ctr=0050 seen_hi=4
//| 7: top_rises=1
