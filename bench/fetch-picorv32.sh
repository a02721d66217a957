#!/bin/sh
# Make the picorv32 core available to the tests and benchmarks without
# committing it: copy it from a given file (default /work/picorv32/picorv32.v)
# to bench/picorv32/picorv32.v (git-ignored by convention), verify it looks
# like the YosysHQ core, and print the PICORV32_V line to export.
#
#   bench/fetch-picorv32.sh [path/to/picorv32.v]
#   export PICORV32_V=$PWD/bench/picorv32/picorv32.v
set -eu
src=${1:-/work/picorv32/picorv32.v}
dest_dir=$(cd "$(dirname "$0")" && pwd)/picorv32
if [ ! -f "$src" ]; then
    echo "error: $src not found; pass the path of YosysHQ/picorv32's picorv32.v" >&2
    echo "       (https://github.com/YosysHQ/picorv32/blob/main/picorv32.v)" >&2
    exit 1
fi
if ! grep -q '^module picorv32 #(' "$src"; then
    echo "error: $src does not define module picorv32" >&2
    exit 1
fi
mkdir -p "$dest_dir"
cp "$src" "$dest_dir/picorv32.v"
echo "export PICORV32_V=$dest_dir/picorv32.v"
