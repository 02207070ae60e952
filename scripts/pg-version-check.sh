#!/usr/bin/env bash
# Checks that scripts/pg.sh picks the PostgreSQL that made the cluster (issue 20): with 15 and a newer 16 installed, a
# cluster made by 15 gets 15's tools; a new cluster gets the newest; a cluster made by a version no longer installed
# stops with a message naming it. Uses a fake /usr/lib/postgresql tree (PG_LIB), starts nothing. Not run by ./test.sh.
set -euo pipefail
SRC="$(cd "$(dirname "$0")/.." && pwd)"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
mkdir -p "$T/lib/15/bin" "$T/lib/16/bin" "$T/clone/scripts" "$T/clone/.data/pg"
for v in 15 16; do for tool in initdb pg_ctl psql pg_isready; do printf '#!/bin/sh\nexit 0\n' > "$T/lib/$v/bin/$tool"; chmod +x "$T/lib/$v/bin/$tool"; done; done
cp "$SRC/scripts/pg.sh" "$T/clone/scripts/"
pick() { (cd "$T/clone" && PG_LIB="$T/lib" bash -c 'source scripts/pg.sh; ensure_pg_installed; echo "$PGBIN"' 2>&1); }
fails=0
expect() { if [ "$2" = "$3" ] || [[ "$2" == *"$3"* && "$1" == *message* ]]; then echo "ok: $1"; else echo "FAILED: $1: got '$2', expected '$3'"; fails=1; fi; }

echo 15 > "$T/clone/.data/pg/PG_VERSION"
expect "a cluster made by 15 keeps 15 when 16 is installed" "$(pick)" "$T/lib/15/bin"
echo 16 > "$T/clone/.data/pg/PG_VERSION"
expect "a cluster made by 16 keeps 16 when 15 is installed too (the first one found)" "$(pick)" "$T/lib/16/bin"
rm "$T/clone/.data/pg/PG_VERSION"
expect "a new cluster takes the newest (16)" "$(pick)" "$T/lib/16/bin"
echo 14 > "$T/clone/.data/pg/PG_VERSION"
expect "a cluster made by a missing 14 stops with a message" "$(pick || true)" "was made with PostgreSQL 14, which is not installed"
# The real path recorded in .data/pg.path (a cluster kept under /var/tmp) is where PG_VERSION is read.
rm -rf "$T/clone/.data/pg"; mkdir -p "$T/elsewhere"; echo 15 > "$T/elsewhere/PG_VERSION"; echo "$T/elsewhere" > "$T/clone/.data/pg.path"
expect "PG_VERSION is read from the recorded real path" "$(pick)" "$T/lib/15/bin"
[ "$fails" = 0 ] && echo "PG VERSION CHECK: passed"
