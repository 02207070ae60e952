#!/bin/bash
# Creates the cluster's certificates once (the crdb-certs volume keeps them; the CA key stays in its own volume,
# never mounted by the nodes or the app). Run by the crdb-certs service of docker/compose.yml.
set -euo pipefail
if [ -f /certs/ca.crt ]; then
  echo "Certificates already exist."
  exit 0
fi
cockroach cert create-ca --certs-dir=/certs --ca-key=/ca-key/ca.key
cockroach cert create-node crdb1 crdb2 crdb3 localhost 127.0.0.1 --certs-dir=/certs --ca-key=/ca-key/ca.key
cockroach cert create-client root --certs-dir=/certs --ca-key=/ca-key/ca.key
# The app and the migration only need the CA certificate (they sign in with passwords); make it readable by the
# image's non-root user. The node and root keys stay private to the cockroach user.
chmod 644 /certs/ca.crt
ls -l /certs
