// Packed structures (IEEE 1800-2017 7.2.1): fields are slices of one
// vector, the first field is the most significant.
module t;
  typedef struct packed {
    logic [3:0] opcode;
    logic [1:0] mode;
    logic [9:0] imm;
  } insn_t;
  insn_t i;
  initial begin
    i = 16'hABCD;
    $display("opcode=%h mode=%b imm=%h", i.opcode, i.mode, i.imm);
    i.mode = 2'b01;
    i.imm = 10'h3;
    $display("word=%h bits=%0d", i, $bits(insn_t));
    i = {4'h1, 2'b10, 10'h155};
    $display("word=%h", i);
    $finish;
  end
endmodule
// ---- expected output ----
//| opcode=a mode=10 imm=3cd
//| word=a403 bits=16
//| word=1955
