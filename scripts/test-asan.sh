#!/usr/bin/env bash
# The sanitizer tier: builds everything with -DATBENCH_SANITIZE=ON (AddressSanitizer,
# UndefinedBehaviorSanitizer, LeakSanitizer) into build-asan (or $1) and runs the whole suite
# there. Optional and not part of .ci/run: a second full build plus a slower suite (the unit
# tier 14 s, unit + integration 110 s at -j2; docs/performance.md 7 has the last results).
# ASan/UBSan stop a test at the first error, LSan fails it at exit; tests/lsan.supp names the
# few leaks inside system libraries. Every report (the test's own and a child's: atbench-sim and
# atbench-cli are ASan builds too, and a test that stops its child does not see its exit code)
# goes to $BUILD_DIR/asan-reports/; the tier fails when any is there and prints them. JOBS sets the build's parallelism (default: all cores); extra arguments go to
# ctest, e.g. `JOBS=1 scripts/test-asan.sh build-asan -L unit`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-deps.sh
BUILD_DIR=${1:-build-asan}
shift $(( $# > 0 ? 1 : 0 ))
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DATBENCH_SANITIZE=ON >/dev/null
cmake --build "$BUILD_DIR" -j "${JOBS:-$(nproc 2>/dev/null || echo 2)}"
source "$PWD/scripts/sanitizer-reports.sh"
cd "$BUILD_DIR"
status=0
run_ctest_with_reports asan-reports "AddressSanitizer/LeakSanitizer/UBSan" "$@" || status=$?
exit "$status"
