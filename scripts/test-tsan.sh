#!/usr/bin/env bash
# The ThreadSanitizer tier: builds with -DATBENCH_TSAN=ON into build-tsan (or $1) and runs the
# core (tests/unit), integration, simulator, widget (tests/ui, offscreen) and atbench-cli
# (tests/cli) tests under TSan. atbench-sim and atbench-cli, started by the tests, are TSan
# builds too. Every report (the test's own, which also fails it with exit code 66, and a
# child's, which a test that stops its child does not see) goes to $BUILD_DIR/tsan-reports/;
# the tier fails when any is there and prints them.
# A data race in the project's frames fails its test (TSan exits 66); tests/tsan.supp holds
# only what Debian's uninstrumented Qt hides from TSan. Extra arguments go to ctest, e.g.
# `scripts/test-tsan.sh build-tsan -R tst_sessionhost`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-deps.sh
BUILD_DIR=${1:-build-tsan}
shift $(( $# > 0 ? 1 : 0 ))
tests=()
for f in tests/unit/tst_*.cpp tests/integration/tst_*.cpp tests/sim/tst_*.cpp tests/ui/tst_*.cpp tests/cli/tst_*.cpp; do
  tests+=("$(basename "$f" .cpp)")
done
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DATBENCH_TSAN=ON >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc 2>/dev/null || echo 2)" # the sim tests also run atbench-sim
regex="^($(IFS='|'; echo "${tests[*]}"))\$"
source "$PWD/scripts/sanitizer-reports.sh"
cd "$BUILD_DIR"
status=0
run_ctest_with_reports tsan-reports ThreadSanitizer -R "$regex" "$@" || status=$?
exit "$status"
