#!/usr/bin/env bash
# Installs what is missing, builds, and starts AT Bench. Without a serial adapter the app
# starts the built-in simulated module (ESP-AT). Extra arguments go to atbench (see --help).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-deps.sh
./scripts/build.sh build RelWithDebInfo
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display found; starting AT Bench on a virtual X display (xvfb-run)."
  exec xvfb-run -a -s "-screen 0 1280x800x24" build/app/atbench "$@"
fi
exec build/app/atbench "$@"
