#!/usr/bin/env bash
# Cross-builds dist/counterpart.exe for 64-bit Windows with MinGW-w64: a GUI
# program (no console window) with the icon and version resource embedded,
# then checks that it is a PE32+ GUI executable for x86-64 that needs only
# Windows system DLLs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64
export PATH="$(go env GOPATH)/bin:$PATH"
command -v fyne >/dev/null || go install fyne.io/tools/cmd/fyne@v1.7.4
export CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
fyne package -os windows --release
mkdir -p dist
mv -f Counterpart.exe dist/counterpart.exe
bash scripts/check-windows-exe.sh dist/counterpart.exe
