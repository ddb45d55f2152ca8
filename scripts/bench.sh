#!/usr/bin/env bash
# Times "counterpart diff" against "git diff --no-index --word-diff=porcelain"
# on the same 5,000- and 50,000-word revision pairs, in one run, and prints
# the ratio. Then runs the Go benchmarks (compare, report, app, storage).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
go build -o counterpart .
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# make_pair N: an original of N words from the sample corpus, one paragraph
# per provision, and a revision that rewrites, drops and adds words in some
# paragraphs and leaves most of them alone, as a revision does.
make_pair() {
  local n=$1
  cat assets/corpus/documents/*.md | grep -E '^ *([0-9]+|[a-z])[.)] ' | sed -E 's/^ *//' >"$dir/base.txt"
  awk -v n="$n" 'BEGIN{w=0; rep=0} {lines[NR]=$0} END{
      while (w < n) { rep++; for (i=1; i<=NR && w<n; i++) { print "(" rep ") " lines[i]; print ""; w += split(lines[i], a, " ") + 1 } }
    }' "$dir/base.txt" >"$dir/old-$n.txt"
  awk 'BEGIN{p=0} {
      if ($0 == "") { print; next }
      p++
      if (p % 7 == 3) { n = split($0, a, " "); out=""; for (i=1;i<=n;i++) { if (i % 9 == 4) a[i]="substantially"; if (i % 13 == 6) continue; out = out (out==""?"":" ") a[i] } print out; next }
      if (p % 23 == 5) next
      if (p % 29 == 11) { print "A new provision is added here by the revising party."; print "" }
      print
    }' "$dir/old-$n.txt" >"$dir/new-$n.txt"
}

# best_ms CMD...: the fastest of 15 runs, in milliseconds.
best_ms() {
  local best=999999 t0 t1 ms
  for _ in $(seq 15); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000 ))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}

printf '%-8s %14s %14s %8s\n' words "counterpart µs" "git µs" ratio
for n in 5000 50000; do
  make_pair "$n"
  c=$(best_ms ./counterpart diff "$dir/old-$n.txt" "$dir/new-$n.txt")
  g=$(best_ms git diff --no-index --word-diff=porcelain "$dir/old-$n.txt" "$dir/new-$n.txt")
  printf '%-8s %14d %14d %8s\n' "$n" "$c" "$g" "$(awk -v a="$c" -v b="$g" 'BEGIN{printf "%.2f", a/b}')"
done

if [ "${1:-}" != "--quick" ]; then
  CGO_ENABLED=0 go test -run XXX -bench . -benchtime 5x ./compare/ ./report/ ./app/ ./storage/
fi
