#!/usr/bin/env bash
# Installs what the tests need (PostgreSQL, Chromium, espeak-ng and lame for bulletin audio), starts a throwaway PostgreSQL cluster on a
# free loopback port, runs every test project against SQLite and PostgreSQL, stops the cluster and
# prints one summary line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

need_apt=()
command -v /usr/lib/postgresql/15/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql postgresql-contrib)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
# Reports: DOCX to PDF, pdftotext/pdffonts in the tests, a Times-compatible serif with Vietnamese glyphs.
command -v libreoffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v bwrap >/dev/null 2>&1 || need_apt+=(bubblewrap)   # the sandbox LibreOffice runs in (no network, no files)
[ -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || need_apt+=(fonts-liberation2)
# Bulletins: Vietnamese speech and MP3 (5.1 MB download, 14 MB installed, 8.6 s on a fresh Debian 12: docs/bulletins.md).
command -v espeak-ng >/dev/null 2>&1 || need_apt+=(espeak-ng)
command -v lame >/dev/null 2>&1 || need_apt+=(lame)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# Scratch space for the throwaway cluster and every test's files (SQLite databases, reports, browser profiles): RAM
# (/dev/shm) when it has room. The run creates about 250 PostgreSQL databases and 300 SQLite folders; on this machine's
# ext4 root, finding free inodes for their files (ext4_get_group_desc, find_inode_bit) took two thirds of the PostgreSQL
# server's CPU, 10 of the 19 s of a 32-test class.
SCRATCH_ROOT=/tmp
if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt 4000000 ]; then SCRATCH_ROOT=/dev/shm; fi
SCRATCH=$(mktemp -d "$SCRATCH_ROOT/duluan-test.XXXXXX")
chmod 755 "$SCRATCH"

PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR=$(mktemp -d "$SCRATCH/pg.XXXXXX")
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
run_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
echo "== starting PostgreSQL on 127.0.0.1:$PG_PORT"
run_pg "$PG_BIN/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null" || { echo "0 passed, 1 failed (initdb)"; exit 1; }
run_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -o '-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off' -w -l $PG_DIR/log start >/dev/null" || { cat "$PG_DIR/log"; echo "0 passed, 1 failed (pg_ctl)"; exit 1; }
stop_pg() { run_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -m immediate stop >/dev/null 2>&1"; rm -rf "$SCRATCH"; }
trap stop_pg EXIT
# Dozens of test hosts run at once; each file watcher (configuration reload, asp-append-version on wwwroot)
# would be an inotify instance, and Linux allows 128 per user. Tests poll instead and never reload settings.
export DOTNET_hostBuilder__reloadConfigOnChange=false
export DOTNET_USE_POLLING_FILE_WATCHER=1
export DULUAN_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
# The test processes' temp files go to the scratch folder too (set only for them: the build keeps its own temp).
TEST_TMP="$SCRATCH/tmp"; mkdir -p "$TEST_TMP"

passed=0; failed=0
# Each step says how long it took, so a slower run shows where the time went.
step_start=$SECONDS
step_done() { echo "   ($(( SECONDS - step_start )) s)"; step_start=$SECONDS; }
# Whitespace here (no compilation, about 12 s); the build then checks formatting (IDE0055), braces and every other
# style and analyzer rule as errors, so a second analyzer pass (`dotnet format` in full, 2-4 minutes) is not needed.
# Not beside the build: in folder mode beside it, a quiet fresh clone's build step took 179-190 s against 113 s alone.
echo "== format"
if dotnet format whitespace DuLuan.slnx --verify-no-changes >/tmp/duluan-format.log 2>&1; then passed=$((passed+1)); else cat /tmp/duluan-format.log; echo "format: FAILED (run: dotnet format DuLuan.slnx)"; failed=$((failed+1)); fi
step_done

echo "== build"
if ! dotnet build DuLuan.slnx -c Release -nologo -v q 2>&1 | tail -5; then failed=$((failed+1)); fi
step_done

# Each test project is an xUnit v3 executable; running it directly spares `dotnet test`'s VSTest host (about 3-9 s a project).
for project in DuLuan.Analysis.Tests DuLuan.Tests DuLuan.Browser.Tests; do
  echo "== tests/$project"
  log=$(mktemp)
  bin="$ROOT/tests/$project/bin/Release/net10.0"
  if [ -x "$bin/$project" ]; then
    (cd "$bin" && TMPDIR="$TEST_TMP" "./$project" -noColor 2>&1) | tee "$log" | grep -E -A8 "\[FAIL\]|^\s*(error|Catastrophic)" | grep -vE "^\s+at " || true
  fi
  # The runner's last line: "Total: N, Errors: E, Failed: F, Skipped: S, Not Run: R, Time: ...".
  summary=$(grep -E "Total: [0-9]+, Errors: [0-9]+, Failed: [0-9]+" "$log" | tail -1)
  if [ -z "$summary" ]; then
    echo "tests/$project did not run"; failed=$((failed+1))
  else
    count() { echo "$summary" | grep -oE "$1: [0-9]+" | grep -oE "[0-9]+"; }
    total=$(count Total); errors=$(count Errors); f=$(count Failed); skipped=$(count Skipped); notrun=$(count "Not Run")
    echo "   $summary" | sed -E 's/, Time:.*//'
    passed=$((passed + total - f - skipped - notrun)); failed=$((failed + f + errors))
  fi
  rm -f "$log"
  step_done
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
