#!/usr/bin/env bash
# The package test (minutes; called from scripts/trust.sh, not from scripts/test.sh): builds the linux-x64 release and
# its .deb, unpacks the .deb into a clean root, checks its layout and the systemd unit (systemd-analyze verify), then
# runs DuLuan from the unpacked root on SQLite through the packaged `duluan` command: migrate, users add, serve, and
# GET /health must answer "ok VERSION". Prints the figures (sizes, cold start-up) and ends with "N passed, N failed".
# Usage: scripts/release-test.sh [VERSION] [DEB]   (with DEB given, nothing is built)
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="${1:-0.0.0-test}"
DEB="${2:-}"
WORK="$(mktemp -d /tmp/duluan-release-test.XXXXXX)"
passed=0
failed=0
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
check() { # check NAME COMMAND...
    if "${@:2}" >"$WORK/last.log" 2>&1; then
        passed=$((passed + 1)); echo "PASS $1"
    else
        failed=$((failed + 1)); echo "FAIL $1"; sed 's/^/    /' "$WORK/last.log" | tail -n 20
    fi
}

if [ -z "$DEB" ]; then
    RIDS=linux-x64 "$ROOT/scripts/release.sh" "$VERSION" "$WORK/out" || { echo "0 passed, 1 failed"; exit 1; }
    DEB="$(ls "$WORK"/out/duluan_*_amd64.deb)"
    (cd "$WORK/out" && sha256sum -c SHA256SUMS >/dev/null) && echo "SHA256SUMS ok"
fi

target="$WORK/root"
check "the .deb unpacks into a clean root" dpkg-deb -x "$DEB" "$target"
check "the package names its version" sh -c "dpkg-deb -f '$DEB' Version | grep -qx '${VERSION//-/\~}'"
check "layout: binary, command, unit, settings, notices" sh -c "test -x '$target/usr/lib/duluan/duluan' && test -x '$target/usr/bin/duluan' \
    && test -f '$target/usr/lib/systemd/system/duluan.service' && test -f '$target/etc/duluan/duluan.env' \
    && test -f '$target/usr/share/doc/duluan/examples/duluan-postgres.env' && test -s '$target/usr/share/doc/duluan/copyright' \
    && test -f '$target/usr/lib/duluan/wwwroot/lib/chart.js/chart.umd.min.js'"
check "maintainer scripts are executable and the settings file is a conffile" sh -c "dpkg-deb -e '$DEB' '$WORK/control' && test -x '$WORK/control/preinst' \
    && test -x '$WORK/control/postinst' && grep -qx /etc/duluan/duluan.env '$WORK/control/conffiles'"
# A Debian root has systemd's own targets and slices: give the clean root the host's, then verify the unit in it
# (the ExecStart binary must exist there; any warning, e.g. an unknown setting, fails the check too).
cp -a /lib/systemd/system/*.target /lib/systemd/system/*.slice "$target/usr/lib/systemd/system/" 2>/dev/null
verify_unit() { out=$(systemd-analyze verify --root="$target" "$target/usr/lib/systemd/system/duluan.service" 2>&1); rc=$?; echo "$out"; [ $rc -eq 0 ] && [ -z "$out" ]; }
check "systemd-analyze verify passes on the unit, no warning" verify_unit
check "duluan --version prints the release version" sh -c "'$target/usr/lib/duluan/duluan' --version | grep -qx 'duluan $VERSION'"

# The packaged command with the packaged SQLite settings, its paths moved into the clean root.
sed "s|/var/lib/duluan|$target/var/lib/duluan|" "$target/etc/duluan/duluan.env" > "$WORK/duluan.env"
mkdir -p "$target/var/lib/duluan"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run() { env -u DULUAN_Database__Provider -u DULUAN_Database__ConnectionString DULUAN_CONFIG="$WORK/duluan.env" DULUAN_SECRETS=/dev/null \
    DULUAN_BINARY="$target/usr/lib/duluan/duluan" sh "$target/usr/bin/duluan" "$@"; }
check "migrate --check lists every migration of a new database" sh -c "$(declare -f run); WORK='$WORK' target='$target'; run migrate --check | grep -q '^0001_initial$'"
check "duluan migrate creates the database" run migrate
check "duluan users add prints a one-time setup link" sh -c "$(declare -f run); WORK='$WORK' target='$target'; run users add --email admin@tinh.vn | grep -q '/Account/Setup?token='"

start=$(date +%s%N)
run serve --urls "http://127.0.0.1:$port" >"$WORK/serve.log" 2>&1 &
server=$!
health=""
for _ in $(seq 1 600); do
    health=$(curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null) && break
    sleep 0.1
done
cold_ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "GET /health answers ok $VERSION" test "$health" = "ok $VERSION"
kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; server=""
check "migrate --check: nothing pending after migrate" run migrate --check

echo
echo "| figure | value |"
echo "| --- | --- |"
echo "| .deb size | $(du -k "$DEB" | cut -f1) KB |"
[ -d "$WORK/out" ] && for f in "$WORK"/out/*.tar.gz; do echo "| $(basename "$f") size | $(du -k "$f" | cut -f1) KB |"; done
echo "| installed size | $(du -sk "$target/usr/lib/duluan" | cut -f1) KB |"
echo "| cold start to first /health (SQLite, process start to 200) | $cold_ms ms |"
echo "| load average | $(cut -d' ' -f1-3 /proc/loadavg) |"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
