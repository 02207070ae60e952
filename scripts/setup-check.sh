#!/usr/bin/env bash
# Tries the set-up as a new user would (issue 20): clones this checkout's committed HEAD, runs ./run.sh until the
# app answers /healthz and stops it, runs a filtered ./test.sh twice, then stops the clone's cluster and removes it.
#   scripts/setup-check.sh           as root: the clone sits in a 0700 mktemp folder (the postgres user cannot enter it)
#   scripts/setup-check.sh USER      as root: the clone sits in USER's home and everything runs as USER (who needs
#                                    PostgreSQL installed and dotnet on PATH)
# Not run by ./test.sh: it builds a whole clone and starts a cluster of its own (minutes on a busy machine).
# CHECK_FILTER picks the tests (default: the KP service tests); the last line is "SETUP CHECK: passed" or the error.
set -euo pipefail
SRC="$(cd "$(dirname "$0")/.." && pwd)"
USER_NAME="${1:-}"
FILTER="${CHECK_FILTER:-FullyQualifiedName~KpServiceTests}"
[ "$(id -u)" = 0 ] || { echo "Run it as root (it checks root, or a user given by name)." >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PG_PORT=$(free_port)
APP_PORT=$(free_port)

if [ -z "$USER_NAME" ]; then
  PARENT=$(mktemp -d); chmod 700 "$PARENT"
  RUN() { (cd "$CLONE" && env BARANGAY_PG_PORT="$PG_PORT" "$@"); }
else
  id "$USER_NAME" >/dev/null 2>&1 || { echo "No user $USER_NAME." >&2; exit 2; }
  HOME_DIR=$(getent passwd "$USER_NAME" | cut -d: -f6)
  PARENT=$(runuser -u "$USER_NAME" -- mktemp -d "$HOME_DIR/setup-check.XXXXXX")
  RUN() { (cd "$CLONE" && runuser -u "$USER_NAME" -- env HOME="$HOME_DIR" PATH="$PATH" BARANGAY_PG_PORT="$PG_PORT" "$@"); }
fi
CLONE="$PARENT/clone"
git clone -q "$SRC" "$CLONE"
[ -z "$USER_NAME" ] || chown -R "$USER_NAME": "$PARENT"
echo "setup-check: clone in $CLONE ($(stat -c %a "$PARENT") folder), as ${USER_NAME:-root}; PostgreSQL on $PG_PORT, app on $APP_PORT" >&2

APP_PID=""
cleanup() {
  [ -z "$APP_PID" ] || kill -- "-$APP_PID" 2>/dev/null || kill "$APP_PID" 2>/dev/null || true
  RUN scripts/pg-stop.sh || true
  local real; real=$(cat "$CLONE/.data/pg.path" 2>/dev/null || true)
  rm -rf "$PARENT"
  case "$real" in /var/tmp/barangay-pg-*) rm -rf "$real" ;; esac
}
trap cleanup EXIT

fail() { echo "SETUP CHECK FAILED: $*" >&2; exit 1; }

# run.sh in its own process group, so stopping it stops dotnet too.
export CLONE PG_PORT USER_NAME HOME_DIR="${HOME_DIR:-}" APP_PORT; export -f RUN
setsid bash -c 'RUN env BARANGAY_URL="http://127.0.0.1:$APP_PORT" ./run.sh' > "$PARENT/run.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$APP_PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$PARENT/run.log" >&2; fail "./run.sh exited before serving"; }
  sleep 1
done
curl -fs "http://127.0.0.1:$APP_PORT/Identity/Account/Login" | grep -q 'Input_UserName' || { cat "$PARENT/run.log" >&2; fail "./run.sh did not serve the sign-in page"; }
grep -q 'admin / Admin#2026demo' "$PARENT/run.log" || fail "./run.sh did not print the demo accounts"
echo "setup-check: ./run.sh serves http://127.0.0.1:$APP_PORT" >&2
kill -- "-$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

for round in 1 2; do
  RUN env TEST_FILTER="$FILTER" ./test.sh > "$PARENT/test-$round.log" 2>&1 || { tail -40 "$PARENT/test-$round.log" >&2; fail "./test.sh failed (round $round)"; }
  last=$(tail -1 "$PARENT/test-$round.log")
  echo "setup-check: ./test.sh round $round: $last" >&2
  [[ "$last" =~ ^Tests:\ [1-9][0-9]*\ passed,\ 0\ failed ]] || fail "unexpected last line: $last"
done
echo "SETUP CHECK: passed"
