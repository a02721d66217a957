//! icarus_skip = "skip: Icarus 11 has no randcase (syntax error); Verilator 5.006 prints the same lines"
// randcase (IEEE 1800-2017 18.16): weights are expressions evaluated each
// time, a zero weight is never taken, all-zero weights take no arm.
module t;
  int hits[3];
  int w;
  int none;
  initial begin
    w = 3;
    repeat (3000) begin
      randcase
        w - 2: hits[0]++;
        0: hits[1]++;
        w: hits[2]++;
      endcase
    end
    // Expected 750 / 0 / 2250: allow a wide band.
    $display("arm1 never: %0d", hits[1] == 0);
    $display("ratio ok: %0d", hits[0] > 600 && hits[0] < 900 && hits[0] + hits[2] == 3000);
    none = 0;
    w = 0;
    randcase
      w: none = 1;
      0: none = 2;
    endcase
    $display("all zero takes none: %0d", none);
    randcase
      1: begin : only
        $display("single arm taken");
      end
    endcase
  end
endmodule
// ---- expected output ----
//| arm1 never: 1
//| ratio ok: 1
//| all zero takes none: 0
//| single arm taken
