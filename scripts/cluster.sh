#!/usr/bin/env bash
# The scale-out topology on one machine, every server on 127.0.0.1 and every file under .data/cluster/:
#   etcd (3 members) -> Patroni managing 3 PostgreSQL nodes (synchronous_mode) -> HAProxy (writes to the leader by
#   Patroni's REST check, reads to replicas) -> 2 app processes + 1 Hangfire worker -> HAProxy (sticky, WebSockets,
#   forwardfor). docs/scale-out/ holds the same configuration for three machines.
#
#   scripts/cluster.sh up            install what is missing (root: apt-get), start whatever is not running
#   scripts/cluster.sh up --db-only  etcd + Patroni + HAProxy only (the suite's failover test uses this)
#   scripts/cluster.sh down          stop everything this script started (by pid file), leave the data
#   scripts/cluster.sh status        members, roles, lag, processes
#   scripts/cluster.sh failover      planned switchover to the synchronous standby
#   scripts/cluster.sh kill-leader   kill -9 the leader's Patroni and its postmaster (a machine lost)
#   scripts/cluster.sh kill-app N    kill -9 app process N;  restart-app N: drained restart of app process N
#   scripts/cluster.sh env           print the connection settings (source it: eval "$(scripts/cluster.sh env)")
# Sizes and places (tests and drills set them): CLUSTER_DIR, CLUSTER_PORT_BASE, CLUSTER_NODES (2..3),
# CLUSTER_ETCD (1 or 3), CLUSTER_TTL (leader key TTL, s), CLUSTER_LOOP_WAIT, CLUSTER_RETRY_TIMEOUT, CLUSTER_CONFIG (Release).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CL="${CLUSTER_DIR:-$ROOT/.data/cluster}"
NODES="${CLUSTER_NODES:-3}"
ETCDS="${CLUSTER_ETCD:-3}"
TTL="${CLUSTER_TTL:-20}"
LOOP_WAIT="${CLUSTER_LOOP_WAIT:-2}"
RETRY_TIMEOUT="${CLUSTER_RETRY_TIMEOUT:-5}"
CONFIG="${CLUSTER_CONFIG:-Release}"
APP_DLL="${BARANGAY_APP_DLL:-$ROOT/Barangay.App/bin/$CONFIG/net10.0/Barangay.App.dll}"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }

# Ports below Linux's ephemeral range (32768+), one block of 20 per checkout so two worktrees do not collide.
port_base() {
  if [ -n "${CLUSTER_PORT_BASE:-}" ]; then echo "$CLUSTER_PORT_BASE"; return; fi
  if [ -f "$CL/port.base" ]; then cat "$CL/port.base"; return; fi
  local sum; sum=$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
  echo $((26000 + (sum % 150) * 20))
}
mkdir -p "$CL"
BASE="$(port_base)"; echo "$BASE" > "$CL/port.base"
etcd_client() { echo $((BASE + $1 - 1)); }        # +0..+2
etcd_peer()   { echo $((BASE + 2 + $1)); }        # +3..+5
pg_port()     { echo $((BASE + 5 + $1)); }        # +6..+8
rest_port()   { echo $((BASE + 8 + $1)); }        # +9..+11
WRITE_PORT=$((BASE + 12)); READ_PORT=$((BASE + 13)); ADMIN_PORT=$((BASE + 14)); WEB_PORT=$((BASE + 15))
app_port()    { echo $((BASE + 15 + $1)); }       # +16, +17

PG_LIB=/usr/lib/postgresql
PGBIN="$(ls -d $PG_LIB/*/bin 2>/dev/null | sort -V | tail -1)"

