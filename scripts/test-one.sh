#!/usr/bin/env bash
# Re-runs some tests against the templates ./test.sh prepared: scripts/test-one.sh "FullyQualifiedName~SignOut"
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source scripts/pg.sh
source scripts/dotnet.sh
pg_up
export_connection_strings barangay_test_template barangay_test_jobs
export BARANGAY_TEST_TEMPLATE=barangay_test_template BARANGAY_TEST_DEMO_TEMPLATE=barangay_test_demo
export BARANGAY_APP_DLL="$ROOT/Barangay.App/bin/Debug/net10.0/Barangay.App.dll" BARANGAY_DATA_ROOT="$DATA"
dotnet build Barangay.Tests -c Debug -nologo -v q -clp:ErrorsOnly
dotnet test Barangay.Tests/Barangay.Tests.csproj -c Debug --no-build -nologo --filter "$1" --logger "console;verbosity=normal" 2>&1 | grep -v '^\s*$' | tail -60
