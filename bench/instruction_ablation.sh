#!/bin/bash
# Instructions per simulated cycle (bench/instructions.py, callgrind) of
# rv32_pipe, picorv32 and the ring at N=16 with every optimisation on, then
# with one turned off at a time, then --two-state: the ablation of
# `bench/run.sh --only ablation` as counts, which do not move with the
# machine's load the way its times do. Short runs (startup included), so
# compare the ratios, not the counts with longer runs'.
#
#   bench/instruction_ablation.sh            # WSIM_BIN, PICORV32_V as for run.sh
set -euo pipefail
R=$(cd "$(dirname "$0")/.." && pwd)
W=${WSIM_BIN:-$R/target/release/wsim}
CORE=${PICORV32_V:-/work/picorv32/picorv32.v}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count() { # artifact cycles cwd
    (cd "$3" && python3 "$R/bench/instructions.py" --wsim "$W" "$1" "$2" --top 1 | awk 'NR == 1 {print $2}')
}
printf '%-18s %10s %10s %10s\n' variant rv32_pipe picorv32 ring_N16
for v in "all optimisations:" "nba-shadows:--no-opt nba-shadows" "inline-statics:--no-opt inline-statics" \
         "fuse-cones:--no-opt fuse-cones" "direct-nbas:--no-opt direct-nbas" "known-values:--no-opt known-values" \
         "loop-locals:--no-opt loop-locals" "fuse-clocked:--no-opt fuse-clocked" "unroll-loops:--no-opt unroll-loops" "roll-copies:--no-opt roll-copies" \
         "roll-instances:--no-opt roll-instances" "wave-only:--no-opt wave-only" \
         "recompute-readers:--no-opt recompute-readers" "substitute-wires:--no-opt substitute-wires" \
         "known-variables:--no-opt known-variables" "inline-functions:--no-opt inline-functions" \
         "static-schedule:--no-opt static-schedule" "-O0:-O0" "--two-state:--two-state"; do
    name=${v%%:*}
    read -r -a flags <<< "${v#*:}"
    "$W" compile -q "${flags[@]}" "$R/bench/designs/rv32_pipe.v" --top bench_rv32 -GCYCLES=20000 -o "$work/rv32.wasm"
    "$W" compile -q "${flags[@]}" "$R/bench/designs/lfsr_ring.v" --top bench_lfsr -GN=16 -GCYCLES=10000 -o "$work/ring.wasm"
    rv32=$(count "$work/rv32.wasm" 20000 "$R/bench/designs")
    ring=$(count "$work/ring.wasm" 10000 "$R/bench/designs")
    pico=-
    if [ -f "$CORE" ]; then
        "$W" compile -q "${flags[@]}" "$R/tests/picorv32/tb_picorv32.v" "$CORE" --top tb_picorv32 -GCYCLES=10000 -o "$work/pico.wasm"
        pico=$(count "$work/pico.wasm" 10000 "$R/tests/picorv32")
    fi
    printf '%-18s %10s %10s %10s\n' "$name" "$rv32" "$pico" "$ring"
done