# ---------------------------------------------------------------- processes: pid files, never names
# A pid counts as ours only while its command line still names this cluster's directory (a reused pid is not ours).
ours() { local pid="$1"; [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$CL/"; }
pid_of() { [ -f "$CL/run/$1.pid" ] && cat "$CL/run/$1.pid" || true; }
running() { ours "$(pid_of "$1")"; }
# start NAME AS_POSTGRES CMD... — detached (own session), output to logs/NAME.log, pid to run/NAME.pid.
start() {
  local name="$1" aspg="$2"; shift 2
  running "$name" && return 0
  local pre=()
  [ "$aspg" = yes ] && [ "$(id -u)" = 0 ] && pre=(setpriv --reuid=postgres --regid=postgres --init-groups env HOME=/var/lib/postgresql)
  setsid "${pre[@]}" "$@" >> "$CL/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$CL/run/$name.pid"
}
stop_pid() { # stop_pid PID SECONDS: TERM, then KILL after SECONDS
  local pid="$1" t="$2"
  ours "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((t * 10))); do ours "$pid" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
stop() { stop_pid "$(pid_of "$1")" "${2:-15}"; rm -f "$CL/run/$1.pid"; }
postmaster_pid() { local f="$CL/node$1/data/postmaster.pid"; [ -f "$f" ] && head -1 "$f" || true; }
wait_for() { # wait_for SECONDS WHAT CMD...
  local t="$1" what="$2"; shift 2
  for _ in $(seq 1 $((t * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  die "$what did not come up in ${t}s (logs: $CL/logs)"
}

# ---------------------------------------------------------------- install and secrets
ensure_installed() {
  local missing=()
  command -v patroni >/dev/null || missing+=(patroni)
  command -v etcd >/dev/null || missing+=(etcd-server)
  command -v etcdctl >/dev/null || missing+=(etcd-client)
  command -v haproxy >/dev/null && [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  [ -n "$PGBIN" ] || missing+=(postgresql postgresql-contrib)
  [ ${#missing[@]} = 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "Missing: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) and run again."
  log "Installing ${missing[*]} with apt-get"
  apt-get update -qq
  # policy-rc.d may start the packaged services: they are stopped right after, this script runs its own.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  PGBIN="$(ls -d $PG_LIB/*/bin 2>/dev/null | sort -V | tail -1)"
}

secrets() {
  if [ ! -f "$CL/secrets.env" ]; then
    local r; r() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }
    umask 077
    cat > "$CL/secrets.env" <<EOF
PG_SUPER_PASSWORD=$(r)
PG_REPL_PASSWORD=$(r)
PG_REWIND_PASSWORD=$(r)
PG_OWNER_PASSWORD=$(r)
PG_APP_PASSWORD=$(r)
EOF
    umask 022
  fi
  # shellcheck disable=SC1091
  source "$CL/secrets.env"
}

# ---------------------------------------------------------------- configuration files
etcd_cluster() { local i s=""; for i in $(seq 1 "$ETCDS"); do s+="${s:+,}etcd$i=http://127.0.0.1:$(etcd_peer "$i")"; done; echo "$s"; }
etcd_hosts() { local i s=""; for i in $(seq 1 "$ETCDS"); do s+="${s:+,}127.0.0.1:$(etcd_client "$i")"; done; echo "$s"; }

write_patroni_config() {
  local i="$1"
  cat > "$CL/patroni$i.yml" <<EOF
# Written by scripts/cluster.sh (docs/scale-out/patroni.yml is the three-machine version).
scope: barangay
namespace: /barangay/
name: pg$i
log:
  level: WARNING
restapi:
  listen: 127.0.0.1:$(rest_port "$i")
  connect_address: 127.0.0.1:$(rest_port "$i")
etcd3:
  hosts: $(etcd_hosts)
bootstrap:
  dcs:
    ttl: $TTL
    loop_wait: $LOOP_WAIT
    retry_timeout: $RETRY_TIMEOUT
    maximum_lag_on_failover: 1048576
    # A commit is acknowledged only once a synchronous standby has it; Patroni promotes only that standby.
    synchronous_mode: true
    synchronous_node_count: 1
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_connections: 300
        max_wal_senders: 10
        max_replication_slots: 10
        wal_keep_size: 256MB
        synchronous_commit: "on"
        # CommitOutcomeProbe tells our commit from a reused transaction id by its commit time.
        track_commit_timestamp: "on"
        archive_mode: "on"
        archive_command: 'test ! -f $CL/archive/%f && cp %p $CL/archive/%f'
        archive_timeout: 60
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - data-checksums
  pg_hba:
    - local all all scram-sha-256
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
postgresql:
  listen: 127.0.0.1:$(pg_port "$i")
  connect_address: 127.0.0.1:$(pg_port "$i")
  data_dir: $CL/node$i/data
  bin_dir: $PGBIN
  pgpass: $CL/node$i/pgpass
  authentication:
    superuser: {username: postgres, password: "$PG_SUPER_PASSWORD"}
    replication: {username: replicator, password: "$PG_REPL_PASSWORD"}
    rewind: {username: rewinder, password: "$PG_REWIND_PASSWORD"}
  parameters:
    unix_socket_directories: $CL/node$i
tags:
  nofailover: false
  noloadbalance: false
EOF
  chmod 600 "$CL/patroni$i.yml"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$CL/patroni$i.yml"
  return 0
}

write_haproxy_config() {
  local i
  {
    cat <<EOF
# Written by scripts/cluster.sh (docs/scale-out/haproxy.cfg is the three-machine version).
global
    maxconn 4000
    stats socket ipv4@127.0.0.1:$ADMIN_PORT level admin
defaults
    log global
    timeout connect 3s
    timeout client 30m
    timeout server 30m
    timeout check 2s
    retries 3

# Writes: only the node whose Patroni answers 200 on /primary. When it stops answering, HAProxy cuts every session
# to it (shutdown-sessions), so the app's pooled connections fail fast and its execution strategy reconnects.
listen postgres_write
    bind 127.0.0.1:$WRITE_PORT
    mode tcp
    option httpchk GET /primary
    http-check expect status 200
    default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions
EOF
    for i in $(seq 1 "$NODES"); do echo "    server pg$i 127.0.0.1:$(pg_port "$i") check port $(rest_port "$i")"; done
    cat <<EOF

# Reads that tolerate staleness: replicas no more than 1 MB behind. The app's dashboards and reports use it
# (ConnectionStrings:Read, Barangay.Data/Replicas), falling back to the leader when it is down or too far behind.
listen postgres_read
    bind 127.0.0.1:$READ_PORT
    mode tcp
    balance leastconn
    option httpchk GET /replica?lag=1MB
    http-check expect status 200
    default-server inter 2s fall 2 rise 1 on-marked-down shutdown-sessions
EOF
    for i in $(seq 1 "$NODES"); do echo "    server pg$i 127.0.0.1:$(pg_port "$i") check port $(rest_port "$i")"; done
    if [ "${DB_ONLY:-no}" = no ]; then
      cat <<EOF

# The app: a Blazor circuit lives in one process, so a cookie pins the browser to it; WebSockets pass through
# (HTTP/1.1 upgrade, tunnel timeout for a working day); X-Forwarded-For/-Proto for the app's TrustedProxies.
frontend web
    mode http
    bind 127.0.0.1:$WEB_PORT
    option httplog
    option forwardfor
    http-request set-header X-Forwarded-Proto http
    timeout client 60s
    default_backend app
backend app
    mode http
    balance roundrobin
    # A connection refused by a process that died goes straight to the other one (not after every retry on it).
    option redispatch 1
    retries 2
    # Only a connection that failed is tried again (on the other process): a request that reached an app is never re-sent.
    option httpchk GET /healthz
    http-check expect status 200
    timeout server 60s
    timeout tunnel 12h
    cookie BARANGAY_REPLICA insert indirect nocache httponly
    default-server inter 1s fall 2 rise 2
EOF
      for i in 1 2; do echo "    server app$i 127.0.0.1:$(app_port "$i") check cookie app$i"; done
    fi
  } > "$CL/haproxy.cfg"
}

# ---------------------------------------------------------------- up
cs() { echo "Host=127.0.0.1;Port=$WRITE_PORT;Database=$1;Username=$2;Password=$3;Timeout=5;Keepalive=10"; }
env_lines() {
  secrets
  cat <<EOF
export ConnectionStrings__Default='$(cs barangay barangay_app "$PG_APP_PASSWORD")'
export ConnectionStrings__Owner='$(cs barangay barangay_owner "$PG_OWNER_PASSWORD")'
export ConnectionStrings__Jobs='$(cs barangay_jobs barangay_app "$PG_APP_PASSWORD")'
export ConnectionStrings__Super='$(cs postgres postgres "$PG_SUPER_PASSWORD")'
export ConnectionStrings__Read='Host=127.0.0.1;Port=$READ_PORT;Database=barangay;Username=barangay_app;Password=$PG_APP_PASSWORD;Timeout=5'
export Database__AppRole=barangay_app
export Database__SettleLostCommits=true
export CLUSTER_WRITE_PORT=$WRITE_PORT
export CLUSTER_READ_PORT=$READ_PORT
export CLUSTER_WEB_URL=http://127.0.0.1:$WEB_PORT
export CLUSTER_APP1_URL=http://127.0.0.1:$(app_port 1)
export CLUSTER_APP2_URL=http://127.0.0.1:$(app_port 2)
export CLUSTER_PGBIN='$PGBIN'
export CLUSTER_DIR='$CL'
EOF
}

psql_super() { PGPASSWORD="$PG_SUPER_PASSWORD" PGCONNECT_TIMEOUT=3 "$PGBIN/psql" -h 127.0.0.1 -p "$WRITE_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
leader_up() { psql_super -d postgres -c "SELECT NOT pg_is_in_recovery()" | grep -q t; }
healthy() { curl -fsS -m 2 "$1/healthz" >/dev/null; }

up_db() {
  ensure_installed
  secrets
  mkdir -p "$CL/run" "$CL/logs" "$CL/archive"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$CL/archive"
  local i
  for i in $(seq 1 "$ETCDS"); do
    mkdir -p "$CL/etcd$i"; chmod 700 "$CL/etcd$i"
    start "etcd$i" no etcd --name "etcd$i" --data-dir "$CL/etcd$i" \
      --listen-client-urls "http://127.0.0.1:$(etcd_client "$i")" --advertise-client-urls "http://127.0.0.1:$(etcd_client "$i")" \
      --listen-peer-urls "http://127.0.0.1:$(etcd_peer "$i")" --initial-advertise-peer-urls "http://127.0.0.1:$(etcd_peer "$i")" \
      --initial-cluster "$(etcd_cluster)" --initial-cluster-state new --initial-cluster-token "barangay-$BASE" \
      --heartbeat-interval 100 --election-timeout 1000
  done
  wait_for 60 etcd env ETCDCTL_API=3 etcdctl --endpoints "$(etcd_hosts)" endpoint health
  for i in $(seq 1 "$NODES"); do
    mkdir -p "$CL/node$i"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$CL/node$i"; chmod 700 "$CL/node$i"
    write_patroni_config "$i"
    start "patroni$i" yes patroni "$CL/patroni$i.yml"
    # The first node bootstraps alone; the others clone it (pg_basebackup) once it leads.
    [ "$i" = 1 ] && wait_for 120 "the first Patroni node" curl -fsS -m 2 "http://127.0.0.1:$(rest_port 1)/health"
  done
  local before; before="$(cksum 2>/dev/null < "$CL/haproxy.cfg" || true)"
  write_haproxy_config
  /usr/sbin/haproxy -c -q -f "$CL/haproxy.cfg" || die "haproxy.cfg is not valid"
  if ! running haproxy; then
    start haproxy no /usr/sbin/haproxy -W -db -f "$CL/haproxy.cfg"
  elif [ "$before" != "$(cksum < "$CL/haproxy.cfg")" ]; then
    # Only when the configuration changed: a reloaded HAProxy takes every server for up until its first checks,
    # so for a second or two a new connection may reach a replica.
    kill -USR2 "$(pid_of haproxy)" # master-worker reload: the new configuration, no connection dropped
  fi
  wait_for 90 "a PostgreSQL leader behind HAProxy" leader_up
  wait_for 180 "the synchronous standby" sync_standby_present
  # A leader change while this runs (an overloaded machine can lose the leader key) only delays it.
  wait_for 120 "the roles and databases" create_roles_and_databases
}
create_roles_and_databases() {
  psql_super -d postgres <<SQL || return 1
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'barangay_owner') THEN
    CREATE ROLE barangay_owner LOGIN CREATEDB PASSWORD '$PG_OWNER_PASSWORD';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'barangay_app') THEN
    CREATE ROLE barangay_app LOGIN PASSWORD '$PG_APP_PASSWORD';
  END IF;
END \$\$;
SQL
  local db owner
  for db in barangay:barangay_owner barangay_jobs:barangay_app; do
    owner="${db#*:}"; db="${db%%:*}"
    [ -n "$(psql_super -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ] || psql_super -d postgres -c "CREATE DATABASE $db OWNER $owner" || return 1
  done
}
sync_standby_present() { [ "$(psql_super -d postgres -c "SELECT count(*) FROM pg_stat_replication WHERE sync_state IN ('sync','quorum')")" -ge 1 ]; }

up_apps() {
  if [ -z "${BARANGAY_APP_DLL:-}" ]; then # as run.sh: the processes run the code of this checkout
    log "Building the app ($CONFIG)"
    (cd "$ROOT" && source scripts/dotnet.sh && dotnet build Barangay.App/Barangay.App.csproj -c "$CONFIG" -nologo -v q -clp:ErrorsOnly >&2)
  fi
  eval "$(env_lines)"
  mkdir -p "$CL/shared"
  if [ ! -f "$CL/run/migrated" ]; then
    log "Applying migrations and seeding the demo barangay (once)"
    (dotnet "$APP_DLL" migrate && Storage__DataRoot="$CL/shared" dotnet "$APP_DLL" seed-demo) >> "$CL/logs/migrate.log" 2>&1 \
      || die "migrate/seed-demo failed (log: $CL/logs/migrate.log)"
    touch "$CL/run/migrated"
  fi
  local i
  for i in 1 2; do start_app "$i"; done
  app_env; start worker no dotnet "$APP_DLL" worker "--Cluster:Dir=$CL/" 
  for i in 1 2; do wait_for 120 "app $i" healthy "http://127.0.0.1:$(app_port "$i")"; done
  wait_for 30 "the app through HAProxy" healthy "http://127.0.0.1:$WEB_PORT"
}
# Both app processes and the worker share: the database (Data Protection keys live there), Storage:DataRoot (file
# store, certificate signing keys, column keys) and the public address; X-Forwarded-* is believed from HAProxy only.
app_env() {
  eval "$(env_lines)"
  export Storage__DataRoot="$CL/shared" ASPNETCORE_ENVIRONMENT=Production PublicBaseUrl="http://127.0.0.1:$WEB_PORT"
  export AllowedHosts="127.0.0.1;localhost" ForwardedHeaders__KnownProxies=127.0.0.1
}
start_app() {
  app_env
  Jobs__RunServer=false start "app$1" no dotnet "$APP_DLL" --urls "http://127.0.0.1:$(app_port "$1")" --demo "--Cluster:Dir=$CL/"
}

# ---------------------------------------------------------------- operations
leader_node() {
  local i
  for i in $(seq 1 "$NODES"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 "http://127.0.0.1:$(rest_port "$i")/primary")" = 200 ] && { echo "$i"; return 0; }
  done
  return 1
}
haproxy_cmd() { exec 3<>"/dev/tcp/127.0.0.1/$ADMIN_PORT"; printf '%s\n' "$1" >&3; timeout 2 cat <&3 || true; exec 3<&-; }

cmd_down() {
  local i
  for n in app1 app2 worker; do stop "$n" 20; done
  stop haproxy 5
  # Patroni stops its PostgreSQL on TERM; a postmaster left by a killed Patroni is stopped by its own pid file.
  for i in $(seq 1 3); do stop "patroni$i" 60; done
  for i in $(seq 1 3); do
    local pm; pm="$(postmaster_pid "$i")"
    [ -n "$pm" ] && ours "$pm" && { kill -INT "$pm" 2>/dev/null || true; for _ in $(seq 1 100); do ours "$pm" || break; sleep 0.1; done; }
    [ -n "$pm" ] && ours "$pm" && kill -KILL "$pm" 2>/dev/null || true
  done
  for i in $(seq 1 3); do stop "etcd$i" 10; done
  left="$(for f in "$CL"/run/*.pid; do [ -f "$f" ] && ours "$(cat "$f")" && echo "$f"; done || true)"
  [ -z "$left" ] || die "still running: $left"
  log "Cluster stopped (data kept in $CL; remove it for a fresh start)"
}

cmd_status() {
  secrets
  local i
  for f in "$CL"/run/*.pid; do [ -f "$f" ] || continue; n="$(basename "$f" .pid)"; p="$(cat "$f")"; if ours "$p"; then echo "$n pid $p running"; else echo "$n pid $p NOT running"; fi; done
  for i in $(seq 1 "$NODES"); do
    curl -s -m 2 "http://127.0.0.1:$(rest_port "$i")/patroni" | python3 -c 'import json,sys
try:
  d=json.load(sys.stdin); print("pg%s role=%s state=%s timeline=%s" % (sys.argv[1], d.get("role"), d.get("state"), d.get("timeline")))
except Exception: print("pg%s unreachable" % sys.argv[1])' "$i" || true
  done
  psql_super -d postgres -c "SELECT application_name || ' ' || sync_state || ' replay_lag=' || coalesce(replay_lag::text,'0') FROM pg_stat_replication" 2>/dev/null || echo "no leader reachable through HAProxy"
  echo "web: http://127.0.0.1:$WEB_PORT  writes: 127.0.0.1:$WRITE_PORT  reads: 127.0.0.1:$READ_PORT"
}

cmd_failover() {
  local l; l="$(leader_node)" || die "no leader"
  curl -fsS -XPOST -m 30 "http://127.0.0.1:$(rest_port "$l")/switchover" -d "{\"leader\":\"pg$l\"}"; echo
  wait_for 60 "a new leader" bash -c "l2=\$($0 leader); [ -n \"\$l2\" ] && [ \"\$l2\" != $l ]"
}

# The machine is lost: Patroni, the postmaster and every backend die at once (a postmaster killed alone leaves its
# backends running, and they can still finish a commit the standby acknowledges).
cmd_kill_leader() {
  local l pm pids; l="$(leader_node)" || die "no leader"
  pm="$(postmaster_pid "$l")"
  pids="$(pid_of "patroni$l")"
  if [ -n "$pm" ] && ours "$pm"; then pids="$pids $pm $(ps -o pid= --ppid "$pm" | tr '\n' ' ')"; fi
  # shellcheck disable=SC2086
  kill -KILL $pids 2>/dev/null || true
  echo "$l $(date +%s%3N)" # the node, and when it died (epoch ms)
}

cmd_restart_app() {
  local n="$1"
  # Drain: no new sessions go to it; requests already there finish; then stop, start, and let it back in.
  haproxy_cmd "set server app/app$n state drain" >/dev/null
  sleep 2
  haproxy_cmd "set server app/app$n state maint" >/dev/null
  stop "app$n" 30
  start_app "$n"
  wait_for 120 "app $n" healthy "http://127.0.0.1:$(app_port "$n")"
  haproxy_cmd "set server app/app$n state ready" >/dev/null
  wait_for 30 "app $n in HAProxy" bash -c "exec 3<>/dev/tcp/127.0.0.1/$ADMIN_PORT; echo 'show servers state app' >&3; timeout 2 cat <&3 | awk '\$4==\"app$n\" {exit !(\$6==2)}'"
}

case "${1:-}" in
  up) if [ "${2:-}" = --db-only ]; then DB_ONLY=yes up_db; else up_db; up_apps; fi
      log "Up: web http://127.0.0.1:$WEB_PORT (writes 127.0.0.1:$WRITE_PORT, reads 127.0.0.1:$READ_PORT)";;
  down) cmd_down;;
  status) cmd_status;;
  env) env_lines;;
  leader) leader_node || true;;
  failover) cmd_failover;;
  kill-leader) cmd_kill_leader;;
  kill-app) [ -n "${2:-}" ] || die "kill-app N"; p="$(pid_of "app$2")"; ours "$p" && kill -KILL "$p"; echo "$p";;
  restart-app) [ -n "${2:-}" ] || die "restart-app N"; cmd_restart_app "$2";;
  start-node) secrets; mkdir -p "$CL/run" "$CL/logs"; start "patroni$2" yes patroni "$CL/patroni$2.yml";;
  *) sed -n '2,17p' "$0"; exit 2;;
esac
