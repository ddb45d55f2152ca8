# Sourced by the packaging scripts: puts the fyne tool on PATH and copies the
# sources to a temporary folder, $src, removed on exit. "fyne package"
# writes fyne.syso and fyne_metadata_init.go next to main.go while it
# builds; building a copy means an interrupted build leaves nothing behind.
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
