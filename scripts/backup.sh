#!/usr/bin/env bash
# Backups of the cluster of scripts/cluster.sh, and the drill that proves they restore.
#   scripts/backup.sh base           base backup of the leader (pg_basebackup) -> .data/cluster/backups/base-<time>
#                                    (with the WAL archive every node's archive_command fills, it restores to any moment)
#   scripts/backup.sh dump           pg_dump of each database (custom format) -> .data/cluster/backups/dump-<time>
#   scripts/backup.sh restore-drill  base backup, rows written before and after a moment T, point-in-time restore to T
#                                    into a scratch server, counts compared; prints "RESTORE name value" lines
# On three machines the archive is a directory every node can write (NFS) or, better, pgBackRest/WAL-G to object
# storage (docs/scale-out.md); the commands stay the same.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }
eval "$(scripts/cluster.sh env)"
source "$CLUSTER_DIR/secrets.env"
PGBIN="$CLUSTER_PGBIN"
B="$CLUSTER_DIR/backups"
mkdir -p "$B"
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && setpriv --reuid=postgres --regid=postgres --init-groups env HOME=/var/lib/postgresql "$@"); else "$@"; fi; }
sql() { PGPASSWORD="$PG_SUPER_PASSWORD" PGCONNECT_TIMEOUT=3 "$PGBIN/psql" -h 127.0.0.1 -p "$CLUSTER_WRITE_PORT" -U postgres -d "${DB:-barangay}" -qAt -v ON_ERROR_STOP=1 -c "$1"; }

base_backup() {
  local dir
  dir="$B/base-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"; chmod 700 "$dir"
  log "Base backup of the leader into $dir"
  as_pg env PGPASSWORD="$PG_REPL_PASSWORD" "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$CLUSTER_WRITE_PORT" -U replicator \
    -D "$dir" -Fp -X stream -c fast --no-password >&2
  echo "$dir"
}

dump() {
  local dir db
  dir="$B/dump-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$dir"; chmod 700 "$dir"
  for db in barangay barangay_jobs; do
    PGPASSWORD="$PG_SUPER_PASSWORD" "$PGBIN/pg_dump" -h 127.0.0.1 -p "$CLUSTER_WRITE_PORT" -U postgres -Fc -f "$dir/$db.dump" "$db"
  done
  log "Dumps in $dir"; echo "$dir"
}

counts() { # one line: drill rows, residents, document requests, complaints, audit rows
  sql "SELECT (SELECT count(*) FROM restore_drill) || ' ' || (SELECT count(*) FROM residents) || ' ' || (SELECT count(*) FROM document_requests) || ' ' || (SELECT count(*) FROM complaints) || ' ' || (SELECT count(*) FROM audit_logs)"
}

restore_drill() {
  sql "CREATE TABLE IF NOT EXISTS restore_drill (n int NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())"
  sql "INSERT INTO restore_drill (n) SELECT g FROM generate_series(1, 100) g"
  local base; base="$(base_backup)"
  sql "INSERT INTO restore_drill (n) SELECT g FROM generate_series(101, 200) g"
  local before target
  before="$(counts)"
  sleep 1; target="$(sql "SELECT clock_timestamp()")"; sleep 1
  # Written after the moment we restore to: the restored copy must not have them.
  sql "INSERT INTO restore_drill (n) SELECT g FROM generate_series(201, 250) g"
  local wal; wal="$(DB=postgres sql "SELECT pg_walfile_name(pg_current_wal_lsn())")"
  DB=postgres sql "SELECT pg_switch_wal()" >/dev/null
  for _ in $(seq 1 150); do
    [ -f "$CLUSTER_DIR/archive/$wal" ] && break; sleep 0.2
  done
  [ -f "$CLUSTER_DIR/archive/$wal" ] || die "WAL $wal did not reach the archive"

  local r="$CLUSTER_DIR/restore" port=$(( CLUSTER_WRITE_PORT + 6 ))
  [ -f "$r/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$r" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$r"; cp -a "$base" "$r"
  # The copy is Patroni's data directory: make it a stand-alone server on a port of its own that archives nothing.
  as_pg bash -c "cat >> '$r/postgresql.auto.conf'" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$r'
archive_mode = off
synchronous_standby_names = ''
primary_conninfo = ''
restore_command = 'cp $CLUSTER_DIR/archive/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
recovery_target_timeline = 'latest'
CONF
  rm -f "$r/standby.signal"; as_pg touch "$r/recovery.signal"
  log "Restoring to $target on port $port"
  local start; start=$(date +%s)
  as_pg "$PGBIN/pg_ctl" -D "$r" -l "$r/restore.log" -w -t 300 start >/dev/null || { tail -20 "$r/restore.log" >&2; die "the restore did not start"; }
  for _ in $(seq 1 300); do
    [ "$(PGPASSWORD="$PG_SUPER_PASSWORD" "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c "SELECT pg_is_in_recovery()" 2>/dev/null)" = f ] && break
    sleep 0.2
  done
  local restored; restored="$(CLUSTER_WRITE_PORT=$port counts)"
  local took=$(( $(date +%s) - start ))
  as_pg "$PGBIN/pg_ctl" -D "$r" -m fast stop >/dev/null
  rm -rf "$r"
  echo "RESTORE target_time $target"
  echo "RESTORE counts_at_target $before   (restore_drill residents document_requests complaints audit_logs)"
  echo "RESTORE counts_restored  $restored"
  echo "RESTORE restore_s $took"
  [ "$before" = "$restored" ] || die "the restored counts differ from those at the target time"
  echo "RESTORE ok"
}

case "${1:-}" in
  base) base_backup;;
  dump) dump;;
  restore-drill) restore_drill;;
  *) sed -n '2,10p' "$0"; exit 2;;
esac
