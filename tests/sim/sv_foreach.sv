//! icarus = "differs: Icarus 11 walks d[5:2] upwards; IEEE 1800-2017 12.7.3 iterates from the left bound to the right bound (5 down to 2)"
//! icarus_output = ["a sum=14", "0 1 2 10 11 12 ", "2:2 3:3 4:4 5:5 "]
// foreach (IEEE 1800-2017 12.7.3) over unpacked arrays of one and two
// dimensions, with ascending and descending ranges.
module t;
  int a [4];
  int m [2][3];
  logic [7:0] d [5:2];
  int sum;
  initial begin
    foreach (a[i]) a[i] = i * i;
    foreach (m[i, j]) m[i][j] = 10 * i + j;
    foreach (d[k]) d[k] = k;
    sum = 0;
    foreach (a[i]) sum += a[i];
    $display("a sum=%0d", sum);
    foreach (m[i, j]) $write("%0d ", m[i][j]);
    $display("");
    foreach (d[k]) $write("%0d:%0d ", k, d[k]);
    $display("");
    $finish;
  end
endmodule
// ---- expected output ----
//| a sum=14
//| 0 1 2 10 11 12 
//| 5:5 4:4 3:3 2:2 
