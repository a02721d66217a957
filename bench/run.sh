#!/bin/sh
# wsim vs Icarus vs Verilator: compile time, cached compile, run throughput,
# front-end speed. All options go to bench/run.py (see its --help).
exec python3 "$(dirname "$0")/run.py" "$@"
