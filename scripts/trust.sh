#!/usr/bin/env bash
# The long trust suites (not part of scripts/test.sh): access matrix and IDOR sweep, headers and sessions,
# fuzzing at 10,000 cases per target (DULUAN_FUZZ_CASES), the anonymity audit, the survey order audit (largest Kendall
# |tau| between arrival and every order the survey tables show, 1,000 responses per provider), the survey results'
# differencing audit (hidden cells recovered from 2,000 random surveys; 200 with --quick), the Office-file external-resource audit
# (hostile DOCX/XLSX: requests a loopback listener receives, local marker bytes in outputs; every kind converted by the
# sandboxed LibreOffice, plus one unsandboxed baseline), crash safety under SIGKILL on SQLite
# and PostgreSQL, the backup/restore drill, the disk-full drill, scale-out (3 instances behind nginx, one killed),
# load (30 responses/s for 15 min, a 10x burst, 200 staff sessions), the 2-hour soak with feed ingest, and the release
# package test (scripts/release-test.sh: build the .deb, unpack it into a clean root, serve /health from it).
# Starts its own throwaway PostgreSQL like scripts/test.sh and ends with one table: goal, measured, met / NOT met.
#   scripts/trust.sh           full run (about 4 hours on 2 cores: 1 h suites and drills, 20 min load, 2 h soak)
#   scripts/trust.sh --quick   the same suites with small counts (3 kills, 200 fuzz cases, 1-minute load, 3-minute soak)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
QUICK=0; [ "${1:-}" = "--quick" ] && QUICK=1

need_apt=()
command -v /usr/lib/postgresql/15/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql postgresql-contrib)
[ -x /usr/sbin/nginx ] || need_apt+=(nginx-light)   # the scale-out drill's round-robin proxy
command -v libreoffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)   # the Office-file audit's conversions
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v bwrap >/dev/null 2>&1 || need_apt+=(bubblewrap)
command -v systemd-analyze >/dev/null 2>&1 || need_apt+=(systemd)   # the package test verifies the unit
command -v zip >/dev/null 2>&1 || need_apt+=(zip)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

