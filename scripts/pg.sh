#!/usr/bin/env bash
# The private PostgreSQL cluster under .data/, shared by run.sh, test.sh and bench.sh.
# Source it, then call pg_up. Exports BARANGAY_PG_PORT and the connection strings.
set -euo pipefail

ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
DATA="$ROOT/.data"
PGDATA_DIR="$DATA/pg"
PG_LIB="${PG_LIB:-/usr/lib/postgresql}"   # Debian's layout: one <major>/bin per installed version
PG_SUPER_PASSWORD="barangay_super_dev"
PG_OWNER=barangay_owner
PG_OWNER_PASSWORD=barangay_owner_dev
PG_APP=barangay_app
PG_APP_PASSWORD=barangay_app_dev

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }

# The cluster's real directory. As root, when the postgres user cannot traverse the clone (a clone under /root or
# in a 0700 mktemp folder), the cluster lives under /var/tmp and .data/pg is only a link for people to follow; every
# pg_ctl/initdb call gets the real path, since the server itself cannot go through the link.
pg_real_dir() {
  if [ -s "$DATA/pg.path" ]; then cat "$DATA/pg.path"
  elif [ -L "$PGDATA_DIR" ]; then readlink -f "$PGDATA_DIR"
  else echo "$PGDATA_DIR"; fi
}

# The newest PostgreSQL installed, for a new cluster.
find_pg_bin() {
  local d best=""
  for d in $(ls -d "$PG_LIB"/*/bin 2>/dev/null | sort -V); do
    [ -x "$d/initdb" ] && best="$d"
  done
  [ -n "$best" ] && echo "$best"
}

# An existing cluster only opens with the major version that made it (PG_VERSION says which): after an upgrade
# installs a newer PostgreSQL next to it, the scripts keep using the old one rather than the first one found.
ensure_pg_installed() {
  local real version
  real="$(pg_real_dir)"
  if [ -f "$real/PG_VERSION" ]; then
    version="$(cat "$real/PG_VERSION")"
    PGBIN="$PG_LIB/$version/bin"
    # Not installed for it with apt-get: a distribution ships one major version, and an upgrade is the operator's call.
    [ -x "$PGBIN/pg_ctl" ] || die "The cluster in $real was made with PostgreSQL $version, which is not installed ($PGBIN is missing; installed: $(ls "$PG_LIB" 2>/dev/null | tr '\n' ' ')). Install PostgreSQL $version (e.g. postgresql-$version), or remove $DATA/pg, $DATA/pg.path (and $real) to start a fresh cluster (its data is lost)."
    export PGBIN
    return 0
  fi
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
# From / so that the server's tools never start in a folder postgres cannot enter.
as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
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
  rm -f "$DATA/pg.path"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
    # The postgres user needs to traverse every parent of .data; if it cannot (say, under /root),
    # keep the cluster (and its server.log) in /var/tmp, record that real path in .data/pg.path and leave a link under .data.
    if ! runuser -u postgres -- test -x "$DATA" 2>/dev/null; then
      local sum; sum=$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
      target="/var/tmp/barangay-pg-$sum"
      rm -rf "$target"
      [ -L "$PGDATA_DIR" ] || [ ! -e "$PGDATA_DIR" ] || rm -rf "$PGDATA_DIR"
      ln -sfn "$target" "$PGDATA_DIR"
      echo "$target" > "$DATA/pg.path"
    fi
  fi
  mkdir -p "$target"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$target"
  chmod 700 "$target"
  local pw; pw=$(mktemp); printf '%s\n' "$PG_SUPER_PASSWORD" > "$pw"; chmod 644 "$pw"
  log "Creating the private PostgreSQL cluster in $target ($(basename "$(dirname "$PGBIN")"))"
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
  [ -f "$(pg_real_dir)/PG_VERSION" ] || init_cluster
  if ! pg_running; then
    local real; real="$(pg_real_dir)"
    log "Starting PostgreSQL on 127.0.0.1:$BARANGAY_PG_PORT ($real)"
    local logf="$real/server.log"
    as_pg "$PGBIN/pg_ctl" -D "$real" -o "-p $BARANGAY_PG_PORT" -l "$logf" -w -t 60 start >/dev/null \
      || { cat "$logf" >&2 || true; die "PostgreSQL did not start (log: $logf)"; }
  fi
  ensure_roles
  export_connection_strings barangay barangay_jobs
}

pg_stop() {
  local real; real="$(pg_real_dir)"
  [ -f "$real/PG_VERSION" ] || return 0
  ensure_pg_installed
  as_pg "$PGBIN/pg_ctl" -D "$real" -m fast stop >/dev/null 2>&1 || true
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

# pg_durable on|off. The cluster is made fast for tests (fsync, synchronous_commit and full_page_writes off in
# postgresql.conf), which no production database runs with; bench.sh turns the durable settings on for its run
# (ALTER SYSTEM: all three take effect on a reload, no restart) and off again afterwards, so its write figures are
# those of a database that survives a crash.
pg_durable() {
  if [ "$1" = on ]; then
    psql_super -d postgres -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET synchronous_commit = on" \
      -c "ALTER SYSTEM SET full_page_writes = on" -c "SELECT pg_reload_conf()" >/dev/null
  else
    psql_super -d postgres -c "ALTER SYSTEM RESET fsync" -c "ALTER SYSTEM RESET synchronous_commit" \
      -c "ALTER SYSTEM RESET full_page_writes" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  # The postmaster reloads asynchronously: wait until a new session sees the change.
  local want; [ "$1" = on ] && want="on on on" || want="off off off"
  for _ in $(seq 1 50); do
    [ "$(pg_durability)" = "$want" ] && return 0
    sleep 0.1
  done
  die "PostgreSQL did not switch its durable settings $1 (now: $(pg_durability))"
}

# "fsync synchronous_commit full_page_writes" as a new session sees them, e.g. "on on on".
pg_durability() {
  psql_super -d postgres -c "SELECT current_setting('fsync') || ' ' || current_setting('synchronous_commit') || ' ' || current_setting('full_page_writes')"
}
