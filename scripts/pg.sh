#!/usr/bin/env bash
# The private PostgreSQL cluster under .data/, shared by run.sh, test.sh and bench.sh.
# Source it, then call pg_up. Exports BARANGAY_PG_PORT and the connection strings.
set -euo pipefail

ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
DATA="$ROOT/.data"
PGDATA_DIR="$DATA/pg"
PG_SUPER_PASSWORD="barangay_super_dev"
PG_OWNER=barangay_owner
PG_OWNER_PASSWORD=barangay_owner_dev
PG_APP=barangay_app
PG_APP_PASSWORD=barangay_app_dev

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }

find_pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

ensure_pg_installed() {
  if PGBIN="$(find_pg_bin)"; then export PGBIN; return 0; fi
  if [ "$(id -u)" = 0 ]; then
    log "Installing PostgreSQL with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
    PGBIN="$(find_pg_bin)" || die "PostgreSQL did not install"
    export PGBIN
  else
    die "PostgreSQL is not installed. Install it (sudo apt-get install postgresql) and run again."
  fi
}

# As root the server runs as the 'postgres' user, who must be able to reach the data directory.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A port per checkout, so two clones on one machine do not collide.
pick_port() {
  if [ -n "${BARANGAY_PG_PORT:-}" ]; then echo "$BARANGAY_PG_PORT"; return; fi
  if [ -f "$DATA/pg.port" ]; then cat "$DATA/pg.port"; return; fi
  local sum; sum=$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
  echo $((54000 + sum % 1000))
}

psql_super() {
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$PG_SUPER_PASSWORD" "$PGBIN/psql" -h 127.0.0.1 -p "$BARANGAY_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

init_cluster() {
  mkdir -p "$DATA"
  local target="$PGDATA_DIR"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
    # The postgres user needs to traverse every parent of .data; if it cannot (say, under /root),
    # keep the cluster in /var/tmp and leave a link under .data.
    if ! runuser -u postgres -- test -x "$DATA" 2>/dev/null; then
      local sum; sum=$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
      target="/var/tmp/barangay-pg-$sum"
      rm -rf "$target"
      ln -sfn "$target" "$PGDATA_DIR"
    fi
  fi
  mkdir -p "$target"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$target"
  chmod 700 "$target"
  local pw; pw=$(mktemp); printf '%s\n' "$PG_SUPER_PASSWORD" > "$pw"; chmod 644 "$pw"
  log "Creating the private PostgreSQL cluster in $PGDATA_DIR"
  as_pg "$PGBIN/initdb" -D "$target" -U postgres --pwfile="$pw" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null \
    || as_pg "$PGBIN/initdb" -D "$target" -U postgres --pwfile="$pw" --auth=scram-sha-256 -E UTF8 --locale=C >/dev/null
  rm -f "$pw"
  cat > "$DATA/pg-extra.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 300
shared_buffers = 256MB
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
CONF
  as_pg bash -c "cat >> '$target/postgresql.conf'" < "$DATA/pg-extra.conf"
}

pg_running() {
  PGPASSWORD="$PG_SUPER_PASSWORD" "$PGBIN/pg_isready" -h 127.0.0.1 -p "$BARANGAY_PG_PORT" -q 2>/dev/null
}

pg_up() {
  ensure_pg_installed
  BARANGAY_PG_PORT="$(pick_port)"; export BARANGAY_PG_PORT
  mkdir -p "$DATA"; echo "$BARANGAY_PG_PORT" > "$DATA/pg.port"
  [ -f "$PGDATA_DIR/PG_VERSION" ] || init_cluster
  if ! pg_running; then
    log "Starting PostgreSQL on 127.0.0.1:$BARANGAY_PG_PORT"
    local logf="$PGDATA_DIR/server.log"
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR/" -o "-p $BARANGAY_PG_PORT" -l "$logf" -w -t 60 start >/dev/null \
      || { cat "$logf" >&2 || true; die "PostgreSQL did not start"; }
  fi
  ensure_roles
  export_connection_strings barangay barangay_jobs
}

pg_stop() {
  ensure_pg_installed
  [ -f "$PGDATA_DIR/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR/" -m fast stop >/dev/null 2>&1 || true
}

ensure_roles() {
  psql_super -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_OWNER') THEN
    CREATE ROLE $PG_OWNER LOGIN CREATEDB PASSWORD '$PG_OWNER_PASSWORD';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_APP') THEN
    CREATE ROLE $PG_APP LOGIN PASSWORD '$PG_APP_PASSWORD';
  END IF;
END \$\$;
SQL
}

# create_db NAME OWNER — idempotent.
create_db() {
  local name="$1" owner="$2"
  if [ -z "$(psql_super -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    psql_super -d postgres -c "CREATE DATABASE $name OWNER $owner"
  fi
}

drop_db() {
  psql_super -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)"
}

# export_connection_strings APPDB JOBSDB
export_connection_strings() {
  local db="$1" jobs="$2" base="Host=127.0.0.1;Port=$BARANGAY_PG_PORT"
  export ConnectionStrings__Default="$base;Database=$db;Username=$PG_APP;Password=$PG_APP_PASSWORD"
  export ConnectionStrings__Owner="$base;Database=$db;Username=$PG_OWNER;Password=$PG_OWNER_PASSWORD"
  export ConnectionStrings__Jobs="$base;Database=$jobs;Username=$PG_APP;Password=$PG_APP_PASSWORD"
  export ConnectionStrings__Super="$base;Database=postgres;Username=postgres;Password=$PG_SUPER_PASSWORD"
  export Database__AppRole="$PG_APP"
}
