// Reads of a small signal reuse the value already loaded or stored in
// straight-line code (crates/codegen/src/load_cache.rs). Each read below
// follows a write that must be seen, through every way the cache forgets:
// - a store to the same signal (blocking, and a store in one arm of an
//   `if` or `?:`-driven `case`, read after the arms join);
// - a store through an array element with a variable index that is the
//   signal's own address range (an unpacked array read by constant index
//   and written by variable index);
// - a part-select store and a store of a wide (> 64-bit) value;
// - a function call that writes a module variable;
// - a chain of continuous assignments (fused into one static unit: the
//   second reads the first right after storing it) whose inputs one block
//   changes several times;
// - x and z values (the unknown plane is reused with the value).
module t;
  reg clk = 0;
  reg [31:0] a = 0, b = 0, c = 0;
  reg [7:0] arr [0:3];
  reg [1:0] k = 0;
  reg [95:0] wide = 0;
  reg [15:0] g = 0;
  reg [7:0] sel = 0;
  wire [31:0] chain1 = a ^ b;
  wire [31:0] chain2 = chain1 + c;

  function [15:0] bump(input [15:0] by);
    begin
      g = g + by;
      bump = g;
    end
  endfunction

  integer i;
  initial for (i = 0; i < 4; i = i + 1) arr[i] = 8'h10 * i;

  always @(posedge clk) begin : body
    reg [31:0] t0, t1, t2, t3, t4, t5;
    b = {24'd0, sel} + 32'd9;
    a = a + 32'd3;
    t0 = a + a;             // a just stored
    if (a[1]) a = a ^ 32'hff00;
    else b = b + 1;
    t1 = a + b;             // after the arms join: either arm's store
    arr[k] = arr[0] + 8'd1; // variable index: may be arr[0]
    t2 = {24'd0, arr[0]};   // must see the store when k == 0
    a[7:4] = 4'hc;          // part-select store
    t3 = a;
    wide[70:40] = a[30:0];
    t4 = wide[71:40];
    c = {16'd0, bump(16'd5)};
    t5 = {16'd0, g};        // the call wrote g
    case (sel[1:0])
      2'd0: b = 32'bx;
      2'd1: b = 32'bz;
      2'd2: b = {16'hzzzz, 16'h1234};
      default: b = b + 32'd7;
    endcase
    $display("t0=%h t1=%h t2=%h t3=%h t4=%h t5=%h b=%h", t0, t1, t2, t3, t4, t5, b);
    b = b | 32'h1;          // 1 | x = 1: bit 0 known, the rest as before
    $display("b1=%h", b);
    a = a + 1;
    k = k + 2'd1;
    sel = sel + 8'd1;
  end

  initial begin
    repeat (6) begin
      #5 clk = 1;
      #5 clk = 0;
      $display("chain1=%h chain2=%h", chain1, chain2);
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| t0=00000006 t1=0000ff0c t2=00000001 t3=0000ffc3 t4=0000ffc3 t5=00000005 b=xxxxxxxx
//| b1=xxxxxxxX
//| chain1=xxxxxxxX chain2=xxxxxxxx
//| t0=0001ff8e t1=000000d1 t2=00000001 t3=000000c7 t4=000000c7 t5=0000000a b=zzzzzzzz
//| b1=xxxxxxxX
//| chain1=xxxxxxxX chain2=xxxxxxxx
//| t0=00000196 t1=0000ffd6 t2=00000001 t3=0000ffcb t4=0000ffcb t5=0000000f b=zzzz1234
//| b1=xxxx1235
//| chain1=xxxxedf9 chain2=xxxxxxxx
//| t0=0001ff9e t1=000000db t2=00000001 t3=000000cf t4=000000cf t5=00000014 b=00000013
//| b1=00000013
//| chain1=000000c3 chain2=000000d7
//| t0=000001a6 t1=0000ffe0 t2=00000002 t3=0000ffc3 t4=0000ffc3 t5=00000019 b=xxxxxxxx
//| b1=xxxxxxxX
//| chain1=xxxxxxxX chain2=xxxxxxxx
//| t0=0001ff8e t1=000000d5 t2=00000002 t3=000000c7 t4=000000c7 t5=0000001e b=zzzzzzzz
//| b1=xxxxxxxX
//| chain1=xxxxxxxX chain2=xxxxxxxx
