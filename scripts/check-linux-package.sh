#!/usr/bin/env bash
# check-linux-package.sh [TARBALL]: installs the Linux package (default: a
# fresh dist/Counterpart.tar.xz from scripts/package-linux.sh) into a
# temporary prefix with its own Makefile and fails unless
#   - the archive holds exactly the binary, the icon, the .desktop file and
#     the Makefile;
#   - the .desktop file passes desktop-file-validate, is named after the app
#     ID (main.go's appID, FyneApp.toml's ID) and its Exec and Icon resolve
#     to the installed binary and a PNG icon of at least 512×512;
#   - the installed binary prints FyneApp.toml's version, keeps its library
#     in $XDG_CONFIG_HOME/Counterpart/library.db, and uses a counterpart.db
#     next to itself instead when there is one (portable mode);
#   - the window starts and stays up under Xvfb.
set -euo pipefail
tarball=${1:+$(readlink -f -- "$1")}
cd "$(dirname "$0")/.."
bash scripts/deps.sh desktop-file-utils xz-utils xvfb make

fail() { echo "check-linux-package: $*" >&2; exit 1; }

if [ -z "$tarball" ]; then
  bash scripts/package-linux.sh
  tarball=dist/Counterpart.tar.xz
fi
[ -f "$tarball" ] || fail "$tarball: no such file"

id=$(sed -nE 's/^const appID = "([^"]+)"/\1/p' main.go)
tomlID=$(sed -nE 's/^\s*ID\s*=\s*"([^"]+)"/\1/p' FyneApp.toml)
version=$(sed -nE 's/^\s*Version\s*=\s*"([^"]+)"/\1/p' FyneApp.toml)
[ -n "$id" ] || fail "main.go: no appID constant"
[ "$id" = "$tomlID" ] || fail "app ID differs: main.go $id, FyneApp.toml $tomlID"

tmp=$(mktemp -d)
xvfb=""
cleanup() { [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

# The archive: one folder with the Makefile and usr/[local/]{bin,share}.
tar -xJf "$tarball" -C "$tmp"
top=$(cd "$tmp" && ls)
[ "$top" = counterpart ] || fail "$tarball: expected one folder counterpart/, found: $top"
contents=$(cd "$tmp/counterpart" && find . -type f | sed -E 's,^\./,,; s,^usr/local/,usr/,' | sort)
want=$(printf '%s\n' Makefile usr/bin/counterpart "usr/share/applications/$id.desktop" "usr/share/pixmaps/$id.png" | sort)
[ "$contents" = "$want" ] || fail "$tarball holds:
$contents
expected:
$want"
echo "check-linux-package: $tarball ($(du -h "$tarball" | cut -f1)) holds:"
tar -tvJf "$tarball" | awk '$1 !~ /^d/ {printf "  %10s  %s\n", $3, $6}'

# Install into a temporary prefix, as "sudo make install" would into /usr/local.
prefix=$tmp/prefix
make -s -C "$tmp/counterpart" install PREFIX="$prefix" >/dev/null
bin=$prefix/bin/counterpart
desktop=$prefix/share/applications/$id.desktop
icon=$prefix/share/pixmaps/$id.png
for f in "$bin" "$desktop" "$icon"; do [ -f "$f" ] || fail "make install did not install $f"; done
[ -x "$bin" ] || fail "$bin is not executable"

# The desktop entry.
out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate $desktop:
$out"
[ -z "$out" ] || fail "desktop-file-validate $desktop warns:
$out"
entry() { sed -nE "s/^$1=(.*)/\1/p" "$desktop" | head -1; }
[ "$(entry Type)" = Application ] || fail "$desktop: Type is not Application"
[ "$(entry Name)" = Counterpart ] || fail "$desktop: Name is $(entry Name)"
exec_=$(entry Exec)
[ -x "$prefix/bin/${exec_%% *}" ] || fail "$desktop: Exec=$exec_ is not the installed binary"
[ "$(entry Icon)" = "$id" ] || fail "$desktop: Icon=$(entry Icon), expected $id"
[ -n "$(entry Categories)" ] || fail "$desktop: no Categories"
echo "check-linux-package: desktop-file-validate $id.desktop: no errors, no warnings"
sed 's/^/  /' "$desktop"

# The icon: a PNG of at least 512×512.
[ "$(od -An -tx1 -N8 "$icon" | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$icon is not a PNG"
read -r w h < <(od -An -tu1 -j16 -N8 "$icon" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
[ "$w" -ge 512 ] && [ "$h" -ge 512 ] || fail "$icon is ${w}×${h}, expected at least 512×512"
echo "check-linux-package: icon ${w}×${h} PNG"

# The binary: its version and the libraries it needs.
got=$("$bin" version 2>&1) || fail "$bin version failed: $got"
[ "$got" = "counterpart $version" ] || fail "$bin version printed \"$got\", expected \"counterpart $version\""
echo "check-linux-package: $got; $(readelf -h "$bin" | sed -nE 's/^\s*Machine:\s*//p'); needs $({ readelf -d "$bin" | grep -oP 'NEEDED.*\[\K[^]]+' || true; } | tr '\n' ' ')"

# Where the library lives: the per-user folder, or counterpart.db next to
# the binary (portable mode).
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/config
mkdir -p "$HOME"
listed=$("$bin" list 2>&1) || fail "counterpart list failed: $listed"
n=$(wc -l <<<"$listed")
[ -f "$XDG_CONFIG_HOME/Counterpart/library.db" ] || fail "no library in \$XDG_CONFIG_HOME/Counterpart after \"counterpart list\""
[ "$n" -ge 5 ] || fail "the first \"counterpart list\" showed $n documents, expected the sample library"
cat >"$tmp/portable.md" <<'DOC'
---
party: Portable
title: Portable mode check
date: 2026-01-01
kind: memorandum
---
1. The library next to the executable is used.
DOC
rm -rf "$XDG_CONFIG_HOME"
out=$("$bin" import --db "$prefix/bin/counterpart.db" "$tmp/portable.md" 2>&1) || fail "counterpart import failed: $out"
listed=$("$bin" list 2>&1) || fail "counterpart list (portable) failed: $listed"
[ "$(wc -l <<<"$listed")" -eq 1 ] && grep -q 'Portable mode check' <<<"$listed" \
  || fail "with counterpart.db next to the binary, \"counterpart list\" showed:
$listed"
[ ! -e "$XDG_CONFIG_HOME" ] || fail "portable mode wrote to $XDG_CONFIG_HOME"
help=$("$bin" -h 2>&1 || true)
grep -qF "$prefix/bin/counterpart.db" <<<"$help" || fail "\"counterpart -h\" does not name the portable library"
echo "check-linux-package: library in \$XDG_CONFIG_HOME/Counterpart/library.db ($n documents); with counterpart.db next to the binary, list shows only its document and the command line writes nothing to the user folder"
rm -f "$prefix/bin/counterpart.db"

# The window: the installed binary starts and is still running after 10 s.
Xvfb -displayfd 3 -screen 0 1280x800x24 3>"$tmp/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.2; done
[ -s "$tmp/display" ] || fail "Xvfb did not start"
display=:$(cat "$tmp/display")
rc=0
DISPLAY=$display timeout 10 "$bin" >"$tmp/app.log" 2>&1 || rc=$?
[ "$rc" -eq 124 ] || fail "the window exited with status $rc within 10 s:
$(cat "$tmp/app.log")"
echo "check-linux-package: the installed app ran its window for 10 s under Xvfb"
echo "check-linux-package: OK"
