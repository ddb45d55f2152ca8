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
export PATH="$(go env GOPATH)/bin:$PATH"
command -v fyne >/dev/null || go install fyne.io/tools/cmd/fyne@v1.7.4

src=$(mktemp -d)
trap 'rm -rf "$src"' EXIT
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z -co --exclude-standard | while IFS= read -r -d '' f; do
    if [ -f "$f" ]; then cp --parents -- "$f" "$src/"; fi
  done
else
  tar --exclude=./dist --exclude=./.git -cf - . | tar -xf - -C "$src"
fi

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
