#!/usr/bin/env bash
# Stops the private PostgreSQL cluster of this checkout.
set -euo pipefail
source "$(dirname "$0")/pg.sh"
pg_stop
