#!/usr/bin/env bash
# Checks that Counterpart makes no network connections: runs the command-line
# paths (import, compare, report, search, timeline) and, when an X server is
# available (Xvfb), the desktop window for a while, under strace, and fails
# if any process opens an AF_INET or AF_INET6 socket. The window's only
# sockets are the X server's and libc's nscd lookups (AF_UNIX).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh strace xvfb
go build -o counterpart .
dir=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$dir"' EXIT
trace() { strace -f -e trace=socket,connect -o "$dir/trace.$1" "${@:2}" >/dev/null 2>&1 || true; }
trace import ./counterpart import --db "$dir/lib.db" assets/corpus/documents/*.md assets/corpus/statements.tsv
trace compare ./counterpart compare --json --db "$dir/lib.db" 1 2
trace report ./counterpart report --db "$dir/lib.db" -o "$dir/r.pdf" 1 2
trace search ./counterpart search --db "$dir/lib.db" НАТО
trace timeline ./counterpart timeline --db "$dir/lib.db" --at 2025-06-02
Xvfb :91 -screen 0 1280x800x24 >/dev/null 2>&1 &
sleep 1
HOME=$dir XDG_CONFIG_HOME=$dir/config DISPLAY=:91 timeout 15 strace -f -e trace=socket,connect -o "$dir/trace.app" ./counterpart >/dev/null 2>&1 || true
if grep -hE 'socket\(AF_INET6?|sa_family=AF_INET6?' "$dir"/trace.*; then
  echo "check-offline: Counterpart opened a network socket (above)" >&2
  exit 1
fi
echo "check-offline: no AF_INET/AF_INET6 sockets in $(ls "$dir"/trace.* | wc -l) traced runs (CLI and window)"
