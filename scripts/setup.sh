#!/usr/bin/env bash
# Install everything wsim needs to build and test on a fresh Debian machine of
# this kind: the wasm32 target for guest-rt, Icarus Verilog for the
# differential tests. Idempotent; safe to rerun.
set -euo pipefail

need_apt=()
command -v iverilog >/dev/null 2>&1 || need_apt+=(iverilog)
if [ ${#need_apt[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
fi
