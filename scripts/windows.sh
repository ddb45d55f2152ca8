#!/usr/bin/env bash
# Cross-builds dist/counterpart.exe for 64-bit Windows with MinGW-w64: a GUI
# program (no console window, -H=windowsgui) with the icon and version
# resource from FyneApp.toml embedded, then checks that it is a PE32+ GUI
# executable for x86-64 that needs only Windows system DLLs.
#
# "fyne package" writes fyne.syso and fyne_metadata_init.go next to main.go
# while it builds; it runs on a copy of the sources so that an interrupted
# build leaves nothing behind that would break the next Linux build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bash scripts/deps.sh gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64
source scripts/fyne-tool.sh # sets $src: a copy of the sources

start=$SECONDS
(
  cd "$src"
  CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
    fyne package -os windows --release
)
mkdir -p dist
mv -f "$src/Counterpart.exe" dist/counterpart.exe
echo "windows: built dist/counterpart.exe in $((SECONDS - start)) s"
bash scripts/check-windows-exe.sh dist/counterpart.exe
