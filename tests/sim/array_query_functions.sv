//! icarus_skip = "skip: Icarus 11 rejects `$size` in a parameter, `$left` of a type and of a partly indexed array; checked with Verilator 5.006, which gives 31 instead of the 'x IEEE 1800-2017 20.7 requires for a dimension that does not exist"
// Array query functions (IEEE 1800-2017 20.7) on packed and unpacked
// dimensions, ascending and descending ranges, an indexed element, a type
// name, a dimension that does not exist ('x) and a constant use.
module t;
  logic [31:0] mem [15:0];
  bit [7:0] bytes [0:3][1:2];
  logic [3:0][7:0] packed2;
  logic [0:5] up;
  logic one;
  integer i;
  typedef logic [2:9] word_t;
  localparam int N = $size(mem);
  logic [$bits(up)-1:0] sized [N];
  initial begin
    $display("mem: dims=%0d unpacked=%0d", $dimensions(mem), $unpacked_dimensions(mem));
    $display("mem 1: left=%0d right=%0d low=%0d high=%0d inc=%0d size=%0d",
             $left(mem), $right(mem), $low(mem), $high(mem), $increment(mem), $size(mem));
    $display("mem 2: left=%0d right=%0d low=%0d high=%0d inc=%0d size=%0d",
             $left(mem, 2), $right(mem, 2), $low(mem, 2), $high(mem, 2), $increment(mem, 2), $size(mem, 2));
    $display("bytes: dims=%0d unpacked=%0d", $dimensions(bytes), $unpacked_dimensions(bytes));
    for (i = 1; i <= 3; i = i + 1)
      $display("bytes %0d: left=%0d right=%0d inc=%0d size=%0d", i, $left(bytes, i), $right(bytes, i),
               $increment(bytes, i), $size(bytes, i));
    $display("bytes[1]: dims=%0d left=%0d", $dimensions(bytes[1]), $left(bytes[1]));
    $display("packed2: dims=%0d left1=%0d size2=%0d", $dimensions(packed2), $left(packed2), $size(packed2, 2));
    $display("up: left=%0d right=%0d inc=%0d", $left(up), $right(up), $increment(up));
    $display("one: dims=%0d  integer: dims=%0d left=%0d", $dimensions(one), $dimensions(i), $left(i));
    $display("word_t: left=%0d size=%0d", $left(word_t), $size(word_t));
    $display("no such dimension: %0d", $left(mem, 3));
    $display("N=%0d sized=%0d", N, $size(sized));
    $finish;
  end
endmodule
// ---- expected output ----
//| mem: dims=2 unpacked=1
//| mem 1: left=15 right=0 low=0 high=15 inc=1 size=16
//| mem 2: left=31 right=0 low=0 high=31 inc=1 size=32
//| bytes: dims=3 unpacked=2
//| bytes 1: left=0 right=3 inc=-1 size=4
//| bytes 2: left=1 right=2 inc=-1 size=2
//| bytes 3: left=7 right=0 inc=1 size=8
//| bytes[1]: dims=2 left=1
//| packed2: dims=2 left1=3 size2=8
//| up: left=0 right=5 inc=-1
//| one: dims=0  integer: dims=1 left=31
//| word_t: left=2 size=8
//| no such dimension: x
//| N=16 sized=16
