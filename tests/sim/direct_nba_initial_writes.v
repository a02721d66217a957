// Initial blocks beside direct NBAs (crates/codegen/src/direct_nbas.rs):
// an initial block that ends at time 0 with blocking writes only is not
// counted as a writer (its writes are over before the clock's first edge),
// but one that assigns with NBAs is: its update must still land when the
// register also goes direct elsewhere. The counter below is read after its
// own NBA (a copy of its old value) and initialized by an initial NBA
// (ivtest pr1476440: that update was lost, and the run never ended).
module t;
  reg ck = 0;
  integer cnt;
  reg [7:0] acc = 8'd0;
  reg [7:0] rf [0:3];
  integer i;
  initial cnt <= 0;
  initial for (i = 0; i < 4; i = i + 1) rf[i] = 8'd10 * i;
  wire [7:0] rf_sum = rf[0] + rf[1] + rf[2] + rf[3];
  always #2 ck = !ck;
  always @(posedge ck) rf[cnt[1:0]] <= acc;
  always @(posedge ck) begin
    cnt <= cnt + 1;
    acc <= acc + 8'd3;
    $display("%0t cnt=%0d acc=%0d rf_sum=%0d", $time, cnt, acc, rf_sum);
    if (cnt >= 5) $finish(0);
  end
endmodule
// ---- expected output ----
//| 2 cnt=0 acc=0 rf_sum=60
//| 6 cnt=1 acc=3 rf_sum=60
//| 10 cnt=2 acc=6 rf_sum=53
//| 14 cnt=3 acc=9 rf_sum=39
//| 18 cnt=4 acc=12 rf_sum=18
//| 22 cnt=5 acc=15 rf_sum=30
