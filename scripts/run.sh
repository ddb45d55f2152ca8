#!/usr/bin/env bash
# Builds and starts Counterpart. On first start it creates its library in the
# per-user data folder and fills it with the built-in sample library.
# Arguments are passed on (e.g. --db FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
go build -o counterpart .
exec ./counterpart "$@"
