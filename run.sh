#!/usr/bin/env bash
# Prepares the private PostgreSQL cluster under .data/, applies migrations, seeds the demo barangay
# and serves the app on http://127.0.0.1:5080. Safe to run again: every step is idempotent.
# ./run.sh --municipality: the same, then Santa Maria with three barangays and a municipal account on one app
# (scripts/run-municipality.sh; docs/municipality-rollups.md, "Demo").
set -euo pipefail
if [ "${1:-}" = "--municipality" ]; then exec "$(cd "$(dirname "$0")" && pwd)/scripts/run-municipality.sh"; fi
ROOT="$(cd "$(dirname "$0")" && pwd)"
cd "$ROOT"
source scripts/pg.sh
source scripts/dotnet.sh

pg_up
create_db barangay "$PG_OWNER"
create_db barangay_jobs "$PG_APP"
export_connection_strings barangay barangay_jobs

log "Building the app (Release)"
dotnet build Barangay.App/Barangay.App.csproj -c Release -nologo -v q -clp:ErrorsOnly
APP="$ROOT/Barangay.App/bin/Release/net10.0/Barangay.App.dll"

log "Applying migrations"
dotnet "$APP" migrate
log "Seeding the demo barangay"
dotnet "$APP" seed-demo

export Storage__DataRoot="$DATA"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
URL="${BARANGAY_URL:-http://127.0.0.1:5080}"
# Every link the app emails or prints starts with PublicBaseUrl; it answers only the hosts in AllowedHosts.
export PublicBaseUrl="${PublicBaseUrl:-$URL}"
URL_HOST="${URL#*://}"; URL_HOST="${URL_HOST%%/*}"; URL_HOST="${URL_HOST%:*}"
export AllowedHosts="${AllowedHosts:-$URL_HOST;127.0.0.1;localhost}"
cat <<INFO

  Barangay Management System: $URL

  Demo accounts (demo only; change them before real use):
    admin      admin / Admin#2026demo
    official   secretary / Official#2026demo   (Barangay Secretary)
    resident   juan / Resident#2026demo        (Juan P. Dela Cruz, Purok 1)
    official   kapitan / Kapitan#2026demo      (Punong Barangay: approves requests)
    official   treasurer / Treasurer#2026demo  (Barangay Treasurer: records fees)

  PostgreSQL: 127.0.0.1:$BARANGAY_PG_PORT (data in .data/pg). Stop it with: scripts/pg-stop.sh
  Press Ctrl+C to stop the app.

INFO
# --demo: the demo accounts above keep their published passwords, which Production otherwise refuses (DemoPasswordGuard).
exec dotnet "$APP" --urls "$URL" --demo