PG_BIN=/usr/lib/postgresql/15/bin
export PATH="$PG_BIN:$PATH"   # pg_dump / pg_restore for `duluan backup` on PostgreSQL
PG_DIR=$(mktemp -d /tmp/duluan-trust-pg.XXXXXX)
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55433)
run_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
echo "== starting PostgreSQL on 127.0.0.1:$PG_PORT"
run_pg "$PG_BIN/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null" || exit 1
# fsync stays on here: the crash drill is about durability.
run_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -o '-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=400' -w -l $PG_DIR/log start >/dev/null" || { cat "$PG_DIR/log"; exit 1; }
REPORT=$(mktemp /tmp/duluan-trust-report.XXXXXX)
stop_pg() { run_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -m immediate stop >/dev/null 2>&1"; rm -rf "$PG_DIR"; }
trap stop_pg EXIT
export DOTNET_hostBuilder__reloadConfigOnChange=false
export DOTNET_USE_POLLING_FILE_WATCHER=1
export DULUAN_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export DULUAN_TRUST_REPORT="$REPORT"
[ $QUICK -eq 0 ] && export DULUAN_TRUST_FULL=1
export DULUAN_FUZZ_CASES=10000; [ $QUICK -eq 1 ] && export DULUAN_FUZZ_CASES=200
KILLS=50; [ $QUICK -eq 1 ] && KILLS=3
LOAD_ARGS="--minutes 15 --burst-seconds 60 --staff 200 --staff-seconds 120"; SOAK_MINUTES=120
[ $QUICK -eq 1 ] && LOAD_ARGS="--minutes 1 --burst-seconds 10 --staff 20 --staff-seconds 20" && SOAK_MINUTES=3

echo "== build"
dotnet build DuLuan.slnx -c Release -nologo -v q 2>&1 | tail -3

started=$(date +%s)
echo "== trust tests (access matrix, IDOR, headers, sessions, fuzzing, anonymity, survey order, survey differencing, Office-file external resources)"
dotnet test tests/DuLuan.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~DuLuan.Tests.Trust" 2>&1 \
  | grep -E "^\s*(Failed |Passed!|Failed!)" || true
echo "== survey order audit (largest |tau| over every observable order, per provider)"
grep -q 'survey storage order' "$REPORT" && grep 'survey storage order' "$REPORT" | cut -f2,3 | sed -E 's/^survey storage order vs arrival: largest Kendall \|tau\| over ([0-9]+) observable orders.*\(([A-Za-z]+)\); goal < ([0-9.]+)\t/  \2: |tau| max over \1 orders (goal < \3): /' \
  || echo "  not measured"

BENCH="dotnet bench/DuLuan.Bench/bin/Release/net10.0/DuLuan.Bench.dll"
for provider in sqlite postgres; do
  echo "== crash and backup drill on $provider ($KILLS kills)"
  (cd bench/DuLuan.Bench/bin/Release/net10.0 && dotnet DuLuan.Bench.dll trust crash --provider $provider --kills $KILLS --out "$REPORT") 2>&1 | grep -v '"EventId"'
done

echo "== disk-full drill"
if [ "$(id -u)" -eq 0 ] && mkdir -p /tmp/duluan-trust-full && mount -t tmpfs -o size=64m tmpfs /tmp/duluan-trust-full 2>/dev/null; then
  (cd bench/DuLuan.Bench/bin/Release/net10.0 && dotnet DuLuan.Bench.dll trust diskfull --dir /tmp/duluan-trust-full --out "$REPORT") 2>&1 | grep -v '"EventId"'
  umount /tmp/duluan-trust-full
else
  printf 'disk\tdisk full: clean errors, no corruption, recovery\tnot run (mount -t tmpfs needs root)\tNOT met\n' >> "$REPORT"
fi

run_bench() { (cd bench/DuLuan.Bench/bin/Release/net10.0 && dotnet DuLuan.Bench.dll "$@" --out "$REPORT") 2>&1 | grep -v '"EventId"'; }
echo "== scale-out: 3 instances on PostgreSQL behind nginx, one killed (load average $(cut -d' ' -f1-3 /proc/loadavg))"
run_bench trust scale --seconds 30 --clients 32
echo "== load: 30 survey responses/s, a 10x burst, staff sessions (load average $(cut -d' ' -f1-3 /proc/loadavg))"
run_bench trust load --provider postgres $LOAD_ARGS
echo "== soak: $SOAK_MINUTES min with feed ingest (load average $(cut -d' ' -f1-3 /proc/loadavg))"
run_bench trust soak --provider postgres --minutes $SOAK_MINUTES
echo "== release package: build the .deb, unpack into a clean root, serve from it (load average $(cut -d' ' -f1-3 /proc/loadavg))"
scripts/release-test.sh 0.0.0-trust > /tmp/duluan-release-test.log 2>&1; release_rc=$?
grep -v '"EventId"' /tmp/duluan-release-test.log | tail -n 25
release_summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' /tmp/duluan-release-test.log | tail -n 1)
cold=$(sed -n 's/^| cold start to first \/health.* | \([0-9]*\) ms |$/\1/p' /tmp/duluan-release-test.log)
printf 'release\t.deb unpacked into a clean root serves /health with its version; unit verified\t%s; cold start %s ms\t%s\n' \
  "${release_summary:-not run}" "${cold:-?}" "$([ $release_rc -eq 0 ] && echo met || echo 'NOT met')" >> "$REPORT"

echo
echo "== trust figures ($(( ($(date +%s) - started) / 60 )) min, $([ $QUICK -eq 1 ] && echo quick || echo full) run)"
{ printf 'AREA\tGOAL\tMEASURED\tRESULT\n'; cat "$REPORT"; } | python3 -c '
import sys
rows = [l.rstrip("\n").split("\t") for l in sys.stdin if l.strip()]
w = [max(len(r[i]) for r in rows) for i in range(4)]
w[1] = min(w[1], 90); w[2] = min(w[2], 80)
for r in rows:
    print("  ".join(c[:w[i]].ljust(w[i]) for i, c in enumerate(r)))
'
met=$(grep -c $'\tmet$' "$REPORT"); notmet=$(grep -c $'\tNOT met$' "$REPORT")
echo "$met met, $notmet not met"
rm -f "$REPORT"
[ "$notmet" -eq 0 ]
