// NBAs of a block reordered so each register is read before it is
// written (crates/codegen/src/order_nbas.rs): a pipeline written first
// stage first, then read again after the run (`c`: its copy stays); a
// register written twice around a read of it (`h`: the writes keep their
// order); a swap and a run whose reads and writes form a cycle (kept as
// they are). Every stage must see the values from before the edge.
// Checked against Icarus.
module t;
  reg clk = 0, rst = 1;
  reg [7:0] x = 8'h11;
  reg [7:0] a, b, c, d;
  reg [7:0] p, q;
  reg [7:0] e, f, g;
  wire [7:0] sum = a + b + c + d;
  always @(posedge clk) begin
    if (rst) begin
      a <= 0; b <= 0; c <= 0; d <= 0;
    end else begin
      a <= a + x;
      b <= a;
      c <= b ^ a;
      d <= c + 8'd1;
      if (d[0]) c <= c + 8'd1;
    end
  end
  reg [7:0] h, k;
  always @(posedge clk) begin
    if (rst) begin
      h <= 8'h40; k <= 0;
    end else begin
      h <= x;
      k <= h + 8'd1;
      h <= {x[3:0], x[7:4]};
    end
  end
  always @(posedge clk) begin
    if (rst) begin
      p <= 8'h0f; q <= 8'hf0;
    end else begin
      p <= q;
      q <= p;
    end
  end
  always @(posedge clk) begin
    if (rst) begin
      e <= 0; f <= 0; g <= 0;
    end else begin
      e <= 8'd1;
      f <= e + 8'd2;
      e <= f + e;
      g <= e;
      if (f[0]) g <= g + f;
    end
  end
  initial begin
    repeat (8) begin
      #5 clk = 1;
      #5 clk = 0;
      $display("a=%h b=%h c=%h d=%h sum=%h p=%h q=%h e=%h f=%h g=%h h=%h k=%h", a, b, c, d, sum, p, q, e, f, g, h, k);
      x = x + 8'h22;
      rst = 0;
    end
    $finish;
  end
endmodule
// ---- expected output ----
//| a=00 b=00 c=00 d=00 sum=00 p=0f q=f0 e=00 f=00 g=00 h=40 k=00
//| a=33 b=00 c=00 d=01 sum=34 p=f0 q=0f e=00 f=02 g=00 h=33 k=41
//| a=88 b=33 c=01 d=01 sum=bd p=0f q=f0 e=02 f=02 g=00 h=55 k=34
//| a=ff b=88 c=02 d=02 sum=8b p=f0 q=0f e=04 f=04 g=02 h=77 k=56
//| a=98 b=ff c=77 d=03 sum=11 p=0f q=f0 e=08 f=06 g=04 h=99 k=78
//| a=53 b=98 c=78 d=78 sum=db p=f0 q=0f e=0e f=0a g=08 h=bb k=9a
//| a=30 b=53 c=cb d=79 sum=c7 p=0f q=f0 e=18 f=10 g=0e h=dd k=bc
//| a=2f b=30 c=cc d=cc sum=f7 p=f0 q=0f e=28 f=1a g=18 h=ff k=de
