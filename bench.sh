#!/usr/bin/env bash
# Builds in Release and runs the benchmarks (Barangay.Bench) against their own database, barangay_bench,
# on the private PostgreSQL cluster under .data/ (dropped, recreated and migrated for every benchmark), with the
# durable settings of a production database (fsync, synchronous_commit, full_page_writes on) for the run.
# Each figure is one line on stdout: BENCH <name> <value> <unit>[ ratio=<ours time / raw time>]
# Usage: ./bench.sh [benchmark-name ...]   (all of them by default; Barangay.Bench --list names them)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
cd "$ROOT"
source scripts/pg.sh
source scripts/dotnet.sh
START=$(date +%s)
BENCH_DB=barangay_bench
BENCH_JOBS_DB=barangay_bench_jobs

pg_up
# Durable for the whole run, and back to the fast settings the tests use however the run ends.
trap 'pg_durable off || true' EXIT
pg_durable on
log "PostgreSQL durability (fsync synchronous_commit full_page_writes): $(pg_durability)"

log "Building the app and the benchmarks (Release)"
dotnet build Barangay.App/Barangay.App.csproj -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet build Barangay.Bench/Barangay.Bench.csproj -c Release -nologo -v q -clp:ErrorsOnly >&2
APP="$ROOT/Barangay.App/bin/Release/net10.0/Barangay.App.dll"
BENCH="$ROOT/Barangay.Bench/bin/Release/net10.0/Barangay.Bench.dll"
# The app as production runs it (docker/Dockerfile publishes it: brotli, immutable fingerprinted assets), for the
# benchmarks that start an app process of their own (first_visit, circuit_capacity).
dotnet publish Barangay.App/Barangay.App.csproj -c Release -o "$ROOT/.data/bench-app" --no-build -nologo -v q -clp:ErrorsOnly >&2
export BARANGAY_APP_DLL="$ROOT/.data/bench-app/Barangay.App.dll"

# Lighthouse (the lighthouse benchmark): the npm package, installed once under .data/lighthouse where npm is.
LIGHTHOUSE="$ROOT/.data/lighthouse/node_modules/lighthouse/cli/index.js"
if [ ! -f "$LIGHTHOUSE" ] && command -v npm >/dev/null 2>&1 && { [ $# -eq 0 ] || printf '%s\n' "$@" | grep -qx lighthouse; }; then
  log "Installing Lighthouse with npm (.data/lighthouse)"
  npm install --prefix "$ROOT/.data/lighthouse" --no-audit --no-fund --silent lighthouse@12.8.2 >&2 || log "Lighthouse could not be installed"
fi
[ ! -f "$LIGHTHOUSE" ] || export BENCH_LIGHTHOUSE="$LIGHTHOUSE"

# Each benchmark runs in its own process on a freshly migrated database: a figure such as the peak working set
# is then that benchmark's own, and no benchmark measures against tables another one bloated (or that autovacuum is
# still working through).
NAMES=("$@")
if [ ${#NAMES[@]} -eq 0 ]; then
  mapfile -t NAMES < <(dotnet "$BENCH" --list | cut -d: -f1)
fi

FAILED=0
for NAME in "${NAMES[@]}"; do
  log "Preparing the $BENCH_DB database for $NAME"
  drop_db "$BENCH_DB" >/dev/null
  drop_db "$BENCH_JOBS_DB" >/dev/null
  create_db "$BENCH_DB" "$PG_OWNER"
  # Hangfire's tables (email_delivery) in a database of their own, as in the app.
  create_db "$BENCH_JOBS_DB" "$PG_APP"
  export_connection_strings "$BENCH_DB" "$BENCH_JOBS_DB"
  dotnet "$APP" migrate >/dev/null

  # The bench connects as the app role only (ConnectionStrings__Default, and __Jobs for Hangfire). The owner's
  # connection is handed over for one thing, ANALYZE after generating bench data (only a table's owner may).
  set +e
  BENCH_OWNER_CONNECTION="$ConnectionStrings__Owner" \
    env -u ConnectionStrings__Owner -u ConnectionStrings__Super \
    dotnet "$BENCH" "$NAME"
  RC=$?
  set -e
  [ "$RC" = 0 ] || FAILED=1
  [ "$RC" = 2 ] && die "the benchmark $NAME could not run (exit code 2)"
  # Another script of this checkout (test.sh) may have switched the cluster back meanwhile: then the figures are not durable ones.
  [ "$(pg_durability)" = "on on on" ] || die "the durable settings were switched off during $NAME: its figures do not count"
done
log "Took $(( $(date +%s) - START ))s"
[ "$FAILED" = 0 ] || die "a benchmark check failed (see BENCH CHECK FAILED above)"
