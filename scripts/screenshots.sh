#!/usr/bin/env bash
# Runs the real binary under Xvfb as a first-time user (a fresh home folder,
# so the sample library is created) and saves PNG screenshots of the main
# views in screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh xvfb xdotool imagemagick
go build -o counterpart .
out=screenshots
mkdir -p "$out"
home=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; sleep 1; rm -rf "$home" || true; }
trap cleanup EXIT

shoot() { # shoot DISPLAY NAME: the screen, cropped to the largest Counterpart window
  DISPLAY=$1 import -window root "$out/$2.png"
  local geo
  geo=$(for w in $(DISPLAY=$1 xdotool search --name Counterpart 2>/dev/null); do
      DISPLAY=$1 xdotool getwindowgeometry "$w" | awk '/Geometry/ {split($2, g, "x"); print g[1]*g[2], $2}'
    done | sort -n | tail -1 | cut -d' ' -f2)
  [ -n "$geo" ] && convert "$out/$2.png" -crop "$geo+0+0" +repage "$out/$2.png"
  echo "$out/$2.png"
}

# The main window on a 1600×1000 desktop.
Xvfb :97 -screen 0 1600x1000x24 >/dev/null 2>&1 & pids+=($!)
sleep 1
HOME=$home XDG_CONFIG_HOME=$home/.config DISPLAY=:97 ./counterpart >"$home/log" 2>&1 & pids+=($!)
sleep 8
shoot :97 compare
DISPLAY=:97 xdotool key ctrl+2 2>/dev/null || true   # the topic matrix tab
sleep 2
shoot :97 matrix
DISPLAY=:97 xdotool key ctrl+1 2>/dev/null || true   # back to compare
sleep 1

# Presentation mode on a 1920×1080 projector: the first window closes
# first (one window per library).
kill "${pids[1]}" 2>/dev/null || true
sleep 1
Xvfb :96 -screen 0 1920x1080x24 >/dev/null 2>&1 & pids+=($!)
sleep 1
HOME=$home XDG_CONFIG_HOME=$home/.config DISPLAY=:96 ./counterpart --present >"$home/log2" 2>&1 & pids+=($!)
sleep 8
shoot :96 presentation
cat "$home/log" "$home/log2" >&2 || true
