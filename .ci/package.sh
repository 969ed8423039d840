#!/usr/bin/env bash
# Builds the AT Bench DEB with CPack, installs it on this machine with apt-get
# (so its dependencies resolve from the Debian archive) and runs the installed
# programs.
#
#   usage: .ci/package.sh BUILD_DIR
#
# BUILD_DIR is a build of this project configured with
#   -DCMAKE_BUILD_TYPE=Release|RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr
# e.g.
#   cmake -S . -B build-pkg -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
#         -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF
#   .ci/package.sh build-pkg
# If BUILD_DIR does not exist or is not configured yet, it is configured that way.
#
# Needs root (apt-get). Exits non-zero if any check fails; a check that cannot
# run yet (a program option that does not exist) is reported as SKIP.
set -uo pipefail

die() { echo "package.sh: ERROR: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $0 BUILD_DIR"
[ "$(id -u)" -eq 0 ] || die "must run as root (installs the package with apt-get)"
SRC_DIR=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1" || die "cannot create build dir '$1'"
BUILD_DIR=$(cd "$1" && pwd)

export DEBIAN_FRONTEND=noninteractive
WORK=$(mktemp -d /tmp/atbench-package.XXXXXX)
SIM_PID=""
cleanup() {
    if [ -n "$SIM_PID" ] && kill -0 "$SIM_PID" 2>/dev/null; then kill "$SIM_PID" 2>/dev/null; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

PASSED=0; FAILED=0; SKIPPED=0
pass() { echo "PASS: $*"; PASSED=$((PASSED + 1)); }
fail() { echo "FAIL: $*"; FAILED=$((FAILED + 1)); }
skip() { echo "SKIP: $*"; SKIPPED=$((SKIPPED + 1)); }
step() { echo; echo "=== $* ==="; }

# --- tools -------------------------------------------------------------------
step "tools"
need_pkgs=()
for p in dpkg-dev desktop-file-utils appstream file python3; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
    echo "installing: ${need_pkgs[*]}"
    apt-get update -q || die "apt-get update failed"
    apt-get install -y -q --no-install-recommends "${need_pkgs[@]}" || die "could not install ${need_pkgs[*]}"
else
    echo "dpkg-dev desktop-file-utils appstream file python3: present"
fi

# --- build configuration -------------------------------------------------------
step "build configuration"
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    gen=(); command -v ninja >/dev/null && gen=(-G Ninja)
    echo "configuring $BUILD_DIR (RelWithDebInfo, prefix /usr)"
    cmake -S "$SRC_DIR" -B "$BUILD_DIR" "${gen[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF || die "cmake configure failed"
fi
cache_get() { sed -n "s/^$1:[A-Z]*=//p" "$BUILD_DIR/CMakeCache.txt" | head -n1; }
build_type=$(cache_get CMAKE_BUILD_TYPE)
prefix=$(cache_get CMAKE_INSTALL_PREFIX)
echo "CMAKE_BUILD_TYPE=$build_type CMAKE_INSTALL_PREFIX=$prefix"
case "$build_type" in
    Release|RelWithDebInfo) ;;
    *) die "CMAKE_BUILD_TYPE must be Release or RelWithDebInfo (is '$build_type')" ;;
esac
[ "$prefix" = "/usr" ] || die "CMAKE_INSTALL_PREFIX must be /usr (is '$prefix')"
if ! grep -q '^ATBENCH_DPKG_SHLIBDEPS:FILEPATH=/' "$BUILD_DIR/CMakeCache.txt"; then
    echo "dpkg-shlibdeps was not found when $BUILD_DIR was configured: reconfiguring"
    rm -f "$BUILD_DIR/CPackConfig.cmake"
    sed -i '/^ATBENCH_DPKG_SHLIBDEPS:/d' "$BUILD_DIR/CMakeCache.txt"
    cmake "$BUILD_DIR" >/dev/null || die "reconfigure failed"
fi

# --- build and package -------------------------------------------------------
step "build"
cmake --build "$BUILD_DIR" -j2 || die "build failed"

