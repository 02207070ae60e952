#!/usr/bin/env bash
# Builds everything and runs every test against the private PostgreSQL cluster under .data/
# (and Debian's Chromium for the end-to-end tests). The last line is: Tests: N passed, N failed, N skipped
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
cd "$ROOT"
source scripts/pg.sh
source scripts/dotnet.sh
START=$(date +%s)

pg_up
# Tests run on the fast settings (a bench run that was killed may have left the durable ones on).
pg_durable off

# Chromium for the end-to-end tests: Debian's package, never a downloaded browser. Without it (a user who cannot
# install it) the end-to-end tests are reported skipped with the reason, and counted as such in the last line.
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    log "Installing Chromium with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    log "Chromium is not installed and this user cannot install it (sudo apt-get install chromium): end-to-end tests are skipped"
  fi
fi

# The failover test (Scale/Failover) starts Patroni, etcd and HAProxy from Debian's packages; without them it is skipped.
if [ "$(id -u)" = 0 ] && ! { command -v patroni && command -v etcd && command -v haproxy; } >/dev/null 2>&1; then
  log "Installing patroni, etcd and haproxy with apt-get (the failover test)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq patroni etcd-server etcd-client haproxy >/dev/null
fi

# TEST_FILTER="FullyQualifiedName~Documents" ./test.sh runs only the matching tests (templates are still rebuilt).
FILTER=()
[ -z "${TEST_FILTER:-}" ] || FILTER=(--filter "$TEST_FILTER")

log "Building the solution"
dotnet build Barangay.Blazor.sln -c Debug -nologo -v q -clp:ErrorsOnly
APP="$ROOT/Barangay.App/bin/Debug/net10.0/Barangay.App.dll"

# Leftovers of an interrupted run.
for db in $(psql_super -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE 't\_%'"); do drop_db "$db" >/dev/null; done

log "Preparing the template databases"
drop_db barangay_test_demo >/dev/null
drop_db barangay_test_template >/dev/null
create_db barangay_test_template "$PG_OWNER"
create_db barangay_test_jobs "$PG_APP"
export_connection_strings barangay_test_template barangay_test_jobs
dotnet "$APP" migrate >/dev/null
psql_super -d postgres -c "CREATE DATABASE barangay_test_demo TEMPLATE barangay_test_template OWNER $PG_OWNER"
export_connection_strings barangay_test_demo barangay_test_jobs
# BARANGAY_TEST_NOW=2026-12-04T18:00:00+08:00 ./test.sh runs the suite "on" that moment: the demo data is seeded on the same clock.
if [ -n "${BARANGAY_TEST_NOW:-}" ]; then
  export BARANGAY_TEST_NOW
  Testing__Now="$BARANGAY_TEST_NOW" Testing__AllowShiftedClock=true dotnet "$APP" seed-demo >/dev/null
else
  dotnet "$APP" seed-demo >/dev/null
fi
export_connection_strings barangay_test_template barangay_test_jobs
export BARANGAY_TEST_TEMPLATE=barangay_test_template BARANGAY_TEST_DEMO_TEMPLATE=barangay_test_demo
export BARANGAY_APP_DLL="$APP" BARANGAY_DATA_ROOT="$DATA"

RESULTS="$DATA/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
log "Running the tests"
# What CI shows of a failure: the test's name, the first lines of its message (Playwright's names what it waited for and
# what the page showed) and the test code's own stack lines; the whole output stays in console.log.
SUMMARY='
/^[ \t]*(Failed|Skipped) |Total tests|Passed!|Failed!/ { print; msg = 0; fflush(); next }
/Error Message:/ { print; msg = 15; next }
/Stack Trace:/ { msg = 0; next }
msg > 0 { print; msg--; fflush(); next }
/^[ \t]+at Barangay/ { print; fflush() }
'

set +e
dotnet test Barangay.Tests/Barangay.Tests.csproj -c Debug --no-build -nologo "${FILTER[@]}" \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" 2>&1 \
  | grep -v -E '^\s*$' | tee "$RESULTS/console.log" | awk "$SUMMARY"
TEST_RC=${PIPESTATUS[0]}
set -e

TRX="$RESULTS/results.trx"
attr() { grep -o "<Counters [^>]*>" "$TRX" | grep -o "$1=\"[0-9]*\"" | grep -o '[0-9]*'; }
if [ -f "$TRX" ]; then
  PASSED=$(attr passed); FAILED=$(( $(attr failed) + $(attr error) + $(attr aborted) + $(attr timeout) )); SKIPPED=$(( $(attr total) - $(attr executed) )) # the TRX logger leaves notExecuted at 0 for skipped tests
else
  PASSED=0; FAILED=1; SKIPPED=0
  echo "No test results were written (the test host crashed?)" >&2
fi
# dotnet test's own exit code counts too: a crashed test host or a fixture that failed can leave a TRX with 0 failed.
if [ "$TEST_RC" != 0 ] && [ "$FAILED" = 0 ]; then
  echo "dotnet test exited with code $TEST_RC although the results list no failed test (see $RESULTS/console.log)" >&2
  FAILED=1
fi
echo "Took $(( $(date +%s) - START ))s"
echo "Tests: $PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" = 0 ] && [ "$PASSED" -gt 0 ]
