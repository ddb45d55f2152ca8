#!/usr/bin/env bash
# check-windows-exe.sh EXE: fails unless EXE is a PE32+ x86-64 GUI program
# (windows subsystem: no console window) whose DLL imports are all Windows
# system DLLs (nothing else to ship), with an icon, a manifest and a version
# resource that carries FyneApp.toml's version.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exe=${1:?usage: check-windows-exe.sh EXE}
fail() { echo "check-windows-exe: $exe: $*" >&2; exit 1; }
bash "$root/scripts/deps.sh" binutils-mingw-w64-x86-64
[ -f "$exe" ] || fail "no such file"
dump=$(x86_64-w64-mingw32-objdump -p "$exe")
grep -q 'file format pei-x86-64' <<<"$dump" || fail "not a PE executable for x86-64"
grep -qE '^Magic\s+020b\s+\(PE32\+\)' <<<"$dump" || fail "not PE32+"
grep -qE '^Subsystem\s+0*2\s' <<<"$dump" || fail "not a GUI (windows subsystem) program: $(grep -E '^Subsystem' <<<"$dump")"

system='^(kernel32|user32|gdi32|shell32|ole32|oleaut32|advapi32|comdlg32|comctl32|opengl32|winmm|ws2_32|imm32|dwmapi|shcore|setupapi|version|uxtheme|msvcrt|ntdll|bcrypt|crypt32|secur32|userenv|dnsapi|iphlpapi|netapi32|powrprof|mswsock|winspool\.drv|hid|dinput8|xinput1_4|api-ms-win-[a-z0-9-]+)\.dll$'
dlls=$(grep -oP 'DLL Name: \K\S+' <<<"$dump" | tr 'A-Z' 'a-z' | sort -u)
[ -n "$dlls" ] || fail "no DLL imports found"
bad=$(grep -vE "$system" <<<"$dlls" || true)
[ -z "$bad" ] || fail "needs non-system DLLs: $(tr '\n' ' ' <<<"$bad")"

# Resources: the type IDs at the top of objdump's .rsrc directory (3 icon,
# 14 group icon, 16 version, 24 manifest), and the version resource's
# ProductVersion, which fyne package writes as Version.Build.
types=$({ grep -oP '^[0-9a-f]+ {3}Entry: ID: 0x\K[0-9a-f]+' <<<"$dump" || true; } | while read -r h; do echo $((16#$h)); done | sort -n | tr '\n' ' ')
for t in 3 14 16 24; do
  [[ " $types" == *" $t "* ]] || fail "no resource of type $t (3 icon, 14 group icon, 16 version, 24 manifest); found types: $types"
done
version=$(sed -nE 's/^\s*Version\s*=\s*"([^"]+)"/\1/p' "$root/FyneApp.toml")
build=$(sed -nE 's/^\s*Build\s*=\s*([0-9]+)/\1/p' "$root/FyneApp.toml")
product=$({ strings -el "$exe" | grep -A1 -x ProductVersion || true; } | tail -1)
[ "$product" = "$version.$build" ] || fail "version resource says ProductVersion $product, FyneApp.toml says $version build $build"

echo "check-windows-exe: $exe ($(du -h "$exe" | cut -f1)): PE32+ x86-64, GUI subsystem, resources of types $types(icon, group icon, version $product, manifest); imports only system DLLs: $(tr '\n' ' ' <<<"$dlls")"
