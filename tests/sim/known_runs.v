// Known versions in runs (crates/codegen/src/specialize.rs): a static
// body is cut at its large branches into runs of statements, and each
// run gets a known version guarded by the signals it reads. Here one run
// reads `c`, which holds X at times, while the others stay known; `dc`
// is a don't-care (assigned 'bx), left out of every guard. The clocked
// body is too large to run in place (runner::INLINE_MAX_NODES): its step
// function is split the same way. Checked against Icarus.
module t;
  reg clk = 0;
  reg [7:0] a, b, c;
  reg [3:0] op;
  reg [7:0] dc, y1, y2, y3;
  reg [7:0] r1, r2, acc;
  // runs: {y1}, then the branch's arms, then {dc}
  always @* begin
    y1 = a + b;
    if (op[0]) begin
      y2 = (a ^ c) + (b & c) - {c[3:0], a[7:4]} + (c | 8'h11);
      y3 = (y2 << 1) ^ c ^ (a - c);
    end else begin
      y2 = (a & b) + 8'd3 - (b >> 2) + (a | b);
      y3 = y2 - a + (b ^ 8'h5a) ^ (a << 2);
    end
    dc = op[1] ? 8'bx : a;
  end
  always @(posedge clk) begin
    acc <= acc + y1;
    if (acc[0]) acc <= acc ^ y3;
    if (op == 4'd9 || op == 4'd1) acc <= 8'h05;
    case (op)
      4'd0: begin
        r1 <= (a + 8'd1) ^ (b >> 0) + {c[0], a[6:0]};
        r2 <= (r1 ^ b) + (a & 8'h00) ^ (dc ^ 8'd0);
      end
      4'd1: begin
        r1 <= (a - 8'd8) & (b >> 1) - {c[1], a[6:0]};
        r2 <= (r1 & b) - (a & 8'h25) & (dc ^ 8'd1);
      end
      4'd2: begin
        r1 <= (a ^ 8'd15) | (b >> 2) ^ {c[2], a[6:0]};
        r2 <= (r1 | b) ^ (a & 8'h4a) | (dc ^ 8'd2);
      end
      4'd3: begin
        r1 <= (a & 8'd22) + (b >> 3) & {c[3], a[6:0]};
        r2 <= (r1 + b) & (a & 8'h6f) + (dc ^ 8'd3);
      end
      4'd4: begin
        r1 <= (a | 8'd29) - (b >> 0) | {c[4], a[6:0]};
        r2 <= (r1 - b) | (a & 8'h94) - (dc ^ 8'd4);
      end
      4'd5: begin
        r1 <= (a + 8'd36) ^ (b >> 1) + {c[5], a[6:0]};
        r2 <= (r1 ^ b) + (a & 8'hb9) ^ (dc ^ 8'd5);
      end
      4'd6: begin
        r1 <= (a - 8'd43) & (b >> 2) - {c[6], a[6:0]};
        r2 <= (r1 & b) - (a & 8'hde) & (dc ^ 8'd6);
      end
      4'd7: begin
        r1 <= (a ^ 8'd50) | (b >> 3) ^ {c[7], a[6:0]};
        r2 <= (r1 | b) ^ (a & 8'h03) | (dc ^ 8'd7);
      end
      4'd8: begin
        r1 <= (a & 8'd57) + (b >> 0) & {c[0], a[6:0]};
        r2 <= (r1 + b) & (a & 8'h28) + (dc ^ 8'd8);
      end
      4'd9: begin
        r1 <= (a | 8'd64) - (b >> 1) | {c[1], a[6:0]};
        r2 <= (r1 - b) | (a & 8'h4d) - (dc ^ 8'd9);
      end
      4'd10: begin
        r1 <= (a + 8'd71) ^ (b >> 2) + {c[2], a[6:0]};
        r2 <= (r1 ^ b) + (a & 8'h72) ^ (dc ^ 8'd10);
      end
      4'd11: begin
        r1 <= (a - 8'd78) & (b >> 3) - {c[3], a[6:0]};
        r2 <= (r1 & b) - (a & 8'h97) & (dc ^ 8'd11);
      end
      4'd12: begin
        r1 <= (a ^ 8'd85) | (b >> 0) ^ {c[4], a[6:0]};
        r2 <= (r1 | b) ^ (a & 8'hbc) | (dc ^ 8'd12);
      end
      4'd13: begin
        r1 <= (a & 8'd92) + (b >> 1) & {c[5], a[6:0]};
        r2 <= (r1 + b) & (a & 8'he1) + (dc ^ 8'd13);
      end
      4'd14: begin
        r1 <= (a | 8'd99) - (b >> 2) | {c[6], a[6:0]};
        r2 <= (r1 - b) | (a & 8'h06) - (dc ^ 8'd14);
      end
      4'd15: begin
        r1 <= (a + 8'd106) ^ (b >> 3) + {c[7], a[6:0]};
        r2 <= (r1 ^ b) + (a & 8'h2b) ^ (dc ^ 8'd15);
      end
    endcase
  end
  task tick;
    begin
      #5 clk = 1;
      #5 clk = 0;
      $display("op=%h a=%h b=%h c=%h y=%h %h %h dc=%h r=%h %h acc=%h", op, a, b, c, y1, y2, y3, dc, r1, r2, acc);
    end
  endtask
  integer i;
  initial begin
    tick;
    acc = 0; a = 8'h12; b = 8'h34; op = 0; tick;
    c = 8'h0f; tick;
    for (i = 0; i < 20; i = i + 1) begin
      op = i; a = a * 8'd5 + 8'd1; b = b ^ a;
      c = (i % 5 == 2) ? 8'bx1 : (i % 7 == 3) ? 8'hz0 : i * 13;
      tick;
    end
    a = 8'h0x; tick;
    a = 8'h81; op = 4'bx; tick;
    op = 4'd5; tick;
    tick;
    $finish;
  end
endmodule
// ---- expected output ----
//| op=x a=xx b=xx c=xx y=xx xx xx dc=xx r=xx xx acc=xx
//| op=0 a=12 b=34 c=xx y=46 3c d0 dc=12 r=xx xx acc=46
//| op=0 a=12 b=34 c=0f y=46 3c d0 dc=12 r=d5 xx acc=8c
//| op=0 a=5b b=6f c=00 y=ca b2 e0 dc=5b r=96 e1 acc=56
//| op=1 a=c8 b=a7 c=0d y=6f 0b a0 dc=c8 r=00 80 acc=05
//| op=2 a=e9 b=4e c=xX y=37 27 f6 dc=xx r=fe xX acc=f3
//| op=3 a=8e b=c0 c=z0 y=4e xx xx dc=xx r=0e XX acc=xx
//| op=4 a=c7 b=07 c=34 y=ce d0 7a dc=c7 r=df c7 acc=xx
//| op=5 a=e4 b=e3 c=41 y=c7 19 d0 dc=e4 r=dd 3d acc=xx
//| op=6 a=75 b=96 c=4e y=0b e9 94 dc=xx r=00 X0 acc=xx
//| op=7 a=4a b=dc c=xX y=26 xx xx dc=xx r=X9 XX acc=xx
//| op=8 a=73 b=af c=68 y=22 fa b0 dc=73 r=60 XX acc=xx
//| op=9 a=40 b=ef c=75 y=2f bb c8 dc=40 r=c9 f7 acc=05
//| op=a a=41 b=ae c=z0 y=ef c7 7e dc=xx r=e4 xx acc=7b
//| op=b a=46 b=e8 c=8f y=2e fc c0 dc=xx r=50 XX acc=bb
//| op=c a=5f b=b7 c=xX y=16 ec 06 dc=5f r=Xa fb acc=bd
//| op=d a=dc b=6b c=a9 y=47 ba ee dc=dc r=90 XX acc=53
//| op=e a=4d b=26 c=b6 y=73 6d a8 dc=xx r=6f XX acc=fb
//| op=f a=82 b=a4 c=c3 y=26 5c c4 dc=xx r=7a xx acc=3f
//| op=0 a=8b b=2f c=d0 y=ba b2 b0 dc=8b r=b6 de acc=8f
//| op=1 a=b8 b=97 c=xX y=4f xx xx dc=b8 r=X0 30 acc=05
//| op=2 a=99 b=0e c=ea y=a7 a7 06 dc=xx r=9e xX acc=03
//| op=3 a=fe b=f0 c=f7 y=ee 71 12 dc=xx r=34 XX acc=11
//| op=3 a=0x b=f0 c=f7 y=xx xx xx dc=xx r=0x XX acc=xx
//| op=x a=81 b=f0 c=f7 y=71 38 65 dc=xx r=0x XX acc=xx
//| op=5 a=81 b=f0 c=f7 y=71 e5 b7 dc=81 r=5c xx acc=xx
//| op=5 a=81 b=f0 c=f7 y=71 e5 b7 dc=81 r=5c a9 acc=xx
