#!/usr/bin/env bash
# Builds dist/Counterpart.tar.xz with "fyne package -os linux --release": the
# binary, the icon and a .desktop file (name, ID, version, icon and desktop
# entry from FyneApp.toml), with a Makefile that installs them:
#   tar -xf Counterpart.tar.xz && cd counterpart && sudo make install
# (PREFIX=/usr/local by default; "make user-install" installs into ~/.local).
# scripts/check-linux-package.sh installs and checks the result.
#
# "fyne package" writes fyne_metadata_init.go next to main.go while it
# builds; it runs on a copy of the sources so that nothing is left behind.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh xz-utils
source scripts/fyne-tool.sh # sets $src: a copy of the sources

start=$SECONDS
(cd "$src" && fyne package -os linux --release)
mkdir -p dist
mv -f "$src/Counterpart.tar.xz" dist/
echo "package-linux: built dist/Counterpart.tar.xz ($(du -h dist/Counterpart.tar.xz | cut -f1)) in $((SECONDS - start)) s"
