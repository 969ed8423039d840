#!/usr/bin/env bash
# Installs what is missing, builds with tests, and runs the whole suite with ctest. Every test
# has its own timeout; widget tests run on the offscreen platform. Arguments go to ctest, e.g.
#   ./scripts/test.sh -L unit              # one tier first (labels: see README.md, Tests)
#   ./scripts/test.sh -R tst_transport     # one test
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-deps.sh
./scripts/build.sh build-tests RelWithDebInfo -DBUILD_TESTING=ON
export QTEST_DISABLE_STACK_DUMP=1 QT_QPA_PLATFORM=offscreen
cd build-tests
ctest --output-on-failure --timeout 600 -j 2 "$@"
