#!/usr/bin/env bash
# Configures and builds into $1 (default: build) with build type $2 (default: RelWithDebInfo).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
TYPE=${2:-RelWithDebInfo}
shift $(( $# > 2 ? 2 : $# )) || true
JOBS=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$TYPE" "$@" >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS"
