#!/bin/bash
# Initializes the 3-node cluster once, then creates the database and its roles. Safe to run again.
# Run by the crdb-init service of docker/compose.yml.
set -euo pipefail
for i in $(seq 1 60); do
  if out=$(cockroach init --certs-dir=/certs --host=crdb1:26257 2>&1); then
    echo "$out"; break
  fi
  if grep -q "already been initialized" <<<"$out"; then
    echo "The cluster was already initialized."; break
  fi
  echo "Waiting for the nodes ($i): $out"
  sleep 2
done

cockroach sql --certs-dir=/certs --host=crdb1:26257 <<SQL
CREATE DATABASE IF NOT EXISTS barangay;
CREATE USER IF NOT EXISTS barangay_owner WITH PASSWORD '${BARANGAY_OWNER_PASSWORD}';
CREATE USER IF NOT EXISTS barangay_app WITH PASSWORD '${BARANGAY_APP_PASSWORD}';
ALTER DATABASE barangay OWNER TO barangay_owner;
GRANT ALL ON DATABASE barangay TO barangay_owner;
GRANT CONNECT ON DATABASE barangay TO barangay_app;
-- The owner creates the tables; grants on them are given to barangay_app by the migrate command.
ALTER DEFAULT PRIVILEGES FOR ROLE barangay_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO barangay_app;
SQL
echo "Database barangay is ready."
