//! icarus_skip = "skip: Icarus 12 does not parse slices of unpacked arrays in expressions; the expected block follows 1800-2017 7.4.6 and 11.4.5 (element-wise equality, x when only unknown elements could differ)"
// Unpacked array slices, sub-arrays and equality (IEEE 1800-2017 7.4.3,
// 7.4.6, 7.6): constant and indexed slices on descending and ascending
// ranges, a sub-array of a 3-D array, `==`/`!=`/`===` on whole arrays and
// slices (x when only unknown elements could differ).
module t;
  bit arr_a [7:0];
  bit arr_b [7:0];
  int asc [0:5];
  int A [2][3][4], B [2][3][4];
  logic [3:0] la [0:1], lb [0:1];
  int i, k;
  initial begin
    arr_a = '{1, 1, 1, 0, 0, 1, 1, 1};
    arr_b = '{1, 1, 1, 0, 0, 1, 1, 1};
    $display("%0d %0d", arr_a == arr_b, arr_a != arr_b);
    arr_b[0] = 0;
    $display("%0d %0d", arr_a == arr_b, arr_a != arr_b);
    $display("%0d", arr_a[7:5] == arr_b[7:5]);
    arr_b = '{default: 0};
    arr_b[5:3] = arr_a[2:0];
    for (i = 7; i >= 0; i--) $write("%0d", arr_b[i]);
    $display;
    k = 1;
    arr_b = '{default: 0};
    arr_b[4+:3] = arr_a[k+:3];
    for (i = 7; i >= 0; i--) $write("%0d", arr_b[i]);
    $display;
    for (i = 0; i < 6; i++) asc[i] = i * 10;
    asc[0:1] = asc[3:4];
    asc[5-:2] = asc[1-:2];
    for (i = 0; i < 6; i++) $write("%0d ", asc[i]);
    $display;
    for (i = 0; i < 4; i++) A[0][2][i] = 5 + i;
    B[1][1] = A[0][2];
    $display("%0d %0d %0d %0d", B[1][1][0], B[1][1][1], B[1][1][2], B[1][1][3]);
    $display("%0d", B[1][1] == A[0][2]);
    la[0] = 4'b1x00; la[1] = 4'h3;
    lb[0] = 4'b1x00; lb[1] = 4'h3;
    $display("%b %b %b", la == lb, la === lb, la !== lb);
    lb[1] = 4'h4;
    $display("%b %b", la == lb, la != lb);
  end
endmodule
// ---- expected output ----
//| 1 0
//| 0 1
//| 1
//| 00111000
//| 00110000
//| 30 40 20 30 30 40 
//| 5 6 7 8
//| 1
//| x 1 0
//| 0 1