step "cpack -G DEB"
rm -f "$BUILD_DIR"/atbench_*.deb
(cd "$BUILD_DIR" && cpack -G DEB) || die "cpack failed"
debs=("$BUILD_DIR"/atbench_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || die "expected exactly one atbench_*.deb in $BUILD_DIR"
DEB=${debs[0]}
pass "built $(basename "$DEB") ($(du -h "$DEB" | cut -f1))"

step "dpkg-deb -I"
dpkg-deb -I "$DEB"
VERSION=$(dpkg-deb -f "$DEB" Version)
UPSTREAM_VERSION=${VERSION%-*}
DEPENDS=$(dpkg-deb -f "$DEB" Depends)
echo "Depends: $DEPENDS"
missing_deps=()
for d in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6serialport6 libqt6qml6 qt6-qpa-plugins; do
    echo "$DEPENDS" | grep -Eq "(^|[ ,|])$d( |,|$)" || missing_deps+=("$d")
done
if [ ${#missing_deps[@]} -eq 0 ]; then
    pass "Depends lists the Qt 6 runtime packages"
else
    fail "Depends lacks: ${missing_deps[*]}"
fi

step "dpkg-deb -c"
dpkg-deb -c "$DEB" | tee "$WORK/contents.txt"
APP_ID=io.github.atbench.AtBench
expected=(
    ./usr/bin/atbench
    ./usr/bin/atbench-cli
    ./usr/bin/atbench-sim
    ./usr/share/applications/$APP_ID.desktop
    ./usr/share/metainfo/$APP_ID.metainfo.xml
    ./usr/share/icons/hicolor/scalable/apps/$APP_ID.svg
    ./usr/share/doc/atbench/copyright
    ./usr/share/doc/atbench/changelog.Debian.gz
    ./usr/share/atbench/recipes/module-health.js
)
for s in 16 22 24 32 48 64 128 256; do
    expected+=("./usr/share/icons/hicolor/${s}x${s}/apps/$APP_ID.png")
done
absent=()
for f in "${expected[@]}"; do
    awk '{print $NF}' "$WORK/contents.txt" | grep -qxF "$f" || absent+=("$f")
done
if [ ${#absent[@]} -eq 0 ]; then
    pass "package contains ${#expected[@]} expected files"
else
    fail "package lacks: ${absent[*]}"
fi
qm_count=$(grep -c '/usr/share/atbench/translations/.*\.qm$' "$WORK/contents.txt" || true)
echo "translations (.qm) in package: $qm_count"

step "validate packaged metadata"
mkdir -p "$WORK/root"
dpkg-deb -x "$DEB" "$WORK/root"
if desktop-file-validate "$WORK/root/usr/share/applications/$APP_ID.desktop"; then
    pass "desktop-file-validate $APP_ID.desktop"
else
    fail "desktop-file-validate $APP_ID.desktop"
fi
if appstreamcli validate --no-net "$WORK/root/usr/share/metainfo/$APP_ID.metainfo.xml"; then
    pass "appstreamcli validate --no-net $APP_ID.metainfo.xml"
else
    fail "appstreamcli validate --no-net $APP_ID.metainfo.xml"
fi

# --- install -----------------------------------------------------------------
step "apt-get install $(basename "$DEB")"
# --reinstall: a rebuilt package of the same version must replace the old one.
if ! apt-get install -y -q --reinstall "$DEB"; then
    echo "apt-get install failed; updating the package lists and retrying"
    apt-get update -q && apt-get install -y -q --reinstall "$DEB" || die "apt-get install $DEB failed"
fi
if dpkg-query -W -f='${Status} ${Version}\n' atbench | grep -q "install ok installed $VERSION"; then
    pass "atbench $VERSION installed"
else
    fail "atbench $VERSION not installed: $(dpkg-query -W -f='${Status} ${Version}' atbench 2>&1)"
fi
hash -r

# --- run the installed programs -------------------------------------------------
step "atbench-cli --version"
if out=$(timeout 20 /usr/bin/atbench-cli --version 2>&1); then
    echo "$out"
    if echo "$out" | grep -qF "$UPSTREAM_VERSION"; then
        pass "atbench-cli --version reports $UPSTREAM_VERSION"
    else
        fail "atbench-cli --version does not mention $UPSTREAM_VERSION"
    fi
else
    echo "$out"; fail "atbench-cli --version exited non-zero"
fi

step "atbench --version (offscreen)"
if out=$(QT_QPA_PLATFORM=offscreen timeout 20 /usr/bin/atbench --version 2>&1); then
    echo "$out"
    if echo "$out" | grep -qF "$UPSTREAM_VERSION"; then
        pass "atbench --version reports $UPSTREAM_VERSION"
    else
        fail "atbench --version does not mention $UPSTREAM_VERSION"
    fi
else
    echo "$out"; fail "atbench --version exited non-zero"
fi

step "atbench-sim --pty: AT -> OK"
LINK="$WORK/sim-pty"
SIM_OUT="$WORK/sim.out"
/usr/bin/atbench-sim --pty "$LINK" >"$SIM_OUT" 2>"$WORK/sim.err" &
SIM_PID=$!
if python3 - "$LINK" "$SIM_OUT" "$SIM_PID" <<'PY'
import os, sys, time, select, termios, tty
link, sim_out, pid = sys.argv[1], sys.argv[2], int(sys.argv[3])

def alive():
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False

# 1. wait (10 s) for the READY line on the simulator's stdout
deadline = time.monotonic() + 10
ready = None
while time.monotonic() < deadline and ready is None:
    with open(sim_out, errors="replace") as f:
        for line in f:
            if line.startswith("READY"):
                ready = line.strip()
    if ready is None:
        if not alive():
            sys.exit("atbench-sim exited before printing READY")
        time.sleep(0.1)
if ready is None:
    sys.exit("no READY line from atbench-sim within 10 s")
print("simulator:", ready)
if not os.path.exists(link):
    sys.exit(f"READY printed but {link} does not exist")
print(f"{link} -> {os.path.realpath(link)}")

# 2. open the pty like a serial port (raw, no echo), send AT, read until OK (5 s)
fd = os.open(link, os.O_RDWR | os.O_NOCTTY)
tty.setraw(fd, termios.TCSANOW)
os.write(fd, b"AT\r\n")
buf = b""
deadline = time.monotonic() + 5
while time.monotonic() < deadline:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        buf += chunk
        if any(l.strip() == b"OK" for l in buf.splitlines()):
            break
os.close(fd)
print("received:", repr(buf))
if not any(l.strip() == b"OK" for l in buf.splitlines()):
    sys.exit("no OK line in answer to AT within 5 s")
PY
then
    pass "atbench-sim answered AT with OK"
else
    echo "atbench-sim stdout:"; cat "$SIM_OUT"; echo "atbench-sim stderr:"; cat "$WORK/sim.err"
    fail "atbench-sim --pty AT/OK exchange"
fi
if kill -0 "$SIM_PID" 2>/dev/null; then
    kill "$SIM_PID" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$SIM_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SIM_PID" 2>/dev/null && kill -KILL "$SIM_PID" 2>/dev/null
fi
wait "$SIM_PID" 2>/dev/null
SIM_PID=""

step "atbench-cli run module-health (the installed recipe) against atbench-sim --pty"
LINK="$WORK/sim-pty-recipe"
/usr/bin/atbench-sim --pty "$LINK" --loopback-only >"$WORK/sim2.out" 2>"$WORK/sim2.err" &
SIM_PID=$!
for _ in $(seq 100); do grep -q '^READY' "$WORK/sim2.out" 2>/dev/null && break; sleep 0.1; done
if timeout 120 /usr/bin/atbench-cli run /usr/share/atbench/recipes/module-health.js --port "$LINK" \
        --junit "$WORK/module-health.xml" && grep -q '<testsuites name="module-health"' "$WORK/module-health.xml"; then
    pass "atbench-cli run module-health passed and wrote JUnit XML"
else
    fail "atbench-cli run module-health on the installed simulator"
fi
kill "$SIM_PID" 2>/dev/null
wait "$SIM_PID" 2>/dev/null
SIM_PID=""

step "atbench --screenshot (offscreen)"
help=$(QT_QPA_PLATFORM=offscreen timeout 20 /usr/bin/atbench --help 2>&1 || true)
if ! echo "$help" | grep -q -- "--screenshot"; then
    skip "atbench --help does not list --screenshot yet: screenshot check not run"
else
    SHOT_DIR="$WORK/screenshots"
    mkdir -p "$SHOT_DIR"
    QT_QPA_PLATFORM=offscreen timeout 120 /usr/bin/atbench --screenshot "$SHOT_DIR"
    rc=$?
    pngs=()
    for f in "$SHOT_DIR"/*.png; do
        [ -f "$f" ] && file -b "$f" | grep -q "^PNG image data" && pngs+=("$f")
    done
    for f in "${pngs[@]}"; do echo "  $(basename "$f"): $(file -b "$f")"; done
    if [ $rc -eq 0 ] && [ ${#pngs[@]} -gt 0 ]; then
        pass "atbench --screenshot wrote ${#pngs[@]} PNG file(s)"
    else
        fail "atbench --screenshot: exit $rc, ${#pngs[@]} PNG file(s)"
    fi
fi

# --- summary -------------------------------------------------------------------
echo
echo "package.sh summary for $(basename "$DEB"): checks passed=$PASSED failed=$FAILED skipped=$SKIPPED"
[ $FAILED -eq 0 ]
