#!/usr/bin/env bash
# Measures what the first user of a freshly started app process waits, with the start-up warm-up (Warmup:Enabled,
# Hosting/Warmup) on and off: scripts/cold-start.sh [ROUNDS]. Each round starts the Debug build on a copy of the test
# suite's demo database (./test.sh must have prepared it), waits until /healthz says 200 (what HAProxy waits for), then
# times the first user's three requests: the sign-in page, the sign-in itself and the resident home (prerendered, with
# its queries); then the same three again on the now-warm process. Prints one line per round and mode. The figures
# follow the machine's load, printed with them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source scripts/pg.sh
ROUNDS="${1:-3}"
APP="${BARANGAY_APP_DLL:-$ROOT/Barangay.App/bin/Debug/net10.0/Barangay.App.dll}"
[ -f "$APP" ] || die "build first: $APP is missing"
pg_up >/dev/null
DB=cold_start_measure
drop_db "$DB"
psql_super -d postgres -c "CREATE DATABASE $DB TEMPLATE barangay_test_demo"
export_connection_strings "$DB" barangay_test_jobs
WORK="$(mktemp -d)"
SCHEMA=hf_cold_start
trap 'drop_db "$DB" >/dev/null 2>&1 || true; psql_super -d barangay_test_jobs -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

ms() { awk -v s="$1" 'BEGIN { printf "%d", s * 1000 }'; }

# first_user URL JAR: the three requests of a resident's first visit, each timed (ms).
first_user() {
  local url="$1" jar="$2" page token t1 t2 t3
  t1=$(curl -s -o "$WORK/login.html" -c "$jar" -w '%{time_total}' "$url/Identity/Account/Login")
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$WORK/login.html" | sed 's/.*value="//; s/"$//' | head -1)
  t2=$(curl -s -o /dev/null -b "$jar" -c "$jar" -w '%{time_total}' \
    --data-urlencode "Input.UserName=juan" --data-urlencode "Input.Password=Resident#2026demo" \
    --data-urlencode "__RequestVerificationToken=$token" "$url/Identity/Account/Login")
  page=$(curl -s -o "$WORK/home.html" -b "$jar" -w '%{time_total}' "$url/")
  grep -q "Juan" "$WORK/home.html" || { echo "the home page did not show the signed-in resident" >&2; return 1; }
  t3=$page
  echo "$(ms "$t1") $(ms "$t2") $(ms "$t3")"
}

for round in $(seq 1 "$ROUNDS"); do
  for warm in true false; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    url="http://127.0.0.1:$port"
    mkdir -p "$WORK/data"
    start=$(date +%s.%N)
    ASPNETCORE_ENVIRONMENT=Production Demo__Allowed=true Logging__LogLevel__Default=Warning PublicBaseUrl="$url" \
      AllowedHosts="127.0.0.1;localhost" Storage__DataRoot="$WORK/data" Jobs__RunServer=false Hangfire__Schema=$SCHEMA Warmup__Enabled=$warm \
      dotnet "$APP" --urls "$url" >"$WORK/app.log" 2>&1 &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 "$url/healthz")" = 200 ]; do
      kill -0 "$pid" 2>/dev/null || { cat "$WORK/app.log" >&2; die "the app exited"; }
      sleep 0.1
    done
    ready=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    read -r c1 c2 c3 < <(first_user "$url" "$WORK/jar1")
    read -r w1 w2 w3 < <(first_user "$url" "$WORK/jar2")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -rf "$WORK/jar1" "$WORK/jar2"
    printf 'COLD_START round=%s warmup=%s ready_s=%s first_user_ms=%s+%s+%s=%s warm_user_ms=%s+%s+%s=%s load=%s\n' \
      "$round" "$warm" "$ready" "$c1" "$c2" "$c3" $((c1 + c2 + c3)) "$w1" "$w2" "$w3" $((w1 + w2 + w3)) \
      "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
