#!/usr/bin/env bash
# Builds dist/Counterpart.tar.xz with "fyne package -os linux": the binary,
# the icon and a .desktop file, installable with its Makefile into a prefix.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
export PATH="$(go env GOPATH)/bin:$PATH"
command -v fyne >/dev/null || go install fyne.io/tools/cmd/fyne@v1.7.4
mkdir -p dist
fyne package -os linux --release
mv -f Counterpart.tar.xz dist/
echo "dist/Counterpart.tar.xz"
