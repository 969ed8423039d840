#!/usr/bin/env bash
# Installs the Debian 12 packages AT Bench needs to build, run and test. Idempotent: only
# missing packages are installed (apt-get update runs only then). Needs root or sudo.
set -euo pipefail

PACKAGES=(
  # build
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-serialport-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools linguist-qt6 libgl-dev libvulkan-dev libpaho-mqtt-dev qtkeychain-qt6-dev
  libzip-dev   # support bundles (zip)
  # run: platform plugins, a virtual display when there is none, fonts for Chinese, the MQTT
  # loop page's local broker
  qt6-qpa-plugins xvfb xauth fonts-noto-cjk mosquitto
  # tests: real peers on 127.0.0.1; a private D-Bus session and a keyring daemon for the
  # Secret Service test (tests/ui/tst_secretstorekeyring.cpp); clang for the fuzzers and valgrind
  # for instruction counts (docs/performance.md 8)
  mosquitto-clients openssl python3 socat libxml2-utils
  dbus-daemon gnome-keyring clang libclang-rt-14-dev valgrind
  # packaging checks
  dpkg-dev file desktop-file-utils appstream
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-deps: these packages are missing and I am not root (no sudo either):" >&2
    echo "  ${missing[*]}" >&2
    exit 1
  fi
fi
echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# mosquitto's package starts a system broker on port 1883; the tests start their own brokers
# on free ports and never use it.
