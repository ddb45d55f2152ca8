#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Counterpart needs to build and test:
# a C compiler and the X11/OpenGL headers for Fyne (cgo), plus, with
# arguments, extra packages (xvfb, poppler-utils…). Uses sudo when not root.
set -euo pipefail

pkgs=(gcc libc6-dev pkg-config libgl-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev poppler-utils "$@")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "counterpart: missing packages ${missing[*]}, and this is not a Debian/Ubuntu system: install their equivalents (see README)" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then
    sudo="sudo"
  else
    echo "counterpart: need to install ${missing[*]}; run as root or install sudo" >&2
    exit 1
  fi
fi
echo "counterpart: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >/dev/null
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
