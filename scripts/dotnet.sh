#!/usr/bin/env bash
# Quiet, reproducible dotnet for the scripts.
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_HOME="${DOTNET_CLI_HOME:-$HOME}"
command -v dotnet >/dev/null || { echo "ERROR: the .NET SDK (dotnet) is not on PATH." >&2; exit 1; }
