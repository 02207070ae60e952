#!/usr/bin/env bash
# ./run.sh --municipality: San Isidro's demo database as run.sh makes it, plus a municipality database (Santa Maria),
# two smaller barangays made through BarangayProvisioner and a municipal account (Barangay.App seed-municipality), all
# served by one app on http://127.0.0.1:5080 (/b/{slug}/ per barangay, /municipality/ for the municipality).
# Safe to run again: every step is idempotent. Names and passwords: Barangay.Data/Seed/MunicipalDemo.cs.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source scripts/pg.sh
source scripts/dotnet.sh

pg_up
create_db barangay "$PG_OWNER"
create_db barangay_jobs "$PG_APP"
create_db barangay_municipality "$PG_OWNER"
export_connection_strings barangay barangay_jobs
BASE="Host=127.0.0.1;Port=$BARANGAY_PG_PORT;Database=barangay_municipality"

log "Building the app (Release)"
dotnet build Barangay.App/Barangay.App.csproj -c Release -nologo -v q -clp:ErrorsOnly
APP="$ROOT/Barangay.App/bin/Release/net10.0/Barangay.App.dll"

log "Applying migrations (San Isidro)"
dotnet "$APP" migrate
log "Seeding the demo barangay (San Isidro)"
dotnet "$APP" seed-demo

export Storage__DataRoot="$DATA"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
URL="${BARANGAY_URL:-http://127.0.0.1:5080}"
export PublicBaseUrl="${PublicBaseUrl:-$URL}"
URL_HOST="${URL#*://}"; URL_HOST="${URL_HOST%%/*}"; URL_HOST="${URL_HOST%:*}"
export AllowedHosts="${AllowedHosts:-$URL_HOST;127.0.0.1;localhost}"
export Municipality__ConnectionString="$BASE;Username=$PG_APP;Password=$PG_APP_PASSWORD"
export Municipality__OwnerConnectionString="$BASE;Username=$PG_OWNER;Password=$PG_OWNER_PASSWORD"
log "Migrating the municipality and every barangay"
dotnet "$APP" migrate
# Prints the addresses and demo accounts (Barangay.Data/Seed/MunicipalDemo.cs) once everything exists.
log "Seeding the municipality of Santa Maria"
dotnet "$APP" seed-municipality
cat <<INFO

  PostgreSQL: 127.0.0.1:$BARANGAY_PG_PORT (data in .data/pg). Stop it with: scripts/pg-stop.sh
  Press Ctrl+C to stop the app.

INFO
exec dotnet "$APP" --urls "$URL" --demo
